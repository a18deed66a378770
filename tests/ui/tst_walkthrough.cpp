//! The README's walkthrough, step by step, with the keyboard and mouse on the real widgets: open
//! the sample project, change the plan share from 50 % to 40 % (the top quality tier of the
//! Straw Proposal 7 preset), see which plans' payments change and why, compare with the stored
//! scenario, undo. Every figure is held against the engine and against what the tier change
//! means by hand (a top-tier plan's uncapped payment is its basis × 40 %; others do not move).
//!
//! With SHARECAST_SCREENSHOT_DIR set, it also saves the README's pictures of the steps there
//! (docs/screenshots/take_screenshots.sh runs it so under Xvfb).

#include "cli/cli.h"
#include "tests/ui/menu_walk.h"
#include "tests/ui/sample_project.h"
#include "ui/analysis/compare_view.h"
#include "ui/assumptions/assumption_table.h"
#include "ui/assumptions/assumptions_panel.h"
#include "ui/workbench/main_window.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace sharecast;

class TestWalkthrough : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    static void shoot(QWidget* w, const char* name)
    {
        const QString dir = qEnvironmentVariable("SHARECAST_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(300); // let the charts finish their replot
        QVERIFY(w->grab().save(dir + u'/' + QLatin1String(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        testing::isolateUserFiles(QDir(dir_.path()));
        // The project exactly as the build bundles it (marked synthetic, with its notice).
        struct {
            QString outDir, projectPath;
        } r;
        r.outDir = dir_.filePath(QStringLiteral("sample"));
        r.projectPath = dir_.filePath(QStringLiteral("default.sharecast"));
        const cli::CommandResult result =
            cli::execute({"generate-sample", "--out", r.outDir, "--project", r.projectPath});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        project_ = r.projectPath;
    }

    void planShareFiftyToFortyComparedAndUndone()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ui::ProjectDocument* doc = w.document();
        const Settlement before = testing::engineSettlement(doc);

        // Assumptions ▸ Sharing ▸ Tiers: the 80-point tier carries the preset's 50 %.
        ui::AssumptionTable* tiers = w.assumptions()->table(QStringLiteral("sharingTiers"));
        QVERIFY(tiers);
        QTableWidget* table = tiers->table();
        int top = -1;
        for (int r = 0; r < table->rowCount(); ++r)
            if (tiers->cellText(r, 0) == QStringLiteral("80"))
                top = r;
        QVERIFY(top >= 0);
        QCOMPARE(tiers->cellText(top, 1), QStringLiteral("50"));

        // Type 40 into the cell and press Enter, as a user does.
        table->scrollToItem(table->item(top, 1));
        table->setFocus();
        table->setCurrentCell(top, 1);
        QTest::keyClick(table, Qt::Key_F2);
        QLineEdit* editor = nullptr;
        QTRY_VERIFY((editor = table->viewport()->findChild<QLineEdit*>()) != nullptr);
        QTest::keySequence(editor, QKeySequence::SelectAll);
        QTest::keyClicks(editor, QStringLiteral("40"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(doc->scenario().sharing.tiers.at(static_cast<std::size_t>(top)).share, 0.40);
        QVERIFY(w.isWindowModified());
        // The workbench recalculates on its own (coalesced): wait for its results to be the engine's.
        const Settlement after = testing::engineSettlement(doc);
        const auto shownIsEngine = [&] {
            for (std::size_t i = 0; i < after.plans.size(); ++i)
                if (doc->settlement().plans.size() != after.plans.size() ||
                    doc->settlement().plans[i].payment.payment != after.plans[i].payment.payment)
                    return false;
            return true;
        };
        QTRY_VERIFY(shownIsEngine());

        // Which plans change: exactly the eligible top-tier plans with a payment; by how much:
        // the uncapped payment is the basis × 40 %.
        QStringList changed;
        for (std::size_t i = 0; i < after.plans.size(); ++i) {
            const PlanSettlement& a = after.plans[i];
            const PlanSettlement& b = before.plans[i];
            const bool topTier = a.quality.composite && *a.quality.composite >= 80.0;
            if (topTier && b.payment.payment > 0) {
                changed << QString::fromStdString(a.planId);
                if (!a.payment.capBinds)
                    QVERIFY(std::fabs(a.payment.payment - a.payment.basis * 0.40) < 0.005);
            } else {
                QCOMPARE(a.payment.payment, b.payment.payment);
            }
            QCOMPARE(doc->settlement().plans[i].payment.payment, a.payment.payment);
        }
        QVERIFY(!changed.isEmpty());

        // Why: a changed plan's Explain names the tier its composite reached.
        const int row =
            static_cast<int>(std::find_if(after.plans.begin(), after.plans.end(),
                                          [&](const PlanSettlement& p) {
                                              return QString::fromStdString(p.planId) == changed.front();
                                          }) -
                             after.plans.begin());
        QVERIFY(w.showTab(QStringLiteral("Settlement"))); // the workbench opens on the Overview
        w.settlementTable()->selectRow(row);
        QVERIFY(w.explainView()->toPlainText().contains(
            QStringLiteral("reaches the tier from 80.0, share 40.0000 %")));
        // For the picture: the tier table and Explain's sharing step in view.
        w.assumptions()->findChild<QScrollArea*>()->ensureWidgetVisible(tiers, 0, 120);
        w.explainView()->moveCursor(QTextCursor::End);
        QVERIFY(w.explainView()->find(QStringLiteral("Sharing (§8)"), QTextDocument::FindBackward));
        shoot(&w, "walkthrough-edit.png");

        // Scenario ▸ Compare Scenarios: check the stored scenario and the edited one.
        QAction* compare = testing::menuAction(w, QStringLiteral("Scenario"), QStringLiteral("Compare"));
        QVERIFY(compare);
        compare->trigger();
        ui::CompareView* view = w.compareView();
        QVERIFY(view->isVisible());
        QListWidget* list = view->scenarioList();
        QCOMPARE(list->count(), 2); // the stored preset scenario and "(edited)"
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setCheckState(Qt::Checked);
        QTRY_COMPARE(view->compared().size(), qsizetype(2));
        QCOMPARE(view->compared()[1].id, ui::CompareView::kEditedScenario);
        QStringList moved;
        for (std::size_t i = 0; i < after.plans.size(); ++i) {
            const QString id = QString::fromStdString(after.plans[i].planId);
            const double delta = view->paymentDelta(1, id);
            QCOMPARE(delta, after.plans[i].payment.payment - before.plans[i].payment.payment);
            if (delta != 0.0)
                moved << id;
        }
        QCOMPARE(moved, changed);
        shoot(&w, "walkthrough-compare.png");

        // Edit ▸ Undo: the preset's 50 % again, nothing modified, the edited entry gone.
        QAction* undo = testing::menuAction(w, QStringLiteral("Edit"), QStringLiteral("Undo"));
        QVERIFY(undo);
        QVERIFY2(undo->text().contains(QStringLiteral("sharing tiers")), qPrintable(undo->text()));
        undo->trigger();
        QCOMPARE(doc->scenario().sharing.tiers.at(static_cast<std::size_t>(top)).share, 0.50);
        QCOMPARE(tiers->cellText(top, 1), QStringLiteral("50"));
        QVERIFY(!w.isWindowModified());
        QTRY_COMPARE(list->count(), 1);
        doc->recalculate();
        for (std::size_t i = 0; i < before.plans.size(); ++i)
            QCOMPARE(doc->settlement().plans[i].payment.payment, before.plans[i].payment.payment);

        // A headline figure, clicked, shows its breakdown by plan in Explain.
        qobject_cast<QTabWidget*>(w.centralWidget())->setCurrentIndex(0);
        QTest::mouseClick(w.headline(QStringLiteral("payments")), Qt::LeftButton);
        QVERIFY(w.explainView()->toPlainText().startsWith(QStringLiteral("Plan payments")));
    }
};

QTEST_MAIN(TestWalkthrough)
#include "tst_walkthrough.moc"
