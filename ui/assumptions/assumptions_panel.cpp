#include "ui/assumptions/assumptions_panel.h"

#include "ui/assumptions/assumption_help.h"

#include "engine/error.h"
#include "engine/scenario.h"
#include "ui/assumptions/assumption_table.h"
#include "ui/assumptions/assumption_table_specs.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

namespace {

//! The property a field's help sentence lives in (its anchor: kHelpAnchorProperty).
constexpr const char* kFieldHelpProperty = "sharecastFieldHelp";

//! The value just below 0 of a percentage field that stands for an absent (null) cap.
constexpr double kNoCap = 0.0001;

//! Get and set for an optional risk cap through a field whose lowest value means "no cap".
std::pair<std::function<double(const Scenario&)>, std::function<void(Scenario&, double)>>
capAccessors(std::optional<Rate> RiskAdjustment::*member)
{
    return {[member](const Scenario& s) { return (s.riskAdjustment.*member).value_or(-kNoCap); },
            [member](Scenario& s, double v) {
                s.riskAdjustment.*member = v < 0.0 ? std::nullopt : std::optional<Rate>(v);
            }};
}

//! Multi-line text that reports the edit when it loses focus (as a line edit does on Enter).
class DescriptionEdit : public QPlainTextEdit {
public:
    std::function<void()> finished;

protected:
    void focusOutEvent(QFocusEvent* e) override
    {
        QPlainTextEdit::focusOutEvent(e);
        if (finished)
            finished();
    }
};

QString joinNames(const std::vector<std::string>& names)
{
    QStringList parts;
    for (const std::string& n : names)
        parts << QString::fromStdString(n);
    return parts.join(QStringLiteral(", "));
}

std::vector<std::string> splitNames(const QString& text)
{
    std::vector<std::string> names;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            names.push_back(part.trimmed().toStdString());
    return names;
}

QString baselineText(const Scenario& s)
{
    QStringList parts;
    for (std::size_t i = 0; i < s.baseline.years.size(); ++i)
        parts << (s.baseline.weights.empty()
                      ? QString::number(s.baseline.years[i])
                      : QStringLiteral("%1:%2").arg(s.baseline.years[i]).arg(s.baseline.weights[i]));
    return parts.join(QStringLiteral(", "));
}

//! What the workbench says about the default trend: whether it is in force, for which included
//! COS, and what replaces it elsewhere (the engine's rule: defaultTrendReach()).
struct DefaultTrendInForce {
    bool usedAnywhere = true; //!< some included COS takes it in some rate cell
    QString note;             //!< shown under the fields; empty when it is in force everywhere
    QString tip;              //!< the fields' and labels' tool tip
};

DefaultTrendInForce describeDefaultTrend(const Scenario& scenario, const std::vector<std::string>& cos,
                                         const std::vector<std::string>& cells)
{
    auto tr = [](const char* text) { return QCoreApplication::translate("AssumptionsPanel", text); };
    const DefaultTrendReach reach = defaultTrendReach(scenario, cos, cells);
    DefaultTrendInForce out;
    const QString rule = tr("The default trend applies to each included COS in each rate cell that has "
                            "no row of its own in the by-COS or by-rate-cell trend table (§2.3).");
    if (cells.empty()) { // no data: nothing to say about its COS
        out.tip = rule;
        return out;
    }
    if (reach.included.empty()) {
        out.usedAnywhere = false;
        out.note = tr("Not used: the scenario includes no COS of the data.");
        out.tip = rule + u'\n' + out.note;
        return out;
    }
    QStringList used, partly;
    bool byCos = false, byRateCell = false;
    for (const DefaultTrendReach::Cos& c : reach.included) {
        byCos = byCos || c.replacedByCos;
        byRateCell = byRateCell || c.replacedByRateCell;
        const QString name = QString::fromStdString(c.name);
        if (c.cellsTakingDefault == reach.rateCells)
            used << name;
        else if (c.cellsTakingDefault > 0)
            used
                << tr("%1 (in %2 of %3 rate cells)").arg(name).arg(c.cellsTakingDefault).arg(reach.rateCells);
        if (c.cellsTakingDefault > 0 && c.cellsTakingDefault < reach.rateCells)
            partly << name;
    }
    const QString tables = byCos && byRateCell ? tr("the by-COS and by-rate-cell trend tables below")
                           : byRateCell        ? tr("the by-rate-cell trend table below")
                                               : tr("the by-COS trend table below");
    const int included = static_cast<int>(reach.included.size());
    if (used.isEmpty()) {
        out.usedAnywhere = false;
        out.note =
            included == 1
                ? tr("Overridden for the one included COS by %1: editing it changes nothing.").arg(tables)
                : tr("Overridden for all %1 included COS by %2: editing it changes nothing.")
                      .arg(included)
                      .arg(tables);
    } else if (used.size() < included) {
        out.note = tr("Used for %1 of %2 included COS: %3. The others take %4.")
                       .arg(used.size())
                       .arg(included)
                       .arg(used.join(QStringLiteral(", ")), tables);
    } else if (!partly.isEmpty()) {
        out.note =
            tr("Used for all %1 included COS, but not in every rate cell: %2. The other cells take %3.")
                .arg(included)
                .arg(used.join(QStringLiteral(", ")), tables);
    }
    out.tip = out.note.isEmpty() ? rule + u'\n' + tr("In force for every included COS in every rate cell.")
                                 : rule + u'\n' + out.note;
    return out;
}

} // namespace

namespace {

//! A number field that says why it refuses what is typed: the user sees "Weight of CBP must be
//! between 0.00 and 5.00" (in the field's own label and unit) where a plain spin box would drop
//! the keystroke or snap back to its old value without a word.
class FieldSpinBox : public QDoubleSpinBox {
public:
    explicit FieldSpinBox(QString label) : label_(std::move(label))
    {
        // A value taken ends the refusal (the field's binding then shows any rule's refusal).
        connect(this, &QDoubleSpinBox::valueChanged, this, [this] { refusal_.clear(); });
    }

    QValidator::State validate(QString& text, int& pos) const override
    {
        const QValidator::State state = QDoubleSpinBox::validate(text, pos);
        if (state != QValidator::Acceptable) {
            QString bare = text;
            if (!suffix().isEmpty() && bare.endsWith(suffix()))
                bare.chop(suffix().size());
            if (!prefix().isEmpty() && bare.startsWith(prefix()))
                bare.remove(0, prefix().size());
            bool number = false;
            const double value = locale().toDouble(bare.trimmed(), &number);
            if (number && (value < minimum() || value > maximum()))
                refuse(tr("%1 must be between %2 and %3; %4 was not taken")
                           .arg(label_, textFromValue(minimum()) + suffix(),
                                textFromValue(maximum()) + suffix(), bare.trimmed() + suffix()));
        }
        return state;
    }

    //! The last refusal shown, empty when the field holds what was typed.
    const QString& refusal() const { return refusal_; }

private:
    void refuse(const QString& why) const
    {
        refusal_ = why;
        auto* self = const_cast<FieldSpinBox*>(this); // the look of the field, not its value
        self->setStyleSheet(QStringLiteral("border: 2px solid %1;").arg(palette::kError.name()));
        self->setToolTip(why);
        QToolTip::showText(mapToGlobal(QPoint(0, height())), why, self);
    }

