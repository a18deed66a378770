//! The synthetic statewide sample (docs/sample-data.md): the same seed gives the same bytes, and
//! the written files, read back, are plausible Medi-Cal experience. Targets are the magnitudes the
//! sample was built around (DHCS enrollment and capitation-rate ranges, see the doc); tolerances are
//! stated with each check.

#include "sample/sample_generator.h"

#include "engine/error.h"
#include "engine/experience_index.h"
#include "engine/settlement.h"
#include "io/csv/experience_csv.h"
#include "io/csv/partnerships_csv.h"
#include "io/csv/quality_csv.h"
#include "io/scenario/presets.h"
#include "io_test_support.h"
#include "sample/sample_partnerships.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

using sharecast::ExperienceCell;
using sharecast::ExperienceData;
using sharecast::InputError;
using sharecast::QualityData;
using namespace sharecast::io;

namespace {

constexpr quint64 kSeed = 2024;
constexpr qint64 kMemberRows = 200000;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

SampleSummary generate(const QString& dir, quint64 seed, qint64 members)
{
    SampleOptions options;
    options.seed = seed;
    options.outDir = dir;
    options.members = members;
    return generateSample(options);
}

double cost(const ExperienceData& data, const ExperienceCell& cell, const char* cos)
{
    const int i = data.cosIndex(cos);
    return i < 0 ? 0.0 : cell.cost[static_cast<std::size_t>(i)];
}

double totalCost(const ExperienceCell& cell)
{
    double sum = 0.0;
    for (double v : cell.cost)
        sum += v;
    return sum;
}

double util(const ExperienceData& data, const ExperienceCell& cell, const char* name)
{
    const int i = data.utilIndex(name);
    return i < 0 ? -1.0 : cell.util[static_cast<std::size_t>(i)];
}

QString key(const std::string& plan, const std::string& region, const std::string& rateCell, int year)
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(QString::fromStdString(plan), QString::fromStdString(region), QString::fromStdString(rateCell))
        .arg(year);
}

//! Model type of (plan, region) from the summary.
QString modelType(const SampleSummary& summary, const std::string& plan, const std::string& region)
{
    for (const SamplePlan& p : summary.plans)
        if (p.id.toStdString() == plan)
            for (const SampleRegion& r : p.regions)
                if (r.name.toStdString() == region)
                    return r.modelType;
    return {};
}

} // namespace

