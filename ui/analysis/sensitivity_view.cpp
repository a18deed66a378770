#include "ui/analysis/sensitivity_view.h"

#include "engine/error.h"
#include "io/json/json.h"
#include "io/json/scenario_edit.h"
#include "ui/analysis/goal_seek_pane.h"
#include "ui/analysis/key_range_edit.h"
#include "ui/analysis/metric_picker.h"
#include "ui/analysis/run_status.h"
#include "ui/analysis/two_way_table_pane.h"
#include "ui/document/fit_columns.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/document/refresh_when_shown.h"
#include "ui/document/sensitivity_runner.h"
#include "ui/palette.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace sharecast::ui {

namespace {

//! The spider plot's keys and points per key.
constexpr std::size_t kSpiderKeys = 5;
//! The most bars the tornado chart draws (the largest swings).
constexpr std::size_t kMaxTornadoBars = 15;
constexpr int kSpiderPoints = 5;

//! A key's value as the list shows it: ten significant digits (0.1 × 0.9 reads 0.09, not
//! 0.09000000000000001); the exact value, which the study uses, is the item's Qt::UserRole.
QString shownValue(double v)
{
    return QString::number(v, 'g', 10);
}

void setValue(QTableWidgetItem* item, double v)
{
    item->setData(Qt::UserRole, v);
    item->setText(shownValue(v));
    item->setToolTip(QString::fromStdString(io::formatJsonNumber(v)));
}

} // namespace