    QString label_;
    mutable QString refusal_;
};

} // namespace

//! Builds the fields of one group box, each bound to a scenario value. A field's edits merge into
//! one undo step while they come in a burst; its merge key is its undo text's (mergeKeyFor()), so
//! two fields merge only if the user could not tell their undo entries apart anyway.
class AssumptionFieldBuilder {
public:
    AssumptionFieldBuilder(AssumptionsPanel* panel, QFormLayout* form) : panel_(panel), form_(form) {}

    //! A percentage field (the scenario holds a fraction).
    QDoubleSpinBox* percent(const QString& label, const QString& undoText, double min, double max,
                            std::function<double(const Scenario&)> get,
                            std::function<void(Scenario&, double)> set, int decimals = 2)
    {
        auto* box = new FieldSpinBox(label);
        box->setRange(min * 100.0, max * 100.0);
        box->setDecimals(decimals);
        box->setSuffix(QStringLiteral(" %"));
        box->setKeyboardTracking(false);
        form_->addRow(label, box);
        bind(box, undoText, get, set, 100.0);
        return box;
    }

    //! A plain number field.
    QDoubleSpinBox* number(const QString& label, const QString& undoText, double min, double max,
                           std::function<double(const Scenario&)> get,
                           std::function<void(Scenario&, double)> set, int decimals = 2,
                           const QString& suffix = {})
    {
        auto* box = new FieldSpinBox(label);
        box->setRange(min, max);
        box->setDecimals(decimals);
        box->setSuffix(suffix);
        box->setKeyboardTracking(false);
        form_->addRow(label, box);
        bind(box, undoText, get, set, 1.0);
        return box;
    }

    //! A check box.
    QCheckBox* check(const QString& label, const QString& undoText, std::function<bool(const Scenario&)> get,
                     std::function<void(Scenario&, bool)> set)
    {
        auto* box = new QCheckBox(label);
        const int key = panel_->mergeKeyFor(undoText);
        form_->addRow(QString(), box);
        QObject::connect(box, &QCheckBox::toggled, panel_,
                         [panel = panel_, box, undoText, key, set](bool on) {
                             if (panel->refreshing_)
                                 return;
                             mark(box, panel->edit(undoText, key, [&](Scenario& s) { set(s, on); }));
                         });
        panel_->refreshers_.push_back(
            [box, get, p = panel_] { box->setChecked(get(p->document_->scenario())); });
        return box;
    }

    //! A choice among named values.
    QComboBox* choice(const QString& label, const QString& undoText, const QStringList& names,
                      std::function<int(const Scenario&)> get, std::function<void(Scenario&, int)> set)
    {
        auto* box = new QComboBox;
        const int key = panel_->mergeKeyFor(undoText);
        box->addItems(names);
        form_->addRow(label, box);
        QObject::connect(box, &QComboBox::currentIndexChanged, panel_,
                         [panel = panel_, box, undoText, key, set](int i) {
                             if (panel->refreshing_ || i < 0)
                                 return;
                             mark(box, panel->edit(undoText, key, [&](Scenario& s) { set(s, i); }));
                         });
        panel_->refreshers_.push_back(
            [box, get, p = panel_] { box->setCurrentIndex(get(p->document_->scenario())); });
        return box;
    }

    //! A one-line text field read by parse (which throws InputError for text it cannot read).
    QLineEdit* text(const QString& label, const QString& undoText, const QString& placeholder,
                    std::function<QString(const Scenario&)> get,
                    std::function<void(Scenario&, const QString&)> set)
    {
        auto* line = new QLineEdit;
        const int key = panel_->mergeKeyFor(undoText);
        line->setPlaceholderText(placeholder);
        form_->addRow(label, line);
        QObject::connect(line, &QLineEdit::editingFinished, panel_,
                         [panel = panel_, line, undoText, key, set] {
                             if (panel->refreshing_)
                                 return;
                             const QString t = line->text();
                             mark(line, panel->edit(undoText, key, [&](Scenario& s) { set(s, t); }));
                         });
        panel_->refreshers_.push_back([line, get, p = panel_] {
            line->setText(get(p->document_->scenario()));
            line->setCursorPosition(0); // show the start of a long list
            mark(line, {});
        });
        return line;
    }

    //! A table editor under a caption, spanning the form's width.
    AssumptionTable* table(const QString& caption, TableSpec spec)
    {
        auto* t = new AssumptionTable(std::move(spec), panel_);
        auto* label = new QLabel(caption);
        label->setWordWrap(true);
        form_->addRow(label);
        form_->addRow(t);
        panel_->tables_.push_back(t);
        return t;
    }

    //! A slider tied to a percentage spin box: dragging merges into one undo step.
    QSlider* sliderFor(QDoubleSpinBox* box, const QString& undoText,
                       std::function<void(Scenario&, double)> set)
    {
        const int key = panel_->mergeKeyFor(undoText);
        auto* slider = new QSlider(Qt::Horizontal);
        slider->setRange(static_cast<int>(box->minimum()), static_cast<int>(box->maximum()));
        slider->setObjectName(box->objectName() + QStringLiteral("Slider"));
        form_->addRow(QString(), slider);
        QObject::connect(slider, &QSlider::valueChanged, panel_,
                         [panel = panel_, box, slider, key, undoText, set](int v) {
                             if (panel->refreshing_)
                                 return;
                             mark(box, panel->edit(undoText, key, [&](Scenario& s) { set(s, v / 100.0); }));
                             Q_UNUSED(slider);
                         });
        panel_->refreshers_.push_back([slider, box] {
            const QSignalBlocker block(slider);
            slider->setValue(static_cast<int>(std::lround(box->value())));
        });
        return slider;
    }

    //! Shows a refusal at the field (red frame and the reason as tool tip), or clears it (the tool
    //! tip then shows the field's explanation again, if it has one: see explain()).
    static void mark(QWidget* w, const QString& refusal)
    {
        w->setStyleSheet(refusal.isEmpty()
                             ? QString()
                             : QStringLiteral("border: 2px solid %1;").arg(palette::kError.name()));
        w->setToolTip(refusal.isEmpty() ? restingTip(w) : refusal);
    }

    //! The tool tip of a field at rest: its help sentence (§), then its explanation, if any.
    static QString restingTip(const QWidget* w)
    {
        QStringList parts;
        for (const char* p : {kFieldHelpProperty, kExplanation})
            if (const QString t = w->property(p).toString(); !t.isEmpty())
                parts << t;
        return parts.join(QStringLiteral("\n\n"));
    }

    //! Sets the tool tip that explains a field; a refusal shown at the field keeps its place until
    //! the field takes a value.
    static void explain(QWidget* w, const QString& explanation)
    {
        w->setProperty(kExplanation, explanation);
        if (w->styleSheet().isEmpty())
            w->setToolTip(restingTip(w));
    }

private:
    static constexpr const char* kExplanation = "sharecastExplanation";

