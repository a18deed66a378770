#include "ui/charts/spider_chart.h"

#include "io/json/json.h"
#include "ui/document/format.h"
#include "ui/palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

namespace {

//! Five distinguishable line colours, the project's first.
const QColor kLineColors[] = {palette::kAccent, palette::kOrange, palette::kGreen, QColor(0x8e, 0x7c, 0xc3),
                              QColor(0x9c, 0x2a, 0x00)};
const Qt::PenStyle kLineStyles[] = {Qt::SolidLine, Qt::SolidLine, Qt::DashLine, Qt::DashDotLine, Qt::DotLine};

//! Position of value i of n in its range, in percent.
double position(std::size_t i, std::size_t n)
{
    return n < 2 ? 0.0 : 100.0 * static_cast<double>(i) / static_cast<double>(n - 1);
}

} // namespace

SpiderChartController::SpiderChartController(QCustomPlot* plot, QObject* parent)
    : ChartController(plot, QStringLiteral("spider"), parent)
{
    plot_->xAxis->setLabel(tr("Position in the key's range (0 % = its low value, 100 % = its high value)"));
    plot_->xAxis->setRange(-3, 103);
    QSharedPointer<QCPAxisTickerFixed> ticks(new QCPAxisTickerFixed);
    ticks->setTickStep(25);
    ticks->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    plot_->xAxis->setTicker(ticks);
    plot_->xAxis->setNumberFormat(QStringLiteral("f"));
    plot_->xAxis->setNumberPrecision(0);
    plot_->legend->setVisible(true);
    showMessage(tr("Computing…"));
}

void SpiderChartController::showMessage(const QString& message)
{
    lines_.clear();
    plot_->clearGraphs();
    plot_->clearItems();
    auto* text = new QCPItemText(plot_);
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.5, 0.5);
    text->setText(message);
    title_->setText(QString());
    showDrawing();
}

void SpiderChartController::setLines(const std::vector<SpiderLine>& lines, double metricBase,
                                     const QString& metricTitle)
{
    if (lines.empty()) {
        showMessage(tr("Choose the assumptions to vary on the Tornado tab."));
        return;
    }
    lines_ = lines;
    base_ = metricBase;
    plot_->clearGraphs();
    plot_->clearItems();
    double lo = metricBase, hi = metricBase;
    for (std::size_t k = 0; k < lines_.size(); ++k) {
        const SpiderLine& line = lines_[k];
        QCPGraph* g = plot_->addGraph();
        g->setName(line.key);
        QPen pen(kLineColors[k % 5], 2.0, kLineStyles[k % 5]);
        g->setPen(pen);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kLineColors[k % 5], Qt::white, 6));
        for (std::size_t i = 0; i < line.metrics.size(); ++i) {
            g->addData(position(i, line.metrics.size()), line.metrics[i] / 1e6);
            lo = std::min(lo, line.metrics[i]);
            hi = std::max(hi, line.metrics[i]);
        }
    }
    auto* base = new QCPItemStraightLine(plot_);
    base->setPen(QPen(palette::kText, 1.0, Qt::DashLine));
    base->point1->setCoords(0, metricBase / 1e6);
    base->point2->setCoords(1, metricBase / 1e6);
    auto* label = new QCPItemText(plot_);
    label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    label->position->setTypeY(QCPItemPosition::ptPlotCoords);
    label->position->setCoords(0.0, metricBase / 1e6);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->setText(tr("base %1").arg(formatDollars(metricBase)));
    const double span = std::max(hi - lo, std::max(1.0, std::fabs(metricBase) * 1e-4));
    plot_->yAxis->setRange((lo - 0.1 * span) / 1e6, (hi + 0.1 * span) / 1e6);
    plot_->yAxis->setLabel(tr("%1 ($ millions)").arg(metricTitle));
    title_->setText(tr("%1 across the range of the %2 assumptions that move it most")
                        .arg(metricTitle)
                        .arg(lines_.size()));
    showDrawing();
}

QString SpiderChartController::hoverText(const QPoint& pos) const
{
    // The nearest point within 12 pixels.
    double best = 12.0 * 12.0;
    QString text;
    for (const SpiderLine& line : lines_)
        for (std::size_t i = 0; i < line.metrics.size(); ++i) {
            const double dx = plot_->xAxis->coordToPixel(position(i, line.metrics.size())) - pos.x();
            const double dy = plot_->yAxis->coordToPixel(line.metrics[i] / 1e6) - pos.y();
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                text = QStringLiteral("<b>%1</b> = %2<br>%3")
                           .arg(line.key, QString::fromStdString(io::formatJsonNumber(line.values[i])),
                                formatDollars(line.metrics[i]));
            }
        }
    return text;
}

} // namespace sharecast::ui
