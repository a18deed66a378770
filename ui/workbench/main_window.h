#pragma once
//! The workbench's main window: a project's results, charts, assumptions and explanations.

#include <QMainWindow>

#include <chrono>
#include <memory>
#include <optional>

class QCustomPlot;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace sharecast::io {
class OrphanedRecovery;
struct ImportRequest;
} // namespace sharecast::io

namespace sharecast::ui {

class AssumptionsPanel;
class Autosaver;
class CompareView;
class DatabaseImportDialog;
class ExperienceView;
class FundingFlowsView;
class PartnershipsView;
class ProjectDocument;
struct ReportOptions;
class SavingsChartController;
class ProgramYearsView;
class SensitivityView;
class SettlementModel;
class UncertaintyView;
class ValidityRunner;

//! Top-level window of the workbench. It shows one project at a time (ProjectDocument).
//! Registers the workbench's Qt resources (icon); safe to call more than once.
void initResources();

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    //! Opens a project file; on failure shows the error and keeps the current project. Edits of
    //! it that a workbench autosaved before it closed unexpectedly are offered for recovery.
    bool openProject(const QString& path);

    //! At start, before a project is opened: autosaved edits that cannot be recovered (the file
    //! is unreadable, or its project no longer exists) are reported and set aside. Returns the
    //! project to open: `named` if given, else the most recent one with edits to recover, else
    //! the bundled sample (defaultProjectPath()).
    QString projectToOpenAtStart(const QString& named);

    //! The wait between the last edit and its autosave (Autosaver::kDelay unless set).
    void setAutosaveDelay(std::chrono::milliseconds delay);
    //! The open project's autosaver, or null.
    Autosaver* autosaver() const { return autosaver_.get(); }

    //! Imports CSV files into the open project (kind by header: quality has measure_id, members
    //! member_id, else experience) with a progress dialog that can cancel; all or nothing.
    //! Returns an empty string on success, else the error shown to the user.
    QString importFiles(const QStringList& paths, bool interactive = true);
    //! Imports the members of the warehouse table the (accepted) dialog names, aggregated in the
    //! database, with the same progress dialog, cancel (the query is cancelled in the server) and
    //! all-or-nothing as importFiles(); remembers the dialog's fields (never the password) when it
    //! succeeded. Returns an empty string on success, else the error shown to the user.
    QString importFromDatabase(DatabaseImportDialog& dialog, bool interactive = true);

    //! Creates a project at path from experience (and optional quality) files, all or nothing,
    //! and opens it. Returns an empty string on success, else the error.
    QString createProject(const QString& path, const QString& experience, const QString& quality);

    //! The open project, or null.
    ProjectDocument* document() const { return document_.get(); }
    //! The savings chart (the tests look at it).
    QCustomPlot* chart() const { return chart_; }
    SavingsChartController* savingsChart() const { return savingsChart_; }
    QTableView* settlementTable() const { return table_; }
    AssumptionsPanel* assumptions() const { return assumptions_; }
    QPlainTextEdit* explainView() const { return explain_; }
    CompareView* compareView() const { return compareView_; }
    ExperienceView* experienceView() const { return experienceView_; }
    UncertaintyView* uncertaintyView() const { return uncertaintyView_; }
    //! The open project's Monte Carlo and projection fan (off the GUI thread), or null.
    ValidityRunner* validityRunner() const { return validityRunner_.get(); }
    //! Shows the tab whose title (without its "&") or object name is `name`, case aside;
    //! false when there is none.
    bool showTab(const QString& name);
    SensitivityView* sensitivityView() const { return sensitivityView_; }
    ProgramYearsView* programYearsView() const { return programYearsView_; }
    //! The Partnerships tab (the three wins) and the Funding flows tab.
    PartnershipsView* partnershipsView() const { return partnershipsView_; }
    FundingFlowsView* fundingFlowsView() const { return fundingFlowsView_; }
    //! The headline figure labels by key (expected, actual, gross, payments, net, federal, state).
    QLabel* headline(const QString& key) const;

    //! The writable copy of the bundled sample project, created on first use; empty if there is
    //! no bundled sample next to the executable.
    static QString defaultProjectPath();

