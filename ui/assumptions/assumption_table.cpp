#include "ui/assumptions/assumption_table.h"

#include "engine/error.h"
#include "engine/scenario.h"
#include "ui/assumptions/assumptions_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace sharecast::ui {

namespace cell {

namespace {
//! The shortest fixed-point text of v (at most 10 decimals) that reads back as exactly v.
QString shortest(double v, double scale)
{
    const double shown = v * scale;
    for (int d = 0; d <= 10; ++d) {
        const QString t = QString::number(shown, 'f', d);
        if (t.toDouble() / scale == v)
            return t;
    }
    return QString::number(shown, 'g', 17);
}

[[noreturn]] void refuse(const QString& column, const QString& text, const std::string& reason)
{
    InputLocation where;
    where.column = column.toStdString();
    where.value = text.toStdString();
    where.hasValue = true;
    throw InputError(where, reason);
}
} // namespace

QString number(double v)
{
    return shortest(v, 1.0);
}

QString percent(double fraction)
{
    return shortest(fraction, 100.0);
}

double readNumber(const QString& text, const QString& column)
{
    QString t = text.trimmed();
    t.remove(u'$').remove(u',').remove(u'%');
    t.replace(QStringLiteral("−"), QStringLiteral("-"));
    bool ok = false;
    const double v = QLocale::c().toDouble(t.trimmed(), &ok);
    if (!ok || !std::isfinite(v))
        refuse(column, text, "not a number");
    return v;
}

double readPercent(const QString& text, const QString& column)
{
    return readNumber(text, column) / 100.0;
}

int readInt(const QString& text, const QString& column)
{
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (!ok)
        refuse(column, text, "not a whole number");
    return v;
}

QString readName(const QString& text, const QString& column)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        refuse(column, text, "must not be empty");
    return t;
}

} // namespace cell

namespace {

//! A combo box editor for the Choice columns.
class ChoiceDelegate : public QStyledItemDelegate {
public:
    ChoiceDelegate(const std::vector<TableColumn>& columns, QObject* parent)
        : QStyledItemDelegate(parent), columns_(columns)
    {
    }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override
    {
        const TableColumn& c = columns_.at(static_cast<std::size_t>(index.column()));
        if (c.kind != CellKind::Choice)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto* box = new QComboBox(parent);
        box->addItems(c.choices);
        return box;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        if (auto* box = qobject_cast<QComboBox*>(editor))
            box->setCurrentText(index.data().toString());
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        if (auto* box = qobject_cast<QComboBox*>(editor))
            model->setData(index, box->currentText());
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }

private:
    std::vector<TableColumn> columns_;
};

const QColor kRefused(0xf6, 0xd5, 0xd5);

} // namespace

AssumptionTable::AssumptionTable(TableSpec spec, AssumptionsPanel* panel, QWidget* parent)
    : QWidget(parent), spec_(std::move(spec)), panel_(panel)
{
    setObjectName(spec_.objectName);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    table_ = new QTableWidget(0, static_cast<int>(spec_.columns.size()));
    table_->setObjectName(spec_.objectName + QStringLiteral("Table"));
    for (std::size_t c = 0; c < spec_.columns.size(); ++c) {
        auto* header = new QTableWidgetItem(spec_.columns[c].header);
        header->setToolTip(spec_.columns[c].tip);
        table_->setHorizontalHeaderItem(static_cast<int>(c), header);
    }
    table_->setItemDelegate(new ChoiceDelegate(spec_.columns, table_));
    table_->verticalHeader()->setVisible(false);
    // Columns fit their contents, except text after the key column, which keeps a set width (its
    // full text is the cell's tool tip); a table wider than the panel scrolls sideways.
    QHeaderView* header = table_->horizontalHeader();
    header->setMinimumSectionSize(48);
    for (int c = 0; c < table_->columnCount(); ++c) {
        const CellKind kind = spec_.columns[static_cast<std::size_t>(c)].kind;
        if (c > 0 && kind == CellKind::Text) {
            header->setSectionResizeMode(c, QHeaderView::Interactive);
            header->resizeSection(c, 100);
        } else {
            header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
        }
    }
    header->setStretchLastSection(true);
    table_->setWordWrap(false);
    table_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    table_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    layout->addWidget(table_);

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (std::size_t i = 0; i < spec_.adds.size(); ++i) {
        auto* b = new QPushButton(spec_.adds[i].label);
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this,
                [this, i] { add(static_cast<int>(i), table_->currentRow()); });
        buttons->addWidget(b);
    }
    remove_ = new QPushButton(tr("Remove"));
    remove_->setAutoDefault(false);
    remove_->setToolTip(tr("Remove the selected rows (Delete)"));
    connect(remove_, &QPushButton::clicked, this, [this] {
        std::vector<int> rows;
        for (const QModelIndex& i : table_->selectionModel()->selectedRows())
            rows.push_back(i.row());
        if (rows.empty() && table_->currentRow() >= 0)
            rows.push_back(table_->currentRow());
        removeRows(rows);
    });
    buttons->addWidget(remove_);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    table_->installEventFilter(this); // Delete removes the selected rows

    connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (!filling_)
            setCellText(item->row(), item->column(), item->text());
    });
    connect(table_, &QTableWidget::itemSelectionChanged, this,
            [this] { remove_->setEnabled(table_->currentRow() >= 0 || !table_->selectedItems().isEmpty()); });
}

