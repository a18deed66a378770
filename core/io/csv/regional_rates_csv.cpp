#include "io/csv/regional_rates_csv.h"

#include "io/csv/csv_numbers.h"
#include "io/csv/csv_writer.h"

namespace sharecast::io {

QStringList regionalRatesColumns()
{
    return {"plan_id",       "county",     "region", "rate_cell", "year",        "member_months", "old_pmpm",
            "regional_pmpm", "adjustment", "scale",  "new_pmpm",  "change_pmpm", "change_dollars"};
}

QByteArray regionalRatesCsv(const RegionalRates& rates)
{
    using csvtext::money;
    using csvtext::rate;
    CsvWriter w;
    const QStringList header = regionalRatesColumns();
    w.addRow(header);
    for (const RegionalRateRow& r : rates.rows) {
        const bool regional = r.regionalised();
        const QString plan = QString::fromStdString(r.old.planId);
        const QString county = QString::fromStdString(r.old.county);
        const QString cell = QString::fromStdString(r.old.rateCell);
        w.addResultRow(header,
                       {plan, county, QString::fromStdString(r.region), cell, QString::number(r.old.year),
                        csvtext::members(r.old.memberMonths), money(r.old.rate),
                        regional ? money(r.regionalMean) : QString(),
                        regional ? rate(r.adjustment) : QString(), regional ? rate(r.scale) : QString(),
                        money(r.newRate), money(r.change), money(r.changeDollars)},
                       QStringLiteral("plan %1, county %2, %3, %4").arg(plan, county, cell).arg(r.old.year));
    }
    return w.bytes();
}

} // namespace sharecast::io
