//! Differences between two scenarios (core/io/scenario/scenario_diff.h): every differing key path of the
//! JSON form (methodology §1.5) with both values as compact JSON, "(absent)" where one side has no
//! such key or list element, in the order of the JSON form; and the readable text of
//! formatDifferences. Every expected key, value and line is spelled out by hand from the §1.5 key
//! names and the scenarios built below; values are compared as exact text.

#include "engine/scenario.h"
#include "io/scenario/presets.h"
#include "io/scenario/scenario_diff.h"

#include <QTest>

using namespace sharecast;
using namespace sharecast::io;

Q_DECLARE_METATYPE(sharecast::Scenario)

namespace {

Scenario straw()
{
    return loadPreset(QStringLiteral("straw-proposal-7"));
}

//! The differences as {key, left, right} triples, for comparison and for failure messages.
QList<QStringList> triples(const std::vector<ScenarioDifference>& d)
{
    QList<QStringList> out;
    for (const ScenarioDifference& x : d)
        out << QStringList{x.key, x.left, x.right};
    return out;
}

QString show(const QList<QStringList>& t)
{
    QString s;
    for (const QStringList& row : t)
        s += QStringLiteral("\n  %1 | %2 | %3").arg(row.value(0), row.value(1), row.value(2));
    return s.isEmpty() ? QStringLiteral(" (none)") : s;
}

} // namespace

class TestScenarioDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void differences_data()
    {
        QTest::addColumn<Scenario>("left");
        QTest::addColumn<Scenario>("right");
        QTest::addColumn<QList<QStringList>>("expected");

        QTest::newRow("identical presets") << straw() << straw() << QList<QStringList>{};
        QTest::newRow("identical defaults") << Scenario{} << Scenario{} << QList<QStringList>{};

        {
            Scenario b = straw();
            b.sharing.maxShare = 0.4;
            QTest::newRow("one scalar")
                << straw() << b << QList<QStringList>{{"sharing.max_share", "0.5", "0.4"}};
            QTest::newRow("one scalar, sides swapped")
                << b << straw() << QList<QStringList>{{"sharing.max_share", "0.4", "0.5"}};
        }
        {
            Scenario b;
            b.trend.byCos = {{"inpatient", TrendPair{0.01, 0.035}}};
            QTest::newRow("map entry added")
                << Scenario{} << b
                << QList<QStringList>{{"trend.by_cos.inpatient", "(absent)",
                                       R"({"utilization": 0.01, "unit_cost": 0.035})"}};
            QTest::newRow("map entry removed")
                << b << Scenario{}
                << QList<QStringList>{{"trend.by_cos.inpatient",
                                       R"({"utilization": 0.01, "unit_cost": 0.035})", "(absent)"}};
            Scenario c = b;
            c.trend.byCos["inpatient"].unitCost = 0.04;
            QTest::newRow("map entry changed inside")
                << b << c << QList<QStringList>{{"trend.by_cos.inpatient.unit_cost", "0.035", "0.04"}};
        }
        {
            Scenario a;
            a.baseline.years = {2021, 2022, 2023};
            Scenario b;
            b.baseline.years = {2022, 2023};
            QTest::newRow("list of different length")
                << a << b
                << QList<QStringList>{{"baseline.years[0]", "2021", "2022"},
                                      {"baseline.years[1]", "2022", "2023"},
                                      {"baseline.years[2]", "2023", "(absent)"}};
            Scenario c;
            c.baseline.years = {2021, 2022, 2023, 2020};
            QTest::newRow("list element appended")
                << a << c << QList<QStringList>{{"baseline.years[3]", "(absent)", "2020"}};
        }
        {
            // The preset's second measure is W30-6 (threshold 0.58, gate_min 0.58); its first is
            // CIS-10 (gate_min null).
            Scenario b = straw();
            b.quality.measures[1].threshold = 0.6;
            QTest::newRow("nested quality measure field")
                << straw() << b << QList<QStringList>{{"quality.measures[1].threshold", "0.58", "0.6"}};
            Scenario c = straw();
            c.quality.measures[0].gateMin = 0.3;
            c.quality.measures[0].direction = Direction::Lower;
            c.quality.measures[0].threshold = 0.5;
            c.quality.measures[0].benchmark = 0.35;
            QTest::newRow("several fields of one measure, in key order")
                << straw() << c
                << QList<QStringList>{{"quality.measures[0].direction", "\"higher\"", "\"lower\""},
                                      {"quality.measures[0].threshold", "0.35", "0.5"},
                                      {"quality.measures[0].benchmark", "0.5", "0.35"},
                                      {"quality.measures[0].gate_min", "null", "0.3"}};
        }
        {
            Scenario a;
            a.name = "A";
            Scenario b;
            b.name = "B";
            b.performanceYear = 2024;
            b.msr.method = ThresholdMethod::Fixed;
            b.sharing.cap = 0.1;
            QTest::newRow("several keys in the order of the JSON form")
                << a << b
                << QList<QStringList>{{"name", "\"A\"", "\"B\""},
                                      {"performance_year", "null", "2024"},
                                      {"msr.method", "\"none\"", "\"fixed\""},
                                      {"sharing.cap", "null", "0.1"}};
        }
        {
            Scenario a;
            Scenario b;
            b.includedCos = std::vector<std::string>{"inpatient"};
            QTest::newRow("null against a list")
                << a << b << QList<QStringList>{{"included_cos", "null", R"(["inpatient"])"}};
        }
        {
            // by_year (docs/methodology.md, "Program years"): an override added, and one changed inside.
            Scenario a;
            a.byYear[2023] = R"({"sharing": {"max_share": 0.4}})";
            Scenario b = a;
            b.byYear[2023] = R"({"sharing": {"max_share": 0.3}})";
            b.byYear[2024] = R"({"msr": {"rate": 0.01}})";
            QTest::newRow("by_year overrides")
                << a << b
                << QList<QStringList>{{"by_year.2023.sharing.max_share", "0.4", "0.3"},
                                      {"by_year.2024", "(absent)", R"({"msr": {"rate": 0.01}})"}};
        }
    }

    void differences()
    {
        QFETCH(Scenario, left);
        QFETCH(Scenario, right);
        QFETCH(QList<QStringList>, expected);
        const QList<QStringList> got = triples(diffScenarios(left, right));
        QVERIFY2(got == expected,
                 qPrintable(QStringLiteral("got:%1\nexpected:%2").arg(show(got), show(expected))));
    }

    void everyPresetDiffersFromTheOthers()
    {
        // Different presets are different scenarios: at least their names differ, and nothing
        // differs from itself.
        const QStringList names = presetNames();
        QVERIFY(names.size() >= 2);
        for (const QString& a : names) {
            QVERIFY2(diffScenarios(loadPreset(a), loadPreset(a)).empty(), qPrintable(a));
            for (const QString& b : names) {
                if (a == b)
                    continue;
                const std::vector<ScenarioDifference> d = diffScenarios(loadPreset(a), loadPreset(b));
                QVERIFY2(!d.empty(), qPrintable(a + QLatin1String(" vs ") + b));
                QCOMPARE(d.front().key, QStringLiteral("name"));
            }
        }
    }

    void formatNoDifferences()
    {
        QCOMPARE(formatDifferences({}, QStringLiteral("a.json"), QStringLiteral("preset:mssp-track-1")),
                 QStringLiteral("no differences between a.json and preset:mssp-track-1\n"));
    }

    void formatAlignsOneKeyPerLine()
    {
        Scenario a;
        Scenario b;
        b.sharing.maxShare = 0.4;
        b.trend.byCos = {{"inpatient", TrendPair{0.01, 0.035}}};
        const std::vector<ScenarioDifference> d = diffScenarios(a, b);
        QCOMPARE(d.size(), std::size_t{2});
        const QString text = formatDifferences(d, QStringLiteral("left.json"), QStringLiteral("Base"));
        // Keys are padded to the longest, "trend.by_cos.inpatient" (22 characters).
        const QStringList expected{
            QString::fromUtf8("2 differing key(s): left.json → Base"),
            QString::fromUtf8(
                "  trend.by_cos.inpatient  (absent) → {\"utilization\": 0.01, \"unit_cost\": 0.035}"),
            QString::fromUtf8("  sharing.max_share       0.5 → 0.4"),
            QString(),
        };
        QCOMPARE(text.split(u'\n'), expected);
    }

    void formatKeepsPercentSignsInValues()
    {
        // Values are free text (names, descriptions): placeholders in them must not be expanded.
        Scenario a;
        a.name = "%1 %2";
        Scenario b;
        b.name = "100%";
        const QString text = formatDifferences(diffScenarios(a, b), QStringLiteral("x"), QStringLiteral("y"));
        QCOMPARE(text, QString::fromUtf8("1 differing key(s): x → y\n  name  \"%1 %2\" → \"100%\"\n"));
    }

    void formatKeepsPercentSignsInKeys()
    {
        // Map keys come from the data (rate-cell names are free text) and end up in key paths:
        // a "%1" in one must be printed as it is, and the values must stay on their sides.
        Scenario a;
        a.fmap.byRateCell = {{"Adult %1 FPL", 0.9}};
        const Scenario b;
        const std::vector<ScenarioDifference> d = diffScenarios(a, b);
        QCOMPARE(d.size(), std::size_t{1});
        QCOMPARE(d[0].key, QStringLiteral("fmap.by_rate_cell.Adult %1 FPL"));
        const QString text = formatDifferences(d, QStringLiteral("x"), QStringLiteral("y"));
        QCOMPARE(text, QString::fromUtf8(
                           "1 differing key(s): x → y\n  fmap.by_rate_cell.Adult %1 FPL  0.9 → (absent)\n"));
    }
};

QTEST_GUILESS_MAIN(TestScenarioDiff)
#include "tst_scenario_diff.moc"
