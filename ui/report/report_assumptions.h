#pragma once
//! Every scenario value in words an actuary recognises, for the report's assumptions section:
//! built by walking the scenario's JSON form (io::flattenScenario), so that no value is missed.

#include "engine/scenario.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sharecast::ui::report {

//! One assumption: a readable label, its value in words, and the JSON key(s) it shows.
struct AssumptionItem {
    QString label;
    QString value;
    QString key; //!< the dotted path (a list's elements are shown together under the list's key)
};

//! A list of objects shown as a table (quality measures, sharing tiers, program changes, ...).
struct AssumptionTable {
    QString title;
    QString key; //!< e.g. `quality.measures`
    QStringList headers;
    QList<QStringList> rows;
};

//! The assumptions of one part of the methodology.
struct AssumptionGroup {
    QString title; //!< e.g. "Expected cost (benchmark, §2)"
    QList<AssumptionItem> items;
    QList<AssumptionTable> tables;
};

//! The whole description, with the bookkeeping that proves it complete.
struct AssumptionDescription {
    QString name;
    QString description; //!< the scenario's own description (its provenance), verbatim
    QList<AssumptionGroup> groups;
    int flattenedKeys = 0;     //!< leaves of the JSON form
    QStringList uncoveredKeys; //!< leaves that no item or table shows (empty when complete)
};

//! Describes every value of the scenario. dataYear is the latest experience year (what a null
//! performance year or projection start year means).
AssumptionDescription describeAssumptions(const Scenario& scenario, Year dataYear);

//! The part of the methodology a top-level scenario key belongs to, as the assumptions section
//! titles it ("Expected cost: baseline, trend and adjustments (§2)").
QString assumptionGroupTitle(const QString& topKey);

//! A fraction as an exact percent ("3.5 %", "−2 %"), from the shortest decimal of the value.
QString exactPercent(double fraction);

} // namespace sharecast::ui::report