SensitivityView::SensitivityView(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), metric_(new MetricPicker(document)), tabs_(new QTabWidget),
      runner_(new SensitivityRunner(this)), status_(new RunStatus(runner_, QStringLiteral("tornado"))),
      debounce_(new QTimer(this))
{
    tabs_->setObjectName(QStringLiteral("sensitivityTabs"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(metric_);
    top->addWidget(status_, 1);
    layout->addLayout(top);
    layout->addWidget(tabs_, 1);

    tabs_->addTab(createTornadoPage(), tr("Tornado"));
    spiderPlot_ = new QCustomPlot;
    spiderPlot_->setObjectName(QStringLiteral("spiderChart"));
    spider_ = new SpiderChartController(spiderPlot_, this);
    tabs_->addTab(spiderPlot_, tr("Spider"));
    table_ = new TwoWayTablePane(document_, metric_);
    tabs_->addTab(table_, tr("Two-way table"));
    goal_ = new GoalSeekPane(document_, metric_);
    tabs_->addTab(goal_, tr("Goal seek"));

    debounce_->setSingleShot(true);
    debounce_->setInterval(400);
    connect(debounce_, &QTimer::timeout, this, [this] {
        if (isVisible())
            recompute();
    });
    // The key list follows the scenario's values when the view is on screen (it is rebuilt from
    // the scenario's every number: not on each edit made on another tab).
    auto* keys = new RefreshWhenShown(this, this, [this] { refreshKeys(); });
    connect(document_, &ProjectDocument::scenarioChanged, this, [this, keys] {
        keys->request();
        scheduleRecompute();
    });
    connect(metric_, &MetricPicker::changed, this, &SensitivityView::scheduleRecompute);
    connect(runner_, &SensitivityRunner::evaluated, this, [this](int, const std::vector<double>& values) {
        if (phase_ == Phase::Tornado)
            tornadoDone(values);
        else
            spiderDone(values);
    });
    connect(runner_, &SensitivityRunner::failed, this, [this](int, const QString& why) {
        tornado_->showMessage(why);
        spider_->showMessage(why);
    });
    connect(runner_, &SensitivityRunner::cancelled, this, [this] {
        dirty_ = true;
        if (bars_.empty())
            tornado_->showMessage(tr("Cancelled: change a choice to compute again."));
    });
    connect(tornado_, &TornadoChartController::keyClicked, this, &SensitivityView::assumptionRequested);
    refreshKeys();
}

SensitivityView::~SensitivityView() = default;

QWidget* SensitivityView::createTornadoPage()
{
    auto* split = new QSplitter;
    auto* left = new QWidget;
    auto* column = new QVBoxLayout(left);
    column->setContentsMargins(0, 0, 0, 0);
    filter_ = new QLineEdit;
    filter_->setObjectName(QStringLiteral("sensitivityKeyFilter"));
    filter_->setPlaceholderText(tr("Filter keys (e.g. trend, sharing)"));
    filter_->setClearButtonEnabled(true);
    column->addWidget(filter_);
    auto* buttons = new QHBoxLayout;
    auto* all = new QPushButton(tr("All"));
    auto* none = new QPushButton(tr("None"));
    auto* reset = new QPushButton(tr("Default ranges"));
    all->setObjectName(QStringLiteral("sensitivityAll"));
    none->setObjectName(QStringLiteral("sensitivityNone"));
    reset->setObjectName(QStringLiteral("sensitivityResetRanges"));
    all->setToolTip(tr("Vary every key shown (the filter applies)"));
    none->setToolTip(tr("Vary none of the keys shown (the filter applies)"));
    reset->setToolTip(tr("Every key back to ±10 % of its value (±0.01 when it is 0)"));
    buttons->addWidget(all);
    buttons->addWidget(none);
    buttons->addStretch(1);
    buttons->addWidget(reset);
    column->addLayout(buttons);
    keys_ = new QTableWidget(0, 4);
    keys_->setObjectName(QStringLiteral("sensitivityKeys"));
    keys_->setHorizontalHeaderLabels({tr("Key"), tr("Base"), tr("Low"), tr("High")});
    keys_->verticalHeader()->setVisible(false);
    keys_->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);
    keys_->horizontalHeader()->setMinimumSectionSize(60);
    new FitColumnsToContents(keys_); // Base, Low and High (the key stretches)
    keys_->setSelectionBehavior(QAbstractItemView::SelectRows);
    keys_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
    column->addWidget(keys_, 1);
    auto* hint = new QLabel(tr("Tick the assumptions to vary; double-click Low or High to change a range."));
    hint->setWordWrap(true);
    column->addWidget(hint);
    split->addWidget(left);
    tornadoPlot_ = new QCustomPlot;
    tornadoPlot_->setObjectName(QStringLiteral("tornadoChart"));
    tornado_ = new TornadoChartController(tornadoPlot_, this);
    split->addWidget(tornadoPlot_);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({520, 1000});

    connect(filter_, &QLineEdit::textChanged, this, &SensitivityView::applyFilter);
    auto checkShown = [this](bool on) {
        for (int r = 0; r < keys_->rowCount(); ++r)
            if (!keys_->isRowHidden(r))
                keys_->item(r, KeyColumn)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    };
    connect(all, &QPushButton::clicked, this, [checkShown] { checkShown(true); });
    connect(none, &QPushButton::clicked, this, [checkShown] { checkShown(false); });
    connect(reset, &QPushButton::clicked, this, [this] {
        ranges_.clear();
        refreshKeys();
        scheduleRecompute();
    });
    connect(keys_, &QTableWidget::itemChanged, this, &SensitivityView::keyEdited);
    return split;
}

void SensitivityView::refreshKeys()
{
    const Scenario& s = document_->scenario();
    const std::vector<std::string> keys = io::scenarioNumberKeys(s);
    const QSignalBlocker block(keys_);
    keys_->setRowCount(static_cast<int>(keys.size()));
    for (int r = 0; r < static_cast<int>(keys.size()); ++r) {
        const QString key = QString::fromStdString(keys[static_cast<std::size_t>(r)]);
        const std::optional<double> base = io::scenarioNumber(s, keys[static_cast<std::size_t>(r)]);
        const KeyRange range =
            ranges_.contains(key) ? ranges_.value(key) : defaultKeyRange(base).value_or(KeyRange{});
        auto* k = new QTableWidgetItem(key);
        k->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        k->setCheckState(unchecked_.contains(key) ? Qt::Unchecked : Qt::Checked);
        k->setToolTip(key);
        auto* b = new QTableWidgetItem;
        if (base)
            setValue(b, *base);
        b->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        auto* lo = new QTableWidgetItem;
        auto* hi = new QTableWidgetItem;
        setValue(lo, range.low);
        setValue(hi, range.high);
        for (QTableWidgetItem* i : {b, lo, hi})
            i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        for (QTableWidgetItem* i : {lo, hi}) {
            i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
            if (ranges_.contains(key)) { // a range typed in, not the default: in bold
                QFont f = i->font();
                f.setBold(true);
                i->setFont(f);
            }
        }
        keys_->setItem(r, KeyColumn, k);
        keys_->setItem(r, BaseColumn, b);
        keys_->setItem(r, LowColumn, lo);
        keys_->setItem(r, HighColumn, hi);
    }
    applyFilter();
}

void SensitivityView::applyFilter()
{
    const QString text = filter_->text().trimmed();
    for (int r = 0; r < keys_->rowCount(); ++r)
        keys_->setRowHidden(r, !text.isEmpty() &&
                                   !keys_->item(r, KeyColumn)->text().contains(text, Qt::CaseInsensitive));
}

void SensitivityView::keyEdited(QTableWidgetItem* item)
{
    const int r = item->row();
    const QString key = keys_->item(r, KeyColumn)->text();
    if (item->column() == KeyColumn) {
        if (item->checkState() == Qt::Checked)
            unchecked_.remove(key);
        else
            unchecked_.insert(key);
        scheduleRecompute();
        return;
    }
    QTableWidgetItem* lowItem = keys_->item(r, LowColumn);
    QTableWidgetItem* highItem = keys_->item(r, HighColumn);
    // Only the cell typed into is read; the other keeps its exact value.
    const std::optional<double> typed = parseNumberField(item->text());
    const QSignalBlocker block(keys_); // the items are updated in place (the edit is still on the stack)
    if (!typed) {
        status_->setMessage(tr("%1: '%2' is not a number; the range is unchanged.").arg(key, item->text()),
                            true);
        setValue(item, item->data(Qt::UserRole).toDouble());
        return;
    }
    setValue(item, *typed);
    ranges_.insert(key,
                   KeyRange{lowItem->data(Qt::UserRole).toDouble(), highItem->data(Qt::UserRole).toDouble()});
    for (QTableWidgetItem* i : {lowItem, highItem}) { // a range typed in, not the default: in bold
        QFont f = i->font();
        f.setBold(true);
        i->setFont(f);
    }
    scheduleRecompute();
}

void SensitivityView::chooseKeys(const QStringList& keys)
{
    for (int r = 0; r < keys_->rowCount(); ++r)
        keys_->item(r, KeyColumn)
            ->setCheckState(keys.contains(keys_->item(r, KeyColumn)->text()) ? Qt::Checked : Qt::Unchecked);
}

void SensitivityView::scheduleRecompute()
{
    dirty_ = true;
    runner_->discard(); // what it would show is stale
    debounce_->start();
}

bool SensitivityView::isComputing() const
{
    return debounce_->isActive() || runner_->isRunning() || (dirty_ && isVisible());
}

void SensitivityView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (dirty_ && !runner_->isRunning())
        debounce_->start(0);
}

