#include "ui/assumptions/assumption_table_specs.h"

#include "engine/error.h"
#include "engine/scenario.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace sharecast::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("AssumptionTables", text);
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}
std::string s(const QString& q)
{
    return q.toStdString();
}

const QString kAll = QStringLiteral("all");

[[noreturn]] void refuse(const QString& column, const QString& text, const QString& reason)
{
    InputLocation where;
    where.column = s(column);
    where.value = s(text);
    where.hasValue = true;
    throw InputError(where, s(reason));
}

//! The first candidate not yet used, else "stem N" for the smallest free N.
QString firstUnused(const QStringList& candidates, const std::set<QString>& used, const QString& stem)
{
    for (const QString& c : candidates)
        if (!used.count(c))
            return c;
    for (int n = 1;; ++n) {
        const QString name = QStringLiteral("%1 %2").arg(stem).arg(n);
        if (!used.count(name))
            return name;
    }
}

std::set<QString> column(const TableRows& rows, int c)
{
    std::set<QString> used;
    for (const QStringList& r : rows)
        used.insert(r.value(c));
    return used;
}

//! Reads each row's key (column 0), refusing an empty or repeated one.
template <class F> void forEachKeyedRow(const TableRows& rows, const QString& keyHeader, F&& f)
{
    std::set<QString> seen;
    for (const QStringList& r : rows) {
        const QString key = cell::readName(r.value(0), keyHeader);
        if (!seen.insert(key).second)
            refuse(keyHeader, key, tr("appears twice"));
        f(key, r);
    }
}

Direction readDirection(const QString& text, const QString& header)
{
    const QString t = text.trimmed().toLower();
    if (t == QStringLiteral("higher"))
        return Direction::Higher;
    if (t == QStringLiteral("lower"))
        return Direction::Lower;
    refuse(header, text, tr("must be 'higher' or 'lower'"));
}

std::optional<Rate> readOptionalPercent(const QString& text, const QString& header)
{
    if (text.trimmed().isEmpty())
        return std::nullopt;
    return cell::readPercent(text, header);
}

TableColumn col(const QString& header, CellKind kind, const QString& tip, const QStringList& choices = {})
{
    return TableColumn{header, kind, choices, tip};
}

const QStringList kDirections{QStringLiteral("higher"), QStringLiteral("lower")};

//! A table over a map keyed by COS or rate cell holding one percentage.
TableSpec percentMapTable(const QString& objectName, const QString& title, const QString& keyHeader,
                          const QString& valueHeader, const QString& valueTip,
                          std::function<std::map<std::string, Rate>&(Scenario&)> map,
                          std::function<QStringList(const DataNames&)> keys,
                          std::function<double(const Scenario&)> start, DataNamesFn names,
                          const QString& addLabel, const QString& emptyText)
{
    TableSpec t;
    t.objectName = objectName;
    t.title = title;
    t.columns = {col(keyHeader, CellKind::Text, {}), col(valueHeader, CellKind::Percent, valueTip)};
    t.rows = [map](const Scenario& sc) {
        TableRows rows;
        for (const auto& [k, v] : map(const_cast<Scenario&>(sc)))
            rows.push_back({q(k), cell::percent(v)});
        return rows;
    };
    t.apply = [map, keyHeader, valueHeader](Scenario& sc, const TableEdit& e) {
        std::map<std::string, Rate> out;
        forEachKeyedRow(e.after, keyHeader, [&](const QString& key, const QStringList& r) {
            out[s(key)] = cell::readPercent(r.value(1), valueHeader);
        });
        map(sc) = out;
    };
    t.adds = {{addLabel, [keys, start, names, keyHeader](const Scenario& sc, const TableRows& rows, int) {
                   TableRows after = rows;
                   after.push_back({firstUnused(keys(names()), column(rows, 0), keyHeader.toLower()),
                                    cell::percent(start(sc))});
                   return after;
               }}};
    t.emptyText = emptyText;
    return t;
}

QStringList trendRow(const QString& key, const QString& sub, const TrendPair& p)
{
    return {key, sub, cell::percent(p.utilization), cell::percent(p.unitCost)};
}

} // namespace

