#include "io/csv/members_csv.h"

#include "engine/input_bounds.h"
#include "io/csv/csv_chunker.h"
#include "io/csv/exact_decimal.h"
#include "io/csv/row_key_set.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <string_view>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace sharecast::io {

namespace {

enum Fixed { MemberId, PlanId, Region, RateCell, YearCol, MemberMonthsCol, RiskScore, kFixed };
constexpr CsvColumn kFixedColumns[kFixed] = {{"member_id", true},  {"plan_id", true}, {"region", true},
                                             {"rate_cell", true},  {"year", true},    {"member_months", true},
                                             {"risk_score", false}};
constexpr const char* kUnknownColumn =
    "unknown column (members.csv has member_id, plan_id, region, rate_cell, "
    "year, member_months, risk_score, cost_<cos>, util_<name>)";
constexpr const char* kTooManyDigits = "more than 19 significant digits: amounts are summed exactly";
constexpr const char* kListedTwice =
    "the member is listed twice for the same plan, region, rate cell and year";
constexpr const char* kScalesTooFarApart =
    "the amounts cannot be summed exactly: their scales lie too far apart (the sum would need more "
    "than 77 digits)";

std::uint64_t mix(std::uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

//! The text naming a cell: plan, region, rate cell and year, separated by U+001F.
void cellKeyText(std::string& key, std::string_view plan, std::string_view region, std::string_view cell,
                 long long year)
{
    key.assign(plan);
    key += '\x1f';
    key += region;
    key += '\x1f';
    key += cell;
    key += '\x1f';
    key += std::to_string(year);
}

//! The duplicate check's key of a member row: a 64-bit hash of its cell and member id. Two
//! different rows share one with probability about n²/2⁶⁵ (3·10⁻⁶ for 10 million rows).
std::uint64_t rowKey(std::string_view cellKey, std::string_view member)
{
    const std::hash<std::string_view> hasher;
    return mix(hasher(cellKey) * 31 + hasher(member));
}

//! The columns of the file and the fixed inputs of the per-member rule.
struct Layout {
    std::string fileName;
    std::vector<std::string> names;
    std::vector<int> fixedAt; // per Fixed, -1 when absent
    std::vector<int> costAt, utilAt;
    std::vector<char> included; // per COS: counts towards the member's cost
    std::size_t columns = 0;
    ExactDecimal threshold;

    std::size_t at(Fixed f) const { return static_cast<std::size_t>(fixedAt[f]); }
};

//! The exact sums of one cell (methodology §1.3's exact-sum rule).
struct CellSums {
    std::string planId, region, rateCell;
    Year year = 0;
    long firstLine = 0;
    qint64 members = 0;
    ExactDecimal memberMonths, riskMemberMonths, excess, costSum, costSquares, truncatedSum, truncatedSquares;
    std::vector<ExactDecimal> cost, util;

    void add(const CellSums& o)
    {
        firstLine = std::min(firstLine, o.firstLine);
        members += o.members;
        memberMonths.add(o.memberMonths);
        riskMemberMonths.add(o.riskMemberMonths);
        excess.add(o.excess);
        costSum.add(o.costSum);
        costSquares.add(o.costSquares);
        truncatedSum.add(o.truncatedSum);
        truncatedSquares.add(o.truncatedSquares);
        for (std::size_t s = 0; s < cost.size(); ++s)
            cost[s].add(o.cost[s]);
        for (std::size_t u = 0; u < util.size(); ++u)
            util[u].add(o.util[u]);
    }
};

//! What one chunk gave.
struct ChunkResult {
    std::vector<CellSums> cells;
    long rows = 0;
    long blankRiskScores = 0;
    long blankAmounts = 0;
    bool hasRecord = false;     // next() returned a record (an empty line included)
    long trailingBlankLine = 0; // the chunk ended with empty lines from this one
    std::optional<InputError> error;
    bool errorAfterKey = false; // the error row's duplicate check was due before its error
    std::exception_ptr failure; // anything but an input error
    std::vector<std::uint64_t> repeatedKeys;
};

//! Parses chunks of member rows into exact cell sums; one per thread.
class ChunkParser {
public:
    ChunkParser(const Layout& layout, RowKeySet& keys) : layout_(layout), keys_(keys) {}

    ChunkResult parse(std::string_view bytes, long firstLine)
    {
        ChunkResult out;
        rowKeys_.clear();
        cellIndex_.clear();
        lastKey_.clear();
        CsvReaderOptions options;
        options.firstLine = firstLine;
        options.byteOrderMark = false;
        CsvReader reader(bytes, layout_.fileName, options);
        reader.setColumnNames(layout_.names);
        try {
            while (reader.next()) {
                out.hasRecord = true;
                keyTaken_ = false;
                row(reader, out);
            }
            out.trailingBlankLine = reader.trailingBlankLine();
        } catch (const InputError& e) {
            out.error = e;
            out.errorAfterKey = keyTaken_;
        }
        keys_.insert(rowKeys_, out.repeatedKeys);
        return out;
    }

private:
    //! The exact decimal in field i; throws InputError naming it unless it is a finite number of
    //! at most 19 significant digits.
    Decimal number(const CsvReader& reader, std::size_t i) const
    {
        Decimal d;
        switch (parseDecimal(reader.field(i), d)) {
        case DecimalText::NotANumber:
            throw reader.fieldError(i, reader.field(i).empty() ? "a number is required"
                                                               : "not a finite decimal number");
        case DecimalText::TooManyDigits: throw reader.fieldError(i, kTooManyDigits);
        case DecimalText::Ok: break;
        }
        // Beyond double's range, as parseFiniteNumber() tells (the magnitude lies within 20 of the
        // exponent, so only an exponent far out needs the check).
        if ((d.exponent > 280 || d.exponent < -300) && !parseFiniteNumber(reader.field(i)))
            throw reader.fieldError(i, "not a finite decimal number");
        return d;
    }

    //! A cost_ or util_ amount: 0 when blank (counted), else at least 0 and at most limit.
    Decimal amount(const CsvReader& reader, std::size_t i, ChunkResult& out, const char* negative,
                   const DecimalLimit& limit, const char* tooLarge) const
    {
        if (reader.field(i).empty()) {
            ++out.blankAmounts;
            return {};
        }
        const Decimal v = number(reader, i);
        if (v.negative)
            throw reader.fieldError(i, negative);
        if (limit.exceededBy(v))
            throw reader.fieldError(i, tooLarge);
        return v;
    }

    CellSums& cellOf(const CsvReader& reader, std::string_view plan, std::string_view region,
                     std::string_view cell, Year year, ChunkResult& out)
    {
        if (key_ == lastKey_ && !out.cells.empty())
            return out.cells[lastCell_];
        const auto [it, added] = cellIndex_.try_emplace(key_, out.cells.size());
        if (added) {
            CellSums c;
            c.planId = plan;
            c.region = region;
            c.rateCell = cell;
            c.year = year;
            c.firstLine = reader.line();
            c.cost.resize(layout_.costAt.size());
            c.util.resize(layout_.utilAt.size());
            out.cells.push_back(std::move(c));
        }
        lastCell_ = it->second;
        lastKey_ = key_;
        return out.cells[lastCell_];
    }

    void row(const CsvReader& reader, ChunkResult& out)
    {
        requireFieldCount(reader, layout_.columns);
        ++out.rows;
        for (Fixed k : {MemberId, PlanId, Region, RateCell, YearCol, MemberMonthsCol})
            requireNonEmptyField(reader, layout_.at(k));
        for (Fixed k : {MemberId, PlanId, Region, RateCell})
            requireUtf8Field(reader, layout_.at(k));
        const long long year = integerField(reader, layout_.at(YearCol));
        if (year < 1900 || year > 2200)
            throw reader.fieldError(layout_.at(YearCol), "not a plausible year");
        const Decimal mm = number(reader, layout_.at(MemberMonthsCol));
        if (mm.negative || mm.mantissa == 0 || months_.exceededBy(mm))
            throw reader.fieldError(layout_.at(MemberMonthsCol),
                                    "a member's months in a year must be > 0 and at most 12");
        Decimal risk{1, 0, false};
        if (layout_.fixedAt[RiskScore] >= 0) {
            const std::size_t i = layout_.at(RiskScore);
            if (reader.field(i).empty()) {
                ++out.blankRiskScores;
            } else {
                risk = number(reader, i);
                if (risk.negative || risk.mantissa == 0)
                    throw reader.fieldError(i, "must be > 0");
                if (riskLimit_.exceededBy(risk)) // risk · member months must stay finite
                    throw reader.fieldError(
                        i, "a risk score above 100 is a data error (scores are relative factors near 1)");
            }
        }

        const std::string_view plan = reader.field(layout_.at(PlanId));
        const std::string_view region = reader.field(layout_.at(Region));
        const std::string_view cell = reader.field(layout_.at(RateCell));
        cellKeyText(key_, plan, region, cell, year);
        rowKeys_.push_back(rowKey(key_, reader.field(layout_.at(MemberId))));
        keyTaken_ = true;
        CellSums& c = cellOf(reader, plan, region, cell, static_cast<Year>(year), out);

        try {
            ExactDecimal memberCost;
            for (std::size_t s = 0; s < layout_.costAt.size(); ++s) {
                const Decimal v =
                    amount(reader, static_cast<std::size_t>(layout_.costAt[s]), out,
                           "an amount must not be negative", amountLimit_,
                           "an amount above $1e+12 (a trillion dollars) for one member is a data error");
                c.cost[s].add(v);
                if (layout_.included[s])
                    memberCost.add(v);
            }
            for (std::size_t u = 0; u < layout_.utilAt.size(); ++u)
                c.util[u].add(amount(reader, static_cast<std::size_t>(layout_.utilAt[u]), out,
                                     "a count must not be negative", countLimit_,
                                     "a count above 1e+12 is a data error"));
            // §1.3: excess = max(0, cost − T), truncated = min(cost, T), each exact.
            const bool above = ExactDecimal::compare(memberCost, layout_.threshold) > 0;
            const ExactDecimal truncated = above ? layout_.threshold : memberCost;
            if (above)
                c.excess.add(memberCost.minus(layout_.threshold));
            c.members += 1;
            c.memberMonths.add(mm);
            c.riskMemberMonths.add(ExactDecimal::product(risk, mm));
            c.costSum.add(memberCost);
            c.costSquares.add(ExactDecimal::product(memberCost, memberCost));
            c.truncatedSum.add(truncated);
            c.truncatedSquares.add(ExactDecimal::product(truncated, truncated));
        } catch (const ExactOverflow&) {
            throw reader.recordError({}, kScalesTooFarApart);
        }
    }

    const Layout& layout_;
    RowKeySet& keys_;
    const DecimalLimit months_{12.0};
    const DecimalLimit riskLimit_{bounds::kMaxRiskScore};
    const DecimalLimit amountLimit_{bounds::kMaxAmount};
    const DecimalLimit countLimit_{bounds::kMaxCount};
    std::unordered_map<std::string, std::size_t> cellIndex_;
    std::string key_, lastKey_;
    std::size_t lastCell_ = 0;
    std::vector<std::uint64_t> rowKeys_;
    bool keyTaken_ = false;
};

//! Chunks handed from the reading thread to the parsing threads, and their results back, with at
//! most `maxInFlight` chunks (and their blocks) alive at once. The destructor stops and joins the
//! threads (on an error or a cancel, chunks not yet parsed are skipped).
class ChunkPipeline {
public:
    ChunkPipeline(const Layout& layout, RowKeySet& keys, unsigned threads) : maxInFlight_(threads + 2)
    {
        for (unsigned t = 0; t < threads; ++t)
            workers_.emplace_back([this, &layout, &keys] { work(ChunkParser(layout, keys)); });
    }
    ~ChunkPipeline()
    {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
            skipFrom_ = 0;
        }
        changed_.notify_all();
        for (std::thread& t : workers_)
            t.join();
    }
    ChunkPipeline(const ChunkPipeline&) = delete;
    ChunkPipeline& operator=(const ChunkPipeline&) = delete;

    //! A buffer for the next chunk, once fewer than maxInFlight chunks are being parsed; meanwhile
    //! passes the results ready in file order to merge (which returns false to stop: then null).
    std::optional<CsvChunk> room(const std::function<bool(ChunkResult&)>& merge)
    {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (!mergeReady(lock, merge))
                return std::nullopt;
            if (inFlight_ < maxInFlight_)
                break;
            changed_.wait(lock);
        }
        CsvChunk chunk;
        if (!spare_.empty()) {
            chunk = std::move(spare_.back());
            spare_.pop_back();
        }
        return chunk;
    }

