//! The standard normal CDF and quantile (core/engine/normal.h, methodology §13), against values
//! published in statistical tables (to the digits given there) and against Boost.Math's
//! independent implementation over a grid, to 1e-12.

#include "engine/normal.h"

#include <boost/math/distributions/normal.hpp>

#include <QTest>

#include <cmath>
#include <limits>

using namespace sharecast;

class TestNormal : public QObject {
    Q_OBJECT

private slots:
    void publishedQuantiles_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("z");
        // Abramowitz & Stegun table 26.5 and the usual critical values (16 significant digits).
        QTest::newRow("median") << 0.5 << 0.0;
        QTest::newRow("0.90") << 0.90 << 1.2815515655446004;
        QTest::newRow("0.95") << 0.95 << 1.6448536269514722;
        QTest::newRow("0.975") << 0.975 << 1.9599639845400542;
        QTest::newRow("0.99") << 0.99 << 2.3263478740408408;
        QTest::newRow("0.999") << 0.999 << 3.0902323061678132;
        QTest::newRow("0.05") << 0.05 << -1.6448536269514722;
        QTest::newRow("1e-10") << 1e-10 << -6.3613409024040557;
    }
    void publishedQuantiles()
    {
        QFETCH(double, p);
        QFETCH(double, z);
        QVERIFY2(std::fabs(normalQuantile(p) - z) <= 1e-12,
                 qPrintable(QStringLiteral("z(%1) = %2, expected %3")
                                .arg(p)
                                .arg(normalQuantile(p), 0, 'g', 17)
                                .arg(z, 0, 'g', 17)));
    }

    void publishedCdf_data()
    {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("phi");
        QTest::newRow("0") << 0.0 << 0.5;
        QTest::newRow("1") << 1.0 << 0.8413447460685429;
        QTest::newRow("2") << 2.0 << 0.9772498680518208;
        QTest::newRow("-3") << -3.0 << 0.0013498980316300946;
        QTest::newRow("1.96") << 1.96 << 0.9750021048517795;
    }
    void publishedCdf()
    {
        QFETCH(double, x);
        QFETCH(double, phi);
        QVERIFY(std::fabs(normalCdf(x) - phi) <= 1e-15);
    }

    //! Against Boost.Math on a fine grid: quantile to 1e-12 absolute on (0, 1); CDF to 1e-12
    //! relative down to 1e-300 (the lower tail is computed without cancellation).
    void agreesWithBoostMath()
    {
        const boost::math::normal n;
        double worstQuantile = 0.0;
        for (int i = 1; i < 100000; ++i) {
            const double p = i / 100000.0;
            worstQuantile =
                std::max(worstQuantile, std::fabs(normalQuantile(p) - boost::math::quantile(n, p)));
        }
        for (double p = 1e-300; p < 1e-3; p *= 7.3)
            worstQuantile =
                std::max(worstQuantile, std::fabs(normalQuantile(p) - boost::math::quantile(n, p)) /
                                            std::fabs(boost::math::quantile(n, p)));
        QVERIFY2(worstQuantile <= 1e-12, qPrintable(QString::number(worstQuantile)));
        double worstCdf = 0.0;
        for (double x = -37.0; x <= 8.5; x += 0.00731) {
            const double b = boost::math::cdf(n, x);
            worstCdf = std::max(worstCdf, std::fabs(normalCdf(x) - b) / b);
        }
        QVERIFY2(worstCdf <= 1e-12, qPrintable(QString::number(worstCdf)));
    }

    void roundTripsAndLimits()
    {
        for (double p : {1e-12, 1e-6, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-9})
            QVERIFY(std::fabs(normalCdf(normalQuantile(p)) - p) <=
                    1e-15 * std::max(1.0, p / (1 - p)) + 1e-16);
        QCOMPARE(normalQuantile(0.0), -std::numeric_limits<double>::infinity());
        QCOMPARE(normalQuantile(1.0), std::numeric_limits<double>::infinity());
        QVERIFY(std::isnan(normalQuantile(-0.1)));
        QVERIFY(std::isnan(normalQuantile(1.1)));
        QVERIFY(std::isnan(normalQuantile(std::numeric_limits<double>::quiet_NaN())));
        QVERIFY(std::fabs(normalPdf(0.0) - 0.3989422804014327) <= 1e-16);
    }
};

QTEST_APPLESS_MAIN(TestNormal)
#include "tst_normal.moc"