TableSpec trendByCosTable(DataNamesFn names)
{
    TableSpec t;
    t.objectName = QStringLiteral("trendByCos");
    t.title = tr("trend by COS");
    t.columns = {col(tr("COS"), CellKind::Text, tr("Category of service (a cost_ column of the experience)")),
                 col(tr("Utilization (%)"), CellKind::Percent, tr("Annual utilization trend")),
                 col(tr("Unit cost (%)"), CellKind::Percent, tr("Annual unit-cost trend"))};
    t.rows = [](const Scenario& sc) {
        TableRows rows;
        for (const auto& [cos, p] : sc.trend.byCos)
            rows.push_back({q(cos), cell::percent(p.utilization), cell::percent(p.unitCost)});
        return rows;
    };
    const QString cosH = t.columns[0].header, uH = t.columns[1].header, kH = t.columns[2].header;
    t.apply = [cosH, uH, kH](Scenario& sc, const TableEdit& e) {
        std::map<std::string, TrendPair> out;
        forEachKeyedRow(e.after, cosH, [&](const QString& key, const QStringList& r) {
            out[s(key)] = TrendPair{cell::readPercent(r.value(1), uH), cell::readPercent(r.value(2), kH)};
        });
        sc.trend.byCos = out;
    };
    t.adds = {{tr("Add COS trend"), [names](const Scenario& sc, const TableRows& rows, int) {
                   TableRows after = rows;
                   const TrendPair& d = sc.trend.defaultTrend;
                   after.push_back({firstUnused(names().cos, column(rows, 0), QStringLiteral("cos")),
                                    cell::percent(d.utilization), cell::percent(d.unitCost)});
                   return after;
               }}};
    t.emptyText = tr("Every COS takes the default trend.");
    return t;
}

TableSpec trendByRateCellTable(DataNamesFn names)
{
    TableSpec t;
    t.objectName = QStringLiteral("trendByRateCell");
    t.title = tr("trend by rate cell");
    t.columns = {
        col(tr("Rate cell"), CellKind::Text, tr("A rate cell of the experience")),
        col(tr("COS"), CellKind::Text, tr("'all': the cell's own default for every COS; else one COS")),
        col(tr("Utilization (%)"), CellKind::Percent, tr("Annual utilization trend")),
        col(tr("Unit cost (%)"), CellKind::Percent, tr("Annual unit-cost trend"))};
    t.rows = [](const Scenario& sc) {
        TableRows rows;
        for (const auto& [cell, ct] : sc.trend.byRateCell) {
            if (ct.defaultTrend)
                rows.push_back(trendRow(q(cell), kAll, *ct.defaultTrend));
            for (const auto& [cos, p] : ct.byCos)
                rows.push_back(trendRow(q(cell), q(cos), p));
        }
        return rows;
    };
    const QString cellH = t.columns[0].header, cosH = t.columns[1].header, uH = t.columns[2].header,
                  kH = t.columns[3].header;
    t.apply = [=](Scenario& sc, const TableEdit& e) {
        std::map<std::string, RateCellTrend> out;
        for (const QStringList& r : e.after) {
            const QString cell = cell::readName(r.value(0), cellH);
            const QString cos = cell::readName(r.value(1), cosH);
            const TrendPair p{cell::readPercent(r.value(2), uH), cell::readPercent(r.value(3), kH)};
            RateCellTrend& ct = out[s(cell)];
            if (cos.compare(kAll, Qt::CaseInsensitive) == 0) {
                if (ct.defaultTrend)
                    refuse(cosH, cos, tr("rate cell '%1' has two default rows").arg(cell));
                ct.defaultTrend = p;
            } else if (!ct.byCos.emplace(s(cos), p).second) {
                refuse(cosH, cos, tr("appears twice for rate cell '%1'").arg(cell));
            }
        }
        sc.trend.byRateCell = out;
    };
    t.adds = {{tr("Add cell trend"), [names](const Scenario& sc, const TableRows& rows, int) {
                   std::set<QString> withDefault;
                   for (const QStringList& r : rows)
                       if (r.value(1) == kAll)
                           withDefault.insert(r.value(0));
                   TableRows after = rows;
                   const TrendPair& d = sc.trend.defaultTrend;
                   after.push_back({firstUnused(names().rateCells, withDefault, QStringLiteral("cell")), kAll,
                                    cell::percent(d.utilization), cell::percent(d.unitCost)});
                   return after;
               }}};
    t.emptyText = tr("No rate cell has its own trend.");
    return t;
}

