#include "io/scenario/scenario_source.h"

#include "engine/error.h"
#include "io/atomic_file.h"
#include "io/json/scenario_json.h"
#include "io/project/project_store.h"
#include "io/project/scenario_store.h"
#include "io/scenario/presets.h"
#include "io/scenario/scenario_file.h"

#include <QFileInfo>
#include <QStringList>
#include <QTimeZone>

namespace sharecast::io {

bool isScenarioFilePath(const QString& path)
{
    return path.endsWith(u'.' + QLatin1String(kScenarioFileSuffix));
}

Scenario readScenarioFromFile(const QString& path)
{
    return isScenarioFilePath(path) ? loadScenarioFile(path) : readScenarioFile(path);
}

void writeScenarioToFile(const Scenario& scenario, const QString& path)
{
    if (isScenarioFilePath(path))
        return saveScenarioFile(scenario, path);
    if (const QString problem = writeFileAtomically(path, writeScenarioJson(scenario)); !problem.isEmpty())
        throw WriteError(problem);
}

ScenarioSource resolveScenario(const QString& argument, ProjectStore* project)
{
    if (project) {
        ScenarioStore scenarios(*project);
        if (const std::optional<ScenarioInfo> info = scenarios.find(argument))
            return {scenarios.load(info->id), info->id,
                    QStringLiteral("stored in the project, version %1 saved %2")
                        .arg(info->version)
                        .arg(info->modified.toTimeZone(QTimeZone::utc())
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))};
    }
    const QLatin1String preset(kPresetPrefix);
    if (argument.startsWith(preset))
        return {loadPreset(argument.mid(preset.size())), std::nullopt,
                QStringLiteral("bundled preset %1").arg(argument.mid(preset.size()))};
    // A file: one that exists, or a name spelled like one (so a missing file is named as such).
    const bool fileName =
        isScenarioFilePath(argument) || argument.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    if (!project || fileName || QFileInfo(argument).isFile())
        return {readScenarioFromFile(argument), std::nullopt,
                QStringLiteral("scenario file %1").arg(QFileInfo(argument).fileName())};
    QStringList names;
    for (const ScenarioInfo& i : ScenarioStore(*project).list())
        names << QStringLiteral("'%1'").arg(i.name);
    throw InputError(QStringLiteral("%1: no scenario named '%2' (the project has %3; or use preset:NAME)")
                         .arg(project->path(), argument,
                              names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")))
                         .toStdString());
}

} // namespace sharecast::io
