#include "io/csv/experience_csv.h"

#include "engine/input_bounds.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <functional>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace sharecast::io {

namespace {

// What a column feeds. The fixed columns come first, in the order of kNamedColumns.
enum class Kind {
    PlanId,
    PlanName,
    Region,
    RateCell,
    Year,
    MemberMonths,
    RiskScore,
    Excess,
    CapitationRevenue,
    AdminCost,
    ClaimsDenied,
    ClaimsTotal,
    Grievances,
    Cost,
    Util,
};

// What one column of the file feeds: its kind and, for cost_/util_, the COS or util index.
struct Column {
    Kind kind = Kind::PlanId;
    std::size_t slot = 0;
};

// The fixed column names of §1.1, indexed by Kind; required: plan_id, region, rate_cell, year,
// member_months.
constexpr CsvColumn kNamedColumns[] = {
    {"plan_id", true},
    {"plan_name", false},
    {"region", true},
    {"rate_cell", true},
    {"year", true},
    {"member_months", true},
    {"risk_score", false},
    {"excess_over_threshold", false},
    {"capitation_revenue", false},
    {"admin_cost", false},
    {"claims_denied", false},
    {"claims_total", false},
    {"grievances", false},
};
static_assert(std::size(kNamedColumns) == static_cast<std::size_t>(Kind::Cost));

constexpr std::string_view kCostPrefix = "cost_";
constexpr std::string_view kUtilPrefix = "util_";
constexpr std::string_view kKeyColumns = "plan_id, region, rate_cell, year";

bool isOptionalNumeric(Kind kind)
{
    switch (kind) {
    case Kind::PlanId:
    case Kind::PlanName:
    case Kind::Region:
    case Kind::RateCell:
    case Kind::Year:
    case Kind::MemberMonths: return false;
    default: return true;
    }
}

//! Refuses a figure outside the bounds of engine/input_bounds.h.
void checkBound(const CsvReader& reader, std::size_t i, Kind kind, double value)
{
    switch (kind) {
    case Kind::RiskScore:
        if (value > bounds::kMaxRiskScore)
            throw reader.fieldError(
                i, "a risk score above 100 is a data error (scores are relative factors near 1)");
        return;
    case Kind::Util:
    case Kind::ClaimsDenied:
    case Kind::ClaimsTotal:
    case Kind::Grievances:
        if (value > bounds::kMaxCount)
            throw reader.fieldError(i, "a count above 1e+12 is a data error");
        return;
    default:
        if (value > bounds::kMaxAmount)
            throw reader.fieldError(
                i, "an amount above $1e+12 (a trillion dollars) in one cell is a data error");
        return;
    }
}

// Shortest text that reads back as the same double, for messages.
std::string numberText(double value)
{
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, result.ptr);
}

// Keys with spaces at either end are kept as written (§1.1) but are probably a mistake.
struct SpaceNote {
    long count = 0;
    long firstLine = 0;
    std::string firstValue;
};

bool hasOuterSpace(std::string_view text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t'; };
    return !text.empty() && (space(text.front()) || space(text.back()));
}

// Detects duplicate cell keys (§1.1) over millions of rows: an open-addressing table of (key hash,
// cell index), one flat array and no allocation per row.
class CellKeyTable {
public:
    // Index of an earlier cell for which sameKey(index) holds, or -1 after recording `index`.
    template <typename SameKey> long findOrAdd(std::uint64_t hash, std::size_t index, const SameKey& sameKey)
    {
        if ((count_ + 1) * 2 > slots_.size())
            grow();
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot& slot = slots_[i];
            if (slot.indexPlusOne == 0) {
                slot = Slot{hash, index + 1};
                ++count_;
                return -1;
            }
            if (slot.hash == hash && sameKey(slot.indexPlusOne - 1))
                return static_cast<long>(slot.indexPlusOne - 1);
        }
    }

    // Makes room for `keys` keys without growing.
    void reserve(std::size_t keys)
    {
        std::size_t size = 1024;
        while (size < 2 * keys)
            size *= 2;
        if (size > slots_.size())
            rehash(size);
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t indexPlusOne = 0; // 0: empty
    };

    void grow() { rehash(std::max<std::size_t>(1024, slots_.size() * 2)); }

    void rehash(std::size_t size)
    {
        std::vector<Slot> old(size);
        old.swap(slots_);
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& slot : old) {
            if (slot.indexPlusOne == 0)
                continue;
            std::size_t i = slot.hash & mask;
            while (slots_[i].indexPlusOne != 0)
                i = (i + 1) & mask;
            slots_[i] = slot;
        }
    }

    std::vector<Slot> slots_;
    std::size_t count_ = 0;
};