TableSpec programChangesTable(DataNamesFn names)
{
    TableSpec t;
    t.objectName = QStringLiteral("programChanges");
    t.title = tr("program changes");
    t.columns = {
        col(tr("COS"), CellKind::Text, tr("The COS the change applies to; 'all' for every COS")),
        col(tr("Rate cells"), CellKind::Text,
            tr("Comma-separated rate cells; 'all' for every cell; empty for none")),
        col(tr("Effective year"), CellKind::Number, tr("Base years before this year are adjusted")),
        col(tr("Factor"), CellKind::Number, tr("Multiplies the COS's base cost of the earlier years"))};
    t.rows = [](const Scenario& sc) {
        TableRows rows;
        for (const ProgramChange& pc : sc.programChanges) {
            QStringList cells;
            if (pc.rateCells)
                for (const std::string& c : *pc.rateCells)
                    cells << q(c);
            rows.push_back({pc.cos ? q(*pc.cos) : kAll,
                            pc.rateCells ? cells.join(QStringLiteral(", ")) : kAll,
                            QString::number(pc.effectiveYear), cell::number(pc.factor)});
        }
        return rows;
    };
    const QString cosH = t.columns[0].header, cellsH = t.columns[1].header, yearH = t.columns[2].header,
                  factorH = t.columns[3].header;
    t.apply = [=](Scenario& sc, const TableEdit& e) {
        std::vector<ProgramChange> out;
        for (const QStringList& r : e.after) {
            ProgramChange pc;
            const QString cos = cell::readName(r.value(0), cosH);
            if (cos.compare(kAll, Qt::CaseInsensitive) != 0)
                pc.cos = s(cos);
            const QString cells = r.value(1).trimmed();
            if (cells.compare(kAll, Qt::CaseInsensitive) != 0) {
                pc.rateCells.emplace();
                for (const QString& c : cells.split(u',', Qt::SkipEmptyParts))
                    if (!c.trimmed().isEmpty())
                        pc.rateCells->push_back(s(c.trimmed()));
            }
            pc.effectiveYear = cell::readInt(r.value(2), yearH);
            pc.factor = cell::readNumber(r.value(3), factorH); // range: Scenario::validate()
            out.push_back(pc);
        }
        sc.programChanges = out;
    };
    t.adds = {{tr("Add change"), [names](const Scenario& sc, const TableRows& rows, int) {
                   TableRows after = rows;
                   const QStringList cos = names().cos;
                   const int year = sc.performanceYear ? *sc.performanceYear - 1 : 2023;
                   after.push_back({cos.isEmpty() ? kAll : cos.front(), kAll, QString::number(year),
                                    QStringLiteral("1")});
                   return after;
               }}};
    t.emptyText = tr("No program changes.");
    return t;
}

