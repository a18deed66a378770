#pragma once
//! The bundled scenario presets (resources/presets/*.json, compiled into the io library).

#include "engine/scenario.h"

#include <QString>
#include <QStringList>

namespace sharecast::io {

//! Names of the bundled presets, sorted.
QStringList presetNames();

//! The preset's JSON bytes; throws InputError for an unknown name.
QByteArray presetJson(const QString& name);

//! The preset as a scenario.
Scenario loadPreset(const QString& name);

//! A scenario from a path, or from `preset:NAME`.
Scenario loadScenarioArgument(const QString& argument);

}  // namespace sharecast::io
