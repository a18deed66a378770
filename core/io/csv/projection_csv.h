#pragma once
//! The projection as CSV, in the column order of methodology §11.

#include "engine/projection.h"

#include <QByteArray>
#include <QStringList>

namespace sharecast::io {

//! The header of `sharecast project` output (§11).
QStringList projectionColumns();

//! One row: plan (or ALL), year and the §11 figures; money to cents, PMPMs to cents.
QStringList projectionRow(const QString& planId, const ProjectionYear& year);

//! The whole CSV: every plan's years, then the ALL rows.
QByteArray projectionCsv(const Projection& projection);

} // namespace sharecast::io