TableSpec qualityMeasuresTable()
{
    TableSpec t;
    t.objectName = QStringLiteral("qualityMeasures");
    t.title = tr("quality measures");
    t.columns = {
        col(tr("ID"), CellKind::Text, tr("The measure id as quality.csv spells it")),
        col(tr("Name"), CellKind::Text, tr("The measure's name")),
        col(tr("Weight"), CellKind::Number, tr("Relative weight in the composite (renormalised)")),
        col(tr("Direction"), CellKind::Choice, tr("Whether a higher or a lower rate is better"), kDirections),
        col(tr("Threshold (%)"), CellKind::Percent, tr("The rate that scores 0 (e.g. the MPL)")),
        col(tr("Benchmark (%)"), CellKind::Percent, tr("The rate that scores 100 (e.g. the HPL)")),
        col(tr("Gate minimum (%)"), CellKind::OptionalPercent,
            tr("A rate every plan must reach to be eligible; empty for none"))};
    t.rows = [](const Scenario& sc) {
        TableRows rows;
        for (const QualityMeasure& m : sc.quality.measures)
            rows.push_back({q(m.id), q(m.name), cell::number(m.weight),
                            QString::fromLatin1(toString(m.direction)), cell::percent(m.threshold),
                            cell::percent(m.benchmark), m.gateMin ? cell::percent(*m.gateMin) : QString()});
        return rows;
    };
    const std::vector<TableColumn> cols = t.columns;
    t.apply = [cols](Scenario& sc, const TableEdit& e) {
        std::vector<QualityMeasure> out;
        forEachKeyedRow(e.after, cols[0].header, [&](const QString& id, const QStringList& r) {
            QualityMeasure m;
            m.id = s(id);
            m.name = s(r.value(1).trimmed());
            m.weight = cell::readNumber(r.value(2), cols[2].header);
            m.direction = readDirection(r.value(3), cols[3].header);
            m.threshold = cell::readPercent(r.value(4), cols[4].header);
            m.benchmark = cell::readPercent(r.value(5), cols[5].header);
            m.gateMin = readOptionalPercent(r.value(6), cols[6].header);
            out.push_back(m);
        });
        sc.quality.measures = out;
    };
    t.adds = {{tr("Add measure"), [](const Scenario&, const TableRows& rows, int) {
                   TableRows after = rows;
                   after.push_back({firstUnused({}, column(rows, 0), QStringLiteral("M")), tr("New measure"),
                                    QStringLiteral("1"), QStringLiteral("higher"), QStringLiteral("50"),
                                    QStringLiteral("75"), QString()});
                   return after;
               }}};
    t.emptyText = tr("No quality measures: every plan scores 100.");
    return t;
}

TableSpec resourceUseTable(DataNamesFn names)
{
    TableSpec t;
    t.objectName = QStringLiteral("resourceUse");
    t.title = tr("resource-use measures");
    t.columns = {
        col(tr("ID"), CellKind::Text, tr("The measure's id")),
        col(tr("Numerator"), CellKind::Text, tr("A util_ column of the experience, without the prefix")),
        col(tr("Exposure"), CellKind::Text, tr("member_years, or a util_ column")),
        col(tr("Per"), CellKind::Number, tr("The rate is per this many exposure units")),
        col(tr("Unit cost ($)"), CellKind::Number, tr("Dollars per unit of the numerator")),
        col(tr("Direction"), CellKind::Choice, tr("Whether a higher or a lower rate is better"),
            kDirections)};
    t.rows = [](const Scenario& sc) {
        TableRows rows;
        for (const ResourceUseMeasure& m : sc.resourceUse)
            rows.push_back({q(m.id), q(m.numerator), q(m.exposure), cell::number(m.per),
                            cell::number(m.unitCost), QString::fromLatin1(toString(m.direction))});
        return rows;
    };
    const std::vector<TableColumn> cols = t.columns;
    t.apply = [cols](Scenario& sc, const TableEdit& e) {
        std::vector<ResourceUseMeasure> out;
        forEachKeyedRow(e.after, cols[0].header, [&](const QString& id, const QStringList& r) {
            ResourceUseMeasure m;
            m.id = s(id);
            m.numerator = s(cell::readName(r.value(1), cols[1].header));
            m.exposure = s(cell::readName(r.value(2), cols[2].header));
            m.per = cell::readNumber(r.value(3), cols[3].header);
            m.unitCost = cell::readNumber(r.value(4), cols[4].header);
            m.direction = readDirection(r.value(5), cols[5].header);
            out.push_back(m);
        });
        sc.resourceUse = out;
    };
    t.adds = {{tr("Add measure"), [names](const Scenario&, const TableRows& rows, int) {
                   const QString numerator =
                       firstUnused(names().utils, column(rows, 1), QStringLiteral("util"));
                   TableRows after = rows;
                   after.push_back({firstUnused({numerator}, column(rows, 0), QStringLiteral("measure")),
                                    numerator, QStringLiteral("member_years"), QStringLiteral("1000"),
                                    QStringLiteral("0"), QStringLiteral("lower")});
                   return after;
               }}};
    t.emptyText = tr("No resource-use measures.");
    return t;
}

