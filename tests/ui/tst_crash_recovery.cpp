//! Crash recovery in the workbench, driven through its real widgets on the offscreen platform: an
//! edit in the Assumptions panel is autosaved a few seconds later (not on every keystroke); a
//! workbench that ends without closing leaves that file, and the next one that opens the project
//! offers the edits (Recover puts them back as unsaved edits with a working undo, the project
//! file untouched; Discard deletes them); saving, undoing, a clean close remove the file; a
//! damaged file, or one whose project is gone, is reported and set aside; two windows on one
//! project keep to their own files.
//!
//! "A crash" here: the window is destroyed (which, as a clean close, removes its file) and the
//! bytes its file held are put back where they were, unlocked, as a killed process leaves them.
//! With SHARECAST_SCREENSHOT_DIR set, the recovery question is also saved there as a picture.

#include "io/project/recovery_file.h"
#include "io/project/scenario_store.h"
#include "tests/ui/sample_project.h"
#include "ui/assumptions/assumptions_panel.h"
#include "ui/document/autosave.h"
#include "ui/document/project_document.h"
#include "ui/workbench/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <chrono>
#include <functional>

using namespace sharecast;
using namespace std::chrono_literals;

namespace {

//! One message box as the user saw it, and the button pressed.
struct Asked {
    QString objectName, text, informative, defaultButton;
};

QByteArray bytesOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

//! The recovery files (and their locks) in the recovery folder, set-aside ones not counted.
QStringList recoveryFolder()
{
    return QDir(io::recoveryDirectory()).entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestCrashRecovery : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    //! A fresh copy of the sample project under name.
    QString freshCopy(const QString& name) const
    {
        return testing::freshCopy(project_, QDir(dir_.path()), name);
    }

    //! Runs act, answering each message box it brings up with the next of `buttons` (a button's
    //! object name, or a standard button's name: Ok, Save, Discard, Cancel); a box beyond them
    //! is rejected, so that a test fails rather than hangs. Returns what the boxes said.
    static QList<Asked> answering(const QStringList& buttons, const std::function<void()>& act,
                                  const char* screenshot = nullptr)
    {
        QList<Asked> asked;
        QTimer poll;
        poll.setInterval(10);
        QObject::connect(&poll, &QTimer::timeout, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || !box->isVisible())
                return;
            const QString dir = qEnvironmentVariable("SHARECAST_SCREENSHOT_DIR");
            if (screenshot && asked.isEmpty() && !dir.isEmpty())
                box->grab().save(dir + u'/' + QLatin1String(screenshot));
            Asked a{box->objectName(), box->text(), box->informativeText(),
                    box->defaultButton() ? box->defaultButton()->objectName() : QString()};
            const QString name = buttons.value(asked.size());
            asked << a;
            QAbstractButton* button = box->findChild<QPushButton*>(name);
            const std::pair<const char*, QMessageBox::StandardButton> standard[] = {
                {"Ok", QMessageBox::Ok},
                {"Save", QMessageBox::Save},
                {"Discard", QMessageBox::Discard},
                {"Cancel", QMessageBox::Cancel}};
            for (const auto& [text, which] : standard)
                if (!button && name == QLatin1String(text))
                    button = box->button(which);
            if (button)
                button->click();
            else
                box->reject();
        });
        poll.start();
        act();
        return asked;
    }

    //! The weight of measure CBP in the scenario.
    static double cbpWeight(const Scenario& s)
    {
        for (const QualityMeasure& m : s.quality.measures)
            if (m.id == "CBP")
                return m.weight;
        return -1.0;
    }

    //! Types a weight for CBP into the Assumptions panel's field and presses Enter, as a user does.
    static void typeCbpWeight(ui::MainWindow& w, const QString& typed)
    {
        auto* weight = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("weight_CBP"));
        QVERIFY(weight);
        weight->clear();
        QTest::keyClicks(weight, typed);
        QTest::keyClick(weight, Qt::Key_Enter);
    }

    //! Waits until the window's edits are autosaved; returns the file (empty after 10 s without).
    static QString waitForAutosave(ui::MainWindow& w)
    {
        ui::Autosaver* autosaver = w.autosaver();
        const auto done = [autosaver] { return !autosaver->isPending() && QFile::exists(autosaver->path()); };
        QDeadlineTimer deadline(10000);
        while (autosaver && !done() && !deadline.hasExpired())
            QTest::qWait(10);
        return autosaver && done() ? autosaver->path() : QString();
    }

    //! Opens the project, edits CBP's weight to `typed` through the panel, waits for the autosave
    //! and ends the window as a crash would: its recovery file stays, as it was. Returns the file.
    QString crashWhileEditing(const QString& project, const QString& typed)
    {
        QString left;
        QByteArray bytes;
        {
            ui::MainWindow w;
            w.setAutosaveDelay(50ms);
            if (!w.openProject(project))
                return {};
            typeCbpWeight(w, typed);
            left = waitForAutosave(w);
            bytes = bytesOf(left);
        }
        if (left.isEmpty() || QFile::exists(left) || bytes.isEmpty() || !writeBytes(left, bytes))
            return {};
        return left;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        testing::isolateUserFiles(QDir(dir_.path()));
        project_ = testing::makeSampleProject(QDir(dir_.path()));
    }

    void init() { QDir(io::recoveryDirectory()).removeRecursively(); }

    //! An edit in the panel is written a few seconds later, once for a burst of edits, and holds
    //! the edited value with what it is based on.
    void anEditIsAutosavedAfterAPause()
    {
        const QString copy = freshCopy(QStringLiteral("autosave.sharecast"));
        ui::MainWindow w;
        w.setAutosaveDelay(300ms);
        QVERIFY(w.openProject(copy));
        QCOMPARE(qint64(ui::Autosaver::kDelay.count()), qint64(3000)); // "a few seconds"
        QSignalSpy written(w.autosaver(), &ui::Autosaver::written);
        typeCbpWeight(w, QStringLiteral("2"));
        typeCbpWeight(w, QStringLiteral("2.5"));
        typeCbpWeight(w, QStringLiteral("3"));
        QCOMPARE(cbpWeight(w.document()->scenario()), 3.0);
        QVERIFY(w.autosaver()->isPending());
        QVERIFY(w.autosaver()->path().isEmpty()); // nothing written on the keystrokes themselves
        QVERIFY(recoveryFolder().isEmpty());

        const QString file = waitForAutosave(w);
        QVERIFY(!file.isEmpty());
        QTest::qWait(400);
        QCOMPARE(written.count(), 1); // one write for the burst
        QCOMPARE(QFileInfo(file).absolutePath(), QDir(io::recoveryDirectory()).absolutePath());
        const io::RecoveryState state = io::readRecoveryFile(file);
        QCOMPARE(cbpWeight(state.scenario), 3.0);
        QCOMPARE(state.projectPath, io::canonicalProjectPath(copy));
        QCOMPARE(state.storedName, QString::fromStdString(w.document()->scenario().name));
        QVERIFY(!state.newScenario);
        QVERIFY(state.scenarioId && state.scenarioId == w.document()->scenarioId());
        QCOMPARE(state.basedOnVersion, 1);
        QVERIFY(qAbs(state.savedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(state.pid, QCoreApplication::applicationPid());

        // Undo back to the saved scenario: nothing is left to recover.
        while (w.document()->undoStack()->canUndo())
            w.document()->undoStack()->undo();
        QVERIFY(!w.document()->isModified());
        QVERIFY(!QFile::exists(file));
    }

    //! The next workbench offers the edits; Recover puts them back unsaved, with undo, and writes
    //! nothing to the project until the user saves.
    void recoverPutsTheEditsBackUnsaved()
    {
        const QString copy = freshCopy(QStringLiteral("recover.sharecast"));
        const QString left = crashWhileEditing(copy, QStringLiteral("3"));
        QVERIFY(!left.isEmpty());
        const QByteArray before = bytesOf(copy); // as the crash left it

        ui::MainWindow w;
        w.setAutosaveDelay(50ms);
        const QList<Asked> asked = answering(
            {QStringLiteral("recoverEdits")}, [&] { QVERIFY(w.openProject(copy)); }, "recovery-question.png");
        QCOMPARE(asked.size(), 1);
        const Asked& q = asked.first();
        QCOMPARE(q.objectName, QStringLiteral("recoverEditsQuestion"));
        QVERIFY2(
            q.text.startsWith(QStringLiteral("Sharecast closed unexpectedly while you were editing scenario "
                                             "“Medi-Cal Straw Proposal 7” of project recover.sharecast "
                                             "(last autosaved at ")),
            qPrintable(q.text));
        QVERIFY2(q.text.endsWith(QStringLiteral("Recover these edits?")), qPrintable(q.text));
        QCOMPARE(q.defaultButton, QStringLiteral("recoverEdits"));
        QVERIFY2(q.informative.contains(QStringLiteral("the project file is not changed until you save")),
                 qPrintable(q.informative));

        ui::ProjectDocument* doc = w.document();
        QCOMPARE(cbpWeight(doc->scenario()), 3.0);
        auto* weight = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("weight_CBP"));
        QCOMPARE(weight->value(), 3.0); // the panel shows it
        QVERIFY(doc->isModified());
        QVERIFY(w.isWindowModified()); // the title's *
        QCOMPARE(bytesOf(copy), before);
        QVERIFY(!QFile::exists(left));                 // taken over by this window:
        QVERIFY(QFile::exists(w.autosaver()->path())); // in its own file at once
        QCOMPARE(cbpWeight(io::readRecoveryFile(w.autosaver()->path()).scenario), 3.0);

        // Undo goes back to the project's scenario, redo to the recovered edits.
        QCOMPARE(doc->undoStack()->count(), 1);
        doc->undoStack()->undo();
        QCOMPARE(cbpWeight(doc->scenario()), 1.0);
        QVERIFY(!w.isWindowModified());
        doc->undoStack()->redo();
        QCOMPARE(cbpWeight(doc->scenario()), 3.0);
        QVERIFY(w.isWindowModified());
        QCOMPARE(bytesOf(copy), before);

        // Saving keeps them in the project, and leaves nothing to recover.
        const QString own = waitForAutosave(w);
        QAction* save = nullptr;
        for (QAction* m : w.menuBar()->actions())
            if (m->text().remove(u'&') == QLatin1String("File"))
                for (QAction* a : m->menu()->actions())
                    if (a->text().remove(u'&') == QLatin1String("Save Scenario"))
                        save = a;
        QVERIFY(save);
        save->trigger();
        QVERIFY(!doc->isModified());
        QVERIFY(!QFile::exists(own));
        QVERIFY(bytesOf(copy) != before);
        ui::MainWindow again;
        QVERIFY(answering({}, [&] { QVERIFY(again.openProject(copy)); }).isEmpty());
        QCOMPARE(cbpWeight(again.document()->scenario()), 3.0);
    }

    void discardDeletesTheAutosavedEdits()
    {
        const QString copy = freshCopy(QStringLiteral("discard.sharecast"));
        const QString left = crashWhileEditing(copy, QStringLiteral("3"));
        QVERIFY(!left.isEmpty());
        const QByteArray before = bytesOf(copy); // as the crash left it
        ui::MainWindow w;
        QCOMPARE(answering({QStringLiteral("discardEdits")}, [&] { QVERIFY(w.openProject(copy)); }).size(),
                 1);
        QVERIFY(!QFile::exists(left));
        QVERIFY(!w.document()->isModified());
        QCOMPARE(cbpWeight(w.document()->scenario()), 1.0);
        QCOMPARE(bytesOf(copy), before);
        QVERIFY(recoveryFolder().isEmpty());
        ui::MainWindow again; // not offered again
        QVERIFY(answering({}, [&] { QVERIFY(again.openProject(copy)); }).isEmpty());
    }

    //! Closing the window cleanly leaves no file, whether the edits are saved or discarded.
    void aCleanCloseLeavesNothing()
    {
        for (const char* answer : {"Discard", "Save"}) {
            const QString copy = freshCopy(QStringLiteral("close.sharecast"));
            ui::MainWindow w;
            w.setAutosaveDelay(50ms);
            QVERIFY(w.openProject(copy));
            w.show();
            typeCbpWeight(w, QStringLiteral("3"));
            QVERIFY(!waitForAutosave(w).isEmpty());
            QVERIFY(!recoveryFolder().isEmpty());
            const QList<Asked> asked = answering({QLatin1String(answer)}, [&] { QVERIFY(w.close()); });
            QCOMPARE(asked.size(), 1); // "Save them in the project?"
            QVERIFY2(recoveryFolder().isEmpty(), qPrintable(recoveryFolder().join(u' ')));
        }
    }

    //! A file that cannot be read is said so, moved aside (kept), and the project opens as it is.
    void aDamagedFileIsReportedAndSetAside()
    {
        const QString copy = freshCopy(QStringLiteral("damaged.sharecast"));
        const QString left = crashWhileEditing(copy, QStringLiteral("3"));
        QVERIFY(!left.isEmpty());
        const QByteArray damaged = bytesOf(left).left(200);
        QVERIFY(writeBytes(left, damaged));

        ui::MainWindow w;
        const QList<Asked> asked = answering({QStringLiteral("Ok")}, [&] { QVERIFY(w.openProject(copy)); });
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().objectName, QStringLiteral("unrecoverableEdits"));
        QVERIFY2(
            asked.first().text.contains(QStringLiteral("autosaved edits of project damaged.sharecast but "
                                                       "cannot read them")),
            qPrintable(asked.first().text));
        QVERIFY2(asked.first().text.contains(left), qPrintable(asked.first().text)); // the reader's error
        const QString aside =
            QDir(io::recoveryDirectory()).filePath(QStringLiteral("set-aside/") + QFileInfo(left).fileName());
        QVERIFY2(asked.first().informative.contains(QDir::toNativeSeparators(aside)),
                 qPrintable(asked.first().informative));
        QVERIFY(!QFile::exists(left));
        QCOMPARE(bytesOf(aside), damaged);
        QVERIFY(!w.document()->isModified());
        ui::MainWindow again; // set aside: never offered again
        QVERIFY(answering({}, [&] { QVERIFY(again.openProject(copy)); }).isEmpty());
    }

    //! Edits older than the project's last save of the scenario are not offered: set aside.
    void editsOlderThanTheLastSaveAreNotOffered()
    {
        const QString copy = freshCopy(QStringLiteral("older.sharecast"));
        const QString left = crashWhileEditing(copy, QStringLiteral("3"));
        QVERIFY(!left.isEmpty());
        QTest::qWait(20); // the save below is later than the autosave
        {
            auto store = io::ProjectStore::open(copy);
            io::ScenarioStore scenarios(*store);
            const io::ScenarioInfo info = scenarios.list().front();
            Scenario s = scenarios.load(info.id);
            s.description = "saved by another workbench";
            scenarios.save(info.id, s);
        }
        ui::MainWindow w;
        QVERIFY(answering({}, [&] { QVERIFY(w.openProject(copy)); }).isEmpty());
        QVERIFY(!QFile::exists(left));
        QVERIFY(QFile::exists(QDir(io::recoveryDirectory())
                                  .filePath(QStringLiteral("set-aside/") + QFileInfo(left).fileName())));
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("set aside")),
                 qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(!w.document()->isModified());
    }

    //! A scenario that was not in the project yet comes back as an unsaved scenario of its own.
    void aNewScenarioComesBackUnsaved()
    {
        const QString copy = freshCopy(QStringLiteral("new.sharecast"));
        const QString left = crashWhileEditing(copy, QStringLiteral("3"));
        QVERIFY(!left.isEmpty());
        io::RecoveryState state = io::readRecoveryFile(left);
        state.scenarioId.reset();
        state.newScenario = true;
        state.basedOnVersion = 0;
        state.basedOnSavedAt = {};
        state.storedName.clear();
        state.scenario.name = "Recovered draft";
        QVERIFY(writeBytes(left, io::encodeRecoveryFile(state)));

        ui::MainWindow w;
        const QList<Asked> asked =
            answering({QStringLiteral("recoverEdits")}, [&] { QVERIFY(w.openProject(copy)); });
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().text.contains(QStringLiteral("scenario “Recovered draft”")),
                 qPrintable(asked.first().text));
        QVERIFY2(asked.first().informative.contains(QStringLiteral("not in the project yet")),
                 qPrintable(asked.first().informative));
        ui::ProjectDocument* doc = w.document();
        QVERIFY(!doc->scenarioId());
        QVERIFY(doc->isModified());
        QCOMPARE(doc->scenario().name, std::string("Recovered draft"));
        QCOMPARE(doc->scenarios().size(), qsizetype(1));
        doc->saveScenario();
        QCOMPARE(doc->scenarios().size(), qsizetype(2));
        QVERIFY(!doc->isModified());
        QVERIFY(recoveryFolder().isEmpty());
    }

    //! Two windows on one project: neither offers the other's file (its owner is alive), and
    //! each writes its own.
    void twoWindowsKeepToTheirOwnFiles()
    {
        const QString copy = freshCopy(QStringLiteral("two.sharecast"));
        ui::MainWindow a;
        a.setAutosaveDelay(50ms);
        QVERIFY(a.openProject(copy));
        typeCbpWeight(a, QStringLiteral("3"));
        const QString fileA = waitForAutosave(a);
        QVERIFY(!fileA.isEmpty());
        {
            ui::MainWindow b;
            b.setAutosaveDelay(50ms);
            QVERIFY(answering({}, [&] { QVERIFY(b.openProject(copy)); }).isEmpty());
            QVERIFY(!b.document()->isModified());
            typeCbpWeight(b, QStringLiteral("4"));
            const QString fileB = waitForAutosave(b);
            QVERIFY(!fileB.isEmpty() && fileB != fileA);
            QCOMPARE(cbpWeight(io::readRecoveryFile(fileA).scenario), 3.0);
            QCOMPARE(cbpWeight(io::readRecoveryFile(fileB).scenario), 4.0);
        }
        QCOMPARE(cbpWeight(io::readRecoveryFile(fileA).scenario), 3.0); // b's going left a's alone
    }

    //! At start: edits of a project that is gone are reported and set aside; with no project
    //! named, the project with edits to recover is the one opened.
    void atStartTheProjectWithEditsIsOpened()
    {
        const QString gone = freshCopy(QStringLiteral("gone.sharecast"));
        const QString leftGone = crashWhileEditing(gone, QStringLiteral("3"));
        QVERIFY(!leftGone.isEmpty());
        QVERIFY(QFile::remove(gone));
        const QString kept = freshCopy(QStringLiteral("kept.sharecast"));
        QVERIFY(!crashWhileEditing(kept, QStringLiteral("4")).isEmpty());

        ui::MainWindow w;
        QString project;
        const QList<Asked> asked =
            answering({QStringLiteral("Ok")}, [&] { project = w.projectToOpenAtStart(QString()); });
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().objectName, QStringLiteral("unrecoverableEdits"));
        QVERIFY2(asked.first().text.contains(QStringLiteral("but that project no longer exists")),
                 qPrintable(asked.first().text));
        QVERIFY2(asked.first().text.contains(QDir::toNativeSeparators(io::canonicalProjectPath(gone))),
                 qPrintable(asked.first().text));
        QVERIFY(!QFile::exists(leftGone));
        QCOMPARE(project, io::canonicalProjectPath(kept));
        // A project named on the command line comes first; the other's edits wait, said so.
        QCOMPARE(w.projectToOpenAtStart(project_), project_);
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("kept.sharecast")),
                 qPrintable(w.statusBar()->currentMessage()));
        const QList<Asked> offered =
            answering({QStringLiteral("recoverEdits")}, [&] { QVERIFY(w.openProject(project)); });
        QCOMPARE(offered.size(), 1);
        QCOMPARE(cbpWeight(w.document()->scenario()), 4.0);
    }
};

QTEST_MAIN(TestCrashRecovery)
#include "tst_crash_recovery.moc"
