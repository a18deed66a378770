#include "ui/report/report_charts.h"

#include "ui/charts/funding_flow_chart.h"
#include "ui/charts/rebasing_chart.h"
#include "ui/charts/regional_rates_chart.h"
#include "ui/charts/savings_chart.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"
#include "ui/report/report_layout.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui::report {

namespace {

// Plots are laid out at 96 units an inch; a font of p points is p · 96 / 72 units high.
constexpr double kUnitsPerInch = 96.0;

QFont inPixels(QFont f, double grow = 1.0)
{
    if (f.pixelSize() > 0)
        return f;
    const double pt = f.pointSizeF() > 0 ? f.pointSizeF() : 9.0;
    QFont g = PageFlow::font(pt, f.bold());
    g.setPixelSize(std::max(1, static_cast<int>(std::lround(pt * grow * kUnitsPerInch / 72.0))));
    return g;
}

//! Report fonts in pixel sizes on every text of the plot; no interaction, white background.
void styleForPaper(QCustomPlot* plot)
{
    plot->setInteractions(QCP::Interactions());
    plot->setFont(inPixels(plot->font()));
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes()) {
            axis->setTickLabelFont(inPixels(axis->tickLabelFont()));
            axis->setLabelFont(inPixels(axis->labelFont()));
            axis->setSelectedTickLabelFont(inPixels(axis->selectedTickLabelFont()));
            axis->setSelectedLabelFont(inPixels(axis->selectedLabelFont()));
            axis->setTickLabelColor(palette::kText);
            axis->setLabelColor(palette::kText);
        }
    plot->legend->setFont(inPixels(plot->legend->font()));
    plot->legend->setSelectedFont(inPixels(plot->legend->selectedFont()));
    for (QCPLayoutElement* e : plot->plotLayout()->elements(true)) {
        if (auto* text = qobject_cast<QCPTextElement*>(e)) {
            text->setFont(inPixels(text->font()));
            text->setSelectedFont(inPixels(text->selectedFont()));
        } else if (auto* item = qobject_cast<QCPAbstractLegendItem*>(e)) {
            item->setFont(inPixels(item->font()));
            item->setSelectedFont(inPixels(item->selectedFont()));
        }
    }
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (QCPAbstractLegendItem* item = plot->legend->item(i)) {
            item->setFont(inPixels(item->font()));
            item->setSelectedFont(inPixels(item->selectedFont()));
        }
    plot->setBackground(Qt::white);
}

//! Paper layout: no title inside the plot (the report's caption names it) and the legend in one
//! centred row above the axis rect, off the data.
void arrangeForPaper(QCustomPlot* plot)
{
    QCPLayoutGrid* layout = plot->plotLayout();
    for (QCPLayoutElement* e : layout->elements(false))
        if (qobject_cast<QCPTextElement*>(e))
            layout->remove(e);
    layout->simplify();
    QCPAxisRect* rect = plot->axisRect();
    if (rect->insetLayout()->elements(false).contains(plot->legend)) {
        rect->insetLayout()->take(plot->legend);
        layout->insertRow(0);
        auto* legendRow = new QCPLayoutGrid;
        layout->addElement(0, 0, legendRow);
        legendRow->addElement(0, 0, new QCPLayoutElement(plot));
        legendRow->addElement(0, 1, plot->legend);
        legendRow->addElement(0, 2, new QCPLayoutElement(plot));
        legendRow->setColumnStretchFactors({1.0, 0.001, 1.0});
        layout->setRowStretchFactor(0, 0.001);
    }
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
}

std::unique_ptr<QCustomPlot> makePlot()
{
    auto plot = std::make_unique<QCustomPlot>();
    plot->setAttribute(Qt::WA_DontShowOnScreen);
    plot->resize(672, 300);
    return plot;
}

//! The report's fonts on a plot built here (the workbench's controllers set their own).
void reportFonts(QCustomPlot* plot)
{
    plot->setFont(PageFlow::font(8));
    plot->legend->setFont(PageFlow::font(8));
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        axis->setTickLabelFont(PageFlow::font(8));
        axis->setLabelFont(PageFlow::font(8.5));
    }
}

//! A colour made translucent for fills.
QColor translucent(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

//! Tick labels in dollars of a unit: "$62,712", "−$1.5".
class DollarTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int precision) override
    {
        const QString digits = formatNumber(std::fabs(tick) < 1e-9 ? 0.0 : tick, precision);
        return digits.startsWith(QStringLiteral("−")) ? QStringLiteral("−$") + digits.mid(1)
                                                      : QStringLiteral("$") + digits;
    }
};

} // namespace

