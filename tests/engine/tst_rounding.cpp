//! Output rounding (methodology §9a): cents from the double's exact value, ties away from zero.

#include "engine/rounding.h"

#include <QTest>

using sharecast::formatFixed;

class TestRounding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixed_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");
        // Exact binary ties (x.125, x.375 are representable): away from zero, not to even.
        QTest::newRow("tie .125 up") << 0.125 << 2 << "0.13";
        QTest::newRow("tie .375 up") << 2.375 << 2 << "2.38";
        QTest::newRow("negative tie away") << -0.125 << 2 << "-0.13";
        QTest::newRow("tie .5 to int") << 2.5 << 0 << "3";
        // 1.005 is stored as 1.00499999999999989...: the exact value rounds down.
        QTest::newRow("1.005 below tie") << 1.005 << 2 << "1.00";
        // 0.615 is stored as 0.61499999999999999112: down (a naive x*100 rounding gives 0.62).
        QTest::newRow("0.615 below tie") << 0.615 << 2 << "0.61";
        // 8.345 is stored as 8.34500000000000063948...: up.
        QTest::newRow("8.345 above tie") << 8.345 << 2 << "8.35";
        QTest::newRow("carry") << 9.999 << 2 << "10.00";
        QTest::newRow("negative zero") << -0.001 << 2 << "0.00";
        QTest::newRow("large") << 907592665.3 << 2 << "907592665.30";
        QTest::newRow("rate 10dp") << 0.0411171171 << 10 << "0.0411171171";
        QTest::newRow("members 6dp") << 16183.833333333334 << 6 << "16183.833333";
        QTest::newRow("one third 10dp") << 1.0 / 3.0 << 10 << "0.3333333333";
        QTest::newRow("two thirds 10dp") << 2.0 / 3.0 << 10 << "0.6666666667";
    }
    void fixed()
    {
        QFETCH(double, value);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(formatFixed(value, decimals)), expected);
    }
};

QTEST_GUILESS_MAIN(TestRounding)
#include "tst_rounding.moc"