bool AssumptionTable::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == table_ && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Delete) &&
        remove_->isEnabled()) { // (while a cell is edited, its editor gets the keys)
        remove_->click();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString AssumptionTable::cellText(int row, int column) const
{
    const QTableWidgetItem* item = table_->item(row, column);
    return item ? item->text() : QString();
}

void AssumptionTable::refresh(const Scenario& scenario)
{
    TableRows rows = spec_.rows(scenario);
    if (rows == shown_ && !stale_)
        return; // most edits leave most tables as they are: keep the items (and the layout)
    shown_ = std::move(rows);
    stale_ = false;
    filling_ = true;
    const int current = table_->currentRow();
    table_->setRowCount(static_cast<int>(shown_.size()));
    for (int r = 0; r < static_cast<int>(shown_.size()); ++r)
        for (int c = 0; c < table_->columnCount(); ++c) {
            auto* item = new QTableWidgetItem(shown_[static_cast<std::size_t>(r)].value(c));
            if (spec_.columns[static_cast<std::size_t>(c)].kind == CellKind::Text && c > 0)
                item->setToolTip(item->text());
            const CellKind kind = spec_.columns[static_cast<std::size_t>(c)].kind;
            if (kind == CellKind::Number || kind == CellKind::Percent || kind == CellKind::OptionalPercent)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(r, c, item);
        }
    if (current >= 0 && current < table_->rowCount())
        table_->setCurrentCell(current, 0);
    filling_ = false;
    remove_->setEnabled(table_->rowCount() > 0 && table_->currentRow() >= 0);
    table_->setToolTip(shown_.empty() ? spec_.emptyText : QString());
    fitHeight();
}

void AssumptionTable::fitHeight()
{
    // Show every row up to ten, then scroll: the panel itself scrolls.
    const int rows = std::clamp(table_->rowCount(), 1, 10);
    const int rowHeight = table_->verticalHeader()->defaultSectionSize();
    const int height =
        table_->horizontalHeader()->sizeHint().height() + rows * rowHeight + 2 * table_->frameWidth() + 2;
    table_->setMinimumHeight(height);
    table_->setMaximumHeight(height);
}

namespace {

//! A refusal in the words of the column the user typed in: "Plan share must be between 0 % and
//! 100 % (150 was not taken)" rather than "column 'sharing.tiers[2].share', value '1.5': must lie
//! in [0, 1]", which stays on a second line for whoever wants the key path.
QString userMessage(const TableColumn& column, const QString& typed, const QString& refusal)
{
    if (refusal.isEmpty())
        return refusal;
    static const QRegularExpression valueAndReason(QStringLiteral("value '[^']*': (.*)$"));
    static const QRegularExpression range(QStringLiteral("^must lie in \\[(-?[0-9.]+), (-?[0-9.]+)\\]$"));
    static const QRegularExpression unit(QStringLiteral("\\s*\\((%|\\$)\\)$"));
    const QRegularExpressionMatch m = valueAndReason.match(refusal);
    if (!m.hasMatch())
        return refusal;
    QString reason = m.captured(1);
    if (const QRegularExpressionMatch r = range.match(reason); r.hasMatch()) {
        const bool percent = column.kind == CellKind::Percent;
        auto shown = [percent](const QString& bound) {
            return percent ? QLocale::c().toString(bound.toDouble() * 100.0, 'g', 12) + QStringLiteral(" %")
                           : bound;
        };
        reason = QObject::tr("must be between %1 and %2").arg(shown(r.captured(1)), shown(r.captured(2)));
    }
    QString label = column.header;
    label.remove(unit);
    return QObject::tr("%1 %2 (%3 was not taken)\n%4").arg(label, reason, typed, refusal);
}

} // namespace

QString AssumptionTable::setCellText(int row, int column, const QString& text)
{
    // The edit applies to the scenario's rows: text refused in another cell is not read again.
    TableEdit e;
    e.before = shown_;
    e.after = shown_;
    if (row < 0 || row >= static_cast<int>(e.after.size()) || column < 0 || column >= table_->columnCount())
        return tr("no such cell");
    e.after[static_cast<std::size_t>(row)][column] = text;
    e.row = row;
    e.column = column;
    if (e.after == e.before)
        return {};
    const QString key = e.before.at(static_cast<std::size_t>(row)).value(0);
    const TableColumn& spec = spec_.columns[static_cast<std::size_t>(column)];
    const QString reason =
        userMessage(spec, text, commit(e, tr("Edit %1: %2 of %3").arg(spec_.title, spec.header, key)));
    if (!reason.isEmpty()) {
        // Keep the refused text in the cell, marked, until the scenario is shown again.
        filling_ = true;
        if (QTableWidgetItem* item = table_->item(row, column)) {
            item->setText(text);
            item->setBackground(kRefused);
            item->setToolTip(reason);
            stale_ = true;
        }
        filling_ = false;
    }
    return reason;
}

QString AssumptionTable::add(int index, int currentRow)
{
    if (index < 0 || index >= static_cast<int>(spec_.adds.size()))
        return tr("no such action");
    TableEdit e;
    e.before = shown_;
    QString reason;
    try {
        e.after = spec_.adds[static_cast<std::size_t>(index)].add(panel_->scenario(), shown_, currentRow);
    } catch (const InputError& err) {
        reason = QString::fromStdString(err.what());
    }
    if (reason.isEmpty())
        reason = commit(
            e,
            tr("Edit %1: %2").arg(spec_.title, spec_.adds[static_cast<std::size_t>(index)].label.toLower()));
    if (reason.isEmpty()) {
        // Select the first row that differs from before: the one just added.
        std::size_t i = 0;
        while (i < shown_.size() && i < e.before.size() && shown_[i] == e.before[i])
            ++i;
        if (i < shown_.size())
            table_->setCurrentCell(static_cast<int>(i), 0);
    }
    return reason;
}

QString AssumptionTable::removeRows(std::vector<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.empty())
        return {};
    TableEdit e;
    e.before = shown_;
    for (int r = 0; r < static_cast<int>(shown_.size()); ++r)
        if (!std::binary_search(rows.begin(), rows.end(), r))
            e.after.push_back(shown_[static_cast<std::size_t>(r)]);
    const QString what = rows.size() == 1 ? shown_.at(static_cast<std::size_t>(rows.front())).value(0)
                                          : tr("%n rows", nullptr, static_cast<int>(rows.size()));
    return commit(e, tr("Edit %1: remove %2").arg(spec_.title, what));
}

QString AssumptionTable::commit(const TableEdit& edit, const QString& undoText)
{
    return panel_->edit(undoText, -1, [&](Scenario& s) { spec_.apply(s, edit); });
}

} // namespace sharecast::ui