    void bind(QDoubleSpinBox* box, const QString& undoText, std::function<double(const Scenario&)> get,
              std::function<void(Scenario&, double)> set, double scale)
    {
        const int key = panel_->mergeKeyFor(undoText);
        QObject::connect(box, &QDoubleSpinBox::valueChanged, panel_,
                         [panel = panel_, box, undoText, key, set, scale](double v) {
                             if (panel->refreshing_)
                                 return;
                             mark(box, panel->edit(undoText, key, [&](Scenario& s) { set(s, v / scale); }));
                         });
        panel_->refreshers_.push_back(
            [box, get, scale, p = panel_] { box->setValue(get(p->document_->scenario()) * scale); });
    }

    AssumptionsPanel* panel_;
    QFormLayout* form_;
};

namespace {

//! Fields of the panel take the mouse wheel only when they have the keyboard focus: a wheel
//! turned over an unfocused spin box, combo box or slider scrolls the panel instead of changing
//! the assumption under the pointer (a scroll through the panel once changed a risk cap).
class UnfocusedWheelGuard : public QObject {
public:
    UnfocusedWheelGuard(QWidget* panel, QScrollArea* scroll) : QObject(panel), panel_(panel), scroll_(scroll)
    {
        qApp->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::Wheel && event->type() != QEvent::Polish)
            return false;
        auto* field = qobject_cast<QWidget*>(watched);
        if (!field || !panel_->isAncestorOf(field) || qobject_cast<QScrollBar*>(field) ||
            !(qobject_cast<QAbstractSpinBox*>(field) || qobject_cast<QComboBox*>(field) ||
              qobject_cast<QAbstractSlider*>(field)))
            return false;
        if (event->type() == QEvent::Polish) {
            field->setFocusPolicy(Qt::StrongFocus); // the wheel must not give a field the focus
            return false;
        }
        if (field->hasFocus())
            return false;
        QCoreApplication::sendEvent(scroll_->verticalScrollBar(), event);
        return true;
    }

private:
    QWidget* panel_;
    QScrollArea* scroll_;
};

//! Gives every field of the panel its help (assumption_help.h): the sentence and section as its
//! tool tip, and the help page's anchor for F1. A table's help is that of the caption above it.
void applyFieldHelp(const QList<QGroupBox*>& groups)
{
    for (QGroupBox* box : groups) {
        auto* form = qobject_cast<QFormLayout*>(box->layout());
        if (!form)
            continue;
        FieldHelp pending; // a caption row's help, for the table on the next row
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem* labelItem = form->itemAt(row, QFormLayout::LabelRole);
            QLayoutItem* fieldItem = form->itemAt(row, QFormLayout::FieldRole);
            QLayoutItem* spanItem = form->itemAt(row, QFormLayout::SpanningRole);
            QWidget* field = fieldItem ? fieldItem->widget() : (spanItem ? spanItem->widget() : nullptr);
            if (!field)
                continue;
            FieldHelp help;
            if (auto* label = labelItem ? qobject_cast<QLabel*>(labelItem->widget()) : nullptr)
                help = fieldHelp(label->text());
            else if (auto* check = qobject_cast<QCheckBox*>(field))
                help = fieldHelp(check->text());
            else if (auto* caption = qobject_cast<QLabel*>(field)) {
                pending = fieldHelp(caption->text());
                continue;
            } else if (!pending.label.isEmpty())
                help = pending;
            pending = {};
            if (help.label.isEmpty())
                continue;
            field->setProperty(kFieldHelpProperty, fieldToolTip(help));
            field->setProperty(kHelpAnchorProperty, help.anchor);
            if (field->styleSheet().isEmpty())
                field->setToolTip(AssumptionFieldBuilder::restingTip(field));
        }
    }
}

} // namespace

AssumptionsPanel::AssumptionsPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea;
    scroll_ = scroll;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // fields fit the panel's width
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    scroll->setWidget(content);
    outer->addWidget(scroll);
    status_ = new QLabel;
    status_->setWordWrap(true);
    status_->setStyleSheet(QStringLiteral("color: %1;").arg(palette::kError.name()));
    outer->addWidget(status_);

    auto group = [&](const QString& title) {
        auto* box = new QGroupBox(title);
        auto* form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a narrow panel puts the field under its label
        column->addWidget(box);
        groups_ << box;
        return form;
    };
    // The group boxes, in the order the panel shows them.
    scenarioFields(group(tr("Scenario")));
    baselineFields(group(tr("Performance year and baseline (§2)")));
    cosFields(group(tr("COS and program changes (§2)")));
    trendFields(group(tr("Trend (§2.3)")));
    thresholdFields(group(tr("Minimum savings rate (§5)")));
    gateFields(group(tr("Other gates (§8)")));
    qualityFields(group(tr("Quality composite and gate (§6)")));
    measuresForm_ = group(tr("Quality measure weights (§6)"));
    qualityMeasureFields(group(tr("Quality measures (§6)")));
    resourceUseFields(group(tr("Resource-use savings (§7)")));
    sharingFields(group(tr("Sharing (§8)")));
    lossFields(group(tr("Shared losses (§8)")));
    federalShareFields(group(tr("Who holds the savings; federal share (§9)")));
    projectionFields(group(tr("Projection and rates (§10–11)")));
    corridorFields(group(tr("Risk corridors (§12, CalAIM ECM)")));
    blendFields(group(tr("Blended rate true-up (§12, SPD/LTC)")));
    remittanceFields(group(tr("MLR remittance and federal limits (§12)")));
    uncertaintyFields(group(tr("Statistical validity (§13)")));
    column->addStretch(1);
    applyFieldHelp(groups_);

    new UnfocusedWheelGuard(this, scroll);
    connect(document_, &ProjectDocument::scenarioChanged, this, &AssumptionsPanel::refresh);
    refresh();
}

bool AssumptionsPanel::showKey(const QString& keyPath)
{
    // The group of a key's first name, by the group's place in groups_ (the order built above).
    const QString head = keyPath.section(u'.', 0, 0).section(u'[', 0, 0);
    static const QHash<QString, int> kGroup{{"performance_year", 1},
                                            {"baseline", 1},
                                            {"risk_adjustment", 1},
                                            {"truncation", 1},
                                            {"included_cos", 2},
                                            {"excluded_cos", 2},
                                            {"program_changes", 2},
                                            {"trend", 3},
                                            {"msr", 4},
                                            {"mlr", 4},
                                            {"tcc_trend_gate", 5},
                                            {"appropriateness", 5},
                                            {"quality", 6},
                                            {"new_benefits", 2},
                                            {"savings_basis", 9},
                                            {"resource_use", 9},
                                            {"sharing", 10},
                                            {"losses", 11},
                                            {"fmap", 12},
                                            {"payment_model", 12},
                                            {"projection", 13},
                                            {"corridors", 14},
                                            {"blend", 15},
                                            {"mlr_remittance", 16},
                                            {"federal_limits", 16}};
    int g = kGroup.value(head, -1);
    if (g == 6 && keyPath.contains(QStringLiteral(".measures[")))
        g = keyPath.endsWith(QStringLiteral(".weight")) ? 7 : 8;
    if (g < 0 || g >= groups_.size())
        return false;
    QGroupBox* box = groups_[g];
    // The field whose label shares most words with the key's last name ("max_share": "Maximum share").
    const QStringList words = keyPath.section(u'.', -1).section(u'[', 0, 0).split(u'_', Qt::SkipEmptyParts);
    QWidget* best = nullptr;
    int bestScore = 0;
    auto* form = qobject_cast<QFormLayout*>(box->layout());
    for (int row = 0; form && row < form->rowCount(); ++row) {
        auto* label = qobject_cast<QLabel*>(form->itemAt(row, QFormLayout::LabelRole)
                                                ? form->itemAt(row, QFormLayout::LabelRole)->widget()
                                                : nullptr);
        QLayoutItem* field = form->itemAt(row, QFormLayout::FieldRole);
        if (!label || !field || !field->widget())
            continue;
        const QStringList labelWords =
            label->text().toLower().split(QRegularExpression(QStringLiteral("[^a-z]+")), Qt::SkipEmptyParts);
        int score = 0;
        for (const QString& w : words)
            score += std::any_of(labelWords.begin(), labelWords.end(),
                                 [&](const QString& l) { return l.startsWith(w.toLower()); });
        if (score > bestScore) {
            bestScore = score;
            best = field->widget();
        }
    }
    scroll_->ensureWidgetVisible(box, 0, 0);
    if (best) {
        scroll_->ensureWidgetVisible(best, 20, 40);
        best->setFocus(Qt::OtherFocusReason);
    }
    return true;
}

