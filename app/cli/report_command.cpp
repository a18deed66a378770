#include "cli/report_command.h"

#include "engine/error.h"
#include "io/scenario/presets.h"
#include "io/project/project_store.h"
#include "io/report/report_output.h"
#include "io/project/report_snapshot.h"
#include "io/scenario/scenario_file.h"
#include "io/project/scenario_store.h"
#include "ui/document/project_document.h"
#include "ui/report/report_renderer.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace sharecast::ui {

namespace {

constexpr int kOk = 0, kFailure = 1, kBadInput = 2;

QTextStream& errStream()
{
    static QTextStream s(stderr);
    return s;
}

QTextStream& outStream()
{
    static QTextStream s(stdout);
    return s;
}

int badInput(const QString& message, bool usage = false)
{
    errStream() << "sharecast report: " << message << "\n";
    if (usage)
        errStream() << "\n" << reportCommandUsage() << "\n";
    errStream().flush();
    return kBadInput;
}

int failure(const QString& message)
{
    errStream() << "sharecast report: " << message << "\n";
    errStream().flush();
    return kFailure;
}

//! A scenario named on the command line and where it came from.
struct ResolvedScenario {
    Scenario scenario;
    std::optional<qint64> storedId;
    QString source;
};

//! A scenario of the project by name, else preset:NAME or a scenario file; throws InputError.
ResolvedScenario resolveScenario(io::ProjectStore& store, const QString& projectPath, const QString& argument)
{
    io::ScenarioStore scenarios(store);
    if (const std::optional<io::ScenarioInfo> info = scenarios.find(argument)) {
        return {scenarios.load(info->id), info->id,
                QStringLiteral("stored in the project, version %1 saved %2")
                    .arg(info->version)
                    .arg(info->modified.toTimeZone(QTimeZone::utc())
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))};
    }
    if (argument.startsWith(QStringLiteral("preset:")))
        return {io::loadScenarioArgument(argument), std::nullopt,
                QStringLiteral("bundled preset %1").arg(argument.mid(7))};
    if (QFileInfo(argument).isFile()) {
        const Scenario s = argument.endsWith(QStringLiteral(".sharecast-scenario"))
                               ? io::loadScenarioFile(argument)
                               : io::loadScenarioArgument(argument);
        return {s, std::nullopt, QStringLiteral("scenario file %1").arg(QFileInfo(argument).fileName())};
    }
    QStringList names;
    for (const io::ScenarioInfo& i : scenarios.list())
        names << QStringLiteral("'%1'").arg(i.name);
    throw InputError(QStringLiteral("%1: no scenario named '%2' (the project has %3; or use preset:NAME)")
                         .arg(projectPath, argument,
                              names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")))
                         .toStdString());
}

} // namespace

QString reportCommandUsage()
{
    return QStringLiteral(
        "Usage: sharecast report --project P.sharecast --scenario NAME --pdf OUT.pdf\n"
        "                        [--csv DIR] [--compare NAME] [--public]\n"
        "  --scenario NAME  a scenario stored in the project, preset:NAME, or a scenario file\n"
        "  --pdf OUT.pdf    the briefing (cover, executive summary, settlement, projection, quality,\n"
        "                   assumptions, data provenance, methodology, disclosures)\n"
        "  --csv DIR        also write settlement.csv, projection.csv, assumptions.csv, trace.csv\n"
        "                   (and comparison.csv with --compare) into DIR (created when missing)\n"
        "  --compare NAME   add a comparison with a second scenario\n"
        "  --public         suppress small cells (counts 1-10, figures from fewer than 11 members)\n"
        "The project is only read. Exit status 0 success, 2 bad input, 1 I/O failure.");
}

