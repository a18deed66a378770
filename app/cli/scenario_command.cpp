//! `sharecast scenario ACTION`: scenarios kept in a project (list, new, import, export, history,
//! restore) and the differences between any two (diff).

#include "cli/command_support.h"
#include "cli/commands.h"
#include "engine/error.h"
#include "io/project/project_lock.h"
#include "io/project/project_store.h"
#include "io/project/scenario_store.h"
#include "io/scenario/presets.h"
#include "io/scenario/scenario_diff.h"
#include "io/scenario/scenario_source.h"

#include <QFileInfo>

#include <memory>

namespace sharecast::cli {

namespace {

io::ScenarioInfo requireScenario(io::ScenarioStore& store, const QString& name, const QString& project)
{
    const std::optional<io::ScenarioInfo> info = store.find(name);
    if (!info)
        throw InputError(project.toStdString() + ": no scenario named '" + name.toStdString() + "'");
    return *info;
}

void diff(const Arguments& a, CommandResult& result)
{
    const QStringList refs = a.positional().mid(1); // after the word "diff"
    if (refs.size() != 2)
        throw InputError("scenario diff needs two scenarios (files, preset:NAME, or names in --project)");
    std::unique_ptr<io::ProjectStore> project;
    if (a.has(QStringLiteral("project")))
        project = io::ProjectStore::openForReading(a.value(QStringLiteral("project")));
    const Scenario left = io::resolveScenario(refs[0], project.get()).scenario;
    const Scenario right = io::resolveScenario(refs[1], project.get()).scenario;
    result.out += io::formatDifferences(io::diffScenarios(left, right), refs[0], refs[1]);
}

void list(io::ScenarioStore& store, const QString& projectPath, CommandResult& result)
{
    QString out;
    for (const io::ScenarioInfo& s : store.list()) {
        out += QStringLiteral("%1  version %2, saved %3")
                   .arg(s.name)
                   .arg(s.version)
                   .arg(s.modified.toString(Qt::ISODate));
        if (!s.derivedFromName.isEmpty())
            out += QStringLiteral(", derived from '%1'").arg(s.derivedFromName);
        if (!s.preset.isEmpty())
            out += QStringLiteral(", from preset %1").arg(s.preset);
        out += u'\n';
    }
    result.out += out.isEmpty() ? QStringLiteral("no scenarios in %1\n").arg(projectPath) : out;
}

void addFromPreset(io::ScenarioStore& store, const Arguments& a, CommandResult& result)
{
    const QString preset = a.value(QStringLiteral("preset"));
    if (preset.isEmpty())
        throw InputError("scenario new needs --preset NAME (see 'sharecast presets')");
    Scenario s = io::loadPreset(preset);
    if (a.has(QStringLiteral("name")))
        s.name = a.value(QStringLiteral("name")).toStdString();
    store.add(s, std::nullopt, preset, QStringLiteral("new from preset %1").arg(preset));
    result.out +=
        QStringLiteral("added scenario '%1' from preset %2\n").arg(QString::fromStdString(s.name), preset);
}

void importFile(io::ScenarioStore& store, const Arguments& a, CommandResult& result)
{
    const QString file = a.value(QStringLiteral("file"));
    if (file.isEmpty())
        throw InputError("scenario import needs --file S.json|S.sharecast-scenario");
    Scenario s = io::resolveScenario(file).scenario;
    if (a.has(QStringLiteral("name")))
        s.name = a.value(QStringLiteral("name")).toStdString();
    const QString name = QString::fromStdString(s.name);
    const QString note = QStringLiteral("imported from %1").arg(QFileInfo(file).fileName());
    if (const std::optional<io::ScenarioInfo> existing = store.find(name);
        existing && a.has(QStringLiteral("replace"))) {
        const int v = store.save(existing->id, s, note);
        result.out += QStringLiteral("saved '%1' as version %2\n").arg(name).arg(v);
        return;
    }
    store.add(s, std::nullopt, {}, note);
    result.out += QStringLiteral("added scenario '%1'\n").arg(name);
}

void exportFile(io::ScenarioStore& store, const Arguments& a, const QString& projectPath,
                CommandResult& result)
{
    const QString out = a.value(QStringLiteral("out"));
    if (out.isEmpty() || !a.has(QStringLiteral("name")))
        throw InputError("scenario export needs --name N and --out S.json|S.sharecast-scenario");
    checkOutputPath(out);
    const io::ScenarioInfo info = requireScenario(store, a.value(QStringLiteral("name")), projectPath);
    io::writeScenarioToFile(store.load(info.id), out);
    result.out += QStringLiteral("wrote %1\n").arg(out);
}

void history(io::ScenarioStore& store, const Arguments& a, const QString& projectPath, CommandResult& result)
{
    const io::ScenarioInfo info = requireScenario(store, a.value(QStringLiteral("name")), projectPath);
    for (const io::ScenarioVersionInfo& v : store.history(info.id))
        result.out += QStringLiteral("version %1  %2  %3\n")
                          .arg(v.version)
                          .arg(v.savedAt.toString(Qt::ISODate), v.note);
}

void restore(io::ScenarioStore& store, const Arguments& a, const QString& projectPath, CommandResult& result)
{
    const io::ScenarioInfo info = requireScenario(store, a.value(QStringLiteral("name")), projectPath);
    bool ok = false;
    const int version = a.value(QStringLiteral("version")).toInt(&ok);
    if (!ok)
        throw InputError("scenario restore needs --version N");
    const int v = store.restore(info.id, version);
    result.out +=
        QStringLiteral("restored version %1 of '%2' as version %3\n").arg(version).arg(info.name).arg(v);
}

void scenario(const Arguments& a, CommandResult& result)
{
    if (a.positional().isEmpty())
        throw UsageError(QStringLiteral("needs an action"));
    const QString action = a.positional().first();
    if (action == QLatin1String("diff"))
        return diff(a, result);
    const QString projectPath = a.value(QStringLiteral("project"));
    if (projectPath.isEmpty())
        throw InputError(QStringLiteral("scenario %1 needs --project").arg(action).toStdString());
    if (a.positional().size() > 1)
        throw InputError(QStringLiteral("unexpected argument '%1'").arg(a.positional()[1]).toStdString());
    // Listing, history and export only read the project (it may be on read-only media); the
    // others change it, one Sharecast at a time.
    const bool writes = action == QLatin1String("new") || action == QLatin1String("import") ||
                        action == QLatin1String("restore");
    std::optional<io::ProjectLock> lock;
    if (writes)
        lock.emplace(projectPath);
    const std::unique_ptr<io::ProjectStore> project =
        writes ? io::ProjectStore::open(projectPath) : io::ProjectStore::openForReading(projectPath);
    io::ScenarioStore store(*project);
    if (action == QLatin1String("list"))
        return list(store, projectPath, result);
    if (action == QLatin1String("new"))
        return addFromPreset(store, a, result);
    if (action == QLatin1String("import"))
        return importFile(store, a, result);
    if (action == QLatin1String("export"))
        return exportFile(store, a, projectPath, result);
    if (action == QLatin1String("history"))
        return history(store, a, projectPath, result);
    if (action == QLatin1String("restore"))
        return restore(store, a, projectPath, result);
    throw InputError(
        QStringLiteral("unknown scenario action '%1' (list, new, import, export, diff, history, restore)")
            .arg(action)
            .toStdString());
}

} // namespace

Command scenarioCommand()
{
    return {
        QStringLiteral("scenario"),
        QStringLiteral("Keep scenarios in a project: list, new, import, export, diff"),
        QStringLiteral(
            "Usage: sharecast scenario list    --project P.sharecast\n"
            "       sharecast scenario new     --project P --preset NAME [--name N]\n"
            "       sharecast scenario import  --project P --file S.json|S.sharecast-scenario|preset:NAME\n"
            "                                  [--name N] [--replace]\n"
            "       sharecast scenario export  --project P --name N --out S.json|S.sharecast-scenario\n"
            "       sharecast scenario history --project P --name N\n"
            "       sharecast scenario restore --project P --name N --version V\n"
            "       sharecast scenario diff    [--project P] A B\n\n"
            "A and B are scenario names in the project, files (.json or .sharecast-scenario) or\n"
            "preset:NAME; diff prints every differing key with both values. A project keeps every\n"
            "saved version of a scenario; restore saves an earlier one again as the newest."),
        {{{QStringLiteral("project")},
          {QStringLiteral("name")},
          {QStringLiteral("file")},
          {QStringLiteral("out")},
          {QStringLiteral("preset")},
          {QStringLiteral("version")},
          {QStringLiteral("replace"), 0}},
         3},
        Needs::Core,
        scenario};
}

} // namespace sharecast::cli
