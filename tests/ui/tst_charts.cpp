//! The workbench's chart controllers on the offscreen platform: each draws what the engine computes
//! for the synthetic sample under Straw Proposal 7 (waterfall, projection, rates, quality, risk
//! corridor), redraws after a change of the scenario, and exports as PNG, SVG and PDF.
//!
//! Tolerance: the charts sum the engine's doubles in plan order, as the test does, and divide by
//! 1e6; plotted values must agree within 1e-9 $M (a tenth of a cent). Set
//! SHARECAST_CHART_REVIEW_DIR to also save each chart at 1100×420 for a look.

#include "engine/projection.h"
#include "engine/regional_rates.h"
#include "engine/risk_corridor.h"
#include "engine/rounding.h"
#include "engine/settlement.h"
#include "tests/ui/sample_project.h"
#include "ui/charts/chart_support.h"
#include "ui/charts/compare_chart.h"
#include "ui/charts/corridor_chart.h"
#include "ui/charts/projection_chart.h"
#include "ui/charts/quality_chart.h"
#include "ui/charts/rate_impact_chart.h"
#include "ui/charts/regional_rates_chart.h"
#include "ui/charts/savings_chart.h"
#include "ui/charts/waterfall_chart.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <numeric>

using namespace sharecast;

namespace {

constexpr double kTolerance = 1e-9; // $M, or % / PMPM / score for the other charts

//! The plot size the charts are reviewed at (a main-window chart pane at 1366×768 is about this).
const QSize kReviewSize(1100, 420);

#define CHECK_NEAR(actual, expected, what)                                                                   \
    do {                                                                                                     \
        const double a_ = (actual), e_ = (expected);                                                         \
        QVERIFY2(std::fabs(a_ - e_) <= kTolerance, qPrintable(QStringLiteral("%1: chart %2, engine %3")      \
                                                                  .arg(what)                                 \
                                                                  .arg(a_, 0, 'g', 17)                       \
                                                                  .arg(e_, 0, 'g', 17)));                    \
    } while (false)

//! The QCPBars of a plot with the given legend name (nullptr if none).
QCPBars* barsNamed(QCustomPlot* plot, const QString& name)
{
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto* bars = qobject_cast<QCPBars*>(plot->plottable(i)); bars && bars->name() == name)
            return bars;
    return nullptr;
}

//! The QCPBars of a plot that draw a bar at key (nullptr if none).
QCPBars* barsAt(QCustomPlot* plot, double key)
{
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto* bars = qobject_cast<QCPBars*>(plot->plottable(i)))
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
                if (it->key == key)
                    return bars;
    return nullptr;
}

//! Every axis of every axis rect of the plot, with its range.
QList<QPair<QCPAxis*, QCPRange>> axisRanges(QCustomPlot* plot)
{
    QList<QPair<QCPAxis*, QCPRange>> ranges;
    for (QCPAxisRect* rect : plot->axisRects())
        for (const QCPAxis::AxisType type :
             {QCPAxis::atLeft, QCPAxis::atRight, QCPAxis::atTop, QCPAxis::atBottom})
            for (QCPAxis* axis : rect->axes(type))
                ranges.append({axis, axis->range()});
    return ranges;
}

//! "lower..upper" of a range, for messages.
QString spell(const QCPRange& r)
{
    return QStringLiteral("%1..%2").arg(r.lower, 0, 'g', 12).arg(r.upper, 0, 'g', 12);
}

//! Empty when every bar of the plot is whole in its axes' ranges: its width strictly inside the
//! key range, base and tip inside the value range and the tip off the range's edge (a bar may
//! stand on the axis). Otherwise the first bar that is cut.
QString cutBar(QCustomPlot* plot)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto* bars = qobject_cast<QCPBars*>(plot->plottable(i));
        if (!bars || bars->dataCount() == 0)
            continue;
        bool found = false;
        const QCPRange keys = bars->getKeyRange(found);
        const QCPRange keyView = bars->keyAxis()->range();
        if (!found || !(keyView.lower < keys.lower && keys.upper < keyView.upper))
            return QStringLiteral("%1: bars across %2, key axis %3")
                .arg(bars->name(), spell(keys), spell(keyView));
        const QCPRange valueView = bars->valueAxis()->range();
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
            const double base = bars->baseValue(), tip = base + it->value;
            const bool whole = valueView.contains(std::min(base, tip)) &&
                               valueView.contains(std::max(base, tip)) &&
                               (tip == base || (valueView.lower < tip && tip < valueView.upper));
            if (!whole)
                return QStringLiteral("%1: the bar at %2 from %3 to %4, value axis %5")
                    .arg(bars->name())
                    .arg(it->key)
                    .arg(base, 0, 'g', 12)
                    .arg(tip, 0, 'g', 12)
                    .arg(spell(valueView));
        }
    }
    return {};
}

//! Zooms in on part of the plot, as the mouse wheel and a drag do: every axis that they move.
void zoomIn(QCustomPlot* plot)
{
    for (QCPAxisRect* rect : plot->axisRects())
        for (const Qt::Orientation orientation : {Qt::Horizontal, Qt::Vertical})
            for (QCPAxis* axis : rect->rangeZoomAxes(orientation)) {
                const QCPRange r = axis->range();
                axis->setRange(r.lower + 0.35 * r.size(), r.lower + 0.7 * r.size());
            }
    plot->replot();
}

//! Opens the plot's context menu and chooses the item with the given text, as the user does;
//! false when the menu has no such item.
bool chooseFromChartMenu(QCustomPlot* plot, const QString& text)
{
    bool chosen = false;
    QTimer::singleShot(0, plot, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction* action : menu->actions())
            if (action->text() == text) {
                chosen = true;
                action->trigger();
            }
        menu->close();
    });
    emit plot->customContextMenuRequested(plot->rect().center());
    return chosen;
}

