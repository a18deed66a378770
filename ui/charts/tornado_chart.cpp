#include "ui/charts/tornado_chart.h"

#include "io/json/json.h"
#include "ui/analysis/sensitivity_range.h"
#include "ui/document/format.h"
#include "ui/palette.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

namespace {

const QColor& kLowColor = palette::kOrange;
const QColor& kHighColor = palette::kAccent;

QString keyValue(double v)
{
    return QString::fromStdString(io::formatJsonNumber(v));
}

} // namespace

double TornadoBar::swing() const
{
    return roundedSwing(metricLow, metricHigh);
}

TornadoChartController::TornadoChartController(QCustomPlot* plot, QObject* parent)
    : ChartController(plot, QStringLiteral("tornado"), parent)
{
    QCPAxis* keys = plot_->yAxis;
    QCPAxis* values = plot_->xAxis;
    lowBars_ = new QCPBars(keys, values);
    highBars_ = new QCPBars(keys, values);
    lowBars_->setName(tr("Key at its low value"));
    highBars_->setName(tr("Key at its high value"));
    for (auto [bars, color] : {std::pair{lowBars_, kLowColor}, std::pair{highBars_, kHighColor}}) {
        bars->setPen(Qt::NoPen);
        bars->setBrush(palette::withAlpha(color, 220));
        bars->setWidth(0.62);
    }
    keys->grid()->setVisible(false);
    keys->setTickLength(0, 0);
    keys->setSubTicks(false);
    values->setLabel(tr("$ millions"));
    baseLine_ = new QCPItemStraightLine(plot_);
    baseLine_->setPen(QPen(palette::kText, 1.2, Qt::DashLine));
    baseLine_->setClipToAxisRect(true);
    baseLabel_ = new QCPItemText(plot_);
    baseLabel_->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
    baseLabel_->position->setTypeX(QCPItemPosition::ptPlotCoords);
    baseLabel_->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    baseLabel_->setClipToAxisRect(true);
    message_ = new QCPItemText(plot_);
    message_->position->setType(QCPItemPosition::ptAxisRectRatio);
    message_->position->setCoords(0.5, 0.5);
    message_->setVisible(false);
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { pressedAt_ = e->pos(); });
    connect(plot_, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
        if ((e->pos() - pressedAt_).manhattanLength() > 4 || e->button() != Qt::LeftButton)
            return; // a drag (panning), not a click
        if (const QString key = keyAt(e->pos()); !key.isEmpty())
            Q_EMIT keyClicked(key);
    });
    showMessage(tr("Computing…"));
}

void TornadoChartController::showMessage(const QString& message)
{
    bars_.clear();
    lowBars_->data()->clear();
    highBars_->data()->clear();
    baseLine_->setVisible(false);
    baseLabel_->setVisible(false);
    message_->setText(message);
    message_->setVisible(true);
    title_->setText(QString());
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerText));
    showDrawing();
}

void TornadoChartController::setBars(const std::vector<TornadoBar>& bars, double metricBase,
                                     const QString& metricTitle)
{
    if (bars.empty()) {
        showMessage(tr("Choose the assumptions to vary in the list."));
        return;
    }
    bars_ = bars;
    base_ = metricBase;
    message_->setVisible(false);
    const int n = static_cast<int>(bars_.size());
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    QVector<double> rows, low, high;
    double lo = metricBase, hi = metricBase;
    for (int i = 0; i < n; ++i) {
        const TornadoBar& b = bars_[static_cast<std::size_t>(i)];
        const double row = n - i; // the largest swing on top
        ticks->addTick(row, b.key);
        rows << row;
        low << (b.metricLow - metricBase) / 1e6;
        high << (b.metricHigh - metricBase) / 1e6;
        lo = std::min({lo, b.metricLow, b.metricHigh});
        hi = std::max({hi, b.metricLow, b.metricHigh});
    }
    for (QCPBars* b : {lowBars_, highBars_})
        b->setBaseValue(metricBase / 1e6);
    lowBars_->setData(rows, low);
    highBars_->setData(rows, high);
    plot_->yAxis->setTicker(ticks);
    plot_->yAxis->setRange(0.4, n + 0.6 + std::max(0.4, 0.04 * n)); // room for the base's label on top
    const double span = std::max(hi - lo, std::max(1.0, std::fabs(metricBase) * 1e-4));
    plot_->xAxis->setRange((lo - 0.08 * span) / 1e6, (hi + 0.08 * span) / 1e6);
    plot_->xAxis->setLabel(tr("%1 ($ millions)").arg(metricTitle));
    baseLine_->point1->setCoords(metricBase / 1e6, 0);
    baseLine_->point2->setCoords(metricBase / 1e6, 1);
    baseLine_->setVisible(true);
    baseLabel_->position->setCoords(metricBase / 1e6, 0.0);
    baseLabel_->setText(tr("base %1").arg(formatDollars(metricBase)));
    baseLabel_->setVisible(true);
    title_->setText(
        tr("What moves %1: the metric with each assumption at its low and high value").arg(metricTitle));
    showDrawing();
}

int TornadoChartController::rowAt(const QPoint& pos) const
{
    if (bars_.empty() || !plot_->axisRect()->rect().contains(pos))
        return -1;
    const double row = plot_->yAxis->pixelToCoord(pos.y());
    const int n = static_cast<int>(bars_.size());
    const int index = n - static_cast<int>(std::lround(row));
    if (index < 0 || index >= n || std::fabs(row - std::round(row)) > 0.45)
        return -1;
    return index;
}

QString TornadoChartController::keyAt(const QPoint& pos) const
{
    const int i = rowAt(pos);
    return i < 0 ? QString() : bars_[static_cast<std::size_t>(i)].key;
}

QPoint TornadoChartController::rowCenter(int index) const
{
    const int n = static_cast<int>(bars_.size());
    return QPoint(static_cast<int>(plot_->xAxis->coordToPixel(base_ / 1e6)),
                  static_cast<int>(plot_->yAxis->coordToPixel(n - index)));
}

QString TornadoChartController::hoverText(const QPoint& pos) const
{
    const int i = rowAt(pos);
    if (i < 0)
        return {};
    const TornadoBar& b = bars_[static_cast<std::size_t>(i)];
    QString text = QStringLiteral("<b>%1</b>").arg(b.key);
    if (b.base)
        text += tr("<br>base value %1: %2").arg(keyValue(*b.base), formatDollars(base_));
    text += tr("<br>low %1: %2").arg(keyValue(b.low), formatDollars(b.metricLow));
    text += tr("<br>high %1: %2").arg(keyValue(b.high), formatDollars(b.metricHigh));
    text += tr("<br>swing %1").arg(formatDollars(b.swing()));
    text += tr("<br><i>Click to open it in the Assumptions panel</i>");
    return text;
}

} // namespace sharecast::ui
