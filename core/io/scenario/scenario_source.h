#pragma once
//! The one way a scenario is named on the command line or in a report: a scenario stored in the
//! project, `preset:NAME`, or a file (.sharecast-scenario or .json), tried in that order by every
//! command.

#include "engine/scenario.h"

#include <QString>

#include <optional>

namespace sharecast::io {

class ProjectStore;

//! A resolved scenario and where it came from.
struct ScenarioSource {
    Scenario scenario;
    std::optional<qint64> storedId; //!< set when the scenario is stored in the project
    QString
        description; //!< "stored in the project, version 3 saved …", "bundled preset X", "scenario file F"
};

//! The scenario `argument` names: (1) a scenario of that name stored in `project` (when a project
//! is given), (2) `preset:NAME`, (3) an existing file, read as a scenario file when it ends in
//! .sharecast-scenario and as JSON otherwise. Throws InputError: the file's own error for a file
//! that cannot be read or is invalid, and, with a project, "no scenario named …" listing the
//! project's scenarios when the argument is neither a stored name, a preset nor a file.
ScenarioSource resolveScenario(const QString& argument, ProjectStore* project = nullptr);

//! True when path names a *.sharecast-scenario file (by its suffix).
bool isScenarioFilePath(const QString& path);

//! Reads a scenario from a file by its suffix: .sharecast-scenario, else JSON. Throws InputError.
Scenario readScenarioFromFile(const QString& path);

//! Writes a scenario to a file by its suffix (.sharecast-scenario, else JSON), atomically; the
//! previous file stays whole on any failure. Throws InputError for a scenario that cannot be
//! written, WriteError (naming the file) when the disk refuses it.
void writeScenarioToFile(const Scenario& scenario, const QString& path);

} // namespace sharecast::io
