#pragma once
//! Scenarios kept in a project: each with its name, description, times, the scenario it was
//! derived from, and every saved version, so an earlier one can be restored.

#include "engine/scenario.h"
#include "io/project/project_store.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace sharecast::io {

//! One scenario as listed in a project.
struct ScenarioInfo {
    qint64 id = 0;
    QString name;
    QString description;
    QDateTime created;
    QDateTime modified;
    std::optional<qint64> derivedFrom; //!< the scenario it was copied from
    QString derivedFromName;
    QString preset;  //!< the preset it started from, if any
    int version = 0; //!< the current version
};

//! One saved version of a scenario.
struct ScenarioVersionInfo {
    int version = 0;
    QDateTime savedAt;
    QString note;
};

//! The scenarios of an open project. Every change is one transaction. Throws ProjectError for a
//! file that cannot be written and InputError for a request that makes no sense (a duplicate or
//! empty name, an unknown scenario, a stored archive that fails its checks).
class ScenarioStore {
public:
    explicit ScenarioStore(ProjectStore& project) : project_(project) {}

    //! Every scenario, by name.
    QList<ScenarioInfo> list() const;
    //! The scenario with this name, if any.
    std::optional<ScenarioInfo> find(const QString& name) const;
    //! The scenario with this id; throws InputError when there is none.
    ScenarioInfo info(qint64 id) const;

    //! Adds a scenario under scenario.name (which must be new and not empty); version 1.
    qint64 add(const Scenario& scenario, std::optional<qint64> derivedFrom = std::nullopt,
               const QString& preset = {}, const QString& note = {});
    //! Saves a new version of an existing scenario (its name may change with it).
    int save(qint64 id, const Scenario& scenario, const QString& note = {});
    //! The current version, or a given one.
    Scenario load(qint64 id, std::optional<int> version = std::nullopt) const;
    //! Every saved version, oldest first.
    QList<ScenarioVersionInfo> history(qint64 id) const;
    //! Saves an earlier version again as the newest one; returns its new version number.
    int restore(qint64 id, int version);
    //! A copy under a new name, derived from the original.
    qint64 duplicate(qint64 id, const QString& newName);
    //! Renames a scenario (a new version with the new name).
    void rename(qint64 id, const QString& newName);
    //! Deletes a scenario and its history; scenarios derived from it keep their content.
    void remove(qint64 id);

private:
    void checkNameFree(const QString& name, std::optional<qint64> except) const;
    int insertVersion(qint64 id, const Scenario& scenario, const QString& note);

    ProjectStore& project_;
};

} // namespace sharecast::io
