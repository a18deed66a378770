#pragma once
//! The Partnerships tab (docs/methodology.md, "Partnerships"): the three wins of each MCP–CBO
//! partnership side by side — the member's, the plan's and the CBO's — by partner and by contract,
//! a plain-language line per plan, and the what-if terms: a partner's PMPM, outreach fee and cap,
//! outcome bonus and pass-through typed into its row, the PMPM factor and how outcome credit is
//! earned, each one undoable edit of the scenario.

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTableView;
class QTextBrowser;

namespace sharecast::ui {

class PartnershipsModel;
class ProjectDocument;

//! Shows the document's partnership ledger; recalculated with the document's results.
class PartnershipsView : public QWidget {
    Q_OBJECT
public:
    explicit PartnershipsView(ProjectDocument* document, QWidget* parent = nullptr);

    //! One row per partner (terms editable) and one per contract.
    QTableView* partnerTable() const { return partners_; }
    QTableView* contractTable() const { return contracts_; }
    PartnershipsModel* partnerModel() const { return partnerModel_; }
    PartnershipsModel* contractModel() const { return contractModel_; }
    //! How outcome credit is earned (partnerships.outcome_credit: target, linear).
    QComboBox* outcomeCredit() const { return credit_; }
    //! partnerships.pmpm_factor.
    QDoubleSpinBox* pmpmFactor() const { return factor_; }
    //! The plain-language line per plan.
    QTextBrowser* planLines() const { return planLines_; }
    //! The year, counts and warnings; or why there is no ledger.
    QLabel* status() const { return status_; }

private:
    void refresh();         //!< after new results
    void refreshControls(); //!< the scenario's outcome credit and PMPM factor
    void showMessage(const QString& text, bool error);

    ProjectDocument* document_;
    QLabel* status_ = nullptr;
    QLabel* message_ = nullptr;
    QComboBox* credit_ = nullptr;
    QDoubleSpinBox* factor_ = nullptr;
    QTextBrowser* planLines_ = nullptr;
    QWidget* body_ = nullptr;
    PartnershipsModel* partnerModel_ = nullptr;
    PartnershipsModel* contractModel_ = nullptr;
    QTableView* partners_ = nullptr;
    QTableView* contracts_ = nullptr;
};

} // namespace sharecast::ui