// splitmix64's finaliser: spreads a combined hash over all bits.
std::uint64_t mix(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t cellKeyHash(const ExperienceCell& cell)
{
    const std::hash<std::string_view> text;
    std::uint64_t h = mix(text(cell.planId));
    h = mix(h ^ text(cell.region));
    h = mix(h ^ text(cell.rateCell));
    return mix(h ^ static_cast<std::uint64_t>(static_cast<std::uint32_t>(cell.year)));
}

// The header of §1.1 mapped to what each column feeds.
struct Layout {
    std::vector<Column> columns;
    std::vector<std::string> cosNames;
    std::vector<std::string> utilNames;
    int claimsDenied = -1;
    int claimsTotal = -1;
    int excess = -1;
};

Layout readLayout(CsvReader& reader, ImportSummary& summary)
{
    Layout layout;
    std::vector<std::pair<std::size_t, Column>> prefixed; // cost_<cos> and util_<name>, file order
    const auto takePrefixed = [&](std::size_t i, const std::string& name) {
        if (!name.starts_with(kCostPrefix) && !name.starts_with(kUtilPrefix))
            return false;
        const bool cost = name.starts_with(kCostPrefix);
        const std::string_view rest = std::string_view(name).substr(kCostPrefix.size()); // both have 5 chars
        if (rest.empty())
            throw reader.fieldError(i, std::string("a ") + name + " column needs a name after the prefix");
        auto& list = cost ? layout.cosNames : layout.utilNames;
        prefixed.emplace_back(i, Column{cost ? Kind::Cost : Kind::Util, list.size()});
        list.emplace_back(rest);
        return true;
    };
    const std::vector<int> at =
        readCsvColumns(reader, kNamedColumns,
                       "unknown column (optional columns are plan_name, risk_score, "
                       "excess_over_threshold, capitation_revenue, admin_cost, "
                       "claims_denied, claims_total, grievances, cost_<cos> and util_<name>)",
                       takePrefixed);
    layout.columns.resize(reader.fieldCount()); // the header is still the current record
    for (std::size_t k = 0; k < at.size(); ++k)
        if (at[k] >= 0)
            layout.columns[static_cast<std::size_t>(at[k])].kind = static_cast<Kind>(k);
    for (const auto& [i, column] : prefixed)
        layout.columns[i] = column;
    layout.claimsDenied = at[static_cast<std::size_t>(Kind::ClaimsDenied)];
    layout.claimsTotal = at[static_cast<std::size_t>(Kind::ClaimsTotal)];
    layout.excess = at[static_cast<std::size_t>(Kind::Excess)];
    if (layout.cosNames.empty())
        summary.warnings.emplace_back("no cost_<cos> columns: every cell's cost is 0");
    if ((layout.claimsDenied < 0) != (layout.claimsTotal < 0))
        summary.warnings.emplace_back(
            std::string(layout.claimsDenied < 0 ? "claims_total" : "claims_denied") + " is given without " +
            (layout.claimsDenied < 0 ? "claims_denied" : "claims_total") +
            ": the appropriateness guardrail's denial rate cannot be computed");
    return layout;
}

// A key field: required, UTF-8, kept exactly as written (§1.1: key fields are not trimmed).
std::string keyField(const CsvReader& reader, std::size_t i, SpaceNote& spaces)
{
    std::string text = requiredTextField(reader, i);
    if (hasOuterSpace(text) && spaces.count++ == 0) {
        spaces.firstLine = reader.line();
        spaces.firstValue = text;
    }
    return text;
}

} // namespace

