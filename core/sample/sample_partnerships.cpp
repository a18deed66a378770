#include "sample/sample_partnerships.h"

#include "engine/rounding.h"
#include "io/csv/csv_writer.h"

#include <array>
#include <cmath>
#include <limits>
#include <optional>

// Every partner, contract and figure below is invented. The magnitudes (rates per engaged member
// month, per day and per meal, outreach fees, bonuses, grants, avoided cost) and where their
// ranges come from are described in docs/sample-data.md, "Partnerships".

namespace sharecast::io {

namespace {

constexpr Year kFirstYear = 2022; // ECM and Community Supports began in January 2022
constexpr int kYears = 3;         // 2022–2024, the sample's CalAIM years
using PerYear = std::array<double, kYears>;
constexpr double kNone = std::numeric_limits<double>::quiet_NaN(); //!< not measured / no cap

struct PartnerDef {
    const char* id;
    const char* name;
    const char* service;
};

const PartnerDef kPartners[] = {
    {"sycamore-house", "Sycamore House Recuperative Care", "community_supports:recuperative_care"},
    {"manzanita-table", "Manzanita Table Kitchen", "community_supports:medically_tailored_meals"},
    {"chaparral-bridge", "Chaparral Bridge Housing Navigation",
     "community_supports:housing_transition_navigation"},
    {"toyon-street", "Toyon Street Care Partners", "ecm"},
    {"sierra-juniper", "Sierra Juniper Care Coordination", "ecm"},
    {"mesquite-promotoras", "Mesquite Promotoras Network", "ecm"},
};
enum Partner { kSycamore, kManzanita, kChaparral, kToyon, kSierraJuniper, kMesquite };

//! One contract (plan × partner × service) over 2022–2024; a year with no members engaged has no
//! row (the contract started later).
struct ContractDef {
    const char* plan;
    Partner partner;
    PerYear members;        //!< members engaged in the year
    double monthsPerMember; //!< engaged months a member: member months = members × this, whole
    PerYear pmpm;           //!< paid per engaged member month
    PerYear attempts;       //!< billable outreach attempts
    double outreachFee;     //!< per attempt
    double outreachCap;     //!< a year's most in fees; kNone: no cap
    const char* measure;    //!< empty: no outcome term
    double baseline, target;
    PerYear actual;           //!< kNone: not measured
    double bonus;             //!< paid in full when the target is met
    double passThrough2024;   //!< share of the plan's 2024 shared-savings payment
    double costPerMonth;      //!< the partner's cost per engaged member month
    double fixedCost;         //!< the partner's yearly cost of running the contract
    PerYear ipp, path, other; //!< grants
    double avoidedPerMember;  //!< cost the plan estimates avoided, per member engaged
};

// clang-format off
const ContractDef kContracts[] = {
    // Recuperative care, Los Angeles: $240–$255 a day, about 38–40 days a stay (a member month
    // here is 30.4 days in care).
    {"P01", kSycamore, {150, 290, 410}, 1.25, {7300, 7450, 7600}, {0, 0, 0}, 0, kNone,
     "readmissions_30d_per_100_stays", 22, 17, {19.5, 16.8, 15.9}, 120000, 0.01, 7150, 260000,
     {650000, 250000, 0}, {400000, 0, 0}, {150000, 150000, 100000}, 12500},
    {"P08", kSycamore, {0, 95, 180}, 1.3, {0, 7450, 7750}, {0, 0, 0}, 0, kNone,
     "readmissions_30d_per_100_stays", 23, 18, {kNone, 18.9, 17.6}, 60000, 0.015, 7150, 120000,
     {0, 180000, 60000}, {0, 0, 0}, {0, 0, 0}, 11800},
    // Medically tailored meals, Bay Area and North Coast: 2 meals a day (60.8 a month) for up to
    // 12 weeks, $17.10–$19.25 a meal.
    {"P03", kManzanita, {240, 470, 690}, 2.6, {1040, 1080, 1125}, {300, 560, 780}, 35, 20000,
     "ed_visits_per_1000", 1420, 1250, {1405, 1330, 1290}, 75000, 0.01, 990, 180000,
     {300000, 100000, 0}, {250000, 150000, 0}, {120000, 120000, 120000}, 2900},
    {"P10", kManzanita, {0, 180, 330}, 2.7, {0, 1080, 1125}, {0, 240, 400}, 35, 20000,
     "inpatient_admissions_per_1000", 410, 360, {kNone, 395, 418}, 50000, 0, 990, 90000,
     {0, 120000, 40000}, {0, 0, 0}, {0, 50000, 50000}, 2200},
    {"P15", kManzanita, {0, 0, 150}, 2.8, {0, 0, 1170}, {0, 0, 260}, 35, 20000,
     "hba1c_poor_control_rate", 0.38, 0.32, {kNone, kNone, kNone}, 40000, 0, 1020, 70000,
     {0, 0, 150000}, {0, 0, 0}, {0, 0, 0}, 2600},
    // Housing transition navigation, Riverside and San Bernardino: a monthly case rate per member
    // being navigated.
    {"P02", kChaparral, {180, 360, 520}, 6.0, {520, 545, 565}, {1400, 2300, 2900}, 45, 90000,
     "housing_placement_rate", 0.30, 0.40, {0.31, 0.37, 0.42}, 100000, 0.05, 610, 300000,
     {500000, 350000, 100000}, {450000, 300000, 0}, {200000, 200000, 200000}, 5200},
    {"P09", kChaparral, {120, 250, 380}, 6.2, {520, 545, 565}, {900, 1500, 1900}, 45, 60000,
     "housing_retention_rate_12m", 0.72, 0.80, {0.73, 0.76, 0.69}, 60000, 0.005, 610, 200000,
     {300000, 250000, 80000}, {250000, 150000, 0}, {0, 0, 0}, 4700},
    // Enhanced Care Management, Los Angeles.
    {"P01", kToyon, {820, 1560, 2240}, 8.2, {340, 355, 370}, {2450, 3380, 3150}, 60, 150000,
     "ed_visits_per_1000", 1850, 1600, {1790, 1640, 1560}, 250000, 0.01, 335, 420000,
     {900000, 400000, 0}, {750000, 250000, 0}, {0, 0, 0}, 4300},
    {"P08", kToyon, {380, 720, 1010}, 7.9, {325, 340, 350}, {1150, 1600, 1420}, 50, kNone,
     "ed_visits_per_1000", 1900, 1650, {1880, 1760, 1700}, 100000, 0, 335, 180000,
     {300000, 150000, 0}, {0, 0, 0}, {0, 0, 0}, 3600},
    // Enhanced Care Management, Fresno and Kern: rural travel makes it dearer to deliver.
    {"P05", kSierraJuniper, {260, 520, 760}, 7.8, {285, 295, 305}, {900, 1350, 1500}, 45, 50000,
     "inpatient_admissions_per_1000", 480, 420, {472, 446, 431}, 90000, 0, 325, 240000,
     {420000, 300000, 120000}, {380000, 260000, 0}, {60000, 60000, 60000}, 3100},
    {"P06", kSierraJuniper, {210, 430, 610}, 7.6, {275, 285, 295}, {760, 1120, 1180}, 45, 50000,
     "ed_visits_per_1000", 1700, 1500, {1690, 1720, 1740}, 60000, 0, 325, 200000,
     {350000, 250000, 100000}, {300000, 200000, 0}, {0, 0, 0}, 2400},
    {"P08", kSierraJuniper, {0, 150, 340}, 7.5, {0, 300, 310}, {0, 420, 800}, 45, kNone,
     "inpatient_admissions_per_1000", 470, 410, {kNone, 462, 405}, 40000, 0, 325, 60000,
     {0, 90000, 40000}, {0, 0, 0}, {0, 0, 0}, 3000},
    // Enhanced Care Management, Imperial: community health workers (promotoras).
    {"P19", kMesquite, {0, 140, 260}, 8.0, {0, 300, 315}, {0, 610, 520}, 40, 25000,
     "ed_visits_per_1000", 1600, 1450, {kNone, 1540, 1430}, 40000, 0.08, 330, 90000,
     {0, 120000, 50000}, {0, 180000, 0}, {0, 25000, 25000}, 2900},
};
// clang-format on

std::optional<double> given(double v)
{
    return std::isnan(v) ? std::nullopt : std::optional<double>(v);
}

//! The shortest fixed-point text that reads back as x exactly (x has at most 6 decimals).
QString number(double x)
{
    int decimals = 0;
    while (decimals < 6 && roundTo(x, decimals) != x)
        ++decimals;
    return QString::fromStdString(formatFixed(x, decimals));
}

QString money(double x)
{
    return QString::fromStdString(formatMoney(x));
}

QString optionalNumber(const std::optional<double>& x)
{
    return x ? number(*x) : QString();
}

} // namespace

PartnershipData samplePartnerships()
{
    PartnershipData data;
    data.sourceName = "partnerships.csv";
    long line = 1; // the header
    // Rows by year, then in the catalogue's order (plan partners grouped by partner).
    for (int y = 0; y < kYears; ++y) {
        for (const ContractDef& c : kContracts) {
            const auto i = static_cast<std::size_t>(y);
            if (c.members[i] <= 0)
                continue;
            const PartnerDef& partner = kPartners[c.partner];
            PartnershipRecord r;
            r.planId = c.plan;
            r.partnerId = partner.id;
            r.partnerName = partner.name;
            r.service = partner.service;
            r.year = kFirstYear + y;
            r.membersEngaged = c.members[i];
            r.memberMonths = std::floor(c.members[i] * c.monthsPerMember + 0.5);
            r.pmpm = c.pmpm[i];
            r.outreachAttempts = c.attempts[i];
            r.outreachFee = c.outreachFee;
            r.outreachCap = given(c.outreachCap);
            r.outcomeMeasure = c.measure;
            if (!r.outcomeMeasure.empty()) {
                r.outcomeBaseline = c.baseline;
                r.outcomeTarget = c.target;
                r.outcomeActual = given(c.actual[i]);
                r.outcomeBonus = c.bonus;
            }
            // Pass-through terms were added in the 2024 amendments (the first year the
            // Straw Proposal 7 preset settles).
            r.savingsPassThrough = r.year == kFirstYear + kYears - 1 ? c.passThrough2024 : 0.0;
            r.operatingCost = roundTo(c.fixedCost + c.costPerMonth * r.memberMonths, 2);
            r.grantIpp = c.ipp[i];
            r.grantPath = c.path[i];
            r.grantOther = c.other[i];
            r.utilizationAvoided = roundTo(c.members[i] * c.avoidedPerMember, 2);
            r.sourceLine = ++line;
            data.records.push_back(std::move(r));
        }
    }
    return data;
}

QByteArray samplePartnershipsCsv(const PartnershipData& data)
{
    CsvWriter out;
    out.addRow({"plan_id",
                "partner_id",
                "partner_name",
                "service",
                "year",
                "members_engaged",
                "member_months",
                "pmpm",
                "outreach_attempts",
                "outreach_fee",
                "outreach_cap",
                "outcome_measure",
                "outcome_baseline",
                "outcome_target",
                "outcome_actual",
                "outcome_bonus",
                "savings_pass_through",
                "operating_cost",
                "grant_ipp",
                "grant_path",
                "grant_other",
                "utilization_avoided"});
    for (const PartnershipRecord& r : data.records)
        out.addRow({QString::fromStdString(r.planId),
                    QString::fromStdString(r.partnerId),
                    QString::fromStdString(r.partnerName),
                    QString::fromStdString(r.service),
                    QString::number(r.year),
                    number(r.membersEngaged),
                    number(r.memberMonths),
                    money(r.pmpm),
                    number(r.outreachAttempts),
                    money(r.outreachFee),
                    r.outreachCap ? money(*r.outreachCap) : QString(),
                    QString::fromStdString(r.outcomeMeasure),
                    optionalNumber(r.outcomeBaseline),
                    optionalNumber(r.outcomeTarget),
                    optionalNumber(r.outcomeActual),
                    money(r.outcomeBonus),
                    number(r.savingsPassThrough),
                    money(r.operatingCost),
                    money(r.grantIpp),
                    money(r.grantPath),
                    money(r.grantOther),
                    money(r.utilizationAvoided)});
    return out.bytes();
}

} // namespace sharecast::io
