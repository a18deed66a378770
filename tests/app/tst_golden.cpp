//! Golden folders: every tests/golden/<case>/ is settled by the sharecast executable and its
//! output compared with the case's expected.csv, worked out by hand (see each case's NOTES.md).
//! A case whose expected.csv holds regional rates (its header starts `plan_id,county,`) is run
//! with `rates --regional` instead, its rows keyed by plan, county, rate cell and year; a case with
//! a partnerships.csv with `partnerships`, its rows keyed by level, plan, partner and service.
//! Tolerances: money $0.01, rates 1e-8, members 1e-5, flags and NA exactly.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

struct Table {
    QStringList header;
    QMap<QString, QStringList> rows; // by key: the first column; plan|county|rate cell|year for regional
                                     // rates; year and plan_id for a program's output
};

//! True for an expected.csv of `rates --regional`.
bool isRegionalRates(const QStringList& header)
{
    return header.value(0) == QLatin1String("plan_id") && header.value(1) == QLatin1String("county");
}

Table readTable(const QString& path)
{
    Table t;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return t;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (int i = 0; i < lines.size(); ++i) {
        const QStringList fields = lines[i].trimmed().split(u',');
        if (i == 0)
            t.header = fields;
        else if (isRegionalRates(t.header))
            t.rows.insert(
                QStringList{fields.value(0), fields.value(1), fields.value(3), fields.value(4)}.join(u'|'),
                fields);
        else if (t.header.value(0) == QLatin1String("level")) // the partnership ledger
            t.rows.insert(
                QStringList{fields.value(0), fields.value(2), fields.value(3), fields.value(5)}.join(u'|'),
                fields);
        else if (t.header.value(0) == QLatin1String("year"))
            t.rows.insert(fields.value(0) + u' ' + fields.value(1), fields);
        else
            t.rows.insert(fields.value(0), fields);
    }
    return t;
}

bool isMoney(const QString& c)
{
    static const QStringList money{"expected",
                                   "actual",
                                   "gross_savings",
                                   "plan_payment",
                                   "program_net",
                                   "federal_share",
                                   "state_share",
                                   "old_pmpm",
                                   "regional_pmpm",
                                   "new_pmpm",
                                   "change_pmpm",
                                   "change_dollars",
                                   "pmpm",
                                   "outreach_fee",
                                   "outreach_cap",
                                   "outcome_bonus_offered",
                                   "pmpm_revenue",
                                   "outreach_uncapped",
                                   "outreach_revenue",
                                   "outcome_bonus",
                                   "pass_through",
                                   "operating_revenue",
                                   "grant_ipp",
                                   "grant_path",
                                   "grant_other",
                                   "grants",
                                   "total_revenue",
                                   "operating_cost",
                                   "gap_after_grants",
                                   "avoided_cost",
                                   "avoided_cost_kept",
                                   "plan_payments",
                                   "mcp_value",
                                   "avoided_per_1000",
                                   "plan_gross_savings",
                                   "plan_program_net"};
    return money.contains(c);
}

bool isRate(const QString& c)
{
    static const QStringList rates{"savings_rate",
                                   "msr",
                                   "mlr",
                                   "quality_score",
                                   "share_rate",
                                   "adjustment",
                                   "scale",
                                   "pass_through_share",
                                   "outcome_change",
                                   "outcome_credit",
                                   "sustainability",
                                   "grant_months",
                                   "kept_share",
                                   "fmap",
                                   "pass_through_shares"};
    return rates.contains(c);
}

} // namespace

class TestGolden : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cases_data()
    {
        QTest::addColumn<QString>("dir");
        const QDir root(QStringLiteral(SHARECAST_SOURCE_DIR "/tests/golden"));
        const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(!cases.isEmpty(), "no golden cases found");
        for (const QString& c : cases)
            QTest::newRow(qPrintable(c)) << root.filePath(c);
    }

    void cases()
    {
        QFETCH(QString, dir);
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("result.csv"));
        const Table expected = readTable(dir + "/expected.csv");
        QStringList args;
        if (isRegionalRates(expected.header)) {
            args << "rates"
                 << "--regional"
                 << "--experience" << dir + "/experience.csv";
        } else if (QFile::exists(dir + "/partnerships.csv")) {
            args << "partnerships"
                 << "--experience" << dir + "/experience.csv"
                 << "--quality" << dir + "/quality.csv"
                 << "--partnerships" << dir + "/partnerships.csv";
        } else if (QFile::exists(dir + "/totals.csv")) {
            args << "settle-totals"
                 << "--input" << dir + "/totals.csv";
        } else {
            args << "settle"
                 << "--experience" << dir + "/experience.csv";
            if (QFile::exists(dir + "/quality.csv"))
                args << "--quality" << dir + "/quality.csv";
            QFile years(dir + "/years"); // a program's years: settle --years
            if (years.open(QIODevice::ReadOnly))
                args << "--years" << QString::fromUtf8(years.readAll()).trimmed();
        }
        args << "--scenario" << dir + "/scenario.json"
             << "--out" << out;
        QProcess p;
        p.start(QStringLiteral(SHARECAST_BINARY), args);
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());

        const Table got = readTable(out);
        QVERIFY(!expected.header.isEmpty());
        QCOMPARE(got.header, expected.header);
        QCOMPARE(got.rows.keys(), expected.rows.keys());
        for (auto it = expected.rows.cbegin(); it != expected.rows.cend(); ++it) {
            const QStringList& e = it.value();
            const QStringList& g = got.rows.value(it.key());
            for (int i = 0; i < expected.header.size(); ++i) {
                const QString& col = expected.header[i];
                const QString where = QStringLiteral("%1 %2: expected '%3', got '%4'")
                                          .arg(it.key(), col, e.value(i), g.value(i));
                if (e.value(i).isEmpty() || g.value(i).isEmpty() ||
                    !(isMoney(col) || isRate(col) || col == QLatin1String("members") ||
                      col == QLatin1String("member_months"))) {
                    QVERIFY2(e.value(i) == g.value(i), qPrintable(where));
                    continue;
                }
                const double tol = isMoney(col) ? 0.0100001 : (isRate(col) ? 1e-8 : 1e-5);
                QVERIFY2(std::fabs(e.value(i).toDouble() - g.value(i).toDouble()) <= tol, qPrintable(where));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
