//! The workbench recalculates after an edit on a worker thread and redraws only what is on screen:
//! the results that arrive are the engine's for the scenario as edited (the same as a synchronous
//! recalculation), a superseded calculation's results never appear, undo and redo recalculate, and
//! a chart on a hidden tab is redrawn with the new figures when its tab is shown, and a table on
//! a hidden tab fits its columns when shown.
//!
//! Expected values are the engine's settlement of the document's scenario, computed apart from the
//! UI (testing::engineSettlement); the savings chart plots dollars / 1e6, compared within 1e-9 $M.

#include "tests/ui/menu_walk.h"
#include "tests/ui/sample_project.h"
#include "ui/charts/savings_chart.h"
#include "ui/document/fit_columns.h"
#include "ui/document/project_document.h"
#include "ui/workbench/main_window.h"

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <qcustomplot.h>

#include <cmath>
#include <vector>

using namespace sharecast;

namespace {

//! Every plan's payment (§8), in plan order.
std::vector<double> payments(const Settlement& s)
{
    std::vector<double> out;
    for (const PlanSettlement& p : s.plans)
        out.push_back(p.payment.payment);
    return out;
}

//! The scenario with the plan share's cap at maxShare and no quality scaling (a change of the cap
//! moves every paid plan's payment).
Scenario withMaxShare(Scenario s, double maxShare)
{
    s.sharing.qualityScaling = QualityScaling::None;
    s.sharing.maxShare = maxShare;
    return s;
}

//! The savings chart's bars of a legend name.
QCPBars* barsNamed(QCustomPlot* plot, const QString& name)
{
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto* bars = qobject_cast<QCPBars*>(plot->plottable(i)); bars && bars->name() == name)
            return bars;
    return nullptr;
}

} // namespace

