#include "ui/charts/quality_chart.h"

#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <QEvent>
#include <QFontMetrics>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sharecast::ui {

QualityChartController::QualityChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent)
    : ChartController(plot, QStringLiteral("quality-by-plan"), parent), document_(document)
{
    auto makeBars = [&](const QString& name, const QColor& color) {
        auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
        bars->setName(name);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setWidth(0.6);
        return bars;
    };
    passBars_ = makeBars(tr("Meets the gate"), palette::kAccent);
    failBars_ = makeBars(tr("Fails the gate"), QColor(0xcc, 0x41, 0x25));
    gateLine_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    gateLine_->setPen(QPen(QColor(0x7f, 0x00, 0x00), 1.5, Qt::DashLine));

    plot_->xAxis->setLabel(tr("Plan"));
    plot_->xAxis->grid()->setVisible(false);
    plot_->xAxis->setTickLength(0, 3);
    plot_->yAxis->setLabel(tr("Composite score (0–100)"));
    plot_->yAxis->setRange(0.0, 105.0);
    plot_->installEventFilter(this);
    connect(document_, &ProjectDocument::resultsChanged, this, &QualityChartController::redraw);
    redraw();
}

void QualityChartController::redraw()
{
    plans_.clear();
    tickLabels_.clear();
    reasons_.clear();
    composites_.clear();
    fails_.clear();
    reportable_.clear();
    QVector<double> passKeys, passValues, failKeys, failValues;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const QualitySpec& spec = document_->scenario().quality;
    title_->setText(
        tr("Quality composite by plan and the quality gate, %1").arg(document_->settlement().year));
    int i = 0;
    for (const PlanSettlement& p : document_->settlement().plans) {
        const double x = ++i;
        const QualityResult& q = p.quality;
        plans_ << QString::fromStdString(p.planId);
        tickLabels_ << (q.composite ? plans_.back() : tr("%1 (NA)").arg(plans_.back()));
        reasons_ << QString::fromStdString(q.gateReason);
        composites_ << (q.composite ? *q.composite : std::numeric_limits<double>::quiet_NaN());
        fails_ << q.gateBlocks;
        reportable_ << q.reportableMeasures;
        if (q.composite) {
            (q.gateBlocks ? failKeys : passKeys) << x;
            (q.gateBlocks ? failValues : passValues) << *q.composite;
        }
        ticker->addTick(x, tickLabels_.back());
    }
    passBars_->setData(passKeys, passValues, true);
    failBars_->setData(failKeys, failValues, true);
    failBars_->removeFromLegend();
    gateLine_->removeFromLegend();
    if (spec.gateEnabled && !spec.measures.empty()) {
        minComposite_ = spec.minComposite;
        gateLine_->setData({0.5, i + 0.5}, {minComposite_, minComposite_}, true);
        gateLine_->setName(tr("Gate: minimum composite %1").arg(formatNumber(minComposite_, 1)));
        failBars_->addToLegend();
        gateLine_->addToLegend();
    } else {
        minComposite_ = std::numeric_limits<double>::quiet_NaN();
        gateLine_->data()->clear();
    }
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setRange(0.4, std::max(i, 1) + 0.6);
    plot_->yAxis->setRange(0.0, 105.0);
    updateTickRotation();
    showDrawing();
}

bool QualityChartController::tickLabelsRotated() const
{
    return plot_->xAxis->tickLabelRotation() != 0.0;
}

void QualityChartController::updateTickRotation()
{
    // Rotate when the labels, side by side, would not fit the axis (the y axis and margins take
    // about 90 pixels of the plot's width).
    const QFontMetrics metrics(plot_->xAxis->tickLabelFont());
    int widest = 0;
    for (const QString& label : tickLabels_)
        widest = std::max(widest, metrics.horizontalAdvance(label));
    const int available = plot_->width() - 90;
    const bool rotate = !tickLabels_.isEmpty() && tickLabels_.size() * (widest + 12) > available;
    plot_->xAxis->setTickLabelRotation(rotate ? 45.0 : 0.0);
}

bool QualityChartController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == plot_ && event->type() == QEvent::Resize)
        updateTickRotation(); // QCustomPlot replots after its own resize handling
    return QObject::eventFilter(watched, event);
}

QString QualityChartController::hoverText(const QPoint& pos) const
{
    if (!plot_->axisRect()->rect().contains(pos))
        return {};
    const double x = plot_->xAxis->pixelToCoord(pos.x());
    const int i = static_cast<int>(std::lround(x)) - 1;
    if (i < 0 || i >= plans_.size() || std::fabs(x - (i + 1)) > 0.4)
        return {};
    const QString composite = std::isnan(composites_[i])
                                  ? tr("NA (%1 reportable measures)").arg(reportable_[i])
                                  : formatNumber(composites_[i], 2);
    QString gate;
    if (std::isnan(minComposite_))
        gate = tr("quality gate disabled");
    else
        gate = fails_[i] ? tr("fails the quality gate: %1").arg(reasons_[i]) : tr("meets the quality gate");
    return tr("%1\ncomposite %2\n%3").arg(plans_[i], composite, gate);
}

} // namespace sharecast::ui
