#include "ui/workbench/main_window.h"

#include "engine/explain.h"
#include "engine/rounding.h"
#include "engine/statewide_totals.h"
#include "io/atomic_file.h"
#include "io/csv/csv_writer.h"
#include "io/csv/settlement_csv.h"
#include "io/report/audit_sheet.h"
#include "io/scenario/presets.h"
#include "ui/analysis/compare_view.h"
#include "ui/analysis/experience_view.h"
#include "ui/analysis/funding_flows_view.h"
#include "ui/analysis/overview_view.h"
#include "ui/analysis/partnerships_view.h"
#include "ui/analysis/program_years_view.h"
#include "ui/analysis/sensitivity_view.h"
#include "ui/analysis/uncertainty_view.h"
#include "ui/assumptions/assumptions_panel.h"
#include "ui/charts/chart_support.h"
#include "ui/charts/corridor_chart.h"
#include "ui/charts/projection_chart.h"
#include "ui/charts/quality_chart.h"
#include "ui/charts/rate_impact_chart.h"
#include "ui/charts/regional_rates_chart.h"
#include "ui/charts/savings_chart.h"
#include "ui/charts/waterfall_chart.h"
#include "ui/document/autosave.h"
#include "ui/document/fit_columns.h"
#include "ui/document/format.h"
#include "ui/document/frozen_column_table_view.h"
#include "ui/document/project_document.h"
#include "ui/document/settlement_model.h"
#include "ui/document/validity_runner.h"
#include "ui/report/report_drivers_choice.h"
#include "ui/report/report_preview.h"
#include "ui/report/report_sections_choice.h"
#include "ui/report/report_workbook.h"
#include "ui/workbench/help_browser.h"
#include "ui/workbench/project_settings_dialog.h"

#include "engine/error.h"
#include "io/project/importer.h"
#include "io/project/project_build.h"
#include "io/project/project_lock.h"
#include "io/project/recovery_file.h"
#include "io/project/report_settings.h"
#include "ui/workbench/database_import_dialog.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QMimeData>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpacerItem>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <atomic>

#include <qcustomplot.h>

// The icon and other resources live in this static library: register them before use
// (Q_INIT_RESOURCE must be called outside any namespace).
static void registerSharecastResources()
{
    Q_INIT_RESOURCE(sharecast);
}

namespace sharecast::ui {

void initResources()
{
    registerSharecastResources();
}

namespace {
const char* const kRecentKey = "workbench/recentProjects";
const char* const kGeometryKey = "workbench/geometry";
const char* const kStateKey = "workbench/windowState";
constexpr int kMaxRecent = 8;

//! The scenario autosaved edits are of, as the user knows it: its name in the project, or the
//! edited scenario's own name for one not in the project yet.
QString editedScenarioName(const io::RecoveryState& state)
{
    return state.storedName.isEmpty() ? QString::fromStdString(state.scenario.name) : state.storedName;
}

const char* const kHeadlineKeys[] = {"expected", "actual", "gross", "payments", "net", "federal", "state"};
const char* const kHeadlineTitles[] = {
    "Expected cost",           "Actual cost",   "Gross savings", "Plan payments",
    "Program net (all funds)", "Federal share", "State share"};
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), autosaveDelay_(Autosaver::kDelay)
{
    initResources();
    setWindowIcon(QIcon(QStringLiteral(":/sharecast/icons/sharecast.svg")));
    setAcceptDrops(true); // CSV files dropped on the window are imported
    resize(1366, 768);
    setDockNestingEnabled(true);
    createDocks();
    createActions();

    notice_ = new QLabel;
    dataSummary_ = new QLabel(tr("No project open"));
    calcTime_ = new QLabel;
    statusBar()->addPermanentWidget(dataSummary_, 1);
    statusBar()->addPermanentWidget(calcTime_);

    // Until a project is open: an empty chart with a hint.
    auto* placeholder = new QLabel(tr("Open a project (File ▸ Open Project…) to settle and project it."));
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    refreshTitle();

    QSettings settings;
    restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
}

MainWindow::~MainWindow()
{
    destroying_ = true; // a window being destroyed asks nothing (closeEvent runs from ~QWidget)
    detachDocument();
}

void MainWindow::detachDocument()
{
    // Everything that reads the document goes before it does.
    if (QWidget* central = takeCentralWidget())
        delete central;
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("assumptionsDock")); dock && dock->widget())
        delete dock->widget();
    delete proxy_;
    delete model_;
    proxy_ = nullptr;
    model_ = nullptr;
    table_ = nullptr;
    chart_ = nullptr;
    savingsChart_ = nullptr;
    experienceView_ = nullptr;
    compareView_ = nullptr;
    uncertaintyView_ = nullptr;
    sensitivityView_ = nullptr;
    programYearsView_ = nullptr;
    partnershipsView_ = nullptr;
    fundingFlowsView_ = nullptr;
    tabs_ = nullptr;
    assumptions_ = nullptr;
    headlines_.clear();
    selectedPlan_.clear();
    explainedFigure_.clear();
    if (document_) {
        // The undo actions belong to the document's stack: replace them with inert ones.
        auto* undo = new QAction(tr("&Undo"), this);
        auto* redo = new QAction(tr("&Redo"), this);
        undo->setEnabled(false);
        redo->setEnabled(false);
        if (editMenu_ && undoAction_) {
            editMenu_->insertAction(undoAction_, undo);
            editMenu_->insertAction(undoAction_, redo);
            editMenu_->removeAction(undoAction_);
            editMenu_->removeAction(redoAction_);
        }
        delete undoAction_;
        delete redoAction_;
        undoAction_ = undo;
        redoAction_ = redo;
    }
    // The project closes: its autosaved edits go with it (every caller has asked about them).
    autosaver_.reset();
    validityRunner_.reset(); // cancels its runs and waits for them: they read the document
    document_.reset();
}

