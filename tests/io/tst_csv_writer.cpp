//! Writing CSV safely (core/io/csv/csv_writer.h): RFC 4180 quoting, and neutralising text that a
//! spreadsheet would run as a formula (OWASP "CSV injection": a cell starting with =, +, -, @, tab
//! or CR) while leaving plain numbers such as "-12.5" untouched. Expected outputs are written out
//! by hand from those two rules; comparisons are exact.

#include "io/atomic_file.h"
#include "io/csv/csv_writer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sharecast::io;

class TestCsvWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // clang-format off
    void field_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");

        // Plain text and numbers: unchanged.
        QTest::newRow("empty") << "" << "";
        QTest::newRow("plain text") << "Sierra Health" << "Sierra Health";
        QTest::newRow("integer") << "120" << "120";
        QTest::newRow("negative decimal") << "-12.5" << "-12.5";
        QTest::newRow("plus sign") << "+3" << "+3";
        QTest::newRow("exponent") << "1e-7" << "1e-7";
        QTest::newRow("negative exponent form") << "-1e-07" << "-1e-07";
        QTest::newRow("upper-case exponent") << "-2.5E+3" << "-2.5E+3";
        QTest::newRow("leading dot") << "-.5" << "-.5";
        QTest::newRow("minus zero") << "-0" << "-0";
        QTest::newRow("formula char inside") << "a=b+c-d@e" << "a=b+c-d@e";
        QTest::newRow("unicode minus is not ASCII minus") << QString::fromUtf8("\u221212") << QString::fromUtf8("\u221212");

        // Formula starts: a leading apostrophe.
        QTest::newRow("equals") << "=SUM(A1:A9)" << "'=SUM(A1:A9)";
        QTest::newRow("equals alone") << "=" << "'=";
        QTest::newRow("plus text") << "+cmd|' /C calc'!A0" << "'+cmd|' /C calc'!A0";
        QTest::newRow("minus text") << "-2+3+cmd" << "'-2+3+cmd";
        QTest::newRow("minus alone") << "-" << "'-";
        QTest::newRow("double minus") << "--5" << "'--5";
        QTest::newRow("at") << "@SUM(1)" << "'@SUM(1)";
        QTest::newRow("tab") << "\tx" << "'\tx";
        QTest::newRow("minus inf is not a plain number") << "-inf" << "'-inf";
        QTest::newRow("plus nan is not a plain number") << "+nan" << "'+nan";
        QTest::newRow("hex is not a plain number") << "-0x1A" << "'-0x1A";
        QTest::newRow("number with trailing space") << "-12.5 " << "'-12.5 ";
        QTest::newRow("number with inner space") << "- 5" << "'- 5";
        QTest::newRow("thousands separator") << "-1,234" << "\"'-1,234\"";

        // Quoting (RFC 4180): comma, quote, CR, LF; quotes doubled.
        QTest::newRow("comma") << "Los Angeles, North" << "\"Los Angeles, North\"";
        QTest::newRow("quote") << "The \"Best\" Plan" << "\"The \"\"Best\"\" Plan\"";
        QTest::newRow("only a quote") << "\"" << "\"\"\"\"";
        QTest::newRow("newline") << "line1\nline2" << "\"line1\nline2\"";
        QTest::newRow("CRLF inside") << "a\r\nb" << "\"a\r\nb\"";
        // CR first: neutralised, then quoted because it holds a CR.
        QTest::newRow("CR first") << "\r=1" << "\"'\r=1\"";
        QTest::newRow("formula with comma") << "=HYPERLINK(\"http://x\",\"y\")"
                                            << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
    }
    // clang-format on
    void field()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(csvField(text), expected);
    }

    // clang-format off
    void looksNumeric_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("numeric");
        QTest::newRow("integer") << "12" << true;
        QTest::newRow("signed decimal") << "-12.50" << true;
        QTest::newRow("plus") << "+3" << true;
        QTest::newRow("exponent") << "3e-4" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("inf") << "inf" << false;
        QTest::newRow("nan") << "nan" << false;
        QTest::newRow("spaces") << " 12" << false;
        QTest::newRow("text") << "12a" << false;
        QTest::newRow("formula") << "=1" << false;
    }
    // clang-format on
    void looksNumeric()
    {
        QFETCH(QString, text);
        QFETCH(bool, numeric);
        QCOMPARE(sharecast::io::looksNumeric(text), numeric);
    }

    void writerRows()
    {
        CsvWriter w;
        w.addRow({"plan_id", "plan_name", "cost"});
        w.addRow({"P1", "Alpha, Inc.", "-12.5"});
        w.addRow({"=cmd", QString::fromUtf8("Salud Año"), "+3"});
        w.addRow({});
        // LF line ends, UTF-8, an empty row is an empty line.
        const QByteArray expected = "plan_id,plan_name,cost\n"
                                    "P1,\"Alpha, Inc.\",-12.5\n"
                                    "'=cmd,Salud A\xC3\xB1o,+3\n"
                                    "\n";
        QCOMPARE(w.bytes(), expected);
    }

    void atomicWrite()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QCOMPARE(writeFileAtomically(path, "a,b\n1,2\n"), QString());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("a,b\n1,2\n"));
        f.close();

        // Replacing: the new content whole.
        QCOMPARE(writeFileAtomically(path, "x\n"), QString());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("x\n"));
        f.close();

        // A folder that does not exist: a message naming the file, nothing written.
        const QString bad = dir.filePath(QStringLiteral("missing/out.csv"));
        const QString message = writeFileAtomically(bad, "x\n");
        QVERIFY2(message.contains(bad), qPrintable(message));
        QVERIFY(!QFile::exists(bad));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList{"out.csv"});
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csv_writer.moc"
