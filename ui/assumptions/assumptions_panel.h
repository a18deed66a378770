#pragma once
//! The assumptions editor: the scenario's keys as fields; every edit is one undoable step.

#include <QHash>
#include <QString>
#include <QWidget>

#include <functional>

class QFormLayout;
class QGroupBox;
class QLabel;
class QScrollArea;

namespace sharecast {
struct Scenario;
}

namespace sharecast::ui {

class ProjectDocument;
class AssumptionTable;
struct DataNames;

//! Fields for the scenario's assumptions. An entry the scenario rules refuse is marked at the
//! field with the reason and changes nothing; a valid one is pushed to the document's undo stack.
class AssumptionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit AssumptionsPanel(ProjectDocument* document, QWidget* parent = nullptr);

    //! Applies an edit made in code (as a field would): validated, then one undo step.
    //! Returns the refusal reason, or an empty string.
    //! The change may throw InputError (a cell it cannot read): that is a refusal too.
    QString edit(const QString& text, int mergeKey, const std::function<void(Scenario&)>& change);

    //! The scenario being edited.
    const Scenario& scenario() const;

    //! The table editor with this object name (trendByCos, qualityMeasures, sharingTiers, ...).
    AssumptionTable* table(const QString& objectName) const;

    //! Scrolls to the field of a key path (methodology §14, e.g. `sharing.max_share`), or to its
    //! group when no field's label names it, and gives the field the focus; false when no group
    //! holds the key.
    bool showKey(const QString& keyPath);

private:
    // One function per group box (in the order the panel shows them), each filling its box's form:
    void scenarioFields(QFormLayout* form); //!< the scenario's description
    void baselineFields(QFormLayout* form); //!< performance year, baseline years, risk adjustment, truncation
    void cosFields(QFormLayout* form);      //!< included and excluded COS, program changes (§2)
    void trendFields(QFormLayout* form);    //!< the trend, by COS and by rate cell (§2.3)
    void thresholdFields(QFormLayout* form); //!< the minimum savings and loss rates (§5)
    void gateFields(QFormLayout* form);      //!< the TCC trend gate and the appropriateness guardrail (§8)
    void qualityFields(QFormLayout* form);   //!< the quality composite and gate (§6)
    void qualityMeasureFields(QFormLayout* form); //!< the quality measures table (§6)
    void resourceUseFields(QFormLayout* form);    //!< the resource-use savings (§7)
    void sharingFields(QFormLayout* form);      //!< the plan share and its quality scaling, cap and reduction
    void lossFields(QFormLayout* form);         //!< shared losses (§8)
    void federalShareFields(QFormLayout* form); //!< the FMAP (§9)
    void projectionFields(QFormLayout* form);   //!< projection and rates (§10–11)
    void corridorFields(QFormLayout* form);     //!< risk corridors (§12)
    void blendFields(QFormLayout* form);        //!< the blended rate true-up (§12)
    void remittanceFields(QFormLayout* form);   //!< the MLR remittance (§12)
    void uncertaintyFields(QFormLayout* form);  //!< statistical validity and the Monte Carlo (§13)
    //! The data's COS, rate cell and utilization names, as the table editors ask for them.
    std::function<DataNames()> dataNames() const;
    //! The undo merge key of a field's edits: one per undo text, handed out on first use.
    int mergeKeyFor(const QString& undoText);
    void refresh();
    void rebuildMeasures();

    ProjectDocument* document_;
    QLabel* status_ = nullptr;
    std::vector<std::function<void()>> refreshers_; //!< each field's "show the scenario's value"
    bool refreshing_ = false;
    QFormLayout* measuresForm_ = nullptr;
    std::vector<std::string> measureIds_; //!< the measures the rows were built for
    std::vector<std::function<void()>> measureRefreshers_;
    std::vector<AssumptionTable*> tables_;
    QHash<QString, int> mergeKeys_; //!< by undo text: see mergeKeyFor()
    QScrollArea* scroll_ = nullptr;
    QList<QGroupBox*> groups_; //!< in the order shown (showKey())

    friend class AssumptionFieldBuilder;
};

} // namespace sharecast::ui