    //! Queues a chunk whose records start at byte `offset`, on line firstLine.
    void push(CsvChunk chunk, std::size_t offset, long firstLine)
    {
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(Work{pushed_++, std::move(chunk), offset, firstLine});
            ++inFlight_;
        }
        changed_.notify_all();
    }

    //! Waits for every chunk pushed, passing the results to merge in file order until it returns false.
    void finish(const std::function<bool(ChunkResult&)>& merge)
    {
        std::unique_lock lock(mutex_);
        while (mergeReady(lock, merge) && merged_ < pushed_)
            changed_.wait(lock);
    }

private:
    struct Work {
        std::size_t index = 0;
        CsvChunk chunk;
        std::size_t offset = 0;
        long firstLine = 1;
    };

    bool mergeReady(std::unique_lock<std::mutex>& lock, const std::function<bool(ChunkResult&)>& merge)
    {
        for (auto it = done_.find(merged_); it != done_.end(); it = done_.find(merged_)) {
            ChunkResult r = std::move(it->second);
            done_.erase(it);
            ++merged_;
            lock.unlock();
            const bool more = merge(r);
            lock.lock();
            if (!more) {
                skipFrom_ = merged_; // later chunks are not needed
                return false;
            }
        }
        return true;
    }

    void work(ChunkParser parser)
    {
        std::unique_lock lock(mutex_);
        for (;;) {
            changed_.wait(lock, [&] { return closed_ || !queue_.empty(); });
            if (queue_.empty())
                return;
            Work w = std::move(queue_.front());
            queue_.pop_front();
            const bool skip = w.index >= skipFrom_;
            lock.unlock();
            ChunkResult r;
            if (w.chunk.error) {
                r.error = w.chunk.error;
            } else if (!skip) {
                try {
                    r = parser.parse(w.chunk.bytes().substr(w.offset), w.firstLine);
                } catch (...) {
                    r.failure = std::current_exception();
                }
            }
            lock.lock();
            done_.emplace(w.index, std::move(r));
            spare_.push_back(std::move(w.chunk));
            --inFlight_;
            changed_.notify_all();
        }
    }

    const std::size_t maxInFlight_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Work> queue_;
    std::map<std::size_t, ChunkResult> done_;
    std::vector<CsvChunk> spare_;
    std::size_t pushed_ = 0, merged_ = 0, inFlight_ = 0;
    std::size_t skipFrom_ = SIZE_MAX;
    bool closed_ = false;
    std::vector<std::thread> workers_;
};