QString MainWindow::defaultProjectPath()
{
    // The sample built with (or installed beside) the executable: <prefix>/share/sharecast/sample.
    const QString bundled = QDir(QCoreApplication::applicationDirPath())
                                .filePath(QStringLiteral("../share/sharecast/sample/default.sharecast"));
    if (!QFileInfo::exists(bundled))
        return {};
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    const QString copy = QDir(dir).filePath(QStringLiteral("sample.sharecast"));
    if (!QFileInfo::exists(copy) || QFileInfo(copy).lastModified() < QFileInfo(bundled).lastModified()) {
        // A fresh writable copy, so the user's edits never touch the installed file; an older
        // copy is replaced only when it holds no scenario edits of the user's (no run log yet).
        if (!QFileInfo::exists(copy) || QFile::remove(copy))
            QFile::copy(bundled, copy);
        QFile(copy).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return QDir::cleanPath(copy);
}

void MainWindow::createDocks()
{
    auto* navigatorDock = new QDockWidget(tr("Project"), this);
    navigatorDock->setObjectName(QStringLiteral("navigatorDock"));
    navigator_ = new QTreeWidget;
    navigator_->setHeaderHidden(true);
    navigator_->setObjectName(QStringLiteral("navigator"));
    navigatorDock->setWidget(navigator_);
    addDockWidget(Qt::LeftDockWidgetArea, navigatorDock);
    connect(navigator_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QVariant id = item->data(0, Qt::UserRole);
        if (document_ && id.isValid() && maybeSave())
            document_->selectScenario(id.toLongLong());
    });

    auto* assumptionsDock = new QDockWidget(tr("Assumptions"), this);
    assumptionsDock->setObjectName(QStringLiteral("assumptionsDock"));
    addDockWidget(Qt::LeftDockWidgetArea, assumptionsDock);
    splitDockWidget(navigatorDock, assumptionsDock, Qt::Vertical);

    auto* explainDock = new QDockWidget(tr("Explain"), this);
    explainDock->setObjectName(QStringLiteral("explainDock"));
    explain_ = new QPlainTextEdit;
    explain_->setReadOnly(true);
    explain_->setLineWrapMode(QPlainTextEdit::NoWrap);
    explain_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    explain_->setPlaceholderText(tr("Select a plan to see how its figures came about."));
    explainDock->setWidget(explain_);
    addDockWidget(Qt::BottomDockWidgetArea, explainDock);
    resizeDocks({explainDock}, {190}, Qt::Vertical);
    resizeDocks({navigatorDock, assumptionsDock}, {150, 450}, Qt::Vertical);
    navigatorDock->setMinimumWidth(330);
    resizeDocks({navigatorDock}, {360}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Project…"), this, &MainWindow::newProject)->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open Project…"), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    QAction* sample = file->addAction(tr("Open the &Sample Project"), this, [this] {
        const QString path = defaultProjectPath();
        if (path.isEmpty())
            QMessageBox::information(this, tr("Sample project"), tr("No sample project is installed."));
        else if (maybeSave())
            openProject(path);
    });
    Q_UNUSED(sample);
    file->addAction(tr("&Import Data…"), this, &MainWindow::chooseImport)
        ->setShortcut(QKeySequence(tr("Ctrl+I")));
    file->addAction(tr("Import from &Database…"), this, &MainWindow::chooseDatabaseImport);
    file->addAction(tr("Project Se&ttings…"), this, [this] {
        if (!document_)
            return;
        ProjectSettingsDialog dialog(io::readReportSettings(document_->store()), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        try {
            const io::ProjectLock lock(document_->path(), std::chrono::milliseconds(5000));
            io::writeReportSettings(document_->store(), dialog.settings());
        } catch (const std::exception& e) {
            // A read-only or locked project: nothing changed, and the user is told why.
            QMessageBox::warning(this, tr("Project settings"),
                                 tr("The settings were not saved.\n\n%1").arg(QString::fromUtf8(e.what())));
            return;
        }
        statusBar()->showMessage(tr("Saved the project settings"), 5000);
    });
    file->addSeparator();
    QAction* save = file->addAction(tr("&Save Scenario"), this, [this] {
        if (document_)
            saveScenario();
    });
    save->setShortcut(QKeySequence::Save);
    file->addAction(tr("&Export Results as CSV…"), this, &MainWindow::exportResults)
        ->setShortcut(QKeySequence(tr("Ctrl+E")));
    file->addAction(tr("Export to E&xcel…"), this, [this] {
        if (!document_)
            return;
        // The audit sheet's plan: the first plan paid by default, as `report --xlsx`.
        QStringList plans;
        for (const PlanSettlement& p : document_->settlement().plans)
            plans << QString::fromStdString(p.planId);
        std::vector<std::string> audit;
        if (!plans.isEmpty()) {
            bool ok = false;
            const QString plan = QInputDialog::getItem(
                this, tr("Export to Excel"), tr("Plan for the audit sheet:"), plans,
                plans.indexOf(QString::fromStdString(io::defaultAuditPlan(document_->settlement()))), false,
                &ok);
            if (!ok)
                return;
            audit.push_back(plan.toStdString());
        }
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export to Excel"), QStringLiteral("settlement.xlsx"), tr("Excel workbooks (*.xlsx)"));
        if (path.isEmpty())
            return;
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const QString problem = exportReportWorkbook(*document_, path, audit);
        QApplication::restoreOverrideCursor();
        if (!problem.isEmpty())
            QMessageBox::warning(this, tr("Export to Excel"), problem);
        else
            statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
    });
    file->addAction(tr("Export &Report…"), this,
                    [this] {
                        ReportOptions options;
                        if (document_ && chooseReportAudience(tr("Export report"), options))
                            showReportPreview(document_.get(), options, this); // print, or save as PDF
                    })
        ->setShortcut(QKeySequence(tr("Ctrl+P")));
    file->addAction(tr("Save Report as &PDF…"), this, [this] {
        ReportOptions options;
        if (!document_ || !chooseReportAudience(tr("Save report"), options))
            return;
        const QString pdf = QFileDialog::getSaveFileName(
            this, tr("Save report"), QStringLiteral("briefing.pdf"), tr("PDF documents (*.pdf)"));
        if (pdf.isEmpty())
            return;
        const QString problem = exportReport(document_.get(), options, pdf);
        if (!problem.isEmpty())
            QMessageBox::warning(this, tr("Save report"), problem);
        else
            statusBar()->showMessage(tr("Wrote %1").arg(pdf), 5000);
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    editMenu_ = menuBar()->addMenu(tr("&Edit"));
    undoAction_ = editMenu_->addAction(tr("&Undo"));
    undoAction_->setShortcut(QKeySequence::Undo);
    undoAction_->setEnabled(false);
    redoAction_ = editMenu_->addAction(tr("&Redo"));
    redoAction_->setShortcut(QKeySequence::Redo);
    redoAction_->setEnabled(false);
    editMenu_->addSeparator();
    editMenu_->addAction(tr("&Copy"), this, &MainWindow::copySelection)->setShortcut(QKeySequence::Copy);

    QMenu* scenario = menuBar()->addMenu(tr("&Scenario"));
    QMenu* fromPreset = scenario->addMenu(tr("&New from Preset"));
    for (const QString& name : io::presetNames()) {
        QString title = name;
        try {
            title = QString::fromStdString(io::loadPreset(name).name);
        } catch (...) {
        }
        fromPreset->addAction(title, this, [this, name] { newScenarioFromPreset(name); });
    }
    scenario->addAction(tr("&Duplicate…"), this, &MainWindow::duplicateScenario);
    scenario->addAction(tr("&Rename…"), this, &MainWindow::renameScenario);
    scenario->addAction(tr("De&lete…"), this, &MainWindow::deleteScenario);
    scenario->addSeparator();
    scenario
        ->addAction(tr("&Compare Scenarios"), this,
                    [this] {
                        if (tabs_ && compareView_)
                            tabs_->setCurrentWidget(compareView_);
                    })
        ->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    scenario->addAction(tr("&Sensitivity: What Drives the Result"), this, [this] {
        if (tabs_ && sensitivityView_)
            tabs_->setCurrentWidget(sensitivityView_);
    });

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        viewMenu_->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    // F1: the help page of what has the focus (an assumption field's entry, a tab's methodology).
    help->addAction(tr("Sharecast &Help"), this,
                    [this] {
                        auto* browser = findChild<HelpBrowser*>();
                        if (!browser)
                            browser = new HelpBrowser(this);
                        browser->showTopic(helpTopicFor(QApplication::focusWidget()));
                    })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Methodology Summary"), this, &MainWindow::showMethodology);
    help->addAction(tr("&About Sharecast"), this, &MainWindow::showAbout);
}

bool MainWindow::openProject(const QString& projectPath)
{
    // A copy: the caller's string may belong to the document this function replaces (a reload
    // passes document_->path(), destroyed by detachDocument() below).
    const QString path = projectPath;
    std::unique_ptr<ProjectDocument> doc;
    try {
        doc = ProjectDocument::open(path);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot open project"), QString::fromUtf8(e.what()));
        return false;
    }
    detachDocument();
    document_ = std::move(doc);
    attachDocument();
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
    updateRecentMenu();
    offerRecovery();
    return true;
}

void MainWindow::attachDocument()
{
    ProjectDocument* doc = document_.get();
    validityRunner_ = std::make_unique<ValidityRunner>(doc);
    auto* tabs = new QTabWidget;
    // The year's story in plain words comes first, for policy staff.
    auto* overview = new OverviewView(doc);
    overview->setObjectName(QStringLiteral("overviewView"));
    tabs->addTab(overview, tr("Overview"));
    tabs->addTab(createSettlementPage(doc), tr("Settlement"));
    addChartTabs(tabs, doc);
    experienceView_ = new ExperienceView(doc);
    tabs->addTab(experienceView_, tr("Experience"));
    compareView_ = new CompareView(doc);
    tabs->addTab(compareView_, tr("Compare"));
    sensitivityView_ = new SensitivityView(doc);
    sensitivityView_->setObjectName(QStringLiteral("sensitivityView"));
    tabs->addTab(sensitivityView_, tr("Sensitivity"));
    programYearsView_ = new ProgramYearsView(doc);
    programYearsView_->setObjectName(QStringLiteral("programYearsView"));
    tabs->addTab(programYearsView_, tr("Program years"));
    partnershipsView_ = new PartnershipsView(doc);
    partnershipsView_->setObjectName(QStringLiteral("partnershipsView"));
    tabs->addTab(partnershipsView_, tr("Partnerships"));
    fundingFlowsView_ = new FundingFlowsView(doc);
    fundingFlowsView_->setObjectName(QStringLiteral("fundingFlowsView"));
    tabs->addTab(fundingFlowsView_, tr("Funding flows"));
    tabs_ = tabs;
    setCentralWidget(tabs);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                selectedPlan_ = model_->planId(proxy_->mapToSource(current).row());
                explainedFigure_.clear();
                showExplain();
            });

    // Assumptions dock content.
    assumptions_ = new AssumptionsPanel(doc);
    assumptions_->setObjectName(QStringLiteral("assumptions"));
    findChild<QDockWidget*>(QStringLiteral("assumptionsDock"))->setWidget(assumptions_);
    // A tornado bar clicked opens its assumption in the panel.
    connect(sensitivityView_, &SensitivityView::assumptionRequested, this, [this](const QString& key) {
        if (auto* dock = findChild<QDockWidget*>(QStringLiteral("assumptionsDock"))) {
            dock->show();
            dock->raise();
        }
        if (assumptions_ && !assumptions_->showKey(key))
            statusBar()->showMessage(tr("%1 has no field in the Assumptions panel").arg(key), 5000);
    });

    attachUndoActions(doc);
    connectDocument(doc);
    showDocument(doc);

    // Crash recovery: unsaved edits are autosaved a few seconds after the last one.
    autosaver_ = std::make_unique<Autosaver>(doc);
    autosaver_->setDelay(autosaveDelay_);
    connect(autosaver_.get(), &Autosaver::failed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Autosave failed (your edits are still here, unsaved): %1").arg(message),
                                 15000);
    });
}