void AssumptionsPanel::scenarioFields(QFormLayout* form)
{
    auto* description = new DescriptionEdit;
    description->setObjectName(QStringLiteral("descriptionEdit"));
    description->setPlaceholderText(tr("What the scenario is for and where its assumptions come from"));
    description->setTabChangesFocus(true);
    description->setFixedHeight(description->fontMetrics().lineSpacing() * 5 + 12);
    form->addRow(new QLabel(tr("Description (the scenario's provenance)")));
    form->addRow(description);
    description->finished = [this, description] {
        if (refreshing_)
            return;
        const std::string text = description->toPlainText().toStdString();
        if (text != document_->scenario().description)
            edit(tr("Change the description"), -1, [&](Scenario& s) { s.description = text; });
    };
    refreshers_.push_back([this, description] {
        const QString text = QString::fromStdString(document_->scenario().description);
        if (description->toPlainText() != text)
            description->setPlainText(text);
    });
}

void AssumptionsPanel::baselineFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.number(
        tr("Performance year"), tr("Change the performance year"), 1990, 2100,
        [this](const Scenario&) { return double(document_->performanceYear()); },
        [](Scenario& s, double v) { s.performanceYear = static_cast<Year>(v); }, 0);
    auto* baseline = new QLineEdit;
    baseline->setObjectName(QStringLiteral("baselineEdit"));
    baseline->setPlaceholderText(tr("e.g. 2021:0.1, 2022:0.3, 2023:0.6"));
    baseline->setToolTip(tr("Baseline years with their weights (year:weight, comma separated)"));
    form->addRow(tr("Baseline years"), baseline);
    connect(baseline, &QLineEdit::editingFinished, this, [this, baseline] {
        if (refreshing_)
            return;
        BaselineSpec b;
        for (const QString& part : baseline->text().split(u',', Qt::SkipEmptyParts)) {
            const QStringList yw = part.trimmed().split(u':');
            bool okY = false, okW = true;
            b.years.push_back(yw.value(0).toInt(&okY));
            if (yw.size() > 1)
                b.weights.push_back(yw.value(1).toDouble(&okW));
            if (!okY || !okW) {
                AssumptionFieldBuilder::mark(baseline, tr("'%1' is not year:weight").arg(part.trimmed()));
                return;
            }
        }
        const QString undoText = tr("Change the baseline years");
        AssumptionFieldBuilder::mark(
            baseline, edit(undoText, mergeKeyFor(undoText), [&](Scenario& s) { s.baseline = b; }));
    });
    refreshers_.push_back([this, baseline] {
        baseline->setText(baselineText(document_->scenario()));
        baseline->setCursorPosition(0); // show the start of a long list
    });
    f.check(
        tr("Risk adjustment"), tr("Switch risk adjustment"),
        [](const Scenario& s) { return s.riskAdjustment.enabled; },
        [](Scenario& s, bool on) { s.riskAdjustment.enabled = on; });
    // A cap may be absent (null: the risk ratio is not capped): the field's lowest value,
    // shown as "no cap", stands for that.
    const auto [getUp, setUp] = capAccessors(&RiskAdjustment::capUp);
    f.percent(tr("Risk cap up"), tr("Change the upward risk cap"), -kNoCap, 1, getUp, setUp)
        ->setSpecialValueText(tr("no cap"));
    const auto [getDown, setDown] = capAccessors(&RiskAdjustment::capDown);
    f.percent(tr("Risk cap down"), tr("Change the downward risk cap"), -kNoCap, 1, getDown, setDown)
        ->setSpecialValueText(tr("no cap"));
    f.check(
        tr("Truncate high-cost members"), tr("Switch truncation"),
        [](const Scenario& s) { return s.truncation.enabled; },
        [](Scenario& s, bool on) { s.truncation.enabled = on; });
    f.number(
         tr("Truncation threshold"), tr("Change the truncation threshold"), 1, 1e8,
         [](const Scenario& s) { return s.truncation.threshold; },
         [](Scenario& s, double v) { s.truncation.threshold = v; }, 0)
        ->setPrefix(tr("$ "));
}

void AssumptionsPanel::cosFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.text(
         tr("Included COS"), tr("Change the included COS"), tr("all (empty)"),
         [](const Scenario& s) { return s.includedCos ? joinNames(*s.includedCos) : QString(); },
         [](Scenario& s, const QString& t) {
             s.includedCos = t.trimmed().isEmpty() ? std::nullopt : std::optional(splitNames(t));
         })
        ->setToolTip(tr("Comma-separated COS the settlement counts; empty counts every COS"));
    f.text(
         tr("Excluded COS"), tr("Change the excluded COS"), tr("none"),
         [](const Scenario& s) { return joinNames(s.excludedCos); },
         [](Scenario& s, const QString& t) { s.excludedCos = splitNames(t); })
        ->setToolTip(
            tr("Comma-separated COS left out of expected and actual cost (e.g. carved-out pharmacy)"));
    f.table(tr("Program changes: a factor on a COS's base cost for the base years before it took effect"),
            programChangesTable(dataNames()));
}

