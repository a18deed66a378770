//! `sharecast settings`: the project's report settings (the responsible actuary, intended users,
//! purpose, reliance on others, conflicts of interest), shown or changed.

#include "cli/commands.h"
#include "engine/error.h"
#include "io/project/project_lock.h"
#include "io/project/project_store.h"
#include "io/project/report_settings.h"

#include <QFileInfo>

#include <memory>
#include <optional>

namespace sharecast::cli {

namespace {

void settings(const Arguments& a, CommandResult& result)
{
    const QString projectPath = a.value(QStringLiteral("project"));
    if (!QFileInfo::exists(projectPath))
        throw InputError(QStringLiteral("%1: no such project file").arg(projectPath).toStdString());
    const QStringList assignments = a.values(QStringLiteral("set"));
    if (assignments.isEmpty()) {
        // Only reads: the project may be on read-only media.
        const std::unique_ptr<io::ProjectStore> project = io::ProjectStore::openForReading(projectPath);
        result.out += io::formatReportSettings(io::readReportSettings(*project));
        return;
    }
    const io::ProjectLock lock(projectPath);
    const std::unique_ptr<io::ProjectStore> project = io::ProjectStore::open(projectPath);
    io::ReportSettings s = io::readReportSettings(*project);
    for (const QString& assignment : assignments) // every one checked before anything is stored
        io::setReportSetting(s, assignment);
    io::writeReportSettings(*project, s);
    result.out += io::formatReportSettings(s);
}

} // namespace

Command settingsCommand()
{
    return {
        QStringLiteral("settings"),
        QStringLiteral("Show or set the project's report settings (responsible actuary, intended users, …)"),
        QStringLiteral(
            "Usage: sharecast settings --project P.sharecast [--set KEY=VALUE …]\n\n"
            "Without --set, prints every setting. Keys: actuary_name, actuary_credentials,\n"
            "actuary_organization, qualification_statement, intended_users, purpose, reliance,\n"
            "conflicts. An empty VALUE unsets a key; \\n in a VALUE starts a new line. Every report\n"
            "of the project prints them in its disclosures and its ASOP 41/56 checklist, which\n"
            "lists the ones left unset."),
        {{{QStringLiteral("project")}, {QStringLiteral("set"), OptionSpec::kOneOrMore}},
         0,
         {QStringLiteral("project")}},
        Needs::Core,
        settings};
}

} // namespace sharecast::cli
