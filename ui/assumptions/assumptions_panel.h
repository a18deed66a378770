#pragma once
//! The assumptions editor: the scenario's keys as fields; every edit is one undoable step.

#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;

namespace sharecast {
struct Scenario;
}

namespace sharecast::ui {

class ProjectDocument;
class AssumptionTable;

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

private:
    void refresh();
    void rebuildMeasures();

    ProjectDocument* document_;
    QLabel* status_ = nullptr;
    std::vector<std::function<void()>> refreshers_;  //!< each field's "show the scenario's value"
    bool refreshing_ = false;
    QFormLayout* measuresForm_ = nullptr;
    std::vector<std::string> measureIds_;                     //!< the measures the rows were built for
    std::vector<std::function<void()>> measureRefreshers_;
    std::vector<AssumptionTable*> tables_;

    friend class AssumptionFieldBuilder;
};

}  // namespace sharecast::ui