//! The ECM corridor of the spec's example bands (methodology §12) at a target PMPM.
Corridor ecmCorridor(double targetPmpm)
{
    Corridor c;
    c.name = "ECM";
    c.cos = "ecm";
    c.targetPmpm = targetPmpm;
    c.bands = {{0.0, 0.02, 0.0}, {0.02, 0.05, 0.5}, {0.05, std::nullopt, 0.9}};
    return c;
}

//! §12 by hand for the bands above: sign(d) · (0.5 · overlap(|d|, [2 %, 5 %]) + 0.9 · overlap(|d|, [5 %,
//! ∞))), in %.
double handCorridorPercent(double ratio)
{
    const double d = ratio - 1.0, m = std::fabs(d);
    const double shared = 0.5 * std::clamp(m - 0.02, 0.0, 0.03) + 0.9 * std::max(0.0, m - 0.05);
    return (d < 0.0 ? -100.0 : 100.0) * shared;
}

} // namespace

class TestCharts : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<ui::ProjectDocument> doc_;

    //! The engine's settlement of the document's scenario, computed apart from the UI.
    Settlement engineSettlement() const
    {
        SettlementOptions o;
        o.year = doc_->performanceYear();
        o.trace = false;
        return settle(doc_->index(), doc_->quality(), doc_->scenario(), o);
    }

    //! The engine's projection of the document's scenario, computed apart from the UI.
    Projection engineProjection() const
    {
        ProjectionOptions o;
        o.trace = false;
        return project(doc_->index(), doc_->quality(), doc_->scenario(), o);
    }

    //! Edits a copy of the scenario, pushes it through the document and recalculates.
    void editScenario(const std::function<void(Scenario&)>& edit)
    {
        Scenario s = doc_->scenario();
        edit(s);
        doc_->setScenario(s, QStringLiteral("test edit"));
        doc_->recalculate();
        QVERIFY2(doc_->calculationError().isEmpty(), qPrintable(doc_->calculationError()));
    }

    //! A shown plot at the review size (hover needs laid-out axes).
    static std::unique_ptr<QCustomPlot> makePlot()
    {
        auto plot = std::make_unique<QCustomPlot>();
        plot->resize(kReviewSize);
        plot->show();
        if (!QTest::qWaitForWindowExposed(plot.get()))
            qWarning("the plot was not exposed");
        return plot;
    }

    //! Saves the chart for a human look when SHARECAST_CHART_REVIEW_DIR is set.
    static void saveForReview(QCustomPlot* plot, const QString& name, QSize size = kReviewSize)
    {
        const QString dir = qEnvironmentVariable("SHARECAST_CHART_REVIEW_DIR");
        if (!dir.isEmpty() && QDir().mkpath(dir))
            plot->savePng(dir + u'/' + name + QStringLiteral(".png"), size.width(), size.height());
    }

    //! One of every chart of the workbench, each on its own shown plot: the savings, waterfall,
    //! projection, rate, quality and corridor charts on the document, the comparison's on two
    //! scenarios' made-up differences.
    struct Charts {
        std::vector<std::unique_ptr<QCustomPlot>> plots;
        std::vector<std::unique_ptr<ui::ChartController>> controllers;
        QStringList names;
    };
    Charts makeEveryChart()
    {
        Charts c;
        auto add = [&](const QString& name, auto make) {
            c.plots.push_back(makePlot());
            c.controllers.push_back(make(c.plots.back().get()));
            c.names << name;
        };
        ui::ProjectDocument* doc = doc_.get();
        add(QStringLiteral("savings"),
            [doc](QCustomPlot* p) { return std::make_unique<ui::SavingsChartController>(doc, p); });
        add(QStringLiteral("waterfall"),
            [doc](QCustomPlot* p) { return std::make_unique<ui::WaterfallChartController>(doc, p); });
        add(QStringLiteral("projection"),
            [doc](QCustomPlot* p) { return std::make_unique<ui::ProjectionChartController>(doc, p); });
        add(QStringLiteral("rate-impact"),
            [doc](QCustomPlot* p) { return std::make_unique<ui::RateImpactChartController>(doc, p); });
        add(QStringLiteral("quality"),
            [doc](QCustomPlot* p) { return std::make_unique<ui::QualityChartController>(doc, p); });
        add(QStringLiteral("corridor"),
            [doc](QCustomPlot* p) { return std::make_unique<ui::CorridorChartController>(doc, p); });
        add(QStringLiteral("compare"), [](QCustomPlot* p) {
            auto chart = std::make_unique<ui::CompareChartController>(p);
            chart->draw({"P01", "P02", "P03"}, {"B", "C"}, {{1.5, -2.0, 0.25}, {-0.5, 3.0, 0.0}});
            return chart;
        });
        return c;
    }

    //! The pixel of plot coordinates (key, value) on an axis pair.
    static QPoint pixelOf(QCPAxis* keyAxis, QCPAxis* valueAxis, double key, double value)
    {
        return QPoint(static_cast<int>(std::lround(keyAxis->coordToPixel(key))),
                      static_cast<int>(std::lround(valueAxis->coordToPixel(value))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const QString project = testing::makeSampleProject(QDir(dir_.path()));
        doc_ = ui::ProjectDocument::open(project);
        QVERIFY(doc_->calculationError().isEmpty());
        QCOMPARE(QString::fromStdString(doc_->scenario().name), QStringLiteral("Medi-Cal Straw Proposal 7"));
        QVERIFY(!doc_->settlement().plans.empty());
        QVERIFY(!doc_->projection().all.empty());
    }

    //! Every test starts from the preset as opened.
    void cleanup()
    {
        doc_->undoStack()->setIndex(0);
        doc_->recalculate();
    }

    void waterfallDrawsTheStatewideSettlement()
    {
        auto plot = makePlot();
        ui::WaterfallChartController chart(doc_.get(), plot.get());
        saveForReview(plot.get(), QStringLiteral("waterfall"));

        auto check = [&](const Settlement& s) {
            double e = 0, a = 0, g = 0, p = 0, n = 0, f = 0, st = 0;
            for (const PlanSettlement& plan : s.plans) { // totals foot with the table: sums of cents
                e += roundTo(plan.expected, 2);
                a += roundTo(plan.actual, 2);
                g += roundTo(plan.grossSavings, 2);
                p += roundTo(plan.payment.payment, 2);
                n += roundTo(plan.programNet, 2);
                f += roundTo(plan.split.federal, 2);
                st += roundTo(plan.split.state, 2);
            }
            // The Straw Proposal 7 sample is under capitation: the step from G to the transfer T
            // holds the payments and the one-sided losses the plans keep (§9), so it foots.
            QCOMPARE(doc_->scenario().paymentModel, PaymentModel::Capitation);
            QCOMPARE(chart.categories(), (QStringList{"Expected cost", "Gross savings", "Actual cost",
                                                      "Gross savings", "Payments, losses kept",
                                                      "Returned to state", "Federal share", "State share"}));
            QVERIFY(n > g - p); // some plan keeps a loss on the sample: T = 0, not G < 0
            const QVector<double>& v = chart.valuesMillions();
            CHECK_NEAR(v[0], e / 1e6, "expected cost");
            CHECK_NEAR(v[1], (a - e) / 1e6, "gross savings step");
            CHECK_NEAR(v[2], a / 1e6, "actual cost");
            CHECK_NEAR(v[3], g / 1e6, "gross savings");
            CHECK_NEAR(v[4], (n - g) / 1e6, "plan payments and kept losses step");
            CHECK_NEAR(v[5], n / 1e6, "program net");
            CHECK_NEAR(v[6], -f / 1e6, "federal share step");
            CHECK_NEAR(v[7], st / 1e6, "state share");
            // The floating steps join the levels either side of them.
            CHECK_NEAR(chart.upperMillions()[1], std::max(e, a) / 1e6, "savings step top");
            CHECK_NEAR(chart.lowerMillions()[1], std::min(e, a) / 1e6, "savings step bottom");
            CHECK_NEAR(chart.upperMillions()[4], std::max(g, n) / 1e6, "payments step top");
            CHECK_NEAR(chart.lowerMillions()[4], std::min(g, n) / 1e6, "payments step bottom");
            CHECK_NEAR(chart.lowerMillions()[6], std::min(n, n - f) / 1e6, "federal step bottom");
        };
        check(engineSettlement());
        const double before = -chart.valuesMillions()[4] * 1e6;
        QVERIFY(before > 0.0);

        // Hovering the plan payments bar shows its amount.
        auto* split = plot->axisRects().at(1);
        const QString hover =
            chart.hoverText(pixelOf(split->axis(QCPAxis::atBottom), split->axis(QCPAxis::atLeft), 2.0,
                                    (chart.lowerMillions()[4] + chart.upperMillions()[4]) / 2));
        QVERIFY2(hover.contains(QStringLiteral("Payments, losses kept")) &&
                     hover.contains(ui::formatMillions(-before, 1)),
                 qPrintable(hover));

        // Every eligible plan gets 50 % without quality tiers: the payments and the net change.
        editScenario([](Scenario& s) {
            s.sharing.qualityScaling = QualityScaling::None;
            s.sharing.maxShare = 0.5;
        });
        check(engineSettlement());
        QVERIFY(-chart.valuesMillions()[4] * 1e6 > before);
    }

    void projectionDrawsTheAllRows()
    {
        auto plot = makePlot();
        ui::ProjectionChartController chart(doc_.get(), plot.get());
        saveForReview(plot.get(), QStringLiteral("projection"));

        auto check = [&](const Projection& p) {
            QCOMPARE(chart.years().size(), static_cast<int>(p.all.size()));
            double cumulative = 0.0;
            for (int i = 0; i < chart.years().size(); ++i) {
                const ProjectionYear& y = p.all[static_cast<std::size_t>(i)];
                cumulative += y.grossSavings;
                QCOMPARE(chart.years()[i], static_cast<double>(y.year));
                CHECK_NEAR(chart.counterfactualMillions()[i], y.counterfactualCost / 1e6,
                           "counterfactual cost");
                CHECK_NEAR(chart.projectedMillions()[i], y.projectedCost / 1e6, "projected cost");
                CHECK_NEAR(chart.cumulativeSavingsMillions()[i], cumulative / 1e6,
                           "cumulative gross savings");
            }
        };
        const Projection p = engineProjection();
        QCOMPARE(static_cast<int>(p.all.size()), doc_->scenario().projection.horizon);
        check(p);
        const double before = chart.cumulativeSavingsMillions().back();
        QVERIFY(before > 0.0);

        const QString hover = chart.hoverText(
            pixelOf(plot->xAxis, plot->yAxis, chart.years().back(), chart.projectedMillions().back()));
        QVERIFY2(hover.contains(ui::formatMillions(chart.projectedMillions().back() * 1e6, 1)),
                 qPrintable(hover));

        // A steeper utilization reduction saves more by the end of the window.
        editScenario([](Scenario& s) { s.projection.utilizationChange.defaultRate = -0.01; });
        check(engineProjection());
        QVERIFY(chart.cumulativeSavingsMillions().back() > before);
    }

    void rateImpactDrawsBothRatePaths()
    {
        auto plot = makePlot();
        ui::RateImpactChartController chart(doc_.get(), plot.get());
        saveForReview(plot.get(), QStringLiteral("rate-impact"));

        auto check = [&](const Projection& p) {
            QCOMPARE(chart.years().size(), static_cast<int>(p.all.size()));
            for (int i = 0; i < chart.years().size(); ++i) {
                const ProjectionYear& y = p.all[static_cast<std::size_t>(i)];
                QCOMPARE(chart.years()[i], static_cast<double>(y.year));
                CHECK_NEAR(chart.rebasedPmpm()[i], y.rateRebased, "rebased PMPM");
                CHECK_NEAR(chart.nonRebasedPmpm()[i], y.rateNonRebased, "non-rebased PMPM");
                CHECK_NEAR(chart.rateImpactMillions()[i], y.rateImpact / 1e6, "rate impact");
            }
        };
        auto total = [&] {
            const QVector<double>& v = chart.rateImpactMillions();
            return std::accumulate(v.begin(), v.end(), 0.0);
        };
        check(engineProjection());
        const double before = total();
        QVERIFY(before > 0.0);
        // §10: with a base year at or before Y0 (lag 2) both paths use actual experience.
        QCOMPARE(chart.rateImpactMillions().front(), 0.0);

        const QString hover = chart.hoverText(
            pixelOf(plot->xAxis, plot->yAxis, chart.years().back(), chart.nonRebasedPmpm().back()));
        QVERIFY2(hover.contains(ui::formatDollars(chart.nonRebasedPmpm().back())) &&
                     hover.contains(ui::formatMillions(chart.rateImpactMillions().back() * 1e6, 1)),
                 qPrintable(hover));

        editScenario([](Scenario& s) { s.projection.rateLag = 1; });
        check(engineProjection());
        QVERIFY(total() > before);
        QCOMPARE(chart.rateImpactMillions().front(), 0.0);
        QVERIFY(chart.rateImpactMillions()[1] > 0.0);
    }

    void qualityMarksTheGate()
    {
        auto plot = makePlot();
        ui::QualityChartController chart(doc_.get(), plot.get());
        saveForReview(plot.get(), QStringLiteral("quality"));

        auto failing = [](const Settlement& s) {
            return static_cast<int>(
                std::count_if(s.plans.begin(), s.plans.end(), [](const PlanSettlement& p) {
                    return p.quality.composite && p.quality.gateBlocks;
                }));
        };
        auto check = [&](const Settlement& s) {
            QCOMPARE(chart.plans().size(), static_cast<int>(s.plans.size()));
            int failed = 0, passed = 0;
            for (int i = 0; i < chart.plans().size(); ++i) {
                const QualityResult& q = s.plans[static_cast<std::size_t>(i)].quality;
                QCOMPARE(chart.plans()[i],
                         QString::fromStdString(s.plans[static_cast<std::size_t>(i)].planId));
                QCOMPARE(chart.failsGate()[i], q.gateBlocks);
                if (q.composite) {
                    CHECK_NEAR(chart.composites()[i], *q.composite, "composite");
                    QCOMPARE(chart.tickLabels()[i], chart.plans()[i]);
                    ++(q.gateBlocks ? failed : passed);
                } else {
                    QVERIFY(std::isnan(chart.composites()[i]));
                    QCOMPARE(chart.tickLabels()[i], chart.plans()[i] + QStringLiteral(" (NA)"));
                }
            }
            // What is drawn: one bar per plan with a composite, in the colour of its gate outcome.
            QCPBars* meets = barsNamed(plot.get(), QStringLiteral("Meets the quality gate"));
            QVERIFY(meets);
            int failingBars = 0;
            for (int b = 0; b < plot->plottableCount(); ++b)
                if (auto* bars = qobject_cast<QCPBars*>(plot->plottable(b)); bars && bars != meets)
                    failingBars += bars->dataCount();
            QCOMPARE(failingBars, failed);
            QCOMPARE(meets->dataCount(), passed);
        };
        check(engineSettlement());
        const int failingBefore = failing(engineSettlement());
        QVERIFY(failingBefore > 0);
        QCOMPARE(chart.minComposite(), 25.0); // the preset's gate
        const int first = static_cast<int>(
            std::find(chart.failsGate().begin(), chart.failsGate().end(), true) - chart.failsGate().begin());
        const QString hover = chart.hoverText(pixelOf(plot->xAxis, plot->yAxis, first + 1.0, 1.0));
        QVERIFY2(hover.startsWith(chart.plans()[first]) &&
                     hover.contains(QStringLiteral("fails the quality gate")),
                 qPrintable(hover));
        QVERIFY(!chart.tickLabelsRotated()); // 20 short ids fit 1100 pixels

        // A stricter gate: the line moves and more plans fail.
        editScenario([](Scenario& s) { s.quality.minComposite = 70.0; });
        QCOMPARE(chart.minComposite(), 70.0);
        check(engineSettlement());
        QVERIFY(failing(engineSettlement()) > failingBefore);

        // Requiring as many measures as the best-reporting plan has leaves the others NA.
        int most = 0;
        for (const PlanSettlement& p : doc_->settlement().plans)
            most = std::max(most, p.quality.reportableMeasures);
        editScenario([most](Scenario& s) { s.quality.minMeasures = most + 1; });
        check(engineSettlement());
        QVERIFY(std::all_of(chart.composites().begin(), chart.composites().end(),
                            [](double q) { return std::isnan(q); }));
        editScenario([most](Scenario& s) { s.quality.minMeasures = most; });
        check(engineSettlement());
        saveForReview(plot.get(), QStringLiteral("quality-na"));

        // In a narrow pane the plan labels turn.
        plot->resize(480, 420);
        QVERIFY(chart.tickLabelsRotated());
        saveForReview(plot.get(), QStringLiteral("quality-narrow"), plot->size());
    }

    void resetZoomRestoresTheViewAsDrawn()
    {
        editScenario([](Scenario& s) { s.corridors = {ecmCorridor(5.0)}; });
        Charts charts = makeEveryChart();
        for (std::size_t c = 0; c < charts.plots.size(); ++c) {
            QCustomPlot* plot = charts.plots[c].get();
            const QString& name = charts.names[static_cast<int>(c)];
            const QList<QPair<QCPAxis*, QCPRange>> drawn = axisRanges(plot);
            // As drawn, the chart shows every bar whole.
            const QString cutAsDrawn = cutBar(plot);
            QVERIFY2(cutAsDrawn.isEmpty(), qPrintable(name + QStringLiteral(" as drawn: ") + cutAsDrawn));
            zoomIn(plot);
            if (name != QStringLiteral("corridor")) // (a curve and markers, no bars)
                QVERIFY2(!cutBar(plot).isEmpty(),
                         qPrintable(name + QStringLiteral(": the zoom cuts no bar")));
            QVERIFY2(chooseFromChartMenu(plot, QStringLiteral("Reset zoom")), qPrintable(name));
            // Every axis is back where it was drawn, padding included, and no bar is cut.
            const QList<QPair<QCPAxis*, QCPRange>> reset = axisRanges(plot);
            QCOMPARE(reset.size(), drawn.size());
            for (int i = 0; i < drawn.size(); ++i) {
                QVERIFY(reset[i].first == drawn[i].first);
                QVERIFY2(reset[i].second == drawn[i].second,
                         qPrintable(QStringLiteral("%1, axis %2 (%3): reset to %4, drawn %5")
                                        .arg(name)
                                        .arg(i)
                                        .arg(drawn[i].first->label(), spell(reset[i].second),
                                             spell(drawn[i].second))));
            }
            saveForReview(plot, name + QStringLiteral("-after-reset"));
            const QString cutAfterReset = cutBar(plot);
            QVERIFY2(cutAfterReset.isEmpty(),
                     qPrintable(name + QStringLiteral(" after reset: ") + cutAfterReset));
        }
    }

    void aPngExportIsTheWholeChartWhateverTheZoom()
    {
        editScenario([](Scenario& s) { s.corridors = {ecmCorridor(5.0)}; });
        Charts charts = makeEveryChart();
        const QString stem = dir_.filePath(QStringLiteral("zoom-"));
        for (std::size_t c = 0; c < charts.plots.size(); ++c) {
            QCustomPlot* plot = charts.plots[c].get();
            const QString& name = charts.names[static_cast<int>(c)];
            const QString asDrawn = stem + name + QStringLiteral("-as-drawn.png");
            const QString zoomedPath = stem + name + QStringLiteral("-zoomed.png");
            QVERIFY(ui::exportChart(plot, asDrawn));
            zoomIn(plot);
            const QList<QPair<QCPAxis*, QCPRange>> zoomed = axisRanges(plot);
            QVERIFY(ui::exportChart(plot, zoomedPath));
            if (const QString review = qEnvironmentVariable("SHARECAST_CHART_REVIEW_DIR"); !review.isEmpty())
                QFile::copy(zoomedPath, review + u'/' + name + QStringLiteral("-export-while-zoomed.png"));
            // The export is the chart as drawn (every bar whole, checked above), pixel for pixel...
            const QImage expected(asDrawn), actual(zoomedPath);
            QVERIFY(!expected.isNull() && !actual.isNull());
            QCOMPARE(actual.size(), QSize(2 * plot->width(), 2 * plot->height()));
            QVERIFY2(actual == expected,
                     qPrintable(name + QStringLiteral(": the export shows the zoomed view")));
            // ...and the view on screen keeps its zoom.
            const QList<QPair<QCPAxis*, QCPRange>> after = axisRanges(plot);
            for (int i = 0; i < zoomed.size(); ++i)
                QVERIFY2(after[i].second == zoomed[i].second, qPrintable(name));
        }
    }

    void qualityNamesTheGateEachPlanFails()
    {
        auto plot = makePlot();
        ui::QualityChartController chart(doc_.get(), plot.get());
        saveForReview(plot.get(), QStringLiteral("quality-gates"));
        const double minimum = doc_->scenario().quality.minComposite;
        QCOMPARE(minimum, 25.0);

        // The sample's two plans above the line that fail the gate: P06 (composite 75.8) has CBP
        // below its minimum performance level, and P13 (82.3) reports no W30-6 rate, which the
        // gate needs. Their colour (legend) and hover say so.
        auto barsOf = [&](const QString& plan) {
            return barsAt(plot.get(), chart.plans().indexOf(plan) + 1.0);
        };
        // The text over the bar at key, shown or not (the chart hides what does not fit), and
        // the text shown over a plan's bar (empty if none).
        auto labelAt = [&](double key, bool shownOnly) {
            for (int i = 0; i < plot->itemCount(); ++i)
                if (auto* text = qobject_cast<QCPItemText*>(plot->item(i));
                    text && (text->visible() || !shownOnly) && text->position->coords().x() == key)
                    return text->text();
            return QString();
        };
        auto measureLabelOver = [&](const QString& plan) {
            return labelAt(chart.plans().indexOf(plan) + 1.0, true);
        };
        auto hoverOf = [&](const QString& plan) {
            const int i = static_cast<int>(chart.plans().indexOf(plan));
            return chart.hoverText(pixelOf(plot->xAxis, plot->yAxis, i + 1.0, chart.composites()[i] / 2.0));
        };
        QCOMPARE(ui::formatNumber(chart.composites()[static_cast<int>(chart.plans().indexOf("P06"))], 1),
                 QStringLiteral("75.8"));
        QVERIFY(barsOf(QStringLiteral("P06")));
        QCOMPARE(barsOf(QStringLiteral("P06"))->name(), QStringLiteral("Misses a measure minimum"));
        QCOMPARE(measureLabelOver(QStringLiteral("P06")), QStringLiteral("CBP"));
        QVERIFY2(hoverOf(QStringLiteral("P06"))
                     .contains(QStringLiteral(
                         "fails the quality gate: CBP rate 59.51 % below its minimum 61.00 %")),
                 qPrintable(hoverOf(QStringLiteral("P06"))));
        QCOMPARE(ui::formatNumber(chart.composites()[static_cast<int>(chart.plans().indexOf("P13"))], 1),
                 QStringLiteral("82.3"));
        QVERIFY(barsOf(QStringLiteral("P13")));
        QCOMPARE(barsOf(QStringLiteral("P13"))->name(), QStringLiteral("Gated measure not reported"));
        QCOMPARE(measureLabelOver(QStringLiteral("P13")), QStringLiteral("no W30-6"));
        QVERIFY2(hoverOf(QStringLiteral("P13"))
                     .contains(QStringLiteral("fails the quality gate: W30-6 not reported")),
                 qPrintable(hoverOf(QStringLiteral("P13"))));
        // P08 meets the quality gate but the appropriateness guardrail makes it ineligible: the
        // hover says so.
        QVERIFY2(hoverOf(QStringLiteral("P08")).contains(QStringLiteral("meets the quality gate")) &&
                     hoverOf(QStringLiteral("P08"))
                         .contains(QStringLiteral("not eligible: the appropriateness guardrail tripped")),
                 qPrintable(hoverOf(QStringLiteral("P08"))));
        // The line is the minimum composite, one of the gate's tests, and says no more.
        QCOMPARE(plot->graph(0)->name(), QStringLiteral("Minimum composite 25.0"));

        // Every plan against the engine's gate outcomes.
        const Settlement s = engineSettlement();
        int failingAboveTheLine = 0;
        for (std::size_t i = 0; i < s.plans.size(); ++i) {
            const PlanSettlement& p = s.plans[i];
            const QualityResult& q = p.quality;
            if (!q.composite)
                continue;
            const QString plan = QString::fromStdString(p.planId);
            const double key = static_cast<double>(i + 1);
            QCPBars* bars = barsAt(plot.get(), key);
            QVERIFY2(bars, qPrintable(plan));
            const QString hover = chart.hoverText(pixelOf(plot->xAxis, plot->yAxis, key, *q.composite / 2.0));
            QVERIFY2(hover.startsWith(plan), qPrintable(hover));
            QStringList below, unreported;
            for (const MeasureScore& m : q.measures)
                if (!m.gatePassed)
                    (m.reportable ? below : unreported) << QString::fromStdString(m.id);
            const QString what = plan + QStringLiteral(": legend '") + bars->name() +
                                 QStringLiteral("', hover '") + hover + u'\'';
            if (!q.gateBlocks) {
                QVERIFY2(bars->name() == QStringLiteral("Meets the quality gate"), qPrintable(what));
                QVERIFY2(hover.contains(QStringLiteral("meets the quality gate")), qPrintable(what));
                continue;
            }
            if (*q.composite < minimum) {
                QVERIFY2(bars->name() == QStringLiteral("Below the minimum composite"), qPrintable(what));
                QVERIFY2(hover.contains(QStringLiteral("composite below the minimum 25.0")),
                         qPrintable(what));
                continue;
            }
            // Above the line but failing: the colour and the hover name the measures that fail.
            ++failingAboveTheLine;
            QVERIFY2(!bars->name().contains(QStringLiteral("composite")), qPrintable(what));
            QVERIFY2(!hover.contains(QStringLiteral("composite below")), qPrintable(what));
            if (!below.isEmpty())
                QVERIFY2(bars->name() == QStringLiteral("Misses a measure minimum"), qPrintable(what));
            else
                QVERIFY2(bars->name() == QStringLiteral("Gated measure not reported"), qPrintable(what));
            QStringList lines = below;
            for (const QString& id : unreported)
                lines << QStringLiteral("no ") + id;
            QCOMPARE(labelAt(key, false), lines.join(u'\n'));
            for (const QString& id : below)
                QVERIFY2(hover.contains(id + QStringLiteral(" rate ")) &&
                             hover.contains(QStringLiteral("below its minimum")),
                         qPrintable(what));
            for (const QString& id : unreported)
                QVERIFY2(hover.contains(id + QStringLiteral(" not reported")), qPrintable(what));
        }
        QVERIFY(failingAboveTheLine >= 2);
    }

    //! Regional rates: no bars and a notice without regional_rates; with them, each county's and
    //! plan's change in dollars as the engine computes it on its own projection, largest gain
    //! first, every region's changes summing to 0 (budget neutral) and a county in no region at 0.
    void regionalRatesShowWinnersAndLosers()
    {
        auto plot = makePlot();
        ui::RegionalRatesChartController chart(doc_.get(), plot.get());
        QVERIFY(!chart.configured());
        QVERIFY(chart.noticeText().startsWith(QStringLiteral("No regional rates in this scenario")));
        QVERIFY(chart.counties().isEmpty() && chart.plans().isEmpty());
        saveForReview(plot.get(), QStringLiteral("regional-rates-none"));

        const std::vector<std::string> bay = {"Alameda", "Santa Clara", "Bay Area Region"};
        const std::vector<std::string> south = {"Los Angeles", "Orange",         "San Diego",
                                                "Riverside",   "San Bernardino", "Imperial"};
        editScenario([&](Scenario& s) {
            s.regionalRates =
                RegionalRatesSpec{{{"Bay", bay}, {"South", south}}, 0.6, {{"Alameda", 1.03}}, true};
        });
        saveForReview(plot.get(), QStringLiteral("regional-rates"));
        QVERIFY(chart.configured());
        QVERIFY(chart.noticeText().isEmpty());

        ProjectionOptions o;
        o.trace = true;
        const Projection pr = project(doc_->index(), doc_->quality(), doc_->scenario(), o);
        const RegionalRates engine =
            computeRegionalRates(RegionalRatesInput{&*doc_->scenario().regionalRates, paidRates(pr)});
        std::map<QString, double> byCounty, byPlan;
        for (const RegionalRateRow& r : engine.rows) {
            byCounty[QString::fromStdString(r.old.county)] += r.changeDollars;
            byPlan[QString::fromStdString(r.old.planId)] += r.changeDollars;
        }
        QCOMPARE(chart.counties().size(), static_cast<qsizetype>(byCounty.size()));
        QCOMPARE(chart.plans().size(), static_cast<qsizetype>(byPlan.size()));
        double baySum = 0.0, southSum = 0.0, bayMoved = 0.0;
        for (int i = 0; i < chart.counties().size(); ++i) {
            const QString& c = chart.counties()[i];
            QVERIFY2(std::fabs(chart.countyChange()[i] - byCounty.at(c)) <= 1e-6, qPrintable(c));
            if (i > 0)
                QVERIFY(chart.countyChange()[i - 1] >= chart.countyChange()[i]); // largest gain first
            const std::string name = c.toStdString();
            if (std::find(bay.begin(), bay.end(), name) != bay.end()) {
                baySum += chart.countyChange()[i];
                bayMoved += std::fabs(chart.countyChange()[i]);
            } else if (std::find(south.begin(), south.end(), name) != south.end()) {
                southSum += chart.countyChange()[i];
            } else {
                QCOMPARE(chart.countyChange()[i], 0.0); // in no region: its own rate
            }
        }
        QVERIFY(bayMoved > 1e5); // the Bay counties' rates moved
        QVERIFY2(std::fabs(baySum) < 1e-3 * bayMoved, qPrintable(QString::number(baySum)));
        QVERIFY2(std::fabs(southSum) < 1e-3 * bayMoved, qPrintable(QString::number(southSum)));
        for (int i = 0; i < chart.plans().size(); ++i)
            QVERIFY(std::fabs(chart.planChange()[i] - byPlan.at(chart.plans()[i])) <= 1e-6);
        // Hovering the first county's bar names it.
        QCPAxisRect* top = plot->axisRect(0);
        const QPoint at = pixelOf(top->axis(QCPAxis::atBottom), top->axis(QCPAxis::atLeft), 1.0,
                                  chart.countyChange()[0] / 2e6);
        QVERIFY2(chart.hoverText(at).startsWith(chart.counties()[0]), qPrintable(chart.hoverText(at)));

        // Back to none.
        editScenario([](Scenario& s) { s.regionalRates.reset(); });
        QVERIFY(!chart.configured());
        QVERIFY(chart.counties().isEmpty());
    }

    void corridorDrawsTheCurveAndThePlans()
    {
        auto plot = makePlot();
        ui::CorridorChartController chart(doc_.get(), plot.get());
        QVERIFY(!chart.hasCorridor());
        QCOMPARE(chart.noticeText(), QStringLiteral("No risk corridor in this scenario"));
        QVERIFY(chart.curveRatios().isEmpty() && chart.planIds().isEmpty());
        saveForReview(plot.get(), QStringLiteral("corridor-none"));

        // A unit PMPM target gives each plan's ECM PMPM as its A / T; aim the target at their median.
        editScenario([](Scenario& s) { s.corridors = {ecmCorridor(1.0)}; });
        std::vector<double> pmpm;
        for (const PlanSettlement& p : doc_->settlement().plans)
            if (!p.corridors.empty() && p.corridors.front().target > 0.0 && p.corridors.front().actual > 0.0)
                pmpm.push_back(p.corridors.front().actual / p.corridors.front().target);
        QVERIFY(pmpm.size() > 2);
        std::nth_element(pmpm.begin(), pmpm.begin() + static_cast<std::ptrdiff_t>(pmpm.size() / 2),
                         pmpm.end());
        const double target = pmpm[pmpm.size() / 2];
        editScenario([target](Scenario& s) { s.corridors = {ecmCorridor(target)}; });
        saveForReview(plot.get(), QStringLiteral("corridor"));

        auto check = [&](const Settlement& s) {
            QVERIFY(chart.hasCorridor());
            QVERIFY(chart.noticeText().isEmpty());
            QVERIFY(chart.curveRatios().size() > 100);
            QVERIFY(chart.curveRatios().front() <= 0.8 && chart.curveRatios().back() >= 1.2);
            for (int i = 0; i < chart.curveRatios().size(); ++i)
                CHECK_NEAR(chart.curvePercents()[i], handCorridorPercent(chart.curveRatios()[i]),
                           "corridor curve");
            // The bends are drawn: at A / T = 1.05 the state pays 0.5 · 3 % = 1.5 % of the target.
            const auto bend = std::find(chart.curveRatios().begin(), chart.curveRatios().end(), 1.0 + 0.05);
            QVERIFY(bend != chart.curveRatios().end());
            CHECK_NEAR(chart.curvePercents()[static_cast<int>(bend - chart.curveRatios().begin())], 1.5,
                       "bend");
            int k = 0;
            for (const PlanSettlement& p : s.plans) {
                const CorridorResult& r = p.corridors.front();
                if (!(r.target > 0.0))
                    continue;
                QCOMPARE(chart.planIds()[k], QString::fromStdString(p.planId));
                CHECK_NEAR(chart.planRatios()[k], 1.0 + r.deviation, "plan A / T");
                CHECK_NEAR(chart.planPercents()[k], 100.0 * r.settlement / r.target, "plan settlement %");
                CHECK_NEAR(chart.planPercents()[k], handCorridorPercent(r.actual / r.target),
                           "plan on the curve");
                ++k;
            }
            QCOMPARE(k, chart.planIds().size());
        };
        check(engineSettlement());
        const QVector<double> ratiosBefore = chart.planRatios();

        const QString hover = chart.hoverText(
            pixelOf(plot->xAxis, plot->yAxis, chart.planRatios().front(), chart.planPercents().front()));
        QVERIFY2(hover.startsWith(chart.planIds().front()), qPrintable(hover));

        // A target 10 % higher lowers every plan's A / T by a factor of 1.1.
        editScenario([target](Scenario& s) { s.corridors = {ecmCorridor(1.1 * target)}; });
        check(engineSettlement());
        for (int i = 0; i < ratiosBefore.size(); ++i)
            QVERIFY(std::fabs(chart.planRatios()[i] * 1.1 - ratiosBefore[i]) < 1e-9);
    }

    void chartsExportAsPngSvgAndPdf()
    {
        editScenario([](Scenario& s) { s.corridors = {ecmCorridor(5.0)}; });
        const QString stem = dir_.filePath(QStringLiteral("export-"));
        // drawn: a text the chart draws, which the SVG (text kept as text) must contain.
        auto exportAll = [&](QCustomPlot* plot, const QString& name, const QString& drawn) {
            for (const QString& suffix :
                 {QStringLiteral(".png"), QStringLiteral(".svg"), QStringLiteral(".pdf")}) {
                const QString path = stem + name + suffix;
                QVERIFY2(ui::exportChart(plot, path), qPrintable(path));
                QVERIFY2(QFileInfo(path).size() > 1000, qPrintable(path));
            }
            QFile file(stem + name + QStringLiteral(".svg"));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString svg = QString::fromUtf8(file.readAll());
            QVERIFY2(svg.startsWith(QStringLiteral("<?xml")) && svg.contains(QStringLiteral("<svg")) &&
                         svg.trimmed().endsWith(QStringLiteral("</svg>")),
                     qPrintable(name));
            const QString viewBox =
                QStringLiteral("viewBox=\"0 0 %1 %2\"").arg(plot->width()).arg(plot->height());
            QVERIFY2(svg.contains(viewBox), qPrintable(name));
            QVERIFY2(svg.contains(QStringLiteral(">%1</text>").arg(drawn.toHtmlEscaped())),
                     qPrintable(name + QStringLiteral(": no text ") + drawn));
        };
        std::vector<std::unique_ptr<QCustomPlot>> plots;
        for (int i = 0; i < 5; ++i)
            plots.push_back(makePlot());
        ui::WaterfallChartController waterfall(doc_.get(), plots[0].get());
        ui::ProjectionChartController projection(doc_.get(), plots[1].get());
        ui::RateImpactChartController rates(doc_.get(), plots[2].get());
        ui::QualityChartController quality(doc_.get(), plots[3].get());
        ui::CorridorChartController corridor(doc_.get(), plots[4].get());
        exportAll(plots[0].get(), QStringLiteral("waterfall"), QStringLiteral("$ millions"));
        exportAll(plots[1].get(), QStringLiteral("projection"), QStringLiteral("Projection year"));
        exportAll(plots[2].get(), QStringLiteral("rate-impact"),
                  QStringLiteral("Statewide gross rate, $ PMPM"));
        exportAll(plots[3].get(), QStringLiteral("quality"), QStringLiteral("Composite score (0–100)"));
        exportAll(plots[4].get(), QStringLiteral("corridor"),
                  QStringLiteral("Cost ratio A / T (actual over target cost)"));
        // The waterfall's cost bars stay inside the cost panel, whose axis does not start at 0, so
        // its SVG needs no widening: the axis keeps its range and its label. Zooming out to 0
        // draws the bars from 0 again.
        {
            QCustomPlot* plot = plots[0].get();
            for (int i = 0; i < plot->plottableCount(); ++i) {
                QCPAbstractPlottable* p = plot->plottable(i);
                bool found = false;
                const QCPRange values = p->getValueRange(found);
                if (found)
                    QVERIFY2(p->valueAxis()->range().contains(values.lower) &&
                                 p->valueAxis()->range().contains(values.upper),
                             qPrintable(p->name()));
            }
            QCPAxis* cost = plot->plottable(0)->valueAxis();
            QVERIFY(cost->range().lower > 0.0);
            QVERIFY(cost->label().contains(QStringLiteral("does not start at 0")));
            const QCPRange before = cost->range();
            QVERIFY(ui::exportChart(plot, stem + QStringLiteral("waterfall-again.svg")));
            QCOMPARE(cost->range().lower, before.lower);
            QCOMPARE(cost->range().upper, before.upper);
            cost->setRange(0.0, before.upper);
            bool found = false;
            QCOMPARE(plot->plottable(0)->getValueRange(found).lower, 0.0);
            cost->setRange(before);
        }
        // A zoomed chart: the SVG (which cannot clip) shows the whole chart, last year included,
        // and the view keeps its zoom.
        {
            QCustomPlot* plot = plots[1].get();
            const QCPRange full = plot->xAxis->range();
            const QCPRange zoomed(full.lower, full.lower + full.size() / 4.0);
            plot->xAxis->setRange(zoomed);
            plot->replot();
            const QString path = stem + QStringLiteral("projection-zoomed.svg");
            QVERIFY(ui::exportChart(plot, path));
            QCOMPARE(plot->xAxis->range().lower, zoomed.lower);
            QCOMPARE(plot->xAxis->range().upper, zoomed.upper);
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString svg = QString::fromUtf8(file.readAll());
            const QString lastYear = QString::number(doc_->projection().all.back().year);
            QVERIFY2(svg.contains(QStringLiteral(">%1</text>").arg(lastYear)), qPrintable(lastYear));
        }
        // A narrow pane (the main window's chart dock at 1366×768 may be this small).
        const QStringList names{"waterfall", "projection", "rate-impact", "quality", "corridor"};
        for (int i = 0; i < 5; ++i) {
            plots[static_cast<std::size_t>(i)]->resize(560, 380);
            plots[static_cast<std::size_t>(i)]->replot();
            saveForReview(plots[static_cast<std::size_t>(i)].get(), names[i] + QStringLiteral("-narrow"),
                          QSize(560, 380));
        }
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
