//! Reading totals.csv (methodology §1.4): required columns, defaults of empty optional cells, and
//! every error with the line, column and value it must name (worked out by hand from the bytes).

#include "io/csv/totals_csv.h"
#include "io_test_support.h"

#include <QTest>

using sharecast::InputError;
using sharecast::TotalsData;
using sharecast::TotalsRecord;
using namespace sharecast::io;
using namespace sharecast::testing;

namespace {

QString describe(const TotalsRecord& r)
{
    const auto n = [](double v) { return QString::number(v, 'g', 15); };
    return QStringLiteral("%1|e=%2|a=%3|m=%4|q=%5|g=%6|msr=%7|line=%8")
        .arg(QString::fromStdString(r.entityId), n(r.expected), n(r.actual), n(r.members), n(r.qualityScore),
             r.qualityGate ? QStringLiteral("1") : QStringLiteral("0"),
             r.electedMsr ? n(*r.electedMsr) : QStringLiteral("-"))
        .arg(r.sourceLine);
}

TotalsData read(const QByteArray& bytes)
{
    return readBuffer(bytes, [](QIODevice& in) { return readTotalsCsv(in, QStringLiteral("totals.csv")); });
}

const QByteArray kRequired = "entity_id,expected,actual,members\n";
const QByteArray kAll = "entity_id,expected,actual,members,quality_score,quality_gate,elected_msr\n";

} // namespace

