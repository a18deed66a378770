#pragma once
//! A run's progress bar, its Cancel button and a line of text: what every pane of the
//! Sensitivity view shows under its Compute button.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace sharecast::ui {

class SensitivityRunner;

//! Follows one runner: the progress bar and Cancel show while it runs.
class RunStatus : public QWidget {
    Q_OBJECT
public:
    //! `name` prefixes the children's object names (nameProgress, nameCancel, nameMessage).
    RunStatus(SensitivityRunner* runner, const QString& name, QWidget* parent = nullptr);

    //! The line of text (a result's summary, or why there is none); `error` shows it in red.
    void setMessage(const QString& text, bool error = false);
    QString message() const;
    QPushButton* cancelButton() const { return cancel_; }

private:
    void stopped();

    QProgressBar* progress_;
    QPushButton* cancel_;
    QLabel* message_;
};

} // namespace sharecast::ui
