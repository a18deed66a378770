#pragma once
//! The Sensitivity view's goal seek pane (methodology §14, Excel's goal seek): the value of one
//! assumption at which the metric reaches a target, and Apply to make it the scenario's.

#include "engine/goal_seek.h"

#include <QString>
#include <QWidget>

#include <optional>
#include <string>

class QLineEdit;
class QLabel;
class QPushButton;

namespace sharecast::ui {

class KeyRangeEdit;
class MetricPicker;
class ProjectDocument;
class RunStatus;
class SensitivityRunner;

//! A seek runs off the GUI thread; its answer is dropped when the scenario changes before Apply.
class GoalSeekPane : public QWidget {
    Q_OBJECT
public:
    GoalSeekPane(ProjectDocument* document, MetricPicker* metric, QWidget* parent = nullptr);

    KeyRangeEdit* keyEdit() const { return key_; }
    QLineEdit* targetEdit() const { return target_; }
    QPushButton* seekButton() const { return seek_; }
    QPushButton* applyButton() const { return apply_; }
    SensitivityRunner* runner() const { return runner_; }
    RunStatus* status() const { return status_; }
    //! The last seek's result (nullopt before one, or once the scenario changed).
    const std::optional<GoalSeekResult>& result() const { return result_; }

    //! Starts a seek (what Seek does).
    void seek();
    //! Sets the key to the answer as one undoable edit (what Apply does).
    void apply();

private:
    void forget(); //!< the answer no longer holds: the scenario changed

    ProjectDocument* document_;
    MetricPicker* metric_;
    KeyRangeEdit* key_;
    QLineEdit* target_;
    QPushButton* seek_;
    QPushButton* apply_;
    SensitivityRunner* runner_;
    RunStatus* status_;
    std::optional<GoalSeekResult> result_;
    std::string seekKey_;
    QString seekMetric_;
    double seekTarget_ = 0.0;
    double seekLow_ = 0.0, seekHigh_ = 0.0;
    bool applying_ = false;
};

} // namespace sharecast::ui