std::unique_ptr<QCustomPlot> chanceIntervalPlot(const std::vector<ChanceInterval>& plans,
                                                const QString& confidence)
{
    auto plot = makePlot();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    struct Series {
        QCPGraph* graph;
        QCPErrorBars* bars;
        QVector<double> x, y, minus, plus;
    };
    auto series = [&](const QString& name, const QColor& colour) {
        QCPGraph* g = plot->addGraph();
        g->setName(name);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 6));
        g->setPen(QPen(colour, 1.4));
        auto* bars = new QCPErrorBars(plot->xAxis, plot->yAxis);
        bars->setDataPlottable(g);
        bars->setPen(QPen(colour, 1.4));
        bars->setWhiskerWidth(6);
        bars->removeFromLegend();
        return Series{g, bars, {}, {}, {}, {}};
    };
    Series clear =
        series(QStringLiteral("Savings rate and its %1 interval").arg(confidence), palette::kAccent);
    Series within =
        series(QStringLiteral("… interval contains the MSR (within chance)"), palette::kOrange.darker(130));
    QCPGraph* msr = plot->addGraph();
    msr->setName(QStringLiteral("MSR"));
    msr->setLineStyle(QCPGraph::lsNone);
    QPainterPath dash;
    dash.moveTo(-1.0, 0.0);
    dash.lineTo(1.0, 0.0);
    msr->setScatterStyle(QCPScatterStyle(dash, QPen(palette::kText, 2.0), Qt::NoBrush, 16));
    msr->setPen(QPen(palette::kText, 2.0));
    QVector<double> mx, my;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const ChanceInterval& p = plans[i];
        const double x = static_cast<double>(i + 1);
        ticker->addTick(x, p.plan);
        if (!p.shown)
            continue;
        Series& s = p.straddles ? within : clear;
        s.x << x;
        s.y << 100.0 * p.rate;
        s.minus << 100.0 * (p.rate - p.low);
        s.plus << 100.0 * (p.high - p.rate);
        mx << x;
        my << 100.0 * p.msr;
    }
    for (Series* s : {&clear, &within}) {
        s->graph->setData(s->x, s->y, true);
        s->bars->setData(s->minus, s->plus);
    }
    msr->setData(mx, my, true);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, static_cast<double>(plans.size()) + 0.6);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->setLabel(QStringLiteral("Savings rate (%)"));
    plot->yAxis->grid()->setZeroLinePen(QPen(palette::kMuted, 1.0));
    plot->yAxis->rescale(true);
    const QCPRange range = plot->yAxis->range();
    const double pad = 0.08 * std::max(range.size(), 1e-9);
    plot->yAxis->setRange(std::min(0.0, range.lower) - pad, std::max(0.0, range.upper) + pad);
    plot->legend->setVisible(true);
    reportFonts(plot.get());
    arrangeForPaper(plot.get());
    styleForPaper(plot.get());
    return plot;
}

std::unique_ptr<QCustomPlot> chancePaymentPlot(const std::vector<double>& byChance,
                                               const std::vector<double>& around, double paid)
{
    auto plot = makePlot();
    double lo = paid, hi = paid;
    for (const std::vector<double>* v : {&byChance, &around})
        for (double x : *v) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    constexpr int kBins = 60;
    const double width = std::max(hi - lo, 1.0) / kBins;
    auto histogram = [&](const std::vector<double>& values, const QString& name, const QColor& colour) {
        QVector<double> x(kBins), y(kBins, 0.0);
        for (int i = 0; i < kBins; ++i)
            x[i] = (lo + (i + 0.5) * width) / 1e6;
        for (double v : values)
            y[std::clamp(static_cast<int>((v - lo) / width), 0, kBins - 1)] += 1.0;
        for (double& c : y)
            c *= values.empty() ? 0.0 : 100.0 / static_cast<double>(values.size());
        QCPGraph* g = plot->addGraph();
        g->setName(name);
        g->setLineStyle(QCPGraph::lsStepCenter);
        g->setPen(QPen(colour, 1.2));
        g->setBrush(translucent(colour, 80));
        g->setData(x, y, true);
    };
    histogram(byChance, QStringLiteral("By chance (no true savings)"), palette::kMuted);
    histogram(around, QStringLiteral("Around this year’s results"), palette::kAccent);
    QCPGraph* key = plot->addGraph(); // the legend entry of the line below
    key->setName(QStringLiteral("Paid this year"));
    key->setPen(QPen(palette::kError, 1.6, Qt::DashLine));
    auto* line = new QCPItemStraightLine(plot.get());
    line->setPen(key->pen());
    line->point1->setCoords(paid / 1e6, 0.0);
    line->point2->setCoords(paid / 1e6, 1.0);
    plot->xAxis->setLabel(QStringLiteral("Statewide plan payments for the year ($ millions)"));
    plot->yAxis->setLabel(QStringLiteral("Share of draws (%)"));
    plot->xAxis->setRange((lo - width) / 1e6, (hi + width) / 1e6);
    plot->yAxis->rescale(true);
    plot->yAxis->setRange(0.0, plot->yAxis->range().upper * 1.08);
    plot->legend->setVisible(true);
    reportFonts(plot.get());
    arrangeForPaper(plot.get());
    styleForPaper(plot.get());
    return plot;
}

