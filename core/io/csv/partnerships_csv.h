#pragma once
//! Reading MCP–CBO partnerships from `partnerships.csv` (docs/methodology.md, "Partnerships").

#include "engine/partnership_data.h"
#include "io/csv/csv_reader.h"

#include <QIODevice>
#include <QString>

namespace sharecast::io {

//! Reads partnerships.csv from device; fileName names it in errors and in the result. Columns in
//! any order; plan_id, partner_id, service and year are required, every other column optional
//! (an absent column or empty field is 0, except outreach_cap: no cap, and the outcome fields:
//! no outcome term). Throws InputError (file, physical line, column, value) on the first problem
//! and loads nothing; ImportCancelled when cancelled.
PartnershipData readPartnershipsCsv(QIODevice& device, const QString& fileName,
                                    const ImportControl& control = {});

//! Opens path and reads it with readPartnershipsCsv(); errors name the path as given.
PartnershipData readPartnershipsFile(const QString& path, const ImportControl& control = {});

} // namespace sharecast::io
