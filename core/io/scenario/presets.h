#pragma once
//! The bundled scenario presets (resources/presets/*.json, compiled into the io library).

#include "engine/scenario.h"

#include <QString>
#include <QStringList>

namespace sharecast::io {

//! How a preset is named where a scenario is expected: `preset:NAME`.
inline constexpr char kPresetPrefix[] = "preset:";

//! Names of the bundled presets, sorted.
QStringList presetNames();

//! The preset's JSON bytes; throws InputError for an unknown name.
QByteArray presetJson(const QString& name);

//! The preset as a scenario.
Scenario loadPreset(const QString& name);

} // namespace sharecast::io
