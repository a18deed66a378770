#include "ui/analysis/compare_view.h"

#include "engine/rounding.h"
#include "engine/settlement.h"
#include "io/project/scenario_store.h"
#include "io/report/report_csv.h"
#include "io/scenario/scenario_diff.h"
#include "ui/analysis/experience_model.h"
#include "ui/analysis/experience_view.h"
#include "ui/charts/compare_chart.h"
#include "ui/document/fit_columns.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/document/refresh_when_shown.h"
#include "ui/palette.h"

#include <QAbstractTableModel>
#include <QBrush>
#include <QColor>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <exception>
#include <iterator>
#include <set>

namespace sharecast::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;
const QColor kDeltaBackground(0xf1, 0xf5, 0xfa);

//! The letter that stands for compared scenario i in headings: A (the reference), B, C …
QString letter(int i)
{
    return i < 26 ? QString(QChar(u'A' + i)) : QStringLiteral("S%1").arg(i + 1);
}

//! The heading of scenario i's own figures, or of its difference against the reference.
QString scenarioHeading(int i, bool delta)
{
    return delta ? letter(i) + QStringLiteral(" − A") : letter(i);
}

QVariant alignRight()
{
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
}
QVariant alignLeft()
{
    return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
}

//! The display roles every money cell of the comparison shares.
QVariant moneyData(double value, int role, bool delta)
{
    switch (role) {
    case Qt::DisplayRole: return formatDollars(value);
    case Qt::UserRole: return value;
    case ExperienceModel::ExportRole: return QString::fromStdString(formatMoney(value));
    case Qt::TextAlignmentRole: return alignRight();
    case Qt::ForegroundRole: return value < 0 ? QVariant(QBrush(palette::kError)) : QVariant();
    case Qt::BackgroundRole: return delta ? QVariant(QBrush(kDeltaBackground)) : QVariant();
    default: return {};
    }
}

} // namespace

// --- the per-plan table ------------------------------------------------------------------------

//! One row per plan: plan, name, then per scenario its payment and program net, and for each
//! scenario after the reference the differences against it.
class ComparePlanModel : public QAbstractTableModel {
public:
    ComparePlanModel(const CompareView* view, ProjectDocument* document, QObject* parent)
        : QAbstractTableModel(parent), view_(view), document_(document)
    {
    }

    //! Re-reads the view's comparison.
    void refresh()
    {
        beginResetModel();
        endResetModel();
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(view_->plans().size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        const auto n = static_cast<int>(view_->compared().size());
        return parent.isValid() || n == 0 ? 0 : 2 + 2 + 4 * (n - 1);
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || index.row() >= rowCount())
            return {};
        const QString& plan = view_->plans()[index.row()];
        if (index.column() < 2) {
            const QString text =
                index.column() == 0
                    ? plan
                    : QString::fromStdString(document_->experience().planName(plan.toStdString()));
            if (role == Qt::DisplayRole || role == Qt::UserRole || role == ExperienceModel::ExportRole)
                return text;
            if (role == Qt::TextAlignmentRole)
                return alignLeft();
            return {};
        }
        const auto [scenario, kind] = split(index.column());
        double value = 0.0;
        switch (kind) {
        case 0: value = view_->payment(scenario, plan); break;
        case 1: value = view_->programNet(scenario, plan); break;
        case 2: value = view_->paymentDelta(scenario, plan); break;
        default: value = view_->programNetDelta(scenario, plan); break;
        }
        if (role == Qt::ToolTipRole)
            return tip(scenario, kind);
        return moneyData(value, role, kind >= 2);
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
            return {};
        if (section < 2) {
            if (role == Qt::DisplayRole)
                return section == 0 ? tr("Plan") : tr("Name");
            if (role == Qt::TextAlignmentRole)
                return alignLeft();
            return {};
        }
        const auto [scenario, kind] = split(section);
        if (role == Qt::DisplayRole) {
            const QString what = kind % 2 == 0 ? tr("Plan payment ($)") : tr("Program net ($)");
            return scenarioHeading(scenario, kind >= 2) + u'\n' + what;
        }
        if (role == Qt::ToolTipRole)
            return tip(scenario, kind);
        if (role == Qt::TextAlignmentRole)
            return alignRight();
        return {};
    }

private:
    //! Column → (scenario, kind): kind 0 payment, 1 program net, 2 Δ payment, 3 Δ program net.
    static std::pair<int, int> split(int column)
    {
        const int k = column - 2;
        if (k < 2)
            return {0, k};
        return {1 + (k - 2) / 4, (k - 2) % 4};
    }

