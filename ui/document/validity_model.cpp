#include "ui/document/validity_model.h"

#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/document/validity_runner.h"
#include "ui/palette.h"

#include <QBrush>

namespace sharecast::ui {

namespace {

const char* const kHeaders[ValidityModel::kColumns] = {"Plan",
                                                       "Name",
                                                       "Members",
                                                       "c",
                                                       "c from",
                                                       "σ",
                                                       "Savings rate S",
                                                       "Interval",
                                                       "MSR",
                                                       "MLR",
                                                       "P(false reward)",
                                                       "P(false penalty)",
                                                       "Power",
                                                       "Members needed",
                                                       "Chance mean ($)",
                                                       "Chance p95 ($)",
                                                       "Payment p05 ($)",
                                                       "Payment p50 ($)",
                                                       "Payment p95 ($)"};

const char* const kTips[ValidityModel::kColumns] = {
    "Plan id",
    "Plan name",
    "N: members in the performance year (member months / 12)",
    "c: coefficient of variation of annual cost per member (§13)",
    "Where c comes from: uncertainty.cv, the member data, or msr.cv",
    "σ = c · √(1/N + Σ w_b²/N_b): the standard error of S when the plan saves nothing",
    "S = G / E (§4)",
    "S ∓ z(1 − α/2) · σ: the confidence interval of the savings rate",
    "m: the plan's minimum savings rate (§5)",
    "l: the plan's minimum loss rate (§5)",
    "1 − Φ(m / σ): the chance that a plan with no true savings clears the MSR",
    "Φ(−l / σ): the chance that a plan with no true savings owes losses (NA: losses off)",
    "1 − Φ((m − s) / σ): the chance of clearing the MSR again if the true savings rate were s",
    "Members at which P(false reward) falls to α with the MSR held at m",
    "Mean payment when the plan saves nothing (Monte Carlo, S = σZ)",
    "95th percentile of the payment when the plan saves nothing",
    "5th percentile of the payment around the result (S = S_p + σZ)",
    "Median payment around the result",
    "95th percentile of the payment around the result"};

QString cvSourceText(const PlanValidity& p)
{
    switch (p.cvSource) {
    case CvSource::Scenario: return QStringLiteral("uncertainty.cv");
    case CvSource::MemberData: return QStringLiteral("member data");
    case CvSource::MsrCv: return QStringLiteral("msr.cv");
    }
    return {};
}

QVariant optional(const std::optional<double>& v)
{
    return v ? QVariant(*v) : QVariant();
}

QString percentOrNa(const std::optional<double>& v, int decimals)
{
    return v ? formatPercent(*v, decimals) : QStringLiteral("NA");
}

} // namespace

ValidityModel::ValidityModel(ProjectDocument* document, ValidityRunner* runner, QObject* parent)
    : QAbstractTableModel(parent), document_(document), runner_(runner)
{
    auto reset = [this] {
        beginResetModel();
        endResetModel();
    };
    connect(runner_, &ValidityRunner::monteCarloStarted, this, reset);
    connect(runner_, &ValidityRunner::monteCarloFinished, this, reset);
}

int ValidityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(runner_->validity().plans.size());
}

int ValidityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumns;
}

QString ValidityModel::planId(int row) const
{
    const auto& plans = runner_->validity().plans;
    return row >= 0 && row < static_cast<int>(plans.size())
               ? QString::fromStdString(plans[static_cast<std::size_t>(row)].planId)
               : QString();
}

QVariant ValidityModel::data(const QModelIndex& index, int role) const
{
    const Validity& v = runner_->validity();
    if (!index.isValid() || index.row() >= static_cast<int>(v.plans.size()))
        return {};
    const PlanValidity& p = v.plans[static_cast<std::size_t>(index.row())];
    const int c = index.column();
    const bool paid = v.monteCarloDone;

    if (role == Qt::UserRole) { // raw values for sorting
        switch (c) {
        case Plan: return QString::fromStdString(p.planId);
        case PlanName: return QString::fromStdString(document_->experience().planName(p.planId));
        case Members: return p.members;
        case Cv: return p.cv;
        case CvSource: return cvSourceText(p);
        case Sigma: return p.sigma;
        case SavingsRate: return optional(p.savingsRate);
        case Interval: return optional(p.ciLow);
        case Msr: return p.msr;
        case Mlr: return p.mlr;
        case PFalseReward: return p.pFalseReward;
        case PFalsePenalty: return optional(p.pFalsePenalty);
        case Power: return optional(p.power);
        case MembersNeeded: return p.membersNeeded ? QVariant(*p.membersNeeded) : QVariant();
        case ChanceMean: return paid ? QVariant(p.payment.chanceMean) : QVariant();
        case ChanceP95: return paid ? QVariant(p.payment.chanceP95) : QVariant();
        case PaymentP05: return paid ? QVariant(p.payment.p05) : QVariant();
        case PaymentP50: return paid ? QVariant(p.payment.p50) : QVariant();
        case PaymentP95: return paid ? QVariant(p.payment.p95) : QVariant();
        default: return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (c) {
        case Plan: return QString::fromStdString(p.planId);
        case PlanName: return QString::fromStdString(document_->experience().planName(p.planId));
        case Members: return formatNumber(p.members, 0);
        case Cv: return formatNumber(p.cv, 3);
        case CvSource: return cvSourceText(p);
        case Sigma: return formatPercent(p.sigma, 2);
        case SavingsRate: return percentOrNa(p.savingsRate, 2);
        case Interval:
            return p.ciLow && p.ciHigh ? QStringLiteral("%1 to %2")
                                             .arg(formatPercent(*p.ciLow, 2), formatPercent(*p.ciHigh, 2))
                                       : QStringLiteral("NA");
        case Msr: return formatPercent(p.msr, 2);
        case Mlr: return formatPercent(p.mlr, 2);
        case PFalseReward: return formatPercent(p.pFalseReward, 1);
        case PFalsePenalty: return percentOrNa(p.pFalsePenalty, 1);
        case Power: return percentOrNa(p.power, 1);
        case MembersNeeded:
            return p.membersNeeded ? formatNumber(static_cast<double>(*p.membersNeeded), 0)
                                   : QStringLiteral("NA");
        case ChanceMean: return paid ? formatDollars(p.payment.chanceMean) : QStringLiteral("…");
        case ChanceP95: return paid ? formatDollars(p.payment.chanceP95) : QStringLiteral("…");
        case PaymentP05: return paid ? formatDollars(p.payment.p05) : QStringLiteral("…");
        case PaymentP50: return paid ? formatDollars(p.payment.p50) : QStringLiteral("…");
        case PaymentP95: return paid ? formatDollars(p.payment.p95) : QStringLiteral("…");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return c <= PlanName || c == CvSource ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                              : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && p.straddlesMsr)
        return QBrush(palette::withAlpha(palette::kOrange, 70));
    if (role == Qt::ToolTipRole) {
        if (c == CvSource && !p.cvNote.empty())
            return QString::fromStdString(p.cvNote);
        if (p.straddlesMsr && (c == Interval || c == Msr))
            return tr("The interval contains the MSR: the result is within chance of the threshold");
        return QString::fromUtf8(kTips[c]);
    }
    return {};
}

QVariant ValidityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumns)
        return {};
    if (role == Qt::DisplayRole)
        return QString::fromUtf8(kHeaders[section]);
    if (role == Qt::ToolTipRole)
        return QString::fromUtf8(kTips[section]);
    return {};
}

} // namespace sharecast::ui
