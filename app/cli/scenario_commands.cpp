#include "cli/scenario_commands.h"

#include "engine/error.h"
#include "io/csv/csv_writer.h"
#include "io/scenario/presets.h"
#include "io/project/project_store.h"
#include "io/scenario/scenario_diff.h"
#include "io/scenario/scenario_file.h"
#include "io/json/scenario_json.h"
#include "io/project/scenario_store.h"

#include <QFile>
#include <QFileInfo>

namespace sharecast::io {

namespace {

CommandResult bad(const QString& message) { return CommandResult{2, {}, QStringLiteral("sharecast: %1\n").arg(message)}; }

bool isArchivePath(const QString& path) { return path.endsWith(QStringLiteral(".sharecast-scenario")); }

//! A scenario from a JSON file, a scenario file or preset:NAME.
Scenario readScenarioAny(const QString& argument)
{
    if (isArchivePath(argument))
        return loadScenarioFile(argument);
    return loadScenarioArgument(argument);
}

//! A scenario named in a project (when given and it has one), else from a file or preset.
Scenario resolve(ProjectStore* project, const QString& ref)
{
    if (project) {
        ScenarioStore store(*project);
        if (const std::optional<ScenarioInfo> info = store.find(ref))
            return store.load(info->id);
    }
    return readScenarioAny(ref);
}

ScenarioInfo requireScenario(ScenarioStore& store, const QString& name, const QString& project)
{
    const std::optional<ScenarioInfo> info = store.find(name);
    if (!info)
        throw InputError(project.toStdString() + ": no scenario named '" + name.toStdString() + "'");
    return *info;
}

}  // namespace

CommandResult runScenarioCommand(const QString& action, const QMap<QString, QString>& o, const QStringList& positional)
{
    const QString projectPath = o.value(QStringLiteral("project"));
    try {
        if (action == QLatin1String("diff")) {
            if (positional.size() != 2)
                return bad(QStringLiteral("scenario diff needs two scenarios (files, preset:NAME, or names in --project)"));
            std::unique_ptr<ProjectStore> project;
            if (!projectPath.isEmpty())
                project = ProjectStore::open(projectPath);
            const Scenario a = resolve(project.get(), positional[0]);
            const Scenario b = resolve(project.get(), positional[1]);
            return CommandResult{0, formatDifferences(diffScenarios(a, b), positional[0], positional[1]), {}};
        }

        if (projectPath.isEmpty())
            return bad(QStringLiteral("scenario %1 needs --project").arg(action));
        if (!positional.isEmpty())
            return bad(QStringLiteral("unexpected argument '%1'").arg(positional.first()));
        std::unique_ptr<ProjectStore> project = ProjectStore::open(projectPath);
        ScenarioStore store(*project);

        if (action == QLatin1String("list")) {
            QString out;
            for (const ScenarioInfo& s : store.list()) {
                out += QStringLiteral("%1  version %2, saved %3").arg(s.name).arg(s.version).arg(s.modified.toString(Qt::ISODate));
                if (!s.derivedFromName.isEmpty())
                    out += QStringLiteral(", derived from '%1'").arg(s.derivedFromName);
                if (!s.preset.isEmpty())
                    out += QStringLiteral(", from preset %1").arg(s.preset);
                out += u'\n';
            }
            if (out.isEmpty())
                out = QStringLiteral("no scenarios in %1\n").arg(projectPath);
            return CommandResult{0, out, {}};
        }
        if (action == QLatin1String("new")) {
            const QString preset = o.value(QStringLiteral("preset"));
            if (preset.isEmpty())
                return bad(QStringLiteral("scenario new needs --preset NAME (see 'sharecast presets')"));
            Scenario s = loadPreset(preset);
            if (o.contains(QStringLiteral("name")))
                s.name = o.value(QStringLiteral("name")).toStdString();
            store.add(s, std::nullopt, preset, QStringLiteral("new from preset %1").arg(preset));
            return CommandResult{0, QStringLiteral("added scenario '%1' from preset %2\n").arg(QString::fromStdString(s.name), preset), {}};
        }
        if (action == QLatin1String("import")) {
            const QString file = o.value(QStringLiteral("file"));
            if (file.isEmpty())
                return bad(QStringLiteral("scenario import needs --file S.json|S.sharecast-scenario"));
            Scenario s = readScenarioAny(file);
            if (o.contains(QStringLiteral("name")))
                s.name = o.value(QStringLiteral("name")).toStdString();
            const QString name = QString::fromStdString(s.name);
            if (const std::optional<ScenarioInfo> existing = store.find(name); existing && o.contains(QStringLiteral("replace"))) {
                const int v = store.save(existing->id, s, QStringLiteral("imported from %1").arg(QFileInfo(file).fileName()));
                return CommandResult{0, QStringLiteral("saved '%1' as version %2\n").arg(name).arg(v), {}};
            }
            store.add(s, std::nullopt, {}, QStringLiteral("imported from %1").arg(QFileInfo(file).fileName()));
            return CommandResult{0, QStringLiteral("added scenario '%1'\n").arg(name), {}};
        }
        if (action == QLatin1String("export")) {
            const QString out = o.value(QStringLiteral("out"));
            if (out.isEmpty() || !o.contains(QStringLiteral("name")))
                return bad(QStringLiteral("scenario export needs --name N and --out S.json|S.sharecast-scenario"));
            const ScenarioInfo info = requireScenario(store, o.value(QStringLiteral("name")), projectPath);
            const Scenario s = store.load(info.id);
            if (isArchivePath(out)) {
                saveScenarioFile(s, out);
            } else if (const QString problem = writeFileAtomically(out, writeScenarioJson(s)); !problem.isEmpty()) {
                return CommandResult{1, {}, QStringLiteral("sharecast: %1\n").arg(problem)};
            }
            return CommandResult{0, QStringLiteral("wrote %1\n").arg(out), {}};
        }
        if (action == QLatin1String("history")) {
            const ScenarioInfo info = requireScenario(store, o.value(QStringLiteral("name")), projectPath);
            QString out;
            for (const ScenarioVersionInfo& v : store.history(info.id))
                out += QStringLiteral("version %1  %2  %3\n").arg(v.version).arg(v.savedAt.toString(Qt::ISODate), v.note);
            return CommandResult{0, out, {}};
        }
        if (action == QLatin1String("restore")) {
            const ScenarioInfo info = requireScenario(store, o.value(QStringLiteral("name")), projectPath);
            bool ok = false;
            const int version = o.value(QStringLiteral("version")).toInt(&ok);
            if (!ok)
                return bad(QStringLiteral("scenario restore needs --version N"));
            const int v = store.restore(info.id, version);
            return CommandResult{0, QStringLiteral("restored version %1 of '%2' as version %3\n").arg(version).arg(info.name).arg(v), {}};
        }
        return bad(QStringLiteral("unknown scenario action '%1' (list, new, import, export, diff, history, restore)").arg(action));
    } catch (const InputError& e) {
        return bad(QString::fromStdString(e.what()));
    } catch (const ProjectError& e) {
        return bad(QString::fromStdString(e.what()));
    }
}

}  // namespace sharecast::io
