#include "io/csv/totals_csv.h"

#include "engine/input_bounds.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace sharecast::io {

namespace {

enum Col { kEntityId, kExpected, kActual, kMembers, kQualityScore, kQualityGate, kElectedMsr, kColumnKinds };

constexpr CsvColumn kColumns[kColumnKinds] = {
    {"entity_id", true},      {"expected", true},      {"actual", true},      {"members", true},
    {"quality_score", false}, {"quality_gate", false}, {"elected_msr", false}};

// A required number: non-empty, finite, and > 0 (or >= 0 when zero is allowed).
double requiredAmount(const CsvReader& reader, std::size_t i, bool zeroAllowed)
{
    requireNonEmptyField(reader, i);
    const double value = numberField(reader, i);
    if (zeroAllowed ? value < 0.0 : !(value > 0.0))
        throw reader.fieldError(i, zeroAllowed ? "must be >= 0" : "must be > 0");
    if (value > bounds::kMaxAmount)
        throw reader.fieldError(i, "a figure above 1e+12 for one entity is a data error");
    return value;
}

} // namespace

TotalsData readTotalsCsv(QIODevice& device, const QString& fileName, const ImportControl& control)
{
    TotalsData data;
    data.sourceName = fileName.toStdString();
    CsvReader reader(device, data.sourceName, control);
    // Index in the file of each known column (by Col), -1 when absent.
    const std::vector<int> at =
        readCsvColumns(reader, kColumns,
                       "unknown column (totals columns are entity_id, expected, actual, members, "
                       "quality_score, quality_gate and elected_msr)");
    const std::size_t columnCount = reader.fieldCount();
    const auto pos = [&](int k) { return static_cast<std::size_t>(at[k]); };
    // An optional column that is present and non-empty in this row.
    const auto given = [&](int k) { return at[k] >= 0 && !reader.field(pos(k)).empty(); };

    std::unordered_map<std::string, long> seen; // entity_id → line
    while (reader.next()) {
        requireFieldCount(reader, columnCount);
        TotalsRecord record;
        record.sourceLine = reader.line();
        const std::size_t idAt = pos(kEntityId);
        record.entityId = requiredTextField(reader, idAt);
        record.expected = requiredAmount(reader, pos(kExpected), false);
        record.actual = requiredAmount(reader, pos(kActual), true);
        record.members = requiredAmount(reader, pos(kMembers), false);
        // §1.4: empty optional cells take the defaults (quality 100, gate passed, no elected MSR).
        if (given(kQualityScore)) {
            record.qualityScore = numberField(reader, pos(kQualityScore));
            if (record.qualityScore < 0.0 || record.qualityScore > 100.0)
                throw reader.fieldError(pos(kQualityScore), "must be between 0 and 100");
        }
        if (given(kQualityGate)) {
            const double gate = numberField(reader, pos(kQualityGate));
            if (gate != 0.0 && gate != 1.0)
                throw reader.fieldError(pos(kQualityGate), "must be 1 (passed) or 0 (failed)");
            record.qualityGate = gate == 1.0;
        }
        if (given(kElectedMsr)) {
            const double msr = numberField(reader, pos(kElectedMsr));
            if (msr < 0.0 || msr > 1.0)
                throw reader.fieldError(pos(kElectedMsr),
                                        "must be between 0 and 1 (a fraction, not a percent)");
            record.electedMsr = msr;
        }
        const auto [it, inserted] = seen.try_emplace(record.entityId, reader.line());
        if (!inserted)
            throw reader.fieldError(idAt,
                                    "duplicate entity; first given on line " + std::to_string(it->second));
        data.records.push_back(std::move(record));
    }
    if (data.records.empty())
        throw InputError(InputLocation{data.sourceName, 1, {}, {}, false},
                         "the file has a header but no data rows");
    return data;
}

TotalsData readTotalsFile(const QString& path, const ImportControl& control)
{
    return readInputFile(path, [&](QIODevice& in) { return readTotalsCsv(in, path, control); });
}

} // namespace sharecast::io