std::unique_ptr<QCustomPlot> tornadoPlot(const std::vector<TornadoBar>& bars, double base,
                                         const QString& metric)
{
    auto plot = makePlot();
    plot->resize(672, std::max(200, 60 + 22 * static_cast<int>(bars.size())));
    double span = 0.0;
    for (const TornadoBar& b : bars)
        span = std::max({span, std::fabs(b.atLow - base), std::fabs(b.atHigh - base)});
    // $ millions unless every bar is shorter than half a million: then $ thousands.
    const bool inMillions = span >= 5e5 || std::fabs(base) >= 1e8;
    const double unit = inMillions ? 1e6 : 1e3;
    const QString unitName = inMillions ? QStringLiteral("$ millions") : QStringLiteral("$ thousands");
    const QColor lowColour = palette::kOrange.darker(115), highColour = palette::kAccent;

    // Each end is a bar from the base; where both ends lie on the same side, the shorter is drawn
    // over the longer so that both stay visible.
    auto series = [&](const QString& name, const QColor& colour, bool inLegend) {
        auto* s = new QCPBars(plot->yAxis, plot->xAxis);
        s->setName(name);
        s->setPen(QPen(colour.darker(120), 0.8));
        s->setBrush(colour);
        s->setWidth(0.62);
        s->setBaseValue(base / unit);
        if (!inLegend)
            s->removeFromLegend();
        return s;
    };
    QCPBars* lowBack = series(QStringLiteral("Assumption at its low value"), lowColour, true);
    QCPBars* highBack = series(QStringLiteral("Assumption at its high value"), highColour, true);
    QCPBars* lowFront = series(QString(), lowColour, false);
    QCPBars* highFront = series(QString(), highColour, false);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const double n = static_cast<double>(bars.size());
    double lo = base, hi = base;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const TornadoBar& b = bars[i];
        const double y = n - static_cast<double>(i); // the first bar at the top
        ticker->addTick(y, b.label);
        const double dl = b.atLow - base, dh = b.atHigh - base;
        const bool sameSide = dl * dh > 0.0;
        const bool lowShorter = std::fabs(dl) < std::fabs(dh);
        // A bar's value is its length from the base value.
        ((sameSide && lowShorter) ? lowFront : lowBack)->addData(y, dl / unit);
        ((sameSide && !lowShorter) ? highFront : highBack)->addData(y, dh / unit);
        lo = std::min({lo, b.atLow, b.atHigh});
        hi = std::max({hi, b.atLow, b.atHigh});
        // The value of the assumption at each end, beside the end of its bar.
        auto label = [&](double at, const QString& text, const QColor& colour, double offset) {
            auto* t = new QCPItemText(plot.get());
            t->position->setCoords(at / unit, y + offset);
            const bool right = at >= base;
            t->setPositionAlignment((right ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
            t->setPadding(QMargins(right ? 3 : 0, 0, right ? 0 : 3, 0));
            t->setText(text);
            t->setColor(colour.darker(130));
            t->setFont(inPixels(PageFlow::font(6.5)));
            t->setClipToAxisRect(false);
        };
        if (dl == 0.0 && dh == 0.0) { // no bar: say so beside the base line
            label(base, QStringLiteral("no change from %1 to %2").arg(b.lowText, b.highText), palette::kMuted,
                  0.0);
            continue;
        }
        // Both ends on one side: the labels one above the other.
        label(b.atLow, b.lowText, lowColour, sameSide ? 0.17 : 0.0);
        label(b.atHigh, b.highText, highColour, sameSide ? -0.17 : 0.0);
    }
    QCPGraph* key = plot->addGraph(); // the legend entry of the base line
    key->setName(QStringLiteral("Scenario as it stands"));
    key->setPen(QPen(palette::kText, 1.2, Qt::DashLine));
    auto* line = new QCPItemStraightLine(plot.get());
    line->setPen(key->pen());
    line->point1->setCoords(base / unit, 0.0);
    line->point2->setCoords(base / unit, 1.0);

    plot->yAxis->setTicker(ticker);
    plot->yAxis->setRange(0.4, n + 0.6);
    plot->yAxis->grid()->setVisible(false);
    plot->yAxis->setTickLength(0, 0);
    plot->yAxis->setSubTickLength(0, 0);
    // Room on both sides for the value labels.
    const double pad = std::max(0.22 * (hi - lo), 1.0);
    plot->xAxis->setRange((lo - pad) / unit, (hi + pad) / unit);
    plot->xAxis->setLabel(QStringLiteral("%1 (%2)").arg(metric, unitName));
    plot->xAxis->setTicker(QSharedPointer<DollarTicker>::create());
    plot->xAxis->setNumberFormat(QStringLiteral("f"));
    plot->xAxis->setNumberPrecision(plot->xAxis->range().size() < 5.0 ? 1 : 0);
    plot->legend->setVisible(true);
    reportFonts(plot.get());
    plot->yAxis->setTickLabelFont(PageFlow::font(7.5));
    arrangeForPaper(plot.get());
    styleForPaper(plot.get());
    return plot;
}

ReportCharts::ReportCharts(ProjectDocument* document, const QSet<QString>& suppressed)
    : savingsPlot_(makePlot()), rebasingPlot_(makePlot())
{
    // Plans by name down the side, so that twenty names read across the page.
    savingsController_ =
        std::make_unique<SavingsChartController>(document, savingsPlot_.get(), nullptr, Qt::Horizontal);
    rebasingController_ = std::make_unique<RebasingChartController>(document, rebasingPlot_.get());

    // Public mode: no bars for plans with fewer than 11 members (their tick label stays).
    if (!suppressed.isEmpty()) {
        int x = 0;
        for (const PlanSettlement& p : document->settlement().plans) {
            ++x;
            if (!suppressed.contains(QString::fromStdString(p.planId)))
                continue;
            for (int i = 0; i < savingsPlot_->plottableCount(); ++i)
                if (auto* bars = qobject_cast<QCPBars*>(savingsPlot_->plottable(i)))
                    bars->data()->remove(x - 0.45, x + 0.45);
        }
    }
    // With the legend above the plot the bars need no headroom for it.
    savingsPlot_->xAxis->rescale();
    const QCPRange range = savingsPlot_->xAxis->range();
    const double pad = 0.06 * std::max(range.size(), 1e-9);
    savingsPlot_->xAxis->setRange(std::min(0.0, range.lower) - pad, std::max(0.0, range.upper) + pad);
    arrangeForPaper(savingsPlot_.get());
    // Half a page wide each, side by side on the summary: smaller type, one legend entry a line.
    for (QCustomPlot* plot : {savingsPlot_.get(), rebasingPlot_.get()}) {
        plot->legend->setFont(PageFlow::font(7));
        for (QCPAxis* axis : plot->axisRect()->axes()) {
            axis->setTickLabelFont(PageFlow::font(plot == savingsPlot_.get() && axis == plot->yAxis ? 6 : 7));
            axis->setLabelFont(PageFlow::font(7));
        }
    }
    savingsPlot_->xAxis->ticker()->setTickCount(4);
    arrangeForPaper(rebasingPlot_.get());
    for (QCustomPlot* plot : {savingsPlot_.get(), rebasingPlot_.get()}) {
        plot->legend->setWrap(1);
        plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
    styleForPaper(savingsPlot_.get());
    styleForPaper(rebasingPlot_.get());
    if (document->scenario().regionalRates) {
        regionalPlot_ = makePlot();
        regionalPlot_->resize(672, 420);
        regionalController_ = std::make_unique<RegionalRatesChartController>(document, regionalPlot_.get());
        arrangeForPaper(regionalPlot_.get());
        styleForPaper(regionalPlot_.get());
    }
    if (document->partnershipLedger()) {
        flowPlot_ = makePlot();
        flowPlot_->resize(960, 560);
        flowController_ = std::make_unique<FundingFlowChartController>(document, flowPlot_.get());
        flowController_->setFonts(inPixels(PageFlow::font(6.5)), inPixels(PageFlow::font(7.5, true)));
        arrangeForPaper(flowPlot_.get());
        styleForPaper(flowPlot_.get());
    }
}

ReportCharts::~ReportCharts()
{
    // Controllers first: they point at the plots.
    flowController_.reset();
    regionalController_.reset();
    rebasingController_.reset();
    savingsController_.reset();
}

void drawPlot(QCustomPlot* plot, QCPPainter& painter, const QRectF& rect, double dpi)
{
    const double s = dpi / kUnitsPerInch;
    const int w = static_cast<int>(std::lround(rect.width() / s));
    const int h = static_cast<int>(std::lround(rect.height() / s));
    painter.save();
    painter.translate(rect.topLeft());
    painter.scale(s, s);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    plot->toPainter(&painter, w, h);
    painter.setModes(QCPPainter::pmDefault);
    painter.restore();
}

} // namespace sharecast::ui::report
