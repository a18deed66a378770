#include "io/csv/members_csv.h"

#include "engine/input_bounds.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <string_view>
#include <unordered_map>

namespace sharecast::io {

namespace {

enum Fixed { MemberId, PlanId, Region, RateCell, YearCol, MemberMonthsCol, RiskScore, kFixed };
constexpr CsvColumn kFixedColumns[kFixed] = {{"member_id", true},  {"plan_id", true}, {"region", true},
                                             {"rate_cell", true},  {"year", true},    {"member_months", true},
                                             {"risk_score", false}};
constexpr const char* kUnknownColumn =
    "unknown column (members.csv has member_id, plan_id, region, rate_cell, "
    "year, member_months, risk_score, cost_<cos>, util_<name>)";

//! Open-addressing set of 64-bit row keys with the line that first used each, for the duplicate
//! check over millions of rows in about 12 bytes per slot (keys and lines in separate arrays,
//! load factor up to 0.7). Keys are hashes of (member, plan, region, rate cell, year); two
//! different rows share a 64-bit hash with probability about n²/2⁶⁵ (3·10⁻⁶ for 10 million rows).
class SeenRows {
public:
    //! The line of an earlier row with the same key, or 0 after recording this one.
    long insert(std::uint64_t key, long line)
    {
        if (key == 0)
            key = 1; // 0 marks an empty slot
        if ((count_ + 1) * 10 > keys_.size() * 7)
            grow();
        const std::size_t mask = keys_.size() - 1;
        std::size_t i = key & mask;
        while (keys_[i] != 0) {
            if (keys_[i] == key)
                return static_cast<long>(lines_[i]);
            i = (i + 1) & mask;
        }
        keys_[i] = key;
        lines_[i] = static_cast<std::uint32_t>(std::min<long>(line, 0xffffffffL));
        ++count_;
        return 0;
    }

private:
    void grow()
    {
        std::vector<std::uint64_t> oldKeys = std::move(keys_);
        std::vector<std::uint32_t> oldLines = std::move(lines_);
        const std::size_t size = std::max<std::size_t>(std::size_t(1) << 16, oldKeys.size() * 2);
        keys_.assign(size, 0);
        lines_.assign(size, 0);
        const std::size_t mask = size - 1;
        for (std::size_t j = 0; j < oldKeys.size(); ++j)
            if (oldKeys[j] != 0) {
                std::size_t i = oldKeys[j] & mask;
                while (keys_[i] != 0)
                    i = (i + 1) & mask;
                keys_[i] = oldKeys[j];
                lines_[i] = oldLines[j];
            }
    }
    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> lines_;
    std::size_t count_ = 0;
};

std::uint64_t mix(std::uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

} // namespace

MemberImport readMembersCsv(QIODevice& device, const QString& fileName,
                            const MemberAggregationOptions& options, const ImportControl& control)
{
    CsvReader reader(device, fileName.toStdString(), control);
    MemberImport out;
    ExperienceData& data = out.cells;
    data.sourceName = fileName.toStdString();

    // Layout: the fixed columns, cost_<cos> and util_<name> in file order.
    std::vector<int> costAt, utilAt; // column index per COS / util
    const auto takePrefixed = [&](std::size_t i, const std::string& name) {
        if (name.rfind("cost_", 0) == 0 && name.size() > 5) {
            data.cosNames.push_back(name.substr(5));
            costAt.push_back(static_cast<int>(i));
        } else if (name.rfind("util_", 0) == 0 && name.size() > 5) {
            data.utilNames.push_back(name.substr(5));
            utilAt.push_back(static_cast<int>(i));
        } else {
            // The whole name as the value (not cut to the 80 bytes of a field error).
            throw InputError(InputLocation{data.sourceName, 1, name, name, true}, kUnknownColumn);
        }
        return true;
    };
    const std::vector<int> fixedAt = readCsvColumns(reader, kFixedColumns, kUnknownColumn, takePrefixed);
    const std::size_t columns = reader.fieldCount(); // the header's

    // Which COS count towards a member's cost (truncation and statistics).
    std::vector<char> included(data.cosNames.size(), 1);
    for (std::size_t s = 0; s < data.cosNames.size(); ++s) {
        const std::string& name = data.cosNames[s];
        if (options.includedCos)
            included[s] = std::find(options.includedCos->begin(), options.includedCos->end(), name) !=
                          options.includedCos->end();
        if (std::find(options.excludedCos.begin(), options.excludedCos.end(), name) !=
            options.excludedCos.end())
            included[s] = 0;
        if (included[s])
            out.aggregates.includedCos.push_back(name);
    }
    out.aggregates.truncationThreshold = options.truncationThreshold;

    std::unordered_map<std::string, std::size_t> cellIndex;
    std::string key;
    std::string lastKey;
    std::size_t lastCell = 0;
    SeenRows seen;
    std::vector<double> costs(data.cosNames.size());
    const std::hash<std::string_view> hasher;

    while (reader.next()) {
        requireFieldCount(reader, columns);
        ++out.rows;
        for (int k : {MemberId, PlanId, Region, RateCell, YearCol, MemberMonthsCol})
            requireNonEmptyField(reader, static_cast<std::size_t>(fixedAt[k]));
        for (int k : {MemberId, PlanId, Region, RateCell})
            requireUtf8Field(reader, static_cast<std::size_t>(fixedAt[k]));
        const long long year = integerField(reader, static_cast<std::size_t>(fixedAt[YearCol]));
        if (year < 1900 || year > 2200)
            throw reader.fieldError(static_cast<std::size_t>(fixedAt[YearCol]), "not a plausible year");
        const double mm = numberField(reader, static_cast<std::size_t>(fixedAt[MemberMonthsCol]));
        if (!(mm > 0.0) || mm > 12.0)
            throw reader.fieldError(static_cast<std::size_t>(fixedAt[MemberMonthsCol]),
                                    "a member's months in a year must be > 0 and at most 12");
        double risk = 1.0;
        if (fixedAt[RiskScore] >= 0) {
            const auto i = static_cast<std::size_t>(fixedAt[RiskScore]);
            if (reader.field(i).empty()) {
                ++out.blankRiskScores;
            } else {
                risk = numberField(reader, i);
                if (!(risk > 0.0))
                    throw reader.fieldError(i, "must be > 0");
                if (risk > bounds::kMaxRiskScore) // risk · member months must stay finite
                    throw reader.fieldError(
                        i, "a risk score above 100 is a data error (scores are relative factors near 1)");
            }
        }

        const std::string_view plan = reader.field(static_cast<std::size_t>(fixedAt[PlanId]));
        const std::string_view region = reader.field(static_cast<std::size_t>(fixedAt[Region]));
        const std::string_view cell = reader.field(static_cast<std::size_t>(fixedAt[RateCell]));
        const std::string_view member = reader.field(static_cast<std::size_t>(fixedAt[MemberId]));
        key.assign(plan);
        key += '\x1f';
        key += region;
        key += '\x1f';
        key += cell;
        key += '\x1f';
        key += std::to_string(year);

        const std::uint64_t rowKey = mix(hasher(key) * 31 + hasher(member));
        if (const long earlier = seen.insert(rowKey, reader.line()))
            throw InputError(
                InputLocation{data.sourceName, reader.line(), "member_id", std::string(member), true},
                "the member is listed twice for the same plan, region, rate cell and year (also on line " +
                    std::to_string(earlier) + ")");

        if (key != lastKey || data.cells.empty()) {
            const auto [it, added] = cellIndex.try_emplace(key, data.cells.size());
            if (added) {
                ExperienceCell c;
                c.planId = plan;
                c.region = region;
                c.rateCell = cell;
                c.year = static_cast<Year>(year);
                c.riskScore = 0.0; // Σ risk·MM until the end
                c.cost.assign(data.cosNames.size(), 0.0);
                c.util.assign(data.utilNames.size(), 0.0);
                c.sourceLine = reader.line();
                data.cells.push_back(std::move(c));
                MemberCellAggregate a;
                a.planId = plan;
                a.region = region;
                a.rateCell = cell;
                a.year = static_cast<Year>(year);
                out.aggregates.cells.push_back(std::move(a));
            }
            lastCell = it->second;
            lastKey = key;
        }
        ExperienceCell& c = data.cells[lastCell];
        MemberCellAggregate& agg = out.aggregates.cells[lastCell];

        double memberCost = 0.0;
        for (std::size_t s = 0; s < costAt.size(); ++s) {
            const auto i = static_cast<std::size_t>(costAt[s]);
            double v = 0.0;
            if (reader.field(i).empty()) {
                ++out.blankAmounts;
            } else {
                v = numberField(reader, i);
                if (v < 0.0)
                    throw reader.fieldError(i, "an amount must not be negative");
                if (v > bounds::kMaxAmount)
                    throw reader.fieldError(
                        i, "an amount above $1e+12 (a trillion dollars) for one member is a data error");
            }
            costs[s] = v;
            c.cost[s] += v;
            if (included[s])
                memberCost += v;
        }
        for (std::size_t u = 0; u < utilAt.size(); ++u) {
            const auto i = static_cast<std::size_t>(utilAt[u]);
            if (reader.field(i).empty()) {
                ++out.blankAmounts;
                continue;
            }
            const double v = numberField(reader, i);
            if (v < 0.0)
                throw reader.fieldError(i, "a count must not be negative");
            if (v > bounds::kMaxCount)
                throw reader.fieldError(i, "a count above 1e+12 is a data error");
            c.util[u] += v;
        }
        const double excess = std::max(0.0, memberCost - options.truncationThreshold); // §1.3
        c.memberMonths += mm;
        c.riskScore += risk * mm;
        c.excessOverThreshold += excess;
        agg.members += 1;
        agg.memberMonths += mm;
        agg.costSum += memberCost;
        agg.costSumSquares += memberCost * memberCost;
        agg.excessSum += excess;
        const double truncated = memberCost - excess; // min(cost, threshold)
        agg.truncatedSum = agg.truncatedSum.value_or(0.0) + truncated;
        agg.truncatedSumSquares = agg.truncatedSumSquares.value_or(0.0) + truncated * truncated;
    }
    if (out.rows == 0)
        throw InputError(InputLocation{data.sourceName, 1, "", "", false},
                         "the file has a header but no member rows");
    for (ExperienceCell& c : data.cells)
        c.riskScore = c.riskScore / c.memberMonths;
    return out;
}

} // namespace sharecast::io
