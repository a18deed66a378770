#include "ui/document/program_years_model.h"

#include "ui/document/format.h"
#include "ui/document/program_years.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <QBrush>

#include <algorithm>

namespace sharecast::ui {

namespace {
constexpr int kLeading = 2; // Plan, Name
} // namespace

ProgramYearsModel::ProgramYearsModel(ProgramYears* program, QObject* parent)
    : QAbstractTableModel(parent), program_(program)
{
    connect(program_, &ProgramYears::changed, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int ProgramYearsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(program_->program().cumulative.size());
}

int ProgramYearsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kLeading + 2 * static_cast<int>(program_->program().years.size()) + 2;
}

const PlanSettlement* ProgramYearsModel::planIn(std::size_t yearIndex, const std::string& planId) const
{
    const std::vector<PlanSettlement>& plans = program_->program().years[yearIndex].plans;
    const auto it =
        std::find_if(plans.begin(), plans.end(), [&](const PlanSettlement& p) { return p.planId == planId; });
    return it == plans.end() ? nullptr : &*it;
}

QVariant ProgramYearsModel::data(const QModelIndex& index, int role) const
{
    const ProgramSettlement& program = program_->program();
    if (!index.isValid() || index.row() >= static_cast<int>(program.cumulative.size()))
        return {};
    const PlanProgramTotal& total = program.cumulative[static_cast<std::size_t>(index.row())];
    const int c = index.column();
    const int years = static_cast<int>(program.years.size());
    if (role == Qt::TextAlignmentRole)
        return c < kLeading ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (c == 0 && (role == Qt::DisplayRole || role == Qt::UserRole))
        return QString::fromStdString(total.planId);
    if (c == 1 && (role == Qt::DisplayRole || role == Qt::UserRole))
        return QString::fromStdString(program_->document()->experience().planName(total.planId));
    if (c < kLeading)
        return {};

    // The figure of the cell: a year's payment or net, or a cumulative one.
    std::optional<double> value;
    const bool payment = (c - kLeading) % 2 == 0;
    if (c < kLeading + 2 * years) {
        if (const PlanSettlement* p = planIn(static_cast<std::size_t>((c - kLeading) / 2), total.planId))
            value = payment ? p->payment.payment : p->programNet;
    } else {
        value = payment ? total.payment : total.programNet;
    }
    switch (role) {
    case Qt::UserRole: return value ? QVariant(*value) : QVariant();
    case Qt::DisplayRole: return value ? formatDollars(*value) : QStringLiteral("—");
    case Qt::ForegroundRole: return value && *value < 0.0 ? QBrush(palette::kError) : QVariant();
    case Qt::ToolTipRole:
        return value ? QVariant()
                     : tr("%1 is not settled in this year (no data, or no baseline year)")
                           .arg(QString::fromStdString(total.planId));
    default: return {};
    }
}

QVariant ProgramYearsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const ProgramSettlement& program = program_->program();
    const int years = static_cast<int>(program.years.size());
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const bool payment = (section - kLeading) % 2 == 0;
    if (role == Qt::DisplayRole) {
        if (section == 0)
            return tr("Plan");
        if (section == 1)
            return tr("Name");
        const QString what = payment ? tr("payment") : tr("net");
        if (section < kLeading + 2 * years)
            return QStringLiteral("%1 %2")
                .arg(program.years[static_cast<std::size_t>((section - kLeading) / 2)].year)
                .arg(what);
        return tr("Cumulative %1").arg(what);
    }
    if (role == Qt::ToolTipRole && section >= kLeading)
        return payment ? tr("P: the plan's payment (negative: losses it owes) (§8)")
                       : tr("G − P: what the program keeps, before the federal/state split (§8)");
    return {};
}

} // namespace sharecast::ui
