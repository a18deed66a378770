#include "io/project/scenario_store.h"

#include "engine/error.h"
#include "io/scenario/scenario_file.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sharecast::io {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

[[noreturn]] void fail(const ProjectStore& p, const QSqlQuery& q)
{
    throw ProjectError(
        QStringLiteral("%1: cannot save: %2").arg(p.path(), q.lastError().text()).toStdString());
}

ScenarioInfo infoFrom(const QSqlQuery& q)
{
    ScenarioInfo i;
    i.id = q.value(0).toLongLong();
    i.name = q.value(1).toString();
    i.description = q.value(2).toString();
    i.created = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
    i.modified = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    if (!q.value(5).isNull())
        i.derivedFrom = q.value(5).toLongLong();
    i.derivedFromName = q.value(6).toString();
    i.preset = q.value(7).toString();
    i.version = q.value(8).toInt();
    return i;
}

const char* const kSelect =
    "SELECT s.id, s.name, s.description, s.created_at, s.modified_at, s.derived_from, d.name, s.preset, "
    "s.current_version FROM scenario s LEFT JOIN scenario d ON d.id = s.derived_from";

} // namespace

QList<ScenarioInfo> ScenarioStore::list() const
{
    QList<ScenarioInfo> out;
    QSqlQuery q(project_.database());
    q.exec(QString::fromLatin1(kSelect) + QStringLiteral(" ORDER BY s.name"));
    while (q.next())
        out << infoFrom(q);
    return out;
}

std::optional<ScenarioInfo> ScenarioStore::find(const QString& name) const
{
    QSqlQuery q(project_.database());
    q.prepare(QString::fromLatin1(kSelect) + QStringLiteral(" WHERE s.name = ?"));
    q.addBindValue(name);
    if (q.exec() && q.next())
        return infoFrom(q);
    return std::nullopt;
}

ScenarioInfo ScenarioStore::info(qint64 id) const
{
    QSqlQuery q(project_.database());
    q.prepare(QString::fromLatin1(kSelect) + QStringLiteral(" WHERE s.id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return infoFrom(q);
    throw InputError(project_.path().toStdString() + ": no scenario " + std::to_string(id));
}

void ScenarioStore::checkNameFree(const QString& name, std::optional<qint64> except) const
{
    if (name.trimmed().isEmpty())
        throw InputError(InputLocation{{}, 0, "name", "", true}, "a scenario needs a name");
    const std::optional<ScenarioInfo> existing = find(name);
    if (existing && (!except || existing->id != *except))
        throw InputError(InputLocation{{}, 0, "name", name.toStdString(), true},
                         "the project already has a scenario of that name");
}

int ScenarioStore::insertVersion(qint64 id, const Scenario& scenario, const QString& note)
{
    const QByteArray archive = encodeScenarioFile(scenario); // validates the scenario
    QSqlQuery q(project_.database());
    q.prepare(
        QStringLiteral("SELECT coalesce(max(version), 0) + 1 FROM scenario_version WHERE scenario_id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        fail(project_, q);
    const int version = q.value(0).toInt();
    const QString at = now();
    q.prepare(QStringLiteral("INSERT INTO scenario_version (scenario_id, version, saved_at, note, archive) "
                             "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(version);
    q.addBindValue(at);
    q.addBindValue(text(note));
    q.addBindValue(archive);
    if (!q.exec())
        fail(project_, q);
    q.prepare(
        QStringLiteral("UPDATE scenario SET name = ?, description = ?, modified_at = ?, current_version = ? "
                       "WHERE id = ?"));
    q.addBindValue(QString::fromStdString(scenario.name));
    q.addBindValue(QString::fromStdString(scenario.description));
    q.addBindValue(at);
    q.addBindValue(version);
    q.addBindValue(id);
    if (!q.exec())
        fail(project_, q);
    return version;
}

qint64 ScenarioStore::add(const Scenario& scenario, std::optional<qint64> derivedFrom, const QString& preset,
                          const QString& note)
{
    const QString name = QString::fromStdString(scenario.name);
    checkNameFree(name, std::nullopt);
    ProjectStore::Batch t(project_); // rolls back unless committed
    QSqlQuery q(project_.database());
    q.prepare(
        QStringLiteral("INSERT INTO scenario (name, description, created_at, modified_at, derived_from, "
                       "preset, current_version) VALUES (?, ?, ?, ?, ?, ?, 0)"));
    const QString at = now();
    q.addBindValue(name);
    q.addBindValue(text(QString::fromStdString(scenario.description)));
    q.addBindValue(at);
    q.addBindValue(at);
    q.addBindValue(derivedFrom ? QVariant(*derivedFrom) : QVariant());
    q.addBindValue(text(preset));
    if (!q.exec())
        fail(project_, q);
    const qint64 id = q.lastInsertId().toLongLong();
    insertVersion(id, scenario, note.isEmpty() ? QStringLiteral("created") : note);
    t.commit();
    return id;
}

int ScenarioStore::save(qint64 id, const Scenario& scenario, const QString& note)
{
    info(id);
    checkNameFree(QString::fromStdString(scenario.name), id);
    ProjectStore::Batch t(project_); // rolls back unless committed
    const int version = insertVersion(id, scenario, note);
    t.commit();
    return version;
}

Scenario ScenarioStore::load(qint64 id, std::optional<int> version) const
{
    const ScenarioInfo i = info(id);
    QSqlQuery q(project_.database());
    q.prepare(QStringLiteral("SELECT archive FROM scenario_version WHERE scenario_id = ? AND version = ?"));
    q.addBindValue(id);
    q.addBindValue(version ? *version : i.version);
    if (!q.exec() || !q.next())
        throw InputError(project_.path().toStdString() + ": scenario '" + i.name.toStdString() +
                         "' has no version " + std::to_string(version ? *version : i.version));
    // The stored archive goes through the same checks as a file from elsewhere.
    return decodeScenarioFile(q.value(0).toByteArray(),
                              QStringLiteral("%1 (scenario '%2')").arg(project_.path(), i.name));
}

QList<ScenarioVersionInfo> ScenarioStore::history(qint64 id) const
{
    QList<ScenarioVersionInfo> out;
    QSqlQuery q(project_.database());
    q.prepare(QStringLiteral("SELECT version, saved_at, note FROM scenario_version WHERE scenario_id = ? "
                             "ORDER BY version"));
    q.addBindValue(id);
    q.exec();
    while (q.next())
        out << ScenarioVersionInfo{q.value(0).toInt(),
                                   QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs),
                                   q.value(2).toString()};
    return out;
}

int ScenarioStore::restore(qint64 id, int version)
{
    Scenario s = load(id, version);
    s.name = info(id).name.toStdString(); // the name stays what it is now
    return save(id, s, QStringLiteral("restored version %1").arg(version));
}

qint64 ScenarioStore::duplicate(qint64 id, const QString& newName)
{
    Scenario s = load(id);
    s.name = newName.toStdString();
    return add(s, id, info(id).preset, QStringLiteral("copied from '%1'").arg(info(id).name));
}

void ScenarioStore::rename(qint64 id, const QString& newName)
{
    Scenario s = load(id);
    const QString old = QString::fromStdString(s.name);
    s.name = newName.toStdString();
    save(id, s, QStringLiteral("renamed from '%1'").arg(old));
}

void ScenarioStore::remove(qint64 id)
{
    info(id);
    ProjectStore::Batch t(project_); // rolls back unless committed
    QSqlQuery q(project_.database());
    q.prepare(QStringLiteral("DELETE FROM scenario WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        fail(project_, q);
    t.commit();
}

} // namespace sharecast::io
