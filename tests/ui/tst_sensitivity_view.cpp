//! The workbench's Sensitivity tab (methodology §14) driven through its widgets on the synthetic
//! sample under Straw Proposal 7: the tornado, spider, two-way table and goal seek each show what
//! the engine computes for the scenario with the key(s) replaced (metricValue of
//! withScenarioNumber, computed here without the UI), Apply is one undoable edit of one key, and
//! a cancelled or abandoned run neither crashes nor shows stale values.
//!
//! Tolerance: every metric is in dollars rounded to cents on both sides, so they must be equal;
//! goal seek's answer must put the metric within a cent of the target or at the crossing (the
//! metric on either side of the answer, 1e-9 relative away, on either side of the target).
//! Set SHARECAST_SENSITIVITY_SHOTS to a folder to also save each pane as a PNG.

#include "engine/metric.h"
#include "engine/rounding.h"
#include "io/json/json.h"
#include "io/json/scenario_edit.h"
#include "io/json/scenario_json.h"
#include "tests/ui/sample_project.h"
#include "ui/analysis/goal_seek_pane.h"
#include "ui/analysis/key_range_edit.h"
#include "ui/analysis/metric_picker.h"
#include "ui/analysis/run_status.h"
#include "ui/analysis/sensitivity_range.h"
#include "ui/analysis/sensitivity_view.h"
#include "ui/analysis/two_way_table_pane.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/document/sensitivity_runner.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <qcustomplot.h>

#include <cmath>
#include <memory>
#include <set>

using namespace sharecast;

namespace {

constexpr int kWait = 120000; // ms: a slow, shared machine

QString shortest(double v)
{
    return QString::fromStdString(io::formatJsonNumber(v));
}
QString money(double v)
{
    return QString::fromStdString(formatMoney(v));
}

} // namespace

