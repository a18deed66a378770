#include "cli/command_support.h"

#include "cli/arguments.h"
#include "cli/command.h"
#include "engine/error.h"
#include "io/atomic_file.h"
#include "io/csv/csv_writer.h"
#include "io/csv/experience_csv.h"
#include "io/csv/partnerships_csv.h"
#include "io/csv/quality_csv.h"
#include "io/project/project_store.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace sharecast::cli {

Inputs loadInputs(io::ProjectStore* store, const QString& experiencePath, const QString& qualityPath)
{
    Inputs in;
    if (store) {
        const std::optional<io::DatasetInfo> active = store->activeDataset(io::DatasetKind::Experience);
        if (!active)
            throw InputError(store->path().toStdString() + ": the project has no experience data");
        in.experience = store->loadExperience(active->id);
        if (const std::optional<io::DatasetInfo> q = store->activeDataset(io::DatasetKind::Quality)) {
            in.quality = store->loadQuality(q->id);
            in.hasQuality = true;
        }
    } else {
        in.experience = io::readExperienceFile(experiencePath);
        in.hasQuality = !qualityPath.isEmpty();
        if (in.hasQuality)
            in.quality = io::readQualityFile(qualityPath);
    }
    return in;
}

Inputs loadInputs(io::ProjectStore* project, const Arguments& a)
{
    return loadInputs(project, a.value(QStringLiteral("experience")), a.value(QStringLiteral("quality")));
}

void loadPartnerships(Inputs& inputs, io::ProjectStore* store, const Arguments& a)
{
    const QString path = a.value(QStringLiteral("partnerships"));
    if (!path.isEmpty()) {
        if (store)
            throw InputError(
                "--partnerships goes with --experience; a project brings its own partnerships data");
        inputs.partnerships = io::readPartnershipsFile(path);
        inputs.hasPartnerships = true;
    } else if (store) {
        if (const std::optional<io::DatasetInfo> p = store->activeDataset(io::DatasetKind::Partnerships)) {
            inputs.partnerships = store->loadPartnerships(p->id);
            inputs.hasPartnerships = true;
        }
    }
}

SettlementOptions settlementOptions(const Arguments& a, bool trace)
{
    SettlementOptions options;
    if (const std::optional<long long> year = a.integer(QStringLiteral("year"), QStringLiteral("a year")))
        options.year = static_cast<Year>(*year);
    options.trace = trace;
    return options;
}

void checkOutputPath(const QString& path)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        throw InputError(QStringLiteral("%1: the folder does not exist").arg(path).toStdString());
    if (info.isDir())
        throw InputError(QStringLiteral("%1: is a folder, not a file").arg(path).toStdString());
}

void writeOutput(const QString& path, const QByteArray& bytes)
{
    if (const QString problem = io::writeFileAtomically(path, bytes); !problem.isEmpty())
        throw OutputError(problem);
}

QString warningsText(const std::vector<std::string>& warnings)
{
    QString text;
    for (const std::string& w : warnings)
        text += QStringLiteral("warning: %1\n").arg(QString::fromStdString(w));
    return text;
}

std::vector<Year> parseProgramYears(const QString& text, const QString& option)
{
    constexpr int kMaxYears = 50;
    const auto bad = [&](const QString& why) {
        return UsageError(QStringLiteral("%1 '%2': %3 (a range 2022-2024, a year 2023 or a list 2022,2024)")
                              .arg(option, text, why));
    };
    const auto year = [&](const QString& item) {
        bool ok = false;
        const int y = item.trimmed().toInt(&ok);
        if (!ok || y < 1 || y > 9999)
            throw bad(QStringLiteral("'%1' is not a year").arg(item));
        return static_cast<Year>(y);
    };
    std::vector<Year> years;
    const QStringList range = text.split(u'-');
    if (range.size() == 2) {
        const Year first = year(range[0]);
        const Year last = year(range[1]);
        if (last < first)
            throw bad(QStringLiteral("the range ends before it starts"));
        if (last - first >= kMaxYears)
            throw bad(QStringLiteral("more than %1 years").arg(kMaxYears));
        for (Year y = first; y <= last; ++y)
            years.push_back(y);
        return years;
    }
    for (const QString& item : text.split(u','))
        years.push_back(year(item));
    std::sort(years.begin(), years.end());
    if (const auto twice = std::adjacent_find(years.begin(), years.end()); twice != years.end())
        throw bad(QStringLiteral("%1 is given twice").arg(*twice));
    if (years.size() > static_cast<std::size_t>(kMaxYears))
        throw bad(QStringLiteral("more than %1 years").arg(kMaxYears));
    return years;
}

double parseNumber(const QString& text, const QString& option, const QString& spec)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        throw UsageError(QStringLiteral("%1 '%2': '%3' is not a number").arg(option, spec, text));
    return v;
}

KeySpec parseKeySpec(const QString& spec, const QString& option, int parts, bool rangeOptional)
{
    const qsizetype eq = spec.lastIndexOf(u'=');
    KeySpec k;
    if (eq < 0) {
        if (!rangeOptional)
            throw UsageError(
                QStringLiteral("%1 '%2' needs a range: KEY=%3")
                    .arg(option, spec,
                         parts == 3 ? QStringLiteral("LOW:HIGH:N") : QStringLiteral("LOW:HIGH")));
        k.key = spec.toStdString();
        return k;
    }
    k.key = spec.left(eq).toStdString();
    const QStringList values = spec.mid(eq + 1).split(u':');
    if (values.size() != parts)
        throw UsageError(
            QStringLiteral("%1 '%2': expected KEY=%3")
                .arg(option, spec, parts == 3 ? QStringLiteral("LOW:HIGH:N") : QStringLiteral("LOW:HIGH")));
    for (const QString& v : values)
        k.numbers.push_back(parseNumber(v, option, spec));
    if (k.key.empty())
        throw UsageError(QStringLiteral("%1 '%2' names no key").arg(option, spec));
    return k;
}

std::vector<io::SensitivityKey> parseVaryKeys(const QStringList& specs, const QString& option)
{
    std::vector<io::SensitivityKey> keys;
    for (const QString& spec : specs) {
        const KeySpec k = parseKeySpec(spec, option, 2, true);
        if (std::any_of(keys.begin(), keys.end(),
                        [&](const io::SensitivityKey& x) { return x.key == k.key; }))
            throw UsageError(QStringLiteral("%1 names %2 twice").arg(option, QString::fromStdString(k.key)));
        io::SensitivityKey key{k.key, {}, {}};
        if (!k.numbers.empty()) {
            key.low = k.numbers[0];
            key.high = k.numbers[1];
        }
        keys.push_back(key);
    }
    return keys;
}

} // namespace sharecast::cli
