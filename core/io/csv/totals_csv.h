#pragma once
//! Reading entity totals from `totals.csv`, for settlement from totals (methodology §1.4).

#include "engine/totals.h"
#include "io/csv/csv_reader.h"

#include <QIODevice>
#include <QString>

namespace sharecast::io {

//! Reads totals.csv (§1.4) from device; fileName names it in errors and in the result.
//! Required entity_id, expected (> 0), actual (>= 0), members (> 0); optional quality_score
//! (0–100, default 100), quality_gate (1 or 0, default 1), elected_msr (a fraction in [0, 1],
//! default none); an empty optional cell takes its default. Throws InputError (file, physical
//! line, column, value) on the first problem and loads nothing; ImportCancelled when cancelled.
TotalsData readTotalsCsv(QIODevice& device, const QString& fileName, const ImportControl& control = {});

//! Opens path and reads it with readTotalsCsv(); errors name the path as given.
TotalsData readTotalsFile(const QString& path, const ImportControl& control = {});

} // namespace sharecast::io