int runReportCommand(const QStringList& arguments)
{
    QStringList args = arguments;
    if (!args.isEmpty() && args.first() == QLatin1String("report"))
        args.removeFirst();

    QString project, scenarioArg, pdf, csvDir, compareArg;
    bool publicMode = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--public")) {
            publicMode = true;
            continue;
        }
        QString* target = a == QLatin1String("--project")    ? &project
                          : a == QLatin1String("--scenario") ? &scenarioArg
                          : a == QLatin1String("--pdf")      ? &pdf
                          : a == QLatin1String("--csv")      ? &csvDir
                          : a == QLatin1String("--compare")  ? &compareArg
                                                             : nullptr;
        if (!target)
            return badInput(a.startsWith(QLatin1String("--"))
                                ? QStringLiteral("unknown option '%1'").arg(a)
                                : QStringLiteral("unexpected argument '%1'").arg(a),
                            true);
        if (i + 1 >= args.size() || args[i + 1].isEmpty())
            return badInput(QStringLiteral("option '%1' needs a value").arg(a), true);
        if (!target->isEmpty())
            return badInput(QStringLiteral("option '%1' given twice").arg(a), true);
        *target = args[++i];
    }
    if (project.isEmpty() || scenarioArg.isEmpty() || pdf.isEmpty())
        return badInput(QStringLiteral("report needs --project, --scenario and --pdf"), true);
    const QFileInfo pdfInfo(pdf);
    if (!pdfInfo.absoluteDir().exists())
        return badInput(QStringLiteral("%1: the folder does not exist").arg(pdf));
    if (pdfInfo.isDir())
        return badInput(QStringLiteral("%1: is a folder, not a file").arg(pdf));
    if (!csvDir.isEmpty() && QFileInfo(csvDir).exists() && !QFileInfo(csvDir).isDir())
        return badInput(QStringLiteral("%1: is a file, not a folder").arg(csvDir));
    if (!QFileInfo::exists(project))
        return badInput(QStringLiteral("%1: no such project file").arg(project));

    // The charts are widgets: they need a QApplication, made here when there is none.
    std::unique_ptr<QApplication> app;
    if (!QCoreApplication::instance()) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "sharecast";
        static char* argv[] = {name, nullptr};
        app = std::make_unique<QApplication>(argc, argv);
    } else if (!qobject_cast<QApplication*>(QCoreApplication::instance())) {
        return failure(
            QStringLiteral("the report needs a QApplication, but a QCoreApplication already exists; "
                           "run the report command before creating one"));
    }

    QTemporaryDir temp;
    if (!temp.isValid())
        return failure(QStringLiteral("cannot create a temporary folder: %1").arg(temp.errorString()));
    const QString snapshot = temp.filePath(QStringLiteral("project.sharecast"));
    if (const QString problem = io::snapshotProject(project, snapshot); !problem.isEmpty())
        return badInput(problem);

    QList<QPair<QString, QByteArray>> files;
    QStringList problems;
    int pages = 0;
    try {
        ResolvedScenario primary, other;
        {
            const std::unique_ptr<io::ProjectStore> store = io::ProjectStore::open(snapshot);
            primary = resolveScenario(*store, project, scenarioArg);
            if (!compareArg.isEmpty())
                other = resolveScenario(*store, project, compareArg);
        }
        std::unique_ptr<ProjectDocument> doc = ProjectDocument::open(snapshot);
        if (primary.storedId)
            doc->selectScenario(*primary.storedId);
        else
            doc->setScenario(primary.scenario, QStringLiteral("report scenario"));
        doc->recalculate();
        if (!doc->calculationError().isEmpty())
            return badInput(QStringLiteral("scenario '%1': %2").arg(scenarioArg, doc->calculationError()));

        ReportOptions options;
        options.suppressSmallCells = publicMode;
        options.scenarioSource = primary.source;
        options.projectFile = project;
        if (const QByteArray epoch = qgetenv("SOURCE_DATE_EPOCH"); !epoch.isEmpty())
            options.reportDate = QDateTime::fromSecsSinceEpoch(epoch.toLongLong(), QTimeZone::utc()).date();
        if (!compareArg.isEmpty()) {
            options.compare = other.scenario;
            options.compareSource = other.source;
        }
        ReportInfo info;
        const QByteArray bytes = renderReportPdf(*doc, options, &info);
        if (bytes.isEmpty())
            return failure(QStringLiteral("%1: the report could not be drawn").arg(pdf));
        pages = info.pages;
        problems = info.problems;
        files.append({pdf, bytes});
        if (!csvDir.isEmpty())
            for (const auto& [name, csv] : reportCsvFiles(*doc, options))
                files.append({QDir(csvDir).filePath(name), csv});
    } catch (const InputError& e) {
        return badInput(QString::fromStdString(e.what()));
    } catch (const io::ProjectError& e) {
        return badInput(QString::fromStdString(e.what()));
    }

    const bool csvDirExisted = csvDir.isEmpty() || QFileInfo(csvDir).isDir();
    if (!csvDirExisted && !QDir().mkpath(csvDir))
        return failure(QStringLiteral("%1: cannot create the folder").arg(csvDir));
    if (const QString problem = io::writeReportFiles(files); !problem.isEmpty()) {
        if (!csvDirExisted)
            QDir().rmdir(csvDir); // only the folder made here, and only while it is empty
        return failure(problem);
    }
    for (const QString& p : problems)
        errStream() << "warning: " << p << "\n";
    outStream() << QStringLiteral("wrote %1 (%2 pages)\n").arg(pdf).arg(pages);
    for (int i = 1; i < files.size(); ++i)
        outStream() << QStringLiteral("wrote %1\n").arg(files[i].first);
    outStream().flush();
    errStream().flush();
    return kOk;
}

} // namespace sharecast::ui