class TestRecalculation : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    //! Opens the sample project in w, shown, with the Waterfall tab in front (the Savings chart
    //! and every table hidden).
    bool openOnWaterfall(ui::MainWindow& w) const
    {
        if (!w.openProject(project_))
            return false;
        w.resize(1200, 800);
        return testing::showActive(w) && w.showTab(QStringLiteral("Waterfall"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        testing::isolateUserFiles(QDir(dir_.path()));
        project_ = testing::makeSampleProject(QDir(dir_.path()));
    }

    //! An edit's results come from the worker: until they are in, the document shows the previous
    //! ones; then they are the engine's for the edited scenario, as a synchronous recalculation's.
    void workerResultsAreTheSynchronousOnes()
    {
        auto doc = ui::ProjectDocument::open(project_);
        const std::vector<double> before = payments(doc->settlement());
        QSignalSpy results(doc.get(), &ui::ProjectDocument::resultsChanged);
        doc->setScenario(withMaxShare(doc->scenario(), 0.20), QStringLiteral("cap 20%"));
        QVERIFY(doc->isCalculating());
        QCOMPARE(payments(doc->settlement()), before); // not replaced before the worker is done
        QVERIFY(results.wait(10000));
        QCOMPARE(results.count(), 1);
        QVERIFY(!doc->isCalculating());
        const std::vector<double> fromWorker = payments(doc->settlement());
        QVERIFY(fromWorker != before);
        QCOMPARE(fromWorker, payments(testing::engineSettlement(doc.get())));
        doc->recalculate();
        QCOMPARE(payments(doc->settlement()), fromWorker);
    }

    //! Edits in a row: the earlier calculations are superseded, and whenever results arrive they
    //! are the current scenario's; a synchronous recalculation supersedes the worker's run too.
    void supersededResultsNeverAppear()
    {
        auto doc = ui::ProjectDocument::open(project_);
        int arrived = 0, wrong = 0;
        connect(doc.get(), &ui::ProjectDocument::resultsChanged, this, [&] {
            ++arrived;
            if (payments(doc->settlement()) != payments(testing::engineSettlement(doc.get())))
                ++wrong;
        });
        for (double cap : {0.10, 0.15, 0.20, 0.25, 0.40})
            doc->setScenario(withMaxShare(doc->scenario(), cap), QStringLiteral("cap"));
        QTRY_COMPARE_WITH_TIMEOUT(arrived, 1, 10000);
        QTest::qWait(100); // nothing else arrives
        QCOMPARE(arrived, 1);
        QCOMPARE(wrong, 0);
        QCOMPARE(doc->scenario().sharing.maxShare, 0.40);

        // An edit, then at once a synchronous recalculation: the worker's run is dropped.
        doc->setScenario(withMaxShare(doc->scenario(), 0.30), QStringLiteral("cap 30%"));
        doc->recalculate();
        QCOMPARE(arrived, 2);
        QVERIFY(!doc->isCalculating());
        QTest::qWait(200);
        QCOMPARE(arrived, 2);
        QCOMPARE(wrong, 0);
    }

    //! Undo and redo put the scenario back and the results follow, from the worker.
    void undoAndRedoRecalculate()
    {
        auto doc = ui::ProjectDocument::open(project_);
        const std::vector<double> original = payments(doc->settlement());
        doc->setScenario(withMaxShare(doc->scenario(), 0.12), QStringLiteral("cap 12%"));
        doc->waitForResults();
        const std::vector<double> edited = payments(doc->settlement());
        QVERIFY(edited != original);
        doc->undoStack()->undo();
        QVERIFY(doc->isCalculating());
        doc->waitForResults();
        QCOMPARE(payments(doc->settlement()), original);
        QCOMPARE(payments(doc->settlement()), payments(testing::engineSettlement(doc.get())));
        doc->undoStack()->redo();
        QSignalSpy results(doc.get(), &ui::ProjectDocument::resultsChanged);
        QVERIFY(results.wait(10000));
        QCOMPARE(payments(doc->settlement()), edited);
    }

    //! The savings chart on a tab not in front keeps its bars while results come, and shows the
    //! new ones, each plan's payment as the engine's, when its tab is shown.
    void hiddenChartRedrawnWhenShown()
    {
        ui::MainWindow w;
        QVERIFY(openOnWaterfall(w));
        ui::ProjectDocument* doc = w.document();
        QCPBars* bars = barsNamed(w.chart(), QStringLiteral("Plan share (payment)"));
        QVERIFY(bars);
        auto plotted = [bars] {
            std::vector<double> v;
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
                v.push_back(it->value);
            return v;
        };
        const std::vector<double> drawn = plotted();

        doc->setScenario(withMaxShare(doc->scenario(), 0.15), QStringLiteral("cap 15%"));
        doc->waitForResults();
        QVERIFY(!w.chart()->isVisible());
        QVERIFY(w.savingsChart()->isStale());
        QCOMPARE(plotted(), drawn); // hidden: not drawn again

        QVERIFY(w.showTab(QStringLiteral("Savings by plan")));
        QVERIFY(!w.savingsChart()->isStale());
        const std::vector<double> engine = payments(testing::engineSettlement(doc));
        const std::vector<double> shown = plotted();
        QCOMPARE(shown.size(), engine.size());
        bool changed = false;
        for (std::size_t i = 0; i < engine.size(); ++i) {
            QVERIFY2(std::fabs(shown[i] - engine[i] / 1e6) <= 1e-9,
                     qPrintable(QStringLiteral("plan %1: chart %2, engine %3")
                                    .arg(i)
                                    .arg(shown[i])
                                    .arg(engine[i] / 1e6)));
            changed = changed || shown[i] != drawn[i];
        }
        QVERIFY(changed);

        // On screen, the chart follows the next edit without being shown again.
        doc->setScenario(withMaxShare(doc->scenario(), 0.35), QStringLiteral("cap 35%"));
        doc->waitForResults();
        QVERIFY(!w.savingsChart()->isStale());
        const std::vector<double> again = payments(testing::engineSettlement(doc));
        QCOMPARE(plotted().size(), again.size());
        for (std::size_t i = 0; i < again.size(); ++i)
            QVERIFY(std::fabs(plotted()[i] - again[i] / 1e6) <= 1e-9);
    }

    //! Views that refresh only on screen show the edit once shown: the Sensitivity key list's
    //! base value of the plan share's cap, edited while another tab was in front.
    void hiddenKeyListFollowsTheEditWhenShown()
    {
        ui::MainWindow w;
        QVERIFY(openOnWaterfall(w));
        ui::ProjectDocument* doc = w.document();
        doc->setScenario(withMaxShare(doc->scenario(), 0.123), QStringLiteral("cap 12.3%"));
        doc->waitForResults();

        QVERIFY(w.showTab(QStringLiteral("Sensitivity")));
        auto* keys = w.findChild<QTableWidget*>(QStringLiteral("sensitivityKeys"));
        QVERIFY(keys);
        QString base;
        for (int r = 0; r < keys->rowCount(); ++r)
            if (keys->item(r, 0)->text() == QLatin1String("sharing.max_share"))
                base = keys->item(r, 1)->text();
        QCOMPARE(base, QStringLiteral("0.123"));
    }

    //! A table's columns fit their contents when it is on screen: a change on a hidden tab is
    //! measured when the tab is shown, and a width the user set stays through later changes.
    void columnsFitOnlyWhenShown()
    {
        QTabWidget tabs;
        tabs.addTab(new QLabel(QStringLiteral("in front")), QStringLiteral("Front"));
        auto* table = new QTableView;
        QStandardItemModel model(2, 2);
        model.setItem(0, 0, new QStandardItem(QStringLiteral("a")));
        model.setItem(0, 1, new QStandardItem(QStringLiteral("b")));
        table->setModel(&model);
        new ui::FitColumnsToContents(table);
        tabs.addTab(table, QStringLiteral("Table"));
        tabs.resize(800, 400);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        const int narrow = table->columnWidth(0);

        const QString wide = QString(60, u'W');
        model.item(0, 0)->setText(wide); // on the hidden tab: not measured
        QTest::qWait(20);
        QCOMPARE(table->columnWidth(0), narrow);

        tabs.setCurrentIndex(1); // shown: measured before it is painted
        QVERIFY(table->columnWidth(0) >= table->fontMetrics().horizontalAdvance(wide));
        const int fitted = table->columnWidth(1);

        table->horizontalHeader()->resizeSection(0, 40); // as a drag on the header does
        model.item(0, 0)->setText(wide + wide);
        model.item(0, 1)->setText(wide);
        QTRY_VERIFY(table->columnWidth(1) > fitted); // the other column is fitted again
        QCOMPARE(table->columnWidth(0), 40);         // the user's width stays
    }
};

QTEST_MAIN(TestRecalculation)
#include "tst_recalculation.moc"