    //! Shows in Explain how headline figure `key` (expected, actual, gross, payments, net,
    //! federal, state) comes about, as clicking it does.
    void explainHeadline(const QString& key);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createDocks();
    void attachDocument();
    QWidget* createSettlementPage(ProjectDocument* doc);       //!< the notice, headline figures and table
    void addChartTabs(QTabWidget* tabs, ProjectDocument* doc); //!< one tab per chart controller
    void attachUndoActions(ProjectDocument* doc);              //!< Edit ▸ Undo/Redo on the document's stack
    void connectDocument(ProjectDocument* doc);                //!< the window follows the document's signals
    void showDocument(ProjectDocument* doc);                   //!< fills the window from the opened document
    void detachDocument();
    void refreshTitle();
    void refreshHeadlines();
    void refreshNavigator();
    void refreshStatus();
    void showExplain();
    bool maybeSave();
    //! Offers the open project's autosaved edits left by a workbench that closed unexpectedly.
    void offerRecovery();
    //! Says why autosaved edits cannot be recovered and moves their file aside.
    void setAsideUnrecoverable(io::OrphanedRecovery& orphan, const QString& why);
    //! Saves the scenario as a new version; says so in the status bar, or why not in a message
    //! (the edits are kept). False when it could not be saved.
    bool saveScenario();
    //! Asks whom a report is for (public: small cells suppressed, the default; or internal) and
    //! sets options; false when the user cancels.
    bool chooseReportAudience(const QString& title, ReportOptions& options);
    void chooseProject();
    void chooseImport();
    //! File ▸ Import from Database…: the dialog, then importFromDatabase().
    void chooseDatabaseImport();
    //! Prepares request on a pool thread under a progress dialog (reading: its text) with Cancel,
    //! then stores it in the open project and reloads it (done: the status bar's message).
    QString runImport(const io::ImportRequest& request, const QString& reading, const QString& done,
                      bool interactive);
    void newProject();
    void newScenarioFromPreset(const QString& preset);
    //! Asks for a scenario name, proposing one the project does not have; a taken name is
    //! refused with a message and asked again (renaming: the scenario's own name is not taken).
    std::optional<QString> askScenarioName(const QString& title, const QString& label,
                                           const QString& proposal, std::optional<qint64> renaming);
    void duplicateScenario();
    void renameScenario();
    void deleteScenario();
    void exportResults();
    void copySelection();
    void updateRecentMenu();
    void showAbout();
    void showMethodology();

    std::unique_ptr<ProjectDocument> document_;
    std::unique_ptr<Autosaver> autosaver_;           //!< the document's crash recovery (goes before it)
    std::unique_ptr<ValidityRunner> validityRunner_; //!< its simulations (go before it too)
    std::chrono::milliseconds autosaveDelay_;
    QCustomPlot* chart_ = nullptr;
    SavingsChartController* savingsChart_ = nullptr;
    SettlementModel* model_ = nullptr;
    QSortFilterProxyModel* proxy_ = nullptr;
    QTableView* table_ = nullptr;
    QPlainTextEdit* explain_ = nullptr;
    QTreeWidget* navigator_ = nullptr;
    AssumptionsPanel* assumptions_ = nullptr;
    QWidget* headlineBox_ = nullptr;
    QMap<QString, QLabel*> headlines_;
    QLabel* notice_ = nullptr;
    QLabel* dataSummary_ = nullptr;
    QLabel* calcTime_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
    QString selectedPlan_;
    QString explainedFigure_; //!< the headline Explain shows, instead of a plan (empty: a plan)
    bool destroying_ = false;
    QTabWidget* tabs_ = nullptr;
    ExperienceView* experienceView_ = nullptr;
    CompareView* compareView_ = nullptr;
    UncertaintyView* uncertaintyView_ = nullptr;
    SensitivityView* sensitivityView_ = nullptr;
    ProgramYearsView* programYearsView_ = nullptr;
    PartnershipsView* partnershipsView_ = nullptr;
    FundingFlowsView* fundingFlowsView_ = nullptr;
};

} // namespace sharecast::ui
