//! Federal limits flagged per plan (docs/methodology.md "Federal limits"), hand-worked:
//! incentive payment / capitation revenue against incentive_max (42 CFR 438.6(b)(2)); in lieu of
//! services cost / revenue against ilos_max (42 CFR 438.16(c)) and ilos_evaluation (438.16(e)).

#include "engine/federal_limits.h"

#include <QTest>

#include <cmath>

using namespace sharecast;

class TestFederalLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void limits_data()
    {
        QTest::addColumn<double>("revenue");
        QTest::addColumn<double>("payment");
        QTest::addColumn<double>("ilos");
        QTest::addColumn<double>("incentiveRatio");
        QTest::addColumn<bool>("incentive");
        QTest::addColumn<double>("ilosRatio");
        QTest::addColumn<bool>("ilosOver");
        QTest::addColumn<bool>("evaluation");
        // 10,000,000 revenue: limits 500,000 (5 %), ILOS 500,000 (5 %), evaluation 150,000 (1.5 %).
        QTest::newRow("within every limit")
            << 1e7 << 400000.0 << 100000.0 << 0.04 << false << 0.01 << false << false;
        QTest::newRow("payment exactly 5 %: not above")
            << 1e7 << 500000.0 << 0.0 << 0.05 << false << 0.0 << false << false;
        QTest::newRow("payment above 5 %")
            << 1e7 << 500000.01 << 0.0 << 0.050000001 << true << 0.0 << false << false;
        QTest::newRow("ILOS 2 %: evaluation due")
            << 1e7 << 0.0 << 200000.0 << 0.0 << false << 0.02 << false << true;
        QTest::newRow("ILOS 6 %: above the limit")
            << 1e7 << 0.0 << 600000.0 << 0.0 << false << 0.06 << true << true;
        QTest::newRow("a loss owed is within")
            << 1e7 << -900000.0 << 0.0 << -0.09 << false << 0.0 << false << false;
    }
    void limits()
    {
        QFETCH(double, revenue);
        QFETCH(double, payment);
        QFETCH(double, ilos);
        QFETCH(double, incentiveRatio);
        QFETCH(bool, incentive);
        QFETCH(double, ilosRatio);
        QFETCH(bool, ilosOver);
        QFETCH(bool, evaluation);
        const FederalLimitsResult r = checkFederalLimits(FederalLimits{true}, revenue, payment, ilos);
        QVERIFY(!r.noRevenue);
        QVERIFY(r.incentiveRatio && r.ilosRatio);
        QVERIFY(std::fabs(*r.incentiveRatio - incentiveRatio) < 1e-12);
        QCOMPARE(r.incentiveExceeded, incentive);
        QVERIFY(std::fabs(*r.ilosRatio - ilosRatio) < 1e-12);
        QCOMPARE(r.ilosExceeded, ilosOver);
        QCOMPARE(r.ilosEvaluationDue, evaluation);
    }

    //! Without capitation revenue nothing can be checked: flagged as such, no limit exceeded.
    void noRevenue()
    {
        const FederalLimitsResult r = checkFederalLimits(FederalLimits{true}, 0.0, 1e6, 1e6);
        QVERIFY(r.noRevenue);
        QVERIFY(!r.incentiveRatio && !r.ilosRatio);
        QVERIFY(!r.incentiveExceeded && !r.ilosExceeded && !r.ilosEvaluationDue);
    }

    //! The defaults are the regulations' figures.
    void defaults()
    {
        const FederalLimits f;
        QCOMPARE(f.incentiveMax, 0.05);
        QCOMPARE(f.ilosMax, 0.05);
        QCOMPARE(f.ilosEvaluation, 0.015);
        QCOMPARE(f.ilosCos, std::vector<std::string>{"community_supports"});
        QVERIFY(!f.enabled);
    }
};

QTEST_GUILESS_MAIN(TestFederalLimits)
#include "tst_federal_limits.moc"
