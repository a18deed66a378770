//! File ▸ Import from Database… walked as a user does, against the real PostgreSQL that
//! with_postgres.sh starts (SHARECAST_PG_URL, SHARECAST_PG_PASSWORD, SHARECAST_PG_PSQL): the
//! sample's members.csv loaded into a table, the dialog filled in by keystrokes, Import clicked.
//! The project's experience must then equal the same file imported with File ▸ Import Data
//! (every cell and aggregate exactly), the password must not be remembered, and a wrong port or a
//! Cancel during the query must show a clear message and leave the project file byte-identical.

#include "io/csv/members_csv.h"
#include "io/project/importer.h"
#include "io/project/project_store.h"
#include "tests/ui/menu_walk.h"
#include "tests/ui/sample_project.h"
#include "ui/document/project_document.h"
#include "ui/workbench/database_import_dialog.h"
#include "ui/workbench/main_window.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace sharecast;
using namespace sharecast::testing;

namespace {

QByteArray fileDigest(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : "";
}

//! Runs psql (as with_postgres.sh gives it) with these arguments; its error output on failure.
QString psql(const QStringList& args)
{
    QStringList command = qEnvironmentVariable("SHARECAST_PG_PSQL").split(u' ', Qt::SkipEmptyParts);
    QProcess p;
    p.start(command.takeFirst(), command + args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return QStringLiteral("psql failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
    return {};
}

} // namespace

class TestDatabaseImport : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;
    QString members_;

    //! A fresh copy of the sample project under name.
    QString freshCopy(const QString& name) const
    {
        return testing::freshCopy(project_, QDir(dir_.path()), name);
    }

    //! File ▸ Import from Database… through the real action: once the dialog is up, `fill` types
    //! into it and Import is clicked; then `during` runs for the modal dialogs that follow
    //! (progress, message box). True when the dialog came up and was answered.
    static bool importThroughMenu(ui::MainWindow& w, const std::function<void(QDialog*)>& fill)
    {
        QAction* action = menuAction(w, QStringLiteral("File"), QStringLiteral("Import from Database…"));
        if (!action)
            return false;
        bool answered = false;
        QTimer::singleShot(0, &w, [&] {
            auto* dialog = qobject_cast<ui::DatabaseImportDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            fill(dialog);
            auto* buttons = dialog->findChild<QDialogButtonBox*>();
            QVERIFY(buttons);
            answered = true;
            QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        action->trigger();
        return answered;
    }

    //! Replaces a field's text by typing, as a user does.
    static void type(QDialog* dialog, const char* field, const QString& text)
    {
        auto* edit = dialog->findChild<QLineEdit*>(QLatin1String(field));
        QVERIFY2(edit, field);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    //! Fills the dialog for url and table with the server's password.
    static std::function<void(QDialog*)> filling(const QString& url, const QString& table,
                                                 const QString& where = {})
    {
        return [=](QDialog* d) {
            type(d, "url", url);
            type(d, "table", table);
            type(d, "where", where);
            type(d, "password", qEnvironmentVariable("SHARECAST_PG_PASSWORD"));
        };
    }

    //! Answers the warning box "Nothing was imported" when it comes up (polled, so that no event
    //! loop is held open meanwhile): keeps its text and closes it.
    static void answerWarning(QString& text)
    {
        auto* poll = new QTimer(qApp);
        poll->setInterval(50);
        QObject::connect(poll, &QTimer::timeout, [poll, &text] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                text = box->text();
                poll->stop();
                poll->deleteLater();
                box->accept();
            }
        });
        poll->start();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("SHARECAST_PG_URL"))
            QFAIL("run under tests/warehouse/with_postgres.sh (it starts the PostgreSQL server)");
        QVERIFY(dir_.isValid());
        isolateUserFiles(QDir(dir_.path()));
        project_ = makeSampleProject(QDir(dir_.path()));
        io::SampleOptions options;
        options.outDir = dir_.filePath(QStringLiteral("members"));
        options.members = 5000;
        io::generateSample(options);
        members_ = options.outDir + QStringLiteral("/members.csv");
        QFile f(members_);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList names = QString::fromUtf8(f.readLine().trimmed()).split(u',');
        QStringList columns;
        for (const QString& n : names)
            columns << n + (n == QLatin1String("year") ? QStringLiteral(" integer")
                            : n.startsWith(QLatin1String("cost_")) || n.startsWith(QLatin1String("util_")) ||
                                    n == QLatin1String("member_months") || n == QLatin1String("risk_score")
                                ? QStringLiteral(" numeric")
                                : QStringLiteral(" text"));
        const QString error =
            psql({QStringLiteral("-c"),
                  QStringLiteral("CREATE TABLE public.ui_members (%1)").arg(columns.join(u',')),
                  QStringLiteral("-c"),
                  QStringLiteral("\\copy public.ui_members FROM '%1' CSV HEADER").arg(members_),
                  QStringLiteral("-c"), QStringLiteral("GRANT SELECT ON public.ui_members TO sharecast")});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    //! The real menu, the real dialog and server: the members aggregated in the database equal the
    //! same rows imported from members.csv through File ▸ Import Data, cell by cell exactly; the
    //! dataset's provenance names the source without a password; the remembered settings keep the
    //! URL and table, never the password.
    void importsThroughTheMenu()
    {
        const QString copy = freshCopy(QStringLiteral("db.sharecast"));
        const QString viaCsv = freshCopy(QStringLiteral("csv.sharecast"));
        ui::MainWindow w;
        QVERIFY(w.openProject(copy));
        QVERIFY(showActive(w));
        const qsizetype before = w.document()->datasets().size();
        const QString url = qEnvironmentVariable("SHARECAST_PG_URL");
        QVERIFY(importThroughMenu(w, filling(url, QStringLiteral("public.ui_members"))));
        QTRY_VERIFY(w.document() != nullptr);
        QCOMPARE(w.document()->datasets().size(), before + 1);
        const io::DatasetInfo d = w.document()->datasets().last();
        QVERIFY(d.kind == io::DatasetKind::Members);
        QVERIFY(d.active);
        QCOMPARE(d.provenance.sourceName, url + QStringLiteral(" table public.ui_members"));
        QCOMPARE(d.provenance.rowCount, qint64(5000));
        QVERIFY(d.provenance.query.contains(QLatin1String("GROUP BY")));

        {
            ui::MainWindow other;
            QVERIFY(other.openProject(viaCsv));
            QCOMPARE(other.importFiles({members_}, false), QString());
        }
        const auto db = io::ProjectStore::openForReading(copy);
        const auto csv = io::ProjectStore::openForReading(viaCsv);
        const qint64 dbId = db->activeDataset(io::DatasetKind::Members)->id;
        const qint64 csvId = csv->activeDataset(io::DatasetKind::Members)->id;
        const ExperienceData a = db->loadExperience(dbId), b = csv->loadExperience(csvId);
        QCOMPARE(a.cosNames, b.cosNames);
        QCOMPARE(a.utilNames, b.utilNames);
        QCOMPARE(a.cells.size(), b.cells.size());
        for (std::size_t i = 0; i < a.cells.size(); ++i) {
            const ExperienceCell &x = a.cells[i], &y = b.cells[i];
            QVERIFY2(
                x.planId == y.planId && x.region == y.region && x.rateCell == y.rateCell &&
                    x.year == y.year && x.memberMonths == y.memberMonths && x.riskScore == y.riskScore &&
                    x.excessOverThreshold == y.excessOverThreshold && x.cost == y.cost && x.util == y.util,
                qPrintable(QStringLiteral("cell %1 (%2 %3) differs")
                               .arg(i)
                               .arg(QString::fromStdString(x.planId), QString::fromStdString(y.planId))));
        }
        const io::MemberAggregates ma = db->loadMemberAggregates(dbId), mb = csv->loadMemberAggregates(csvId);
        QCOMPARE(ma.cells.size(), mb.cells.size());
        for (std::size_t i = 0; i < ma.cells.size(); ++i)
            QVERIFY(ma.cells[i].members == mb.cells[i].members &&
                    ma.cells[i].costSum == mb.cells[i].costSum &&
                    ma.cells[i].costSumSquares == mb.cells[i].costSumSquares &&
                    ma.cells[i].excessSum == mb.cells[i].excessSum &&
                    ma.cells[i].truncatedSum == mb.cells[i].truncatedSum &&
                    ma.cells[i].truncatedSumSquares == mb.cells[i].truncatedSumSquares);

        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("databaseImport/url")).toString(), url);
        QCOMPARE(settings.value(QStringLiteral("databaseImport/table")).toString(),
                 QStringLiteral("public.ui_members"));
        const QString password = qEnvironmentVariable("SHARECAST_PG_PASSWORD");
        for (const QString& key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(password), qPrintable(key));
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(password.toUtf8()));
    }

    //! A wrong port: the warning says the server cannot be reached; nothing changes.
    void badConnectionChangesNothing()
    {
        const QString copy = freshCopy(QStringLiteral("bad.sharecast"));
        ui::MainWindow w;
        QVERIFY(w.openProject(copy));
        QVERIFY(showActive(w));
        const QByteArray digest = fileDigest(copy); // as opened (opening may add its scenario)
        const qsizetype before = w.document()->datasets().size();
        const int port = qEnvironmentVariableIntValue("SHARECAST_PG_PORT");
        const QString url = QStringLiteral("postgresql://sharecast@127.0.0.1:%1/warehouse").arg(port + 1);
        QString warning;
        answerWarning(warning);
        QVERIFY(importThroughMenu(w, filling(url, QStringLiteral("public.ui_members"))));
        QTRY_VERIFY_WITH_TIMEOUT(!warning.isEmpty(), 20000);
        QVERIFY2(warning.startsWith(QStringLiteral("Nothing was imported.")), qPrintable(warning));
        QVERIFY2(
            warning.contains(QStringLiteral("postgresql://sharecast@127.0.0.1:%1/warehouse: cannot connect")
                                 .arg(port + 1)),
            qPrintable(warning));
        QCOMPARE(w.document()->datasets().size(), before);
        QCOMPARE(fileDigest(copy), digest);
    }

    //! Cancel in the progress dialog while the database runs the statement: the query is
    //! cancelled in the server, the message says so, nothing changes.
    void cancelDuringTheQuery()
    {
        const QString copy = freshCopy(QStringLiteral("cancel.sharecast"));
        ui::MainWindow w;
        QVERIFY(w.openProject(copy));
        QVERIFY(showActive(w));
        const QByteArray digest = fileDigest(copy); // as opened (opening may add its scenario)
        QString warning;
        QTimer::singleShot(1500, &w, [&w, &warning] {
            auto* progress = w.findChild<QProgressDialog*>(QStringLiteral("importProgress"));
            QVERIFY(progress && progress->isVisible());
            QTest::mouseClick(progress->findChild<QPushButton*>(), Qt::LeftButton);
            answerWarning(warning);
        });
        QElapsedTimer clock;
        clock.start();
        QVERIFY(importThroughMenu(w, filling(qEnvironmentVariable("SHARECAST_PG_URL"),
                                             QStringLiteral("public.ui_members"),
                                             QStringLiteral("pg_sleep(5) IS NOT NULL"))));
        QTRY_VERIFY_WITH_TIMEOUT(!warning.isEmpty(), 20000);
        QVERIFY2(clock.elapsed() < 8000, "the query was not cancelled in the server");
        QCOMPARE(
            warning,
            QStringLiteral("Nothing was imported.\n\nThe import was cancelled; the project is unchanged."));
        QCOMPARE(fileDigest(copy), digest);
    }
};

QTEST_MAIN(TestDatabaseImport)
#include "tst_database_import.moc"
