#include "io/scenario/presets.h"

#include "engine/error.h"
#include "io/json/scenario_json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

static void initPresetResources()
{
    Q_INIT_RESOURCE(presets); // the resource lives in a static library
}

namespace sharecast::io {

namespace {
const QString kPresetDir = QStringLiteral(":/sharecast/presets");
const QString kPrefix = QLatin1String(kPresetPrefix);
} // namespace

QStringList presetNames()
{
    initPresetResources();
    QStringList names;
    const QFileInfoList files =
        QDir(kPresetDir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo& f : files)
        names << f.completeBaseName();
    return names;
}

QByteArray presetJson(const QString& name)
{
    initPresetResources();
    QFile f(kPresetDir + u'/' + name + QStringLiteral(".json"));
    if (name.contains(u'/') || !f.open(QIODevice::ReadOnly))
        throw InputError(InputLocation{{}, 0, "scenario", (kPrefix + name).toStdString(), true},
                         "no such preset; available: " +
                             presetNames().join(QStringLiteral(", ")).toStdString());
    return f.readAll();
}

Scenario loadPreset(const QString& name)
{
    return readScenarioJson(presetJson(name), kPrefix + name);
}

} // namespace sharecast::io