void AssumptionsPanel::trendFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    QDoubleSpinBox* utilization = f.percent(
        tr("Utilization"), tr("Change the utilization trend"), -0.5, 0.5,
        [](const Scenario& s) { return s.trend.defaultTrend.utilization; },
        [](Scenario& s, double v) { s.trend.defaultTrend.utilization = v; });
    utilization->setObjectName(QStringLiteral("defaultUtilizationTrend"));
    QDoubleSpinBox* unitCost = f.percent(
        tr("Unit cost"), tr("Change the unit-cost trend"), -0.5, 0.5,
        [](const Scenario& s) { return s.trend.defaultTrend.unitCost; },
        [](Scenario& s, double v) { s.trend.defaultTrend.unitCost = v; });
    unitCost->setObjectName(QStringLiteral("defaultUnitCostTrend"));
    // Whether the default is in force at all, and for which COS: the by-COS and by-rate-cell
    // tables below replace it, and the sample's scenario replaces it for every included COS.
    auto* note = new QLabel;
    note->setObjectName(QStringLiteral("defaultTrendNote"));
    note->setWordWrap(true);
    form->addRow(note);
    f.table(tr("By COS (replaces the default for that COS)"), trendByCosTable(dataNames()));
    f.table(tr("By rate cell ('all': the cell's default; a COS row wins over it)"),
            trendByRateCellTable(dataNames()));

    QList<QWidget*> labels;
    for (QWidget* field : {static_cast<QWidget*>(utilization), static_cast<QWidget*>(unitCost)})
        labels << form->labelForField(field);
    refreshers_.push_back([this, utilization, unitCost, note, labels] {
        const DefaultTrendInForce inForce = describeDefaultTrend(
            document_->scenario(), document_->experience().cosNames, document_->index().rateCells());
        note->setText(inForce.note);
        note->setVisible(!inForce.note.isEmpty());
        // A warning when the fields change nothing; a plain note when they count for some COS.
        note->setStyleSheet(QStringLiteral("color: %1;")
                                .arg((inForce.usedAnywhere ? palette::kMuted : palette::kWarning).name()));
        AssumptionFieldBuilder::explain(utilization, inForce.tip);
        AssumptionFieldBuilder::explain(unitCost, inForce.tip);
        for (QWidget* label : labels) {
            if (!label)
                continue;
            // Greyed, not disabled: the default can still be edited (for a COS added later).
            QPalette p = label->palette();
            p.setColor(QPalette::WindowText, QApplication::palette().color(
                                                 inForce.usedAnywhere ? QPalette::Active : QPalette::Disabled,
                                                 QPalette::WindowText));
            label->setPalette(p);
            label->setToolTip(inForce.tip);
        }
    });
}

void AssumptionsPanel::thresholdFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.choice(
        tr("Method"), tr("Change the MSR method"),
        {tr("none"), tr("fixed"), tr("elected (totals only)"), tr("confidence interval"), tr("MSSP table")},
        [](const Scenario& s) { return static_cast<int>(s.msr.method); },
        [](Scenario& s, int i) { s.msr.method = static_cast<ThresholdMethod>(i); });
    f.percent(
        tr("Fixed MSR"), tr("Change the MSR"), 0, 1, [](const Scenario& s) { return s.msr.rate; },
        [](Scenario& s, double v) { s.msr.rate = v; });
    f.number(
        tr("Confidence z"), tr("Change the MSR confidence z"), 0, 10,
        [](const Scenario& s) { return s.msr.z; }, [](Scenario& s, double v) { s.msr.z = v; }, 4);
    f.number(
        tr("Coefficient of variation"), tr("Change the MSR coefficient of variation"), 0, 100,
        [](const Scenario& s) { return s.msr.cv; }, [](Scenario& s, double v) { s.msr.cv = v; }, 3);
    f.choice(
        tr("MLR method"), tr("Change the MLR method"),
        {tr("same as the MSR"), tr("none"), tr("fixed"), tr("elected (totals only)"),
         tr("confidence interval"), tr("MSSP table")},
        [](const Scenario& s) { return s.mlr.sameAsMsr ? 0 : 1 + static_cast<int>(s.mlr.method); },
        [](Scenario& s, int i) {
            s.mlr.sameAsMsr = i == 0;
            s.mlr.method = i == 0 ? ThresholdMethod::None : static_cast<ThresholdMethod>(i - 1);
        });
    f.percent(
        tr("Fixed MLR"), tr("Change the MLR"), 0, 1, [](const Scenario& s) { return s.mlr.rate; },
        [](Scenario& s, double v) { s.mlr.rate = v; });
}

void AssumptionsPanel::gateFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.check(
        tr("TCC trend gate"), tr("Switch the TCC trend gate"),
        [](const Scenario& s) { return s.tccTrendGate.enabled; },
        [](Scenario& s, bool on) { s.tccTrendGate.enabled = on; });
    f.percent(
        tr("Maximum TCC trend"), tr("Change the maximum TCC trend"), -0.5, 1,
        [](const Scenario& s) { return s.tccTrendGate.maxTrend; },
        [](Scenario& s, double v) { s.tccTrendGate.maxTrend = v; });
    f.check(
        tr("Appropriateness guardrail"), tr("Switch the appropriateness guardrail"),
        [](const Scenario& s) { return s.appropriateness.enabled; },
        [](Scenario& s, bool on) { s.appropriateness.enabled = on; });
    f.percent(
        tr("Denial rate rise limit"), tr("Change the denial-rate limit"), 0, 1,
        [](const Scenario& s) { return s.appropriateness.maxDenialRateIncrease; },
        [](Scenario& s, double v) { s.appropriateness.maxDenialRateIncrease = v; });
    f.number(
        tr("Grievance rise limit"), tr("Change the grievance-rate limit"), 0, 1000,
        [](const Scenario& s) { return s.appropriateness.maxGrievanceRateIncrease; },
        [](Scenario& s, double v) { s.appropriateness.maxGrievanceRateIncrease = v; }, 2,
        tr(" per 1,000 MM"));
    f.choice(
        tr("When tripped"), tr("Change the guardrail action"), {tr("flag only"), tr("block sharing")},
        [](const Scenario& s) { return static_cast<int>(s.appropriateness.action); },
        [](Scenario& s, int i) { s.appropriateness.action = static_cast<GuardrailAction>(i); });
}

void AssumptionsPanel::qualityFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.choice(
        tr("Scoring"), tr("Change the quality scoring"),
        {tr("attainment"), tr("improvement"), tr("better of the two"), tr("blend")},
        [](const Scenario& s) { return static_cast<int>(s.quality.scoring); },
        [](Scenario& s, int i) { s.quality.scoring = static_cast<QualityScoring>(i); });
    f.percent(
        tr("Attainment weight (blend)"), tr("Change the blend weight"), 0, 1,
        [](const Scenario& s) { return s.quality.blendWeight; },
        [](Scenario& s, double v) { s.quality.blendWeight = v; }, 1);
    f.number(
        tr("Improvement score at most"), tr("Change the improvement maximum"), 0, 100,
        [](const Scenario& s) { return s.quality.improvementMax; },
        [](Scenario& s, double v) { s.quality.improvementMax = v; }, 1);
    f.number(
        tr("Minimum denominator"), tr("Change the minimum denominator"), 0, 1e6,
        [](const Scenario& s) { return double(s.quality.minDenominator); },
        [](Scenario& s, double v) { s.quality.minDenominator = static_cast<int>(v); }, 0);
    f.number(
        tr("Minimum scored measures"), tr("Change the minimum number of measures"), 0, 1000,
        [](const Scenario& s) { return double(s.quality.minMeasures); },
        [](Scenario& s, double v) { s.quality.minMeasures = static_cast<int>(v); }, 0);
    f.check(
        tr("Quality gate enabled"), tr("Switch the quality gate"),
        [](const Scenario& s) { return s.quality.gateEnabled; },
        [](Scenario& s, bool on) { s.quality.gateEnabled = on; });
    f.number(
        tr("Minimum composite"), tr("Change the minimum quality composite"), 0, 100,
        [](const Scenario& s) { return s.quality.minComposite; },
        [](Scenario& s, double v) { s.quality.minComposite = v; }, 1);
}

