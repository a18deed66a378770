#include "ui/report/report_regional.h"

#include "ui/report/report_format.h"

#include <map>
#include <set>

namespace sharecast::ui::report {

namespace {

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

QList<TableColumn> columns(const QStringList& textHeaders, const QStringList& figureHeaders)
{
    QList<TableColumn> out;
    for (const QString& h : textHeaders)
        out.append(TableColumn{h, Qt::AlignLeft, true, false});
    for (const QString& h : figureHeaders)
        out.append(TableColumn{h, Qt::AlignRight, false, false});
    return out;
}

} // namespace

QString regionalSummary(const RegionalRates& rates, const RegionalRatesSpec& spec)
{
    std::set<std::string> counties, left;
    for (const RegionalRateRow& r : rates.rows)
        (r.regionalised() ? counties : left).insert(r.old.county);
    const std::vector<RegionalRateTotal> totals = regionalRateTotals(rates, true);
    const RegionalRateTotal* gain = nullptr;
    const RegionalRateTotal* loss = nullptr;
    for (const RegionalRateTotal& t : totals) {
        if (t.changeDollars > 0.0 && (!gain || t.changeDollars > gain->changeDollars))
            gain = &t;
        if (t.changeDollars < 0.0 && (!loss || t.changeDollars < loss->changeDollars))
            loss = &t;
    }
    QString s = QStringLiteral("Regional rates move each county’s rate %1 toward the member-month-weighted "
                               "mean of its region’s rates for the same rate cell and year")
                    .arg(spec.blend == 1.0 ? QStringLiteral("all the way")
                                           : QStringLiteral("%1 of the way").arg(percent(spec.blend, 0)));
    s += spec.adjustments.empty() ? QString() : QStringLiteral(", times a county adjustment");
    s += spec.budgetNeutral
             ? QStringLiteral(", scaled so that each region’s capitation dollars do not move. ")
             : QStringLiteral(" (not budget neutral). ");
    s += QStringLiteral("%1 counties in %2 regions are regionalised")
             .arg(counties.size())
             .arg(spec.regions.size());
    if (gain)
        s += QStringLiteral("; %1 gains most (%2 over the rate years)")
                 .arg(text(gain->key), dollars(gain->changeDollars));
    if (loss)
        s += QStringLiteral(" and %1 loses most (%2)").arg(text(loss->key), dollars(loss->changeDollars));
    s += QStringLiteral(".");
    if (!left.empty()) {
        QStringList names;
        for (const std::string& c : left)
            names << text(c);
        s += QStringLiteral(" In no region, and keeping their own rates: %1.")
                 .arg(names.join(QStringLiteral(", ")));
    }
    return s;
}

Table regionalGroupsTable(const RegionalRates& rates, const QString& caption)
{
    Table t;
    t.caption = caption;
    t.columns = columns({"Region", "Rate cell"}, {"Year", "Cells", "Member months", "Regional mean (PMPM)",
                                                  "Scale k", "Old dollars", "New dollars"});
    std::string last;
    for (const RegionalRateGroup& g : rates.groups) {
        t.rows.append(
            TableRow{{text(g.region), text(g.rateCell), QString::number(g.year), QString::number(g.cells),
                      count(g.memberMonths), pmpm(g.regionalMean), QString::number(g.scale, 'f', 6),
                      dollars(g.oldDollars), dollars(g.newDollars)},
                     false,
                     !last.empty() && last != g.region});
        last = g.region;
    }
    t.notes << QStringLiteral("Regional mean R = Σ MM · old / Σ MM over the region’s plan × county cells; "
                              "new = k · ((1 − blend) · old + blend · R) · adjustment, k making new dollars "
                              "equal old dollars when budget neutral. regional_rates.csv holds every plan, "
                              "county, rate cell and year.");
    return t;
}

Table regionalCountiesTable(const RegionalRates& rates, const QString& caption)
{
    std::map<std::string, std::string> regionOf;
    for (const RegionalRateRow& r : rates.rows)
        regionOf[r.old.county] = r.region;
    Table t;
    t.caption = caption;
    t.columns = columns({"County", "Region"}, {"Old dollars", "Change", "Change (%)"});
    for (const RegionalRateTotal& c : regionalRateTotals(rates, true)) {
        const std::string& region = regionOf[c.key];
        t.rows.append(
            TableRow{{text(c.key), region.empty() ? QStringLiteral("(none)") : text(region),
                      dollars(c.oldDollars), dollars(c.changeDollars),
                      c.oldDollars != 0.0 ? percent(c.changeDollars / c.oldDollars) : QStringLiteral("—")}});
    }
    return t;
}

} // namespace sharecast::ui::report
