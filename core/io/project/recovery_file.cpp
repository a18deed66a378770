#include "io/project/recovery_file.h"

#include "engine/error.h"
#include "io/json/json.h"
#include "io/json/scenario_json.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMutex>
#include <QStandardPaths>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>

namespace sharecast::io {

namespace {

constexpr char kFormat[] = "sharecast-recovery";

QMutex directoryMutex;
QString directoryOverride; //!< setRecoveryDirectory(); empty: the per-user default

[[noreturn]] void fail(const QString& file, const JsonValue* at, const std::string& key,
                       const std::string& reason)
{
    throw InputError(InputLocation{file.toStdString(), at ? at->line : 0, key, {}, false}, reason);
}

//! The member `key` of the file's root object; a missing one is an error naming the key.
const JsonValue& member(const JsonValue& root, const char* key, const QString& file)
{
    const JsonValue* v = root.find(key);
    if (!v)
        fail(file, &root, key, "the key is missing");
    return *v;
}

const JsonValue& typed(const JsonValue& root, const char* key, JsonType type, const QString& file)
{
    const JsonValue& v = member(root, key, file);
    if (v.type != type)
        fail(file, &v, key, std::string("expected ") + describe(type) + ", found " + describe(v.type));
    return v;
}

//! A whole number within [min, max].
qint64 whole(const JsonValue& root, const char* key, qint64 min, qint64 max, const QString& file)
{
    const JsonValue& v = typed(root, key, JsonType::Number, file);
    if (v.number != std::floor(v.number) || v.number < static_cast<double>(min) ||
        v.number > static_cast<double>(max))
        fail(file, &v, key,
             "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return static_cast<qint64>(v.number);
}

QString text(const JsonValue& root, const char* key, const QString& file)
{
    return QString::fromStdString(typed(root, key, JsonType::String, file).text);
}

//! A time written by timeText(); null stands for "none" where allowNull.
QDateTime time(const JsonValue& root, const char* key, bool allowNull, const QString& file)
{
    const JsonValue& v = member(root, key, file);
    if (allowNull && v.isNull())
        return {};
    if (v.type != JsonType::String)
        fail(file, &v, key, std::string("expected a time (a string), found ") + describe(v.type));
    QDateTime t = QDateTime::fromString(QString::fromStdString(v.text), Qt::ISODateWithMs);
    if (!t.isValid())
        fail(file, &v, key, "'" + v.text + "' is not a time (ISO 8601)");
    return t.toUTC();
}

JsonValue timeText(const QDateTime& t)
{
    return t.isValid() ? JsonValue::fromString(t.toUTC().toString(Qt::ISODateWithMs).toStdString())
                       : JsonValue{};
}

//! A file-name-safe spelling of the project's file name (for people looking into the folder).
QString readableStem(const QString& canonical)
{
    QString stem;
    for (const QChar ch : QFileInfo(canonical).completeBaseName())
        if (stem.size() < 40)
            stem += (ch.isLetterOrNumber() && ch.unicode() < 128) || ch == u'_' ? ch : QChar(u'_');
    return stem.isEmpty() ? QStringLiteral("project") : stem;
}

//! The part of a recovery file's name that names its project: a hash of the canonical path.
QString projectKey(const QString& canonical)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

QString lockPathOf(const QString& file)
{
    return file + QStringLiteral(".lock");
}

std::unique_ptr<QLockFile> takeLock(const QString& file)
{
    auto lock = std::make_unique<QLockFile>(lockPathOf(file));
    lock->setStaleLockTime(0); // stale only when its process is gone, never by its age
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}

} // namespace

QByteArray encodeRecoveryFile(const RecoveryState& state)
{
    JsonValue root = JsonValue::makeObject();
    root.add("format", JsonValue::fromString(kFormat));
    root.add("format_version", JsonValue::fromNumber(kRecoveryFormatVersion));
    root.add("project", JsonValue::fromString(state.projectPath.toStdString()));
    root.add("saved_at", timeText(state.savedAt));
    root.add("pid", JsonValue::fromNumber(static_cast<double>(state.pid)));
    root.add("host", JsonValue::fromString(state.host.toStdString()));
    root.add("scenario_id",
             state.scenarioId ? JsonValue::fromNumber(static_cast<double>(*state.scenarioId)) : JsonValue{});
    root.add("stored_name", JsonValue::fromString(state.storedName.toStdString()));
    root.add("new_scenario", JsonValue::fromBool(state.newScenario));
    root.add("based_on_version", JsonValue::fromNumber(state.basedOnVersion));
    root.add("based_on_saved_at", timeText(state.basedOnSavedAt));
    root.add("scenario", scenarioToJson(state.scenario));
    const std::string bytes = writeJson(root);
    return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

RecoveryState decodeRecoveryFile(const QByteArray& bytes, const QString& fileName)
{
    if (bytes.isEmpty())
        fail(fileName, nullptr, {}, "the file is empty");
    JsonLimits limits;
    limits.maxBytes = static_cast<std::size_t>(kMaxRecoveryFileBytes);
    const JsonValue root =
        parseJson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                  fileName.toStdString(), limits);
    if (root.type != JsonType::Object)
        fail(fileName, &root, {}, "not a Sharecast recovery file (expected a JSON object)");
    if (const JsonValue* format = root.find("format"); !format || format->text != kFormat)
        fail(fileName, format ? format : &root, "format", "not a Sharecast recovery file");
    const qint64 version = whole(root, "format_version", 1, std::numeric_limits<int>::max(), fileName);
    if (version > kRecoveryFormatVersion)
        fail(fileName, root.find("format_version"), "format_version",
             "written by a newer Sharecast (format version " + std::to_string(version) +
                 "); this version reads up to " + std::to_string(kRecoveryFormatVersion));

    RecoveryState s;
    s.projectPath = text(root, "project", fileName);
    if (s.projectPath.isEmpty())
        fail(fileName, root.find("project"), "project", "the project's path is empty");
    s.savedAt = time(root, "saved_at", false, fileName);
    s.pid = whole(root, "pid", 0, std::numeric_limits<qint32>::max(), fileName);
    s.host = text(root, "host", fileName);
    if (const JsonValue& id = member(root, "scenario_id", fileName); !id.isNull())
        s.scenarioId = whole(root, "scenario_id", 1, qint64{1} << 53, fileName);
    s.storedName = text(root, "stored_name", fileName);
    s.newScenario = typed(root, "new_scenario", JsonType::Bool, fileName).boolean;
    if (s.newScenario == s.scenarioId.has_value())
        fail(fileName, root.find("new_scenario"), "new_scenario",
             s.newScenario ? "a new scenario has no scenario_id" : "a stored scenario needs its scenario_id");
    s.basedOnVersion =
        static_cast<int>(whole(root, "based_on_version", 0, std::numeric_limits<int>::max(), fileName));
    s.basedOnSavedAt = time(root, "based_on_saved_at", true, fileName);
    s.scenario = readScenarioJson(typed(root, "scenario", JsonType::Object, fileName), fileName);
    return s;
}

RecoveryState readRecoveryFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        fail(path, nullptr, {}, "the recovery file does not exist");
    if (info.size() > kMaxRecoveryFileBytes)
        fail(path, nullptr, {}, "the file is larger than a recovery file can be and is not read");
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        fail(path, nullptr, {}, "cannot open the recovery file: " + f.errorString().toStdString());
    const QByteArray bytes = f.read(kMaxRecoveryFileBytes + 1);
    if (f.error() != QFileDevice::NoError)
        fail(path, nullptr, {}, "cannot read the recovery file: " + f.errorString().toStdString());
    return decodeRecoveryFile(bytes, path);
}

QString recoveryDirectory()
{
    {
        QMutexLocker guard(&directoryMutex);
        if (!directoryOverride.isEmpty())
            return directoryOverride;
    }
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

void setRecoveryDirectory(const QString& path)
{
    QMutexLocker guard(&directoryMutex);
    directoryOverride = path.isEmpty() ? QString() : QDir(path).absolutePath();
}

QString canonicalProjectPath(const QString& projectPath)
{
    const QFileInfo info(projectPath);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

// ---------------------------------------------------------------------------------------------

OwnRecoveryFile::OwnRecoveryFile(const QString& projectPath) : project_(canonicalProjectPath(projectPath)) {}

OwnRecoveryFile::~OwnRecoveryFile()
{
    discard();
}

QString OwnRecoveryFile::claim()
{
    if (!path_.isEmpty())
        return path_;
    const QDir dir(recoveryDirectory());
    if (!dir.mkpath(QStringLiteral("."))) {
        error_ = QStringLiteral("%1: cannot create the folder for autosaved edits").arg(dir.path());
        return {};
    }
    const QString stem = QStringLiteral("%1-%2-%3")
                             .arg(readableStem(project_), projectKey(project_))
                             .arg(QCoreApplication::applicationPid());
    for (int n = 1; n <= 1000; ++n) {
        const QString candidate =
            dir.filePath(QStringLiteral("%1-%2.%3").arg(stem).arg(n).arg(QLatin1String(kRecoveryFileSuffix)));
        // A file there is another window's, or one left by an earlier process with this id: both
        // stay as they are (the latter is offered when its project is opened).
        if (QFileInfo::exists(candidate))
            continue;
        std::unique_ptr<QLockFile> lock = takeLock(candidate);
        if (!lock || QFileInfo::exists(candidate))
            continue;
        path_ = candidate;
        lock_ = std::move(lock);
        error_.clear();
        return path_;
    }
    error_ = QStringLiteral("%1: cannot take a file name for autosaved edits").arg(dir.path());
    return {};
}

void OwnRecoveryFile::discard()
{
    if (path_.isEmpty())
        return;
    QFile::remove(path_); // first the file, then its lock: a file is never there unlocked
    lock_.reset();
    path_.clear();
}

// ---------------------------------------------------------------------------------------------

OrphanedRecovery::OrphanedRecovery(QString path, std::unique_ptr<QLockFile> lock)
    : path_(std::move(path)), lock_(std::move(lock))
{
}

OrphanedRecovery::~OrphanedRecovery() = default;

std::vector<std::unique_ptr<OrphanedRecovery>> OrphanedRecovery::claim(const QString& projectPath)
{
    std::vector<std::unique_ptr<OrphanedRecovery>> found;
    const QDir dir(recoveryDirectory());
    const QString suffix = QLatin1String(kRecoveryFileSuffix);
    const QString pattern =
        projectPath.isEmpty()
            ? QStringLiteral("*.%1").arg(suffix)
            : QStringLiteral("*-%1-*.%2").arg(projectKey(canonicalProjectPath(projectPath)), suffix);
    for (const QFileInfo& file : dir.entryInfoList({pattern}, QDir::Files, QDir::Time)) {
        std::unique_ptr<QLockFile> lock = takeLock(file.absoluteFilePath());
        if (!lock)
            continue; // its workbench is alive (or the lock cannot be taken): not ours to offer
        if (!QFileInfo::exists(file.absoluteFilePath()))
            continue; // its owner removed it meanwhile
        found.push_back(std::unique_ptr<OrphanedRecovery>(
            new OrphanedRecovery(file.absoluteFilePath(), std::move(lock))));
    }
    return found;
}

RecoveryState OrphanedRecovery::read() const
{
    return readRecoveryFile(path_);
}

void OrphanedRecovery::remove()
{
    QFile::remove(path_);
    lock_.reset();
}

QString OrphanedRecovery::setAside()
{
    const QDir aside(QDir(recoveryDirectory()).filePath(QStringLiteral("set-aside")));
    if (!aside.mkpath(QStringLiteral(".")))
        return {};
    const QFileInfo info(path_);
    QString target = aside.filePath(info.fileName());
    for (int n = 2; QFileInfo::exists(target); ++n)
        target =
            aside.filePath(QStringLiteral("%1-%2.%3").arg(info.completeBaseName()).arg(n).arg(info.suffix()));
    if (!QFile::rename(path_, target))
        return {};
    lock_.reset();
    return target;
}

} // namespace sharecast::io
