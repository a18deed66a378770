#pragma once
//! The MCP–CBO partnerships of the synthetic sample (partnerships.csv; docs/sample-data.md,
//! "Partnerships"): invented community partners of the sample's plans, 2022–2024.

#include "engine/partnership_data.h"

#include <QByteArray>

namespace sharecast::io {

//! The sample's partnership records, in file order (sourceLine set as written). A fixed
//! catalogue: the same for every seed, so that the figures docs/sample-data.md lists are the
//! file's.
PartnershipData samplePartnerships();

//! partnerships.csv as the sample writes it: every column of the format, money to cents, empty
//! fields for an absent cap, outcome term or measurement.
QByteArray samplePartnershipsCsv(const PartnershipData& data);

} // namespace sharecast::io
