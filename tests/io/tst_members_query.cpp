//! The warehouse aggregation's SQL text and the reading of its result (members_query.h), without a
//! server: table names and identifiers quoted as standard SQL says, the column map resolved against
//! a table's columns, the statement's shape (the rule's NUMERIC casts and CASE truncation, no
//! vendor function), and the result's decimal sums converted once to the nearest double, cells
//! sorted as members.csv's reader sorts them. Expected values are worked out by hand in comments.
//! Doubles are compared with == (each is one correctly rounded conversion of a decimal text).

#include "io/warehouse/members_query.h"

#include <QTest>

using sharecast::ExperienceCell;
using sharecast::InputError;
using namespace sharecast::io;

namespace {

QStringList sampleColumns()
{
    return {QStringLiteral("member_id"),   QStringLiteral("plan_id"),  QStringLiteral("region"),
            QStringLiteral("rate_cell"),   QStringLiteral("year"),     QStringLiteral("member_months"),
            QStringLiteral("risk_score"),  QStringLiteral("cost_ip"),  QStringLiteral("cost_rx"),
            QStringLiteral("util_visits"), QStringLiteral("loaded_at")};
}

//! One result row of the statement for sampleColumns() with no violations: plan, region, cell,
//! year, rows, distinct members, months, risk×months, excess, cost, cost², truncated, truncated²,
//! blank risk, blank amounts, cost_ip, cost_rx, util_visits, then zero per check.
QueryRow resultRow(const MembersQuery& q, std::vector<std::string> figures)
{
    QueryRow r;
    r.text = std::move(figures);
    while (r.text.size() < 18 + q.checks.size())
        r.text.push_back("0");
    r.isNull.assign(r.text.size(), 0);
    return r;
}

QString message(const std::function<void()>& f)
{
    try {
        f();
    } catch (const InputError& e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("(no error)");
}

} // namespace

class TestMembersQuery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tableNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::newRow("plain") << "public.members"
                               << "public"
                               << "members";
        QTest::newRow("quoted with dot and quote") << "\"Claims DW\".\"a.b\"\"c\""
                                                   << "Claims DW"
                                                   << "a.b\"c";
        QTest::newRow("no schema") << "members"
                                   << ""
                                   << "";
        QTest::newRow("three parts") << "db.public.members"
                                     << ""
                                     << "";
        QTest::newRow("empty part") << "public."
                                    << ""
                                    << "";
        QTest::newRow("open quote") << "\"public.members"
                                    << ""
                                    << "";
    }
    void tableNames()
    {
        QFETCH(QString, text);
        QFETCH(QString, schema);
        QFETCH(QString, table);
        if (schema.isEmpty()) {
            QVERIFY(message([&] { parseWarehouseTable(text); }).contains(QStringLiteral("SCHEMA.TABLE")));
            return;
        }
        const WarehouseTable t = parseWarehouseTable(text);
        QCOMPARE(t.schema, schema);
        QCOMPARE(t.table, table);
    }

    void identifiersAreQuoted()
    {
        QCOMPARE(quoteIdentifier(QStringLiteral("member_id")), QStringLiteral("\"member_id\""));
        QCOMPARE(quoteIdentifier(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
    }

    void columnMap()
    {
        const ColumnMap map =
            parseColumnMap("{\"member_id\": \"Member ID\", \"cost_er\": \"er_paid\"}", "map.json");
        QCOMPARE(map.entries.size(), std::size_t(2));
        QCOMPARE(map.entries[0].first, std::string("member_id"));
        QCOMPARE(map.entries[0].second, QStringLiteral("Member ID"));
        QCOMPARE(
            message([] { parseColumnMap("{\"memberid\": \"x\"}", "map.json"); }),
            QStringLiteral(
                "map.json:1: column 'memberid', value 'memberid': not a members.csv column (member_id, "
                "plan_id, region, rate_cell, year, member_months, risk_score, cost_<cos>, util_<name>)"));
        QVERIFY(message([] {
                    parseColumnMap("{\"year\": 2}", "map.json");
                }).endsWith(QStringLiteral("the table column must be a non-empty string")));
        QVERIFY(
            message([] { parseColumnMap("[]", "map.json"); }).contains(QStringLiteral("one JSON object")));
    }

    void columnsResolved()
    {
        const WarehouseTable t{QStringLiteral("public"), QStringLiteral("members")};
        // Same names: cost_ip, cost_rx, util_visits in table order; loaded_at ignored.
        MemberColumns c = resolveMemberColumns(t, sampleColumns(), {});
        QCOMPARE(c.cosNames, (std::vector<std::string>{"ip", "rx"}));
        QCOMPARE(c.utilNames, std::vector<std::string>{"visits"});
        QCOMPARE(c.riskScore, QStringLiteral("risk_score"));

        // A map: member_months from "months", cost_er from loaded_at's place; the table's own
        // member_months column is not read twice, cost_rx replaced by the map's entry.
        QStringList columns = sampleColumns();
        columns << QStringLiteral("months") << QStringLiteral("rx_paid");
        ColumnMap map;
        map.fileName = QStringLiteral("map.json");
        map.entries = {{"member_months", QStringLiteral("months")}, {"cost_rx", QStringLiteral("rx_paid")}};
        c = resolveMemberColumns(t, columns, map);
        QCOMPARE(c.memberMonths, QStringLiteral("months"));
        QCOMPARE(c.cosNames, (std::vector<std::string>{"ip", "rx"}));
        QCOMPARE(c.costColumns, (QStringList{QStringLiteral("cost_ip"), QStringLiteral("rx_paid")}));

        // No risk_score: every score is 1.
        columns = sampleColumns();
        columns.removeAll(QStringLiteral("risk_score"));
        QVERIFY(resolveMemberColumns(t, columns, {}).riskScore.isEmpty());

        // Missing: a required column, a mapped column.
        columns.removeAll(QStringLiteral("year"));
        QVERIFY(message([&] { resolveMemberColumns(t, columns, {}); })
                    .startsWith(QStringLiteral(
                        "public.members: column 'year': the table has no column year (name its "
                        "column with --column-map); its columns: member_id, plan_id")));
        map.entries = {{"member_months", QStringLiteral("months_enrolled")}};
        QVERIFY(message([&] { resolveMemberColumns(t, sampleColumns(), map); })
                    .startsWith(
                        QStringLiteral("map.json: column 'member_months', value 'months_enrolled': the table "
                                       "public.members has no such column (its columns: member_id,")));
    }

    void statementIsStandardSql()
    {
        const WarehouseTable t{QStringLiteral("Claims DW"), QStringLiteral("member year")};
        MemberAggregationOptions o;
        o.truncationThreshold = 1e6;
        o.excludedCos = {"rx"};
        const MembersQuery q = buildMembersQuery(t, resolveMemberColumns(t, sampleColumns(), {}),
                                                 QStringLiteral("year >= 2020"), o);
        QCOMPARE(q.truncation, QStringLiteral("1000000")); // fixed notation, not 1e+06
        QCOMPARE(q.included, (std::vector<char>{1, 0}));
        QVERIFY(
            q.sql.contains(QStringLiteral("FROM \"Claims DW\".\"member year\" AS m WHERE (year >= 2020)")));
        // Member cost sums the included COS only; truncation by CASE in exact NUMERIC.
        QVERIFY(q.sql.contains(QStringLiteral("COALESCE(CAST(m.\"cost_ip\" AS NUMERIC), 0) AS cost")));
        QVERIFY(q.sql.contains(QStringLiteral(
            "SUM(CASE WHEN r.cost > CAST('1000000' AS NUMERIC) THEN r.cost - CAST('1000000' AS "
            "NUMERIC) ELSE 0 END)")));
        QVERIFY(q.sql.contains(QStringLiteral("COUNT(DISTINCT r.member_id)")));
        QVERIFY(q.sql.endsWith(QStringLiteral("GROUP BY r.plan_id, r.region, r.rate_cell, r.year")));
        for (const char* vendor : {"GREATEST", "LEAST", "::", "LIMIT", "ILIKE", "pg_"})
            QVERIFY2(!q.sql.contains(QLatin1String(vendor)), vendor);
        // 6 required + year + months + 2 risk + 2 × (2 COS + 1 util).
        QCOMPARE(q.checks.size(), std::size_t(16));
    }

    void resultRead()
    {
        const WarehouseTable t{QStringLiteral("public"), QStringLiteral("members")};
        MemberAggregationOptions o;
        o.truncationThreshold = 1000;
        const MembersQuery q = buildMembersQuery(t, resolveMemberColumns(t, sampleColumns(), {}), {}, o);
        // Two cells given in the database's order (P2 first); read sorted by plan, then year.
        std::vector<QueryRow> rows = {
            resultRow(q, {"P2", "North", "Adult", "2021", "1", "1", "12", "13.2", "0", "10", "100", "10",
                          "100", "0", "1", "4", "6", "2"}),
            // Months 0.1 + 0.2 summed exactly: 0.3 (the double nearest 0.3, not 0.1 + 0.2 in binary).
            resultRow(q, {"P1", "North", "Adult", "2022", "2", "2", "0.3", "0.33", "1500.5", "3000.50",
                          "4500000.25", "1500", "1000000", "1", "0", "2000.25", "1000.25", "3"}),
            resultRow(q, {"P1", "North", "Adult", "2021", "1", "1", "6", "6", "0", "0", "0", "0", "0", "0",
                          "0", "0", "0", "0"}),
        };
        QVERIFY(countedViolations(q, rows).empty());
        const MemberImport m = memberImportFromRows(q, rows, "src", o);
        QCOMPARE(m.rows, 4L);
        QCOMPARE(m.blankRiskScores, 1L);
        QCOMPARE(m.blankAmounts, 1L);
        QCOMPARE(m.cells.cells.size(), std::size_t(3));
        const ExperienceCell& c = m.cells.cells[1]; // P1 2022
        QVERIFY(c.planId == "P1" && c.year == 2022 && m.cells.cells[0].year == 2021 &&
                m.cells.cells[2].planId == "P2");
        QVERIFY(c.memberMonths == 0.3);
        QVERIFY(c.riskScore == 0.33 / 0.3); // double(Σ risk×months) / double(Σ months)
        QVERIFY(c.excessOverThreshold == 1500.5);
        QVERIFY(c.cost == (std::vector<double>{2000.25, 1000.25}));
        QVERIFY(c.util == std::vector<double>{3});
        QCOMPARE(c.sourceLine, 0L);
        const MemberCellAggregate& a = m.aggregates.cells[1];
        QVERIFY(a.members == 2 && a.costSum == 3000.5 && a.costSumSquares == 4500000.25 &&
                *a.truncatedSum == 1500 && *a.truncatedSumSquares == 1e6);
        QCOMPARE(m.aggregates.includedCos, (std::vector<std::string>{"ip", "rx"}));
        // The canonical text: one line per cell in that order, figures in their shortest text.
        const QByteArray text = canonicalCellsText(m);
        QVERIFY(text.contains(
            "\nP1\tNorth\tAdult\t2021\t6\t1\t0\t0\t0\t0\t1\t0\t0\t0\t0\t0\nP1\tNorth\tAdult\t2022\t0.3\t"));
        QVERIFY(
            text.contains("\t1500.5\t2000.25\t1000.25\t3\t2\t3000.5\t4500000.25\t1500.5\t1500\t1e+06\nP2\t"));

        // Violations: the month rule in one cell, a duplicate member in another.
        rows[0].text[18 + 7] = "2"; // check 7: member_months
        rows[1].text[5] = "1";      // 2 rows, 1 distinct member
        const std::vector<RowViolation> v = countedViolations(q, rows);
        QCOMPARE(v.size(), std::size_t(2));
        QVERIFY(v[0].check == 7 && v[0].rows == 2 && q.checks[7].column == "member_months");
        QVERIFY(v[1].check == -1 && v[1].rows == 1);

        // A sum that is not a number, and no rows at all.
        rows[0].text[6] = "NaN";
        QCOMPARE(message([&] { memberImportFromRows(q, rows, "src", o); }),
                 QStringLiteral(
                     "src: column 'member_months', value 'NaN': the database's sum is not a finite number"));
        QVERIFY(message([&] {
                    memberImportFromRows(q, {}, "src", o);
                }).contains(QStringLiteral("no member rows")));
    }

    void followUpQueries()
    {
        const WarehouseTable t{QStringLiteral("public"), QStringLiteral("members")};
        const MemberColumns c = resolveMemberColumns(t, sampleColumns(), {});
        const MembersQuery q = buildMembersQuery(t, c, QStringLiteral("year = 2022"), {});
        QCOMPARE(
            offendingRowsQuery(t, c, QStringLiteral("year = 2022"), q.checks[7], 3),
            QStringLiteral(
                "SELECT CAST(m.\"member_id\" AS VARCHAR), CAST(m.\"plan_id\" AS VARCHAR), "
                "CAST(m.\"region\" AS VARCHAR), CAST(m.\"rate_cell\" AS VARCHAR), CAST(m.\"year\" AS "
                "VARCHAR), "
                "CAST(m.\"member_months\" AS VARCHAR) FROM \"public\".\"members\" AS m WHERE (year = 2022) "
                "AND (NOT (CAST(m.\"member_months\" AS NUMERIC) > 0 AND CAST(m.\"member_months\" AS "
                "NUMERIC) <= 12)) FETCH FIRST 3 ROWS ONLY"));
        QVERIFY(duplicateRowsQuery(t, c, {}, 3)
                    .contains(QStringLiteral("HAVING COUNT(*) > 1 FETCH FIRST 3 ROWS ONLY")));
    }
};

QTEST_GUILESS_MAIN(TestMembersQuery)
#include "tst_members_query.moc"
