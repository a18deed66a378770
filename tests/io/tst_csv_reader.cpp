//! The streaming RFC 4180 reader and the strict number parsers (methodology §0, §1.1: BOM, CRLF,
//! quoting, physical line numbers). Expected records and line numbers are worked out by hand from
//! the input bytes; every case is read with several block sizes so that records straddle blocks.

#include "io/csv/csv_reader.h"
#include "io_test_support.h"

#include <QBuffer>
#include <QTest>

#include <algorithm>
#include <cmath>

using sharecast::InputError;
using namespace sharecast::io;
using namespace sharecast::testing;

namespace {

const qint64 kBlockSizes[] = {1, 2, 3, 5, 8, 64, qint64(1) << 20};

// Every record as "line:field|field|...".
QStringList readAll(const QByteArray& bytes, qint64 blockSize)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, "t.csv", {}, CsvReaderOptions{blockSize, qint64(64) << 20});
    QStringList out;
    while (reader.next()) {
        QStringList fields;
        for (const std::string_view f : reader.fields())
            fields << QString::fromUtf8(f.data(), qsizetype(f.size()));
        out << QString::number(reader.line()) + u':' + fields.join(u'|');
    }
    return out;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // clang-format off
    void records_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("LF") << QByteArray("a,b\n1,2\n") << QStringList{"1:a|b", "2:1|2"};
        QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n") << QStringList{"1:a|b", "2:1|2"};
        QTest::newRow("mixed line ends") << QByteArray("a,b\r\n1,2\n3,4\r\n") << QStringList{"1:a|b", "2:1|2", "3:3|4"};
        QTest::newRow("no final line end") << QByteArray("a,b\n1,2") << QStringList{"1:a|b", "2:1|2"};
        QTest::newRow("CR at the very end") << QByteArray("a,b\r") << QStringList{"1:a|b"};
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF" "a,b\n1,2\n") << QStringList{"1:a|b", "2:1|2"};
        QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << QStringList{};
        QTest::newRow("BOM then 1 byte") << QByteArray("\xEF\xBB\xBF" "a") << QStringList{"1:a"};
        QTest::newRow("two bytes, no BOM") << QByteArray("ab") << QStringList{"1:ab"};
        QTest::newRow("empty input") << QByteArray() << QStringList{};
        QTest::newRow("only empty lines") << QByteArray("\n\r\n\n") << QStringList{};
        QTest::newRow("quoted comma") << QByteArray("a,\"b,c\",d\n") << QStringList{"1:a|b,c|d"};
        QTest::newRow("doubled quotes") << QByteArray("\"he said \"\"hi\"\"\",x\n")
                                        << QStringList{"1:he said \"hi\"|x"};
        QTest::newRow("only a doubled quote") << QByteArray("\"\"\"\"\n") << QStringList{"1:\""};
        QTest::newRow("two escaped fields") << QByteArray("\"a\"\"\",\"\"\"b\"\n1,2\n")
                                            << QStringList{"1:a\"|\"b", "2:1|2"};
        // Line 2 holds a field with a line break: the next record starts on line 4.
        QTest::newRow("quoted newline") << QByteArray("h1,h2\n\"x\ny\",z\nnext,1\n")
                                        << QStringList{"1:h1|h2", "2:x\ny|z", "4:next|1"};
        QTest::newRow("quoted CRLF kept") << QByteArray("h\r\n\"x\r\ny\"\r\nz\r\n")
                                          << QStringList{"1:h", "2:x\r\ny", "4:z"};
        QTest::newRow("two line breaks in two fields") << QByteArray("h,i\n\"a\n\nb\",\"c\nd\"\ne,f\n")
                                                       << QStringList{"1:h|i", "2:a\n\nb|c\nd", "6:e|f"};
        QTest::newRow("trailing empty lines") << QByteArray("a\n1\n\n\n") << QStringList{"1:a", "2:1"};
        QTest::newRow("trailing CRLF empty lines") << QByteArray("a\r\n1\r\n\r\n\r\n") << QStringList{"1:a", "2:1"};
        // An empty line inside the data is reported once, at its own line.
        QTest::newRow("empty line inside") << QByteArray("a,b\n\n1,2\n") << QStringList{"1:a|b", "2:", "3:1|2"};
        QTest::newRow("empty lines inside") << QByteArray("a\n\n\n1\n\n") << QStringList{"1:a", "2:", "4:1"};
        QTest::newRow("quoted empty field is a record") << QByteArray("a\n\"\"\n") << QStringList{"1:a", "2:"};
        QTest::newRow("empty fields") << QByteArray(",,\n") << QStringList{"1:||"};
        QTest::newRow("trailing comma at EOF") << QByteArray("a,") << QStringList{"1:a|"};
        QTest::newRow("quoted field at EOF") << QByteArray("x,\"a\"") << QStringList{"1:x|a"};
        QTest::newRow("quoted field then CRLF") << QByteArray("\"a\"\r\n\"b\"\r\n") << QStringList{"1:a", "2:b"};
        QTest::newRow("UTF-8 text") << QByteArray("Peña,Año\n") << QStringList{"1:Peña|Año"};
        QTest::newRow("spaces kept") << QByteArray(" a , b \n") << QStringList{"1: a | b "};
    }
    // clang-format on
    void records()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, expected);
        for (const qint64 block : kBlockSizes) {
            const QStringList got = readAll(input, block);
            if (got != expected)
                qWarning() << "block size" << block << "got" << got << "expected" << expected;
            QCOMPARE(got, expected);
        }
    }

    // clang-format off
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<long>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unterminated quote") << QByteArray("a,b,c\n1,\"xy\n2,3,4\n") << 2L << "b" << "\"xy"
                                            << "quoted field opened on line 2 is never closed";
        // The record starts on line 2; its second field opens on line 3.
        QTest::newRow("unterminated on a later line") << QByteArray("a,b,c\n\"p\nq\",\"z\n") << 2L << "b"
                                                      << "\"z" << "opened on line 3 is never closed";
        QTest::newRow("unterminated after CRLF quoted field")
            << QByteArray("a,b,c\r\n\"x\r\ny\",2,3\r\n1,\"2\r\n") << 4L << "b" << "\"2" << "opened on line 4";
        QTest::newRow("garbage after closing quote") << QByteArray("a,b,c\n1,\"x\"y,3\n") << 2L << "b"
                                                     << "\"x\"y" << "after the closing quote";
        QTest::newRow("garbage after a multi-line field") << QByteArray("a,b,c\n1,2,3\n\"m\nn\"o,2,3\n") << 3L
                                                          << "a" << "\"m\nn\"o" << "after the closing quote";
        QTest::newRow("garbage after escaped quote") << QByteArray("a,b,c\n1,2,\"x\"\"\" z\n") << 2L << "c"
                                                     << "\"x\"\"\" z" << "after the closing quote";
        QTest::newRow("quote inside unquoted field") << QByteArray("a,b,c\n1,2,ab\"c\n") << 2L << "c" << "ab\"c"
                                                     << "quote inside an unquoted field";
        QTest::newRow("lone carriage return") << QByteArray("a,b,c\n1\r2,3,4\n") << 2L << "a" << "1"
                                              << "carriage return not followed by a line feed";
        QTest::newRow("error in the header") << QByteArray("a,\"b\n") << 1L << "" << "\"b"
                                             << "opened on line 1 is never closed";
        QTest::newRow("after BOM and empty line") << QByteArray("\xEF\xBB\xBF" "a,b,c\n\n1,2,\"3\"x\n") << 3L
                                                  << "c" << "\"3\"x" << "after the closing quote";
    }
    // clang-format on
    void malformed()
    {
        QFETCH(QByteArray, input);
        QFETCH(long, line);
        QFETCH(QString, column);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        for (const qint64 block : kBlockSizes) {
            QBuffer buffer;
            buffer.setData(input);
            buffer.open(QIODevice::ReadOnly);
            CsvReader reader(buffer, "t.csv", {}, CsvReaderOptions{block, qint64(64) << 20});
            try {
                readCsvHeader(reader);
                while (reader.next()) {
                }
                QFAIL(qPrintable(QStringLiteral("no error with block size %1").arg(block)));
            } catch (const InputError& e) {
                const QString what = QString::fromStdString(e.what());
                QVERIFY2(e.where().file == "t.csv", qPrintable(what));
                QVERIFY2(e.where().line == line, qPrintable(what));
                QCOMPARE(QString::fromStdString(e.where().column), column);
                QVERIFY2(e.where().hasValue, qPrintable(what));
                QCOMPARE(QString::fromStdString(e.where().value), value);
                QVERIFY2(what.contains(reason), qPrintable(what));
                QVERIFY2(what.startsWith(QStringLiteral("t.csv:%1: ").arg(line)), qPrintable(what));
            }
        }
    }

    void recordTooLong()
    {
        QBuffer buffer;
        buffer.setData("a\n1\n\"0123456789012345678901234567890123456789\n");
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(buffer, "t.csv", {}, CsvReaderOptions{4, 16});
        QVERIFY(reader.next());
        QVERIFY(reader.next());
        try {
            reader.next();
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.where().line, 3L);
            QVERIFY2(e.reason().find("longer than 16 bytes") != std::string::npos, e.what());
        }
    }

    // clang-format off
    void header_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("column");
        QTest::addColumn<bool>("hasValue");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("duplicate") << QByteArray("a,b,a\n") << "a" << true << "a" << "columns 1 and 3";
        QTest::newRow("no name") << QByteArray("a,,c\n") << "" << true << "" << "column 2 has no name";
        QTest::newRow("empty file") << QByteArray("") << "" << false << "" << "a header row is required";
        QTest::newRow("empty first line") << QByteArray("\na,b\n1,2\n") << "" << false << ""
                                          << "the header row is empty";
        QTest::newRow("not UTF-8") << QByteArray("a,b\xE9\n") << "" << true << "b\\xE9" << "not valid UTF-8";
    }
    // clang-format on
    void header()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, column);
        QFETCH(bool, hasValue);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        QBuffer buffer;
        buffer.setData(input);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(buffer, "h.csv");
        try {
            readCsvHeader(reader);
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.where().line, 1L);
            QCOMPARE(QString::fromStdString(e.where().column), column);
            QCOMPARE(e.where().hasValue, hasValue);
            QCOMPARE(QString::fromStdString(e.where().value), value);
            QVERIFY2(QString::fromStdString(e.what()).contains(reason), e.what());
        }
    }

    void headerNames()
    {
        QBuffer buffer;
        buffer.setData("\xEF\xBB\xBF"
                       "plan_id,\"odd, name\",Year\r\n");
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(buffer, "h.csv");
        const std::vector<std::string> names = readCsvHeader(reader);
        QCOMPARE(names, (std::vector<std::string>{"plan_id", "odd, name", "Year"}));
        QCOMPARE(reader.columnName(1), std::string("odd, name"));
        QCOMPARE(reader.columnName(3), std::string());
    }

    // clang-format off
    void fieldCount_data()
    {
        addInputErrorColumns();
        QTest::newRow("too few") << QByteArray("a,b,c\n1,2,3\n1,2\n") << 3L << "c" << false << ""
                                 << "row has 2 fields (the header has 3)";
        QTest::newRow("too many") << QByteArray("a,b,c\n1,2,3,4,5\n") << 2L << "" << true << "4"
                                  << "row has 5 fields (the header has 3)";
        QTest::newRow("empty line") << QByteArray("a,b,c\n1,2,3\n\n1,2,3\n") << 3L << "" << false << ""
                                    << "empty line";
        QTest::newRow("after multi-line field") << QByteArray("a,b,c\n1,\"x\ny\",3\n1,2\n") << 4L << "c" << false
                                                << "" << "row has 2 fields";
    }
    // clang-format on
    void fieldCount()
    {
        const auto [input, line, column, hasValue, value, reason] = fetchInputErrorRow();
        QBuffer buffer;
        buffer.setData(input);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(buffer, "f.csv");
        const std::size_t columns = readCsvHeader(reader).size();
        try {
            while (reader.next())
                requireFieldCount(reader, columns);
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.where().line, line);
            QCOMPARE(QString::fromStdString(e.where().column), column);
            QCOMPARE(e.where().hasValue, hasValue);
            QCOMPARE(QString::fromStdString(e.where().value), value);
            QVERIFY2(QString::fromStdString(e.what()).contains(reason), e.what());
        }
    }

    // clang-format off
    void numbers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("value");
        QTest::newRow("0") << QByteArray("0") << true << 0.0;
        QTest::newRow("integer") << QByteArray("57411") << true << 57411.0;
        QTest::newRow("negative") << QByteArray("-5") << true << -5.0;
        QTest::newRow("plus") << QByteArray("+5") << true << 5.0;
        QTest::newRow("decimal") << QByteArray("8470180.67") << true << 8470180.67;
        QTest::newRow("leading point") << QByteArray(".5") << true << 0.5;
        QTest::newRow("negative leading point") << QByteArray("-.5") << true << -0.5;
        QTest::newRow("trailing point") << QByteArray("5.") << true << 5.0;
        QTest::newRow("exponent") << QByteArray("1e3") << true << 1000.0;
        QTest::newRow("exponent upper negative") << QByteArray("2.5E-3") << true << 0.0025;
        QTest::newRow("exponent plus") << QByteArray("1e+2") << true << 100.0;
        QTest::newRow("leading zeros") << QByteArray("007") << true << 7.0;
        QTest::newRow("minus zero") << QByteArray("-0") << true << 0.0;
        QTest::newRow("largest") << QByteArray("1.7976931348623157e308") << true << 1.7976931348623157e308;
        QTest::newRow("empty") << QByteArray("") << false << 0.0;
        QTest::newRow("NaN") << QByteArray("NaN") << false << 0.0;
        QTest::newRow("nan") << QByteArray("nan") << false << 0.0;
        QTest::newRow("inf") << QByteArray("inf") << false << 0.0;
        QTest::newRow("-inf") << QByteArray("-inf") << false << 0.0;
        QTest::newRow("+inf") << QByteArray("+inf") << false << 0.0;
        QTest::newRow("Infinity") << QByteArray("Infinity") << false << 0.0;
        QTest::newRow("overflow") << QByteArray("1e999") << false << 0.0;
        QTest::newRow("underflow") << QByteArray("1e-999") << false << 0.0;
        QTest::newRow("hex") << QByteArray("0x10") << false << 0.0;
        QTest::newRow("leading space") << QByteArray(" 5") << false << 0.0;
        QTest::newRow("trailing space") << QByteArray("5 ") << false << 0.0;
        QTest::newRow("thousands") << QByteArray("1,000") << false << 0.0;
        QTest::newRow("two points") << QByteArray("1.2.3") << false << 0.0;
        QTest::newRow("point only") << QByteArray(".") << false << 0.0;
        QTest::newRow("minus only") << QByteArray("-") << false << 0.0;
        QTest::newRow("plus only") << QByteArray("+") << false << 0.0;
        QTest::newRow("plus minus") << QByteArray("+-5") << false << 0.0;
        QTest::newRow("double minus") << QByteArray("--5") << false << 0.0;
        QTest::newRow("double plus") << QByteArray("++5") << false << 0.0;
        QTest::newRow("bare exponent") << QByteArray("e5") << false << 0.0;
        QTest::newRow("open exponent") << QByteArray("1e") << false << 0.0;
        QTest::newRow("open signed exponent") << QByteArray("1e+") << false << 0.0;
        QTest::newRow("percent") << QByteArray("5%") << false << 0.0;
        QTest::newRow("dollar") << QByteArray("$5") << false << 0.0;
        QTest::newRow("decimal comma") << QByteArray("0,5") << false << 0.0;
        QTest::newRow("arabic-indic digit") << QByteArray("\xD9\xA1") << false << 0.0;
    }
    // clang-format on
    void numbers()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(double, value);
        const std::optional<double> got =
            parseFiniteNumber(std::string_view(text.constData(), std::size_t(text.size())));
        QCOMPARE(got.has_value(), valid);
        if (valid) {
            QCOMPARE(*got, value); // exact: both sides are the correctly rounded double
            QVERIFY(!std::signbit(*got) || *got != 0.0);
        }
    }

    // clang-format off
    void integers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qlonglong>("value");
        QTest::newRow("year") << QByteArray("2023") << true << 2023LL;
        QTest::newRow("zero") << QByteArray("0") << true << 0LL;
        QTest::newRow("negative") << QByteArray("-12") << true << -12LL;
        QTest::newRow("plus") << QByteArray("+7") << true << 7LL;
        QTest::newRow("max") << QByteArray("9223372036854775807") << true << 9223372036854775807LL;
        QTest::newRow("overflow") << QByteArray("9223372036854775808") << false << 0LL;
        QTest::newRow("point zero") << QByteArray("2023.0") << false << 0LL;
        QTest::newRow("fraction") << QByteArray("2023.5") << false << 0LL;
        QTest::newRow("exponent") << QByteArray("1e3") << false << 0LL;
        QTest::newRow("empty") << QByteArray("") << false << 0LL;
        QTest::newRow("space") << QByteArray(" 1") << false << 0LL;
        QTest::newRow("hex") << QByteArray("0x1") << false << 0LL;
        QTest::newRow("minus only") << QByteArray("-") << false << 0LL;
        QTest::newRow("plus minus") << QByteArray("+-1") << false << 0LL;
        QTest::newRow("word") << QByteArray("year") << false << 0LL;
    }
    // clang-format on
    void integers()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(qlonglong, value);
        const std::optional<long long> got =
            parseInteger(std::string_view(text.constData(), std::size_t(text.size())));
        QCOMPARE(got.has_value(), valid);
        if (valid)
            QCOMPARE(*got, value);
    }

    // clang-format off
    void utf8_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("Fresno") << true;
        QTest::newRow("2-byte") << QByteArray("Peña") << true;
        QTest::newRow("3-byte") << QByteArray("€") << true;
        QTest::newRow("4-byte") << QByteArray("\xF0\x9F\x98\x80") << true;
        QTest::newRow("latin-1") << QByteArray("Pe\xF1" "a") << false;
        QTest::newRow("truncated") << QByteArray("\xE2\x82") << false;
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << false;
        QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << false;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
        QTest::newRow("beyond U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
    }
    // clang-format on
    void utf8()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(isValidUtf8(std::string_view(text.constData(), std::size_t(text.size()))), valid);
    }

    // Many records with every kind of quoting, written by the test's own encoder and read back
    // with small blocks: fields and start lines must come back exactly.
    void roundTrip()
    {
        const QStringList pieces{"plain", "",   "with,comma", "with \"quote\"", "two\nlines", "crlf\r\nline",
                                 "Año",   "\"", ",",          "x\n\ny"};
        QByteArray bytes("\xEF\xBB\xBF");
        QStringList expected;
        long line = 1;
        for (int r = 0; r < 500; ++r) {
            QStringList fields;
            for (int f = 0; f < 1 + r % 4; ++f)
                fields << pieces[(r * 7 + f * 3) % pieces.size()] + QString::number(r % 3 == 0 ? f : r);
            QByteArray row;
            long breaks = 0;
            for (int f = 0; f < fields.size(); ++f) {
                QByteArray text = fields[f].toUtf8();
                breaks += text.count('\n');
                if (text.contains(',') || text.contains('"') || text.contains('\n') || text.contains('\r'))
                    text = '"' + text.replace("\"", "\"\"") + '"';
                row += (f ? "," : "") + text;
            }
            bytes += row + (r % 2 ? "\r\n" : "\n");
            expected << QString::number(line) + u':' + fields.join(u'|');
            line += breaks + 1;
        }
        for (const qint64 block : {qint64(1), qint64(7), qint64(64), qint64(4096)})
            QCOMPARE(readAll(bytes, block), expected);
    }

    void progressAndCancel()
    {
        QByteArray bytes;
        for (int i = 0; i < 1000; ++i)
            bytes += "row" + QByteArray::number(i) + ",1.5\n";
        const qint64 total = bytes.size();

        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        QList<qint64> seen;
        ImportControl control;
        control.progress = [&](qint64 done, qint64 all) {
            QCOMPARE(all, total);
            seen << done;
        };
        CsvReader reader(buffer, "p.csv", control, CsvReaderOptions{1024, qint64(64) << 20});
        long records = 0;
        while (reader.next())
            ++records;
        QCOMPARE(records, 1000L);
        QVERIFY(seen.size() >= total / 2048);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.last(), total);
        QCOMPARE(reader.bytesRead(), total);
        QCOMPARE(reader.bytesParsed(), total);
        QCOMPARE(reader.totalBytes(), total);

        QBuffer again(&bytes);
        again.open(QIODevice::ReadOnly);
        ImportControl stop;
        qint64 lastSeen = 0;
        stop.progress = [&](qint64 done, qint64) { lastSeen = done; };
        stop.cancelled = [&] { return lastSeen >= 2048; };
        CsvReader cancelled(again, "p.csv", stop, CsvReaderOptions{1024, qint64(64) << 20});
        records = 0;
        QVERIFY_THROWS_EXCEPTION(ImportCancelled, [&] {
            while (cancelled.next())
                ++records;
        }());
        QVERIFY(records > 0);
        QVERIFY(records < 1000);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csv_reader.moc"
