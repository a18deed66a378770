#include "ui/document/settlement_model.h"

#include "engine/rounding.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace sharecast::ui {

namespace {

enum Column {
    Plan,
    PlanName,
    Expected,
    Actual,
    Gross,
    SavingsRate,
    Members,
    Msr,
    Quality,
    QualityGate,
    TccGate,
    Guardrail,
    Eligible,
    ShareRate,
    Payment,
    ProgramNet,
    Federal,
    State,
    kColumns
};

const char* const kHeaders[kColumns] = {
    "Plan",     "Name",       "Expected ($)",     "Actual ($)",      "Gross savings ($)", "Savings rate",
    "Members",  "MSR",        "Quality score",    "Quality gate",    "TCC trend gate",    "Guardrail",
    "Eligible", "Share rate", "Plan payment ($)", "Program net ($)", "Federal share ($)", "State share ($)"};

const char* const kTips[kColumns] = {"Plan id",
                                     "Plan name",
                                     "Expected cost E, fixed before the year (§2)",
                                     "Actual cost A (§3)",
                                     "G = E − A, or resource-use savings (§4, §7)",
                                     "S = G / E (§4)",
                                     "Average members N = member months / 12",
                                     "Minimum savings rate (§5)",
                                     "Quality composite Q (§6)",
                                     "Quality gate (§6)",
                                     "TCC trend gate (§8)",
                                     "Appropriateness guardrail: tripped? (§8)",
                                     "Every blocking gate passed (§8)",
                                     "Sharing rate ρ (§8)",
                                     "Payment P to the plan (negative: owed by the plan) (§8)",
                                     "G − P: what the program keeps, all funds (§8)",
                                     "Federal part of the program net by FMAP (§9)",
                                     "State part of the program net (§9)"};

QString yesNo(bool b)
{
    return b ? QStringLiteral("passed") : QStringLiteral("failed");
}

} // namespace

SettlementModel::SettlementModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document)
{
    // New results change the figures, seldom the plans: then the cells are refreshed in place
    // (the view keeps its selection and scroll position, and no row is laid out again).
    connect(document_, &ProjectDocument::resultsChanged, this, [this] {
        const int rows = rowCount();
        if (rows == shownRows_ && rows > 0) {
            Q_EMIT dataChanged(index(0, 0), index(rows - 1, kColumns - 1));
            return;
        }
        beginResetModel();
        shownRows_ = rows;
        endResetModel();
    });
    shownRows_ = rowCount();
}

int SettlementModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(document_->settlement().plans.size());
}

int SettlementModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumns;
}

QString SettlementModel::planId(int row) const
{
    const auto& plans = document_->settlement().plans;
    return row >= 0 && row < static_cast<int>(plans.size())
               ? QString::fromStdString(plans[static_cast<std::size_t>(row)].planId)
               : QString();
}

QVariant SettlementModel::data(const QModelIndex& index, int role) const
{
    const auto& plans = document_->settlement().plans;
    if (!index.isValid() || index.row() >= static_cast<int>(plans.size()))
        return {};
    const PlanSettlement& p = plans[static_cast<std::size_t>(index.row())];
    const int c = index.column();

    if (role == Qt::UserRole) { // raw values for sorting
        switch (c) {
        case Plan: return QString::fromStdString(p.planId);
        case PlanName: return QString::fromStdString(document_->experience().planName(p.planId));
        case Expected: return p.expected;
        case Actual: return p.actual;
        case Gross: return p.grossSavings;
        case SavingsRate: return p.savingsRate.value_or(0.0);
        case Members: return p.members;
        case Msr: return p.msr.rate;
        case Quality: return p.quality.composite.value_or(-1.0);
        case QualityGate: return p.quality.gatePassed;
        case TccGate: return p.tccTrend.passed;
        case Guardrail: return p.appropriateness.tripped;
        case Eligible: return p.eligible;
        case ShareRate: return p.shareRate;
        case Payment: return p.payment.payment;
        case ProgramNet: return p.programNet;
        case Federal: return p.split.federal;
        case State: return p.split.state;
        default: return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (c) {
        case Plan: return QString::fromStdString(p.planId);
        case PlanName: return QString::fromStdString(document_->experience().planName(p.planId));
        case Expected: return formatDollars(p.expected);
        case Actual: return formatDollars(p.actual);
        case Gross: return formatDollars(p.grossSavings);
        case SavingsRate: return p.savingsRate ? formatPercent(*p.savingsRate, 2) : QStringLiteral("NA");
        case Members: return formatNumber(p.members, 0);
        case Msr: return formatPercent(p.msr.rate, 2);
        case Quality:
            return p.quality.composite ? formatNumber(*p.quality.composite, 1) : QStringLiteral("NA");
        case QualityGate: return p.quality.gateEnabled ? yesNo(p.quality.gatePassed) : QStringLiteral("off");
        case TccGate: return p.tccTrend.enabled ? yesNo(p.tccTrend.passed) : QStringLiteral("off");
        case Guardrail:
            return p.appropriateness.enabled
                       ? (p.appropriateness.tripped ? QStringLiteral("tripped") : QStringLiteral("clear"))
                       : QStringLiteral("off");
        case Eligible: return p.eligible ? QStringLiteral("yes") : QStringLiteral("no");
        case ShareRate: return formatPercent(p.shareRate, 1);
        case Payment: return formatDollars(p.payment.payment);
        case ProgramNet: return formatDollars(p.programNet);
        case Federal: return formatDollars(p.split.federal);
        case State: return formatDollars(p.split.state);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return c <= PlanName ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                             : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole) {
        if ((c == QualityGate && p.quality.gateEnabled && !p.quality.gatePassed) ||
            (c == TccGate && p.tccTrend.enabled && !p.tccTrend.passed) ||
            (c == Guardrail && p.appropriateness.tripped) || (c == Eligible && !p.eligible))
            return QBrush(palette::kError);
        if ((c == Gross || c == Payment || c == ProgramNet || c == Federal || c == State) &&
            ((c == Gross && p.grossSavings < 0) || (c == Payment && p.payment.payment < 0) ||
             (c == ProgramNet && p.programNet < 0) || (c == Federal && p.split.federal < 0) ||
             (c == State && p.split.state < 0)))
            return QBrush(palette::kError);
    }
    if (role == Qt::BackgroundRole && !p.eligible)
        return QBrush(QColor(0xfb, 0xee, 0xee));
    if (role == Qt::ToolTipRole) {
        if (c == QualityGate && !p.quality.gateReason.empty())
            return QString::fromStdString(p.quality.gateReason);
        if (c == TccGate && !p.tccTrend.reason.empty())
            return QString::fromStdString(p.tccTrend.reason);
        if (c == Guardrail && !p.appropriateness.reason.empty())
            return QString::fromStdString(p.appropriateness.reason);
        if (c == Payment)
            return QString::fromStdString(p.payment.reason);
        return QString::fromLatin1(kTips[c]);
    }
    return {};
}

QVariant SettlementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumns)
        return {};
    if (role == Qt::DisplayRole)
        return QString::fromLatin1(kHeaders[section]);
    if (role == Qt::ToolTipRole)
        return QString::fromLatin1(kTips[section]);
    return {};
}

} // namespace sharecast::ui