TableSpec sharingTiersTable()
{
    TableSpec t;
    t.objectName = QStringLiteral("sharingTiers");
    t.title = tr("sharing tiers");
    t.columns = {
        col(tr("Quality score at least"), CellKind::Number,
            tr("The tier applies from this composite (0–100)")),
        col(tr("Plan share (%)"), CellKind::Percent, tr("The plan's share of savings in this tier"))};
    t.rows = [](const Scenario& sc) {
        TableRows rows;
        for (const SharingTier& tier : sc.sharing.tiers)
            rows.push_back({cell::number(tier.minScore), cell::percent(tier.share)});
        return rows;
    };
    const QString scoreH = t.columns[0].header, shareH = t.columns[1].header;
    t.apply = [=](Scenario& sc, const TableEdit& e) {
        std::vector<SharingTier> out;
        for (const QStringList& r : e.after)
            out.push_back(
                SharingTier{cell::readNumber(r.value(0), scoreH), cell::readPercent(r.value(1), shareH)});
        std::stable_sort(out.begin(), out.end(),
                         [](const SharingTier& a, const SharingTier& b) { return a.minScore < b.minScore; });
        sc.sharing.tiers = out;
    };
    t.adds = {{tr("Add tier"), [](const Scenario& sc, const TableRows& rows, int) {
                   double score = 0.0;
                   double share = sc.sharing.maxShare;
                   for (const SharingTier& tier : sc.sharing.tiers)
                       if (tier.minScore >= score) {
                           score = std::min(100.0, tier.minScore + 10.0);
                           share = tier.share;
                       }
                   TableRows after = rows;
                   after.push_back({cell::number(score), cell::percent(share)});
                   return after;
               }}};
    t.emptyText = tr("No tiers: with tier scaling every plan's share is 0.");
    return t;
}

TableSpec fmapByRateCellTable(DataNamesFn names)
{
    return percentMapTable(
        QStringLiteral("fmapByRateCell"), tr("FMAP by rate cell"), tr("Rate cell"), tr("FMAP (%)"),
        tr("The federal share of this rate cell's state payments"),
        [](Scenario& sc) -> std::map<std::string, Rate>& { return sc.fmap.byRateCell; },
        [](const DataNames& n) { return n.rateCells; },
        [](const Scenario& sc) { return sc.fmap.defaultRate; }, names, tr("Add rate cell"),
        tr("Every rate cell takes the default FMAP."));
}

TableSpec utilizationChangeTable(DataNamesFn names)
{
    return percentMapTable(
        QStringLiteral("utilizationChange"), tr("projected utilization change"), tr("COS"),
        tr("Change a year (%)"), tr("The annual utilization change the projection assumes for this COS"),
        [](Scenario& sc) -> std::map<std::string, Rate>& { return sc.projection.utilizationChange.byCos; },
        [](const DataNames& n) { return n.cos; },
        [](const Scenario& sc) { return sc.projection.utilizationChange.defaultRate; }, names, tr("Add COS"),
        tr("Every COS takes the default change."));
}