class TestSensitivityView : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<ui::ProjectDocument> doc_;
    std::unique_ptr<ui::SensitivityView> view_;

    MetricContext context() const
    {
        MetricContext c;
        c.index = &doc_->index();
        c.quality = doc_->quality();
        c.year = doc_->performanceYear();
        return c;
    }
    //! The engine's metric for the document's scenario with `key` set to `value`.
    double engine(const char* metric, const std::string& key, double value) const
    {
        return metricValue(parseMetric(metric, std::nullopt), context(),
                           io::withScenarioNumber(doc_->scenario(), key, value));
    }
    void waitForTornado() { QTRY_VERIFY_WITH_TIMEOUT(!view_->isComputing(), kWait); }
    void shot(QWidget* w, const QString& name)
    {
        if (const QString dir = qEnvironmentVariable("SHARECAST_SENSITIVITY_SHOTS"); !dir.isEmpty())
            QVERIFY(w->grab().save(dir + QStringLiteral("/sensitivity-") + name + QStringLiteral(".png")));
    }
    //! Sets a KeyRangeEdit through its fields, as a user types them.
    void setRange(QWidget* pane, const QString& name, const QString& key, double low, double high, int n)
    {
        auto* combo = pane->findChild<QComboBox*>(name + QStringLiteral("Key"));
        auto* lo = pane->findChild<QLineEdit*>(name + QStringLiteral("Low"));
        auto* hi = pane->findChild<QLineEdit*>(name + QStringLiteral("High"));
        QVERIFY(combo && lo && hi);
        QVERIFY2(combo->findText(key) >= 0, qPrintable(key + QStringLiteral(" is not offered")));
        combo->setCurrentIndex(combo->findText(key));
        lo->clear();
        QTest::keyClicks(lo, shortest(low));
        hi->clear();
        QTest::keyClicks(hi, shortest(high));
        if (n > 0) {
            auto* count = pane->findChild<QSpinBox*>(name + QStringLiteral("Count"));
            QVERIFY(count);
            count->setValue(n);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        testing::isolateUserFiles(QDir(dir_.path()));
        doc_ = ui::ProjectDocument::open(testing::makeSampleProject(QDir(dir_.path())));
        QVERIFY(doc_->calculationError().isEmpty());
        QVERIFY(!doc_->settlement().plans.empty());
        view_ = std::make_unique<ui::SensitivityView>(doc_.get());
        view_->resize(1500, 900);
        view_->show();
        QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
    }

    void cleanup()
    {
        doc_->undoStack()->setIndex(0);
        doc_->recalculate();
    }

    void cleanupTestCase()
    {
        view_.reset(); // before the document it reads
        doc_.reset();
    }

    //! Every numeric key the scenario holds is offered, checked, with ±10 % ranges.
    void keyListIsTheScenariosNumbersWithDefaultRanges()
    {
        QTableWidget* keys = view_->keyTable();
        const std::vector<std::string> expected = io::scenarioNumberKeys(doc_->scenario());
        QCOMPARE(keys->rowCount(), static_cast<int>(expected.size()));
        for (int r = 0; r < keys->rowCount(); ++r) {
            const std::string key = expected[static_cast<std::size_t>(r)];
            QCOMPARE(keys->item(r, ui::SensitivityView::KeyColumn)->text(), QString::fromStdString(key));
            QCOMPARE(keys->item(r, ui::SensitivityView::KeyColumn)->checkState(), Qt::Checked);
            const auto range = ui::defaultKeyRange(io::scenarioNumber(doc_->scenario(), key));
            QVERIFY(range);
            QCOMPARE(keys->item(r, ui::SensitivityView::LowColumn)->data(Qt::UserRole).toDouble(),
                     range->low);
            QCOMPARE(keys->item(r, ui::SensitivityView::HighColumn)->data(Qt::UserRole).toDouble(),
                     range->high);
        }
        // The filter hides what it does not match.
        QTest::keyClicks(view_->keyFilter(), QStringLiteral("msr."));
        int shown = 0;
        for (int r = 0; r < keys->rowCount(); ++r)
            if (!keys->isRowHidden(r)) {
                ++shown;
                QVERIFY(keys->item(r, 0)->text().contains(QStringLiteral("msr.")));
            }
        QVERIFY(shown >= 1 && shown < keys->rowCount());
        view_->keyFilter()->clear();
    }

    //! Three keys chosen (one with a range typed in): each bar's low and high metric is the
    //! engine's for the scenario with that key at that value, sorted by swing then key.
    void tornadoOfThreeKeysMatchesTheEngine()
    {
        const QStringList chosen{QStringLiteral("msr.rate"), QStringLiteral("trend.default.unit_cost"),
                                 QStringLiteral("sharing.tiers[3].share")};
        QTableWidget* keys = view_->keyTable();
        QTest::mouseClick(view_->findChild<QPushButton*>(QStringLiteral("sensitivityNone")), Qt::LeftButton);
        for (int r = 0; r < keys->rowCount(); ++r)
            QCOMPARE(keys->item(r, 0)->checkState(), Qt::Unchecked);
        int tierRow = -1;
        for (int r = 0; r < keys->rowCount(); ++r)
            if (chosen.contains(keys->item(r, 0)->text())) {
                keys->item(r, 0)->setCheckState(Qt::Checked);
                if (keys->item(r, 0)->text() == chosen[2])
                    tierRow = r;
            }
        QVERIFY(tierRow >= 0);
        keys->item(tierRow, ui::SensitivityView::LowColumn)->setText(QStringLiteral("0.3"));
        keys->item(tierRow, ui::SensitivityView::HighColumn)->setText(QStringLiteral("0.7"));
        waitForTornado();

        const std::vector<ui::TornadoBar>& bars = view_->tornado()->bars();
        QCOMPARE(static_cast<int>(bars.size()), 3);
        QCOMPARE(view_->metricBase(),
                 metricValue(parseMetric("program_net", std::nullopt), context(), doc_->scenario()));
        for (const ui::TornadoBar& b : bars) {
            const std::string key = b.key.toStdString();
            QVERIFY(chosen.contains(b.key));
            const auto base = io::scenarioNumber(doc_->scenario(), key);
            const ui::KeyRange range =
                b.key == chosen[2] ? ui::KeyRange{0.3, 0.7} : *ui::defaultKeyRange(base);
            QCOMPARE(b.low, range.low);
            QCOMPARE(b.high, range.high);
            QCOMPARE(b.metricLow, engine("program_net", key, range.low));
            QCOMPARE(b.metricHigh, engine("program_net", key, range.high));
        }
        for (std::size_t i = 1; i < bars.size(); ++i)
            QVERIFY(bars[i - 1].swing() > bars[i].swing() ||
                    (bars[i - 1].swing() == bars[i].swing() && bars[i - 1].key < bars[i].key));
        QVERIFY2(bars.front().swing() > 0.0, "the sample's largest swing should move program net");

        // The plot draws them: the top row is the largest swing; bars run from the base.
        QCustomPlot* plot = view_->tornadoPlot();
        auto* lowBars = qobject_cast<QCPBars*>(plot->plottable(0));
        QVERIFY(lowBars);
        QCOMPARE(lowBars->data()->size(), 3);
        QCOMPARE(lowBars->baseValue(), view_->metricBase() / 1e6);
        const double topRow = 3.0;
        auto top = lowBars->data()->findBegin(topRow, false);
        QCOMPARE(top->key, topRow);
        QVERIFY(std::fabs(top->value - (bars.front().metricLow - view_->metricBase()) / 1e6) < 1e-9);

        // Hovering a bar names its key and values; clicking it asks for its assumption.
        const QPoint row0 = view_->tornado()->rowCenter(0);
        const QString hover = view_->tornado()->hoverText(row0);
        QVERIFY2(hover.contains(bars.front().key) &&
                     hover.contains(ui::formatDollars(bars.front().metricLow)) &&
                     hover.contains(ui::formatDollars(bars.front().metricHigh)),
                 qPrintable(hover));
        QSignalSpy asked(view_.get(), &ui::SensitivityView::assumptionRequested);
        QTest::mouseClick(plot, Qt::LeftButton, {}, view_->tornado()->rowCenter(2));
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.front().front().toString(), bars.back().key);
        shot(view_.get(), QStringLiteral("tornado"));

        // The spider: the keys by swing, 5 points across each range, the ends the tornado's.
        QTRY_VERIFY_WITH_TIMEOUT(!view_->runner()->isRunning(), kWait);
        const std::vector<ui::SpiderLine>& lines = view_->spider()->lines();
        QCOMPARE(static_cast<int>(lines.size()), 3);
        for (std::size_t k = 0; k < lines.size(); ++k) {
            QCOMPARE(lines[k].key, bars[k].key);
            QCOMPARE(static_cast<int>(lines[k].metrics.size()), 5);
            const std::vector<double> grid = ui::keyGrid(bars[k].low, bars[k].high, 5);
            for (std::size_t i = 0; i < 5; ++i) {
                QCOMPARE(lines[k].values[i], grid[i]);
                QCOMPARE(lines[k].metrics[i], engine("program_net", bars[k].key.toStdString(), grid[i]));
            }
        }
        view_->tabs()->setCurrentIndex(1);
        shot(view_.get(), QStringLiteral("spider"));
        view_->tabs()->setCurrentIndex(0);
    }

    //! An edit of the scenario recomputes the tornado on the edited scenario.
    void tornadoFollowsTheScenario()
    {
        view_->chooseKeys({QStringLiteral("msr.rate"), QStringLiteral("sharing.tiers[3].share")});
        waitForTornado();
        const double before = view_->metricBase();
        const ui::TornadoBar top = view_->tornado()->bars().front();
        QVERIFY(top.swing() > 0.0);
        doc_->setScenario(io::withScenarioNumber(doc_->scenario(), top.key.toStdString(), top.high),
                          QStringLiteral("test edit"));
        waitForTornado();
        QCOMPARE(view_->metricBase(),
                 metricValue(parseMetric("program_net", std::nullopt), context(), doc_->scenario()));
        QVERIFY(view_->metricBase() != before);
        for (const ui::TornadoBar& b : view_->tornado()->bars())
            QCOMPARE(b.metricLow, engine("program_net", b.key.toStdString(), b.low));
    }

    //! A 3 × 3 table: each cell is the engine's metric with both keys replaced; Ctrl+C copies TSV
    //! and the CSV has table2's columns.
    void twoWayTableMatchesTheEngineAndCopies()
    {
        view_->tabs()->setCurrentWidget(view_->tablePane());
        ui::TwoWayTablePane* pane = view_->tablePane();
        setRange(pane, QStringLiteral("table2X"), QStringLiteral("sharing.tiers[3].share"), 0.3, 0.7, 3);
        setRange(pane, QStringLiteral("table2Y"), QStringLiteral("msr.rate"), 0.0, 0.03, 3);
        QTest::mouseClick(pane->findChild<QPushButton*>(QStringLiteral("table2Compute")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!pane->runner()->isRunning() && !pane->table().empty(), kWait);
        const ui::TwoWayTable& t = pane->table();
        std::vector<double> xs, ys; // §14's grid LOW + i (HIGH − LOW) / (N − 1)
        for (int i = 0; i < 3; ++i) {
            xs.push_back(0.3 + i * (0.7 - 0.3) / 2);
            ys.push_back(0.0 + i * (0.03 - 0.0) / 2);
        }
        QCOMPARE(t.xs, xs);
        QCOMPARE(t.ys, ys);
        QTableView* view = pane->view();
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->model()->columnCount(), 3);
        std::set<double> distinct;
        for (std::size_t x = 0; x < 3; ++x)
            for (std::size_t y = 0; y < 3; ++y) {
                const double expected =
                    metricValue(parseMetric("program_net", std::nullopt), context(),
                                io::withScenarioNumber(
                                    io::withScenarioNumber(doc_->scenario(), "sharing.tiers[3].share", xs[x]),
                                    "msr.rate", ys[y]));
                QCOMPARE(t.at(x, y), expected);
                const QModelIndex cell = view->model()->index(static_cast<int>(y), static_cast<int>(x));
                QCOMPARE(cell.data().toString(), ui::formatDollars(expected));
                distinct.insert(expected);
            }
        QVERIFY2(distinct.size() > 1, "the grid should move program net");
        shot(view_.get(), QStringLiteral("table"));

        // Ctrl+C with the whole table selected, then with one 2 × 2 block.
        QApplication::clipboard()->clear();
        view->setFocus();
        view->selectAll();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QString tsv = QStringLiteral("msr.rate \\ sharing.tiers[3].share\t") + shortest(xs[0]) + u'\t' +
                      shortest(xs[1]) + u'\t' + shortest(xs[2]) + u'\n';
        for (std::size_t y = 0; y < 3; ++y)
            tsv += shortest(ys[y]) + u'\t' + money(t.at(0, y)) + u'\t' + money(t.at(1, y)) + u'\t' +
                   money(t.at(2, y)) + u'\n';
        QCOMPARE(QApplication::clipboard()->text(), tsv);
        view->selectionModel()->select(QItemSelection(view->model()->index(1, 1), view->model()->index(2, 2)),
                                       QItemSelectionModel::ClearAndSelect);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("msr.rate \\ sharing.tiers[3].share\t") + shortest(xs[1]) + u'\t' +
                     shortest(xs[2]) + u'\n' + shortest(ys[1]) + u'\t' + money(t.at(1, 1)) + u'\t' +
                     money(t.at(2, 1)) + u'\n' + shortest(ys[2]) + u'\t' + money(t.at(1, 2)) + u'\t' +
                     money(t.at(2, 2)) + u'\n');

        // The CSV: table2's columns, x outer, y inner.
        const QString path = dir_.filePath(QStringLiteral("g.csv"));
        QCOMPARE(pane->exportCsv(path), QString());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 10);
        QCOMPARE(lines[0].trimmed(), QStringLiteral("x_key,x,y_key,y,metric"));
        QCOMPARE(lines[2].trimmed(), QStringLiteral("sharing.tiers[3].share,") + shortest(xs[0]) +
                                         QStringLiteral(",msr.rate,") + shortest(ys[1]) + u',' +
                                         money(t.at(0, 1)));
    }

    //! Goal seek finds where program net crosses a target, Apply sets exactly that key as one
    //! undoable edit, and no crossing says so with the metric at both ends.
    void goalSeekAppliesOneUndoableEdit()
    {
        view_->tabs()->setCurrentWidget(view_->goalSeekPane());
        ui::GoalSeekPane* pane = view_->goalSeekPane();
        const std::string key = "sharing.tiers[3].share";
        // A range whose middle is not the scenario's own 0.5 (program net is linear in the share
        // when no cap binds, so a symmetric range would seek the value the scenario already has).
        const double atLow = engine("program_net", key, 0.3), atHigh = engine("program_net", key, 0.9);
        QVERIFY2(atLow != atHigh, "program net should move with the key");
        const double target = roundTo((atLow + atHigh) / 2, 2);
        setRange(pane, QStringLiteral("goal"), QString::fromStdString(key), 0.3, 0.9, 0);
        pane->targetEdit()->clear();
        QTest::keyClicks(pane->targetEdit(), ui::formatDollars(target)); // "$1,234.56" is understood
        QTest::mouseClick(pane->seekButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pane->result().has_value(), kWait);
        const GoalSeekResult r = *pane->result();
        QVERIFY(r.found);
        QVERIFY(r.x >= 0.3 && r.x <= 0.9);
        QCOMPARE(r.value, engine("program_net", key, r.x));
        const double step = 1e-9 * std::max(1.0, std::fabs(r.x));
        const bool within = std::fabs(r.value - target) <= 0.01;
        const bool crossing = ((engine("program_net", key, r.x - step) - target) *
                               (engine("program_net", key, r.x + step) - target)) <= 0.0;
        QVERIFY2(within || crossing, qPrintable(QStringLiteral("x %1, metric %2, target %3")
                                                    .arg(r.x, 0, 'g', 17)
                                                    .arg(r.value, 0, 'f', 2)
                                                    .arg(target, 0, 'f', 2)));
        QVERIFY(pane->status()->message().contains(shortest(r.x)));
        shot(view_.get(), QStringLiteral("goalseek"));

        // Apply: one undo step, the scenario changed at that key only.
        const Scenario before = doc_->scenario();
        const int steps = doc_->undoStack()->index();
        QVERIFY(pane->applyButton()->isEnabled());
        QTest::mouseClick(pane->applyButton(), Qt::LeftButton);
        QVERIFY2(doc_->undoStack()->index() == steps + 1, qPrintable(pane->status()->message()));
        QCOMPARE(doc_->undoStack()->undoText(),
                 QStringLiteral("Goal seek: %1 = %2").arg(QString::fromStdString(key), shortest(r.x)));
        QCOMPARE(io::writeScenarioJson(doc_->scenario()),
                 io::writeScenarioJson(io::withScenarioNumber(before, key, r.x)));
        QCOMPARE(*io::scenarioNumber(doc_->scenario(), key), r.x);
        QVERIFY(!pane->applyButton()->isEnabled());
        doc_->undoStack()->undo();
        QCOMPARE(io::writeScenarioJson(doc_->scenario()), io::writeScenarioJson(before));

        // A target out of reach: no answer, the metric at both ends.
        pane->targetEdit()->clear();
        QTest::keyClicks(pane->targetEdit(), QStringLiteral("1e15"));
        QTest::mouseClick(pane->seekButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!pane->runner()->isRunning(), kWait);
        QVERIFY(!pane->result());
        QVERIFY(!pane->applyButton()->isEnabled());
        const QString message = pane->status()->message();
        QVERIFY2(message.contains(QStringLiteral("does not reach")) &&
                     message.contains(ui::formatDollars(atLow)) &&
                     message.contains(ui::formatDollars(atHigh)),
                 qPrintable(message));
    }

    //! A long run cancelled stops without a result; one abandoned by an edit is never shown; a
    //! view destroyed while its runs work waits for them.
    void cancelAndAbandonLongRuns()
    {
        view_->tabs()->setCurrentWidget(view_->tablePane());
        ui::TwoWayTablePane* pane = view_->tablePane();
        const ui::TwoWayTable shown = pane->table();
        setRange(pane, QStringLiteral("table2X"), QStringLiteral("sharing.tiers[3].share"), 0.3, 0.7, 100);
        setRange(pane, QStringLiteral("table2Y"), QStringLiteral("msr.rate"), 0.0, 0.03, 100);
        QTest::mouseClick(pane->findChild<QPushButton*>(QStringLiteral("table2Compute")), Qt::LeftButton);
        QVERIFY(pane->runner()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(pane->status()->cancelButton()->isVisible(), 5000);
        QTest::mouseClick(pane->status()->cancelButton(), Qt::LeftButton);
        QVERIFY(!pane->runner()->isRunning());
        QCOMPARE(pane->status()->message(), QStringLiteral("Cancelled."));
        pane->runner()->waitForWorkers();
        QTest::qWait(50); // anything the worker still posted arrives (and must be dropped)
        QCOMPARE(pane->table().xs, shown.xs);
        QCOMPARE(pane->table().values, shown.values);
        setRange(pane, QStringLiteral("table2X"), QStringLiteral("sharing.tiers[3].share"), 0.3, 0.7, 3);
        setRange(pane, QStringLiteral("table2Y"), QStringLiteral("msr.rate"), 0.0, 0.03, 3);

        // A goal seek abandoned by an edit of the scenario: no answer to apply.
        ui::GoalSeekPane* goal = view_->goalSeekPane();
        goal->targetEdit()->setText(QStringLiteral("0"));
        goal->seek();
        doc_->setScenario(io::withScenarioNumber(doc_->scenario(), "msr.rate", 0.01),
                          QStringLiteral("test edit"));
        goal->runner()->waitForWorkers();
        QTest::qWait(50);
        QVERIFY(!goal->result());
        QVERIFY(!goal->applyButton()->isEnabled());

        // A view destroyed mid-run.
        auto other = std::make_unique<ui::SensitivityView>(doc_.get());
        other->show();
        other->recompute(); // every key of the scenario
        QVERIFY2(other->runner()->isRunning(), qPrintable(other->status()->message()));
        other.reset();
    }
};

QTEST_MAIN(TestSensitivityView)
#include "tst_sensitivity_view.moc"
