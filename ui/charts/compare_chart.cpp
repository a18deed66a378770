#include "ui/charts/compare_chart.h"

#include "ui/palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <iterator>

namespace sharecast::ui {

CompareChartController::CompareChartController(QCustomPlot* plot, QObject* parent)
    : ChartController(plot, QStringLiteral("payment-differences"), parent, Layout::Own)
{
    title_ = new QCPTextElement(plot_, tr("Plan payment against the reference A"),
                                QFont(plot_->font().family(), 10, QFont::Bold));
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, title_);
    plot_->yAxis->setLabel(tr("Δ plan payment ($ millions)"));
    plot_->xAxis->setLabel(tr("Plan"));
    // The legend goes below the axes, where it cannot cover a bar.
    plot_->legend->setFont(QFont(plot_->font().family(), 8));
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->plotLayout()->addElement(2, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(2, 0.001);
    plot_->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    plot_->legend->setBorderPen(Qt::NoPen);
}

void CompareChartController::draw(const QStringList& plans, const QStringList& seriesNames,
                                  const QList<QVector<double>>& deltas)
{
    plot_->clearPlottables();
    plot_->clearItems();
    static const QColor kColors[] = {palette::kOrange,         palette::kAccent,
                                     palette::kGreen,          QColor(0x8e, 0x5e, 0xa2),
                                     QColor(0xc0, 0x50, 0x4d), QColor(0x4b, 0xac, 0xc6)};
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> x;
    for (int i = 0; i < plans.size(); ++i) {
        x << i + 1;
        ticker->addTick(i + 1, plans[i]);
    }
    const auto series = static_cast<int>(deltas.size());
    QCPBarsGroup* group = series > 1 ? new QCPBarsGroup(plot_) : nullptr;
    for (int s = 0; s < series; ++s) {
        auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
        bars->setName(seriesNames[s]);
        bars->setPen(Qt::NoPen);
        bars->setBrush(kColors[static_cast<std::size_t>(s) % std::size(kColors)]);
        bars->setWidth(0.8 / series);
        if (group)
            bars->setBarsGroup(group);
        bars->setData(x, deltas[s], true);
    }
    auto* zero = new QCPItemStraightLine(plot_);
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);
    zero->setPen(QPen(QColor(0x80, 0x80, 0x80)));
    plot_->legend->setVisible(series > 0);
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setTickLabelRotation(plans.size() > 12 ? 60 : 0);
    plot_->xAxis->setRange(0.3, static_cast<double>(plans.size()) + 0.7);
    double low = 0.0, high = 0.0;
    for (const QVector<double>& d : deltas)
        for (const double v : d) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    const double span = high - low > 0.0 ? high - low : 1.0;
    plot_->yAxis->setRange(low - 0.08 * span, high + 0.08 * span);
    showDrawing();
}

} // namespace sharecast::ui