    QString tip(int scenario, int kind) const
    {
        const QString& name = view_->compared()[scenario].name;
        const QString& reference = view_->compared().front().name;
        switch (kind) {
        case 0: return tr("Payment P to the plan in %1 (negative: owed by the plan) (§8)").arg(name);
        case 1: return tr("Program net G − P in %1 (§8)").arg(name);
        case 2: return tr("Payment in %1 minus payment in %2").arg(name, reference);
        default: return tr("Program net in %1 minus program net in %2").arg(name, reference);
        }
    }

    const CompareView* view_;
    ProjectDocument* document_;
};

// --- the statewide table -----------------------------------------------------------------------

//! One row per statewide figure, one column per scenario, and after each scenario but the
//! reference its difference against the reference.
class CompareStatewideModel : public QAbstractTableModel {
public:
    explicit CompareStatewideModel(const CompareView* view, QObject* parent)
        : QAbstractTableModel(parent), view_(view)
    {
    }

    //! Re-reads the view's comparison.
    void refresh()
    {
        beginResetModel();
        endResetModel();
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() || view_->compared().isEmpty() ? 0 : kFigures;
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        const auto n = static_cast<int>(view_->compared().size());
        return parent.isValid() || n == 0 ? 0 : 1 + 1 + 2 * (n - 1);
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || index.row() >= rowCount())
            return {};
        const int row = index.row();
        if (index.column() == 0) {
            if (role == Qt::DisplayRole || role == Qt::UserRole || role == ExperienceModel::ExportRole)
                return tr(kNames[row]);
            if (role == Qt::ToolTipRole)
                return QString::fromUtf8(kTips[row]);
            if (role == Qt::TextAlignmentRole)
                return alignLeft();
            return {};
        }
        const auto [scenario, delta] = split(index.column());
        double value = figure(view_->statewide(scenario), row);
        if (delta)
            value -= figure(view_->statewide(0), row);
        return moneyData(value, role, delta);
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
            return {};
        if (section == 0)
            return role == Qt::DisplayRole ? QVariant(tr("Statewide"))
                                           : (role == Qt::TextAlignmentRole ? alignLeft() : QVariant());
        const auto [scenario, delta] = split(section);
        const QString& name = view_->compared()[scenario].name;
        if (role == Qt::DisplayRole)
            return scenarioHeading(scenario, delta) + tr(" ($)");
        if (role == Qt::ToolTipRole)
            return delta ? tr("%1 minus %2").arg(name, view_->compared().front().name) : name;
        if (role == Qt::TextAlignmentRole)
            return alignRight();
        return {};
    }

private:
    static constexpr int kFigures = 7;
    static constexpr const char* kNames[kFigures] = {"Expected cost", "Actual cost", "Gross savings",
                                                     "Plan payments", "Program net", "Federal share",
                                                     "State share"};
    static constexpr const char* kTips[kFigures] = {
        "Σ E over the plans (§2)",           "Σ A over the plans (§3)",
        "Σ G over the plans (§4, §7)",       "Σ P over the plans (§8)",
        "Σ (G − P) over the plans (§8)",     "Federal part of the program net (§9)",
        "State part of the program net (§9)"};

    static std::pair<int, bool> split(int column)
    {
        if (column == 1)
            return {0, false};
        return {1 + (column - 2) / 2, (column - 2) % 2 == 1};
    }

    static double figure(const StatewideFigures& f, int row)
    {
        switch (row) {
        case 0: return f.expected;
        case 1: return f.actual;
        case 2: return f.grossSavings;
        case 3: return f.payments;
        case 4: return f.programNet;
        case 5: return f.federal;
        default: return f.state;
        }
    }

    const CompareView* view_;
};

// --- CompareView -------------------------------------------------------------------------------

