#pragma once
//! The Sensitivity tab (methodology §14): what drives the result. A tornado of the chosen metric
//! over the scenario's numeric assumptions (or a chosen subset, each over an editable range), a
//! spider plot of the keys that move it most, a two-way table and goal seek. Everything is
//! computed off the GUI thread, cancellable, and follows the scenario as it is edited.

#include "ui/analysis/sensitivity_range.h"
#include "ui/charts/spider_chart.h"
#include "ui/charts/tornado_chart.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QLineEdit;
class QTabWidget;
class QTableWidget;
class QTableWidgetItem;
class QTimer;

namespace sharecast::ui {

class GoalSeekPane;
class MetricPicker;
class ProjectDocument;
class RunStatus;
class SensitivityRunner;
class TwoWayTablePane;

//! The view; the main window shows it as a tab and opens a clicked key in the Assumptions panel.
class SensitivityView : public QWidget {
    Q_OBJECT
public:
    explicit SensitivityView(ProjectDocument* document, QWidget* parent = nullptr);
    ~SensitivityView() override;

    //! The key list's columns.
    enum Column { KeyColumn, BaseColumn, LowColumn, HighColumn };

    MetricPicker* metricPicker() const { return metric_; }
    QTabWidget* tabs() const { return tabs_; }
    QTableWidget* keyTable() const { return keys_; }
    QLineEdit* keyFilter() const { return filter_; }
    TornadoChartController* tornado() const { return tornado_; }
    SpiderChartController* spider() const { return spider_; }
    QCustomPlot* tornadoPlot() const { return tornadoPlot_; }
    QCustomPlot* spiderPlot() const { return spiderPlot_; }
    TwoWayTablePane* tablePane() const { return table_; }
    GoalSeekPane* goalSeekPane() const { return goal_; }
    SensitivityRunner* runner() const { return runner_; }
    RunStatus* status() const { return status_; }

    //! Checks exactly these keys in the list (the others unchecked).
    void chooseKeys(const QStringList& keys);
    //! The tornado's metric at the base scenario (valid with the bars).
    double metricBase() const { return metricBase_; }
    //! True while the tornado and spider are being computed or waiting to be.
    bool isComputing() const;
    //! Starts the tornado (then the spider) now.
    void recompute();
    //! Copies the two-way table when it is the pane shown; returns what was copied.
    QString copySelection();

Q_SIGNALS:
    //! A tornado bar was clicked: show this key in the Assumptions panel.
    void assumptionRequested(const QString& key);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createTornadoPage();
    void refreshKeys(); //!< the list from the scenario, keeping choices and edited ranges
    void applyFilter();
    void keyEdited(QTableWidgetItem* item);
    void scheduleRecompute();
    void tornadoDone(const std::vector<double>& values);
    void spiderDone(const std::vector<double>& values);

    ProjectDocument* document_;
    MetricPicker* metric_;
    QTabWidget* tabs_;
    QTableWidget* keys_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QCustomPlot* tornadoPlot_ = nullptr;
    QCustomPlot* spiderPlot_ = nullptr;
    TornadoChartController* tornado_ = nullptr;
    SpiderChartController* spider_ = nullptr;
    TwoWayTablePane* table_ = nullptr;
    GoalSeekPane* goal_ = nullptr;
    SensitivityRunner* runner_;
    RunStatus* status_;
    QTimer* debounce_;
    bool dirty_ = true; //!< the tornado does not show the scenario and metric as they are
    bool refreshing_ = false;
    QStringList refused_;             //!< why keys were left out of the last run
    QStringList refusedKeys_;         //!< those keys, in the same order
    QSet<QString> unchecked_;         //!< keys taken out of the tornado
    QHash<QString, KeyRange> ranges_; //!< ranges typed in, by key
    // The run in progress: the keys, their ranges and what the metric is called.
    enum class Phase { Tornado, Spider } phase_ = Phase::Tornado;
    std::vector<TornadoBar> bars_;
    double metricBase_ = 0.0;
    QString metricTitle_;
};

} // namespace sharecast::ui
