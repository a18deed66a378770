//! The one key-path spelling (core/io/json/key_path.h): paths written by hand from the rule
//! (members joined by '.', elements as [i], awkward keys as a quoted JSON string in brackets),
//! read back to the same steps, and found in a document.

#include "engine/error.h"
#include "io/json/json.h"
#include "io/json/key_path.h"

#include <QTest>

using namespace sharecast;
using namespace sharecast::io;

namespace {

KeyPathStep member(const char* key)
{
    return {key, std::nullopt};
}
KeyPathStep element(std::size_t i)
{
    return {{}, i};
}

} // namespace

Q_DECLARE_METATYPE(std::vector<sharecast::io::KeyPathStep>)

class TestKeyPath : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void spelling_data()
    {
        QTest::addColumn<std::vector<KeyPathStep>>("steps");
        QTest::addColumn<QString>("text");
        QTest::newRow("one key") << std::vector{member("name")} << "name";
        QTest::newRow("nested") << std::vector{member("sharing"), member("max_share")} << "sharing.max_share";
        QTest::newRow("element") << std::vector{member("quality"), member("measures"), element(2),
                                                member("threshold")}
                                 << "quality.measures[2].threshold";
        QTest::newRow("root element") << std::vector{element(0)} << "[0]";
        QTest::newRow("nested elements") << std::vector{member("a"), element(1), element(12)} << "a[1][12]";
        QTest::newRow("dotted key") << std::vector{member("trend"), member("by_cos"), member("a.b"),
                                                   member("unit_cost")}
                                    << "trend.by_cos[\"a.b\"].unit_cost";
        QTest::newRow("empty key") << std::vector{member("fmap"), member("")} << "fmap[\"\"]";
        QTest::newRow("bracket and quote") << std::vector{member("x]y\"z")} << "[\"x]y\\\"z\"]";
        QTest::newRow("spaces and colon kept plain")
            << std::vector{member("by_rate_cell"), member("SPD Dual: LA")} << "by_rate_cell.SPD Dual: LA";
    }
    void spelling()
    {
        QFETCH(std::vector<KeyPathStep>, steps);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(keyPathText(steps)), text);
        QVERIFY(parseKeyPath(text.toStdString()) == steps);
    }

    void builtStepByStep()
    {
        QCOMPARE(memberPath("", "a"), std::string("a"));
        QCOMPARE(memberPath("a", "b"), std::string("a.b"));
        QCOMPARE(memberPath("a", "b.c"), std::string("a[\"b.c\"]"));
        QCOMPARE(elementPath("a", 3), std::string("a[3]"));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("leading dot") << ".a";
        QTest::newRow("trailing dot") << "a.";
        QTest::newRow("double dot") << "a..b";
        QTest::newRow("unclosed bracket") << "a[1";
        QTest::newRow("not a number") << "a[x]";
        QTest::newRow("negative") << "a[-1]";
        QTest::newRow("unclosed quote") << "a[\"b]";
        QTest::newRow("text after bracket") << "a[1]b";
        QTest::newRow("bare quote") << "a.b\"c";
    }
    void malformed()
    {
        QFETCH(QString, text);
        try {
            parseKeyPath(text.toStdString());
            QFAIL("accepted a malformed path");
        } catch (const InputError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("not a key path")), e.what());
        }
    }

    void findsValues()
    {
        const JsonValue doc = parseJson(R"({"a": {"b.c": [10, {"d": true}]}, "": 5})", "test.json");
        const JsonValue* ten = findAtPath(doc, parseKeyPath("a[\"b.c\"][0]"));
        QVERIFY(ten && ten->type == JsonType::Number && ten->number == 10.0);
        const JsonValue* d = findAtPath(doc, parseKeyPath("a[\"b.c\"][1].d"));
        QVERIFY(d && d->type == JsonType::Bool && d->boolean);
        const JsonValue* empty = findAtPath(doc, parseKeyPath("[\"\"]"));
        QVERIFY(empty && empty->number == 5.0);
        QVERIFY(!findAtPath(doc, parseKeyPath("a[\"b.c\"][2]")));
        QVERIFY(!findAtPath(doc, parseKeyPath("a.b")));
        QVERIFY(!findAtPath(doc, parseKeyPath("a[0]")));
    }

    //! The parser's errors name the value's place in the same spelling.
    void parserErrorsUseTheSpelling()
    {
        try {
            parseJson(R"({"trend": {"by_cos": {"a.b": {"unit_cost": tru}}}})", "s.json");
            QFAIL("accepted bad JSON");
        } catch (const InputError& e) {
            QCOMPARE(QString::fromStdString(e.where().column),
                     QStringLiteral("trend.by_cos[\"a.b\"].unit_cost"));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeyPath)
#include "tst_key_path.moc"
