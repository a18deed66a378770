//! Reading quality.csv (methodology §1.2): the numerator/denominator and rate forms, NA rows, and
//! every error with the line, column and value it must name (worked out by hand from the bytes).

#include "io/csv/quality_csv.h"
#include "io_test_support.h"

#include <QTest>

using sharecast::InputError;
using sharecast::QualityData;
using sharecast::QualityRecord;
using namespace sharecast::io;
using namespace sharecast::testing;

namespace {

QString describe(const QualityRecord& r)
{
    const auto opt = [](const auto& v) { return v ? QString::number(*v) : QStringLiteral("-"); };
    return QStringLiteral("%1|%2|%3|n=%4|d=%5|r=%6|line=%7")
        .arg(QString::fromStdString(r.planId))
        .arg(r.year)
        .arg(QString::fromStdString(r.measureId), opt(r.numerator), opt(r.denominator), opt(r.rate))
        .arg(r.sourceLine);
}

QualityData read(const QByteArray& bytes)
{
    return readBuffer(bytes, [](QIODevice& in) { return readQualityCsv(in, QStringLiteral("quality.csv")); });
}

const QByteArray kPair = "plan_id,year,measure_id,numerator,denominator\n";
const QByteArray kRate = "plan_id,year,measure_id,rate\n";
const QByteArray kBoth = "plan_id,year,measure_id,numerator,denominator,rate\n";

} // namespace