void AssumptionsPanel::qualityMeasureFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.table(tr("Threshold scores 0, benchmark 100; a gate minimum every plan must reach"),
            qualityMeasuresTable());
}

void AssumptionsPanel::resourceUseFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.choice(
        tr("Savings basis"), tr("Change the savings basis"), {tr("total cost of care"), tr("resource use")},
        [](const Scenario& s) { return static_cast<int>(s.savingsBasis); },
        [](Scenario& s, int i) { s.savingsBasis = static_cast<SavingsBasis>(i); });
    f.table(tr("Measures (IHA style): savings = rate change × unit cost"), resourceUseTable(dataNames()));
}

void AssumptionsPanel::sharingFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    QDoubleSpinBox* maxShare = f.percent(
        tr("Plan share (maximum)"), tr("Change the plan share"), 0, 1,
        [](const Scenario& s) { return s.sharing.maxShare; },
        [](Scenario& s, double v) { s.sharing.maxShare = v; }, 1);
    maxShare->setObjectName(QStringLiteral("maxShare"));
    QSlider* shareSlider = f.sliderFor(maxShare, tr("Change the plan share"),
                                       [](Scenario& s, double v) { s.sharing.maxShare = v; });
    refreshers_.push_back([this, maxShare, shareSlider] {
        // Tiers carry their own shares: the plan share field would change nothing.
        const bool tiers = document_->scenario().sharing.qualityScaling == QualityScaling::Tiers;
        maxShare->setEnabled(!tiers);
        shareSlider->setEnabled(!tiers);
        const QString tip = tiers ? tr("Tier scaling: each tier below carries its own share") : QString();
        if (maxShare->styleSheet().isEmpty())
            maxShare->setToolTip(tip);
        shareSlider->setToolTip(tip);
    });
    f.percent(
        tr("Minimum share (linear)"), tr("Change the minimum share"), 0, 1,
        [](const Scenario& s) { return s.sharing.minShare; },
        [](Scenario& s, double v) { s.sharing.minShare = v; }, 1);
    f.choice(
         tr("Quality scaling"), tr("Change the quality scaling"),
         {tr("none: the plan share"), tr("multiply by Q/100"), tr("tiers"), tr("linear between scores")},
         [](const Scenario& s) { return static_cast<int>(s.sharing.qualityScaling); },
         [](Scenario& s, int i) { s.sharing.qualityScaling = static_cast<QualityScaling>(i); })
        ->setObjectName(QStringLiteral("qualityScaling"));
    f.choice(
         tr("A plan failing a gate"), tr("Change the share rate on a failed gate"),
         {tr("keeps its scaled share rate"), tr("has share rate 0 (CMS: losses at the maximum rate)")},
         [](const Scenario& s) { return static_cast<int>(s.sharing.rateOnFailedGate); },
         [](Scenario& s, int i) { s.sharing.rateOnFailedGate = static_cast<FailedGateRate>(i); })
        ->setObjectName(QStringLiteral("rateOnFailedGate"));
    f.number(
        tr("Linear: share 'minimum' at score"), tr("Change the low quality score"), 0, 100,
        [](const Scenario& s) { return s.sharing.qualityLow; },
        [](Scenario& s, double v) { s.sharing.qualityLow = v; }, 1);
    f.number(
        tr("Linear: share 'maximum' at score"), tr("Change the high quality score"), 0, 100,
        [](const Scenario& s) { return s.sharing.qualityHigh; },
        [](Scenario& s, double v) { s.sharing.qualityHigh = v; }, 1);
    f.table(tr("Tiers (used with tier scaling; each tier carries its own share)"), sharingTiersTable());
    f.check(
        tr("Share from the first dollar"), tr("Switch first-dollar sharing"),
        [](const Scenario& s) { return s.sharing.firstDollar; },
        [](Scenario& s, bool on) { s.sharing.firstDollar = on; });
    f.check(
        tr("Cap the payment"), tr("Switch the payment cap"),
        [](const Scenario& s) { return s.sharing.cap.has_value(); },
        [](Scenario& s, bool on) {
            s.sharing.cap = on ? std::optional<Rate>(s.sharing.cap.value_or(0.1)) : std::nullopt;
        });
    f.percent(
        tr("Cap (share of E)"), tr("Change the payment cap"), 0, 1,
        [](const Scenario& s) { return s.sharing.cap.value_or(0.0); },
        [](Scenario& s, double v) { s.sharing.cap = v; });
    f.percent(
        tr("Payment reduction"), tr("Change the payment reduction"), 0, 1,
        [](const Scenario& s) { return s.sharing.paymentReduction; },
        [](Scenario& s, double v) { s.sharing.paymentReduction = v; });
}

void AssumptionsPanel::lossFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.check(
        tr("Two-sided: plans share losses"), tr("Switch shared losses"),
        [](const Scenario& s) { return s.losses.enabled; },
        [](Scenario& s, bool on) { s.losses.enabled = on; });
    f.choice(
        tr("Loss rate"), tr("Change the loss-rate method"), {tr("fixed"), tr("1 − sharing rate")},
        [](const Scenario& s) { return static_cast<int>(s.losses.rateMethod); },
        [](Scenario& s, int i) { s.losses.rateMethod = static_cast<LossRateMethod>(i); });
    f.percent(
        tr("Fixed loss rate"), tr("Change the loss rate"), 0, 1,
        [](const Scenario& s) { return s.losses.rate; }, [](Scenario& s, double v) { s.losses.rate = v; });
    f.percent(
        tr("Loss rate at least"), tr("Change the minimum loss rate"), 0, 1,
        [](const Scenario& s) { return s.losses.rateMin; },
        [](Scenario& s, double v) { s.losses.rateMin = v; });
    f.percent(
        tr("Loss rate at most"), tr("Change the maximum loss rate"), 0, 1,
        [](const Scenario& s) { return s.losses.rateMax; },
        [](Scenario& s, double v) { s.losses.rateMax = v; });
    f.check(
        tr("Cap the losses"), tr("Switch the loss cap"),
        [](const Scenario& s) { return s.losses.cap.has_value(); },
        [](Scenario& s, bool on) {
            s.losses.cap = on ? std::optional<Rate>(s.losses.cap.value_or(0.05)) : std::nullopt;
        });
    f.percent(
        tr("Loss cap (share of E)"), tr("Change the loss cap"), 0, 1,
        [](const Scenario& s) { return s.losses.cap.value_or(0.0); },
        [](Scenario& s, double v) { s.losses.cap = v; });
}

