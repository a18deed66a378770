#include "io/project/report_settings.h"

#include "engine/error.h"
#include "io/project/project_store.h"

namespace sharecast::io {

const std::vector<ReportSettingField>& reportSettingFields()
{
    static const std::vector<ReportSettingField> fields = {
        {"actuary_name", "Responsible actuary", &ReportSettings::actuaryName, false},
        {"actuary_credentials", "Credentials", &ReportSettings::actuaryCredentials, false},
        {"actuary_organization", "Organization", &ReportSettings::actuaryOrganization, false},
        {"qualification_statement", "Qualification statement", &ReportSettings::qualificationStatement, true},
        {"intended_users", "Intended users", &ReportSettings::intendedUsers, true},
        {"purpose", "Purpose of the report", &ReportSettings::purpose, true},
        {"reliance", "Reliance on others", &ReportSettings::reliance, true},
        {"conflicts", "Conflicts of interest", &ReportSettings::conflicts, true},
    };
    return fields;
}

namespace {

QString metadataKey(const ReportSettingField& f)
{
    return QStringLiteral("report.") + QLatin1String(f.key);
}

} // namespace

ReportSettings readReportSettings(const ProjectStore& project)
{
    ReportSettings s;
    for (const ReportSettingField& f : reportSettingFields())
        s.*f.field = project.metadata(metadataKey(f));
    return s;
}

void writeReportSettings(ProjectStore& project, const ReportSettings& settings)
{
    ProjectStore::Batch batch(project);
    for (const ReportSettingField& f : reportSettingFields())
        project.setMetadata(metadataKey(f), (settings.*f.field).trimmed());
    batch.commit();
}

QString formatReportSettings(const ReportSettings& settings)
{
    QString out;
    for (const ReportSettingField& f : reportSettingFields()) {
        const QString v = settings.*f.field;
        QString shown = v.isEmpty() ? QStringLiteral("(not set)") : v;
        shown.replace(u'\n', QStringLiteral("\n  "));
        out += QStringLiteral("%1: %2\n").arg(QLatin1String(f.key), shown);
    }
    return out;
}

void setReportSetting(ReportSettings& settings, const QString& assignment)
{
    const qsizetype eq = assignment.indexOf(u'=');
    if (eq <= 0)
        throw InputError("--set '" + assignment.toStdString() + "': expected KEY=VALUE");
    const QString key = assignment.left(eq).trimmed();
    QStringList known;
    for (const ReportSettingField& f : reportSettingFields()) {
        if (key == QLatin1String(f.key)) {
            QString value = assignment.mid(eq + 1).trimmed();
            value.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
            settings.*f.field = value;
            return;
        }
        known << QLatin1String(f.key);
    }
    throw InputError("--set '" + assignment.toStdString() + "': unknown setting '" + key.toStdString() +
                     "' (known: " + known.join(QStringLiteral(", ")).toStdString() + ")");
}

} // namespace sharecast::io