class TestTotalsCsv : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // clang-format off
    void valid_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("records");
        QTest::newRow("required only, defaults")
            << kRequired + "ACO-A,137812500.00,129543750.00,12500\n"
            << QStringList{"ACO-A|e=137812500|a=129543750|m=12500|q=100|g=1|msr=-|line=2"};
        // Rows as in golden case 10: the last row's optional cells are empty.
        QTest::newRow("empty optional cells take defaults")
            << QByteArray("entity_id,expected,actual,members,quality_score,quality_gate\n"
                          "ACO-D,884800000.00,849408000.00,80000,97.1,0\n"
                          "ACO-F,5017500.00,4264875.00,450,,\n")
            << QStringList{"ACO-D|e=884800000|a=849408000|m=80000|q=97.1|g=0|msr=-|line=2",
                           "ACO-F|e=5017500|a=4264875|m=450|q=100|g=1|msr=-|line=3"};
        QTest::newRow("every column, free order")
            << QByteArray("elected_msr,members,quality_gate,actual,entity_id,quality_score,expected\n"
                          "0.02,19000,1,201001500,ACO-G,75.0,212700000\n0.0,4000,1.0,0,ACO-M,0,44000000\n,1,0,5,X,100,6\n")
            << QStringList{"ACO-G|e=212700000|a=201001500|m=19000|q=75|g=1|msr=0.02|line=2",
                           "ACO-M|e=44000000|a=0|m=4000|q=0|g=1|msr=0|line=3",
                           "X|e=6|a=5|m=1|q=100|g=0|msr=-|line=4"};
        QTest::newRow("BOM, CRLF, quoted id, trailing lines")
            << "\xEF\xBB\xBF" + kAll + "\"ACO, \"\"North\"\"\",10,9,1,50,1,1\r\nB,10,9,1,,,\r\n\r\n"
            << QStringList{"ACO, \"North\"|e=10|a=9|m=1|q=50|g=1|msr=1|line=2",
                           "B|e=10|a=9|m=1|q=100|g=1|msr=-|line=3"};
    }
    // clang-format on
    void valid()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, records);
        const TotalsData data = read(input);
        QCOMPARE(data.sourceName, std::string("totals.csv"));
        QStringList got;
        for (const TotalsRecord& r : data.records)
            got << describe(r);
        QCOMPARE(got, records);
    }

    // clang-format off
    void malformed_data()
    {
        addInputErrorColumns();
        const QByteArray ok = "A,100,90,10,80,1,0.02\n";
        QTest::newRow("empty file") << QByteArray() << 1L << "" << false << "" << "a header row is required";
        QTest::newRow("header only") << kAll << 1L << "" << false << "" << "no data rows";
        QTest::newRow("missing actual") << QByteArray("entity_id,expected,members\nA,1,1\n") << 1L << "actual" << false
                                        << "" << "required column is missing";
        QTest::newRow("unknown column") << QByteArray("entity_id,expected,actual,members,msr\n") << 1L << "msr" << true
                                        << "msr" << "unknown column";
        QTest::newRow("duplicate column") << QByteArray("entity_id,expected,actual,members,expected\n") << 1L
                                          << "expected" << true << "expected" << "columns 2 and 5";
        QTest::newRow("empty entity_id") << kAll + ok + ",100,90,10,,,\n" << 3L << "entity_id" << true << ""
                                         << "required field is empty";
        QTest::newRow("empty expected") << kAll + "A,,90,10,,,\n" << 2L << "expected" << true << ""
                                        << "required field is empty";
        QTest::newRow("empty actual") << kAll + "A,100,,10,,,\n" << 2L << "actual" << true << ""
                                      << "required field is empty";
        QTest::newRow("empty members") << kAll + "A,100,90,,,,\n" << 2L << "members" << true << ""
                                       << "required field is empty";
        QTest::newRow("expected zero") << kAll + "A,0,90,10,,,\n" << 2L << "expected" << true << "0" << "must be > 0";
        QTest::newRow("actual negative") << kAll + "A,100,-1,10,,,\n" << 2L << "actual" << true << "-1"
                                         << "must be >= 0";
        QTest::newRow("members zero") << kAll + "A,100,90,0,,,\n" << 2L << "members" << true << "0" << "must be > 0";
        QTest::newRow("expected text") << kAll + "A,$100,90,10,,,\n" << 2L << "expected" << true << "$100"
                                       << "not a finite decimal number";
        QTest::newRow("quality above 100") << kAll + "A,100,90,10,100.5,,\n" << 2L << "quality_score" << true
                                           << "100.5" << "must be between 0 and 100";
        QTest::newRow("quality negative") << kAll + "A,100,90,10,-1,,\n" << 2L << "quality_score" << true << "-1"
                                          << "must be between 0 and 100";
        QTest::newRow("gate 2") << kAll + "A,100,90,10,,2,\n" << 2L << "quality_gate" << true << "2"
                                << "must be 1 (passed) or 0 (failed)";
        QTest::newRow("gate 0.5") << kAll + "A,100,90,10,,0.5,\n" << 2L << "quality_gate" << true << "0.5"
                                  << "must be 1 (passed) or 0 (failed)";
        QTest::newRow("gate yes") << kAll + "A,100,90,10,,yes,\n" << 2L << "quality_gate" << true << "yes"
                                  << "not a finite decimal number";
        QTest::newRow("elected_msr percent") << kAll + "A,100,90,10,,,2\n" << 2L << "elected_msr" << true << "2"
                                             << "must be between 0 and 1";
        QTest::newRow("elected_msr negative") << kAll + "A,100,90,10,,,-0.01\n" << 2L << "elected_msr" << true
                                              << "-0.01" << "must be between 0 and 1";
        QTest::newRow("duplicate entity") << kAll + ok + "B,1,1,1,,,\n" + ok << 4L << "entity_id" << true << "A"
                                          << "duplicate entity; first given on line 2";
        QTest::newRow("too many fields") << kRequired + "A,1,1,1,1\n" << 2L << "" << true << "1"
                                         << "row has 5 fields (the header has 4)";
        QTest::newRow("error after multi-line id") << kRequired + "\"A\nB\",1,1,1\nC,1,1,-1\n" << 4L << "members"
                                                   << true << "-1" << "must be > 0";
    }
    // clang-format on
    void malformed()
    {
        checkInputError(QStringLiteral("totals.csv"), [](const QByteArray& bytes) { return read(bytes); });
    }

    void missingFile()
    {
        QVERIFY_THROWS_EXCEPTION(InputError, readTotalsFile(QStringLiteral("/nonexistent/totals.csv")));
    }
};

QTEST_GUILESS_MAIN(TestTotalsCsv)
#include "tst_totals_csv.moc"
