#pragma once
//! The statewide payment's distribution from the §13 Monte Carlo: by chance (no plan saves
//! anything) and around the result, as two histograms, with the observed statewide payment marked.

#include "ui/charts/chart_controller.h"

#include <QVector>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace sharecast::ui {

class ProjectDocument;
class ValidityRunner;

//! Owns the histogram and redraws it when the Monte Carlo starts (empty, "running") and finishes.
class PaymentHistogramController : public ChartController {
    Q_OBJECT
public:
    PaymentHistogramController(ProjectDocument* document, ValidityRunner* runner, QCustomPlot* plot,
                               QObject* parent = nullptr);

    //! The bins' centres ($M) and the share of draws (%) in each, by chance and around the result.
    const QVector<double>& binCentresMillions() const { return centres_; }
    const QVector<double>& chancePercent() const { return chance_; }
    const QVector<double>& aroundPercent() const { return around_; }
    //! The observed statewide payment ($M): the sum of the settled plans' payments.
    double observedMillions() const { return observed_; }
    //! The vertical line and its label marking the observed payment.
    QCPItemStraightLine* observedLine() const { return observedLine_; }
    QCPItemText* observedLabel() const { return observedLabel_; }

    QString hoverText(const QPoint& pos) const override;

private:
    void redraw();

    ProjectDocument* document_;
    ValidityRunner* runner_;
    QCPGraph* chanceGraph_ = nullptr;
    QCPGraph* aroundGraph_ = nullptr;
    QCPItemStraightLine* observedLine_ = nullptr;
    QCPItemText* observedLabel_ = nullptr;
    QCPItemText* waiting_ = nullptr;
    QVector<double> centres_, chance_, around_;
    double binWidth_ = 0.0;
    double observed_ = 0.0;
};

} // namespace sharecast::ui