CompareView::CompareView(ProjectDocument* document, QWidget* parent) : QWidget(parent), document_(document)
{
    auto* intro = new QLabel(tr("<b>Scenarios</b> — check two or more; the first checked is the reference A "
                                "(drag to reorder)."));
    intro->setWordWrap(true);
    list_ = new QListWidget;
    list_->setObjectName(QStringLiteral("compareScenarios"));
    list_->setDragDropMode(QAbstractItemView::InternalMove);
    list_->setDefaultDropAction(Qt::MoveAction);
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("compareStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(intro);
    leftLayout->addWidget(list_, 1);
    left->setFixedWidth(190);

    auto setUp = [this](QTableView* t, const QString& name) {
        t->setObjectName(name);
        t->setAlternatingRowColors(true);
        t->verticalHeader()->setVisible(false);
        t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
        new FitColumnsToContents(t);
        t->horizontalHeader()->setHighlightSections(false);
        t->setSelectionMode(QAbstractItemView::ExtendedSelection);
        t->installEventFilter(this);
    };
    statewideModel_ = new CompareStatewideModel(this, this);
    statewideTable_ = new QTableView;
    statewideTable_->setModel(statewideModel_);
    setUp(statewideTable_, QStringLiteral("compareStatewide"));
    // As wide as its columns (they grow with the scenarios compared); the chart takes the rest.
    statewideTable_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    statewideTable_->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Maximum); // never clipped

    planModel_ = new ComparePlanModel(this, document_, this);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(planModel_);
    proxy->setSortRole(Qt::UserRole);
    planTable_ = new QTableView;
    planTable_->setModel(proxy);
    setUp(planTable_, QStringLiteral("comparePlans"));
    planTable_->setSortingEnabled(true);
    planTable_->sortByColumn(0, Qt::AscendingOrder);

    chart_ = new QCustomPlot;
    chart_->setObjectName(QStringLiteral("compareChart"));
    chart_->setMinimumWidth(280);
    chartController_ = new CompareChartController(chart_, chart_);

    // Top: the scenarios, the statewide figures and the chart; below: the plans, full width.
    auto* top = new QWidget;
    auto* topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(left);
    topLayout->addWidget(statewideTable_, 0, Qt::AlignTop);
    topLayout->addWidget(chart_, 1);
    assumptionTable_ = new QTableWidget;
    assumptionTable_->setObjectName(QStringLiteral("compareAssumptions"));
    assumptionTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    assumptionTable_->setSelectionBehavior(QAbstractItemView::SelectItems);
    assumptionTable_->verticalHeader()->hide();
    assumptionTable_->installEventFilter(this);
    lowerTabs_ = new QTabWidget;
    lowerTabs_->setObjectName(QStringLiteral("compareLowerTabs"));
    lowerTabs_->addTab(planTable_, tr("&Plans"));
    lowerTabs_->addTab(assumptionTable_, tr("Assumptions that &differ"));
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(lowerTabs_);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 440});
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(status_);
    layout->addWidget(splitter, 1);

    connect(list_, &QListWidget::itemChanged, this, [this] {
        if (!updatingList_)
            scheduleCompare();
    });
    connect(list_->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        if (!updatingList_)
            scheduleCompare();
    });
    // The list reads the project's stored scenarios: when the view is on screen, not on each edit
    // made on another tab.
    auto* list = new RefreshWhenShown(this, this, [this] { refreshList(); });
    connect(document_, &ProjectDocument::projectChanged, list, &RefreshWhenShown::request);
    connect(document_, &ProjectDocument::scenarioChanged, this, [this, list] {
        list->request();
        const bool withEdited =
            std::any_of(compared_.cbegin(), compared_.cend(),
                        [](const ComparedScenario& c) { return c.id == kEditedScenario; });
        if (!compared_.isEmpty() && (withEdited || document_->performanceYear() != year_))
            scheduleCompare();
    });

    refreshList();
    compare({});
}

void CompareView::refreshList()
{
    // Does the edited scenario differ from its stored version?
    io::ScenarioStore store(document_->store());
    editedDiffers_ = true;
    if (const std::optional<qint64> id = document_->scenarioId()) {
        try {
            editedDiffers_ = !(store.load(*id) == document_->scenario());
        } catch (const std::exception&) {
            editedDiffers_ = true;
        }
    }

    // Keep the user's order and checks.
    QList<qint64> order;
    std::set<qint64> checked;
    for (int i = 0; i < list_->count(); ++i) {
        const qint64 id = list_->item(i)->data(kIdRole).toLongLong();
        order << id;
        if (list_->item(i)->checkState() == Qt::Checked)
            checked.insert(id);
    }
    struct Entry {
        qint64 id;
        QString text;
        QString tip;
    };
    QList<Entry> entries;
    const QString editedName = tr("%1 (edited)").arg(QString::fromStdString(document_->scenario().name));
    for (const io::ScenarioInfo& s : document_->scenarios()) {
        entries.append(
            {s.id, s.name,
             tr("Version %1, saved %2%3")
                 .arg(s.version)
                 .arg(QLocale().toString(s.modified, QLocale::ShortFormat),
                      s.description.isEmpty() ? QString() : QStringLiteral("\n") + s.description)});
        if (editedDiffers_ && document_->scenarioId() == s.id)
            entries.append({kEditedScenario, editedName, tr("The scenario as edited, not yet saved")});
    }
    if (editedDiffers_ && !document_->scenarioId())
        entries.append({kEditedScenario, editedName, tr("The scenario as edited, not yet saved")});
    std::stable_sort(entries.begin(), entries.end(), [&order](const Entry& a, const Entry& b) {
        const auto rank = [&order](qint64 id) {
            const auto i = order.indexOf(id);
            return i < 0 ? order.size() : i;
        };
        return rank(a.id) < rank(b.id);
    });

    updatingList_ = true;
    list_->clear();
    bool lostChecked = false;
    std::set<qint64> present;
    for (const Entry& e : entries) {
        auto* item = new QListWidgetItem(e.text, list_);
        item->setData(kIdRole, e.id);
        item->setToolTip(e.tip);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                       Qt::ItemIsDragEnabled);
        item->setCheckState(checked.contains(e.id) ? Qt::Checked : Qt::Unchecked);
        present.insert(e.id);
    }
    for (const qint64 id : checked)
        lostChecked = lostChecked || !present.contains(id);
    updatingList_ = false;
    if (lostChecked)
        scheduleCompare();
}

