//! Minimum savings and loss rates (methodology §5), hand-worked. The MSSP table is the one printed
//! in §5: (500, 12.2 %), (1,000, 8.7 %), (3,000, 5.0 %), (5,000, 3.9 %), (6,000, 3.6 %),
//! (7,000, 3.4 %), (8,000, 3.2 %), (9,000, 3.1 %), (10,000, 3.0 %), (15,000, 2.7 %),
//! (20,000, 2.5 %), (50,000, 2.2 %), (60,000, 2.0 %); 12.2 % below 500, 2.0 % from 60,000.
//! Tolerance: rates 1e-10.

#include "engine/error.h"
#include "engine/scenario.h"
#include "engine/thresholds.h"

#include "engine_fixtures.h"

#include <QTest>

using namespace sharecast;
using fixtures::NA;

Q_DECLARE_METATYPE(sharecast::ThresholdMethod)
Q_DECLARE_METATYPE(sharecast::Scenario)

namespace {
constexpr double kRateTol = 1e-10;
}

class TestThresholds : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threshold_data()
    {
        QTest::addColumn<ThresholdMethod>("method");
        QTest::addColumn<double>("fixedRate");
        QTest::addColumn<double>("z");
        QTest::addColumn<double>("cv");
        QTest::addColumn<double>("members");
        QTest::addColumn<double>("elected"); // NA: none
        QTest::addColumn<double>("expected");
        QTest::addColumn<double>("lowerMembers"); // mssp_table bracket; NA: not checked
        QTest::addColumn<double>("upperMembers");

        using M = ThresholdMethod;
        // none: 0 whatever the other inputs
        QTest::newRow("none") << M::None << 0.03 << 1.6449 << 2.5 << 5000.0 << 0.02 << 0.0 << NA << NA;
        // fixed: msr.rate
        QTest::newRow("fixed 2%") << M::Fixed << 0.02 << 1.6449 << 2.5 << 5000.0 << NA << 0.02 << NA << NA;
        QTest::newRow("fixed 0") << M::Fixed << 0.0 << 1.6449 << 2.5 << 5000.0 << NA << 0.0 << NA << NA;
        // elected: the entity's own rate
        QTest::newRow("elected 2.5%")
            << M::Elected << 0.0 << 1.6449 << 2.5 << 5000.0 << 0.025 << 0.025 << NA << NA;
        QTest::newRow("elected 0") << M::Elected << 0.03 << 1.6449 << 2.5 << 5000.0 << 0.0 << 0.0 << NA << NA;
        // confidence z·cv/√N: 1.6449·2.5/√10,000 = 4.11225/100 = 0.0411225
        QTest::newRow("confidence N=10,000")
            << M::Confidence << 0.0 << 1.6449 << 2.5 << 10000.0 << NA << 0.0411225 << NA << NA;
        // 1.6449·2.5/√2,500 = 4.11225/50 = 0.082245
        QTest::newRow("confidence N=2,500")
            << M::Confidence << 0.0 << 1.6449 << 2.5 << 2500.0 << NA << 0.082245 << NA << NA;
        // 1.96·2.0/√3,000 = 3.92/54.772256 = 0.0715690808…
        QTest::newRow("confidence z=1.96 cv=2")
            << M::Confidence << 0.0 << 1.96 << 2.0 << 3000.0 << NA << 0.0715690808473417 << NA << NA;

        // mssp_table at every table point
        const double points[][2] = {{500, 0.122},   {1000, 0.087},  {3000, 0.050},  {5000, 0.039},
                                    {6000, 0.036},  {7000, 0.034},  {8000, 0.032},  {9000, 0.031},
                                    {10000, 0.030}, {15000, 0.027}, {20000, 0.025}, {50000, 0.022},
                                    {60000, 0.020}};
        for (const auto& p : points)
            QTest::addRow("mssp point N=%d", static_cast<int>(p[0]))
                << M::MsspTable << 0.0 << 1.6449 << 2.5 << p[0] << NA << p[1] << NA << NA;
        // between points, linear in N:
        // 750: 0.122 + (0.087 − 0.122)·250/500 = 0.1045
        QTest::newRow("mssp N=750") << M::MsspTable << 0.0 << 1.6449 << 2.5 << 750.0 << NA << 0.1045 << 500.0
                                    << 1000.0;
        // 2,000: 0.087 + (0.050 − 0.087)·1000/2000 = 0.0685
        QTest::newRow("mssp N=2,000")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 2000.0 << NA << 0.0685 << 1000.0 << 3000.0;
        // 4,200: 0.050 + (0.039 − 0.050)·1200/2000 = 0.0434
        QTest::newRow("mssp N=4,200")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 4200.0 << NA << 0.0434 << 3000.0 << 5000.0;
        // 5,500: 0.039 + (0.036 − 0.039)·500/1000 = 0.0375
        QTest::newRow("mssp N=5,500")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 5500.0 << NA << 0.0375 << 5000.0 << 6000.0;
        // 7,250: 0.034 + (0.032 − 0.034)·0.25 = 0.0335
        QTest::newRow("mssp N=7,250")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 7250.0 << NA << 0.0335 << 7000.0 << 8000.0;
        // 12,000: 0.030 + (0.027 − 0.030)·2000/5000 = 0.0288
        QTest::newRow("mssp N=12,000")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 12000.0 << NA << 0.0288 << 10000.0 << 15000.0;
        // 12,500: 0.030 − 0.003·0.5 = 0.0285
        QTest::newRow("mssp N=12,500")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 12500.0 << NA << 0.0285 << 10000.0 << 15000.0;
        // 16,183.8333 (194,206 MM / 12): 0.027 + (0.025 − 0.027)·1183.8333/5000 = 0.0265264666…
        QTest::newRow("mssp N=194,206 MM/12") << M::MsspTable << 0.0 << 1.6449 << 2.5 << 194206.0 / 12.0 << NA
                                              << 0.026526466666666665 << 15000.0 << 20000.0;
        // 35,000: 0.025 + (0.022 − 0.025)·15,000/30,000 = 0.0235
        QTest::newRow("mssp N=35,000")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 35000.0 << NA << 0.0235 << 20000.0 << 50000.0;
        // 55,000: 0.022 − 0.002·0.5 = 0.021
        QTest::newRow("mssp N=55,000")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 55000.0 << NA << 0.021 << 50000.0 << 60000.0;
        // below 500: 12.2 %
        QTest::newRow("mssp N=499.99")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 499.99 << NA << 0.122 << 500.0 << 500.0;
        QTest::newRow("mssp N=100") << M::MsspTable << 0.0 << 1.6449 << 2.5 << 100.0 << NA << 0.122 << 500.0
                                    << 500.0;
        // at and above 60,000: 2.0 %
        QTest::newRow("mssp N=60,000.5")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 60000.5 << NA << 0.020 << 60000.0 << 60000.0;
        QTest::newRow("mssp N=250,000")
            << M::MsspTable << 0.0 << 1.6449 << 2.5 << 250000.0 << NA << 0.020 << 60000.0 << 60000.0;
    }

    void threshold()
    {
        QFETCH(ThresholdMethod, method);
        QFETCH(double, fixedRate);
        QFETCH(double, z);
        QFETCH(double, cv);
        QFETCH(double, members);
        QFETCH(double, elected);
        QFETCH(double, expected);
        QFETCH(double, lowerMembers);
        QFETCH(double, upperMembers);
        ThresholdInput in;
        in.method = method;
        in.fixedRate = fixedRate;
        in.z = z;
        in.cv = cv;
        in.members = members;
        in.electedRate = fixtures::opt(elected);
        const ThresholdResult r = computeThreshold(in);
        FIX_COMPARE_NEAR("rate", r.rate, expected, kRateTol);
        QCOMPARE(r.method, method);
        if (!std::isnan(lowerMembers)) {
            FIX_COMPARE_NEAR("lower table point", r.lowerMembers, lowerMembers, 0.0);
            FIX_COMPARE_NEAR("upper table point", r.upperMembers, upperMembers, 0.0);
        }
        if (method == ThresholdMethod::MsspTable)
            FIX_COMPARE_NEAR("msspTableRate", msspTableRate(members), expected, kRateTol);
    }

    //! §5: `elected` needs the entity's rate.
    void electedWithoutRate()
    {
        ThresholdInput in;
        in.method = ThresholdMethod::Elected;
        in.members = 5000.0;
        QVERIFY_THROWS_EXCEPTION(InputError, computeThreshold(in));
    }

    //! The MSR and MLR of a scenario: MLR same_as_msr mirrors the MSR; otherwise its own method
    //! and mlr.rate, a confidence MLR with msr.z and msr.cv (§5, §8).
    void scenarioThresholds_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<double>("members");
        QTest::addColumn<double>("elected");
        QTest::addColumn<double>("msr");
        QTest::addColumn<double>("mlr");

        auto make = [](ThresholdMethod msr, double msrRate, bool same, ThresholdMethod mlr, double mlrRate) {
            Scenario s;
            s.msr.method = msr;
            s.msr.rate = msrRate;
            s.msr.z = 2.0;
            s.msr.cv = 3.0;
            s.mlr.sameAsMsr = same;
            s.mlr.method = mlr;
            s.mlr.rate = mlrRate;
            return s;
        };
        using M = ThresholdMethod;
        // defaults: none / same_as_msr → 0 / 0
        QTest::newRow("defaults") << Scenario{} << 1000.0 << NA << 0.0 << 0.0;
        // confidence same_as_msr: 2·3/√3600 = 6/60 = 0.1 for both
        QTest::newRow("confidence, same_as_msr")
            << make(M::Confidence, 0.0, true, M::Fixed, 0.05) << 3600.0 << NA << 0.1 << 0.1;
        // fixed 0.02, same_as_msr (mlr.rate 0.05 ignored) → 0.02 / 0.02
        QTest::newRow("fixed, same_as_msr")
            << make(M::Fixed, 0.02, true, M::Fixed, 0.05) << 3600.0 << NA << 0.02 << 0.02;
        // MSR fixed 0.02, MLR its own fixed 0.01
        QTest::newRow("own fixed MLR")
            << make(M::Fixed, 0.02, false, M::Fixed, 0.01) << 3600.0 << NA << 0.02 << 0.01;
        // MSR fixed, MLR none → 0
        QTest::newRow("own MLR none")
            << make(M::Fixed, 0.02, false, M::None, 0.01) << 3600.0 << NA << 0.02 << 0.0;
        // MSR fixed 0.02; MLR confidence with msr.z = 2 and msr.cv = 3: 6/√900 = 0.2
        QTest::newRow("own confidence MLR uses msr.z, msr.cv")
            << make(M::Fixed, 0.02, false, M::Confidence, 0.0) << 900.0 << NA << 0.02 << 0.2;
        // MSR mssp_table at 12,000 (0.0288); MLR fixed 0.01
        QTest::newRow("mssp MSR, fixed MLR")
            << make(M::MsspTable, 0.0, false, M::Fixed, 0.01) << 12000.0 << NA << 0.0288 << 0.01;
        // MSR fixed; MLR mssp_table at 750 (0.1045)
        QTest::newRow("fixed MSR, mssp MLR")
            << make(M::Fixed, 0.03, false, M::MsspTable, 0.0) << 750.0 << NA << 0.03 << 0.1045;
        // elected, same_as_msr: both the entity's 0.015
        QTest::newRow("elected, same_as_msr")
            << make(M::Elected, 0.0, true, M::None, 0.0) << 750.0 << 0.015 << 0.015 << 0.015;
    }

    void scenarioThresholds()
    {
        QFETCH(Scenario, scenario);
        QFETCH(double, members);
        QFETCH(double, elected);
        QFETCH(double, msr);
        QFETCH(double, mlr);
        const ThresholdResult m = computeThreshold(msrInput(scenario, members, fixtures::opt(elected)));
        const ThresholdResult l = computeThreshold(mlrInput(scenario, members, fixtures::opt(elected)));
        FIX_COMPARE_NEAR("MSR", m.rate, msr, kRateTol);
        FIX_COMPARE_NEAR("MLR", l.rate, mlr, kRateTol);
    }

    //! An elected MLR (same_as_msr) without the entity's rate is an input error as well.
    void electedScenarioWithoutRate()
    {
        Scenario s;
        s.msr.method = ThresholdMethod::Elected;
        QVERIFY_THROWS_EXCEPTION(InputError, computeThreshold(msrInput(s, 5000.0, std::nullopt)));
        QVERIFY_THROWS_EXCEPTION(InputError, computeThreshold(mlrInput(s, 5000.0, std::nullopt)));
    }
};

QTEST_GUILESS_MAIN(TestThresholds)
#include "tst_thresholds.moc"
