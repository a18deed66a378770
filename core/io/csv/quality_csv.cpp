#include "io/csv/quality_csv.h"

#include <map>
#include <string_view>
#include <tuple>
#include <vector>

namespace sharecast::io {

namespace {

enum Col { kPlanId, kYear, kMeasureId, kNumerator, kDenominator, kRate, kColumnKinds };

constexpr CsvColumn kColumns[kColumnKinds] = {{"plan_id", true},      {"year", true},
                                              {"measure_id", true},   {"numerator", false},
                                              {"denominator", false}, {"rate", false}};

// Index in the file of each known column (by Col), -1 when absent.
std::vector<int> readLayout(CsvReader& reader)
{
    const std::vector<int> at =
        readCsvColumns(reader, kColumns,
                       "unknown column (quality columns are plan_id, year, measure_id, "
                       "numerator, denominator and rate)");
    if ((at[kNumerator] < 0) != (at[kDenominator] < 0)) {
        const int missing = at[kNumerator] < 0 ? kNumerator : kDenominator;
        throw reader.recordError(std::string(kColumns[missing].name),
                                 "numerator and denominator come together; this column is missing");
    }
    if (at[kNumerator] < 0 && at[kRate] < 0)
        throw reader.recordError({},
                                 "the file needs numerator and denominator columns, or a rate column (§1.2)");
    return at;
}

std::string_view fieldOrEmpty(const CsvReader& reader, int index)
{
    return index < 0 ? std::string_view() : reader.field(static_cast<std::size_t>(index));
}

// A numerator or denominator: an integer >= 0 (§1.2).
long long countField(const CsvReader& reader, std::size_t i)
{
    const long long value = integerField(reader, i);
    if (value < 0)
        throw reader.fieldError(i, "must be >= 0");
    return value;
}

} // namespace

QualityData readQualityCsv(QIODevice& device, const QString& fileName, const ImportControl& control)
{
    QualityData data;
    data.sourceName = fileName.toStdString();
    CsvReader reader(device, data.sourceName, control);
    const std::vector<int> at = readLayout(reader);
    const std::size_t columnCount = reader.fieldCount();
    const auto pos = [&](int k) { return static_cast<std::size_t>(at[k]); };

    std::map<std::tuple<std::string, Year, std::string>, long> seen; // key → line
    while (reader.next()) {
        requireFieldCount(reader, columnCount);
        QualityRecord record;
        record.sourceLine = reader.line();
        record.planId = requiredTextField(reader, pos(kPlanId));
        record.year = yearField(reader, pos(kYear));
        record.measureId = requiredTextField(reader, pos(kMeasureId));

        // §1.2: each row fills exactly one form; a row with every value empty is NA.
        const bool hasNumerator = !fieldOrEmpty(reader, at[kNumerator]).empty();
        const bool hasDenominator = !fieldOrEmpty(reader, at[kDenominator]).empty();
        const bool hasRate = !fieldOrEmpty(reader, at[kRate]).empty();
        if (hasRate && (hasNumerator || hasDenominator))
            throw reader.fieldError(pos(kRate), "a row gives numerator and denominator or a rate, not both");
        if (hasNumerator != hasDenominator)
            throw reader.fieldError(hasNumerator ? pos(kDenominator) : pos(kNumerator),
                                    hasNumerator ? "numerator given without a denominator"
                                                 : "denominator given without a numerator");
        if (hasNumerator) {
            const long long numerator = countField(reader, pos(kNumerator));
            const long long denominator = countField(reader, pos(kDenominator));
            if (numerator > denominator)
                throw reader.fieldError(pos(kNumerator), "numerator exceeds the denominator (" +
                                                             std::to_string(denominator) + ")");
            record.numerator = numerator;
            record.denominator = denominator;
        } else if (hasRate) {
            const double rate = numberField(reader, pos(kRate));
            if (rate < 0.0 || rate > 1.0)
                throw reader.fieldError(pos(kRate), "must be between 0 and 1 (a fraction, not a percent)");
            record.rate = rate;
        }

        const auto [it, inserted] =
            seen.try_emplace(std::make_tuple(record.planId, record.year, record.measureId), reader.line());
        if (!inserted)
            throw InputError(
                InputLocation{data.sourceName, reader.line(), "plan_id, year, measure_id",
                              record.planId + " | " + std::to_string(record.year) + " | " + record.measureId,
                              true},
                "duplicate measure result; first given on line " + std::to_string(it->second));
        data.records.push_back(std::move(record));
    }
    return data;
}

QualityData readQualityFile(const QString& path, const ImportControl& control)
{
    return readInputFile(path, [&](QIODevice& in) { return readQualityCsv(in, path, control); });
}

} // namespace sharecast::io
