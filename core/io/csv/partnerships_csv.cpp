#include "io/csv/partnerships_csv.h"

#include "io/json/json.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

namespace sharecast::io {

namespace {

enum Col {
    kPlanId,
    kPartnerId,
    kPartnerName,
    kService,
    kYear,
    kMembersEngaged,
    kMemberMonths,
    kPmpm,
    kOutreachAttempts,
    kOutreachFee,
    kOutreachCap,
    kOutcomeMeasure,
    kOutcomeBaseline,
    kOutcomeTarget,
    kOutcomeActual,
    kOutcomeBonus,
    kSavingsPassThrough,
    kOperatingCost,
    kGrantIpp,
    kGrantPath,
    kGrantOther,
    kUtilizationAvoided,
    kColumnKinds
};

constexpr CsvColumn kColumns[kColumnKinds] = {
    {"plan_id", true},
    {"partner_id", true},
    {"partner_name", false},
    {"service", true},
    {"year", true},
    {"members_engaged", false},
    {"member_months", false},
    {"pmpm", false},
    {"outreach_attempts", false},
    {"outreach_fee", false},
    {"outreach_cap", false},
    {"outcome_measure", false},
    {"outcome_baseline", false},
    {"outcome_target", false},
    {"outcome_actual", false},
    {"outcome_bonus", false},
    {"savings_pass_through", false},
    {"operating_cost", false},
    {"grant_ipp", false},
    {"grant_path", false},
    {"grant_other", false},
    {"utilization_avoided", false},
};

std::string columnList()
{
    std::string names;
    for (const CsvColumn& c : kColumns)
        names += std::string(names.empty() ? "" : ", ") + std::string(c.name);
    return names;
}

// The record's fields by column kind, absent columns reading as empty.
class Row {
public:
    Row(const CsvReader& reader, const std::vector<int>& at) : reader_(reader), at_(at) {}

    bool empty(int k) const { return at_[k] < 0 || reader_.field(pos(k)).empty(); }
    std::size_t pos(int k) const { return static_cast<std::size_t>(at_[k]); }

    // An optional number: null when absent or empty.
    std::optional<double> number(int k) const
    {
        if (empty(k))
            return std::nullopt;
        return numberField(reader_, pos(k));
    }
    // An amount that must be >= 0; 0 when absent or empty.
    double nonNegative(int k) const
    {
        const std::optional<double> x = number(k);
        if (x && *x < 0.0)
            throw reader_.fieldError(pos(k), "must be >= 0");
        return x.value_or(0.0);
    }
    std::string text(int k) const
    {
        if (empty(k))
            return {};
        requireUtf8Field(reader_, pos(k));
        return std::string(reader_.field(pos(k)));
    }
    // An error naming column k (its value, or the empty field when the file lacks the column).
    InputError error(int k, const std::string& reason) const
    {
        if (at_[k] >= 0)
            return reader_.fieldError(pos(k), reason);
        return reader_.recordError(std::string(kColumns[k].name), reason);
    }

private:
    const CsvReader& reader_;
    const std::vector<int>& at_;
};

// `ecm` or `community_supports:<kind>`, the kind of letters, digits, '_' and '-'.
bool isService(std::string_view s)
{
    if (s == "ecm")
        return true;
    constexpr std::string_view prefix = "community_supports:";
    if (!s.starts_with(prefix) || s.size() == prefix.size())
        return false;
    const std::string_view kind = s.substr(prefix.size());
    return std::all_of(kind.begin(), kind.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-';
    });
}

void readOutcome(const Row& row, PartnershipRecord& r)
{
    r.outcomeMeasure = row.text(kOutcomeMeasure);
    r.outcomeBaseline = row.number(kOutcomeBaseline);
    r.outcomeTarget = row.number(kOutcomeTarget);
    r.outcomeActual = row.number(kOutcomeActual);
    r.outcomeBonus = row.nonNegative(kOutcomeBonus);
    const bool anyValue = r.outcomeBaseline || r.outcomeTarget || r.outcomeActual;
    if (r.outcomeMeasure.empty() && (anyValue || r.outcomeBonus > 0.0))
        throw row.error(kOutcomeMeasure,
                        "an outcome (baseline, target, actual or bonus) needs the measure it is of");
    if (r.outcomeBonus > 0.0 && !r.outcomeTarget)
        throw row.error(kOutcomeTarget, "an outcome bonus needs the target that earns it");
    if (r.outcomeTarget && !r.outcomeBaseline)
        throw row.error(kOutcomeBaseline, "a target needs the baseline it is measured from");
    if (r.outcomeTarget && *r.outcomeTarget == *r.outcomeBaseline)
        throw row.error(
            kOutcomeTarget,
            "the target equals the baseline, so neither the direction nor partial credit is defined");
}

} // namespace