void AssumptionsPanel::federalShareFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.choice(
         tr("Payment model"), tr("Change the payment model"),
         {tr("fee for service: the payer keeps G and pays P"),
          tr("capitation: the plan holds G and returns G − P")},
         [](const Scenario& s) { return static_cast<int>(s.paymentModel); },
         [](Scenario& s, int i) { s.paymentModel = static_cast<PaymentModel>(i); })
        ->setObjectName(QStringLiteral("paymentModel"));
    f.percent(
        tr("FMAP (default)"), tr("Change the FMAP"), 0, 1,
        [](const Scenario& s) { return s.fmap.defaultRate; },
        [](Scenario& s, double v) { s.fmap.defaultRate = v; }, 1);
    f.table(tr("By rate cell"), fmapByRateCellTable(dataNames()));
}

void AssumptionsPanel::projectionFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.number(
         tr("Start year"), tr("Change the projection start year"), 1989, 2100,
         [](const Scenario& s) { return double(s.projection.startYear.value_or(1989)); },
         [](Scenario& s, double v) {
             s.projection.startYear = v < 1990 ? std::nullopt : std::optional<Year>(static_cast<Year>(v));
         },
         0)
        ->setSpecialValueText(tr("latest experience year"));
    f.number(
        tr("Horizon"), tr("Change the projection horizon"), 1, 50,
        [](const Scenario& s) { return double(s.projection.horizon); },
        [](Scenario& s, double v) { s.projection.horizon = static_cast<int>(v); }, 0, tr(" years"));
    f.number(
        tr("Rate lag"), tr("Change the rate lag"), 0, 10,
        [](const Scenario& s) { return double(s.projection.rateLag); },
        [](Scenario& s, double v) { s.projection.rateLag = static_cast<int>(v); }, 0, tr(" years"));
    f.number(
        tr("Investment"), tr("Change the care-management investment"), 0, 1000,
        [](const Scenario& s) { return s.projection.investmentPmpm; },
        [](Scenario& s, double v) { s.projection.investmentPmpm = v; }, 2, tr(" PMPM"));
    f.percent(
        tr("Enrollment growth"), tr("Change the enrollment growth"), -0.5, 0.5,
        [](const Scenario& s) { return s.projection.enrollmentGrowth; },
        [](Scenario& s, double v) { s.projection.enrollmentGrowth = v; });
    f.percent(
        tr("Utilization change a year"), tr("Change the projected utilization change"), -0.5, 0.5,
        [](const Scenario& s) { return s.projection.utilizationChange.defaultRate; },
        [](Scenario& s, double v) { s.projection.utilizationChange.defaultRate = v; });
    f.table(tr("Utilization change by COS (replaces the default for that COS)"),
            utilizationChangeTable(dataNames()));
    f.text(
         tr("Quality path"), tr("Change the projected quality path"), tr("each plan's latest composite"),
         [](const Scenario& s) {
             QStringList parts;
             if (s.projection.qualityPath)
                 for (double q : *s.projection.qualityPath)
                     parts << QString::number(q, 'g', 15);
             return parts.join(QStringLiteral(", "));
         },
         [](Scenario& s, const QString& t) {
             if (t.trimmed().isEmpty()) {
                 s.projection.qualityPath.reset();
                 return;
             }
             std::vector<Score> path;
             for (const QString& part : t.split(u',', Qt::SkipEmptyParts))
                 path.push_back(cell::readNumber(part, tr("Quality path")));
             s.projection.qualityPath = path;
         })
        ->setToolTip(
            tr("Quality scores for projection years 1, 2, ... (comma separated); empty: each plan's latest"));
    f.percent(
        tr("Administrative load"), tr("Change the administrative load"), 0, 1,
        [](const Scenario& s) { return s.projection.adminLoad; },
        [](Scenario& s, double v) { s.projection.adminLoad = v; });
    f.percent(
        tr("Underwriting gain"), tr("Change the underwriting gain"), 0, 1,
        [](const Scenario& s) { return s.projection.underwritingGain; },
        [](Scenario& s, double v) { s.projection.underwritingGain = v; });
    f.check(
        tr("Care coordination is medical cost"), tr("Switch care coordination to medical"),
        [](const Scenario& s) { return s.projection.careCoordinationToMedical; },
        [](Scenario& s, bool on) { s.projection.careCoordinationToMedical = on; });
}

void AssumptionsPanel::corridorFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.table(tr("One row per band: the state pays (or recoups) its share of the deviation from the target"),
            corridorsTable(dataNames()));
}

void AssumptionsPanel::blendFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.check(
        tr("Blend rate cells"), tr("Switch the blended rate"),
        [](const Scenario& s) { return s.blend.has_value(); },
        [](Scenario& s, bool on) {
            s.blend = on ? std::optional(s.blend.value_or(BlendSpec{})) : std::nullopt;
        });
    f.percent(
        tr("Tolerance"), tr("Change the blend tolerance"), 0, 1,
        [](const Scenario& s) { return s.blend ? s.blend->tolerance : 0.0; },
        [](Scenario& s, double v) {
            if (!s.blend)
                s.blend = BlendSpec{};
            s.blend->tolerance = v;
        });
    f.table(tr("Rate cells in the blend"), blendTable(dataNames()));
}

void AssumptionsPanel::remittanceFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    f.check(
        tr("Remit below a minimum MLR"), tr("Switch the MLR remittance"),
        [](const Scenario& s) { return s.mlrRemittance.enabled; },
        [](Scenario& s, bool on) { s.mlrRemittance.enabled = on; });
    f.percent(
        tr("Minimum MLR"), tr("Change the minimum MLR"), 0, 1,
        [](const Scenario& s) { return s.mlrRemittance.minimum; },
        [](Scenario& s, double v) { s.mlrRemittance.minimum = v; }, 1);
    f.check(
        tr("Flag federal limits (42 CFR 438.6, 438.16)"), tr("Switch the federal limits"),
        [](const Scenario& s) { return s.federalLimits.enabled; },
        [](Scenario& s, bool on) { s.federalLimits.enabled = on; });
    f.percent(
        tr("Incentive payment at most (of capitation)"), tr("Change the incentive limit"), 0, 1,
        [](const Scenario& s) { return s.federalLimits.incentiveMax; },
        [](Scenario& s, double v) { s.federalLimits.incentiveMax = v; }, 1);
    f.percent(
        tr("In lieu of services at most"), tr("Change the in-lieu-of-services limit"), 0, 1,
        [](const Scenario& s) { return s.federalLimits.ilosMax; },
        [](Scenario& s, double v) { s.federalLimits.ilosMax = v; }, 1);
    f.percent(
        tr("Evaluation due above"), tr("Change the evaluation threshold"), 0, 1,
        [](const Scenario& s) { return s.federalLimits.ilosEvaluation; },
        [](Scenario& s, double v) { s.federalLimits.ilosEvaluation = v; }, 1);
}

DataNamesFn AssumptionsPanel::dataNames() const
{
    return [this] {
        DataNames n;
        for (const std::string& c : document_->experience().cosNames)
            n.cos << QString::fromStdString(c);
        for (const std::string& c : document_->index().rateCells())
            n.rateCells << QString::fromStdString(c);
        for (const std::string& u : document_->experience().utilNames)
            n.utils << QString::fromStdString(u);
        return n;
    };
}

int AssumptionsPanel::mergeKeyFor(const QString& undoText)
{
    const auto found = mergeKeys_.constFind(undoText);
    if (found != mergeKeys_.constEnd())
        return *found;
    const int key = static_cast<int>(mergeKeys_.size()) + 1;
    mergeKeys_.insert(undoText, key);
    return key;
}

