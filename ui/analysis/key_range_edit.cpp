#include "ui/analysis/key_range_edit.h"

#include "engine/error.h"
#include "engine/scenario.h"
#include "io/json/json.h"
#include "io/json/scenario_edit.h"
#include "ui/analysis/sensitivity_range.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>

#include <cmath>

namespace sharecast::ui {

std::optional<double> parseNumberField(const QString& text)
{
    QString t = text.trimmed();
    t.remove(u',').remove(u'$').remove(u' ');
    t.replace(QChar(0x2212), u'-'); // the minus sign formatDollars writes
    if (t.startsWith(QStringLiteral("-")) && t.mid(1).startsWith(u'$'))
        t.remove(1, 1);
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

KeyRangeEdit::KeyRangeEdit(const QString& name, bool withCount, QWidget* parent)
    : QWidget(parent), key_(new QComboBox), low_(new QLineEdit), high_(new QLineEdit)
{
    key_->setObjectName(name + QStringLiteral("Key"));
    low_->setObjectName(name + QStringLiteral("Low"));
    high_->setObjectName(name + QStringLiteral("High"));
    key_->setEditable(true);
    key_->setInsertPolicy(QComboBox::NoInsert);
    key_->completer()->setFilterMode(Qt::MatchContains);
    key_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    key_->setMinimumContentsLength(28);
    key_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (QLineEdit* e : {low_, high_})
        e->setMaximumWidth(120);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(key_, 1);
    row->addWidget(new QLabel(tr("from")));
    row->addWidget(low_);
    row->addWidget(new QLabel(tr("to")));
    row->addWidget(high_);
    if (withCount) {
        count_ = new QSpinBox;
        count_->setObjectName(name + QStringLiteral("Count"));
        count_->setRange(2, 100);
        count_->setValue(5);
        row->addWidget(new QLabel(tr("in")));
        row->addWidget(count_);
        row->addWidget(new QLabel(tr("steps")));
        connect(count_, &QSpinBox::valueChanged, this, &KeyRangeEdit::edited);
    }
    connect(key_, &QComboBox::currentTextChanged, this, [this] {
        fillDefaultRange();
        Q_EMIT edited();
    });
    for (QLineEdit* e : {low_, high_})
        connect(e, &QLineEdit::editingFinished, this, &KeyRangeEdit::edited);
}

void KeyRangeEdit::setScenario(const Scenario& scenario, const QString& initial)
{
    scenario_ = &scenario;
    QStringList keys;
    for (const std::string& k : io::scenarioNumberKeys(scenario))
        keys << QString::fromStdString(k);
    const QString current = key_->currentText();
    const QSignalBlocker block(key_);
    QStringList old;
    for (int i = 0; i < key_->count(); ++i)
        old << key_->itemText(i);
    if (old != keys) {
        key_->clear();
        key_->addItems(keys);
    }
    if (!current.isEmpty()) {
        key_->setCurrentText(current);
    } else if (!keys.isEmpty()) {
        key_->setCurrentText(keys.contains(initial) ? initial : keys.front());
        fillDefaultRange();
    }
}

void KeyRangeEdit::setKey(const QString& key, std::optional<double> low, std::optional<double> high)
{
    {
        const QSignalBlocker block(key_);
        key_->setCurrentText(key);
    }
    fillDefaultRange();
    if (low)
        low_->setText(QString::fromStdString(io::formatJsonNumber(*low)));
    if (high)
        high_->setText(QString::fromStdString(io::formatJsonNumber(*high)));
    Q_EMIT edited();
}

void KeyRangeEdit::setCount(int n)
{
    if (count_)
        count_->setValue(n);
}

void KeyRangeEdit::fillDefaultRange()
{
    if (!scenario_)
        return;
    std::optional<KeyRange> r;
    try {
        r = defaultKeyRange(io::scenarioNumber(*scenario_, key_->currentText().toStdString()));
    } catch (const std::exception&) {
        return; // not (yet) a key: the range stays as typed
    }
    low_->setText(r ? QString::fromStdString(io::formatJsonNumber(r->low)) : QString());
    high_->setText(r ? QString::fromStdString(io::formatJsonNumber(r->high)) : QString());
}

std::string KeyRangeEdit::key() const
{
    return key_->currentText().trimmed().toStdString();
}

std::pair<double, double> KeyRangeEdit::range() const
{
    const std::optional<double> low = parseNumberField(low_->text()), high = parseNumberField(high_->text());
    if (!low || !high)
        throw InputError(InputLocation{{}, 0, key(), (!low ? low_ : high_)->text().toStdString(), true},
                         (!low ? "the low value is not a number" : "the high value is not a number"));
    return {*low, *high};
}

int KeyRangeEdit::count() const
{
    return count_ ? count_->value() : 2;
}

} // namespace sharecast::ui