PartnershipData readPartnershipsCsv(QIODevice& device, const QString& fileName, const ImportControl& control)
{
    PartnershipData data;
    data.sourceName = fileName.toStdString();
    CsvReader reader(device, data.sourceName, control);
    const std::vector<int> at =
        readCsvColumns(reader, kColumns, "unknown column (partnership columns are " + columnList() + ")");
    const std::size_t columnCount = reader.fieldCount();

    std::map<std::tuple<std::string, std::string, std::string, Year>, long> seen; // key → line
    std::map<std::string, std::pair<std::string, long>> names;                    // partner → name, line
    while (reader.next()) {
        requireFieldCount(reader, columnCount);
        const Row row(reader, at);
        PartnershipRecord r;
        r.sourceLine = reader.line();
        r.planId = requiredTextField(reader, row.pos(kPlanId));
        r.partnerId = requiredTextField(reader, row.pos(kPartnerId));
        if (r.partnerId.find('@') != std::string::npos)
            throw reader.fieldError(row.pos(kPartnerId),
                                    "a partner id may not hold '@' (metrics write PARTNER after it)");
        r.service = requiredTextField(reader, row.pos(kService));
        if (!isService(r.service))
            throw reader.fieldError(row.pos(kService), "the service is `ecm` or `community_supports:<kind>` "
                                                       "(the kind in letters, digits, '_' or '-')");
        r.year = yearField(reader, row.pos(kYear));
        r.partnerName = row.text(kPartnerName);

        r.membersEngaged = row.nonNegative(kMembersEngaged);
        r.memberMonths = row.nonNegative(kMemberMonths);
        if (r.memberMonths > 12.0 * r.membersEngaged)
            throw row.error(kMemberMonths,
                            "more than 12 member months per engaged member (members_engaged is " +
                                formatJsonNumber(r.membersEngaged) + ")");
        r.pmpm = row.nonNegative(kPmpm);
        r.outreachAttempts = row.nonNegative(kOutreachAttempts);
        r.outreachFee = row.nonNegative(kOutreachFee);
        if (!row.empty(kOutreachCap))
            r.outreachCap = row.nonNegative(kOutreachCap);
        readOutcome(row, r);
        r.savingsPassThrough = row.nonNegative(kSavingsPassThrough);
        if (r.savingsPassThrough > 1.0)
            throw row.error(kSavingsPassThrough,
                            "a share of the plan's payment is between 0 and 1 (a fraction, not a percent)");
        r.operatingCost = row.nonNegative(kOperatingCost);
        r.grantIpp = row.nonNegative(kGrantIpp);
        r.grantPath = row.nonNegative(kGrantPath);
        r.grantOther = row.nonNegative(kGrantOther);
        r.utilizationAvoided = row.number(kUtilizationAvoided).value_or(0.0);

        if (!r.partnerName.empty()) {
            const auto [it, inserted] = names.try_emplace(r.partnerId, r.partnerName, reader.line());
            if (!inserted && it->second.first != r.partnerName)
                throw reader.fieldError(row.pos(kPartnerName), "partner " + r.partnerId + " is named \"" +
                                                                   it->second.first + "\" on line " +
                                                                   std::to_string(it->second.second));
        }
        const auto [it, inserted] =
            seen.try_emplace(std::make_tuple(r.planId, r.partnerId, r.service, r.year), reader.line());
        if (!inserted)
            throw InputError(InputLocation{data.sourceName, reader.line(),
                                           "plan_id, partner_id, service, year",
                                           r.planId + " | " + r.partnerId + " | " + r.service + " | " +
                                               std::to_string(r.year),
                                           true},
                             "duplicate contract; first given on line " + std::to_string(it->second));
        data.records.push_back(std::move(r));
    }
    // A partner named on one row is named on all of its rows.
    for (PartnershipRecord& r : data.records) {
        if (r.partnerName.empty()) {
            const auto it = names.find(r.partnerId);
            r.partnerName = it == names.end() ? r.partnerId : it->second.first;
        }
    }
    return data;
}

PartnershipData readPartnershipsFile(const QString& path, const ImportControl& control)
{
    return readInputFile(path, [&](QIODevice& in) { return readPartnershipsCsv(in, path, control); });
}

} // namespace sharecast::io
