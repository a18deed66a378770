#include "io/csv/experience_export.h"

#include "engine/disclosure.h"
#include "io/csv/csv_writer.h"

#include <charconv>

namespace sharecast::io {

std::string shortestNumber(double value)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, r.ptr);
}

QByteArray experienceCsv(const ExperienceData& data, const ExportOptions& options)
{
    QStringList header{"plan_id", "plan_name", "region", "rate_cell", "year", "member_months", "risk_score"};
    for (const std::string& c : data.cosNames)
        header << QString::fromStdString("cost_" + c);
    header << "excess_over_threshold";
    for (const std::string& u : data.utilNames)
        header << QString::fromStdString("util_" + u);
    header << "capitation_revenue"
           << "admin_cost"
           << "claims_denied"
           << "claims_total"
           << "grievances";

    CsvWriter w;
    w.addRow(header);
    for (const ExperienceCell& c : data.cells) {
        // Fewer than 11 members: every figure of the cell is suppressed in a public export.
        const bool smallCell =
            options.suppressSmallCells && disclosure::isSmallByMemberMonths(c.memberMonths);
        const QString mark = QString::fromLatin1(disclosure::kMark);
        auto figure = [&](double v) { return smallCell ? mark : QString::fromStdString(shortestNumber(v)); };
        auto count = [&](double v) {
            return smallCell || (options.suppressSmallCells && disclosure::isSmallCount(v))
                       ? mark
                       : QString::fromStdString(shortestNumber(v));
        };
        const auto name = data.planNames.find(c.planId);
        QStringList row{QString::fromStdString(c.planId),
                        name == data.planNames.end() ? QString() : QString::fromStdString(name->second),
                        QString::fromStdString(c.region),
                        QString::fromStdString(c.rateCell),
                        QString::number(c.year),
                        figure(c.memberMonths),
                        figure(c.riskScore)};
        for (double v : c.cost)
            row << figure(v);
        row << figure(c.excessOverThreshold);
        for (double v : c.util)
            row << count(v);
        row << figure(c.capitationRevenue) << figure(c.adminCost) << count(c.claimsDenied)
            << count(c.claimsTotal) << count(c.grievances);
        w.addRow(row);
    }
    return w.bytes();
}

} // namespace sharecast::io
