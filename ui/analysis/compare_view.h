#pragma once
//! Side-by-side comparison of a project's scenarios: each is settled by the engine over the same
//! data and performance year; the view shows per-plan and statewide figures and their differences
//! against the first (reference) scenario, and charts the per-plan payment differences.

#include "engine/scenario.h"
#include "engine/statewide_totals.h"
#include "engine/types.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QLabel;
class QListWidget;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace sharecast::ui {

class ProjectDocument;
class CompareChartController;
class ComparePlanModel;
class CompareStatewideModel;

//! What the comparison shows of one plan in one scenario.
struct ComparedPlan {
    Dollars payment = 0.0;    //!< P (§8)
    Dollars programNet = 0.0; //!< G − P (§8)
};

//! Statewide sums of one settlement over its plans, in cents (the report's totals, §9a).
using StatewideFigures = StatewideTotals;

//! One settled scenario of a comparison.
struct ComparedScenario {
    qint64 id = 0;                     //!< the stored id, or CompareView::kEditedScenario
    QString name;                      //!< as listed ("<name> (edited)" for the edited one)
    QMap<QString, ComparedPlan> plans; //!< by plan id
    StatewideFigures statewide;
};

//! One assumption that differs between the compared scenarios: its key in the JSON form and
//! its value in each compared scenario, in order (the reference first).
struct DifferingAssumption {
    QString key;
    QStringList values;
};

//! The comparison tab: a checkable list of the project's scenarios (plus the edited one when it
//! differs from its stored version); the first checked is the reference. Recomputes when the
//! checks change and when the edited scenario in the comparison changes.
class CompareView : public QWidget {
    Q_OBJECT
public:
    //! The id that stands for the document's edited, unsaved scenario.
    static constexpr qint64 kEditedScenario = -1;

    //! Lists the document's scenarios; nothing is compared until two are checked.
    explicit CompareView(ProjectDocument* document, QWidget* parent = nullptr);

    //! Checks exactly these scenarios (kEditedScenario for the edited one), the first as the
    //! reference, and settles each with the engine at the document's performance year.
    void compare(const QList<qint64>& ids);

    //! The settled scenarios, the reference first (empty with fewer than two).
    const QList<ComparedScenario>& compared() const { return compared_; }
    //! Why scenarios could not be settled (one line each; empty when all were).
    const QStringList& errors() const { return errors_; }
    //! Every plan id of the compared settlements, sorted: the rows of the plan table.
    const QStringList& plans() const { return plans_; }
    //! P of a plan in compared scenario i (0 when it was not settled there).
    Dollars payment(int scenario, const QString& plan) const;
    //! G − P of a plan in compared scenario i (0 when it was not settled there).
    Dollars programNet(int scenario, const QString& plan) const;
    //! P in scenario i minus P in the reference.
    Dollars paymentDelta(int scenario, const QString& plan) const;
    //! G − P in scenario i minus G − P in the reference.
    Dollars programNetDelta(int scenario, const QString& plan) const;
    //! The statewide figures of compared scenario i.
    const StatewideFigures& statewide(int scenario) const { return compared_[scenario].statewide; }
    //! What the chart plots: for each scenario after the reference, its payment deltas in $M, in
    //! plans() order.
    const QList<QVector<double>>& chartDeltasMillions() const { return chartDeltas_; }

    //! The checkable list of scenarios (item data Qt::UserRole: the id).
    QListWidget* scenarioList() const { return list_; }
    //! The per-plan table (sorted by plan id until a header is clicked).
    QTableView* planTable() const { return planTable_; }
    //! The assumptions that differ between the compared scenarios (empty: none, or fewer than two).
    const QList<DifferingAssumption>& differingAssumptions() const { return differing_; }
    //! The statewide table: one row per figure.
    QTableView* statewideTable() const { return statewideTable_; }
    //! The chart of the per-plan payment differences.
    QCustomPlot* chart() const { return chart_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refreshList();
    void scheduleCompare();
    void compareChecked();
    QList<qint64> checkedIds() const;
    void redrawChart();
    void showDifferingAssumptions(const QList<Scenario>& scenarios);

    ProjectDocument* document_;
    QListWidget* list_ = nullptr;
    QLabel* status_ = nullptr;
    QTableView* planTable_ = nullptr;
    QTableView* statewideTable_ = nullptr;
    QTableWidget* assumptionTable_ = nullptr; //!< differing_, one row per key
    QTabWidget* lowerTabs_ = nullptr;         //!< the plans, and the assumptions that differ
    QList<DifferingAssumption> differing_;
    QCustomPlot* chart_ = nullptr;
    CompareChartController* chartController_ = nullptr;
    ComparePlanModel* planModel_ = nullptr;
    CompareStatewideModel* statewideModel_ = nullptr;
    QList<ComparedScenario> compared_;
    QStringList errors_;
    QStringList plans_;
    QList<QVector<double>> chartDeltas_;
    Year year_ = 0; //!< the performance year of the last comparison
    bool comparePending_ = false;
    bool updatingList_ = false;
    bool editedDiffers_ = false;
};

} // namespace sharecast::ui