//! Where the first duplicate row lies: its line, its member id and the line of the earlier row.
struct Duplicate {
    long line = 0;
    long earlierLine = 0;
    std::string member;
};

//! The first row (in file order, before line `limit`, or at it when `inclusive`) whose key is one of
//! `repeated` and was seen on an earlier row: a second pass over the input, made only when the
//! parallel check found a repeated key. nullopt when there is none.
std::optional<Duplicate> findDuplicate(QIODevice& device, const Layout& layout,
                                       const std::unordered_set<std::uint64_t>& repeated, long limit,
                                       bool inclusive)
{
    CsvReader reader(device, layout.fileName);
    readCsvHeader(reader);
    std::unordered_map<std::uint64_t, long> firstLine;
    std::string key;
    while (reader.next()) {
        const long line = reader.line();
        if (line > limit || (line == limit && !inclusive))
            break;
        const long long year = parseInteger(reader.field(layout.at(YearCol))).value_or(0);
        cellKeyText(key, reader.field(layout.at(PlanId)), reader.field(layout.at(Region)),
                    reader.field(layout.at(RateCell)), year);
        const std::string_view member = reader.field(layout.at(MemberId));
        const std::uint64_t k = rowKey(key, member);
        if (!repeated.contains(k))
            continue;
        const auto [it, added] = firstLine.try_emplace(k, line);
        if (!added)
            return Duplicate{line, it->second, std::string(member)};
    }
    return std::nullopt;
}

