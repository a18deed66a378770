//! The report's section "What drives the result" (methodology §14), built from the synthetic
//! statewide sample as `sharecast report --sensitivity` runs it: the section and its lead sentence
//! are in the PDF only when asked for, its figures are the engine's metric of the scenario with one
//! key replaced (computed here through metricValue and withScenarioNumber, not the report's code),
//! sensitivity.csv is `sharecast sensitivity`'s byte for byte, a bad key writes nothing, and the
//! report dialog's choice sets the options.

#include "cli/cli.h"
#include "engine/experience_index.h"
#include "engine/metric.h"
#include "engine/rounding.h"
#include "io/json/scenario_edit.h"
#include "io/project/project_store.h"
#include "io/scenario/presets.h"
#include "tests/ui/pdf_text.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/report/report_drivers_choice.h"
#include "ui/report/report_renderer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace sharecast;

namespace {

//! The PDF's text with every run of white space as one space.
QString pdfText(const QString& pdf)
{
    return testing::pdfText(pdf).replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
}

QByteArray fileBytes(const QString& name)
{
    QFile f(name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

//! "$1,234" / "−$1,234" to the dollar, from the amount in cents (as a reader of the CSV would).
QString wholeDollars(double x)
{
    const QString s = ui::formatNumber(std::stod(formatMoney(x)), 0);
    return s.startsWith(QStringLiteral("−")) ? QStringLiteral("−$") + s.mid(1) : QStringLiteral("$") + s;
}

//! The keys the tests vary, as a user gives them, and the same with their ranges worked out by
//! hand from the preset's values (§14: ±10 %, or the range given).
const QStringList kKeys = {"trend.default.unit_cost", "trend.by_cos.inpatient.unit_cost", "msr.rate",
                           "sharing.cap=0.05:0.2", "fmap.default"};

} // namespace

class TestReportSensitivity : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    QString path(const QString& name) const { return dir_.filePath(name); }
    static cli::CommandResult run(const QStringList& args) { return cli::execute(args); }
    QStringList reportArgs(const QString& pdf) const
    {
        return {"report", "--project", project_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        project_ = path(QStringLiteral("sample.sharecast"));
        QCOMPARE(
            run({"generate-sample", "--out", path(QStringLiteral("sample")), "--project", project_}).exitCode,
            0);
    }

    //! Asked for, the section is there with its heading and a lead sentence naming the key that
    //! moves program net most; not asked for, neither the section nor sensitivity.csv.
    void sectionOnlyWhenAsked()
    {
        const QString pdf = path(QStringLiteral("drivers.pdf")), csv = path(QStringLiteral("drivers"));
        const cli::CommandResult r =
            run(reportArgs(pdf) + QStringList{"--csv", csv, "--sensitivity"} + kKeys);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("What drives the result")));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\\d What drives the result"))),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Under the scenario as it stands, program net is")));
        QVERIFY(text.contains(QStringLiteral("It moves most with ")));
        QVERIFY(text.contains(QStringLiteral("Figure 4.1. What moves program net most")));
        QVERIFY(QFile::exists(QDir(csv).filePath(QStringLiteral("sensitivity.csv"))));

        const QString plainPdf = path(QStringLiteral("plain.pdf")), plainCsv = path(QStringLiteral("plain"));
        QCOMPARE(run(reportArgs(plainPdf) + QStringList{"--csv", plainCsv}).exitCode, 0);
        const QString plain = pdfText(plainPdf);
        QVERIFY(plain.contains(QStringLiteral("How much of this is chance")));
        QVERIFY(!plain.contains(QStringLiteral("What drives the result")));
        QVERIFY(!plain.contains(QStringLiteral("moves most with")));
        QVERIFY(QFile::exists(QDir(plainCsv).filePath(QStringLiteral("settlement.csv"))));
        QVERIFY(!QFile::exists(QDir(plainCsv).filePath(QStringLiteral("sensitivity.csv"))));
    }

    //! Every figure of the section's table (and of sensitivity.csv) is metricValue of the preset
    //! with that one key replaced, computed here; the rows are in order of swing.
    void figuresAreTheEngines()
    {
        const QString pdf = path(QStringLiteral("figures.pdf")), csv = path(QStringLiteral("figures"));
        QCOMPARE(run(reportArgs(pdf) + QStringList{"--csv", csv, "--sensitivity"} + kKeys).exitCode, 0);
        const QString text = pdfText(pdf);

        const Scenario scenario = io::loadPreset(QStringLiteral("straw-proposal-7"));
        const auto store = io::ProjectStore::open(project_);
        const ExperienceData experience =
            store->loadExperience(store->activeDataset(io::DatasetKind::Experience)->id);
        const QualityData quality = store->loadQuality(store->activeDataset(io::DatasetKind::Quality)->id);
        const ExperienceIndex index(experience);
        MetricContext context;
        context.index = &index;
        context.quality = &quality;
        context.year = index.maxYear(); // the preset names no year: the report settles the data's last
        const Metric metric = parseMetric("program_net", std::nullopt);
        const double base = metricValue(metric, context, scenario);
        struct Expected {
            std::string key;
            double low, high, atLow, atHigh, swing;
        };
        std::vector<Expected> expected;
        // The preset's values, ±10 % by hand; sharing.cap's range as given.
        const std::vector<std::tuple<std::string, double, double>> ranges = {
            {"trend.default.unit_cost", 0.035 * 0.9, 0.035 * 1.1},
            {"trend.by_cos.inpatient.unit_cost", 0.035 * 0.9, 0.035 * 1.1},
            {"msr.rate", 0.005 * 0.9, 0.005 * 1.1},
            {"sharing.cap", 0.05, 0.2},
            {"fmap.default", 0.5 * 0.9, 0.5 * 1.1}};
        for (const auto& [key, low, high] : ranges) {
            const double a = metricValue(metric, context, io::withScenarioNumber(scenario, key, low));
            const double b = metricValue(metric, context, io::withScenarioNumber(scenario, key, high));
            expected.push_back({key, low, high, a, b, std::round(std::fabs(b - a) * 100.0) / 100.0});
        }
        std::stable_sort(expected.begin(), expected.end(), [](const Expected& x, const Expected& y) {
            return x.swing != y.swing ? x.swing > y.swing : x.key < y.key;
        });
        QVERIFY2(expected.front().swing > 0.0, "the largest swing should not be zero on the sample");

        // sensitivity.csv: one row per key in this order, to the cent.
        const QList<QByteArray> lines =
            fileBytes(QDir(csv).filePath(QStringLiteral("sensitivity.csv"))).split('\n');
        QCOMPARE(lines.value(0),
                 QByteArray("key,base_value,low,high,metric_low,metric_base,metric_high,swing"));
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const Expected& e = expected[i];
            const QList<QByteArray> f = lines.value(static_cast<int>(i) + 1).split(',');
            QCOMPARE(f.value(0).toStdString(), e.key);
            QCOMPARE(f.value(2).toDouble(), e.low);
            QCOMPARE(f.value(3).toDouble(), e.high);
            QCOMPARE(f.value(4).toStdString(), formatMoney(e.atLow));
            QCOMPARE(f.value(5).toStdString(), formatMoney(base));
            QCOMPARE(f.value(6).toStdString(), formatMoney(e.atHigh));
            QCOMPARE(f.value(7).toStdString(), formatMoney(e.swing));
        }
        // The PDF's table: each row's figures to the dollar, in order of swing.
        qsizetype at = text.indexOf(QStringLiteral("Table 4.1."));
        QVERIFY(at > 0);
        for (const Expected& e : expected) {
            const QString row = QStringLiteral("%1 %2 %3 %4 %5")
                                    .arg(QString::fromStdString(e.key), wholeDollars(e.atLow),
                                         wholeDollars(base), wholeDollars(e.atHigh), wholeDollars(e.swing));
            const QRegularExpression re(
                QRegularExpression::escape(QString::fromStdString(e.key)) +
                QStringLiteral(" \\S+( %)? \\S+( %)? \\S+( %)? ") +
                QRegularExpression::escape(QStringLiteral("%1 %2 %3 %4")
                                               .arg(wholeDollars(e.atLow), wholeDollars(base),
                                                    wholeDollars(e.atHigh), wholeDollars(e.swing))));
            const QRegularExpressionMatch m = re.match(text, at);
            QVERIFY2(m.hasMatch(), qPrintable(row));
            at = m.capturedEnd();
        }
        // The lead sentence names the largest swing with its figures.
        const Expected& top = expected.front();
        QVERIFY2(text.contains(
                     QStringLiteral("It moves most with %1: from ").arg(QString::fromStdString(top.key))),
                 qPrintable(text.left(4000)));
    }

    //! sensitivity.csv is exactly what `sharecast sensitivity` writes for the same keys.
    void csvIsTheCommandsBytes()
    {
        const QString csv = path(QStringLiteral("same"));
        QCOMPARE(run(reportArgs(path(QStringLiteral("same.pdf"))) +
                     QStringList{"--csv", csv, "--sensitivity-metric", "plan_payment", "--sensitivity"} +
                     kKeys)
                     .exitCode,
                 0);
        const QString out = path(QStringLiteral("cli-sensitivity.csv"));
        // The year the report settles: the preset has none, so the data's last.
        const QString year = QString::number(ui::ProjectDocument::open(project_)->performanceYear());
        QCOMPARE(year, QStringLiteral("2024"));
        const cli::CommandResult r =
            run(QStringList{"sensitivity", "--project", project_, "--scenario", "preset:straw-proposal-7",
                            "--year", year, "--metric", "plan_payment", "--out", out, "--vary"} +
                kKeys);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray cliBytes = fileBytes(out);
        QVERIFY(cliBytes.count('\n') == kKeys.size() + 1);
        QCOMPARE(fileBytes(QDir(csv).filePath(QStringLiteral("sensitivity.csv"))), cliBytes);
    }

    //! A bad key, value or option exits 2 naming it, and nothing is written.
    void badKeyWritesNothing_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("no such entry")
            << QStringList{"--sensitivity", "msr.rate", "trend.by_cos.dental.unit_cost"}
            << "trend.by_cos.dental.unit_cost";
        QTest::newRow("no such key") << QStringList{"--sensitivity", "sharing.maximum"} << "sharing.maximum";
        QTest::newRow("refused value")
            << QStringList{"--sensitivity", "sharing.max_share=0:2"} << "sharing.max_share";
        QTest::newRow("twice") << QStringList{"--sensitivity", "msr.rate", "msr.rate"} << "msr.rate twice";
        QTest::newRow("bad metric") << QStringList{"--sensitivity", "msr.rate", "--sensitivity-metric",
                                                   "savings"}
                                    << "no such metric";
        QTest::newRow("metric alone")
            << QStringList{"--sensitivity-metric", "program_net"} << "--sensitivity-metric";
    }
    void badKeyWritesNothing()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const QString pdf = path(QStringLiteral("never.pdf")), csv = path(QStringLiteral("never"));
        const cli::CommandResult r = run(reportArgs(pdf) + QStringList{"--csv", csv} + extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(pdf));
        QVERIFY(!QFile::exists(csv));
    }

    //! The report dialog: unchecked, no section; checked with two assumptions ticked and another
    //! metric, the options name exactly those.
    void dialogChoiceSetsTheOptions()
    {
        const Scenario scenario = io::loadPreset(QStringLiteral("straw-proposal-7"));
        QMessageBox box(QMessageBox::Question, QStringLiteral("Export report"), QStringLiteral("Who?"),
                        QMessageBox::Cancel);
        ui::ReportDriversChoice choice(scenario, &box);
        choice.addTo(box);
        auto* include = box.findChild<QCheckBox*>(QStringLiteral("reportDrivers"));
        auto* metric = box.findChild<QComboBox*>(QStringLiteral("reportDriversMetric"));
        auto* keys = box.findChild<QListWidget*>(QStringLiteral("reportDriversKeys"));
        QVERIFY(include && metric && keys);
        QCOMPARE(static_cast<std::size_t>(keys->count()), io::scenarioNumberKeys(scenario).size());
        QVERIFY(!keys->parentWidget()->isEnabled());
        // A baseline weight ±10 % breaks the weights' sum of 1: offered unticked and disabled, with
        // the reason, so that the default choice always makes a report.
        const QList<QListWidgetItem*> weight =
            keys->findItems(QStringLiteral("baseline.weights[2]"), Qt::MatchExactly);
        QCOMPARE(weight.size(), 1);
        QCOMPARE(weight[0]->checkState(), Qt::Unchecked);
        QVERIFY(!(weight[0]->flags() & Qt::ItemIsEnabled));
        QVERIFY2(weight[0]->toolTip().contains(QStringLiteral("sum to 1")), qPrintable(weight[0]->toolTip()));
        const QList<QListWidgetItem*> trend =
            keys->findItems(QStringLiteral("trend.by_cos.inpatient.unit_cost"), Qt::MatchExactly);
        QCOMPARE(trend.size(), 1);
        QCOMPARE(trend[0]->checkState(), Qt::Checked);

        ui::ReportOptions options;
        choice.apply(options);
        QVERIFY(!options.drivers);

        include->click();
        QVERIFY(keys->parentWidget()->isEnabled());
        choice.apply(options);
        QVERIFY(options.drivers);
        {
            // The default choice, every enabled assumption: the report's figures are made.
            auto doc = ui::ProjectDocument::open(project_);
            doc->setScenario(scenario, QStringLiteral("test"));
            doc->recalculate();
            const ui::ReportFigures all = ui::reportFigures(*doc, options);
            QVERIFY(all.drivers);
            QVERIFY(all.drivers->rows.size() > 40);
            QVERIFY(all.drivers->rows.front().swing > 0.0);
        }
        metric->setCurrentIndex(metric->findData(QStringLiteral("state_share")));
        for (int i = 0; i < keys->count(); ++i)
            if (keys->item(i)->text() != QLatin1String("msr.rate") &&
                keys->item(i)->text() != QLatin1String("fmap.default"))
                keys->item(i)->setCheckState(Qt::Unchecked);
        choice.apply(options);
        QVERIFY(options.drivers);
        QCOMPARE(options.drivers->metric, std::string("state_share"));
        QCOMPARE(options.drivers->keys.size(), std::size_t(2));
        QCOMPARE(options.drivers->keys[0].key, std::string("msr.rate"));
        QCOMPARE(options.drivers->keys[1].key, std::string("fmap.default"));
        QVERIFY(!options.drivers->keys[0].low);

        // The choice made through the library gives the section on that document.
        auto doc = ui::ProjectDocument::open(project_);
        doc->setScenario(scenario, QStringLiteral("test"));
        doc->recalculate();
        const ui::ReportFigures figures = ui::reportFigures(*doc, options);
        QVERIFY(figures.drivers);
        QCOMPARE(figures.drivers->rows.size(), std::size_t(2));
        QCOMPARE(figures.drivers->metric.name(), std::string("state_share"));
    }
};

QTEST_MAIN(TestReportSensitivity)
#include "tst_report_sensitivity.moc"
