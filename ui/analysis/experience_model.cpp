#include "ui/analysis/experience_model.h"

#include "engine/rounding.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"

namespace sharecast::ui {

namespace {

const char* const kHeaders[ExperienceModel::FirstCosColumn] = {"Plan", "Name",          "Region", "Rate cell",
                                                               "Year", "Member months", "Members"};

const char* const kTips[ExperienceModel::FirstCosColumn] = {"plan_id",
                                                            "plan_name",
                                                            "region",
                                                            "rate_cell (category of aid)",
                                                            "year",
                                                            "member_months",
                                                            "Average members: member months / 12 (§0)"};

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

QString cosLabel(const std::string& cos)
{
    QString s = QString::fromStdString(cos).replace(u'_', u' ');
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    // Acronyms stay upper case.
    for (const char* acronym : {"ecm", "ltc"})
        if (s.compare(QLatin1String(acronym), Qt::CaseInsensitive) == 0)
            return s.toUpper();
    return s;
}

ExperienceModel::ExperienceModel(ProjectDocument* document, QObject* parent)
    : QAbstractTableModel(parent), document_(document)
{
    // The data may have been re-imported: everything, columns included, may have changed.
    connect(document_, &ProjectDocument::projectChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int ExperienceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(document_->experience().cells.size());
}

int ExperienceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : totalColumn() + 1;
}

int ExperienceModel::totalColumn() const
{
    return FirstCosColumn + static_cast<int>(document_->experience().cosNames.size());
}

bool ExperienceModel::isMoneyColumn(int column) const
{
    return column >= FirstCosColumn && column <= totalColumn();
}

const ExperienceCell& ExperienceModel::cell(int row) const
{
    return document_->experience().cells[static_cast<std::size_t>(row)];
}

void ExperienceModel::setShowPmpm(bool pmpm)
{
    if (pmpm == showPmpm_)
        return;
    showPmpm_ = pmpm;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, FirstCosColumn), index(rowCount() - 1, totalColumn()));
    Q_EMIT headerDataChanged(Qt::Horizontal, FirstCosColumn, totalColumn());
}

double ExperienceModel::money(const ExperienceCell& c, int column) const
{
    double amount = 0.0;
    if (column == totalColumn()) {
        for (const Dollars d : c.cost)
            amount += d;
    } else {
        const auto s = static_cast<std::size_t>(column - FirstCosColumn);
        amount = s < c.cost.size() ? c.cost[s] : 0.0;
    }
    if (!showPmpm_)
        return amount;
    return c.memberMonths > 0.0 ? amount / c.memberMonths : 0.0; // PMPM = amount / MM (§0)
}

QVariant ExperienceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const ExperienceCell& c = cell(index.row());
    const int col = index.column();

    if (role == Qt::UserRole) { // raw values for sorting and filtering
        switch (col) {
        case PlanColumn: return text(c.planId);
        case PlanNameColumn: return text(document_->experience().planName(c.planId));
        case RegionColumn: return text(c.region);
        case RateCellColumn: return text(c.rateCell);
        case YearColumn: return c.year;
        case MemberMonthsColumn: return c.memberMonths;
        case MembersColumn: return memberYears(c.memberMonths);
        default: return money(c, col);
        }
    }
    if (role == Qt::DisplayRole || role == ExportRole) {
        const bool plain = role == ExportRole;
        switch (col) {
        case PlanColumn: return text(c.planId);
        case PlanNameColumn: return text(document_->experience().planName(c.planId));
        case RegionColumn: return text(c.region);
        case RateCellColumn: return text(c.rateCell);
        case YearColumn: return QString::number(c.year);
        case MemberMonthsColumn:
            return plain ? QString::number(c.memberMonths, 'g', 15) : formatNumber(c.memberMonths, 0);
        case MembersColumn:
            return plain ? text(formatMembers(memberYears(c.memberMonths)))
                         : formatNumber(memberYears(c.memberMonths), 1);
        default: return plain ? text(formatMoney(money(c, col))) : formatDollars(money(c, col));
        }
    }
    if (role == Qt::TextAlignmentRole)
        return col <= RateCellColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                     : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ExperienceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const std::vector<std::string>& cos = document_->experience().cosNames;
    if (role == Qt::DisplayRole) {
        if (section < FirstCosColumn)
            return QString::fromLatin1(kHeaders[section]);
        const QString unit = showPmpm_ ? tr("PMPM") : tr("($)");
        const QString name = section == totalColumn()
                                 ? tr("Total")
                                 : cosLabel(cos[static_cast<std::size_t>(section - FirstCosColumn)]);
        return name + u' ' + unit;
    }
    if (role == Qt::ToolTipRole) {
        if (section < FirstCosColumn)
            return QString::fromLatin1(kTips[section]);
        const QString what =
            section == totalColumn()
                ? tr("Every category of service")
                : QStringLiteral("cost_") + text(cos[static_cast<std::size_t>(section - FirstCosColumn)]);
        return showPmpm_ ? tr("%1 per member month (amount / member months)").arg(what)
                         : tr("%1, paid amount").arg(what);
    }
    if (role == Qt::TextAlignmentRole)
        return section <= RateCellColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                         : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace sharecast::ui
