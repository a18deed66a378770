#include "ui/analysis/two_way_table_pane.h"

#include "engine/error.h"
#include "io/json/scenario_edit.h"
#include "ui/analysis/key_range_edit.h"
#include "ui/analysis/metric_picker.h"
#include "ui/analysis/run_status.h"
#include "ui/analysis/sensitivity_range.h"
#include "ui/document/project_document.h"
#include "ui/document/sensitivity_runner.h"

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sharecast::ui {

TwoWayTablePane::TwoWayTablePane(ProjectDocument* document, MetricPicker* metric, QWidget* parent)
    : QWidget(parent), document_(document), metric_(metric),
      x_(new KeyRangeEdit(QStringLiteral("table2X"), true)),
      y_(new KeyRangeEdit(QStringLiteral("table2Y"), true)), compute_(new QPushButton(tr("Compute"))),
      runner_(new SensitivityRunner(this)), status_(new RunStatus(runner_, QStringLiteral("table2"))),
      model_(new TwoWayTableModel(this)), view_(new QTableView), again_(new QTimer(this))
{
    compute_->setObjectName(QStringLiteral("table2Compute"));
    view_->setObjectName(QStringLiteral("table2View"));
    view_->setModel(model_);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->installEventFilter(this);
    x_->setScenario(document_->scenario(), QStringLiteral("sharing.max_share"));
    y_->setScenario(document_->scenario(), QStringLiteral("msr.rate"));
    x_->setCount(5);
    y_->setCount(5);

    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    form->addRow(tr("Across (x)"), x_);
    form->addRow(tr("Down (y)"), y_);
    layout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(compute_);
    buttons->addWidget(status_, 1);
    layout->addLayout(buttons);
    auto* hint = new QLabel(tr("Each cell is the metric with the two assumptions set to the column's and the "
                               "row's value and nothing else changed (as <code>sharecast table2</code>). "
                               "Ctrl+C copies the selection (or the whole table) as TSV; right-click to "
                               "export as CSV."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    caption_ = new QLabel;
    caption_->setObjectName(QStringLiteral("table2Caption"));
    layout->addWidget(caption_);
    layout->addWidget(view_, 1);

    again_->setSingleShot(true);
    again_->setInterval(500);
    connect(again_, &QTimer::timeout, this, &TwoWayTablePane::compute);
    connect(compute_, &QPushButton::clicked, this, &TwoWayTablePane::compute);
    connect(view_, &QWidget::customContextMenuRequested, this, &TwoWayTablePane::showMenu);
    auto recomputeIfShown = [this] {
        if (!model_->table().empty() || runner_->isRunning()) {
            runner_->discard();
            again_->start();
        }
    };
    connect(document_, &ProjectDocument::scenarioChanged, this, [this, recomputeIfShown] {
        x_->setScenario(document_->scenario());
        y_->setScenario(document_->scenario());
        recomputeIfShown();
    });
    connect(metric_, &MetricPicker::changed, this, recomputeIfShown);
    connect(runner_, &SensitivityRunner::evaluated, this, [this](int, const std::vector<double>& values) {
        pending_.values = values;
        model_->setTable(pending_);
        caption_->setText(tr("<b>%1</b> for <b>%2</b> across (columns) and <b>%3</b> down (rows)")
                              .arg(pendingTitle_, pending_.xKey, pending_.yKey));
        status_->setMessage(
            tr("%1 × %2 table of %3.").arg(pending_.xs.size()).arg(pending_.ys.size()).arg(pendingTitle_));
    });
}

const TwoWayTable& TwoWayTablePane::table() const
{
    return model_->table();
}

void TwoWayTablePane::compute()
{
    again_->stop();
    try {
        TwoWayTable t;
        t.xKey = QString::fromStdString(x_->key());
        t.yKey = QString::fromStdString(y_->key());
        if (t.xKey == t.yKey)
            throw InputError("the two keys are the same: choose two different assumptions");
        const auto [xLow, xHigh] = x_->range();
        const auto [yLow, yHigh] = y_->range();
        t.xs = keyGrid(xLow, xHigh, x_->count());
        t.ys = keyGrid(yLow, yHigh, y_->count());
        const Scenario& s = document_->scenario();
        // A key or value the scenario refuses says so now, before anything runs.
        io::withScenarioNumber(io::withScenarioNumber(s, x_->key(), xLow), y_->key(), yLow);
        io::withScenarioNumber(io::withScenarioNumber(s, x_->key(), xHigh), y_->key(), yHigh);
        const Metric metric = metric_->metric();
        pending_ = t;
        pendingTitle_ = metric_->title();
        const std::string xKey = x_->key(), yKey = y_->key();
        const std::vector<double> xs = t.xs, ys = t.ys;
        runner_->evaluate(
            metric, metric_->context(), xs.size() * ys.size(), [s, xKey, yKey, xs, ys](std::size_t i) {
                return io::withScenarioNumber(io::withScenarioNumber(s, xKey, xs[i / ys.size()]), yKey,
                                              ys[i % ys.size()]);
            });
    } catch (const std::exception& e) {
        runner_->discard();
        status_->setMessage(QString::fromUtf8(e.what()), true);
    }
}

QString TwoWayTablePane::copySelection()
{
    const TwoWayTable& t = model_->table();
    if (t.empty())
        return {};
    int row0 = 0, row1 = model_->rowCount() - 1, col0 = 0, col1 = model_->columnCount() - 1;
    const QModelIndexList cells = view_->selectionModel()->selectedIndexes();
    if (!cells.isEmpty()) { // the block the selection spans
        row0 = row1 = cells.front().row();
        col0 = col1 = cells.front().column();
        for (const QModelIndex& i : cells) {
            row0 = std::min(row0, i.row());
            row1 = std::max(row1, i.row());
            col0 = std::min(col0, i.column());
            col1 = std::max(col1, i.column());
        }
    }
    const QString tsv = twoWayTableTsv(t, row0, row1, col0, col1);
    QGuiApplication::clipboard()->setText(tsv);
    return tsv;
}

QString TwoWayTablePane::exportCsv(const QString& path) const
{
    if (model_->table().empty())
        return tr("There is no table to export: compute one first.");
    QByteArray bytes;
    try {
        bytes = twoWayTableCsv(model_->table());
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void TwoWayTablePane::chooseExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Two-Way Table"),
                                                      QStringLiteral("table2.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportCsv(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export Two-Way Table"), error);
    else
        status_->setMessage(tr("Exported %1.").arg(path));
}

void TwoWayTablePane::showMenu(const QPoint& pos)
{
    QMenu menu(this);
    const bool has = !model_->table().empty();
    menu.addAction(tr("Copy as TSV"), this, &TwoWayTablePane::copySelection)->setEnabled(has);
    menu.addAction(tr("Export as CSV…"), this, &TwoWayTablePane::chooseExport)->setEnabled(has);
    menu.exec(view_->viewport()->mapToGlobal(pos));
}

bool TwoWayTablePane::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == view_) {
        // Ctrl+C copies the table here even where a window-wide Copy action would take it.
        if (event->type() == QEvent::ShortcutOverride &&
            static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
            event->accept();
            return true;
        }
        if (event->type() == QEvent::KeyPress &&
            static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
            copySelection();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace sharecast::ui
