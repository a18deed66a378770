#pragma once
//! Reading plans' quality results from `quality.csv` (methodology §1.2).

#include "engine/quality_data.h"
#include "io/csv/csv_reader.h"

#include <QIODevice>
#include <QString>

namespace sharecast::io {

//! Reads quality.csv (§1.2) from device; fileName names it in errors and in the result.
//! Columns plan_id, year, measure_id, and numerator + denominator and/or rate, in any order. Each
//! row fills exactly one form; a row whose value columns are all empty is kept as NA (neither).
//! A file with a header and no rows is an empty dataset. Throws InputError (file, physical line,
//! column, value) on the first problem and loads nothing; ImportCancelled when cancelled.
QualityData readQualityCsv(QIODevice& device, const QString& fileName, const ImportControl& control = {});

//! Opens path and reads it with readQualityCsv(); errors name the path as given.
QualityData readQualityFile(const QString& path, const ImportControl& control = {});

} // namespace sharecast::io
