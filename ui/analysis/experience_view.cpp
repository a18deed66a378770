#include "ui/analysis/experience_view.h"

#include "engine/rounding.h"
#include "ui/analysis/experience_model.h"
#include "ui/document/fit_columns.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <map>
#include <set>
#include <utility>

namespace sharecast::ui {

namespace {

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

//! Sets a combo box's entries ("All" first, data empty) and keeps the current choice if it is
//! still offered.
void refill(QComboBox* combo, const QList<std::pair<QString, QVariant>>& entries)
{
    const QVariant current = combo->currentData();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(QObject::tr("All"), QVariant());
    for (const auto& [label, value] : entries)
        combo->addItem(label, value);
    const int i = current.isValid() ? combo->findData(current) : -1;
    combo->setCurrentIndex(i < 0 ? 0 : i);
}

//! The common setup of the view's tables.
void setUpTable(QTableView* table)
{
    table->setSortingEnabled(true);
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectItems);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setResizeContentsPrecision(400);
    table->horizontalHeader()->setHighlightSections(false);
}

QString clean(QString s)
{
    return s.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
}

} // namespace

// --- ExperienceFilterModel ---------------------------------------------------------------------

ExperienceFilterModel::ExperienceFilterModel(ExperienceModel* source, QObject* parent)
    : QSortFilterProxyModel(parent), source_(source)
{
    setSourceModel(source_);
    setSortRole(Qt::UserRole);
}

void ExperienceFilterModel::setPlan(const QString& planId)
{
    plan_ = planId.toStdString();
    invalidateRowsFilter();
}

void ExperienceFilterModel::setRegion(const QString& region)
{
    region_ = region.toStdString();
    invalidateRowsFilter();
}

void ExperienceFilterModel::setRateCell(const QString& rateCell)
{
    rateCell_ = rateCell.toStdString();
    invalidateRowsFilter();
}

void ExperienceFilterModel::setYear(std::optional<Year> year)
{
    year_ = year;
    invalidateRowsFilter();
}

bool ExperienceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const ExperienceCell& c = source_->cell(sourceRow);
    return (plan_.empty() || c.planId == plan_) && (region_.empty() || c.region == region_) &&
           (rateCell_.empty() || c.rateCell == rateCell_) && (!year_ || c.year == *year_);
}

// --- ExperienceSummaryModel --------------------------------------------------------------------

namespace {
const char* const kSummaryHeaders[ExperienceSummaryModel::ColumnCount] = {
    "Rate cell", "Year", "Member months", "Members", "Included cost ($)", "Included PMPM"};
const char* const kSummaryTips[ExperienceSummaryModel::ColumnCount] = {
    "Rate cell (category of aid)",
    "Year",
    "Member months, every plan and region",
    "Average members: member months / 12 (§0)",
    "Paid amount of the COS the scenario includes (§2)",
    "Included cost / member months (§0)"};
} // namespace

ExperienceSummaryModel::ExperienceSummaryModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document)
{
    rebuild();
    auto reset = [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    };
    connect(document_, &ProjectDocument::projectChanged, this, reset);
    connect(document_, &ProjectDocument::scenarioChanged, this, reset); // the included COS may change
}

void ExperienceSummaryModel::rebuild()
{
    const ExperienceData& data = document_->experience();
    const Scenario& scenario = document_->scenario();
    std::vector<bool> included;
    excludedCos_.clear();
    for (const std::string& cos : data.cosNames) {
        included.push_back(scenario.includesCos(cos));
        if (!included.back())
            excludedCos_ << cosLabel(cos);
    }
    std::map<std::pair<std::string, Year>, Row> sums; // sorted by rate cell, then year
    for (const ExperienceCell& c : data.cells) {
        Row& r = sums[{c.rateCell, c.year}];
        r.memberMonths += c.memberMonths;
        for (std::size_t s = 0; s < c.cost.size() && s < included.size(); ++s)
            if (included[s])
                r.includedCost += c.cost[s];
    }
    rows_.clear();
    rows_.reserve(sums.size());
    for (auto& [key, row] : sums) {
        row.rateCell = key.first;
        row.year = key.second;
        rows_.push_back(std::move(row));
    }
}

int ExperienceSummaryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ExperienceSummaryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExperienceSummaryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    const double pmpm = r.memberMonths > 0.0 ? r.includedCost / r.memberMonths : 0.0; // §0
    const int col = index.column();
    if (role == Qt::UserRole) {
        switch (col) {
        case RateCellColumn: return text(r.rateCell);
        case YearColumn: return r.year;
        case MemberMonthsColumn: return r.memberMonths;
        case MembersColumn: return memberYears(r.memberMonths);
        case IncludedCostColumn: return r.includedCost;
        case IncludedPmpmColumn: return pmpm;
        default: return {};
        }
    }
    if (role == Qt::DisplayRole || role == ExperienceModel::ExportRole) {
        const bool plain = role == ExperienceModel::ExportRole;
        switch (col) {
        case RateCellColumn: return text(r.rateCell);
        case YearColumn: return QString::number(r.year);
        case MemberMonthsColumn:
            return plain ? QString::number(r.memberMonths, 'g', 15) : formatNumber(r.memberMonths, 0);
        case MembersColumn:
            return plain ? text(formatMembers(memberYears(r.memberMonths)))
                         : formatNumber(memberYears(r.memberMonths), 1);
        case IncludedCostColumn:
            return plain ? text(formatMoney(r.includedCost)) : formatDollars(r.includedCost);
        case IncludedPmpmColumn: return plain ? text(formatMoney(pmpm)) : formatDollars(pmpm);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return col == RateCellColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                     : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ExperienceSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return QString::fromLatin1(kSummaryHeaders[section]);
    if (role == Qt::ToolTipRole)
        return QString::fromUtf8(kSummaryTips[section]);
    if (role == Qt::TextAlignmentRole)
        return section == RateCellColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                         : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

// --- ExperienceView ----------------------------------------------------------------------------

ExperienceView::ExperienceView(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document)
{
    model_ = new ExperienceModel(document_, this);
    filter_ = new ExperienceFilterModel(model_, this);
    summary_ = new ExperienceSummaryModel(document_, this);

    auto* filters = new QHBoxLayout;
    auto addCombo = [&](const QString& label, const QString& name) {
        auto* l = new QLabel(label);
        auto* combo = new QComboBox;
        combo->setObjectName(name);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumContentsLength(6);
        l->setBuddy(combo);
        filters->addWidget(l);
        filters->addWidget(combo);
        filters->addSpacing(10);
        connect(combo, &QComboBox::currentIndexChanged, this, &ExperienceView::applyFilters);
        return combo;
    };
    plan_ = addCombo(tr("&Plan"), QStringLiteral("planFilter"));
    region_ = addCombo(tr("&Region"), QStringLiteral("regionFilter"));
    rateCell_ = addCombo(tr("Rate &cell"), QStringLiteral("rateCellFilter"));
    year_ = addCombo(tr("&Year"), QStringLiteral("yearFilter"));
    pmpm_ = new QCheckBox(tr("P&MPM"));
    pmpm_->setObjectName(QStringLiteral("pmpm"));
    pmpm_->setToolTip(tr("Show the cost columns per member month instead of totals"));
    filters->addWidget(pmpm_);
    filters->addStretch(1);
    count_ = new QLabel;
    count_->setObjectName(QStringLiteral("cellCount"));
    filters->addWidget(count_);

    table_ = new QTableView;
    table_->setObjectName(QStringLiteral("experienceTable"));
    table_->setModel(filter_);
    setUpTable(table_);
    table_->sortByColumn(-1, Qt::AscendingOrder); // the dataset's order until a header is clicked

    summaryTable_ = new QTableView;
    summaryTable_->setObjectName(QStringLiteral("experienceSummary"));
    summaryTable_->setModel(summary_);
    setUpTable(summaryTable_);
    summaryTable_->sortByColumn(-1, Qt::AscendingOrder);
    // As wide as its few columns rather than an empty frame across the window.
    summaryTable_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    summaryTable_->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Expanding);
    summaryTitle_ = new QLabel;
    summaryTitle_->setWordWrap(true);

    auto* summaryBox = new QWidget;
    auto* summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->setContentsMargins(0, 4, 0, 0);
    summaryLayout->addWidget(summaryTitle_);
    summaryLayout->addWidget(summaryTable_, 1, Qt::AlignLeft);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(table_);
    splitter->addWidget(summaryBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({440, 280});
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    connect(pmpm_, &QCheckBox::toggled, this, [this](bool on) { model_->setShowPmpm(on); });
    table_->installEventFilter(this);
    summaryTable_->installEventFilter(this);

    auto refreshSummary = [this] {
        const QStringList& excluded = summary_->excludedCos();
        summaryTitle_->setText(
            excluded.isEmpty()
                ? tr("<b>Statewide by rate cell and year</b> — every category of service included")
                : tr("<b>Statewide by rate cell and year</b> — included COS, without %1")
                      .arg(excluded.join(QStringLiteral(", "))));
    };
    connect(summary_, &QAbstractItemModel::modelReset, this, refreshSummary);
    connect(model_, &QAbstractItemModel::modelReset, this, [this] { fillFilters(); });
    connect(filter_, &QAbstractItemModel::rowsInserted, this, &ExperienceView::updateCount);
    connect(filter_, &QAbstractItemModel::rowsRemoved, this, &ExperienceView::updateCount);
    connect(filter_, &QAbstractItemModel::modelReset, this, &ExperienceView::updateCount);
    connect(filter_, &QAbstractItemModel::layoutChanged, this, &ExperienceView::updateCount);

    fillFilters();
    refreshSummary();
    // Measured when on screen (the table has a row per cell).
    new FitColumnsToContents(table_);
    new FitColumnsToContents(summaryTable_);
}

void ExperienceView::fillFilters()
{
    const ExperienceData& data = document_->experience();
    std::set<std::string> plans, regions, rateCells;
    std::set<Year> years;
    for (const ExperienceCell& c : data.cells) {
        plans.insert(c.planId);
        regions.insert(c.region);
        rateCells.insert(c.rateCell);
        years.insert(c.year);
    }
    QList<std::pair<QString, QVariant>> entries;
    for (const std::string& p : plans) {
        const std::string name = data.planName(p);
        entries.append({name == p ? text(p) : text(p) + QStringLiteral(" — ") + text(name), text(p)});
    }
    refill(plan_, entries);
    entries.clear();
    for (const std::string& r : regions)
        entries.append({text(r), text(r)});
    refill(region_, entries);
    entries.clear();
    for (const std::string& r : rateCells)
        entries.append({text(r), text(r)});
    refill(rateCell_, entries);
    entries.clear();
    for (const Year y : years)
        entries.append({QString::number(y), y});
    refill(year_, entries);
    applyFilters();
}

void ExperienceView::applyFilters()
{
    filter_->setPlan(plan_->currentData().toString());
    filter_->setRegion(region_->currentData().toString());
    filter_->setRateCell(rateCell_->currentData().toString());
    const QVariant y = year_->currentData();
    filter_->setYear(y.isValid() ? std::optional<Year>(y.toInt()) : std::nullopt);
    updateCount();
}

void ExperienceView::updateCount()
{
    const int shown = filter_->rowCount();
    const int all = model_->rowCount();
    count_->setText(shown == all ? tr("%1 cells").arg(formatNumber(all, 0))
                                 : tr("%1 of %2 cells").arg(formatNumber(shown, 0), formatNumber(all, 0)));
}

QString ExperienceView::copySelection()
{
    return copySelectionAsTsv(table_);
}

bool ExperienceView::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == table_ || watched == summaryTable_) && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copySelectionAsTsv(static_cast<QTableView*>(watched));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString copySelectionAsTsv(const QTableView* table)
{
    const QString tsv = selectionAsTsv(table);
    if (!tsv.isEmpty())
        QGuiApplication::clipboard()->setText(tsv);
    return tsv;
}

QString selectionAsTsv(const QTableView* table)
{
    const QItemSelectionModel* selection = table->selectionModel();
    const QAbstractItemModel* model = table->model();
    if (!selection || !model || !selection->hasSelection())
        return {};
    const QHeaderView* header = table->horizontalHeader();
    std::set<int> rows;
    std::map<int, int> columns; // visual position → logical column
    std::set<std::pair<int, int>> selected;
    for (const QModelIndex& i : selection->selectedIndexes()) {
        if (table->isRowHidden(i.row()) || table->isColumnHidden(i.column()))
            continue;
        rows.insert(i.row());
        columns[header->visualIndex(i.column())] = i.column();
        selected.insert({i.row(), i.column()});
    }
    if (rows.empty())
        return {};
    QString out;
    QStringList fields;
    for (const auto& [visual, column] : columns)
        fields << clean(model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    out += fields.join(u'\t') + u'\n';
    for (const int row : rows) {
        fields.clear();
        for (const auto& [visual, column] : columns) {
            if (!selected.contains({row, column})) {
                fields << QString();
                continue;
            }
            const QModelIndex i = model->index(row, column);
            QVariant v = model->data(i, ExperienceModel::ExportRole);
            if (!v.isValid())
                v = model->data(i, Qt::DisplayRole);
            fields << clean(v.toString());
        }
        out += fields.join(u'\t') + u'\n';
    }
    return out;
}

} // namespace sharecast::ui
