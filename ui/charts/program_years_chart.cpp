#include "ui/charts/program_years_chart.h"

#include "ui/document/format.h"
#include "ui/document/program_years.h"
#include "ui/palette.h"

#include <qcustomplot.h>

#include <algorithm>

namespace sharecast::ui {

namespace {

//! The k-th of n program years' colour: from the palette's navy (the first year) to a light blue.
QColor yearColor(std::size_t k, std::size_t n)
{
    const double t = n <= 1 ? 0.0 : static_cast<double>(k) / static_cast<double>(n - 1);
    const QColor a = palette::kAccent;
    const QColor b(0x9d, 0xc3, 0xe6);
    return QColor::fromRgbF(static_cast<float>(a.redF() + t * (b.redF() - a.redF())),
                            static_cast<float>(a.greenF() + t * (b.greenF() - a.greenF())),
                            static_cast<float>(a.blueF() + t * (b.blueF() - a.blueF())));
}

} // namespace

ProgramYearsChartController::ProgramYearsChartController(ProgramYears* program, QCustomPlot* plot,
                                                         QObject* parent)
    : ChartController(plot, QStringLiteral("program-years"), parent), program_(program)
{
    plot_->yAxis->setLabel(tr("$ millions"));
    plot_->xAxis->setLabel(tr("Plan"));
    setRedraw([this] { redraw(); });
    connect(program_, &ProgramYears::changed, this, &ChartController::requestRedraw);
    redraw();
}

void ProgramYearsChartController::redraw()
{
    for (QCPBars* b : bars_)
        plot_->removePlottable(b);
    bars_.clear();
    if (netLine_)
        plot_->removeGraph(netLine_);
    netLine_ = nullptr;
    payments_.clear();
    cumulativeNet_.clear();
    cumulativePayment_.clear();
    plans_.clear();
    years_.clear();

    const ProgramSettlement& program = program_->program();
    QVector<double> x;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (const PlanProgramTotal& t : program.cumulative) {
        x << static_cast<double>(x.size() + 1);
        plans_ << QString::fromStdString(t.planId);
        cumulativeNet_ << t.programNet / 1e6;
        cumulativePayment_ << t.payment / 1e6;
        ticker->addTick(x.back(), plans_.back());
    }
    QCPBars* below = nullptr;
    for (std::size_t k = 0; k < program.years.size(); ++k) {
        const Settlement& year = program.years[k];
        years_ << year.year;
        QVector<double> values(plans_.size(), 0.0);
        for (const PlanSettlement& p : year.plans) {
            const qsizetype i = plans_.indexOf(QString::fromStdString(p.planId));
            if (i >= 0)
                values[i] = p.payment.payment / 1e6;
        }
        auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
        bars->setName(tr("Payment %1").arg(year.year));
        bars->setPen(Qt::NoPen);
        bars->setBrush(yearColor(k, program.years.size()));
        bars->setWidth(0.55);
        bars->setStackingGap(0);
        if (below)
            bars->moveAbove(below);
        bars->setData(x, values);
        below = bars;
        bars_.push_back(bars);
        payments_.push_back(values);
    }
    netLine_ = plot_->addGraph();
    netLine_->setName(tr("Cumulative program net"));
    netLine_->setPen(QPen(palette::kGreen, 2));
    netLine_->setLineStyle(QCPGraph::lsNone); // plans are categories: a marker each, no line between
    netLine_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, palette::kGreen, palette::kGreen, 10));
    netLine_->setData(x, cumulativeNet_);

    if (title_)
        title_->setText(program.years.empty()
                            ? tr("Program years")
                            : tr("Program years %1–%2: payments by year, cumulative program net")
                                  .arg(program.years.front().year)
                                  .arg(program.years.back().year));
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setTickLabelRotation(plans_.size() > 12 ? 60 : 0);
    plot_->xAxis->setRange(0.3, static_cast<double>(plans_.size()) + 0.7);
    double low = 0.0, high = 0.0;
    for (qsizetype i = 0; i < plans_.size(); ++i) {
        double up = 0.0, down = 0.0; // stacked bars: positives up, negatives down
        for (const QVector<double>& v : payments_)
            (v[i] >= 0.0 ? up : down) += v[i];
        low = std::min({low, down, cumulativeNet_[i]});
        high = std::max({high, up, cumulativeNet_[i]});
    }
    const double span = std::max(high - low, 1e-6);
    plot_->yAxis->setRange(low - 0.08 * span, high + 0.12 * span);
    showDrawing();
}

QString ProgramYearsChartController::hoverText(const QPoint& pos) const
{
    const double x = plot_->xAxis->pixelToCoord(pos.x());
    const int i = static_cast<int>(std::lround(x)) - 1;
    if (i < 0 || i >= plans_.size() || std::fabs(x - (i + 1)) > 0.45)
        return {};
    QString text = plans_[i];
    for (std::size_t k = 0; k < payments_.size(); ++k)
        text += tr("\n%1 payment %2")
                    .arg(years_[static_cast<qsizetype>(k)])
                    .arg(formatMillions(payments_[k][i] * 1e6, 2));
    return text + tr("\ncumulative payment %1\ncumulative program net %2")
                      .arg(formatMillions(cumulativePayment_[i] * 1e6, 2),
                           formatMillions(cumulativeNet_[i] * 1e6, 2));
}

} // namespace sharecast::ui
