#pragma once
//! The partnership ledger as a table (docs/methodology.md, "Partnerships"): the three wins side by
//! side — the member's, the plan's and the CBO's — one row per partner or per contract (plan ×
//! partner × service). Formats the document's ledger; holds no logic. A partner's terms (PMPM,
//! outreach fee and cap, outcome bonus, savings pass-through) are editable in the partner rows:
//! each edit is one undoable scenario edit of `partnerships.terms.<partner_id>.<term>`.

#include "engine/partnership_ledger.h"
#include "ui/document/grouped_header_view.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>
#include <string>

namespace sharecast::ui {

class ProjectDocument;

//! A partner's term that a scenario can set (PartnershipTerms).
enum class PartnershipTerm { Pmpm, OutreachFee, OutreachCap, OutcomeBonus, SavingsPassThrough };

//! The key path of a partner's term: `partnerships.terms.<partner_id>.pmpm` (spelled by
//! io/json/key_path.h).
std::string partnershipTermKey(const std::string& partnerId, PartnershipTerm term);

//! The scenario with a partner's term set to value, or removed (nullopt: the partnerships data's
//! own value again), validated as any scenario; throws InputError for a value the rules refuse.
Scenario withPartnershipTerm(const Scenario& scenario, const std::string& partnerId, PartnershipTerm term,
                             std::optional<double> value);

//! One row per partner (ByPartner) or per contract (ByContract) of the document's ledger; the
//! partner rows give money in $k and $M (the overview), the contract rows to the cent (the detail),
//! and the tool tips of both to the cent. Qt::UserRole gives the raw number for sorting,
//! Qt::EditRole the editable term's value.
class PartnershipsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Rows { ByPartner, ByContract };
    //! The columns after the leading ones (Partner; or Plan, Partner, Service).
    enum Field {
        Engaged, //!< member
        Outcome,
        Credit,
        AvoidedPerThousand,
        AvoidedKept, //!< plan
        PlanPayments,
        McpValue,
        PmpmRevenue, //!< CBO
        OutreachRevenue,
        OutcomeBonus,
        PassThrough,
        Grants,
        OperatingCost,
        Sustainability,
        GrantMonths,
        GapAfterGrants,
        Pmpm, //!< terms in force (editable in the partner rows)
        OutreachFee,
        OutreachCap,
        OutcomeBonusOffered,
        PassThroughShare,
        kFields
    };

    PartnershipsModel(ProjectDocument* document, Rows rows, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    //! A term typed into a partner row: pushes the scenario edit (empty text: back to the data's
    //! value); false, with editRefused(), when the text is not a number or the rules refuse it.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    //! How many columns lead (Partner; or Plan, Partner, Service).
    int leadingColumns() const { return rows_ == Rows::ByPartner ? 1 : 3; }
    //! The column of a field.
    int column(Field f) const { return leadingColumns() + f; }
    //! The header's groups: Member, Plan, CBO, Terms.
    QList<HeaderGroup> groups() const;
    //! The partner id of a row.
    QString partnerId(int row) const;
    //! The contract line of a row (ByContract), else null.
    const PartnershipLine* line(int row) const;
    //! The partner totals of a row (ByPartner), else null.
    const PartnerTotals* partner(int row) const;

Q_SIGNALS:
    //! An edit was refused: the reason, for the view to show.
    void editRefused(const QString& reason);

private:
    //! The figures of a row: its amounts and its contract lines (one for a contract).
    const LedgerAmounts* amounts(int row) const;
    std::vector<const PartnershipLine*> linesOf(int row) const;
    QVariant termValue(int row, Field f, int role) const;
    QVariant memberValue(int row, Field f, int role) const;

    ProjectDocument* document_;
    Rows rows_;
    int shownRows_ = 0; //!< the rows the views know of
};

} // namespace sharecast::ui
