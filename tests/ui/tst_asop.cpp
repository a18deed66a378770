//! The ASOP 41/56 checklist (ui/report/report_asop.h) on hand-built inputs: which assumption
//! groups a scenario makes material, which items are filled, standard or unfilled, and why.

#include "ui/report/report_asop.h"

#include <QTest>
#include <QTimeZone>

using namespace sharecast;
using namespace sharecast::ui::report;

namespace {

AsopInputs inputs(const Scenario& s)
{
    AsopInputs in;
    in.scenario = &s;
    in.informationDate = QDate(2026, 12, 3);
    in.datasets.append(AsopDataset{QStringLiteral("experience"), QStringLiteral("experience.csv"),
                                   QStringLiteral("0123456789abcdef0123"),
                                   QDateTime(QDate(2026, 11, 1), QTime(8, 0), QTimeZone::utc())});
    in.softwareVersion = QStringLiteral("2.0.0");
    in.scenarioVersion = QStringLiteral("version 1 of “S”");
    return in;
}

const AsopItem& item(const QList<AsopItem>& items, const QString& name)
{
    for (const AsopItem& i : items)
        if (i.item == name)
            return i;
    static const AsopItem none;
    qFatal("no checklist item %s", qPrintable(name));
    return none;
}

} // namespace

class TestAsop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void materialGroupsFollowTheScenario()
    {
        // The defaults (§1.5): no program changes, risk adjustment, truncation, losses, measures,
        // corridors, blend or regional rates.
        const Scenario plain;
        QCOMPARE(materialAssumptionGroups(plain, false),
                 QStringList({"baseline", "trend", "msr", "sharing", "fmap", "projection", "uncertainty"}));

        Scenario s;
        s.riskAdjustment.enabled = true;
        s.losses.enabled = true;
        s.quality.measures.push_back(QualityMeasure{});
        s.programChanges.push_back(ProgramChange{});
        QCOMPARE(
            materialAssumptionGroups(s, true),
            QStringList({"baseline", "trend", "program_changes", "risk_adjustment", "msr", "mlr", "quality",
                         "sharing", "losses", "fmap", "projection", "uncertainty", "partnerships"}));

        // A source or an owner is enough; an entry with neither is no record.
        s.assumptionSources = {{"baseline", AssumptionSource{"toolkit", ""}},
                               {"trend", AssumptionSource{"", "Chief Actuary"}},
                               {"msr", AssumptionSource{"", ""}},
                               {"blend", AssumptionSource{"not material here", "x"}}};
        QCOMPARE(assumptionGroupsWithoutSource(s, false),
                 QStringList({"program_changes", "risk_adjustment", "msr", "mlr", "quality", "sharing",
                              "losses", "fmap", "projection", "uncertainty"}));
    }

    void emptyProjectListsWhatIsMissing()
    {
        const Scenario s;
        const QList<AsopItem> items = asopChecklist(inputs(s));
        QCOMPARE(items.size(), 14);
        QCOMPARE(unfilledItems(items), QStringList({"Responsible actuary", "Qualification statement",
                                                    "Responsibility for assumptions", "Uncertainty or risk",
                                                    "Sensitivity testing", "Conflicts of interest"}));
        QCOMPARE(item(items, "Intended users").status, AsopStatus::Standard);
        QCOMPARE(item(items, "Reliance on others").status, AsopStatus::Standard);
        QVERIFY(item(items, "Responsibility for assumptions")
                    .detail.contains(
                        "7 of 7 groups: baseline, trend, msr, sharing, fmap, projection, uncertainty"));
        QCOMPARE(
            item(items, "Information date and data sources").detail,
            QStringLiteral("information date 2026-12-03; experience experience.csv (SHA-256 0123456789ab…, "
                           "imported 2026-11-01)"));
        // No earlier version in the project: the first report of the scenario, nothing to disclose.
        QCOMPARE(item(items, "Material changes since the previous report").status, AsopStatus::Filled);
        QCOMPARE(statusText(AsopStatus::Unfilled), QStringLiteral("UNFILLED"));
    }

    void completeProjectHasNothingUnfilled()
    {
        Scenario s;
        for (const QString& g : materialAssumptionGroups(s, false))
            s.assumptionSources[g.toStdString()] = AssumptionSource{"study", "office"};
        AsopInputs in = inputs(s);
        in.settings.actuaryName = QStringLiteral("Jane Doe");
        in.settings.actuaryCredentials = QStringLiteral("FSA, MAAA");
        in.settings.qualificationStatement = QStringLiteral("I meet the standards.");
        in.settings.conflicts = QStringLiteral("None");
        in.settings.intendedUsers = QStringLiteral("The agency");
        in.hasChance = true;
        in.hasDrivers = true;
        in.earlierExists = true;
        in.earlier = QStringLiteral("version 2 of “S”");
        in.earlierDifferences = 1;
        const QList<AsopItem> items = asopChecklist(in);
        QVERIFY(unfilledItems(items).isEmpty());
        QCOMPARE(item(items, "Responsible actuary").detail, QStringLiteral("Jane Doe, FSA, MAAA"));
        QCOMPARE(item(items, "Intended users").status, AsopStatus::Filled);
        QCOMPARE(
            item(items, "Material changes since the previous report").detail,
            QStringLiteral("against version 2 of “S”: 1 assumption changed, with the change in the headline "
                           "figures"));

        // Earlier versions kept but none chosen: unfilled.
        in.earlier.reset();
        QCOMPARE(unfilledItems(asopChecklist(in)),
                 QStringList({"Material changes since the previous report"}));
        // No dataset: the data sources are unfilled.
        in.earlier = QStringLiteral("v");
        in.datasets.clear();
        QCOMPARE(unfilledItems(asopChecklist(in)), QStringList({"Information date and data sources"}));
    }
};

QTEST_GUILESS_MAIN(TestAsop)
#include "tst_asop.moc"
