#pragma once
//! Each plan's savings rate with its confidence interval (methodology §13) against the plan's
//! MSR and −MLR: a dot and whisker per plan, the plans whose interval contains the MSR set apart.

#include "ui/charts/chart_controller.h"

#include <QStringList>
#include <QVector>

class QCPErrorBars;
class QCPGraph;

namespace sharecast::ui {

class ProjectDocument;
class ValidityRunner;

//! Owns the interval chart and redraws it whenever the runner has new closed forms.
class ValidityChartController : public ChartController {
    Q_OBJECT
public:
    ValidityChartController(ProjectDocument* document, ValidityRunner* runner, QCustomPlot* plot,
                            QObject* parent = nullptr);

    //! The plans drawn (their names, else ids), in the settlement's order.
    const QStringList& planLabels() const { return labels_; }
    //! Per plan drawn, in percent: S, the interval's ends, the MSR m and the −MLR −l.
    const QVector<double>& ratePercent() const { return rate_; }
    const QVector<double>& lowPercent() const { return low_; }
    const QVector<double>& highPercent() const { return high_; }
    const QVector<double>& msrPercent() const { return msr_; }
    const QVector<double>& mlrPercent() const { return mlr_; }
    //! Per plan drawn: its interval contains the MSR (drawn in the "within chance" colour).
    const QVector<bool>& straddles() const { return straddles_; }
    //! The graphs of the plans clear of the MSR and of those within chance of it.
    QCPGraph* clearGraph() const { return clear_; }
    QCPGraph* straddleGraph() const { return straddle_; }

    QString hoverText(const QPoint& pos) const override;

private:
    void redraw();

    ProjectDocument* document_;
    ValidityRunner* runner_;
    QCPGraph* clear_ = nullptr;
    QCPGraph* straddle_ = nullptr;
    QCPErrorBars* clearBars_ = nullptr;
    QCPErrorBars* straddleBars_ = nullptr;
    QCPGraph* msrLine_ = nullptr;
    QCPGraph* mlrLine_ = nullptr;
    QStringList labels_, ids_;
    QVector<double> rate_, low_, high_, msr_, mlr_;
    QVector<bool> straddles_;
};

} // namespace sharecast::ui
