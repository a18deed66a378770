#pragma once
//! The Sensitivity view's two-way table pane: pick two keys with their ranges and steps, compute
//! the metric over the grid off the GUI thread, see it as a heat map, copy it, export it.

#include "ui/analysis/two_way_table.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace sharecast::ui {

class KeyRangeEdit;
class MetricPicker;
class ProjectDocument;
class RunStatus;
class SensitivityRunner;

//! Computes on Compute, and again (debounced) when the scenario or metric changes once a table is shown.
class TwoWayTablePane : public QWidget {
    Q_OBJECT
public:
    TwoWayTablePane(ProjectDocument* document, MetricPicker* metric, QWidget* parent = nullptr);

    KeyRangeEdit* xEdit() const { return x_; }
    KeyRangeEdit* yEdit() const { return y_; }
    QTableView* view() const { return view_; }
    SensitivityRunner* runner() const { return runner_; }
    RunStatus* status() const { return status_; }
    //! The table shown (empty before the first result).
    const TwoWayTable& table() const;

    //! Starts computing the grid (what Compute does).
    void compute();
    //! The selected cells (all of them when none is selected) as TSV, put on the clipboard.
    QString copySelection();
    //! Writes table2's CSV to path atomically; returns the error, or an empty string.
    QString exportCsv(const QString& path) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void chooseExport();
    void showMenu(const QPoint& pos);

    ProjectDocument* document_;
    MetricPicker* metric_;
    KeyRangeEdit* x_;
    KeyRangeEdit* y_;
    QPushButton* compute_;
    SensitivityRunner* runner_;
    RunStatus* status_;
    TwoWayTableModel* model_;
    QTableView* view_;
    QLabel* caption_ = nullptr;
    QTimer* again_; //!< recomputes after the scenario or metric changed
    TwoWayTable pending_;
    QString pendingTitle_;
};

} // namespace sharecast::ui
