#include "ui/analysis/goal_seek_pane.h"

#include "engine/error.h"
#include "io/json/json.h"
#include "io/json/scenario_edit.h"
#include "ui/analysis/key_range_edit.h"
#include "ui/analysis/metric_picker.h"
#include "ui/analysis/run_status.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/document/sensitivity_runner.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace sharecast::ui {

namespace {

QString keyValue(double v)
{
    return QString::fromStdString(io::formatJsonNumber(v));
}

} // namespace

GoalSeekPane::GoalSeekPane(ProjectDocument* document, MetricPicker* metric, QWidget* parent)
    : QWidget(parent), document_(document), metric_(metric),
      key_(new KeyRangeEdit(QStringLiteral("goal"), false)), target_(new QLineEdit),
      seek_(new QPushButton(tr("Seek"))), apply_(new QPushButton(tr("Apply"))),
      runner_(new SensitivityRunner(this)), status_(new RunStatus(runner_, QStringLiteral("goal")))
{
    target_->setObjectName(QStringLiteral("goalTarget"));
    target_->setPlaceholderText(tr("e.g. 0 or $250,000,000"));
    target_->setText(QStringLiteral("0"));
    target_->setMaximumWidth(200);
    seek_->setObjectName(QStringLiteral("goalSeek"));
    apply_->setObjectName(QStringLiteral("goalApply"));
    apply_->setEnabled(false);
    key_->setScenario(document_->scenario(), QStringLiteral("sharing.max_share"));

    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("Finds the value of one assumption, within its range, at which the metric chosen "
                      "above reaches the target (bisection on where the metric crosses it, so a "
                      "payment that jumps at a threshold is found at the jump)."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    form->addRow(tr("Target ($)"), target_);
    form->addRow(tr("Vary"), key_);
    layout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(seek_);
    buttons->addWidget(apply_);
    buttons->addWidget(status_, 1);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(seek_, &QPushButton::clicked, this, &GoalSeekPane::seek);
    connect(apply_, &QPushButton::clicked, this, &GoalSeekPane::apply);
    connect(document_, &ProjectDocument::scenarioChanged, this, [this] {
        key_->setScenario(document_->scenario());
        if (!applying_)
            forget();
    });
    connect(metric_, &MetricPicker::changed, this, &GoalSeekPane::forget);
    connect(key_, &KeyRangeEdit::edited, this, &GoalSeekPane::forget);
    connect(target_, &QLineEdit::textEdited, this, &GoalSeekPane::forget);
    connect(runner_, &SensitivityRunner::sought, this, [this](int, const GoalSeekResult& r) {
        const QString key = QString::fromStdString(seekKey_);
        if (!r.found) {
            status_->setMessage(tr("%1 does not reach %2 for %3 from %4 to %5: it is %6 at %4 and %7 at %5. "
                                   "Widen the range, or choose another assumption.")
                                    .arg(seekMetric_, formatDollars(seekTarget_), key, keyValue(seekLow_),
                                         keyValue(seekHigh_), formatDollars(r.valueLow),
                                         formatDollars(r.valueHigh)),
                                true);
            return;
        }
        result_ = r;
        apply_->setEnabled(true);
        const bool near = std::fabs(r.value - seekTarget_) <= 0.01;
        status_->setMessage(
            (near ? tr("%1 = %2: %3 is %4 there (the target, to the cent).")
                  : tr("%1 = %2: %3 is %4 there. The metric crosses the target at this value but does not "
                       "meet it "
                       "to the cent: it moves by more than a cent within the search's precision on the key "
                       "(10⁻⁹ relative), or it jumps here (e.g. where a savings rate crosses a threshold)."))
                .arg(key, keyValue(r.x), seekMetric_, formatDollars(r.value)));
    });
}

void GoalSeekPane::forget()
{
    runner_->discard();
    if (result_)
        status_->setMessage(tr("The scenario or the question changed: seek again."));
    result_.reset();
    apply_->setEnabled(false);
}

void GoalSeekPane::seek()
{
    forget();
    try {
        const std::optional<double> target = parseNumberField(target_->text());
        if (!target)
            throw InputError(InputLocation{{}, 0, "target", target_->text().toStdString(), true},
                             "the target is not a number of dollars");
        const auto [low, high] = key_->range();
        if (!(low <= high))
            throw InputError("the low value must not be above the high value");
        const Scenario& s = document_->scenario();
        io::withScenarioNumber(s, key_->key(), low); // a key or value refused says so now
        io::withScenarioNumber(s, key_->key(), high);
        seekKey_ = key_->key();
        seekMetric_ = metric_->title();
        seekTarget_ = *target;
        seekLow_ = low;
        seekHigh_ = high;
        runner_->seek(metric_->metric(), metric_->context(), s, seekKey_, low, high, *target);
    } catch (const std::exception& e) {
        status_->setMessage(QString::fromUtf8(e.what()), true);
    }
}

void GoalSeekPane::apply()
{
    if (!result_)
        return;
    const QString key = QString::fromStdString(seekKey_);
    const QString value = keyValue(result_->x);
    try {
        const Scenario s = io::withScenarioNumber(document_->scenario(), seekKey_, result_->x);
        applying_ = true;
        document_->setScenario(s, tr("Goal seek: %1 = %2").arg(key, value));
        applying_ = false;
    } catch (const std::exception& e) {
        applying_ = false;
        status_->setMessage(QString::fromUtf8(e.what()), true);
        return;
    }
    result_.reset();
    apply_->setEnabled(false);
    status_->setMessage(tr("Applied %1 = %2 (Edit ▸ Undo takes it back).").arg(key, value));
}

} // namespace sharecast::ui
