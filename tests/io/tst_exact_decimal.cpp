//! The exact decimal arithmetic of the member aggregates (methodology §1.3's exact-sum rule):
//! reading a field's decimal as written, exact sums and products, and the one conversion of an
//! exact value to the nearest double. Every expected value is worked out by hand in the comments;
//! doubles are compared exactly (the point is the last bit).

#include "io/csv/exact_decimal.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace sharecast::io;

namespace {

Decimal dec(const char* text)
{
    Decimal d;
    if (parseDecimal(text, d) != DecimalText::Ok)
        throw std::invalid_argument(text);
    return d;
}

ExactDecimal sum(std::initializer_list<const char*> texts)
{
    ExactDecimal s;
    for (const char* t : texts)
        s.add(dec(t));
    return s;
}

} // namespace

class TestExactDecimal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("status"); // DecimalText
        QTest::addColumn<quint64>("mantissa");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<bool>("negative");
        const int ok = int(DecimalText::Ok), nan = int(DecimalText::NotANumber),
                  many = int(DecimalText::TooManyDigits);
        QTest::newRow("integer") << "1200" << ok << quint64(1200) << 0 << false; // integer zeros count
        QTest::newRow("trailing fractional zeros") << "1.50" << ok << quint64(15) << -1 << false;
        QTest::newRow("leading zeros") << "000.00500" << ok << quint64(5) << -3 << false;
        QTest::newRow("plus") << "+5" << ok << quint64(5) << 0 << false;
        QTest::newRow("minus") << "-0.25" << ok << quint64(25) << -2 << true;
        QTest::newRow("minus zero") << "-0" << ok << quint64(0) << 0 << false;
        QTest::newRow("point first") << ".5" << ok << quint64(5) << -1 << false;
        QTest::newRow("point last") << "5." << ok << quint64(5) << 0 << false;
        QTest::newRow("exponent") << "1.25e3" << ok << quint64(125) << 1 << false;
        QTest::newRow("negative exponent") << "12E-3" << ok << quint64(12) << -3 << false;
        // 19 significant digits is the most: 9 999 999 999 999 999 999 < 2^64.
        QTest::newRow("19 digits") << "999999999999999999.9" << ok << quint64(9999999999999999999ULL) << -1
                                   << false;
        QTest::newRow("19 digits and zeros")
            << "0.00123456789012345678900000" << ok << quint64(1234567890123456789ULL) << -21 << false;
        QTest::newRow("20 digits") << "12345678901234567890" << many << quint64(0) << 0 << false;
        QTest::newRow("20 digits in the fraction")
            << "1.2345678901234567891" << many << quint64(0) << 0 << false;
        for (const char* bad : {"", " 1", "1 ", "nan", "inf", "0x1A", "1,5", "+-1", "--1", ".", "e5", "1e",
                                "1e+", "1.2.3", "++1"})
            QTest::newRow(qPrintable(QStringLiteral("not a number: '%1'").arg(QLatin1String(bad))))
                << QString::fromLatin1(bad) << nan << quint64(0) << 0 << false;
        // Syntax is checked before the digit count.
        QTest::newRow("20 digits then junk") << "12345678901234567890x" << nan << quint64(0) << 0 << false;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(int, status);
        QFETCH(quint64, mantissa);
        QFETCH(int, exponent);
        QFETCH(bool, negative);
        Decimal d;
        const std::string s = text.toStdString();
        QCOMPARE(int(parseDecimal(s, d)), status);
        if (status != int(DecimalText::Ok))
            return;
        while (d.exponent < 0 && d.mantissa % 10 == 0 && d.mantissa != 0) { // the same value
            d.mantissa /= 10;
            ++d.exponent;
        }
        QCOMPARE(quint64(d.mantissa), mantissa);
        QCOMPARE(d.exponent, exponent);
        QCOMPARE(d.negative, negative);
    }

    //! 0.1 + 0.2 summed exactly is 0.3, whose nearest double is not the double sum 0.1 + 0.2
    //! (0.30000000000000004).
    void exactSumBeatsDoubleSum()
    {
        const ExactDecimal s = sum({"0.1", "0.2"});
        QCOMPARE(QString::fromStdString(s.text()), QStringLiteral("3e-1"));
        QCOMPARE(s.toDouble(), 0.3);
        QVERIFY(0.1 + 0.2 != 0.3);
        // The order of the terms does not matter: 0.1 + 0.2 + 0.3 = 0.3 + 0.2 + 0.1 = 0.6, where
        // doubles give 0.6000000000000001 one way and 0.6 the other.
        QCOMPARE(sum({"0.1", "0.2", "0.3"}).toDouble(), 0.6);
        QCOMPARE(sum({"0.3", "0.2", "0.1"}).toDouble(), 0.6);
        QVERIFY((0.1 + 0.2) + 0.3 != (0.3 + 0.2) + 0.1);
    }

    //! A smaller exponent rescales the sum: 1500 + 0.25 + 1.5 = 1501.75 (exponent −2).
    void rescaling()
    {
        const ExactDecimal s = sum({"1500", "0.25", "1.5"});
        QCOMPARE(QString::fromStdString(s.text()), QStringLiteral("150175e-2"));
        QCOMPARE(s.toDouble(), 1501.75);
        // And a larger one is scaled to the sum's: 0.25 + 1e3 = 1000.25.
        QCOMPARE(QString::fromStdString(sum({"0.25", "1e3"}).text()), QStringLiteral("100025e-2"));
        // Adding exact decimals: (1.5) + (0.25 + 2) = 3.75.
        ExactDecimal a = sum({"1.5"});
        a.add(sum({"0.25", "2"}));
        QCOMPARE(a.toDouble(), 3.75);
    }

    //! Huge counts: 10^19 − 1 added 10 times is 99 999 999 999 999 999 990, beyond 64 bits.
    void beyondSixtyFourBits()
    {
        ExactDecimal s;
        for (int i = 0; i < 10; ++i)
            s.add(dec("9999999999999999999"));
        QCOMPARE(QString::fromStdString(s.text()), QStringLiteral("99999999999999999990"));
        QCOMPARE(s.toDouble(), 1e20); // nearest double of 99 999 999 999 999 999 990 is 10^20
        // 2^64 = 18 446 744 073 709 551 616 = 2^63 + 2^63: the sum carries into the next word.
        ExactDecimal c;
        c.add(dec("9223372036854775808"));
        c.add(dec("9223372036854775808"));
        QCOMPARE(QString::fromStdString(c.text()), QStringLiteral("18446744073709551616"));
    }

    //! Products: 1.25 × 12 = 15; (10^19 − 1)² = 99999999999999999980000000000000000001.
    void products()
    {
        QCOMPARE(ExactDecimal::product(sum({"1.25"}), sum({"12"})).toDouble(), 15.0);
        QCOMPARE(QString::fromStdString(ExactDecimal::product(sum({"0.75"}), sum({"6"})).text()),
                 QStringLiteral("450e-2"));
        const ExactDecimal big = sum({"9999999999999999999"});
        QCOMPARE(QString::fromStdString(ExactDecimal::product(big, big).text()),
                 QStringLiteral("99999999999999999980000000000000000001"));
        QVERIFY(ExactDecimal::product(ExactDecimal(), big).isZero());
    }

    //! minus and compare: 320000 − 250000 = 70000; 0.1 + 0.2 = 0.3 exactly.
    void minusAndCompare()
    {
        const ExactDecimal cost = sum({"300000", "20000"});
        const ExactDecimal t(shortestDecimal(250000.0));
        QCOMPARE(ExactDecimal::compare(cost, t), 1);
        QCOMPARE(cost.minus(t).toDouble(), 70000.0);
        QCOMPARE(ExactDecimal::compare(sum({"0.1", "0.2"}), sum({"0.3"})), 0);
        QCOMPARE(ExactDecimal::compare(sum({"0.1"}), sum({"0.1000000000000000001"})), -1);
        QCOMPARE(ExactDecimal::compare(ExactDecimal(), sum({"1e-30"})), -1);
        QCOMPARE(ExactDecimal::compare(sum({"1e-30"}), ExactDecimal()), 1);
        // Scales beyond 256 bits apart still compare: 1e100 > 1e-10.
        QCOMPARE(ExactDecimal::compare(sum({"1e100"}), sum({"1e-10"})), 1);
        QCOMPARE(ExactDecimal::compare(sum({"1e-10"}), sum({"1e100"})), -1);
    }

    //! A sum that would need more than 256 bits throws: 1e70 + 1e-10 needs 81 digits.
    void overflow()
    {
        ExactDecimal s = sum({"1e70"});
        QVERIFY_THROWS_EXCEPTION(ExactOverflow, s.add(dec("1e-10")));
        QCOMPARE(s.toDouble(), 1e70); // unchanged by the failed add
        // (10^40 + 1)² has 81 digits; 10^40 alone is 1 × 10^40, whose square is 1 × 10^80.
        const ExactDecimal big = sum({"1e40", "1"});
        QVERIFY_THROWS_EXCEPTION(ExactOverflow, ExactDecimal::product(big, big));
        QCOMPARE(ExactDecimal::product(sum({"1e40"}), sum({"1e40"})).toDouble(), 1e80);
    }

    //! nearestDouble rounds half to even. 2^53 + 1 = 9007199254740993 lies halfway between the
    //! doubles 2^53 and 2^53 + 2: even is 2^53. 2^53 + 3 lies between 2^53 + 2 and 2^53 + 4: even
    //! is 2^53 + 4.
    void nearestDoubleTiesToEven()
    {
        QCOMPARE(nearestDouble("9007199254740993"), 9007199254740992.0);
        QCOMPARE(nearestDouble("9007199254740995"), 9007199254740996.0);
        // Just above the tie rounds up.
        QCOMPARE(nearestDouble("9007199254740993.0000000000000000001"), 9007199254740994.0);
        // PostgreSQL NUMERIC's text and exponent forms.
        QCOMPARE(nearestDouble("123.4500"), 123.45);
        QCOMPARE(nearestDouble("12345e-2"), 123.45);
        QCOMPARE(nearestDouble("3e-1"), 0.3);
        QCOMPARE(nearestDouble("0"), 0.0);
        QCOMPARE(nearestDouble("1e-400"), 0.0); // nearer to 0 than to the smallest double
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, nearestDouble("1e400"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, nearestDouble("abc"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, nearestDouble("1.5x"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, nearestDouble("inf"));
    }

    //! The shortest decimal of a double, exactly: 250000 → 25e4; 0.1 → 1e-1 (not the binary value).
    void shortest()
    {
        QCOMPARE(QString::fromStdString(ExactDecimal(shortestDecimal(250000.0)).text()),
                 QStringLiteral("250000"));
        QCOMPARE(QString::fromStdString(ExactDecimal(shortestDecimal(0.1)).text()), QStringLiteral("1e-1"));
    }

    //! Limits are exact: 12 is within 12, 12.0000000000000001 is not (its double would be 12).
    void limits()
    {
        const DecimalLimit twelve(12.0);
        QVERIFY(!twelve.exceededBy(dec("12")));
        QVERIFY(!twelve.exceededBy(dec("12.000")));
        QVERIFY(!twelve.exceededBy(dec("0.5")));
        QVERIFY(twelve.exceededBy(dec("12.0000000000000001")));
        QVERIFY(twelve.exceededBy(dec("1.2e1000")));
        QVERIFY(!twelve.exceededBy(dec("1.2e1")));
        QVERIFY(twelve.exceededBy(dec("1.3e1")));
        const DecimalLimit trillion(1e12);
        QVERIFY(!trillion.exceededBy(dec("1000000000000")));
        QVERIFY(trillion.exceededBy(dec("1000000000000.01")));
        const DecimalLimit half(0.5); // not an integer: the general comparison
        QVERIFY(!half.exceededBy(dec("0.5")));
        QVERIFY(half.exceededBy(dec("0.50001")));
    }
};

QTEST_GUILESS_MAIN(TestExactDecimal)
#include "tst_exact_decimal.moc"