class TestSampleGenerator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        summary_ = generate(dir_.path(), kSeed, kMemberRows);
        experience_ = readExperienceFile(dir_.filePath(QStringLiteral("experience.csv")));
        quality_ = readQualityFile(dir_.filePath(QStringLiteral("quality.csv")));
        QVERIFY(!experience_.cells.empty());
    }

    void sameSeedSameBytes()
    {
        QTemporaryDir a, b, c, d;
        QVERIFY(a.isValid() && b.isValid() && c.isValid() && d.isValid());
        generate(a.path(), 11, 5000);
        generate(b.path(), 11, 5000);
        generate(c.path(), 12, 5000);
        generate(d.path(), 11, 0);
        for (const char* name : {"experience.csv", "quality.csv", "members.csv"}) {
            const QByteArray first = readAll(a.filePath(QString::fromLatin1(name)));
            QVERIFY2(!first.isEmpty(), name);
            QVERIFY2(first == readAll(b.filePath(QString::fromLatin1(name))), name);
            QVERIFY2(first != readAll(c.filePath(QString::fromLatin1(name))), name);
        }
        // The member sample draws from its own streams: asking for it changes no other file.
        QCOMPARE(readAll(d.filePath(QStringLiteral("experience.csv"))),
                 readAll(a.filePath(QStringLiteral("experience.csv"))));
        QCOMPARE(readAll(d.filePath(QStringLiteral("quality.csv"))),
                 readAll(a.filePath(QStringLiteral("quality.csv"))));
        QVERIFY(!QFile::exists(d.filePath(QStringLiteral("members.csv"))));
        // partnerships.csv is a fixed catalogue: the same bytes for every seed.
        const QByteArray partnerships = readAll(a.filePath(QStringLiteral("partnerships.csv")));
        QVERIFY(!partnerships.isEmpty());
        QCOMPARE(readAll(b.filePath(QStringLiteral("partnerships.csv"))), partnerships);
        QCOMPARE(readAll(c.filePath(QStringLiteral("partnerships.csv"))), partnerships);
    }

    //! partnerships.csv reads back through the partnerships reader as exactly the catalogue the
    //! generator holds, and has what the sample promises (docs/sample-data.md, "Partnerships"):
    //! the four kinds of partner, partners with several plans, 2022–2024 with engagement ramping
    //! up, magnitudes inside the documented ranges, outcomes met, partly met, missed and not
    //! measured, partners sustainable without grants and partners that are not, grants mostly in
    //! the early years, and savings passed through by plans the Straw Proposal 7 preset pays in
    //! 2024 and by one it does not.
    void partnerships()
    {
        const QString path = dir_.filePath(QStringLiteral("partnerships.csv"));
        QVERIFY(summary_.files.contains(path));
        const sharecast::PartnershipData data = readPartnershipsFile(path);
        const QString diff = sharecast::testing::partnershipsDiff(data, samplePartnerships());
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(summary_.partnershipRows, static_cast<qint64>(data.records.size()));

        std::set<std::string> services, ecmPartners, samplePlans, years;
        std::map<std::string, std::set<std::string>> plansOf; // partner → plans
        std::map<std::tuple<std::string, std::string, std::string>, std::map<int, double>> engaged;
        for (const ExperienceCell& cell : experience_.cells)
            samplePlans.insert(cell.planId);
        int met = 0, partly = 0, missed = 0, notMeasured = 0;
        double grants2022 = 0.0, grants2024 = 0.0;
        std::map<std::string, std::pair<double, double>> operations2024; // partner → revenue, cost
        for (const sharecast::PartnershipRecord& r : data.records) {
            const QString at = QStringLiteral("line %1").arg(r.sourceLine);
            QVERIFY2(samplePlans.count(r.planId), qPrintable(at));
            services.insert(r.service);
            plansOf[r.partnerId].insert(r.planId);
            years.insert(std::to_string(r.year));
            engaged[{r.planId, r.partnerId, r.service}][r.year] = r.membersEngaged;
            if (r.service == "ecm") {
                ecmPartners.insert(r.partnerId);
                QVERIFY2(r.pmpm >= 250 && r.pmpm <= 450, qPrintable(at)); // per engaged member month
            }
            if (r.service == "community_supports:recuperative_care") // $ a day, 30.4 days a month
                QVERIFY2(r.pmpm / 30.4 >= 200 && r.pmpm / 30.4 <= 300, qPrintable(at));
            if (r.service == "community_supports:medically_tailored_meals") // $ a meal, 2 a day
                QVERIFY2(r.pmpm / 60.8 >= 15 && r.pmpm / 60.8 <= 25, qPrintable(at));
            if (r.outreachFee > 0)
                QVERIFY2(r.outreachFee >= 30 && r.outreachFee <= 75, qPrintable(at));
            if (r.outcomeBonus > 0)
                QVERIFY2(r.outcomeBonus >= 25000 && r.outcomeBonus <= 250000, qPrintable(at));
            QVERIFY2(r.savingsPassThrough >= 0 && r.savingsPassThrough <= 0.2, qPrintable(at));
            QVERIFY2(r.memberMonths >= r.membersEngaged && r.memberMonths <= 12 * r.membersEngaged,
                     qPrintable(at));
            // Avoided cost per engaged member: from about $2,000 (ECM, meals) to $15,000 (a stay
            // in recuperative care instead of hospital days).
            QVERIFY2(r.utilizationAvoided / r.membersEngaged >= 2000 &&
                         r.utilizationAvoided / r.membersEngaged <= 15000,
                     qPrintable(at));
            if (!r.outcomeMeasure.empty()) {
                QVERIFY2(r.outcomeBaseline && r.outcomeTarget, qPrintable(at));
                if (!r.outcomeActual)
                    ++notMeasured;
                else {
                    const double way = (*r.outcomeActual - *r.outcomeBaseline) /
                                       (*r.outcomeTarget - *r.outcomeBaseline); // 1 at the target
                    (way >= 1.0 ? met : way > 0.0 ? partly : missed) += 1;
                }
            }
            const double grants = r.grantIpp + r.grantPath + r.grantOther;
            if (r.year == 2022)
                grants2022 += grants;
            if (r.year == 2024)
                grants2024 += grants;
            if (r.year == 2024) {
                // Revenue from operations without grants or pass-through: PMPM, outreach up to the
                // cap, the bonus when the target is met.
                double outreach = r.outreachAttempts * r.outreachFee;
                if (r.outreachCap)
                    outreach = std::min(outreach, *r.outreachCap);
                const bool targetMet =
                    r.outcomeActual && (r.lowerIsBetter() ? *r.outcomeActual <= *r.outcomeTarget
                                                          : *r.outcomeActual >= *r.outcomeTarget);
                auto& [revenue, cost] = operations2024[r.partnerId];
                revenue += r.memberMonths * r.pmpm + outreach + (targetMet ? r.outcomeBonus : 0.0);
                cost += r.operatingCost;
            }
        }
        for (const char* service :
             {"community_supports:recuperative_care", "community_supports:medically_tailored_meals",
              "community_supports:housing_transition_navigation", "ecm"})
            QVERIFY2(services.count(service), service);
        QVERIFY(ecmPartners.size() >= 2 && ecmPartners.size() <= 3);
        QCOMPARE(years, (std::set<std::string>{"2022", "2023", "2024"}));
        int multiPlan = 0;
        for (const auto& [partner, plans] : plansOf)
            multiPlan += plans.size() >= 2 ? 1 : 0;
        QVERIFY(multiPlan >= 3);
        for (const auto& [contract, byYear] : engaged) // engagement ramps up over a contract's years
            for (auto it = byYear.begin(); std::next(it) != byYear.end(); ++it)
                QVERIFY2(std::next(it)->second > it->second, std::get<0>(contract).c_str());
        QVERIFY2(met >= 2 && partly >= 2 && missed >= 1 && notMeasured == 1,
                 qPrintable(QStringLiteral("met %1, partly %2, missed %3, not measured %4")
                                .arg(met)
                                .arg(partly)
                                .arg(missed)
                                .arg(notMeasured)));
        QVERIFY2(grants2022 > 2.0 * grants2024,
                 qPrintable(QStringLiteral("%1 %2").arg(grants2022).arg(grants2024)));
        int sustainable = 0, notSustainable = 0;
        for (const auto& [partner, figures] : operations2024)
            (figures.first >= figures.second ? sustainable : notSustainable) += 1;
        QVERIFY(sustainable >= 2 && notSustainable >= 2);

        // Savings passed through by plans paid under Straw Proposal 7 in 2024, and by one that is
        // not paid (the "no payment" flag of the ledger).
        const sharecast::ExperienceIndex index(experience_);
        sharecast::SettlementOptions options;
        options.year = 2024;
        options.trace = false;
        const sharecast::Settlement settlement =
            sharecast::settle(index, &quality_, loadPreset(QStringLiteral("straw-proposal-7")), options);
        std::map<std::string, double> payment;
        for (const sharecast::PlanSettlement& p : settlement.plans)
            payment[p.planId] = p.payment.payment;
        int paid = 0, unpaid = 0;
        for (const sharecast::PartnershipRecord& r : data.records)
            if (r.year == 2024 && r.savingsPassThrough > 0)
                (payment.at(r.planId) > 0 ? paid : unpaid) += 1;
        QVERIFY2(paid >= 2 && unpaid >= 1,
                 qPrintable(QStringLiteral("paid %1, unpaid %2").arg(paid).arg(unpaid)));
    }

    void summaryMatchesFile()
    {
        std::map<std::pair<std::string, int>, std::pair<double, double>> byCellYear; // MM, cost
        for (const ExperienceCell& cell : experience_.cells) {
            auto& t = byCellYear[{cell.rateCell, cell.year}];
            t.first += cell.memberMonths;
            t.second += totalCost(cell);
        }
        QCOMPARE(summary_.totals.size(), byCellYear.size());
        for (const SampleCellTotal& t : summary_.totals) {
            const auto& file = byCellYear[{t.rateCell.toStdString(), t.year}];
            QCOMPARE(t.memberMonths, file.first);
            QVERIFY2(std::fabs(t.cost - file.second) < 1.0, qPrintable(t.rateCell));
        }
        QCOMPARE(summary_.experienceRows, static_cast<qint64>(experience_.cells.size()));
        QCOMPARE(summary_.qualityRows, static_cast<qint64>(quality_.records.size()));
        QCOMPARE(summary_.memberRows, kMemberRows);
    }

    // Statewide Medi-Cal managed care: about 14–15 M members in 2024 (DHCS enrollment reports),
    // growth under continuous coverage (2020–2022) and a dip with the unwinding (2023–2024).
    void statewideEnrollment()
    {
        std::map<int, double> members;
        for (const ExperienceCell& cell : experience_.cells)
            members[cell.year] += cell.memberMonths / 12.0;
        QCOMPARE(members.size(), std::size_t(6));
        QCOMPARE(members.begin()->first, 2019);
        const QString all = QStringLiteral("2019 %1, 2020 %2, 2021 %3, 2022 %4, 2023 %5, 2024 %6")
                                .arg(members[2019], 0, 'f', 0)
                                .arg(members[2020], 0, 'f', 0)
                                .arg(members[2021], 0, 'f', 0)
                                .arg(members[2022], 0, 'f', 0)
                                .arg(members[2023], 0, 'f', 0)
                                .arg(members[2024], 0, 'f', 0);
        QVERIFY2(members[2024] >= 13.5e6 && members[2024] <= 15.5e6, qPrintable(all));
        QVERIFY2(members[2021] > members[2019] * 1.05, qPrintable(all));
        QVERIFY2(members[2022] > members[2021], qPrintable(all));
        QVERIFY2(members[2023] > members[2022], qPrintable(all));
        QVERIFY2(members[2024] < members[2023] * 0.98, qPrintable(all));
        QVERIFY2(std::fabs(summary_.statewideMembers(2024) - members[2024]) < 1.0, qPrintable(all));
    }

    // Share of 2024 enrollment by rate cell (Medi-Cal at a Glance-style mix), ± the stated bounds.
    void rateCellMix_data()
    {
        QTest::addColumn<QString>("rateCell");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("Child") << "Child" << 0.34 << 0.41;
        QTest::newRow("Adult") << "Adult" << 0.15 << 0.20;
        QTest::newRow("ACA Expansion") << "ACA Expansion" << 0.29 << 0.36;
        QTest::newRow("SPD") << "SPD" << 0.055 << 0.075;
        QTest::newRow("SPD/Dual") << "SPD/Dual" << 0.045 << 0.065;
        QTest::newRow("LTC") << "LTC" << 0.0005 << 0.003;
        QTest::newRow("LTC/Dual") << "LTC/Dual" << 0.001 << 0.005;
    }
    void rateCellMix()
    {
        QFETCH(QString, rateCell);
        QFETCH(double, low);
        QFETCH(double, high);
        double cellMm = 0.0, allMm = 0.0;
        for (const ExperienceCell& cell : experience_.cells) {
            if (cell.year != 2024)
                continue;
            allMm += cell.memberMonths;
            if (cell.rateCell == rateCell.toStdString())
                cellMm += cell.memberMonths;
        }
        const double share = cellMm / allMm;
        QVERIFY2(
            share >= low && share <= high,
            qPrintable(
                QStringLiteral("%1: share %2 not in [%3, %4]").arg(rateCell).arg(share).arg(low).arg(high)));
    }

    // Statewide 2024 PMPM by rate cell within ±15 % of the targets (DHCS capitation-rate ranges;
    // LTC/Dual is the sample's own choice, see docs/sample-data.md).
    void pmpmByRateCell_data()
    {
        QTest::addColumn<QString>("rateCell");
        QTest::addColumn<double>("target");
        QTest::newRow("Child") << "Child" << 150.0;
        QTest::newRow("Adult") << "Adult" << 380.0;
        QTest::newRow("ACA Expansion") << "ACA Expansion" << 470.0;
        QTest::newRow("SPD") << "SPD" << 1250.0;
        QTest::newRow("SPD/Dual") << "SPD/Dual" << 320.0;
        QTest::newRow("LTC") << "LTC" << 7500.0;
        QTest::newRow("LTC/Dual") << "LTC/Dual" << 6900.0;
    }
    void pmpmByRateCell()
    {
        QFETCH(QString, rateCell);
        QFETCH(double, target);
        double mm = 0.0, dollars = 0.0;
        for (const ExperienceCell& cell : experience_.cells) {
            if (cell.year == 2024 && cell.rateCell == rateCell.toStdString()) {
                mm += cell.memberMonths;
                dollars += totalCost(cell);
            }
        }
        QVERIFY(mm > 0.0);
        const double pmpm = dollars / mm;
        QVERIFY2(
            std::fabs(pmpm / target - 1.0) <= 0.15,
            qPrintable(QStringLiteral("%1 2024 PMPM %2 vs target %3").arg(rateCell).arg(pmpm).arg(target)));
        const SampleCellTotal* t = summary_.total(rateCell, 2024);
        QVERIFY(t);
        QVERIFY(std::fabs(t->pmpm - pmpm) < 1e-6 * pmpm);
    }

    // Medi-Cal Rx (January 2022), ECM and Community Supports (January 2022), LTC carve-in
    // (January 2023; COHS plans always had it).
    void programChanges()
    {
        std::map<int, double> pharmacy, ecm, cs;
        for (const ExperienceCell& cell : experience_.cells) {
            const double rx = cost(experience_, cell, "pharmacy");
            const double e = cost(experience_, cell, "ecm");
            const double c = cost(experience_, cell, "community_supports");
            pharmacy[cell.year] += rx;
            ecm[cell.year] += e;
            cs[cell.year] += c;
            if (cell.year >= 2022)
                QVERIFY2(rx == 0.0, qPrintable(key(cell.planId, cell.region, cell.rateCell, cell.year)));
            else
                QVERIFY2(e == 0.0 && c == 0.0,
                         qPrintable(key(cell.planId, cell.region, cell.rateCell, cell.year)));
            const bool cohs = modelType(summary_, cell.planId, cell.region) == QLatin1String("COHS");
            if (!cohs && cell.year < 2023)
                QVERIFY2(cost(experience_, cell, "ltc") == 0.0,
                         qPrintable(key(cell.planId, cell.region, cell.rateCell, cell.year)));
            if (cohs && (cell.rateCell == "LTC" || cell.rateCell == "LTC/Dual"))
                QVERIFY(cost(experience_, cell, "ltc") > 0.0);
        }
        for (int year = 2019; year <= 2024; ++year) {
            QVERIFY2((pharmacy[year] > 0.0) == (year < 2022), qPrintable(QString::number(year)));
            QVERIFY2((ecm[year] > 0.0) == (year >= 2022), qPrintable(QString::number(year)));
            QVERIFY2((cs[year] > 0.0) == (year >= 2022), qPrintable(QString::number(year)));
        }
        // Rx counts continue after the carve-out (DHCS has them from Medi-Cal Rx).
        double scripts2024 = 0.0;
        for (const ExperienceCell& cell : experience_.cells)
            if (cell.year == 2024)
                scripts2024 += util(experience_, cell, "rx_total");
        QVERIFY(scripts2024 > 0.0);
    }

    // LTC and LTC/Dual cells start in 2019 for COHS plans, in 2023 elsewhere.
    void ltcCellsFirstYear()
    {
        std::map<std::pair<std::string, std::string>, int> first;
        for (const ExperienceCell& cell : experience_.cells) {
            if (cell.rateCell != "LTC" && cell.rateCell != "LTC/Dual")
                continue;
            auto [it, inserted] = first.try_emplace({cell.planId, cell.region}, cell.year);
            if (!inserted)
                it->second = std::min(it->second, cell.year);
        }
        int cohs = 0, other = 0;
        for (const auto& [planRegion, year] : first) {
            const bool isCohs =
                modelType(summary_, planRegion.first, planRegion.second) == QLatin1String("COHS");
            (isCohs ? cohs : other) += 1;
            QVERIFY2(year == (isCohs ? 2019 : 2023),
                     qPrintable(QStringLiteral("%1 %2: first LTC year %3")
                                    .arg(QString::fromStdString(planRegion.first),
                                         QString::fromStdString(planRegion.second))
                                    .arg(year)));
        }
        QVERIFY(cohs >= 3);
        QVERIFY(other >= 10);
    }

    // Model types: COHS and Single Plan one plan per county, Two-Plan two, GMC several,
    // Regional two; invented plan names.
    void plansAndModelTypes()
    {
        QVERIFY(summary_.plans.size() >= 18 && summary_.plans.size() <= 22);
        std::map<QString, std::set<QString>> plansByRegion;
        std::map<QString, QString> modelByRegion;
        for (const SamplePlan& p : summary_.plans) {
            QVERIFY(!p.regions.empty());
            for (const SampleRegion& r : p.regions) {
                plansByRegion[r.name].insert(p.id);
                QVERIFY(modelByRegion.try_emplace(r.name, r.modelType).first->second == r.modelType);
            }
        }
        QVERIFY(plansByRegion.size() >= 15);
        std::set<QString> models;
        for (const auto& [region, plans] : plansByRegion) {
            const QString model = modelByRegion[region];
            models.insert(model);
            const auto n = plans.size();
            const bool ok = (model == QLatin1String("COHS") || model == QLatin1String("Single Plan")) ? n == 1
                            : (model == QLatin1String("Two-Plan") || model == QLatin1String("Regional"))
                                ? n == 2
                                : model == QLatin1String("GMC") && n >= 3;
            QVERIFY2(ok, qPrintable(QStringLiteral("%1 (%2): %3 plans").arg(region, model).arg(n)));
        }
        QCOMPARE(models, (std::set<QString>{"COHS", "Two-Plan", "GMC", "Regional", "Single Plan"}));
        // Every plan-region of the summary is in the data, with its plan_name.
        std::set<std::pair<std::string, std::string>> inData;
        for (const ExperienceCell& cell : experience_.cells)
            inData.insert({cell.planId, cell.region});
        for (const SamplePlan& p : summary_.plans) {
            QCOMPARE(QString::fromStdString(experience_.planName(p.id.toStdString())), p.name);
            for (const SampleRegion& r : p.regions)
                QVERIFY(inData.count({p.id.toStdString(), r.name.toStdString()}));
        }
        // Not the name of a real California Medi-Cal plan (nor a word of one).
        const QStringList real = {"l.a. care",
                                  "health net",
                                  "molina",
                                  "anthem",
                                  "kaiser",
                                  "caloptima",
                                  "inland empire",
                                  "partnership",
                                  "cencal",
                                  "central california",
                                  "santa clara family",
                                  "alameda alliance",
                                  "san francisco health",
                                  "health plan of san joaquin",
                                  "kern",
                                  "calviva",
                                  "gold coast",
                                  "community health",
                                  "contra costa",
                                  "aetna",
                                  "blue shield",
                                  "blue cross",
                                  "care1st",
                                  "alliance",
                                  "promise"};
        for (const SamplePlan& p : summary_.plans)
            for (const QString& word : real)
                QVERIFY2(!p.name.toLower().contains(word), qPrintable(p.name));
    }

    // Risk scores around 1.0, member-month weighted per plan.
    void riskScores()
    {
        std::map<std::string, std::pair<double, double>> byPlan;
        for (const ExperienceCell& cell : experience_.cells) {
            byPlan[cell.planId].first += cell.riskScore * cell.memberMonths;
            byPlan[cell.planId].second += cell.memberMonths;
        }
        for (const auto& [plan, sums] : byPlan) {
            const double r = sums.first / sums.second;
            QVERIFY2(r >= 0.85 && r <= 1.15,
                     qPrintable(QStringLiteral("%1: %2").arg(QString::fromStdString(plan)).arg(r)));
        }
    }

    // Exactly one plan's denial rate jumps in 2024 by more than the guardrail's 2 points, and its
    // grievances per 1,000 MM rise by more than 0.5; every other plan moves less than 1 point / 0.5.
    void denialJump()
    {
        struct Sums {
            double denied = 0, claims = 0, grievances = 0, mm = 0;
        };
        std::map<std::string, std::map<int, Sums>> byPlan;
        for (const ExperienceCell& cell : experience_.cells) {
            Sums& s = byPlan[cell.planId][cell.year];
            s.denied += cell.claimsDenied;
            s.claims += cell.claimsTotal;
            s.grievances += cell.grievances;
            s.mm += cell.memberMonths;
            QVERIFY(cell.claimsDenied <= cell.claimsTotal);
        }
        QStringList jumped;
        for (auto& [plan, years] : byPlan) {
            const Sums& prior = years[2023];
            const Sums& cur = years[2024];
            const double denial = cur.denied / cur.claims - prior.denied / prior.claims;
            const double grievance = cur.grievances / cur.mm * 1000.0 - prior.grievances / prior.mm * 1000.0;
            const QString what = QStringLiteral("%1: denial rate %2 → %3, grievances/1,000 MM +%4")
                                     .arg(QString::fromStdString(plan))
                                     .arg(prior.denied / prior.claims)
                                     .arg(cur.denied / cur.claims)
                                     .arg(grievance);
            const double base = prior.denied / prior.claims;
            QVERIFY2(base > 0.04 && base < 0.16, qPrintable(what));
            if (denial > 0.02) {
                jumped << QString::fromStdString(plan);
                QVERIFY2(denial > 0.03 && denial < 0.045, qPrintable(what));
                QVERIFY2(grievance > 0.5, qPrintable(what));
            } else {
                QVERIFY2(std::fabs(denial) < 0.01 && grievance < 0.5, qPrintable(what));
            }
        }
        QCOMPARE(jumped, QStringList{summary_.denialJumpPlanId});
    }

    // Utilization counts are consistent with each other and with costs, and plans differ in how
    // fast they cut inpatient use.
    void utilization()
    {
        std::map<std::string, std::map<int, std::pair<double, double>>> ipByPlan; // discharges, MM × risk
        double edVisits = 0.0, edCost = 0.0, discharges = 0.0, ipCost = 0.0, mm = 0.0;
        for (const ExperienceCell& cell : experience_.cells) {
            const QString where = key(cell.planId, cell.region, cell.rateCell, cell.year);
            QVERIFY2(util(experience_, cell, "readmissions") <= util(experience_, cell, "index_admissions"),
                     qPrintable(where));
            QVERIFY2(util(experience_, cell, "index_admissions") <= util(experience_, cell, "ip_discharges"),
                     qPrintable(where));
            QVERIFY2(util(experience_, cell, "ip_bed_days") >= util(experience_, cell, "ip_discharges"),
                     qPrintable(where));
            QVERIFY2(util(experience_, cell, "op_visits_preferred") <=
                         util(experience_, cell, "op_visits_total"),
                     qPrintable(where));
            QVERIFY2(util(experience_, cell, "rx_generic") <= util(experience_, cell, "rx_total"),
                     qPrintable(where));
            QVERIFY2(util(experience_, cell, "csection_ntsv") <= util(experience_, cell, "deliveries_ntsv"),
                     qPrintable(where));
            if (cell.rateCell == "ACA Expansion") {
                auto& ip = ipByPlan[cell.planId][cell.year];
                ip.first += util(experience_, cell, "ip_discharges");
                ip.second += cell.memberMonths * cell.riskScore;
            }
            if (cell.year == 2024 && cell.rateCell == "ACA Expansion") {
                edVisits += util(experience_, cell, "ed_visits");
                edCost += cost(experience_, cell, "emergency");
                discharges += util(experience_, cell, "ip_discharges");
                ipCost += cost(experience_, cell, "inpatient");
                mm += cell.memberMonths;
            }
        }
        // ACA Expansion 2024: ED visits 400–900 per 1,000 member years at $300–$1,200 a visit;
        // 40–120 discharges per 1,000 at $10,000–$40,000 each.
        const double edPer1000 = edVisits / (mm / 12.0) * 1000.0;
        const double dischargesPer1000 = discharges / (mm / 12.0) * 1000.0;
        QVERIFY2(edPer1000 > 400 && edPer1000 < 900, qPrintable(QString::number(edPer1000)));
        QVERIFY2(edCost / edVisits > 300 && edCost / edVisits < 1200,
                 qPrintable(QString::number(edCost / edVisits)));
        QVERIFY2(dischargesPer1000 > 40 && dischargesPer1000 < 120,
                 qPrintable(QString::number(dischargesPer1000)));
        QVERIFY2(ipCost / discharges > 10000 && ipCost / discharges < 40000,
                 qPrintable(QString::number(ipCost / discharges)));
        // 2019 → 2024 change of risk-adjusted discharges per member month in the ACA Expansion
        // cells (no pandemic effect in either year): plans cut at up to 3 %/yr or rise at up to 1 %/yr.
        double lowest = 10.0, highest = 0.0;
        for (auto& [plan, years] : ipByPlan) {
            if (years[2019].second <= 0.0 || years[2024].second <= 0.0)
                continue;
            const double ratio =
                (years[2024].first / years[2024].second) / (years[2019].first / years[2019].second);
            lowest = std::min(lowest, ratio);
            highest = std::max(highest, ratio);
        }
        QVERIFY2(lowest < 0.92 && highest > 1.0,
                 qPrintable(QStringLiteral("%1 .. %2").arg(lowest).arg(highest)));
    }

    // Revenue ≈ medical cost / 0.88, admin a few percent of revenue.
    void revenueAndAdmin()
    {
        std::map<int, std::tuple<double, double, double>> byYear; // cost, revenue, admin
        for (const ExperienceCell& cell : experience_.cells) {
            auto& [c, r, a] = byYear[cell.year];
            c += totalCost(cell);
            r += cell.capitationRevenue;
            a += cell.adminCost;
        }
        for (const auto& [year, sums] : byYear) {
            const auto& [c, r, a] = sums;
            QVERIFY2(c / r > 0.84 && c / r < 0.92,
                     qPrintable(QStringLiteral("%1 MLR %2").arg(year).arg(c / r)));
            QVERIFY2(a / r > 0.05 && a / r < 0.10,
                     qPrintable(QStringLiteral("%1 admin %2").arg(year).arg(a / r)));
        }
    }

    // quality.csv carries the 11 measures of the Straw Proposal 7 preset for every plan and year,
    // with rates spread around the preset's MPL (threshold) and HPL (benchmark).
    void quality()
    {
        const sharecast::Scenario preset = loadPreset(QStringLiteral("straw-proposal-7"));
        const auto& measures = preset.quality.measures;
        QCOMPARE(measures.size(), std::size_t(11));
        std::set<std::string> ids, plans;
        std::set<int> years;
        int small = 0;
        for (const auto& r : quality_.records) {
            ids.insert(r.measureId);
            plans.insert(r.planId);
            years.insert(r.year);
            QVERIFY(r.numerator && r.denominator && !r.rate);
            QVERIFY(*r.numerator >= 0 && *r.numerator <= *r.denominator);
            if (*r.denominator < 30)
                ++small;
        }
        std::set<std::string> presetIds;
        for (const auto& m : measures)
            presetIds.insert(m.id);
        QVERIFY(ids == presetIds);
        QCOMPARE(plans.size(), summary_.plans.size());
        QCOMPARE(years, (std::set<int>{2019, 2020, 2021, 2022, 2023, 2024}));
        QCOMPARE(quality_.records.size(), plans.size() * years.size() * measures.size());
        QVERIFY2(small >= 2 && small <= 40, qPrintable(QString::number(small)));

        // z = 0 at the threshold (MPL), 1 at the benchmark (HPL), for either direction.
        auto z = [&](const sharecast::QualityRecord& r, const sharecast::QualityMeasure** measure) {
            for (const auto& m : measures)
                if (m.id == r.measureId) {
                    *measure = &m;
                    return (*r.reportableRate(30) - m.threshold) / (m.benchmark - m.threshold);
                }
            return 0.0;
        };
        std::map<int, std::pair<double, int>> meanZ;
        int belowPriorityMpl = 0, aboveBenchmark = 0;
        for (const auto& r : quality_.records) {
            if (!r.reportableRate(30))
                continue;
            const sharecast::QualityMeasure* m = nullptr;
            const double zr = z(r, &m);
            QVERIFY(m);
            QVERIFY2(zr > -3.0 && zr < 3.0, qPrintable(QStringLiteral("%1 %2 %3: z %4")
                                                           .arg(QString::fromStdString(r.planId))
                                                           .arg(r.year)
                                                           .arg(QString::fromStdString(r.measureId))
                                                           .arg(zr)));
            meanZ[r.year].first += zr;
            meanZ[r.year].second += 1;
            if (r.year == 2024 && m->gateMin && zr < 0.0)
                ++belowPriorityMpl;
            if (r.year == 2024 && zr >= 1.0)
                ++aboveBenchmark;
        }
        const double z2019 = meanZ[2019].first / meanZ[2019].second;
        const double z2024 = meanZ[2024].first / meanZ[2024].second;
        QVERIFY2(z2024 > 0.1 && z2024 < 0.9, qPrintable(QString::number(z2024)));
        QVERIFY2(z2024 > z2019 + 0.1, qPrintable(QStringLiteral("%1 → %2").arg(z2019).arg(z2024)));
        QVERIFY(belowPriorityMpl >= 2);
        QVERIFY(aboveBenchmark >= 5);
    }

    // members.csv: N rows, spread over the cells in proportion to member months, with costs whose
    // means match the experience and a heavy high-cost tail.
    void members()
    {
        std::map<QString, double> cellMm;
        std::map<std::string, std::pair<double, double>> experiencePmpm; // by rate cell: cost, MM
        double totalMm = 0.0;
        for (const ExperienceCell& cell : experience_.cells) {
            cellMm[key(cell.planId, cell.region, cell.rateCell, cell.year)] = cell.memberMonths;
            totalMm += cell.memberMonths;
            experiencePmpm[cell.rateCell].first += totalCost(cell);
            experiencePmpm[cell.rateCell].second += cell.memberMonths;
        }

        QFile f(dir_.filePath(QStringLiteral("members.csv")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray expectedHeader = "member_id,plan_id,region,rate_cell,year,member_months,risk_score";
        for (const auto& cos : experience_.cosNames)
            expectedHeader += ",cost_" + QByteArray::fromStdString(cos);
        for (const auto& u : experience_.utilNames)
            expectedHeader += ",util_" + QByteArray::fromStdString(u);
        QCOMPARE(f.readLine().trimmed(), expectedHeader);

        std::map<QString, qint64> rows;
        std::map<std::string, std::pair<double, double>> memberPmpm;
        qint64 n = 0, zero = 0, over250k = 0;
        double maxCost = 0.0, riskSum = 0.0;
        QByteArray previousId;
        while (!f.atEnd()) {
            const QList<QByteArray> fields = f.readLine().trimmed().split(',');
            QCOMPARE(fields.size(), 7 + 10 + 11);
            QVERIFY(fields[0] > previousId);
            previousId = fields[0];
            const int mm = fields[5].toInt();
            QVERIFY(mm >= 1 && mm <= 12);
            double dollars = 0.0;
            for (int i = 7; i < 17; ++i)
                dollars += fields[i].toDouble();
            ++rows[key(fields[1].toStdString(), fields[2].toStdString(), fields[3].toStdString(),
                       fields[4].toInt())];
            auto& p = memberPmpm[fields[3].toStdString()];
            p.first += dollars;
            p.second += mm;
            riskSum += fields[6].toDouble();
            zero += dollars == 0.0 ? 1 : 0;
            over250k += dollars > 250000.0 ? 1 : 0;
            maxCost = std::max(maxCost, dollars);
            ++n;
        }
        QCOMPARE(n, kMemberRows);
        // Row counts per cell: N × MM / ΣMM, rounded down or up.
        for (const auto& [k, mm] : cellMm) {
            const double quota = static_cast<double>(kMemberRows) * mm / totalMm;
            const auto it = rows.find(k);
            const double got = it == rows.end() ? 0.0 : static_cast<double>(it->second);
            QVERIFY2(std::fabs(got - quota) < 1.0,
                     qPrintable(QStringLiteral("%1: %2 rows, quota %3").arg(k).arg(got).arg(quota)));
        }
        for (const auto& [k, count] : rows)
            QVERIFY2(cellMm.count(k), qPrintable(k)); // no row outside the experience cells
        // Pooled PMPM by rate cell against the experience. At 200,000 rows one standard error of
        // these heavy-tailed means is 1.5–3 % for the large rate cells (CV of annual cost 2.8–4.6)
        // and 3–5.5 % for LTC and LTC/Dual (a few hundred rows); the tolerances are 4 or more.
        for (const auto& [rateCell, sums] : experiencePmpm) {
            const double expected = sums.first / sums.second;
            const double got = memberPmpm[rateCell].first / memberPmpm[rateCell].second;
            const double tolerance = (rateCell == "LTC" || rateCell == "LTC/Dual") ? 0.25 : 0.12;
            QVERIFY2(std::fabs(got / expected - 1.0) < tolerance,
                     qPrintable(QStringLiteral("%1: members %2 vs experience %3")
                                    .arg(QString::fromStdString(rateCell))
                                    .arg(got)
                                    .arg(expected)));
        }
        const QString tail =
            QStringLiteral("zero %1, over $250k %2, max %3").arg(zero).arg(over250k).arg(maxCost);
        QVERIFY2(zero > n / 20 && zero < n / 4, qPrintable(tail));
        QVERIFY2(over250k >= 3 && over250k < n / 500, qPrintable(tail));
        QVERIFY2(maxCost < 20e6, qPrintable(tail));
        QVERIFY2(std::fabs(riskSum / n - 1.0) < 0.1, qPrintable(QString::number(riskSum / n)));
        qInfo().noquote() << tail;
    }

    void progressIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::vector<double> seen;
        SampleOptions options;
        options.outDir = dir.path();
        options.members = 30000;
        options.progress = [&](double f) { seen.push_back(f); };
        generateSample(options);
        QVERIFY(seen.size() >= 3);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.front(), 0.0);
        QCOMPARE(seen.back(), 1.0);
    }

    //! --scale K repeats the state K times (docs/sample-data.md, "A larger state"): copy 0 is the
    //! sample itself row for row, the other copies are named with their number, have 20 plans
    //! each over their own 19 regions, and enrol about as many members as the sample.
    void largerState()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SampleOptions options;
        options.seed = kSeed;
        options.outDir = dir.path();
        options.scale = 3;
        const SampleSummary summary = generateSample(options);
        QCOMPARE(summary.plans.size(), std::size_t(60));
        QCOMPARE(summary.plans[20].id, QStringLiteral("P21"));
        QCOMPARE(summary.plans[20].name, summary_.plans[0].name + QStringLiteral(" 2"));
        QCOMPARE(summary.plans[59].id, QStringLiteral("P60"));
        QCOMPARE(summary.plans[59].name, summary_.plans[19].name + QStringLiteral(" 3"));
        for (std::size_t p = 0; p < summary.plans.size(); ++p) {
            const SamplePlan& base = summary_.plans[p % 20];
            QCOMPARE(summary.plans[p].regions.size(), base.regions.size());
            const QString suffix = p < 20 ? QString() : QStringLiteral(" %1").arg(p / 20 + 1);
            for (std::size_t r = 0; r < base.regions.size(); ++r) {
                QCOMPARE(summary.plans[p].regions[r].name, base.regions[r].name + suffix);
                QCOMPARE(summary.plans[p].regions[r].modelType, base.regions[r].modelType);
            }
        }

        // The first copy's rows are the sample's experience.csv, byte for byte, in order.
        const QByteArray sample = readAll(dir_.filePath(QStringLiteral("experience.csv")));
        const QByteArray larger = readAll(dir.filePath(QStringLiteral("experience.csv")));
        QVERIFY(larger.startsWith(sample));
        const ExperienceData data = readExperienceFile(dir.filePath(QStringLiteral("experience.csv")));
        std::map<int, double> mm2024; // by copy
        std::set<std::string> plans;
        for (const ExperienceCell& c : data.cells) {
            plans.insert(c.planId);
            const int number = std::stoi(c.planId.substr(1));
            const int copy = (number - 1) / 20;
            const std::string suffix = copy == 0 ? "" : " " + std::to_string(copy + 1);
            QVERIFY2(c.region.size() > suffix.size() &&
                         c.region.compare(c.region.size() - suffix.size(), suffix.size(), suffix) == 0,
                     c.region.c_str());
            if (c.year == 2024)
                mm2024[copy] += c.memberMonths;
        }
        QCOMPARE(plans.size(), std::size_t(60));
        // Each copy enrols the sample's state again, give or take its own draws (±3 %).
        for (int copy = 1; copy < 3; ++copy)
            QVERIFY2(std::abs(mm2024[copy] / mm2024[0] - 1.0) < 0.03,
                     qPrintable(QString::number(mm2024[copy])));
        // Every plan of every copy has quality rows: 60 plans × 6 years × 11 measures.
        QCOMPARE(summary.qualityRows, qint64(60 * 6 * 11));

        options.scale = 0;
        QVERIFY_THROWS_EXCEPTION(InputError, generateSample(options));
        options.scale = kMaxScale + 1;
        QVERIFY_THROWS_EXCEPTION(InputError, generateSample(options));
    }

    void badOptions()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SampleOptions options;
        QVERIFY_THROWS_EXCEPTION(InputError, generateSample(options)); // no folder
        options.outDir = dir.path();
        options.members = -1;
        QVERIFY_THROWS_EXCEPTION(InputError, generateSample(options));
        options.members = 0;
        QFile file(dir.filePath(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        options.outDir = file.fileName();
        QVERIFY_THROWS_EXCEPTION(InputError, generateSample(options));
    }

private:
    QTemporaryDir dir_;
    SampleSummary summary_;
    ExperienceData experience_;
    QualityData quality_;
};

QTEST_GUILESS_MAIN(TestSampleGenerator)
#include "tst_sample_generator.moc"
