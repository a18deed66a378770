#pragma once
//! The report's checklist of the disclosures an actuary signing it owes under ASOP No. 41
//! (actuarial communications) and ASOP No. 56 (modeling): each item, where the report meets it,
//! and which are left unfilled. Built from plain inputs (no painting), so that the checklist the
//! report prints and the one the tests read are the same.

#include "engine/scenario.h"
#include "io/project/report_settings.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sharecast::ui::report {

//! How an item of the checklist stands.
enum class AsopStatus {
    Filled,   //!< the report says it, from the project or the scenario
    Standard, //!< the report says it in Sharecast's standard words (the project may replace them)
    Unfilled, //!< missing: someone must supply it before the report is signed
};

//! One item: what is disclosed, the paragraphs of the standards that ask for it, its status, and
//! what the report says or what is missing.
struct AsopItem {
    QString item;
    QString standard;
    AsopStatus status = AsopStatus::Unfilled;
    QString detail;
};

//! A dataset the report relies on, as its provenance records it.
struct AsopDataset {
    QString kind;
    QString file;
    QString sha256;
    QDateTime imported;
};

//! What the checklist is made from.
struct AsopInputs {
    io::ReportSettings settings;
    const Scenario* scenario = nullptr;
    QList<AsopDataset> datasets; //!< the datasets in use
    QDate informationDate;       //!< the report date
    QString softwareVersion;
    QString scenarioVersion; //!< "version 3 of 'X', saved …", or where the scenario came from
    bool hasChance = false;  //!< the section on how much of the result is chance (closed forms, Monte Carlo)
    bool hasDrivers = false; //!< a tornado of the assumptions (the drivers section or the summary's)
    int projectionScenarios = 2; //!< rebasing and not rebasing, always shown
    //! The earlier version the changes are measured against: its description and the number of
    //! differing keys; absent when none was chosen.
    std::optional<QString> earlier;
    int earlierDifferences = 0;
    bool earlierExists = false; //!< the project keeps an earlier version of this scenario
    bool partnerships = false;  //!< the project has partnerships data (its terms are assumptions)
};

//! The assumption groups (top-level scenario keys) whose source and owner a signed report should
//! name: those that shape the result for this scenario, in the order of the scenario's JSON form.
QStringList materialAssumptionGroups(const Scenario& scenario, bool partnerships);

//! The groups of materialAssumptionGroups() with neither a source nor an owner recorded.
QStringList assumptionGroupsWithoutSource(const Scenario& scenario, bool partnerships);

//! Every item of the checklist, in the order the report prints it.
QList<AsopItem> asopChecklist(const AsopInputs& in);

//! The items left unfilled, by name ("Responsible actuary, Conflicts of interest"); empty when
//! the checklist is complete.
QStringList unfilledItems(const QList<AsopItem>& items);

//! "filled", "standard wording" or "UNFILLED".
QString statusText(AsopStatus s);

} // namespace sharecast::ui::report