using CellId = std::tuple<std::string, std::string, std::string, Year>;

} // namespace

MemberImport readMembersCsv(QIODevice& device, const QString& fileName,
                            const MemberAggregationOptions& options, const ImportControl& control)
{
    MemberImport out;
    ExperienceData& data = out.cells;
    data.sourceName = fileName.toStdString();
    const qint64 start = device.isSequential() ? -1 : device.pos();

    CsvChunker chunker(device, data.sourceName, std::max<std::size_t>(options.blockBytes, 1),
                       CsvReaderOptions{}.maxRecordBytes, control);
    CsvChunk first;
    chunker.next(first);
    if (first.error)
        throw *first.error;

    // The header, from the first chunk. Layout: the fixed columns, cost_<cos> and util_<name> in
    // file order.
    Layout layout;
    layout.fileName = data.sourceName;
    CsvReader header(first.bytes(), layout.fileName);
    const auto takePrefixed = [&](std::size_t i, const std::string& name) {
        if (name.rfind("cost_", 0) == 0 && name.size() > 5) {
            data.cosNames.push_back(name.substr(5));
            layout.costAt.push_back(static_cast<int>(i));
        } else if (name.rfind("util_", 0) == 0 && name.size() > 5) {
            data.utilNames.push_back(name.substr(5));
            layout.utilAt.push_back(static_cast<int>(i));
        } else {
            // The whole name as the value (not cut to the 80 bytes of a field error).
            throw InputError(InputLocation{data.sourceName, 1, name, name, true}, kUnknownColumn);
        }
        return true;
    };
    layout.fixedAt = readCsvColumns(header, kFixedColumns, kUnknownColumn, takePrefixed);
    layout.columns = header.fieldCount();
    for (std::size_t i = 0; i < layout.columns; ++i)
        layout.names.push_back(header.columnName(i));

    // Which COS count towards a member's cost (truncation and statistics).
    layout.included.assign(data.cosNames.size(), 1);
    for (std::size_t s = 0; s < data.cosNames.size(); ++s) {
        const std::string& name = data.cosNames[s];
        if (options.includedCos)
            layout.included[s] = std::find(options.includedCos->begin(), options.includedCos->end(), name) !=
                                 options.includedCos->end();
        if (std::find(options.excludedCos.begin(), options.excludedCos.end(), name) !=
            options.excludedCos.end())
            layout.included[s] = 0;
        if (layout.included[s])
            out.aggregates.includedCos.push_back(name);
    }
    out.aggregates.truncationThreshold = options.truncationThreshold;
    if (!(options.truncationThreshold >= 0.0) || !std::isfinite(options.truncationThreshold))
        throw InputError("the truncation threshold must be a finite amount of at least 0");
    layout.threshold = ExactDecimal(shortestDecimal(options.truncationThreshold)); // §1.3: T as written

    // Room for the expected rows in the duplicate check, from the first chunk's line length.
    const long firstLines = std::max(1L, chunker.nextLine() - 1);
    const qint64 total = chunker.totalBytes();
    const std::size_t expectedRows =
        total > 0 ? static_cast<std::size_t>(
                        static_cast<double>(total) /
                        (static_cast<double>(first.size) / static_cast<double>(firstLines)) * 1.1) +
                        4096
                  : std::size_t(1) << 16;
    RowKeySet keys(expectedRows);

    // Merged in file order: the first error in the file wins, whatever thread found it.
    std::map<CellId, CellSums> cells;
    std::optional<InputError> firstError;
    long errorLimit = LONG_MAX; // rows before it were valid; a duplicate before it wins
    bool limitInclusive = false;
    long pendingBlank = 0;
    std::unordered_set<std::uint64_t> repeated;
    std::exception_ptr failure;
    const auto merge = [&](ChunkResult& r) {
        repeated.insert(r.repeatedKeys.begin(), r.repeatedKeys.end());
        if (r.failure) {
            failure = r.failure;
            return false;
        }
        if (pendingBlank != 0 && r.hasRecord) {
            // An empty line followed by more records (possibly in the next chunk).
            firstError = emptyLineError(data.sourceName, pendingBlank, layout.columns);
            errorLimit = pendingBlank;
            return false;
        }
        if (r.error) {
            firstError = r.error;
            errorLimit = r.error->where().line;
            limitInclusive = r.errorAfterKey;
            return false;
        }
        if (pendingBlank == 0)
            pendingBlank = r.trailingBlankLine;
        out.rows += r.rows;
        out.blankRiskScores += r.blankRiskScores;
        out.blankAmounts += r.blankAmounts;
        try {
            for (CellSums& c : r.cells) {
                const auto [it, added] =
                    cells.try_emplace(CellId{c.planId, c.region, c.rateCell, c.year}, std::move(c));
                if (!added)
                    it->second.add(c);
            }
        } catch (const ExactOverflow&) {
            firstError = InputError(InputLocation{data.sourceName, 0, {}, {}, false}, kScalesTooFarApart);
            return false;
        }
        return true;
    };

    {
        const unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads)
                                                     : std::max(1u, std::thread::hardware_concurrency());
        ChunkPipeline pipeline(layout, keys, threads);
        const std::size_t offset = static_cast<std::size_t>(header.bytesParsed());
        const long firstLine = header.nextLine();
        pipeline.push(std::move(first), offset, firstLine);
        for (;;) {
            std::optional<CsvChunk> chunk = pipeline.room(merge);
            if (!chunk || !chunker.next(*chunk))
                break;
            const long line = chunk->firstLine;
            pipeline.push(std::move(*chunk), 0, line);
        }
        pipeline.finish(merge);
    }
    if (failure)
        std::rethrow_exception(failure);

    if (!repeated.empty()) {
        // Which rows repeat depends on the threads' timing; a second pass finds the first in file order.
        if (start < 0 || !device.seek(start))
            throw InputError(InputLocation{data.sourceName, 0, "member_id", {}, false},
                             std::string(kListedTwice) +
                                 " (the input cannot be read again to find the lines)");
        if (const std::optional<Duplicate> d =
                findDuplicate(device, layout, repeated, errorLimit, limitInclusive))
            throw InputError(InputLocation{data.sourceName, d->line, "member_id", d->member, true},
                             std::string(kListedTwice) + " (also on line " + std::to_string(d->earlierLine) +
                                 ")");
    }
    if (firstError)
        throw *firstError;
    if (out.rows == 0)
        throw InputError(InputLocation{data.sourceName, 1, "", "", false},
                         "the file has a header but no member rows");

    // Each exact sum to its nearest double, once (§1.3); cells ordered by their ids and year.
    for (const auto& [id, s] : cells) {
        ExperienceCell c;
        c.planId = s.planId;
        c.region = s.region;
        c.rateCell = s.rateCell;
        c.year = s.year;
        c.sourceLine = s.firstLine;
        c.memberMonths = s.memberMonths.toDouble();
        c.riskScore = s.riskMemberMonths.toDouble() / c.memberMonths;
        for (const ExactDecimal& v : s.cost)
            c.cost.push_back(v.toDouble());
        for (const ExactDecimal& v : s.util)
            c.util.push_back(v.toDouble());
        c.excessOverThreshold = s.excess.toDouble();
        MemberCellAggregate a;
        a.planId = s.planId;
        a.region = s.region;
        a.rateCell = s.rateCell;
        a.year = s.year;
        a.members = s.members;
        a.memberMonths = c.memberMonths;
        a.costSum = s.costSum.toDouble();
        a.costSumSquares = s.costSquares.toDouble();
        a.excessSum = c.excessOverThreshold;
        a.truncatedSum = s.truncatedSum.toDouble();
        a.truncatedSumSquares = s.truncatedSquares.toDouble();
        data.cells.push_back(std::move(c));
        out.aggregates.cells.push_back(std::move(a));
    }
    return out;
}

} // namespace sharecast::io