QList<qint64> CompareView::checkedIds() const
{
    QList<qint64> ids;
    for (int i = 0; i < list_->count(); ++i)
        if (list_->item(i)->checkState() == Qt::Checked)
            ids << list_->item(i)->data(kIdRole).toLongLong();
    return ids;
}

void CompareView::scheduleCompare()
{
    if (comparePending_)
        return;
    comparePending_ = true;
    QTimer::singleShot(0, this, &CompareView::compareChecked);
}

void CompareView::compareChecked()
{
    if (comparePending_)
        compare(checkedIds());
}

void CompareView::compare(const QList<qint64>& ids)
{
    comparePending_ = false;

    // Check exactly these scenarios and list them first, in this order.
    updatingList_ = true;
    for (int target = 0; target < ids.size(); ++target)
        for (int i = target; i < list_->count(); ++i)
            if (list_->item(i)->data(kIdRole).toLongLong() == ids[target]) {
                if (i != target)
                    list_->insertItem(target, list_->takeItem(i));
                break;
            }
    for (int i = 0; i < list_->count(); ++i) {
        QListWidgetItem* item = list_->item(i);
        item->setCheckState(ids.contains(item->data(kIdRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
    }
    updatingList_ = false;

    // Settle each over the same data and performance year.
    compared_.clear();
    errors_.clear();
    plans_.clear();
    chartDeltas_.clear();
    year_ = document_->performanceYear();
    QList<Scenario> settled;
    if (ids.size() >= 2) {
        io::ScenarioStore store(document_->store());
        SettlementOptions options;
        options.year = year_;
        options.trace = false;
        std::set<QString> plans;
        for (const qint64 id : ids) {
            ComparedScenario c;
            c.id = id;
            c.name = id == kEditedScenario
                         ? tr("%1 (edited)").arg(QString::fromStdString(document_->scenario().name))
                         : tr("scenario %1").arg(id);
            try {
                Scenario scenario;
                if (id == kEditedScenario) {
                    scenario = document_->scenario();
                } else {
                    c.name = store.info(id).name;
                    scenario = store.load(id);
                }
                const Settlement s = settle(document_->index(), document_->quality(), scenario, options);
                for (const PlanSettlement& p : s.plans) {
                    const QString plan = QString::fromStdString(p.planId);
                    c.plans.insert(plan, ComparedPlan{p.payment.payment, p.programNet});
                    plans.insert(plan);
                }
                // Statewide: the plans' figures in cents, summed (they foot with the plan table).
                c.statewide = statewideTotals(s);
                compared_ << c;
                settled << scenario;
            } catch (const std::exception& e) {
                errors_ << tr("%1: %2").arg(c.name, QString::fromUtf8(e.what()));
            }
        }
        if (compared_.size() < 2)
            compared_.clear();
        else
            for (const QString& p : plans)
                plans_ << p;
    }
    for (int s = 1; s < compared_.size(); ++s) {
        QVector<double> deltas;
        for (const QString& plan : plans_)
            deltas << paymentDelta(s, plan) / 1e6;
        chartDeltas_ << deltas;
    }

    planModel_->refresh();
    statewideModel_->refresh();
    showDifferingAssumptions(compared_.isEmpty() ? QList<Scenario>{} : settled);
    // The plan's name at a set width (elided; the full name is in the settlement tab), so the
    // differences at the right fit a 1366-pixel screen.
    if (QHeaderView* h = planTable_->horizontalHeader();
        h->count() > 1 && h->sectionResizeMode(1) != QHeaderView::Interactive) {
        h->setSectionResizeMode(1, QHeaderView::Interactive);
        h->resizeSection(1, 170);
    }
    redrawChart();

    QString status;
    if (compared_.isEmpty()) {
        status = tr("Check two or more scenarios to compare them.");
    } else {
        QStringList legend;
        for (int i = 0; i < compared_.size(); ++i)
            legend << QStringLiteral("<b>%1</b> = %2").arg(letter(i), compared_[i].name.toHtmlEscaped());
        status = tr("Settled for %1 over the project's data; differences against A. %2")
                     .arg(year_)
                     .arg(legend.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    }
    for (const QString& e : errors_)
        status += QStringLiteral("<br><span style='color:%1'>").arg(palette::kError.name()) +
                  e.toHtmlEscaped() + QStringLiteral("</span>");
    status_->setText(status);
}

Dollars CompareView::payment(int scenario, const QString& plan) const
{
    return compared_[scenario].plans.value(plan).payment;
}

Dollars CompareView::programNet(int scenario, const QString& plan) const
{
    return compared_[scenario].plans.value(plan).programNet;
}

Dollars CompareView::paymentDelta(int scenario, const QString& plan) const
{
    return payment(scenario, plan) - payment(0, plan);
}

Dollars CompareView::programNetDelta(int scenario, const QString& plan) const
{
    return programNet(scenario, plan) - programNet(0, plan);
}

void CompareView::redrawChart()
{
    QStringList names;
    for (int s = 1; s < compared_.size(); ++s)
        names << tr("%1: %2").arg(scenarioHeading(s, true), compared_[s].name);
    chartController_->draw(plans_, names, chartDeltas_);
}

void CompareView::showDifferingAssumptions(const QList<Scenario>& scenarios)
{
    // Every key that differs between the reference and any other compared scenario, in the order
    // of the JSON form; each scenario's value of it (the reference's where it agrees with it).
    differing_.clear();
    QStringList keys;
    QList<QMap<QString, std::pair<QString, QString>>> diffs; // per other scenario: key → (A, it)
    for (int i = 1; i < scenarios.size(); ++i) {
        QMap<QString, std::pair<QString, QString>> d;
        for (const io::ScenarioDifference& x : io::diffScenarios(scenarios.front(), scenarios[i])) {
            d.insert(x.key, {x.left, x.right});
            if (!keys.contains(x.key))
                keys << x.key;
        }
        diffs << d;
    }
    for (const QString& key : keys) {
        DifferingAssumption a{key, {}};
        QString reference;
        for (const auto& d : diffs)
            if (d.contains(key))
                reference = d.value(key).first;
        a.values << reference;
        for (const auto& d : diffs)
            a.values << (d.contains(key) ? d.value(key).second : reference);
        differing_ << a;
    }

    assumptionTable_->clear();
    assumptionTable_->setColumnCount(1 + static_cast<int>(compared_.size()));
    QStringList headers{tr("Assumption (key)")};
    for (int i = 0; i < compared_.size(); ++i)
        headers << tr("%1: %2").arg(letter(i), compared_[i].name);
    assumptionTable_->setHorizontalHeaderLabels(headers);
    assumptionTable_->setRowCount(static_cast<int>(differing_.size()));
    for (int r = 0; r < differing_.size(); ++r) {
        assumptionTable_->setItem(r, 0, new QTableWidgetItem(differing_[r].key));
        for (int c = 0; c < differing_[r].values.size(); ++c) {
            auto* item = new QTableWidgetItem(differing_[r].values[c]);
            if (c > 0 && differing_[r].values[c] != differing_[r].values[0])
                item->setBackground(kDeltaBackground);
            item->setToolTip(differing_[r].values[c]);
            assumptionTable_->setItem(r, c + 1, item);
        }
    }
    assumptionTable_->resizeColumnToContents(0);
    lowerTabs_->setTabText(1, compared_.size() < 2
                                  ? tr("Assumptions that &differ")
                                  : tr("Assumptions that &differ (%1)").arg(differing_.size()));
}

bool CompareView::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == planTable_ || watched == statewideTable_ || watched == assumptionTable_) &&
        event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copySelectionAsTsv(static_cast<QTableView*>(watched));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace sharecast::ui