TableSpec corridorsTable(DataNamesFn names)
{
    TableSpec t;
    t.objectName = QStringLiteral("corridors");
    t.title = tr("risk corridors");
    t.columns = {
        col(tr("Corridor"), CellKind::Text, tr("The corridor's name; rows with one name are its bands")),
        col(tr("COS"), CellKind::Text, tr("The COS the corridor settles")),
        col(tr("Target PMPM ($)"), CellKind::Number, tr("The target cost per member per month")),
        col(tr("From (%)"), CellKind::Percent, tr("The band starts at this deviation from the target")),
        col(tr("To (%)"), CellKind::OptionalPercent, tr("The band ends here; empty for no upper end")),
        col(tr("State share (%)"), CellKind::Percent, tr("The state's share of the deviation in this band"))};
    t.rows = [](const Scenario& sc) {
        TableRows rows;
        for (const Corridor& c : sc.corridors) {
            const QStringList head{q(c.name), q(c.cos), cell::number(c.targetPmpm)};
            if (c.bands.empty())
                rows.push_back(head + QStringList{QString(), QString(), QString()});
            for (const CorridorBand& b : c.bands)
                rows.push_back(head + QStringList{cell::percent(b.from),
                                                  b.to ? cell::percent(*b.to) : QString(),
                                                  cell::percent(b.stateShare)});
        }
        return rows;
    };
    const std::vector<TableColumn> cols = t.columns;
    t.apply = [cols](Scenario& sc, const TableEdit& e) {
        TableRows rows = e.after;
        // The name, COS and target belong to the corridor: an edit on one band applies to all.
        if (e.row >= 0 && e.column >= 0 && e.column <= 2) {
            const QString group = e.before.at(static_cast<std::size_t>(e.row)).value(0);
            for (std::size_t r = 0; r < rows.size(); ++r)
                if (e.before.at(r).value(0) == group)
                    rows[r][e.column] = e.after[static_cast<std::size_t>(e.row)].value(e.column);
        }
        std::vector<Corridor> out;
        for (const QStringList& r : rows) {
            const std::string name = s(cell::readName(r.value(0), cols[0].header));
            auto it = std::find_if(out.begin(), out.end(), [&](const Corridor& c) { return c.name == name; });
            if (it == out.end()) {
                Corridor c;
                c.name = name;
                c.cos = s(cell::readName(r.value(1), cols[1].header));
                c.targetPmpm = cell::readNumber(r.value(2), cols[2].header);
                out.push_back(c);
                it = out.end() - 1;
            }
            if (r.value(3).trimmed().isEmpty() && r.value(4).trimmed().isEmpty() &&
                r.value(5).trimmed().isEmpty())
                continue; // a corridor without bands
            it->bands.push_back(CorridorBand{cell::readPercent(r.value(3), cols[3].header),
                                             readOptionalPercent(r.value(4), cols[4].header),
                                             cell::readPercent(r.value(5), cols[5].header)});
        }
        sc.corridors = out;
    };
    t.adds = {{tr("Add corridor"),
               [names](const Scenario&, const TableRows& rows, int) {
                   const QStringList cos = names().cos;
                   const QString name = firstUnused({}, column(rows, 0), tr("Corridor"));
                   const QString c = cos.contains(QStringLiteral("ecm")) ? QStringLiteral("ecm")
                                     : cos.isEmpty()                     ? QStringLiteral("ecm")
                                                                         : cos.front();
                   TableRows after = rows;
                   // The bands of methodology §12's example: 0–2 % the plan's, 2–5 % half, above 5 % 90 % the
                   // state's.
                   after.push_back({name, c, QStringLiteral("100"), QStringLiteral("0"), QStringLiteral("2"),
                                    QStringLiteral("0")});
                   after.push_back({name, c, QStringLiteral("100"), QStringLiteral("2"), QStringLiteral("5"),
                                    QStringLiteral("50")});
                   after.push_back({name, c, QStringLiteral("100"), QStringLiteral("5"), QString(),
                                    QStringLiteral("90")});
                   return after;
               }},
              {tr("Add band"), [cols](const Scenario&, const TableRows& rows, int current) {
                   if (current < 0 || current >= static_cast<int>(rows.size()))
                       throw InputError(s(tr("Select a row of the corridor that gets the band")));
                   const QString group = rows[static_cast<std::size_t>(current)].value(0);
                   std::size_t last = 0;
                   for (std::size_t r = 0; r < rows.size(); ++r)
                       if (rows[r].value(0) == group)
                           last = r;
                   TableRows after = rows;
                   QStringList band = after[last];
                   if (band.value(3).trimmed().isEmpty()) { // the corridor had no band yet
                       band[3] = QStringLiteral("0");
                       band[5] = QStringLiteral("0");
                       after[last] = band;
                       return after;
                   }
                   if (band.value(4).trimmed().isEmpty()) { // close the open band 5 points above its start
                       after[last][4] =
                           cell::percent(cell::readPercent(band.value(3), cols[3].header) + 0.05);
                       band[3] = after[last][4];
                   } else {
                       band[3] = band[4];
                   }
                   band[4] = QString();
                   after.insert(after.begin() + static_cast<long>(last) + 1, band);
                   return after;
               }}};
    t.emptyText = tr("No risk corridors.");
    return t;
}