class TestQualityCsv : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // clang-format off
    void valid_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("records");
        QTest::newRow("pair form") << kPair + "P01,2023,CIS-10,150,411\nP01,2024,CIS-10,172,411\n"
                                   << QStringList{"P01|2023|CIS-10|n=150|d=411|r=-|line=2",
                                                  "P01|2024|CIS-10|n=172|d=411|r=-|line=3"};
        QTest::newRow("rate form") << kRate + "P1,2023,M,0.45\n" << QStringList{"P1|2023|M|n=-|d=-|r=0.45|line=2"};
        QTest::newRow("both sets, free order, NA row")
            << QByteArray("measure_id,rate,plan_id,denominator,year,numerator\n"
                          "M1,,P1,411,2023,150\nM2,0.5,P1,,2023,\nM3,,P1,,2023,\n")
            << QStringList{"P1|2023|M1|n=150|d=411|r=-|line=2", "P1|2023|M2|n=-|d=-|r=0.5|line=3",
                           "P1|2023|M3|n=-|d=-|r=-|line=4"};
        QTest::newRow("NA in pair file") << kPair + "P1,2023,M,,\n" << QStringList{"P1|2023|M|n=-|d=-|r=-|line=2"};
        QTest::newRow("zero denominator is kept") << kPair + "P1,2023,M,0,0\n"
                                                  << QStringList{"P1|2023|M|n=0|d=0|r=-|line=2"};
        QTest::newRow("numerator equals denominator") << kPair + "P1,2023,M,30,30\n"
                                                      << QStringList{"P1|2023|M|n=30|d=30|r=-|line=2"};
        QTest::newRow("rate bounds") << kRate + "P1,2023,A,0\nP1,2023,B,1\n"
                                     << QStringList{"P1|2023|A|n=-|d=-|r=0|line=2", "P1|2023|B|n=-|d=-|r=1|line=3"};
        QTest::newRow("same measure, other year or plan")
            << kRate + "P1,2023,M,0.1\nP1,2024,M,0.2\nP2,2023,M,0.3\n"
            << QStringList{"P1|2023|M|n=-|d=-|r=0.1|line=2", "P1|2024|M|n=-|d=-|r=0.2|line=3",
                           "P2|2023|M|n=-|d=-|r=0.3|line=4"};
        QTest::newRow("BOM, CRLF, quoted id, trailing lines")
            << QByteArray("\xEF\xBB\xBF" "plan_id,year,measure_id,rate\r\nP1,2023,\"W30,6\nx\",0.25\r\nP2,2023,M,.5\r\n\r\n")
            << QStringList{"P1|2023|W30,6\nx|n=-|d=-|r=0.25|line=2", "P2|2023|M|n=-|d=-|r=0.5|line=4"};
        QTest::newRow("header only") << kBoth << QStringList{};
    }
    // clang-format on
    void valid()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, records);
        const QualityData data = read(input);
        QCOMPARE(data.sourceName, std::string("quality.csv"));
        QStringList got;
        for (const QualityRecord& r : data.records)
            got << describe(r);
        QCOMPARE(got, records);
    }

    // clang-format off
    void malformed_data()
    {
        addInputErrorColumns();
        QTest::newRow("empty file") << QByteArray() << 1L << "" << false << "" << "a header row is required";
        QTest::newRow("unknown column") << QByteArray("plan_id,year,measure_id,rate,rate_pct\n") << 1L << "rate_pct"
                                        << true << "rate_pct" << "unknown column";
        QTest::newRow("duplicate column") << QByteArray("plan_id,year,measure_id,rate,rate\n") << 1L << "rate" << true
                                          << "rate" << "columns 4 and 5";
        QTest::newRow("missing measure_id") << QByteArray("plan_id,year,rate\n") << 1L << "measure_id" << false << ""
                                            << "required column is missing";
        QTest::newRow("numerator without denominator column") << QByteArray("plan_id,year,measure_id,numerator\n")
                                                              << 1L << "denominator" << false << ""
                                                              << "this column is missing";
        QTest::newRow("denominator without numerator column") << QByteArray("plan_id,year,measure_id,denominator,rate\n")
                                                              << 1L << "numerator" << false << ""
                                                              << "this column is missing";
        QTest::newRow("no value columns") << QByteArray("plan_id,year,measure_id\n") << 1L << "" << false << ""
                                          << "needs numerator and denominator columns, or a rate column";
        QTest::newRow("empty plan_id") << kPair + ",2023,M,1,2\n" << 2L << "plan_id" << true << ""
                                       << "required field is empty";
        QTest::newRow("empty measure_id") << kPair + "P1,2023,,1,2\n" << 2L << "measure_id" << true << ""
                                          << "required field is empty";
        QTest::newRow("empty year") << kPair + "P1,,M,1,2\n" << 2L << "year" << true << "" << "required field is empty";
        QTest::newRow("year .0") << kPair + "P1,2023.0,M,1,2\n" << 2L << "year" << true << "2023.0"
                                 << "the year must be an integer";
        QTest::newRow("fractional numerator") << kPair + "P1,2023,M,12.5,40\n" << 2L << "numerator" << true << "12.5"
                                              << "not an integer";
        QTest::newRow("numerator 12.0") << kPair + "P1,2023,M,12.0,40\n" << 2L << "numerator" << true << "12.0"
                                        << "not an integer";
        QTest::newRow("exponent denominator") << kPair + "P1,2023,M,12,1e2\n" << 2L << "denominator" << true << "1e2"
                                              << "not an integer";
        QTest::newRow("negative numerator") << kPair + "P1,2023,M,-1,40\n" << 2L << "numerator" << true << "-1"
                                            << "must be >= 0";
        QTest::newRow("negative denominator") << kPair + "P1,2023,M,0,-4\n" << 2L << "denominator" << true << "-4"
                                              << "must be >= 0";
        QTest::newRow("numerator above denominator") << kPair + "P1,2023,M,1,2\nP1,2024,M,412,411\n" << 3L
                                                     << "numerator" << true << "412"
                                                     << "numerator exceeds the denominator (411)";
        QTest::newRow("numerator alone") << kPair + "P1,2023,M,5,\n" << 2L << "denominator" << true << ""
                                         << "numerator given without a denominator";
        QTest::newRow("denominator alone") << kPair + "P1,2023,M,,40\n" << 2L << "numerator" << true << ""
                                           << "denominator given without a numerator";
        QTest::newRow("both forms") << kBoth + "P1,2023,M,5,40,0.125\n" << 2L << "rate" << true << "0.125"
                                    << "not both";
        QTest::newRow("rate and numerator") << kBoth + "P1,2023,M,5,,0.125\n" << 2L << "rate" << true << "0.125"
                                            << "not both";
        QTest::newRow("rate above 1") << kRate + "P1,2023,M,1.5\n" << 2L << "rate" << true << "1.5"
                                      << "must be between 0 and 1";
        QTest::newRow("rate as percent") << kRate + "P1,2023,M,45\n" << 2L << "rate" << true << "45"
                                         << "must be between 0 and 1";
        QTest::newRow("negative rate") << kRate + "P1,2023,M,-0.1\n" << 2L << "rate" << true << "-0.1"
                                       << "must be between 0 and 1";
        QTest::newRow("rate with percent sign") << kRate + "P1,2023,M,45%\n" << 2L << "rate" << true << "45%"
                                                << "not a finite decimal number";
        QTest::newRow("rate NaN") << kRate + "P1,2023,M,NaN\n" << 2L << "rate" << true << "NaN"
                                  << "not a finite decimal number";
        QTest::newRow("duplicate measure") << kRate + "P1,2023,M,0.1\nP1,2024,M,0.2\nP1,2023,M,0.3\n" << 4L
                                           << "plan_id, year, measure_id" << true << "P1 | 2023 | M"
                                           << "duplicate measure result; first given on line 2";
        // The NA row on line 2 still holds the key.
        QTest::newRow("duplicate of an NA row") << kBoth + "P1,2023,M,,,\n\"P1\",2023,M,1,2,\n" << 3L
                                                << "plan_id, year, measure_id" << true << "P1 | 2023 | M"
                                                << "first given on line 2";
        QTest::newRow("too few fields") << kPair + "P1,2023,M,5\n" << 2L << "denominator" << false << ""
                                        << "row has 4 fields (the header has 5)";
        QTest::newRow("error after multi-line id") << kRate + "P1,2023,\"a\nb\",0.5\nP1,2023,c,2\n" << 4L << "rate"
                                                   << true << "2" << "must be between 0 and 1";
    }
    // clang-format on
    void malformed()
    {
        checkInputError(QStringLiteral("quality.csv"), [](const QByteArray& bytes) { return read(bytes); });
    }

    void missingFile()
    {
        QVERIFY_THROWS_EXCEPTION(InputError, readQualityFile(QStringLiteral("/nonexistent/quality.csv")));
    }
};

QTEST_GUILESS_MAIN(TestQualityCsv)
#include "tst_quality_csv.moc"
