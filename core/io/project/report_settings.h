#pragma once
//! What a signed report says about who stands behind it (ASOP No. 41 §3.1.4 and §4.1.1, the
//! responsible actuary; §3.2 and §3.4.3, intended users, purpose and reliance on others): kept in
//! the project's metadata, so that every report of the project carries the same statement.

#include <QString>
#include <QStringList>

#include <vector>

namespace sharecast::io {

class ProjectStore;

//! The report settings of a project; an empty field is unset (the report says so).
struct ReportSettings {
    QString actuaryName;            //!< the responsible actuary, as signed
    QString actuaryCredentials;     //!< e.g. "FSA, MAAA"
    QString actuaryOrganization;    //!< employer or office
    QString qualificationStatement; //!< the statement that the actuary meets the qualification standards
    QString intendedUsers;          //!< who may rely on the report
    QString purpose;                //!< what the report is for
    QString reliance;               //!< data and information relied on from others, and who supplied them
    QString conflicts;              //!< conflicts of interest, or that there are none

    bool operator==(const ReportSettings&) const = default;
};

//! One setting: its key (`sharecast settings --set KEY=VALUE`), its label and where it lives.
struct ReportSettingField {
    const char* key;
    const char* label;
    QString ReportSettings::*field;
    bool multiline;
};

//! Every setting, in the order a form shows them.
const std::vector<ReportSettingField>& reportSettingFields();

//! The settings of an open project (unset fields empty).
ReportSettings readReportSettings(const ProjectStore& project);

//! Stores the settings in the project, in one transaction; an empty field is stored empty.
//! Throws ProjectError when the project cannot be written.
void writeReportSettings(ProjectStore& project, const ReportSettings& settings);

//! The settings as `key: value` lines (a multi-line value's lines indented), for the command line.
QString formatReportSettings(const ReportSettings& settings);

//! Sets one field from "KEY=VALUE"; throws InputError naming the text for an unknown key or a
//! missing "=".
void setReportSetting(ReportSettings& settings, const QString& assignment);

} // namespace sharecast::io
