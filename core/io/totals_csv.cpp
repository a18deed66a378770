#include "io/totals_csv.h"

#include <QFile>

#include <array>
#include <string_view>
#include <unordered_map>

namespace sharecast::io {

namespace {

enum Col { kEntityId, kExpected, kActual, kMembers, kQualityScore, kQualityGate, kElectedMsr, kColumnKinds };

constexpr std::array<std::string_view, kColumnKinds> kNames = {
    "entity_id", "expected", "actual", "members", "quality_score", "quality_gate", "elected_msr"};
constexpr int kRequiredKinds = 4;  // the first four of kNames

using Positions = std::array<int, kColumnKinds>;

Positions readLayout(CsvReader& reader)
{
    const std::vector<std::string> names = readCsvHeader(reader);
    Positions at;
    at.fill(-1);
    for (std::size_t i = 0; i < names.size(); ++i) {
        bool known = false;
        for (int k = 0; k < kColumnKinds; ++k) {
            if (names[i] == kNames[k]) {
                at[k] = static_cast<int>(i);
                known = true;
            }
        }
        if (!known)
            throw reader.fieldError(
                i, "unknown column (totals columns are entity_id, expected, actual, members, "
                   "quality_score, quality_gate and elected_msr)");
    }
    for (int k = 0; k < kRequiredKinds; ++k)
        if (at[k] < 0)
            throw reader.recordError(std::string(kNames[k]), "required column is missing");
    return at;
}

// A required number: non-empty, finite, and > 0 (or >= 0 when zero is allowed).
double requiredAmount(const CsvReader& reader, std::size_t i, bool zeroAllowed)
{
    if (reader.field(i).empty())
        throw reader.fieldError(i, "required field is empty");
    const double value = numberField(reader, i);
    if (zeroAllowed ? value < 0.0 : !(value > 0.0))
        throw reader.fieldError(i, zeroAllowed ? "must be >= 0" : "must be > 0");
    return value;
}

}  // namespace

TotalsData readTotalsCsv(QIODevice& device, const QString& fileName, const ImportControl& control)
{
    TotalsData data;
    data.sourceName = fileName.toStdString();
    CsvReader reader(device, data.sourceName, control);
    const Positions at = readLayout(reader);
    const std::size_t columnCount = reader.fieldCount();
    const auto pos = [&](int k) { return static_cast<std::size_t>(at[k]); };
    // An optional column that is present and non-empty in this row.
    const auto given = [&](int k) { return at[k] >= 0 && !reader.field(pos(k)).empty(); };

    std::unordered_map<std::string, long> seen;  // entity_id → line
    while (reader.next()) {
        requireFieldCount(reader, columnCount);
        TotalsRecord record;
        record.sourceLine = reader.line();
        const std::size_t idAt = pos(kEntityId);
        if (reader.field(idAt).empty())
            throw reader.fieldError(idAt, "required field is empty");
        requireUtf8Field(reader, idAt);
        record.entityId = std::string(reader.field(idAt));
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(InputLocation{path.toStdString(), 0, {}, {}, false},
                         "cannot open: " + file.errorString().toStdString());
    return readTotalsCsv(file, path, control);
}

}  // namespace sharecast::io
