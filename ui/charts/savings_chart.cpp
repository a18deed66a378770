#include "ui/charts/savings_chart.h"

#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <qcustomplot.h>

namespace sharecast::ui {

SavingsChartController::SavingsChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent,
                                               Qt::Orientation orientation)
    : ChartController(plot, QStringLiteral("savings-by-plan"), parent, Layout::Own), document_(document),
      horizontal_(orientation == Qt::Horizontal),
      keyAxis_(orientation == Qt::Horizontal ? plot->yAxis : plot->xAxis),
      valueAxis_(orientation == Qt::Horizontal ? plot->xAxis : plot->yAxis)
{
    // Its own look: an 11-point title over the axes, the legend inside them at the top right (the
    // report moves it above the bars).
    title_ = new QCPTextElement(plot_, tr("Savings by plan"), QFont(plot_->font().family(), 11, QFont::Bold));
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, title_);
    auto makeBars = [&](const QString& name, const QColor& color) {
        auto* bars = new QCPBars(keyAxis_, valueAxis_);
        bars->setName(name);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setWidth(0.26);
        return bars;
    };
    grossBars_ = makeBars(tr("Gross savings"), palette::kAccent);
    paymentBars_ = makeBars(tr("Plan share (payment)"), palette::kOrange);
    netBars_ = makeBars(tr("Program net (state + federal)"), palette::kGreen);
    valueAxis_->setLabel(tr("$ millions"));
    keyAxis_->setLabel(horizontal() ? QString() : tr("Plan"));
    // Across the page: the first plan at the top. Long plan names ask for a wide plot; it shrinks
    // instead of widening the window.
    keyAxis_->setRangeReversed(horizontal());
    if (horizontal())
        plot_->setMinimumSize(300, 200);
    plot_->legend->setFont(QFont(plot_->font().family(), 8));
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    setRedraw([this] { redraw(); });
    connect(document_, &ProjectDocument::resultsChanged, this, &ChartController::requestRedraw);
    redraw();
}

void SavingsChartController::redraw()
{
    gross_.clear();
    payment_.clear();
    net_.clear();
    plans_.clear();
    names_.clear();
    QVector<double> x0, x1, x2;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    int i = 0;
    for (const PlanSettlement& p : document_->settlement().plans) {
        const double x = ++i;
        x0 << x - 0.28;
        x1 << x;
        x2 << x + 0.28;
        gross_ << p.grossSavings / 1e6;
        payment_ << p.payment.payment / 1e6;
        net_ << p.programNet / 1e6;
        plans_ << QString::fromStdString(p.planId);
        // Plans by name on the axis (the id where the data give no name); the hover adds the id.
        const std::string name = document_->experience().planName(p.planId);
        names_ << (name.empty() ? plans_.back() : QString::fromStdString(name));
        ticker->addTick(x, names_.back());
    }
    grossBars_->setData(x0, gross_);
    paymentBars_->setData(x1, payment_);
    netBars_->setData(x2, net_);
    // §9: under capitation the program net is what the plan returns to the state.
    netBars_->setName(document_->scenario().paymentModel == PaymentModel::Capitation
                          ? tr("Returned to the state (state + federal)")
                          : tr("Program net (state + federal)"));
    keyAxis_->setTicker(ticker);
    keyAxis_->setTickLabelRotation(!horizontal() && i > 6 ? 50 : 0);
    keyAxis_->setRange(0.3, i + 0.7);
    valueAxis_->rescale();
    const QCPRange r = valueAxis_->range();
    valueAxis_->setRange(std::min(0.0, r.lower) - 0.08 * r.size(), std::max(0.0, r.upper) + 0.15 * r.size());
    showDrawing();
}

QString SavingsChartController::hoverText(const QPoint& pos) const
{
    const double x = keyAxis_->pixelToCoord(horizontal() ? pos.y() : pos.x());
    const int i = static_cast<int>(std::lround(x)) - 1;
    if (i < 0 || i >= plans_.size() || std::fabs(x - (i + 1)) > 0.45)
        return {};
    return tr("%1 (%6)\ngross savings %2\nplan payment %3\n%4 %5")
        .arg(names_[i], formatMillions(gross_[i] * 1e6, 2), formatMillions(payment_[i] * 1e6, 2),
             document_->scenario().paymentModel == PaymentModel::Capitation ? tr("returned to the state")
                                                                            : tr("program net"),
             formatMillions(net_[i] * 1e6, 2), plans_[i]);
}

} // namespace sharecast::ui
