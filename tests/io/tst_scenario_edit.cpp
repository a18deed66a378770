//! Reading and replacing one number of a scenario by its key path (methodology §14): only that
//! key changes, absent parent objects are created with their defaults, missing list elements and
//! data-keyed entries are input errors naming the key, refused values are input errors.

#include "engine/error.h"
#include "io/json/json.h"
#include "io/json/scenario_edit.h"
#include "io/json/scenario_json.h"

#include <QTest>

#include <algorithm>

using namespace sharecast;
using namespace sharecast::io;

namespace {

Scenario base()
{
    Scenario s;
    s.trend.byCos["inpatient"] = TrendPair{0.01, 0.03};
    s.trend.byRateCell["SPD"].byCos["ltc"] = TrendPair{0.0, 0.02};
    s.sharing.tiers = {SharingTier{0.0, 0.2}, SharingTier{50.0, 0.4}};
    s.quality.measures.push_back(
        QualityMeasure{"CIS", "Immunizations", 2.0, Direction::Higher, 0.3, 0.45, {}});
    return s;
}

QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const InputError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestScenarioEdit : public QObject {
    Q_OBJECT

private slots:
    void readsNumbers()
    {
        const Scenario s = base();
        QCOMPARE(scenarioNumber(s, "sharing.max_share"), std::optional<double>(0.5));
        QCOMPARE(scenarioNumber(s, "trend.by_cos.inpatient.unit_cost"), std::optional<double>(0.03));
        QCOMPARE(scenarioNumber(s, "sharing.tiers[1].share"), std::optional<double>(0.4));
        QCOMPARE(scenarioNumber(s, "quality.measures[0].weight"), std::optional<double>(2.0));
        QCOMPARE(scenarioNumber(s, "sharing.cap"), std::optional<double>());        // null: no cap
        QCOMPARE(scenarioNumber(s, "blend.tolerance"), std::optional<double>(0.0)); // absent: default
    }

    void replacesOnlyTheKey()
    {
        const Scenario s = base();
        Scenario expected = s;
        expected.sharing.tiers[1].share = 0.35;
        QVERIFY(withScenarioNumber(s, "sharing.tiers[1].share", 0.35) == expected);
        expected = s;
        expected.trend.byRateCell["SPD"].byCos["ltc"].utilization = -0.01;
        QVERIFY(withScenarioNumber(s, "trend.by_rate_cell.SPD.by_cos.ltc.utilization", -0.01) == expected);
        expected = s;
        expected.sharing.cap = 0.1;
        QVERIFY(withScenarioNumber(s, "sharing.cap", 0.1) == expected); // a null value set
        expected = s;
        expected.trend.byRateCell["SPD"].defaultTrend = TrendPair{0.0, 0.04};
        QVERIFY(withScenarioNumber(s, "trend.by_rate_cell.SPD.default.unit_cost", 0.04) == expected);
        expected = s;
        expected.blend = BlendSpec{};
        expected.blend->tolerance = 0.05;
        QVERIFY(withScenarioNumber(s, "blend.tolerance", 0.05) == expected); // parent made with defaults
        expected = s;
        expected.uncertainty.draws = 500;
        QVERIFY(withScenarioNumber(s, "uncertainty.draws", 500) == expected);
    }

    void numberKeysAreTheVariableAssumptions()
    {
        const std::vector<std::string> keys = scenarioNumberKeys(base());
        auto has = [&](const char* k) { return std::find(keys.begin(), keys.end(), k) != keys.end(); };
        QVERIFY(has("sharing.max_share"));
        QVERIFY(has("trend.by_cos.inpatient.unit_cost"));
        QVERIFY(has("trend.by_rate_cell.SPD.by_cos.ltc.utilization"));
        QVERIFY(has("sharing.tiers[1].share"));
        QVERIFY(has("quality.measures[0].weight"));
        QVERIFY(!has("sharing.cap"));        // null
        QVERIFY(!has("projection.horizon")); // a count
        QVERIFY(!has("uncertainty.seed"));
        QVERIFY(!has("quality.measures[0].gate_min")); // null
        // Every key reads back and can be set to its own value, leaving the scenario unchanged.
        const Scenario s = base();
        for (const std::string& k : keys)
            QVERIFY2(withScenarioNumber(s, k, *scenarioNumber(s, k)) == s, k.c_str());
    }

    void regionalRatesNumbers()
    {
        // blend and each adjustment are assumptions to vary; the county lists and the flag are not.
        Scenario s = base();
        s.regionalRates =
            RegionalRatesSpec{{{"Bay Area", {"Alameda", "Marin"}}}, 0.5, {{"Alameda", 1.02}}, true};
        const std::vector<std::string> keys = scenarioNumberKeys(s);
        auto has = [&](const char* k) { return std::find(keys.begin(), keys.end(), k) != keys.end(); };
        QVERIFY(has("regional_rates.blend"));
        QVERIFY(has("regional_rates.adjustments.Alameda"));
        QCOMPARE(std::count_if(keys.begin(), keys.end(),
                               [](const std::string& k) { return k.rfind("regional_rates", 0) == 0; }),
                 2);
        Scenario expected = s;
        expected.regionalRates->adjustments["Alameda"] = 1.05;
        QVERIFY(withScenarioNumber(s, "regional_rates.adjustments.Alameda", 1.05) == expected);
        expected = s;
        expected.regionalRates->blend = 0.8;
        QVERIFY(withScenarioNumber(s, "regional_rates.blend", 0.8) == expected);
        QCOMPARE(scenarioNumber(s, "regional_rates.blend"), std::optional<double>(0.5));
        QVERIFY(errorOf([&] {
                    withScenarioNumber(s, "regional_rates.adjustments.Alameda", 0.0);
                }).contains("an adjustment must be positive"));
        QVERIFY(errorOf([&] {
                    withScenarioNumber(s, "regional_rates.adjustments.Kern", 1.1);
                }).contains("no 'Kern' entry in 'regional_rates.adjustments'"));
        // Not configured: nothing to vary, and no empty configuration made up for it.
        QVERIFY(errorOf([&] {
                    withScenarioNumber(base(), "regional_rates.blend", 0.8);
                }).contains("'regional_rates' is not set in the scenario"));
    }

    void errorsNameTheKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing data-keyed entry")
            << "trend.by_cos.dental.unit_cost" << 0.02 << "no 'dental' entry in 'trend.by_cos'";
        QTest::newRow("missing list element") << "sharing.tiers[5].share" << 0.2 << "there is no [5]";
        QTest::newRow("unknown key") << "sharing.maximum" << 0.2 << "no 'maximum' entry";
        QTest::newRow("not a number") << "quality.measures[0].id" << 1.0 << "is a string, not a number";
        QTest::newRow("refused value") << "sharing.max_share" << 1.5 << "value '1.5': must lie in [0, 1]";
        QTest::newRow("not a whole number") << "projection.horizon" << 5.5 << "projection.horizon";
        QTest::newRow("malformed key") << "sharing..max_share" << 0.2 << "sharing..max_share";
        QTest::newRow("not finite") << "msr.rate" << std::numeric_limits<double>::infinity() << "finite";
    }
    void errorsNameTheKey()
    {
        QFETCH(QString, key);
        QFETCH(double, value);
        QFETCH(QString, message);
        const QString e = errorOf([&] { withScenarioNumber(base(), key.toStdString(), value); });
        QVERIFY2(e.contains(message), qPrintable(e));
        QVERIFY2(e.contains(key.left(key.indexOf(u'.'))), qPrintable(e));
    }
};

QTEST_APPLESS_MAIN(TestScenarioEdit)
#include "tst_scenario_edit.moc"
