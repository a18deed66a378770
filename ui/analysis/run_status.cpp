#include "ui/analysis/run_status.h"

#include "ui/document/sensitivity_runner.h"
#include "ui/palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace sharecast::ui {

RunStatus::RunStatus(SensitivityRunner* runner, const QString& name, QWidget* parent)
    : QWidget(parent), progress_(new QProgressBar), cancel_(new QPushButton(tr("Cancel"))),
      message_(new QLabel)
{
    progress_->setObjectName(name + QStringLiteral("Progress"));
    cancel_->setObjectName(name + QStringLiteral("Cancel"));
    message_->setObjectName(name + QStringLiteral("Message"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progress_->setMaximumWidth(220);
    progress_->setTextVisible(true);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(progress_);
    row->addWidget(cancel_);
    row->addWidget(message_, 1);
    progress_->setVisible(false);
    cancel_->setVisible(false);
    connect(cancel_, &QPushButton::clicked, runner, &SensitivityRunner::cancel);
    connect(runner, &SensitivityRunner::started, this, [this] {
        progress_->setRange(0, 0);
        progress_->setVisible(true);
        cancel_->setVisible(true);
        setMessage(tr("Computing…"));
    });
    connect(runner, &SensitivityRunner::progress, this, [this](int, int done, int total) {
        if (total > 0) {
            progress_->setRange(0, total);
            progress_->setValue(done);
            progress_->setFormat(tr("%v of %m"));
        } else {
            progress_->setRange(0, 0); // a goal seek does not know how many steps it takes
            setMessage(tr("Computing… (%1 evaluations)").arg(done));
        }
    });
    connect(runner, &SensitivityRunner::evaluated, this, &RunStatus::stopped);
    connect(runner, &SensitivityRunner::sought, this, &RunStatus::stopped);
    connect(runner, &SensitivityRunner::failed, this, [this](int, const QString& why) {
        stopped();
        setMessage(why, true);
    });
    connect(runner, &SensitivityRunner::discarded, this, &RunStatus::stopped);
    connect(runner, &SensitivityRunner::cancelled, this, [this] {
        stopped();
        setMessage(tr("Cancelled."));
    });
}

void RunStatus::stopped()
{
    progress_->setVisible(false);
    cancel_->setVisible(false);
}

void RunStatus::setMessage(const QString& text, bool error)
{
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: %1;").arg(palette::kError.name()) : QString());
}

QString RunStatus::message() const
{
    return message_->text();
}

} // namespace sharecast::ui