void SensitivityView::recompute()
{
    debounce_->stop();
    dirty_ = false;
    bars_.clear();
    refused_.clear();
    refusedKeys_.clear();
    const Scenario& s = document_->scenario();
    for (int r = 0; r < keys_->rowCount(); ++r) {
        if (keys_->item(r, KeyColumn)->checkState() != Qt::Checked)
            continue;
        TornadoBar b;
        b.key = keys_->item(r, KeyColumn)->text();
        b.low = keys_->item(r, LowColumn)->data(Qt::UserRole).toDouble();
        b.high = keys_->item(r, HighColumn)->data(Qt::UserRole).toDouble();
        try { // a range the scenario rules refuse leaves its key out, named in the status line
            b.base = io::scenarioNumber(s, b.key.toStdString());
            io::withScenarioNumber(s, b.key.toStdString(), b.low);
            io::withScenarioNumber(s, b.key.toStdString(), b.high);
        } catch (const std::exception& e) {
            refused_ << QString::fromUtf8(e.what());
            refusedKeys_ << b.key;
            continue;
        }
        bars_.push_back(b);
    }
    if (bars_.empty()) {
        runner_->discard();
        tornado_->setBars({}, 0.0, {});
        spider_->setLines({}, 0.0, {});
        status_->setMessage(
            refused_.isEmpty()
                ? tr("No assumption chosen.")
                : tr("Every range chosen is refused: %1").arg(refused_.join(QStringLiteral("; "))),
            !refused_.isEmpty());
        return;
    }
    try {
        const Metric metric = metric_->metric();
        metricTitle_ = metric_->title();
        std::vector<std::pair<std::string, double>> points; // every low and high, then the base
        for (const TornadoBar& b : bars_) {
            points.emplace_back(b.key.toStdString(), b.low);
            points.emplace_back(b.key.toStdString(), b.high);
        }
        phase_ = Phase::Tornado;
        runner_->evaluate(metric, metric_->context(), points.size() + 1, [s, points](std::size_t i) {
            return i == points.size() ? s : io::withScenarioNumber(s, points[i].first, points[i].second);
        });
    } catch (const std::exception& e) {
        runner_->discard();
        bars_.clear();
        status_->setMessage(QString::fromUtf8(e.what()), true);
        tornado_->showMessage(QString::fromUtf8(e.what()));
    }
}

