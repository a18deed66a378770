#include "io/warehouse/members_query.h"

#include "engine/input_bounds.h"
#include "io/csv/exact_decimal.h"
#include "io/json/json.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

namespace sharecast::io {

namespace {

//! The fixed columns of members.csv, in the order of MemberColumns.
constexpr const char* kFixedNames[] = {"member_id", "plan_id",       "region",    "rate_cell",
                                       "year",      "member_months", "risk_score"};
constexpr int kRequired = 6; //!< all but risk_score

//! Where in the result the figures start: plan, region, rate cell, year come first.
enum ResultColumn {
    RPlan,
    RRegion,
    RRateCell,
    RYear,
    RRows,
    RMembers,
    RMonths,
    RRiskMonths,
    RExcess,
    RCost,
    RCostSquares,
    RTruncated,
    RTruncatedSquares,
    RBlankRisk,
    RBlankAmounts,
    kResultFixed
};

QString* fixedSlot(MemberColumns& c, int i)
{
    QString* slots[] = {&c.memberId, &c.planId,       &c.region,   &c.rateCell,
                        &c.year,     &c.memberMonths, &c.riskScore};
    return slots[i];
}

const QString& fixedSlot(const MemberColumns& c, int i)
{
    return *fixedSlot(const_cast<MemberColumns&>(c), i);
}

//! "m"."column".
QString col(const QString& name)
{
    return QStringLiteral("m.") + quoteIdentifier(name);
}

QString numeric(const QString& name)
{
    return QStringLiteral("CAST(%1 AS NUMERIC)").arg(col(name));
}

//! A decimal constant as exact NUMERIC.
QString numericLiteral(const QString& text)
{
    return QStringLiteral("CAST('%1' AS NUMERIC)").arg(text);
}

//! The shortest decimal that reads back as exactly v, without an exponent (the rule's T).
QString decimalText(double v)
{
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    return QString::fromLatin1(buf, static_cast<int>(r.ptr - buf));
}

//! The shortest text that reads back as exactly v.
std::string shortest(double v)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

QString whereClause(const QString& where)
{
    return where.trimmed().isEmpty() ? QString() : QStringLiteral(" WHERE (%1)").arg(where);
}

QString fromClause(const WarehouseTable& table)
{
    return QStringLiteral(" FROM %1.%2 AS m")
        .arg(quoteIdentifier(table.schema), quoteIdentifier(table.table));
}

//! The key columns as text, for the follow-up queries.
QString keysAsText(const MemberColumns& c)
{
    QStringList keys;
    for (int i = 0; i < 5; ++i)
        keys << QStringLiteral("CAST(%1 AS VARCHAR)").arg(col(fixedSlot(c, i)));
    return keys.join(QStringLiteral(", "));
}

std::vector<RowCheck> rowChecks(const MemberColumns& c)
{
    std::vector<RowCheck> checks;
    for (int i = 0; i < kRequired; ++i) {
        const QString& t = fixedSlot(c, i);
        // Keys are text in members.csv: an empty one is as missing as NULL.
        const QString condition = i < 4 ? QStringLiteral("%1 IS NULL OR CAST(%1 AS VARCHAR) = ''").arg(col(t))
                                        : QStringLiteral("%1 IS NULL").arg(col(t));
        checks.push_back({kFixedNames[i], t, condition, "required field is empty (NULL)"});
    }
    const QString year = numeric(c.year);
    checks.push_back({"year", c.year, QStringLiteral("%1 < 1900 OR %1 > 2200 OR %1 <> FLOOR(%1)").arg(year),
                      "not a plausible year (a whole number from 1900 to 2200)"});
    checks.push_back({"member_months", c.memberMonths,
                      QStringLiteral("NOT (%1 > 0 AND %1 <= 12)").arg(numeric(c.memberMonths)),
                      "a member's months in a year must be > 0 and at most 12"});
    if (!c.riskScore.isEmpty()) {
        checks.push_back(
            {"risk_score", c.riskScore, QStringLiteral("%1 <= 0").arg(numeric(c.riskScore)), "must be > 0"});
        checks.push_back(
            {"risk_score", c.riskScore,
             QStringLiteral("%1 > %2").arg(numeric(c.riskScore), decimalText(bounds::kMaxRiskScore)),
             "a risk score above 100 is a data error (scores are relative factors near 1)"});
    }
    const auto amounts = [&](const std::vector<std::string>& names, const QStringList& columns,
                             const char* prefix, const char* negative, const char* tooLarge, double bound) {
        for (std::size_t k = 0; k < names.size(); ++k) {
            const std::string name = prefix + names[k];
            checks.push_back({name, columns[static_cast<int>(k)],
                              QStringLiteral("%1 < 0").arg(numeric(columns[int(k)])), negative});
            checks.push_back(
                {name, columns[static_cast<int>(k)],
                 QStringLiteral("%1 > %2").arg(numeric(columns[int(k)]), numericLiteral(decimalText(bound))),
                 tooLarge});
        }
    };
    amounts(c.cosNames, c.costColumns, "cost_", "an amount must not be negative",
            "an amount above $1e+12 (a trillion dollars) for one member is a data error", bounds::kMaxAmount);
    amounts(c.utilNames, c.utilColumns, "util_", "a count must not be negative",
            "a count above 1e+12 is a data error", bounds::kMaxCount);
    return checks;
}

//! The exact decimal text of a sum as the nearest double (§1.3's one conversion, shared with
//! members.csv's reader). Throws InputError when it is not a finite number.
double sumValue(const QueryRow& row, std::size_t i, const std::string& sourceName, const char* column)
{
    const std::string& t = row.text.at(i);
    try {
        if (!row.isNull.at(i))
            return nearestDouble(t);
    } catch (const std::invalid_argument&) {
    }
    throw InputError(InputLocation{sourceName, 0, column, row.isNull.at(i) ? "NULL" : t, true},
                     "the database's sum is not a finite number");
}

} // namespace

WarehouseTable parseWarehouseTable(const QString& text)
{
    // Parts: a quoted identifier ("a""b") or a run of characters other than '.' and '"'.
    QStringList parts;
    int i = 0;
    const int n = static_cast<int>(text.size());
    const auto bad = [&] {
        return InputError(InputLocation{"--table", 0, "", text.toStdString(), true},
                          "give the table as SCHEMA.TABLE (e.g. public.members; quote a name with a dot "
                          "in double quotes)");
    };
    while (true) {
        QString part;
        if (i < n && text[i] == u'"') {
            ++i;
            while (true) {
                if (i >= n)
                    throw bad();
                if (text[i] == u'"') {
                    if (i + 1 < n && text[i + 1] == u'"') {
                        part += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                part += text[i++];
            }
        } else {
            while (i < n && text[i] != u'.' && text[i] != u'"')
                part += text[i++];
        }
        if (part.isEmpty())
            throw bad();
        parts << part;
        if (i >= n)
            break;
        if (text[i] != u'.')
            throw bad();
        ++i;
    }
    if (parts.size() != 2)
        throw bad();
    return WarehouseTable{parts[0], parts[1]};
}

QString quoteIdentifier(const QString& name)
{
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

ColumnMap parseColumnMap(const QByteArray& json, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    const JsonValue root =
        parseJson(std::string_view(json.constData(), static_cast<std::size_t>(json.size())), file);
    if (root.type != JsonType::Object)
        throw InputError(
            InputLocation{file, root.line, "", "", false},
            std::string("a column map is one JSON object (\"member_id\": \"table column\", ...), not ") +
                describe(root.type));
    ColumnMap map;
    map.fileName = fileName;
    for (const JsonMember& m : root.members) {
        const bool known = std::find_if(std::begin(kFixedNames), std::end(kFixedNames),
                                        [&](const char* f) { return m.key == f; }) != std::end(kFixedNames);
        const bool prefixed =
            (m.key.rfind("cost_", 0) == 0 || m.key.rfind("util_", 0) == 0) && m.key.size() > 5;
        if (!known && !prefixed)
            throw InputError(InputLocation{file, m.line, m.key, m.key, true},
                             "not a members.csv column (member_id, plan_id, region, rate_cell, year, "
                             "member_months, risk_score, cost_<cos>, util_<name>)");
        if (m.value.type != JsonType::String || m.value.text.empty())
            throw InputError(
                InputLocation{file, m.value.line, m.key, m.value.text, m.value.type == JsonType::String},
                "the table column must be a non-empty string");
        map.entries.emplace_back(m.key, QString::fromStdString(m.value.text));
    }
    return map;
}

MemberColumns resolveMemberColumns(const WarehouseTable& table, const QStringList& tableColumns,
                                   const ColumnMap& map)
{
    MemberColumns c;
    const std::string shown = table.shown().toStdString();
    std::map<std::string, QString> mapped;
    std::set<QString> targets;
    for (const auto& [key, column] : map.entries) {
        if (!tableColumns.contains(column))
            throw InputError(InputLocation{map.fileName.toStdString(), 0, key, column.toStdString(), true},
                             "the table " + shown + " has no such column (its columns: " +
                                 tableColumns.join(QStringLiteral(", ")).toStdString() + ")");
        mapped[key] = column;
        targets.insert(column);
    }
    for (int i = 0; i < 7; ++i) {
        const std::string name = kFixedNames[i];
        const auto m = mapped.find(name);
        QString column = m != mapped.end() ? m->second : QString::fromStdString(name);
        if (m == mapped.end() && (!tableColumns.contains(column) || targets.count(column))) {
            if (i < kRequired)
                throw InputError(
                    InputLocation{shown, 0, name, "", false},
                    "the table has no column " + name +
                        (map.fileName.isEmpty() ? std::string(" (name its column with --column-map)")
                                                : " and the column map does not name one") +
                        "; its columns: " + tableColumns.join(QStringLiteral(", ")).toStdString());
            column.clear(); // no risk scores: each is 1
        }
        *fixedSlot(c, i) = column;
    }
    // cost_/util_ columns in the table's order: those the map names, and those so named that
    // neither feed another Sharecast column nor are replaced by a map entry of the same name.
    for (const QString& column : tableColumns) {
        std::vector<std::string> keys;
        for (const auto& [key, target] : map.entries)
            if (target == column && (key.rfind("cost_", 0) == 0 || key.rfind("util_", 0) == 0))
                keys.push_back(key);
        const std::string own = column.toStdString();
        if (keys.empty() && !targets.count(column) && !mapped.count(own) &&
            (own.rfind("cost_", 0) == 0 || own.rfind("util_", 0) == 0) && own.size() > 5)
            keys.push_back(own);
        for (const std::string& key : keys) {
            if (key.rfind("cost_", 0) == 0) {
                c.cosNames.push_back(key.substr(5));
                c.costColumns << column;
            } else {
                c.utilNames.push_back(key.substr(5));
                c.utilColumns << column;
            }
        }
    }
    return c;
}

MembersQuery buildMembersQuery(const WarehouseTable& table, const MemberColumns& columns,
                               const QString& where, const MemberAggregationOptions& options)
{
    MembersQuery q;
    q.columns = columns;
    q.checks = rowChecks(columns);
    q.truncation = decimalText(options.truncationThreshold);
    // §2's COS rule, as members.csv's reader applies it.
    for (const std::string& name : columns.cosNames) {
        bool in = !options.includedCos || std::find(options.includedCos->begin(), options.includedCos->end(),
                                                    name) != options.includedCos->end();
        if (std::find(options.excludedCos.begin(), options.excludedCos.end(), name) !=
            options.excludedCos.end())
            in = false;
        q.included.push_back(in ? 1 : 0);
    }

    // Inner select: one row per member row, every value exact NUMERIC.
    QStringList row;
    row << QStringLiteral("CAST(%1 AS VARCHAR) AS member_id").arg(col(columns.memberId))
        << QStringLiteral("CAST(%1 AS VARCHAR) AS plan_id").arg(col(columns.planId))
        << QStringLiteral("CAST(%1 AS VARCHAR) AS region").arg(col(columns.region))
        << QStringLiteral("CAST(%1 AS VARCHAR) AS rate_cell").arg(col(columns.rateCell))
        << QStringLiteral("CAST(%1 AS INTEGER) AS year").arg(col(columns.year))
        << QStringLiteral("%1 AS mm").arg(numeric(columns.memberMonths));
    const QString risk = columns.riskScore.isEmpty()
                             ? QStringLiteral("1")
                             : QStringLiteral("COALESCE(%1, 1)").arg(numeric(columns.riskScore));
    row << QStringLiteral("%1 * %2 AS risk_mm").arg(risk, numeric(columns.memberMonths));
    QStringList cost, blanks;
    for (int k = 0; k < columns.costColumns.size(); ++k) {
        const QString v = QStringLiteral("COALESCE(%1, 0)").arg(numeric(columns.costColumns[k]));
        row << QStringLiteral("%1 AS c%2").arg(v).arg(k);
        if (q.included[static_cast<std::size_t>(k)])
            cost << v;
        blanks << QStringLiteral("CASE WHEN %1 IS NULL THEN 1 ELSE 0 END").arg(col(columns.costColumns[k]));
    }
    for (int k = 0; k < columns.utilColumns.size(); ++k) {
        row << QStringLiteral("COALESCE(%1, 0) AS u%2").arg(numeric(columns.utilColumns[k])).arg(k);
        blanks << QStringLiteral("CASE WHEN %1 IS NULL THEN 1 ELSE 0 END").arg(col(columns.utilColumns[k]));
    }
    row << QStringLiteral("%1 AS cost")
               .arg(cost.isEmpty() ? QStringLiteral("CAST(0 AS NUMERIC)") : cost.join(QStringLiteral(" + ")));
    row << QStringLiteral("%1 AS blank_risk")
               .arg(columns.riskScore.isEmpty() ? QStringLiteral("0")
                                                : QStringLiteral("CASE WHEN %1 IS NULL THEN 1 ELSE 0 END")
                                                      .arg(col(columns.riskScore)));
    row << QStringLiteral("%1 AS blank_amounts")
               .arg(blanks.isEmpty() ? QStringLiteral("0") : blanks.join(QStringLiteral(" + ")));
    for (std::size_t k = 0; k < q.checks.size(); ++k)
        row << QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END AS v%2").arg(q.checks[k].condition).arg(k);

    // Outer select: per cell, exact sums (§1.3 truncation per member: excess = cost − T above T).
    const QString t = numericLiteral(q.truncation);
    QStringList sums;
    sums << QStringLiteral("r.plan_id") << QStringLiteral("r.region") << QStringLiteral("r.rate_cell")
         << QStringLiteral("r.year") << QStringLiteral("COUNT(*)")
         << QStringLiteral("COUNT(DISTINCT r.member_id)") << QStringLiteral("SUM(r.mm)")
         << QStringLiteral("SUM(r.risk_mm)")
         << QStringLiteral("SUM(CASE WHEN r.cost > %1 THEN r.cost - %1 ELSE 0 END)").arg(t)
         << QStringLiteral("SUM(r.cost)") << QStringLiteral("SUM(r.cost * r.cost)")
         << QStringLiteral("SUM(CASE WHEN r.cost > %1 THEN %1 ELSE r.cost END)").arg(t)
         << QStringLiteral("SUM(CASE WHEN r.cost > %1 THEN %1 * %1 ELSE r.cost * r.cost END)").arg(t)
         << QStringLiteral("SUM(r.blank_risk)") << QStringLiteral("SUM(r.blank_amounts)");
    for (int k = 0; k < columns.costColumns.size(); ++k)
        sums << QStringLiteral("SUM(r.c%1)").arg(k);
    for (int k = 0; k < columns.utilColumns.size(); ++k)
        sums << QStringLiteral("SUM(r.u%1)").arg(k);
    for (std::size_t k = 0; k < q.checks.size(); ++k)
        sums << QStringLiteral("SUM(r.v%1)").arg(k);

    q.sql = QStringLiteral(
                "SELECT %1\nFROM (SELECT %2\n%3%4) AS r\nGROUP BY r.plan_id, r.region, r.rate_cell, r.year")
                .arg(sums.join(QStringLiteral(",\n  ")), row.join(QStringLiteral(",\n  ")),
                     fromClause(table).trimmed(), whereClause(where));
    return q;
}

QString offendingRowsQuery(const WarehouseTable& table, const MemberColumns& columns, const QString& where,
                           const RowCheck& check, int limit)
{
    const QString filter = where.trimmed().isEmpty()
                               ? QStringLiteral("(%1)").arg(check.condition)
                               : QStringLiteral("(%1) AND (%2)").arg(where, check.condition);
    return QStringLiteral("SELECT %1, CAST(%2 AS VARCHAR)%3 WHERE %4 FETCH FIRST %5 ROWS ONLY")
        .arg(keysAsText(columns), col(check.tableColumn), fromClause(table), filter)
        .arg(limit);
}

QString duplicateRowsQuery(const WarehouseTable& table, const MemberColumns& columns, const QString& where,
                           int limit)
{
    QStringList keys;
    for (int i = 0; i < 5; ++i)
        keys << col(fixedSlot(columns, i));
    return QStringLiteral(
               "SELECT %1, CAST(COUNT(*) AS VARCHAR)%2%3 GROUP BY %4 HAVING COUNT(*) > 1 FETCH FIRST %5 "
               "ROWS ONLY")
        .arg(keysAsText(columns), fromClause(table), whereClause(where), keys.join(QStringLiteral(", ")))
        .arg(limit);
}

std::vector<RowViolation> countedViolations(const MembersQuery& query, const std::vector<QueryRow>& rows)
{
    const std::size_t first =
        kResultFixed + query.columns.costColumns.size() + query.columns.utilColumns.size();
    std::vector<long long> counts(query.checks.size(), 0);
    long long duplicates = 0;
    for (const QueryRow& r : rows) {
        for (std::size_t k = 0; k < query.checks.size(); ++k)
            counts[k] += std::stoll(r.text.at(first + k));
        duplicates += std::stoll(r.text.at(RRows)) - std::stoll(r.text.at(RMembers));
    }
    std::vector<RowViolation> out;
    for (std::size_t k = 0; k < counts.size(); ++k)
        if (counts[k] > 0)
            out.push_back({static_cast<int>(k), counts[k]});
    if (duplicates > 0)
        out.push_back({-1, duplicates});
    return out;
}

MemberImport memberImportFromRows(const MembersQuery& query, const std::vector<QueryRow>& rows,
                                  const std::string& sourceName, const MemberAggregationOptions& options)
{
    const MemberColumns& c = query.columns;
    MemberImport out;
    out.cells.sourceName = sourceName;
    out.cells.cosNames = c.cosNames;
    out.cells.utilNames = c.utilNames;
    out.aggregates.truncationThreshold = options.truncationThreshold;
    for (std::size_t s = 0; s < c.cosNames.size(); ++s)
        if (query.included[s])
            out.aggregates.includedCos.push_back(c.cosNames[s]);

    // §1.3's order: (plan, region, rate cell) bytewise, then the year.
    std::vector<const QueryRow*> sorted;
    for (const QueryRow& r : rows)
        sorted.push_back(&r);
    const auto key = [](const QueryRow* r) {
        return std::make_tuple(std::cref(r->text[RPlan]), std::cref(r->text[RRegion]),
                               std::cref(r->text[RRateCell]), std::stoll(r->text[RYear]));
    };
    std::sort(sorted.begin(), sorted.end(),
              [&](const QueryRow* a, const QueryRow* b) { return key(a) < key(b); });

    for (const QueryRow* r : sorted) {
        const auto sum = [&](std::size_t i, const char* column) {
            return sumValue(*r, i, sourceName, column);
        };
        ExperienceCell cell;
        cell.planId = r->text[RPlan];
        cell.region = r->text[RRegion];
        cell.rateCell = r->text[RRateCell];
        cell.year = static_cast<Year>(std::stoll(r->text[RYear]));
        cell.memberMonths = sum(RMonths, "member_months");
        cell.riskScore = sum(RRiskMonths, "risk_score") / cell.memberMonths;
        cell.excessOverThreshold = sum(RExcess, "excess_over_threshold");
        std::size_t i = kResultFixed;
        for (const std::string& name : c.cosNames)
            cell.cost.push_back(sum(i++, ("cost_" + name).c_str()));
        for (const std::string& name : c.utilNames)
            cell.util.push_back(sum(i++, ("util_" + name).c_str()));
        cell.sourceLine = 0;
        MemberCellAggregate a;
        a.planId = cell.planId;
        a.region = cell.region;
        a.rateCell = cell.rateCell;
        a.year = cell.year;
        a.members = std::stoll(r->text[RRows]);
        a.memberMonths = cell.memberMonths;
        a.costSum = sum(RCost, "member cost");
        a.costSumSquares = sum(RCostSquares, "member cost squared");
        a.excessSum = cell.excessOverThreshold;
        a.truncatedSum = sum(RTruncated, "truncated cost");
        a.truncatedSumSquares = sum(RTruncatedSquares, "truncated cost squared");
        out.rows += a.members;
        out.blankRiskScores += std::stol(r->text[RBlankRisk]);
        out.blankAmounts += std::stol(r->text[RBlankAmounts]);
        out.cells.cells.push_back(std::move(cell));
        out.aggregates.cells.push_back(std::move(a));
    }
    if (out.rows == 0)
        throw InputError(InputLocation{sourceName, 0, "", "", false},
                         "the table has no member rows" +
                             std::string(" (none match the WHERE condition, if any)"));
    return out;
}

QByteArray canonicalCellsText(const MemberImport& import)
{
    std::string t = "cos";
    for (const std::string& n : import.cells.cosNames)
        t += '\t' + n;
    t += "\nutil";
    for (const std::string& n : import.cells.utilNames)
        t += '\t' + n;
    t += "\ntruncation\t" + shortest(import.aggregates.truncationThreshold) + "\nincluded";
    for (const std::string& n : import.aggregates.includedCos)
        t += '\t' + n;
    t += '\n';
    for (std::size_t i = 0; i < import.cells.cells.size(); ++i) {
        const ExperienceCell& c = import.cells.cells[i];
        const MemberCellAggregate& a = import.aggregates.cells[i];
        t += c.planId + '\t' + c.region + '\t' + c.rateCell + '\t' + std::to_string(c.year);
        for (double v : {c.memberMonths, c.riskScore, c.excessOverThreshold})
            t += '\t' + shortest(v);
        for (double v : c.cost)
            t += '\t' + shortest(v);
        for (double v : c.util)
            t += '\t' + shortest(v);
        t += '\t' + std::to_string(a.members);
        for (double v : {a.costSum, a.costSumSquares, a.excessSum, a.truncatedSum.value_or(0.0),
                         a.truncatedSumSquares.value_or(0.0)})
            t += '\t' + shortest(v);
        t += '\n';
    }
    return QByteArray::fromStdString(t);
}

} // namespace sharecast::io