ExperienceData readExperienceCsv(QIODevice& device, const QString& fileName, ImportSummary* summary,
                                 const ImportControl& control)
{
    ImportSummary sum;
    ExperienceData data;
    data.sourceName = fileName.toStdString();
    CsvReader reader(device, data.sourceName, control);

    const Layout layout = readLayout(reader, sum);
    const std::size_t columnCount = layout.columns.size();
    data.cosNames = layout.cosNames;
    data.utilNames = layout.utilNames;

    std::vector<long> blanks(columnCount, 0);
    std::vector<SpaceNote> spaces(columnCount);
    CellKeyTable cellKeys;
    std::unordered_set<std::string> plans;
    std::set<std::string> planNameConflicts;
    std::set<Year> years;

    while (reader.next()) {
        requireFieldCount(reader, columnCount);
        if (++sum.rows == 1024 && reader.totalBytes() > 0) {
            // Size the cell array from the first rows, sparing a large file most reallocations.
            const double bytesPerRow = static_cast<double>(reader.bytesParsed()) / 1025.0;
            const auto expected =
                static_cast<std::size_t>(1.05 * static_cast<double>(reader.totalBytes()) / bytesPerRow);
            data.cells.reserve(expected);
            cellKeys.reserve(expected);
        }
        ExperienceCell cell;
        cell.sourceLine = reader.line();
        cell.cost.assign(layout.cosNames.size(), 0.0);
        cell.util.assign(layout.utilNames.size(), 0.0);
        std::string_view planName; // valid until the next record

        for (std::size_t i = 0; i < columnCount; ++i) {
            const Column& column = layout.columns[i];
            const std::string_view text = reader.field(i);
            if (isOptionalNumeric(column.kind)) {
                // §1.1: an empty optional numeric cell means 0 (risk_score 1.0) and is counted.
                double value = column.kind == Kind::RiskScore ? 1.0 : 0.0;
                if (text.empty()) {
                    ++blanks[i];
                } else {
                    value = numberField(reader, i);
                    if (column.kind == Kind::RiskScore ? !(value > 0.0) : value < 0.0)
                        throw reader.fieldError(i, column.kind == Kind::RiskScore ? "must be > 0"
                                                                                  : "must be >= 0");
                    checkBound(reader, i, column.kind, value);
                }
                switch (column.kind) {
                case Kind::RiskScore: cell.riskScore = value; break;
                case Kind::Cost: cell.cost[column.slot] = value; break;
                case Kind::Excess: cell.excessOverThreshold = value; break;
                case Kind::Util: cell.util[column.slot] = value; break;
                case Kind::CapitationRevenue: cell.capitationRevenue = value; break;
                case Kind::AdminCost: cell.adminCost = value; break;
                case Kind::ClaimsDenied: cell.claimsDenied = value; break;
                case Kind::ClaimsTotal: cell.claimsTotal = value; break;
                case Kind::Grievances: cell.grievances = value; break;
                default: break;
                }
                continue;
            }
            switch (column.kind) {
            case Kind::PlanId: cell.planId = keyField(reader, i, spaces[i]); break;
            case Kind::PlanName:
                requireUtf8Field(reader, i);
                planName = text;
                break;
            case Kind::Region: cell.region = keyField(reader, i, spaces[i]); break;
            case Kind::RateCell: cell.rateCell = keyField(reader, i, spaces[i]); break;
            case Kind::Year: cell.year = yearField(reader, i); break;
            case Kind::MemberMonths:
                requireNonEmptyField(reader, i);
                cell.memberMonths = numberField(reader, i);
                if (!(cell.memberMonths > 0.0))
                    throw reader.fieldError(i, "must be > 0");
                if (cell.memberMonths < bounds::kMinMemberMonths ||
                    cell.memberMonths > bounds::kMaxMemberMonths)
                    throw reader.fieldError(i,
                                            "must lie between 1e-06 and 1e+09 member months (a cell outside "
                                            "them is a data error; see docs/methodology.md, input bounds)");
                break;
            default: break;
            }
        }

        if (layout.claimsDenied >= 0 && layout.claimsTotal >= 0 && cell.claimsDenied > cell.claimsTotal)
            throw reader.fieldError(static_cast<std::size_t>(layout.claimsDenied),
                                    "claims_denied exceeds claims_total (" + numberText(cell.claimsTotal) +
                                        ")");
        if (layout.excess >= 0) {
            // §1.1 bounds the excess by the cell's *included* cost, but which COS are included is
            // the scenario's choice, unknown here: the reader checks the bound it can, the cell's
            // total cost (sum of all cost_ columns). The relative 1e-9 absorbs rounding in the sum.
            Dollars total = 0.0;
            for (const Dollars c : cell.cost)
                total += c;
            if (cell.excessOverThreshold > total + 1e-9 * std::max(1.0, total))
                throw reader.fieldError(static_cast<std::size_t>(layout.excess),
                                        "excess_over_threshold exceeds the cell's total cost " +
                                            numberText(total) + " (sum of the cost_ columns)");
        }

        const long earlier = cellKeys.findOrAdd(cellKeyHash(cell), data.cells.size(), [&](std::size_t j) {
            const ExperienceCell& other = data.cells[j];
            return other.year == cell.year && other.planId == cell.planId && other.region == cell.region &&
                   other.rateCell == cell.rateCell;
        });
        if (earlier >= 0)
            throw InputError(InputLocation{data.sourceName, reader.line(), std::string(kKeyColumns),
                                           cell.planId + " | " + cell.region + " | " + cell.rateCell + " | " +
                                               std::to_string(cell.year),
                                           true},
                             "duplicate cell; first given on line " +
                                 std::to_string(data.cells[static_cast<std::size_t>(earlier)].sourceLine));

        if (!planName.empty()) {
            const auto named = data.planNames.find(cell.planId);
            if (named == data.planNames.end())
                data.planNames.emplace(cell.planId, planName);
            else if (named->second != planName && planNameConflicts.insert(cell.planId).second)
                sum.warnings.push_back("plan '" + cell.planId + "' has more than one plan_name; line " +
                                       std::to_string(reader.line()) + " says '" + std::string(planName) +
                                       "', '" + named->second + "' is kept");
        }
        plans.insert(cell.planId);
        years.insert(cell.year);
        data.cells.push_back(std::move(cell));
    }

    if (data.cells.empty())
        throw InputError(InputLocation{data.sourceName, 1, {}, {}, false},
                         "the file has a header but no data rows");

    for (std::size_t i = 0; i < columnCount; ++i) {
        if (isOptionalNumeric(layout.columns[i].kind) && blanks[i] > 0)
            sum.blanks.push_back(BlankCount{reader.columnName(i), blanks[i]});
        if (spaces[i].count > 0)
            sum.warnings.push_back(reader.columnName(i) + ": " + std::to_string(spaces[i].count) +
                                   " value(s) begin or end with a space, kept as written (first on line " +
                                   std::to_string(spaces[i].firstLine) + ": '" + spaces[i].firstValue + "')");
    }
    sum.cells = static_cast<long>(data.cells.size());
    sum.plans = static_cast<long>(plans.size());
    sum.years.assign(years.begin(), years.end());
    sum.cosCount = static_cast<int>(data.cosNames.size());
    if (summary != nullptr)
        *summary = std::move(sum);
    return data;
}

ExperienceData readExperienceFile(const QString& path, ImportSummary* summary, const ImportControl& control)
{
    return readInputFile(path, [&](QIODevice& in) { return readExperienceCsv(in, path, summary, control); });
}

} // namespace sharecast::io