void SensitivityView::tornadoDone(const std::vector<double>& values)
{
    metricBase_ = values.back();
    for (std::size_t i = 0; i < bars_.size(); ++i) {
        bars_[i].metricLow = values[2 * i];
        bars_[i].metricHigh = values[2 * i + 1];
    }
    // By swing (in cents), largest first, then by key: as `sharecast sensitivity` sorts.
    std::stable_sort(bars_.begin(), bars_.end(), [](const TornadoBar& a, const TornadoBar& b) {
        const double sa = a.swing(), sb = b.swing();
        return sa != sb ? sa > sb : a.key < b.key;
    });
    // The chart shows the largest swings (the bars of 80 keys would not be readable); the list
    // and the status line say how many were varied.
    tornado_->setBars(
        std::vector<TornadoBar>(bars_.begin(), bars_.begin() + static_cast<std::ptrdiff_t>(
                                                                   std::min(bars_.size(), kMaxTornadoBars))),
        metricBase_, metricTitle_);

    // The spider: the top keys at kSpiderPoints points across their ranges (the ends are known).
    const std::size_t top = std::min(kSpiderKeys, bars_.size());
    std::vector<std::pair<std::string, double>> points;
    for (std::size_t k = 0; k < top; ++k) {
        const std::vector<double> grid = keyGrid(bars_[k].low, bars_[k].high, kSpiderPoints);
        for (int i = 1; i + 1 < kSpiderPoints; ++i)
            points.emplace_back(bars_[k].key.toStdString(), grid[static_cast<std::size_t>(i)]);
    }
    phase_ = Phase::Spider;
    const Scenario s = document_->scenario();
    runner_->evaluate(metric_->metric(), metric_->context(), points.size(), [s, points](std::size_t i) {
        return io::withScenarioNumber(s, points[i].first, points[i].second);
    });
}

void SensitivityView::spiderDone(const std::vector<double>& values)
{
    std::vector<SpiderLine> lines;
    const std::size_t inner = kSpiderPoints - 2;
    for (std::size_t k = 0; k < std::min(kSpiderKeys, bars_.size()); ++k) {
        SpiderLine line;
        line.key = bars_[k].key;
        line.values = keyGrid(bars_[k].low, bars_[k].high, kSpiderPoints);
        line.metrics.push_back(bars_[k].metricLow);
        for (std::size_t i = 0; i < inner; ++i)
            line.metrics.push_back(values[k * inner + i]);
        line.metrics.push_back(bars_[k].metricHigh);
        lines.push_back(line);
    }
    spider_->setLines(lines, metricBase_, metricTitle_);
    QString text = tr("%1: %2 at the base; %3 assumptions varied.")
                       .arg(metricTitle_, formatDollars(metricBase_))
                       .arg(bars_.size());
    if (bars_.size() > kMaxTornadoBars)
        text += u' ' + tr("The chart shows the %1 largest swings.").arg(kMaxTornadoBars);
    if (!refused_.isEmpty())
        text += u' ' + tr("Left out, their range being refused (hover for why): %1")
                           .arg(refusedKeys_.join(QStringLiteral(", ")));
    status_->setMessage(text, !refused_.isEmpty());
    status_->setToolTip(refused_.join(QLatin1Char('\n')));
}

QString SensitivityView::copySelection()
{
    return tabs_->currentWidget() == table_ ? table_->copySelection() : QString();
}

} // namespace sharecast::ui
