#pragma once
//! `sharecast scenario …`: scenarios in a project, as files, and their differences.

#include "cli/commands.h"

#include <QMap>
#include <QString>

namespace sharecast::io {

//! Runs `sharecast scenario ACTION` with its parsed options (see the command's usage text).
//! Actions: list, new, import, export, diff, history, restore.
CommandResult runScenarioCommand(const QString& action, const QMap<QString, QString>& options,
                                 const QStringList& positional);

}  // namespace sharecast::io