void MainWindow::setAutosaveDelay(std::chrono::milliseconds delay)
{
    autosaveDelay_ = delay;
    if (autosaver_)
        autosaver_->setDelay(delay);
}

QWidget* MainWindow::createSettlementPage(ProjectDocument* doc)
{
    // The notice, the headline figures and the settlement table.
    auto* settlementPage = new QWidget;
    auto* layout = new QVBoxLayout(settlementPage);
    notice_ = new QLabel;
    notice_->setWordWrap(true);
    notice_->setStyleSheet(
        QStringLiteral("background: #fff4d6; color: #6b4e00; padding: 4px; border: 1px solid #e8cf8a;"));
    layout->addWidget(notice_);
    headlineBox_ = new QWidget;
    auto* grid = new QGridLayout(headlineBox_);
    grid->setContentsMargins(0, 0, 0, 0);
    headlines_.clear();
    for (int i = 0; i < 7; ++i) {
        auto* title = new QLabel(tr(kHeadlineTitles[i]));
        title->setObjectName(QStringLiteral("headline_title_%1").arg(QLatin1String(kHeadlineKeys[i])));
        title->setStyleSheet(QStringLiteral("color: #555;"));
        auto* value = new QLabel;
        value->setObjectName(QStringLiteral("headline_%1").arg(QLatin1String(kHeadlineKeys[i])));
        value->setStyleSheet(QStringLiteral("font-size: 15px; font-weight: bold;"));
        // A headline is clickable (and focusable: Enter or Space) to show its breakdown by plan.
        for (QLabel* l : {title, value}) {
            l->setProperty("headlineKey", QLatin1String(kHeadlineKeys[i]));
            l->setCursor(Qt::PointingHandCursor);
            l->installEventFilter(this);
        }
        value->setFocusPolicy(Qt::StrongFocus);
        grid->addWidget(title, 0, i);
        grid->addWidget(value, 1, i);
        headlines_.insert(QLatin1String(kHeadlineKeys[i]), value);
    }
    layout->addWidget(headlineBox_);

    model_ = new SettlementModel(doc, this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(Qt::UserRole);
    // Plan and Name stay in view while the figures scroll.
    table_ = new FrozenColumnTableView(2);
    table_->setObjectName(QStringLiteral("settlementTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(0, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->setVisible(false);
    new FitColumnsToContents(table_);
    layout->addWidget(table_, 1);
    return settlementPage;
}

void MainWindow::addChartTabs(QTabWidget* tabs, ProjectDocument* doc)
{
    chart_ = new QCustomPlot;
    chart_->setObjectName(QStringLiteral("savingsChart"));
    savingsChart_ =
        new SavingsChartController(doc, chart_, chart_, Qt::Horizontal); // plan names down the side
    tabs->addTab(chart_, tr("Savings by plan"));
    auto addChart = [&](const QString& title, const QString& name, auto make) {
        auto* plot = new QCustomPlot;
        plot->setObjectName(name);
        make(plot);
        tabs->addTab(plot, title);
    };
    addChart(tr("Waterfall"), QStringLiteral("waterfallChart"),
             [&](QCustomPlot* p) { new WaterfallChartController(doc, p, p); });
    addChart(tr("Projection"), QStringLiteral("projectionChart"),
             [&](QCustomPlot* p) { new ProjectionChartController(doc, p, p, validityRunner_.get()); });
    addChart(tr("Rate impact"), QStringLiteral("rateImpactChart"),
             [&](QCustomPlot* p) { new RateImpactChartController(doc, p, p, validityRunner_.get()); });
    addChart(tr("Regional rates"), QStringLiteral("regionalRatesChart"),
             [&](QCustomPlot* p) { new RegionalRatesChartController(doc, p, p); });
    addChart(tr("Quality"), QStringLiteral("qualityChart"),
             [&](QCustomPlot* p) { new QualityChartController(doc, p, p); });
    addChart(tr("Corridor"), QStringLiteral("corridorChart"),
             [&](QCustomPlot* p) { new CorridorChartController(doc, p, p); });
    uncertaintyView_ = new UncertaintyView(doc, validityRunner_.get());
    uncertaintyView_->setObjectName(QStringLiteral("uncertaintyView"));
    tabs->addTab(uncertaintyView_, tr("Uncertainty"));
    connect(uncertaintyView_, &UncertaintyView::planSelected, this, [this](const QString& planId) {
        selectedPlan_ = planId;
        explainedFigure_.clear();
        showExplain();
    });
    // The Monte Carlo's payment distribution joins a plan's explanation when it has run.
    connect(validityRunner_.get(), &ValidityRunner::monteCarloFinished, this, &MainWindow::showExplain);
}

bool MainWindow::showTab(const QString& name)
{
    for (int i = 0; tabs_ && i < tabs_->count(); ++i) {
        const QString title = tabs_->tabText(i).remove(u'&');
        if (title.compare(name, Qt::CaseInsensitive) == 0 ||
            tabs_->widget(i)->objectName().compare(name, Qt::CaseInsensitive) == 0) {
            tabs_->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::attachUndoActions(ProjectDocument* doc)
{
    // Undo and redo with the edits' own texts.
    editMenu_->removeAction(undoAction_);
    editMenu_->removeAction(redoAction_);
    delete undoAction_;
    delete redoAction_;
    QAction* first = editMenu_->actions().value(0);
    undoAction_ = doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undoAction_->setShortcut(QKeySequence::Undo);
    redoAction_ = doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redoAction_->setShortcut(QKeySequence::Redo);
    editMenu_->insertAction(first, undoAction_);
    editMenu_->insertAction(first, redoAction_);
}

void MainWindow::connectDocument(ProjectDocument* doc)
{
    connect(doc, &ProjectDocument::resultsChanged, this, [this] {
        refreshHeadlines();
        refreshStatus();
        showExplain();
    });
    connect(doc, &ProjectDocument::scenarioChanged, this, &MainWindow::refreshTitle);
    connect(doc, &ProjectDocument::projectChanged, this, [this] {
        refreshTitle();
        refreshNavigator();
    });
    connect(doc, &ProjectDocument::modifiedChanged, this, &MainWindow::refreshTitle);
}

void MainWindow::showDocument(ProjectDocument* doc)
{
    const QString notice = doc->notice();
    notice_->setText(notice);
    notice_->setVisible(!notice.isEmpty());
    refreshTitle();
    refreshNavigator();
    refreshHeadlines();
    refreshStatus();
    if (proxy_->rowCount() > 0)
        table_->selectRow(0);
}

QLabel* MainWindow::headline(const QString& key) const
{
    return headlines_.value(key);
}

void MainWindow::refreshTitle()
{
    if (!document_) {
        setWindowTitle(tr("Sharecast"));
        return;
    }
    setWindowModified(document_->isModified());
    setWindowTitle(tr("%1 — %2[*] — Sharecast")
                       .arg(document_->title(), QString::fromStdString(document_->scenario().name)));
}

void MainWindow::refreshHeadlines()
{
    if (!document_)
        return;
    // Statewide totals foot with the table: sums of the plans' figures in cents.
    const StatewideTotals t = statewideTotals(document_->settlement());
    const double values[] = {t.expected,   t.actual,  t.grossSavings, t.payments,
                             t.programNet, t.federal, t.state};
    for (int i = 0; i < 7; ++i) {
        QLabel* l = headlines_.value(QLatin1String(kHeadlineKeys[i]));
        l->setText(formatMillions(values[i], 1));
        l->setToolTip(tr("%1 — click for the breakdown by plan").arg(formatDollars(values[i])));
    }
    // §9: under capitation the program net is the transfer from the plans to the state.
    const bool capitation = document_->scenario().paymentModel == PaymentModel::Capitation;
    if (auto* title = headlineBox_->findChild<QLabel*>(QStringLiteral("headline_title_net")))
        title->setText(capitation ? tr("Transfer to the state (all funds)") : tr(kHeadlineTitles[4]));
}

void MainWindow::refreshNavigator()
{
    navigator_->clear();
    if (!document_)
        return;
    auto* data = new QTreeWidgetItem(navigator_, {tr("Datasets")});
    for (const io::DatasetInfo& d : document_->datasets()) {
        auto* item = new QTreeWidgetItem(data, {QStringLiteral("%1 (%2)%3")
                                                    .arg(d.provenance.sourceName, io::toString(d.kind),
                                                         d.active ? QString() : tr(", inactive"))});
        QString tip = tr("%1\n%2 bytes, SHA-256 %3\n%4 rows, imported %5")
                          .arg(d.provenance.summary)
                          .arg(d.provenance.sourceSize)
                          .arg(d.provenance.sha256)
                          .arg(d.provenance.rowCount)
                          .arg(d.provenance.importedAt.toString(Qt::ISODate));
        if (!d.provenance.query.isEmpty()) // a warehouse import: the digest is of the aggregated cells
        {
            QStringList lines = d.provenance.query.split(u'\n');
            if (lines.size() > 12)
                lines = lines.mid(0, 12) << tr("… (%1 lines in all)").arg(lines.size());
            tip += tr("\nAggregated in the database by:\n%1").arg(lines.join(u'\n'));
        }
        item->setToolTip(0, tip);
    }
    auto* scenarios = new QTreeWidgetItem(navigator_, {tr("Scenarios")});
    for (const io::ScenarioInfo& s : document_->scenarios()) {
        QString text = s.name;
        if (document_->scenarioId() && *document_->scenarioId() == s.id)
            text = QStringLiteral("▶ ") + text;
        auto* item = new QTreeWidgetItem(scenarios, {text});
        item->setData(0, Qt::UserRole, s.id);
        QString tip =
            tr("version %1, saved %2").arg(s.version).arg(s.modified.toLocalTime().toString(Qt::ISODate));
        if (!s.derivedFromName.isEmpty())
            tip += tr("\nderived from '%1'").arg(s.derivedFromName);
        if (!s.preset.isEmpty())
            tip += tr("\nstarted from preset %1").arg(s.preset);
        item->setToolTip(0, tip);
    }
    navigator_->expandAll();
}

void MainWindow::refreshStatus()
{
    if (!document_)
        return;
    const ExperienceIndex& idx = document_->index();
    double mm = 0.0;
    for (const ExperienceCell& c : document_->experience().cells)
        if (c.year == document_->performanceYear())
            mm += c.memberMonths;
    dataSummary_->setText(tr("%1 plans, %2 cells, %3–%4; %5 members in %6")
                              .arg(idx.plans().size())
                              .arg(document_->experience().cells.size())
                              .arg(idx.minYear())
                              .arg(idx.maxYear())
                              .arg(formatNumber(mm / 12.0, 0))
                              .arg(document_->performanceYear()));
    if (!document_->calculationError().isEmpty())
        calcTime_->setText(tr("cannot settle: %1").arg(document_->calculationError()));
    else
        calcTime_->setText(tr("recalculated in %1 ms").arg(document_->lastCalculationMs(), 0, 'f', 1));
}

void MainWindow::explainHeadline(const QString& key)
{
    explainedFigure_ = key;
    showExplain();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    const QString key = watched->property("headlineKey").toString();
    if (!key.isEmpty()) {
        const bool click = event->type() == QEvent::MouseButtonRelease;
        const bool keyPress =
            event->type() == QEvent::KeyPress && (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Return ||
                                                  static_cast<QKeyEvent*>(event)->key() == Qt::Key_Enter ||
                                                  static_cast<QKeyEvent*>(event)->key() == Qt::Key_Space);
        if (click || keyPress) {
            explainHeadline(key);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showExplain()
{
    if (document_ && !explainedFigure_.isEmpty()) {
        int figure = 0;
        while (figure < 7 && explainedFigure_ != QLatin1String(kHeadlineKeys[figure]))
            ++figure;
        if (figure < 7) {
            explain_->setPlainText(QString::fromStdString(
                explainStatewide(document_->settlement(), static_cast<StatewideFigure>(figure),
                                 document_->scenario().paymentModel)));
            return;
        }
    }
    if (!document_ || selectedPlan_.isEmpty()) {
        explain_->clear();
        return;
    }
    const Settlement& s = document_->settlement();
    const PlanSettlement* plan = findPlan(s, selectedPlan_.toStdString());
    const int scroll = explain_->verticalScrollBar()->value();
    std::string text = plan ? explainPlan(s, *plan, document_->scenario()) : std::string();
    // How much of it is chance (§13), with the Monte Carlo's payment columns once it has run.
    if (plan && validityRunner_) {
        const Validity& v = validityRunner_->validity();
        for (const PlanValidity& pv : v.plans)
            if (pv.planId == plan->planId)
                text += "\n" + explainValidity(v, pv);
    }
    explain_->setPlainText(QString::fromStdString(text));
    explain_->verticalScrollBar()->setValue(scroll);
}

bool MainWindow::chooseReportAudience(const QString& title, ReportOptions& options)
{
    // One rule for every report the workbench writes: the audience is chosen explicitly each
    // time, and the safe answer (small cells suppressed) is the default.
    QMessageBox box(QMessageBox::Question, title,
                    tr("Who is this report for?\n\nA public briefing shows every figure from fewer than 11 "
                       "members, and every count from 1 to 10, as “*”."),
                    QMessageBox::Cancel, this);
    QPushButton* publicButton =
        box.addButton(tr("&Public briefing (suppress small cells)"), QMessageBox::AcceptRole);
    QPushButton* internalButton = box.addButton(tr("&Internal (every figure)"), QMessageBox::AcceptRole);
    publicButton->setObjectName(QStringLiteral("publicReport"));
    internalButton->setObjectName(QStringLiteral("internalReport"));
    box.setDefaultButton(publicButton);
    ReportSectionsChoice sections(document_.get(), &box);
    sections.addTo(box);
    ReportDriversChoice drivers(document_ ? document_->scenario() : Scenario{}, &box);
    drivers.addTo(box);
    box.exec();
    if (box.clickedButton() != publicButton && box.clickedButton() != internalButton)
        return false;
    options.suppressSmallCells = box.clickedButton() == publicButton;
    drivers.apply(options);
    try {
        sections.apply(options);
    } catch (const std::exception& e) {
        QMessageBox::warning(
            this, title, tr("The earlier version could not be read.\n\n%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    return true;
}

bool MainWindow::maybeSave()
{
    if (!document_ || !document_->isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved scenario"),
        tr("The scenario '%1' has unsaved changes. Save them in the project?")
            .arg(QString::fromStdString(document_->scenario().name)),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard) {
        autosaver_->discard(); // the user chose to lose these edits: nothing to recover
        return true;
    }
    return saveScenario(); // saved: the document is clean and its autosave goes
}

void MainWindow::setAsideUnrecoverable(io::OrphanedRecovery& orphan, const QString& why)
{
    const QString path = QDir::toNativeSeparators(orphan.path());
    const QString moved = orphan.setAside();
    QMessageBox box(QMessageBox::Warning, tr("Autosaved edits"), why, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("unrecoverableEdits"));
    box.setInformativeText(
        moved.isEmpty()
            ? tr("The file could not be moved aside and stays at %1.").arg(path)
            : tr("The file was moved to %1, where it is kept in case it is needed; it will not be offered "
                 "again.")
                  .arg(QDir::toNativeSeparators(moved)));
    box.exec();
}

void MainWindow::offerRecovery()
{
    if (!document_)
        return;
    const QString canonical = io::canonicalProjectPath(document_->path());
    const QString fileName = QFileInfo(document_->path()).fileName();
    for (const std::unique_ptr<io::OrphanedRecovery>& orphan :
         io::OrphanedRecovery::claim(document_->path())) {
        io::RecoveryState state;
        try {
            state = orphan->read();
        } catch (const std::exception& e) {
            setAsideUnrecoverable(*orphan, tr("Sharecast found autosaved edits of project %1 but cannot read "
                                              "them, so they cannot be recovered.\n\n%2")
                                               .arg(fileName, QString::fromUtf8(e.what())));
            continue;
        }
        if (state.projectPath != canonical)
            continue; // another project's file that happens to share the name's key
        // The scenario as the project holds it now (it may have been saved, or deleted, since).
        std::optional<io::ScenarioInfo> now;
        if (state.scenarioId)
            for (const io::ScenarioInfo& info : document_->scenarios())
                if (info.id == *state.scenarioId)
                    now = info;
        const QString name = editedScenarioName(state);
        if (now && now->version != state.basedOnVersion && now->modified >= state.savedAt) {
            // Saved since the last autosave: the project holds a later state than these edits.
            const QString moved = orphan->setAside();
            statusBar()->showMessage(
                tr("Autosaved edits of “%1” older than its last save were set aside in %2")
                    .arg(name, QDir::toNativeSeparators(moved)),
                15000);
            continue;
        }

        QMessageBox box(
            QMessageBox::Question, tr("Recover unsaved edits"),
            tr("Sharecast closed unexpectedly while you were editing scenario “%1” of project %2 "
               "(last autosaved at %3).\n\nRecover these edits?")
                .arg(name, fileName,
                     QLocale().toString(state.savedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))),
            QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("recoverEditsQuestion"));
        QString details =
            tr("Recover puts the edits back as unsaved changes: the project file is not changed "
               "until you save. Discard deletes the autosaved edits.");
        if (!state.newScenario && !now)
            details +=
                u'\n' + tr("The scenario has been deleted from the project since; recovered, it becomes "
                           "a new scenario that saving adds.");
        else if (state.newScenario)
            details += u'\n' + tr("The scenario was not in the project yet; saving adds it.");
        else if (now->version != state.basedOnVersion)
            details +=
                u'\n' +
                tr("The scenario has been saved since these edits began (now version %1).").arg(now->version);
        details += u'\n' + tr("Project: %1").arg(QDir::toNativeSeparators(canonical));
        box.setInformativeText(details);
        QPushButton* recover = box.addButton(tr("&Recover"), QMessageBox::AcceptRole);
        QPushButton* discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        recover->setObjectName(QStringLiteral("recoverEdits"));
        discard->setObjectName(QStringLiteral("discardEdits"));
        box.setDefaultButton(recover);
        // Wide enough that the question's first sentence does not break up the scenario's name.
        if (auto* grid = qobject_cast<QGridLayout*>(box.layout()))
            grid->addItem(new QSpacerItem(box.fontMetrics().averageCharWidth() * 92, 0), grid->rowCount(), 0,
                          1, grid->columnCount());
        box.exec();
        if (box.clickedButton() == discard) {
            orphan->remove();
            continue;
        }
        if (box.clickedButton() != recover)
            continue; // no answer: the file stays, and is offered again next time
        document_->recoverEdits(state.scenario, now ? state.scenarioId : std::nullopt);
        // The edits are this window's now: in its own recovery file before the old one goes.
        if (autosaver_->writeNow())
            orphan->remove();
        statusBar()->showMessage(tr("Recovered the edits of “%1”; save the scenario to keep them.").arg(name),
                                 15000);
        return; // one set of edits at a time: any others stay for the next opening
    }
}

QString MainWindow::projectToOpenAtStart(const QString& named)
{
    QStringList waiting; // projects with edits to recover, the most recent first
    for (const std::unique_ptr<io::OrphanedRecovery>& orphan : io::OrphanedRecovery::claim({})) {
        io::RecoveryState state;
        try {
            state = orphan->read();
        } catch (const std::exception& e) {
            setAsideUnrecoverable(*orphan, tr("Sharecast found autosaved edits but cannot read them, so they "
                                              "cannot be recovered.\n\n%1")
                                               .arg(QString::fromUtf8(e.what())));
            continue;
        }
        if (!QFileInfo::exists(state.projectPath)) {
            setAsideUnrecoverable(
                *orphan,
                tr("Sharecast closed unexpectedly while you were editing scenario “%1” of project %2, "
                   "but that project no longer exists, so the edits cannot be put back.")
                    .arg(editedScenarioName(state), QDir::toNativeSeparators(state.projectPath)));
            continue;
        }
        if (!waiting.contains(state.projectPath))
            waiting << state.projectPath;
    }
    const QString project = !named.isEmpty()     ? named
                            : !waiting.isEmpty() ? waiting.first()
                                                 : defaultProjectPath();
    waiting.removeAll(io::canonicalProjectPath(project));
    QStringList names;
    for (const QString& path : waiting)
        names << QFileInfo(path).fileName();
    if (!names.isEmpty())
        statusBar()->showMessage(tr("Autosaved edits of %1 are waiting: open that project to recover them.")
                                     .arg(names.join(QStringLiteral(", "))),
                                 15000);
    return project;
}

bool MainWindow::saveScenario()
{
    const QString name = QString::fromStdString(document_->scenario().name);
    try {
        document_->saveScenario();
    } catch (const std::exception& e) {
        // A full disk or a locked project: the edits stay in the workbench, unsaved, and say so.
        QMessageBox::warning(
            this, tr("Save scenario"),
            tr("The scenario “%1” was not saved; your edits are kept in the workbench.\n\n%2")
                .arg(name, QString::fromUtf8(e.what())));
        return false;
    }
    statusBar()->showMessage(
        tr("Saved scenario “%1” in %2").arg(name, QFileInfo(document_->path()).fileName()), 5000);
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!destroying_ && !maybeSave()) {
        event->ignore();
        return;
    }
    if (autosaver_)
        autosaver_->discard(); // a clean close leaves nothing to recover
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState());
    event->accept();
}

void MainWindow::chooseProject()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("Sharecast projects (*.sharecast);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::newProject()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New project"), QStringLiteral("project.sharecast"), tr("Sharecast projects (*.sharecast)"));
    if (path.isEmpty())
        return;
    const QString experience = QFileDialog::getOpenFileName(this, tr("Experience data for the new project"),
                                                            QString(), tr("experience.csv (*.csv)"));
    if (experience.isEmpty())
        return;
    const QString quality =
        QFileDialog::getOpenFileName(this, tr("Quality data (optional: Cancel to skip)"),
                                     QFileInfo(experience).absolutePath(), tr("quality.csv (*.csv)"));
    const QString error = createProject(path, experience, quality);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("New project"), tr("The project was not created.\n\n%1").arg(error));
}

QString MainWindow::createProject(const QString& path, const QString& experience, const QString& quality)
{
    // Validate the files first, build the project beside its name, rename it into place.
    try {
        io::ImportRequest request;
        request.experiencePath = experience;
        request.qualityPath = quality;
        io::PreparedImport prepared = io::prepareImport(request);
        io::ProjectBuild build(path);
        io::storeImport(build.store(), std::move(prepared));
        if (document_ && QFileInfo(document_->path()) == QFileInfo(path)) {
            // Replacing the open project: close it first, so that its file is free to replace.
            detachDocument();
            document_.reset();
        }
        build.commit(io::ExistingFile::Replace);
    } catch (const std::exception& e) {
        if (!document_ && QFileInfo::exists(path))
            openProject(path); // the project closed above is still there: show it again
        return QString::fromUtf8(e.what());
    }
    return openProject(path) ? QString() : tr("%1: cannot open the new project").arg(path);
}

void MainWindow::chooseImport()
{
    if (!document_)
        return;
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Import experience, quality, member or partnership data"),
                                      QString(), tr("CSV files (*.csv);;All files (*)"));
    if (!paths.isEmpty())
        importFiles(paths);
}

QString MainWindow::importFiles(const QStringList& paths, bool interactive)
{
    if (!document_)
        return tr("No project is open.");
    if (!maybeSave())
        return tr("Cancelled.");
    io::ImportRequest request;
    for (const QString& path : paths) {
        QFile f(path);
        const QByteArray header = f.open(QIODevice::ReadOnly) ? f.readLine() : QByteArray();
        // A file's kind by the column only it has (partnerships.csv has none of the others').
        QString* slot = header.contains("partner_id")   ? &request.partnershipsPath
                        : header.contains("measure_id") ? &request.qualityPath
                        : header.contains("member_id")  ? &request.membersPath
                                                        : &request.experiencePath;
        if (!slot->isEmpty())
            return tr("Import one file of each kind at a time (%1 and %2).").arg(*slot, path);
        *slot = path;
    }
    // §1.3: members' costs are summed over the edited scenario's included COS and truncated at its
    // threshold, so that the statistical tools' c (§13) describes what this scenario settles.
    const Scenario& scenario = document_->scenario();
    request.memberOptions.truncationThreshold = scenario.truncation.threshold;
    request.memberOptions.includedCos = scenario.includedCos;
    request.memberOptions.excludedCos = scenario.excludedCos;
    return runImport(request, tr("Reading and checking the files…"),
                     tr("Imported %1 file(s)").arg(paths.size()), interactive);
}

QString MainWindow::runImport(const io::ImportRequest& request, const QString& reading, const QString& done,
                              bool interactive)
{
    // Read and validate on a pool thread; the project is touched only after everything passed.
    // The modal progress dialog follows the reading (in permille) and Cancel stops it (a database
    // query is cancelled in the server); the window waits in a local event loop, so the import
    // stays synchronous for its callers.
    QProgressDialog progress(reading, tr("Cancel"), 0, 1000, this);
    progress.setObjectName(QStringLiteral("importProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    std::atomic<bool> cancel{false};
    connect(&progress, &QProgressDialog::canceled, this, [&cancel] { cancel = true; });
    io::PreparedImport prepared;
    QString error;
    QFutureWatcher<void> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<void>::progressValueChanged, &progress, &QProgressDialog::setValue);
    connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([&](QPromise<void>& promise) {
        promise.setProgressRange(0, 1000);
        io::ImportControl control;
        control.cancelled = [&cancel] { return cancel.load(); };
        control.progress = [&promise](qint64 done, qint64 total) {
            if (total > 0)
                promise.setProgressValue(static_cast<int>(1000 * done / total));
        };
        try {
            prepared = io::prepareImport(request, control);
        } catch (const io::ImportCancelled&) {
            error = tr("The import was cancelled; the project is unchanged.");
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
    }));
    if (!watcher.isFinished())
        loop.exec();
    watcher.waitForFinished(); // (finished already: the loop ends on its signal)
    progress.setValue(1000);

    if (error.isEmpty()) {
        try {
            io::storeImport(document_->store(), std::move(prepared));
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
    }
    if (!error.isEmpty()) {
        if (interactive)
            QMessageBox::warning(this, tr("Import"), tr("Nothing was imported.\n\n%1").arg(error));
        return error;
    }
    const QString path = document_->path(); // owned by the document the reload replaces
    openProject(path);                      // reload the project's data
    statusBar()->showMessage(done, 5000);
    return {};
}

QString MainWindow::importFromDatabase(DatabaseImportDialog& dialog, bool interactive)
{
    if (!document_)
        return tr("No project is open.");
    if (!maybeSave())
        return tr("Cancelled.");
    io::ImportRequest request;
    request.membersFrom = dialog.source();
    // §1.3 as for members.csv: the edited scenario's COS; the threshold as the dialog says.
    const Scenario& scenario = document_->scenario();
    request.memberOptions.truncationThreshold = dialog.truncation();
    request.memberOptions.includedCos = scenario.includedCos;
    request.memberOptions.excludedCos = scenario.excludedCos;
    const QString error =
        runImport(request, tr("Aggregating the member rows in the database…"),
                  tr("Imported the members of %1").arg(request.membersFrom->table), interactive);
    if (error.isEmpty())
        dialog.remember();
    return error;
}

void MainWindow::chooseDatabaseImport()
{
    if (!document_)
        return;
    DatabaseImportDialog dialog(document_->scenario().truncation.threshold, this);
    if (dialog.exec() == QDialog::Accepted)
        importFromDatabase(dialog);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (document_ && event->mimeData()->hasUrls())
        for (const QUrl& url : event->mimeData()->urls())
            if (url.isLocalFile() &&
                url.toLocalFile().endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
                event->acceptProposedAction();
                return;
            }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    event->acceptProposedAction();
    importFiles(paths);
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString& path : recent)
        recentMenu_
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (maybeSave())
                                openProject(path);
                        })
            ->setToolTip(path);
    recentMenu_->setEnabled(!recent.isEmpty());
}

std::optional<QString> MainWindow::askScenarioName(const QString& title, const QString& label,
                                                   const QString& proposal, std::optional<qint64> renaming)
{
    QStringList taken;
    for (const io::ScenarioInfo& info : document_->scenarios())
        if (!renaming || info.id != *renaming)
            taken << info.name;
    auto unused = [&taken](const QString& name) {
        QString candidate = name;
        for (int n = 2; taken.contains(candidate); ++n)
            candidate = QStringLiteral("%1 (%2)").arg(name).arg(n);
        return candidate;
    };
    // Propose a name the project does not have; a name that is taken is said so, and asked again.
    QString text = unused(proposal);
    for (;;) {
        bool ok = false;
        text = QInputDialog::getText(this, title, label, QLineEdit::Normal, text, &ok).trimmed();
        if (!ok || text.isEmpty())
            return std::nullopt;
        if (!taken.contains(text))
            return text;
        QMessageBox::warning(
            this, title, tr("The project already has a scenario named “%1”. Choose another name.").arg(text));
        text = unused(text);
    }
}

void MainWindow::newScenarioFromPreset(const QString& preset)
{
    if (!document_ || !maybeSave())
        return;
    Scenario s = io::loadPreset(preset);
    const std::optional<QString> name =
        askScenarioName(tr("New scenario"), tr("Name:"), QString::fromStdString(s.name), std::nullopt);
    if (!name)
        return;
    s.name = name->toStdString();
    try {
        document_->addScenario(s, std::nullopt, preset);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("New scenario"), QString::fromUtf8(e.what()));
    }
}

void MainWindow::duplicateScenario()
{
    if (!document_ || !maybeSave())
        return;
    const std::optional<QString> name =
        askScenarioName(tr("Duplicate scenario"), tr("Name of the copy:"),
                        QString::fromStdString(document_->scenario().name) + tr(" (copy)"), std::nullopt);
    if (!name)
        return;
    Scenario s = document_->scenario();
    s.name = name->toStdString();
    try {
        document_->addScenario(s, document_->scenarioId(), {});
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Duplicate scenario"), QString::fromUtf8(e.what()));
    }
}

void MainWindow::renameScenario()
{
    if (!document_)
        return;
    const std::optional<QString> name =
        askScenarioName(tr("Rename scenario"), tr("New name:"),
                        QString::fromStdString(document_->scenario().name), document_->scenarioId());
    if (!name)
        return;
    Scenario s = document_->scenario();
    s.name = name->toStdString();
    document_->setScenario(s, tr("Rename the scenario"));
}

void MainWindow::deleteScenario()
{
    if (!document_ || !document_->scenarioId())
        return;
    if (document_->scenarios().size() <= 1) {
        QMessageBox::information(this, tr("Delete scenario"), tr("A project keeps at least one scenario."));
        return;
    }
    if (QMessageBox::question(this, tr("Delete scenario"),
                              tr("Delete the scenario '%1' and its saved versions?")
                                  .arg(QString::fromStdString(document_->scenario().name))) !=
        QMessageBox::Yes)
        return;
    io::ScenarioStore store(document_->store());
    store.remove(*document_->scenarioId());
    document_->selectScenario(store.list().front().id);
    refreshNavigator();
}

void MainWindow::exportResults()
{
    if (!document_)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export results"), QStringLiteral("settlement.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString problem =
        io::writeFileAtomically(path, io::settlementCsv(document_->settlement(), document_->scenario()));
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Export results"), problem);
    else
        statusBar()->showMessage(tr("Wrote %1").arg(path), 5000);
}

void MainWindow::copySelection()
{
    // A chart the user clicked copies itself as an image, as its menu's "Copy image" does.
    if (auto* plot = qobject_cast<QCustomPlot*>(QApplication::focusWidget())) {
        if (copyChartToClipboard(plot))
            statusBar()->showMessage(tr("Copied the chart as an image"), 3000);
        return;
    }
    if (tabs_ && experienceView_ && tabs_->currentWidget() == experienceView_) {
        experienceView_->copySelection();
        return;
    }
    if (tabs_ && sensitivityView_ && tabs_->currentWidget() == sensitivityView_) {
        sensitivityView_->copySelection();
        return;
    }
    if (!table_ || !table_->selectionModel())
        return;
    // Tab-separated, with headers, for pasting into a spreadsheet.
    QModelIndexList cells = table_->selectionModel()->selectedIndexes();
    if (cells.isEmpty())
        return;
    std::sort(cells.begin(), cells.end(), [](const QModelIndex& a, const QModelIndex& b) {
        return a.row() != b.row() ? a.row() < b.row() : a.column() < b.column();
    });
    QStringList headers;
    QList<int> columns;
    for (const QModelIndex& i : cells)
        if (!columns.contains(i.column()))
            columns << i.column();
    for (int c : columns)
        headers << proxy_->headerData(c, Qt::Horizontal).toString();
    QString text = headers.join(u'\t') + u'\n';
    int row = cells.front().row();
    QStringList line;
    for (const QModelIndex& i : cells) {
        if (i.row() != row) {
            text += line.join(u'\t') + u'\n';
            line.clear();
            row = i.row();
        }
        line << i.data().toString();
    }
    text += line.join(u'\t') + u'\n';
    QApplication::clipboard()->setText(text);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Sharecast"),
        tr("<h3>Sharecast %1</h3><p>An actuarial workbench for shared-savings and shared-risk "
           "arrangements in Medicaid managed care: settlements exact to the cent, explained step by "
           "step, with projections of savings and rate impacts.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::showMethodology()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("Methodology summary"));
    box.setTextFormat(Qt::RichText);
    box.setText(tr(
        "<h3>How a settlement is computed</h3><ol>"
        "<li><b>Expected cost</b> (§2): baseline-year PMPM by cell and COS, weighted, trended, adjusted for "
        "program changes and risk, times the performance year's member months.</li>"
        "<li><b>Actual cost</b> (§3) over the same cells; <b>savings</b> G = E − A, S = G / E (§4).</li>"
        "<li><b>Thresholds</b> (§5): the minimum savings (and loss) rate.</li>"
        "<li><b>Quality</b> (§6): attainment and improvement per measure, a weighted composite, a gate.</li>"
        "<li><b>Eligibility and sharing</b> (§8): gates, the sharing rate ρ, the payment P with its cap, "
        "and shared losses.</li>"
        "<li><b>Split</b> (§9): the program net G − P shared by FMAP between federal and state funds.</li>"
        "<li><b>Projection and rates</b> (§10–11): counterfactual vs projected cost, rebased and "
        "non-rebased capitation rates, the rate impact.</li></ol>"
        "<p>Select a plan to see its own figures step by step in the Explain panel.</p>"));
    box.exec();
}

} // namespace sharecast::ui