TableSpec blendTable(DataNamesFn names)
{
    TableSpec t;
    t.objectName = QStringLiteral("blend");
    t.title = tr("blended rate");
    t.columns = {col(tr("Rate cell"), CellKind::Text, tr("A rate cell paid the blended rate")),
                 col(tr("Rate PMPM ($)"), CellKind::Number, tr("The cell's own rate")),
                 col(tr("Projected mix (%)"), CellKind::OptionalPercent,
                     tr("The cell's share of member months the blend assumed; the mix sums to 100 % "
                        "(changing one share spreads the rest over the others in proportion)"))};
    t.rows = [](const Scenario& sc) {
        TableRows rows;
        if (!sc.blend)
            return rows;
        for (const std::string& c : sc.blend->rateCells) {
            const auto rate = sc.blend->rates.find(c);
            const auto mix = sc.blend->projectedMix.find(c);
            rows.push_back({q(c), rate == sc.blend->rates.end() ? QString() : cell::number(rate->second),
                            mix == sc.blend->projectedMix.end() ? QString() : cell::percent(mix->second)});
        }
        return rows;
    };
    const std::vector<TableColumn> cols = t.columns;
    t.apply = [cols](Scenario& sc, const TableEdit& e) {
        BlendSpec b;
        if (sc.blend)
            b.tolerance = sc.blend->tolerance;
        std::vector<std::optional<Rate>> mix;
        forEachKeyedRow(e.after, cols[0].header, [&](const QString& c, const QStringList& r) {
            b.rateCells.push_back(s(c));
            b.rates[s(c)] = cell::readNumber(r.value(1), cols[1].header);
            mix.push_back(readOptionalPercent(r.value(2), cols[2].header));
        });
        // A changed share keeps the mix at 100 %: the others take the rest in proportion.
        if (e.column == 2 && e.row >= 0 && e.row < static_cast<int>(mix.size()) &&
            mix[static_cast<std::size_t>(e.row)]) {
            const double changed = *mix[static_cast<std::size_t>(e.row)];
            double others = 0.0;
            std::vector<std::size_t> rest;
            for (std::size_t i = 0; i < mix.size(); ++i)
                if (i != static_cast<std::size_t>(e.row) && mix[i]) {
                    others += *mix[i];
                    rest.push_back(i);
                }
            double assigned = changed;
            for (std::size_t k = 0; k < rest.size(); ++k) {
                const std::size_t i = rest[k];
                const double v = k + 1 == rest.size() ? 1.0 - assigned
                                 : others > 0.0       ? *mix[i] * (1.0 - changed) / others
                                                      : (1.0 - changed) / static_cast<double>(rest.size());
                mix[i] = std::max(0.0, v);
                assigned += *mix[i];
            }
        }
        for (std::size_t i = 0; i < mix.size(); ++i)
            if (mix[i])
                b.projectedMix[b.rateCells[i]] = *mix[i];
        sc.blend = b;
    };
    t.adds = {{tr("Add rate cell"), [names](const Scenario&, const TableRows& rows, int) {
                   TableRows after = rows;
                   after.push_back({firstUnused(names().rateCells, column(rows, 0), QStringLiteral("cell")),
                                    QStringLiteral("0"),
                                    rows.empty() ? QStringLiteral("100") : QStringLiteral("0")});
                   return after;
               }}};
    t.emptyText = tr("No blended rate.");
    return t;
}

} // namespace sharecast::ui