QString AssumptionsPanel::edit(const QString& text, int mergeKey,
                               const std::function<void(Scenario&)>& change)
{
    Scenario s = document_->scenario();
    try {
        change(s);
        s.validate();
        s.effectiveBaseline(s.performanceYear ? *s.performanceYear : document_->performanceYear());
    } catch (const InputError& e) {
        const QString reason = QString::fromStdString(e.what());
        status_->setText(reason);
        return reason;
    }
    status_->clear();
    if (s == document_->scenario())
        return {}; // re-typing the value in force is no edit: no undo step, nothing marked edited
    document_->setScenario(s, text, mergeKey);
    return {};
}

const Scenario& AssumptionsPanel::scenario() const
{
    return document_->scenario();
}

AssumptionTable* AssumptionsPanel::table(const QString& objectName) const
{
    for (AssumptionTable* t : tables_)
        if (t->objectName() == objectName)
            return t;
    return nullptr;
}

void AssumptionsPanel::rebuildMeasures()
{
    while (measuresForm_->rowCount() > 0)
        measuresForm_->removeRow(0);
    measureRefreshers_.clear();
    measureIds_.clear();
    const Scenario& scenario = document_->scenario();
    if (scenario.quality.measures.empty()) {
        measuresForm_->addRow(new QLabel(tr("The scenario has no quality measures.")));
        return;
    }
    for (std::size_t i = 0; i < scenario.quality.measures.size(); ++i) {
        const QualityMeasure& m = scenario.quality.measures[i];
        measureIds_.push_back(m.id);
        auto* row = new QWidget;
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto* slider = new QSlider(Qt::Horizontal);
        slider->setRange(0, 500); // weight × 100
        slider->setObjectName(QStringLiteral("weightSlider_%1").arg(QString::fromStdString(m.id)));
        auto* box = new FieldSpinBox(tr("Weight of %1").arg(QString::fromStdString(m.id)));
        box->setRange(0.0, 5.0);
        box->setDecimals(2);
        box->setSingleStep(0.25);
        box->setKeyboardTracking(false);
        box->setObjectName(QStringLiteral("weight_%1").arg(QString::fromStdString(m.id)));
        h->addWidget(slider, 1);
        h->addWidget(box);
        const QString label = QString::fromStdString(m.id) +
                              (m.direction == Direction::Lower ? tr(" (lower is better)") : QString());
        measuresForm_->addRow(label, row);
        row->setToolTip(QString::fromStdString(m.name));
        const QString text = tr("Change the weight of %1").arg(QString::fromStdString(m.id));
        const int key = mergeKeyFor(text);
        auto apply = [this, i, text, key, box](double w) {
            AssumptionFieldBuilder::mark(
                box, edit(text, key, [&](Scenario& s) { s.quality.measures[i].weight = w; }));
        };
        connect(slider, &QSlider::valueChanged, this, [this, apply](int v) {
            if (!refreshing_)
                apply(v / 100.0);
        });
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, apply](double v) {
            if (!refreshing_)
                apply(v);
        });
        measureRefreshers_.push_back([this, i, slider, box] {
            const auto& measures = document_->scenario().quality.measures;
            if (i >= measures.size())
                return;
            box->setValue(measures[i].weight);
            slider->setValue(static_cast<int>(std::lround(measures[i].weight * 100.0)));
        });
    }
}

void AssumptionsPanel::refresh()
{
    refreshing_ = true;
    std::vector<std::string> ids;
    for (const QualityMeasure& m : document_->scenario().quality.measures)
        ids.push_back(m.id);
    if (ids != measureIds_ || measuresForm_->rowCount() == 0)
        rebuildMeasures();
    for (const auto& r : refreshers_)
        r();
    for (const auto& r : measureRefreshers_)
        r();
    for (AssumptionTable* t : tables_)
        t->refresh(document_->scenario());
    refreshing_ = false;
}

void AssumptionsPanel::uncertaintyFields(QFormLayout* form)
{
    AssumptionFieldBuilder f(this, form);
    // Null keys sit at the bottom of their field's range, shown as what null means.
    QDoubleSpinBox* cv = f.number(
        tr("Coefficient of variation c"), tr("Change the uncertainty coefficient of variation"), 0, 100,
        [](const Scenario& s) { return s.uncertainty.cv.value_or(0.0); },
        [](Scenario& s, double v) { s.uncertainty.cv = v > 0.0 ? std::optional<double>(v) : std::nullopt; },
        3);
    cv->setSpecialValueText(tr("from the data"));
    AssumptionFieldBuilder::explain(
        cv, tr("Empty (\"from the data\"): c from the member data when the project has it, else msr.cv"));
    cv->setObjectName(QStringLiteral("uncertaintyCv"));
    f.percent(
         tr("α (1 − confidence)"), tr("Change the uncertainty alpha"), 0.001, 0.999,
         [](const Scenario& s) { return s.uncertainty.alpha; },
         [](Scenario& s, double v) { s.uncertainty.alpha = v; }, 1)
        ->setObjectName(QStringLiteral("uncertaintyAlpha"));
    QDoubleSpinBox* trueSavings = f.percent(
        tr("True savings rate s"), tr("Change the true savings rate of the power"), -1.0 - kNoCap, 1.0,
        [](const Scenario& s) { return s.uncertainty.trueSavings.value_or(-1.0 - kNoCap); },
        [](Scenario& s, double v) {
            s.uncertainty.trueSavings = v < -1.0 ? std::nullopt : std::optional<Rate>(v);
        });
    trueSavings->setSpecialValueText(tr("observed S"));
    AssumptionFieldBuilder::explain(
        trueSavings, tr("The s of the power; empty (\"observed S\"): each plan's own savings rate"));
    trueSavings->setObjectName(QStringLiteral("uncertaintyTrueSavings"));
    f.number(
         tr("Monte Carlo draws"), tr("Change the Monte Carlo draws"), 1, UncertaintySpec::kMaxDraws,
         [](const Scenario& s) { return double(s.uncertainty.draws); },
         [](Scenario& s, double v) { s.uncertainty.draws = static_cast<int>(v); }, 0)
        ->setObjectName(QStringLiteral("uncertaintyDraws"));
    f.number(
         tr("Seed"), tr("Change the Monte Carlo seed"), 0, 9007199254740992.0, // 2^53
         [](const Scenario& s) { return double(s.uncertainty.seed); },
         [](Scenario& s, double v) { s.uncertainty.seed = static_cast<std::uint64_t>(v); }, 0)
        ->setObjectName(QStringLiteral("uncertaintySeed"));
    QDoubleSpinBox* shock = f.percent(
        tr("Fan shock sd"), tr("Change the projection fan's shock sd"), 0, 1,
        [](const Scenario& s) { return s.uncertainty.trendSd; },
        [](Scenario& s, double v) { s.uncertainty.trendSd = v; });
    shock->setObjectName(QStringLiteral("uncertaintyTrendSd"));
    AssumptionFieldBuilder::explain(shock,
                                    tr("The sd of the projection fan's common annual utilization shock"));
}

} // namespace sharecast::ui
