//! The workbench driven through its real widgets on the offscreen platform: it opens a project,
//! shows the settlement, and an edit of an assumption recalculates the table, the headline
//! figures and the chart exactly as the engine does; undo, redo, save and reopen work.

#include "engine/experience_index.h"
#include "engine/rounding.h"
#include "io/csv/partnerships_csv.h"
#include "tests/io/io_test_support.h"
#include "tests/ui/menu_walk.h"
#include "tests/ui/plain_reading.h"
#include "tests/ui/sample_project.h"
#include "ui/analysis/overview_view.h"
#include "ui/assumptions/assumptions_panel.h"
#include "ui/charts/savings_chart.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/workbench/main_window.h"

#include <cmath>

#include <QAction>

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUndoStack>
#include <QWheelEvent>

#include <qcustomplot.h>

#include <functional>

using namespace sharecast;
using testing::menuAction;
using testing::showActive;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    static QString cell(QTableView* t, int row, int column)
    {
        return t->model()->index(row, column).data().toString();
    }

    //! A fresh copy of the sample project under name, for a test that changes it.
    QString freshCopy(const QString& name) const
    {
        const QString copy = dir_.filePath(name);
        QFile::remove(copy);
        return QFile::copy(project_, copy) ? copy : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        testing::isolateUserFiles(QDir(dir_.path()));
        project_ = testing::makeSampleProject(QDir(dir_.path()));
    }

    void shellWithoutProject()
    {
        ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList titles;
        for (QAction* a : w.menuBar()->actions())
            titles << a->text().remove(u'&');
        QCOMPARE(titles, (QStringList{"File", "Edit", "Scenario", "View", "Help"}));
        QVERIFY(w.statusBar()->isVisible());
        QVERIFY(w.document() == nullptr);
    }

    void opensProjectAndShowsTheSettlement()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.chart() != nullptr);
        ui::ProjectDocument* doc = w.document();
        const Settlement s = testing::engineSettlement(doc);
        QCOMPARE(w.settlementTable()->model()->rowCount(), static_cast<int>(s.plans.size()));
        QCOMPARE(cell(w.settlementTable(), 0, 0), QString::fromStdString(s.plans.front().planId));
        QCOMPARE(cell(w.settlementTable(), 0, 14), ui::formatDollars(s.plans.front().payment.payment));
        QVERIFY(w.windowTitle().contains(QStringLiteral("Medi-Cal Straw Proposal 7")));
        QVERIFY(!w.explainView()->toPlainText().isEmpty());
    }

    //! The workbench opens on the Overview: the year in plain words, built from the engine's
    //! figures (worked out here from the plans' rows rounded to cents, as settlement.csv has them),
    //! read plainly, and told again at once when an assumption changes.
    void theOverviewTellsTheYearInWords()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* tabs = w.findChild<QTabWidget*>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0).remove(u'&'), QStringLiteral("Overview"));
        QCOMPARE(tabs->currentIndex(), 0);
        auto* overview = w.findChild<ui::OverviewView*>(QStringLiteral("overviewView"));
        QVERIFY(overview);
        QVERIFY(w.showTab(QStringLiteral("Overview")));

        ui::ProjectDocument* doc = w.document();
        auto words = [&] {
            return QTextDocumentFragment::fromHtml(overview->body()->text()).toPlainText().simplified();
        };
        auto check = [&](const Settlement& s) {
            double saved = 0.0, paid = 0.0, kept = 0.0, state = 0.0;
            int paidPlans = 0;
            for (const PlanSettlement& p : s.plans) {
                saved += roundTo(p.grossSavings, 2);
                paid += roundTo(p.payment.payment, 2);
                kept += roundTo(p.programNet, 2);
                state += roundTo(p.split.state, 2);
                paidPlans += p.payment.payment > 0.0 ? 1 : 0;
            }
            auto millions = [](double x) {
                return QStringLiteral("$") + QString::number(x / 1e6, 'f', 1) + QStringLiteral(" million");
            };
            const QString text = words();
            for (const QString& expected : {QStringLiteral("of %1 plans cost").arg(s.plans.size()),
                                            QStringLiteral("%1 of them saved enough to be paid: %2 in all")
                                                .arg(paidPlans)
                                                .arg(millions(paid)),
                                            QStringLiteral("%1 (").arg(millions(saved)),
                                            QStringLiteral("return %1 to the program, %2 of it the state’s")
                                                .arg(millions(kept), millions(state))})
                QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n") + text));
            QCOMPARE(overview->headline()->text(), QStringLiteral("%1: %2 saved; %3 plans paid %4")
                                                       .arg(s.year)
                                                       .arg(millions(saved))
                                                       .arg(paidPlans)
                                                       .arg(millions(paid)));
        };
        check(testing::engineSettlement(doc));
        const QStringList problems =
            testing::plainReadingProblems(overview->headline()->text() + u' ' + words());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral(", "))));
        // Plans needing attention, by name; the savings chart names the plans too.
        QVERIFY(!overview->story().attention.isEmpty());
        const ui::AttentionItem& first = overview->story().attention.front();
        QCOMPARE(first.planName, QString::fromStdString(doc->experience().planName(first.planId)));
        QVERIFY(words().contains(first.planName));
        QCOMPARE(overview->savingsChart()->planNames().front(),
                 QString::fromStdString(doc->experience().planName(doc->settlement().plans.front().planId)));

        // An edit: every eligible plan gets 40 %; the sentences follow at once.
        Scenario edited = doc->scenario();
        edited.sharing.qualityScaling = QualityScaling::None;
        edited.sharing.maxShare = 0.40;
        doc->setScenario(edited, QStringLiteral("test"));
        doc->recalculate();
        check(testing::engineSettlement(doc));
    }

    void editingThePlanShareRecalculatesEverything()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ui::ProjectDocument* doc = w.document();

        // Plan share 50 % → 40 % without quality scaling, through the real widgets.
        auto* scaling = w.assumptions()->findChild<QComboBox*>(QStringLiteral("qualityScaling"));
        auto* share = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("maxShare"));
        QVERIFY(scaling && share);
        scaling->setCurrentIndex(0); // none: every eligible plan gets the plan share
        share->clear();
        QTest::keyClicks(share, QStringLiteral("40"));
        QTest::keyClick(share, Qt::Key_Enter);
        QTRY_COMPARE(doc->scenario().sharing.maxShare, 0.40);
        QCOMPARE(doc->scenario().sharing.qualityScaling, QualityScaling::None);
        doc->recalculate();
        QVERIFY(w.showTab(QStringLiteral("Savings by plan"))); // a chart redraws when its tab is shown

        const Settlement s = testing::engineSettlement(doc);
        double payments = 0.0, state = 0.0;
        int paid = 0;
        for (std::size_t i = 0; i < s.plans.size(); ++i) {
            const PlanSettlement& p = s.plans[i];
            payments += p.payment.payment;
            state += p.split.state;
            if (p.payment.payment > 0) {
                ++paid;
                QCOMPARE(p.shareRate, 0.40);
            }
            // Table (sorted by plan id), chart bars ($M) against the engine.
            QCOMPARE(cell(w.settlementTable(), static_cast<int>(i), 14),
                     ui::formatDollars(p.payment.payment));
            QCOMPARE(w.savingsChart()->paymentMillions().at(static_cast<int>(i)), p.payment.payment / 1e6);
            QCOMPARE(w.savingsChart()->grossMillions().at(static_cast<int>(i)), p.grossSavings / 1e6);
        }
        QVERIFY(paid > 0);
        QCOMPARE(w.headline(QStringLiteral("payments"))->text(), ui::formatMillions(payments, 1));
        QCOMPARE(w.headline(QStringLiteral("state"))->text(), ui::formatMillions(state, 1));
        QVERIFY(w.isWindowModified());

        // Undo restores the preset's 50 % and tiers, with the edits' own texts; redo reapplies.
        QUndoStack* undo = doc->undoStack();
        QCOMPARE(undo->undoText(), QStringLiteral("Change the plan share"));
        undo->undo();
        QCOMPARE(doc->scenario().sharing.maxShare, 0.50);
        QCOMPARE(undo->undoText(), QStringLiteral("Change the quality scaling"));
        undo->undo();
        QCOMPARE(doc->scenario().sharing.qualityScaling, QualityScaling::Tiers);
        QVERIFY(!w.isWindowModified());
        undo->redo();
        undo->redo();
        QCOMPARE(doc->scenario().sharing.maxShare, 0.40);
        QCOMPARE(share->value(), 40.0);
    }

    void editingAQualityWeightRecalculatesTheComposite()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ui::ProjectDocument* doc = w.document();
        const double before = doc->settlement().plans.front().quality.composite.value_or(-1);

        auto* weight = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("weight_CBP"));
        QVERIFY(weight);
        weight->clear();
        QTest::keyClicks(weight, QStringLiteral("3"));
        QTest::keyClick(weight, Qt::Key_Enter);
        std::size_t cbp = 0;
        while (doc->scenario().quality.measures[cbp].id != "CBP")
            ++cbp;
        QTRY_COMPARE(doc->scenario().quality.measures[cbp].weight, 3.0);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Change the weight of CBP"));
        doc->recalculate();

        // Composite, share rate and payment of every plan as the engine gives them.
        const Settlement s = testing::engineSettlement(doc);
        QVERIFY(s.plans.front().quality.composite.value_or(-1) != before);
        for (std::size_t i = 0; i < s.plans.size(); ++i) {
            const PlanSettlement& p = s.plans[i];
            QCOMPARE(cell(w.settlementTable(), static_cast<int>(i), 8),
                     p.quality.composite ? ui::formatNumber(*p.quality.composite, 1) : QStringLiteral("NA"));
            QCOMPARE(cell(w.settlementTable(), static_cast<int>(i), 14),
                     ui::formatDollars(p.payment.payment));
        }
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().quality.measures[cbp].weight, 1.0);
        QCOMPARE(weight->value(), 1.0);
    }

    void theGuardrailActionChangesEligibility()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::ProjectDocument* doc = w.document();
        QCOMPARE(doc->scenario().appropriateness.action, GuardrailAction::Ineligible);
        QComboBox* action = nullptr;
        for (QComboBox* box : w.assumptions()->findChildren<QComboBox*>())
            if (box->itemText(0) == QStringLiteral("flag only"))
                action = box;
        QVERIFY(action);
        const Settlement blocking = testing::engineSettlement(doc);
        action->setCurrentIndex(0); // flag only
        QCOMPARE(doc->scenario().appropriateness.action, GuardrailAction::Flag);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Change the guardrail action"));
        doc->recalculate();
        const Settlement flagging = testing::engineSettlement(doc);
        int unblocked = 0;
        for (std::size_t i = 0; i < flagging.plans.size(); ++i) {
            const PlanSettlement& p = flagging.plans[i];
            if (p.appropriateness.tripped && p.eligible && !blocking.plans[i].eligible)
                ++unblocked;
            QCOMPARE(cell(w.settlementTable(), static_cast<int>(i), 12),
                     p.eligible ? QStringLiteral("yes") : QStringLiteral("no"));
            QCOMPARE(cell(w.settlementTable(), static_cast<int>(i), 14),
                     ui::formatDollars(p.payment.payment));
        }
        QVERIFY(unblocked >= 1); // the sample's plan whose denial rate jumps
    }

    void clickingAHeadlineExplainsItByPlan()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ui::ProjectDocument* doc = w.document();
        QLabel* payments = w.headline(QStringLiteral("payments"));
        QTest::mouseClick(payments, Qt::LeftButton);
        const QString text = w.explainView()->toPlainText();
        QVERIFY2(text.startsWith(QStringLiteral("Plan payments, performance year 2024")), qPrintable(text));
        // Each plan's payment in cents, and the total as the sum of those cents (it foots).
        double total = 0.0;
        for (const PlanSettlement& p : testing::engineSettlement(doc).plans) {
            const double cents = roundTo(p.payment.payment, 2);
            total += cents;
            QVERIFY2(text.contains(ui::formatDollars(cents)), p.planId.c_str());
        }
        QVERIFY2(text.contains(QStringLiteral("total")) && text.contains(ui::formatDollars(total)),
                 qPrintable(text));
        QVERIFY(payments->toolTip().startsWith(ui::formatDollars(total)));

        // Enter on the focused federal-share figure; choosing a plan shows the plan again.
        QLabel* federal = w.headline(QStringLiteral("federal"));
        QTest::keyClick(federal, Qt::Key_Return);
        QVERIFY(w.explainView()->toPlainText().startsWith(QStringLiteral("Federal share")));
        w.settlementTable()->selectRow(1);
        QVERIFY(w.explainView()->toPlainText().startsWith(QStringLiteral("Plan P02")));
    }

    //! Turning the mouse wheel over an assumption while scrolling the panel does not change it: a
    //! field takes the wheel only once it has the focus (a click or Tab), and the wheel scrolls the
    //! panel instead. Before, the wheel over a quality weight changed it (and the settlement).
    void theWheelScrollsThePanelUntilAFieldHasTheFocus()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.resize(1400, 700);
        QVERIFY(showActive(w));
        auto* share = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("weight_CBP"));
        QVERIFY(share && share->isEnabled());
        auto* scroll = w.assumptions()->findChild<QScrollArea*>();
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(share);
        const double before = share->value();
        const Scenario scenario = w.document()->scenario();
        auto wheel = [&](QWidget* target) {
            const QPointF at(target->width() / 2.0, target->height() / 2.0);
            QWheelEvent e(at, target->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(target, &e);
        };
        w.settlementTable()->setFocus();
        const int scrolled = scroll->verticalScrollBar()->value();
        wheel(share);
        QCOMPARE(share->value(), before);
        QVERIFY(w.document()->scenario() == scenario);
        QVERIFY(!share->hasFocus());
        QVERIFY2(scroll->verticalScrollBar()->value() != scrolled ||
                     scroll->verticalScrollBar()->value() == scroll->verticalScrollBar()->maximum(),
                 "the wheel should scroll the panel");
        QCOMPARE(share->focusPolicy(), Qt::StrongFocus);

        share->setFocus();
        QTRY_VERIFY(share->hasFocus());
        wheel(share);
        QVERIFY(share->value() != before); // a focused field takes the wheel as before
    }

    //! A weight typed out of range (99, −1) is refused with a message in the field's own words,
    //! not dropped or snapped back without a word (before: the field silently kept 5.00).
    void anOutOfRangeWeightIsRefusedWithAMessage()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        QVERIFY(showActive(w));
        auto* weight = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("weight_CBP"));
        QVERIFY(weight && weight->isEnabled());
        const Scenario before = w.document()->scenario();
        for (const char* typed : {"99", "-1"}) {
            weight->setFocus();
            weight->selectAll();
            QTest::keyClicks(weight, QLatin1String(typed));
            QTest::keyClick(weight, Qt::Key_Return);
            QVERIFY2(weight->toolTip().contains(QLatin1String("Weight of CBP must be between 0.00 and 5.00")),
                     qPrintable(typed + (": " + weight->toolTip())));
            QVERIFY(w.document()->scenario() == before);
        }
        weight->selectAll();
        QTest::keyClicks(weight, QStringLiteral("2.5"));
        QTest::keyClick(weight, Qt::Key_Return);
        QCOMPARE(weight->value(), 2.5);
        QVERIFY2(!weight->toolTip().contains(QLatin1String("must be between")),
                 qPrintable(weight->toolTip()));
    }

    //! Re-typing the value in force is no edit (no undo step, the scenario not marked edited),
    //! and File ▸ Save Scenario confirms in the status bar (before: the scenario was marked edited,
    //! and saving said nothing).
    void retypingIsNoEditAndSavingConfirms()
    {
        const QString copy = freshCopy(QStringLiteral("retype.sharecast"));
        QVERIFY(!copy.isEmpty());
        ui::MainWindow w;
        QVERIFY(w.openProject(copy));
        QVERIFY(showActive(w));
        auto* weight = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("weight_CBP"));
        QVERIFY(weight);
        const double value = weight->value();
        weight->setFocus();
        weight->selectAll();
        QTest::keyClicks(weight, QString::number(value + 0.25, 'f', 2));
        QTest::keyClick(weight, Qt::Key_Return);
        QCOMPARE(w.document()->undoStack()->count(), 1);
        weight->selectAll();
        QTest::keyClicks(weight, QString::number(value + 0.25, 'f', 2)); // the same again
        QTest::keyClick(weight, Qt::Key_Return);
        QCOMPARE(w.document()->undoStack()->count(), 1);
        QVERIFY(w.assumptions()
                    ->edit(QStringLiteral("Change the weight of CBP"), -1, [](Scenario&) {})
                    .isEmpty());
        QCOMPARE(w.document()->undoStack()->count(), 1);

        QAction* save = menuAction(w, QStringLiteral("File"), QStringLiteral("Save Scenario"));
        QVERIFY(save);
        save->trigger();
        QVERIFY(!w.document()->isModified());
        QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Saved scenario")),
                 qPrintable(w.statusBar()->currentMessage()));
    }

    void anInvalidEntryIsRefusedAtTheField()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::ProjectDocument* doc = w.document();
        const Scenario before = doc->scenario();
        const QString reason = w.assumptions()->edit(QStringLiteral("bad"), -1, [](Scenario& s) {
            s.baseline.years = {2022, 2023};
            s.baseline.weights = {0.5, 0.6};
        });
        QVERIFY2(reason.contains(QStringLiteral("baseline.weights")), qPrintable(reason));
        QVERIFY(doc->scenario() == before);
        QCOMPARE(doc->undoStack()->count(), 0);
    }

    void aBrokenImportShowsTheErrorAndChangesNothing()
    {
        const QString copy = dir_.filePath(QStringLiteral("import.sharecast"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(project_, copy));
        ui::MainWindow w;
        QVERIFY(w.openProject(copy));
        auto bytes = [&] {
            QFile f(copy);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray before = bytes();
        const int datasets = static_cast<int>(w.document()->datasets().size());
        const QString bad = dir_.filePath(QStringLiteral("bad.csv"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("plan_id,region,rate_cell,year,member_months,cost_inpatient\n"
                    "P1,Fresno,Child,2024,100,5000\n"
                    "P1,Fresno,Adult,2024,-3,5000\n");
        }
        const QString error = w.importFiles({bad}, false);
        QVERIFY2(error.contains(QStringLiteral("bad.csv:3")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("member_months")), qPrintable(error));
        QCOMPARE(static_cast<int>(w.document()->datasets().size()), datasets);
        QCOMPARE(bytes(), before);
    }

    //! File ▸ Import Data of members.csv aggregates with the edited scenario's included COS and
    //! truncation threshold (§1.3), so the Uncertainty tab's c comes from those members: costs
    //! medical 100, 200, 300, 400 (+ pharmacy, excluded) truncated at 350 → c = √9,218.75 / 237.5.
    void membersImportUsesTheEditedScenario()
    {
        const QString copy = dir_.filePath(QStringLiteral("members.sharecast"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(project_, copy));
        ui::MainWindow w;
        QVERIFY(w.openProject(copy));
        Scenario edited = w.document()->scenario();
        edited.includedCos.reset();
        edited.excludedCos = {"pharmacy"};
        edited.truncation = Truncation{true, 350.0};
        edited.uncertainty.cv.reset();
        edited.performanceYear = 2024;
        edited.baseline = BaselineSpec{{2023}, {1.0}};
        w.document()->setScenario(edited, QStringLiteral("truncate at 350"));
        w.document()->saveScenario();
        const QString members = dir_.filePath(QStringLiteral("members.csv"));
        {
            QFile f(members);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("member_id,plan_id,region,rate_cell,year,member_months,cost_medical,cost_pharmacy\n"
                    "a,P1,R,C,2023,12,100,50\nb,P1,R,C,2023,12,100,50\n"
                    "a,P1,R,C,2024,12,100,900\nb,P1,R,C,2024,12,200,900\n"
                    "c,P1,R,C,2024,12,300,900\nd,P1,R,C,2024,12,400,900\n");
        }
        const QString error = w.importFiles({members}, false);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const MemberMoments* m = w.document()->memberMoments();
        QVERIFY(m);
        QCOMPARE(m->includedCos, std::vector<std::string>{"medical"});
        QCOMPARE(m->truncationThreshold, 350.0);
        QTRY_VERIFY(!w.document()->validity().plans.empty());
        const PlanValidity& p = w.document()->validity().plans.front();
        QCOMPARE(p.cvSource, CvSource::MemberData);
        QVERIFY(std::fabs(p.cv - std::sqrt(9218.75) / 237.5) <= 1e-12);
    }

    //! File ▸ Import Data… through the real action and its modal file dialog, answered as a user
    //! would once it is up: file selected and Enter pressed in the file-name field. True when the
    //! dialog came up and was answered.
    static bool importThroughMenu(ui::MainWindow& w, const QString& file)
    {
        QAction* import = menuAction(w, QStringLiteral("File"), QStringLiteral("Import Data…"));
        if (!import)
            return false;
        bool answered = false;
        QTimer::singleShot(0, &w, [file, &answered] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->selectFile(file);
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            name->setText(file);
            QTest::keyClick(name, Qt::Key_Return);
            answered = true;
        });
        import->trigger();
        return answered;
    }

    //! File ▸ Import Data… as a user takes it: the real action, its file dialog (answered by
    //! selecting the file and pressing Enter), into the open project; then an edit, Edit ▸ Undo
    //! and File ▸ Save Scenario. The window stays, the project gains exactly one dataset (active),
    //! and the saved scenario reopens. Before the fix the window vanished at the reload
    //! (std::bad_alloc: openProject read a path owned by the document it had just destroyed), and
    //! a relaunch showed the data imported but no window had shown it.
    void importDataThroughTheMenu()
    {
        const QString copy = freshCopy(QStringLiteral("menu-import.sharecast"));
        QVERIFY(!copy.isEmpty());
        const QString quality = dir_.filePath(QStringLiteral("sample/quality.csv"));
        ui::MainWindow w;
        QVERIFY(w.openProject(copy));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const qsizetype before = w.document()->datasets().size();

        QVERIFY(importThroughMenu(w, quality));
        QTRY_VERIFY(w.document() != nullptr);
        QVERIFY(w.isVisible());
        QCOMPARE(w.document()->path(), copy);
        QCOMPARE(w.document()->datasets().size(), before + 1);
        QVERIFY(w.document()->quality() != nullptr);
        QCOMPARE(w.settlementTable()->model()->rowCount(), 20);

        // Then the user edits, undoes through the menu, edits again and saves through the menu.
        ui::ProjectDocument* doc = w.document();
        const Scenario original = doc->scenario();
        QVERIFY(w.assumptions()
                    ->edit(QStringLiteral("Change the plan share"), -1,
                           [](Scenario& s) { s.sharing.minShare = 0.07; })
                    .isEmpty());
        QAction* undo = menuAction(w, QStringLiteral("Edit"), QStringLiteral("Undo"));
        QVERIFY(undo && undo->isEnabled());
        undo->trigger();
        QVERIFY(doc->scenario() == original);
        QVERIFY(w.assumptions()
                    ->edit(QStringLiteral("Change the plan share"), -1,
                           [](Scenario& s) { s.sharing.minShare = 0.06; })
                    .isEmpty());
        QAction* save = menuAction(w, QStringLiteral("File"), QStringLiteral("Save Scenario"));
        QVERIFY(save);
        save->trigger();
        w.close();

        ui::MainWindow again;
        QVERIFY(again.openProject(copy));
        QCOMPARE(again.document()->datasets().size(), before + 1);
        QCOMPARE(again.document()->scenario().sharing.minShare, 0.06);
    }

    //! File ▸ Import Data… of partnerships.csv as a user takes it (the real action and file
    //! dialog): a project without partnerships (the document has none) gains them, recognised by
    //! the file's columns; the reloaded document holds the file's records exactly as the reader
    //! reads them, beside its experience and quality, and the project keeps them when reopened.
    void importPartnershipsThroughTheMenu()
    {
        const QString path = dir_.filePath(QStringLiteral("no-partnerships.sharecast"));
        QFile::remove(path);
        {
            auto store = io::ProjectStore::create(path);
            io::ImportRequest r;
            r.experiencePath = dir_.filePath(QStringLiteral("sample/experience.csv"));
            r.qualityPath = dir_.filePath(QStringLiteral("sample/quality.csv"));
            io::importFiles(*store, r);
        }
        const QString partnerships = dir_.filePath(QStringLiteral("sample/partnerships.csv"));
        ui::MainWindow w;
        QVERIFY(w.openProject(path));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.document()->partnerships() == nullptr);
        const qsizetype before = w.document()->datasets().size();

        QVERIFY(importThroughMenu(w, partnerships));
        QTRY_VERIFY(w.document() != nullptr);
        QVERIFY(w.isVisible());
        QCOMPARE(w.document()->path(), path);
        QCOMPARE(w.document()->datasets().size(), before + 1);
        QCOMPARE(io::toString(w.document()->datasets().back().kind), QStringLiteral("partnerships"));
        const PartnershipData* loaded = w.document()->partnerships();
        QVERIFY(loaded);
        const QString diff = testing::partnershipsDiff(*loaded, io::readPartnershipsFile(partnerships));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(w.document()->quality() != nullptr);
        QCOMPARE(w.settlementTable()->model()->rowCount(), 20);
        const std::size_t records = loaded->records.size();
        w.close();

        ui::MainWindow again;
        QVERIFY(again.openProject(path));
        QVERIFY(again.document()->partnerships());
        QCOMPARE(again.document()->partnerships()->records.size(), records);
    }

    //! File ▸ Save Report as PDF… asks whom the report is for, as Export Report… does, with the
    //! public (suppressed) version as the default; Cancel writes nothing, Public writes a PDF that
    //! says its small cells are suppressed. Before, it wrote an unsuppressed report without asking.
    void savingAReportAsksForItsAudience()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction* save = menuAction(w, QStringLiteral("File"), QStringLiteral("Save Report as PDF"));
        QVERIFY(save);
        const QString pdf = dir_.filePath(QStringLiteral("menu-briefing.pdf"));
        QFile::remove(pdf);

        // Cancel at the question: no file dialog, nothing written.
        QString defaultButton;
        QTimer::singleShot(0, &w, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            defaultButton = box->defaultButton() ? box->defaultButton()->objectName() : QString();
            box->button(QMessageBox::Cancel)->click();
        });
        save->trigger();
        QCOMPARE(defaultButton, QStringLiteral("publicReport"));
        QVERIFY(!QFile::exists(pdf));

        // Public, then the file name: the PDF is the suppressed version.
        QTimer::singleShot(0, &w, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            QTimer::singleShot(0, &w, [&] {
                auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                QVERIFY(name);
                name->setText(pdf);
                QTest::keyClick(name, Qt::Key_Return);
            });
            QTest::keyClick(box, Qt::Key_Return); // the default: public
        });
        save->trigger();
        QTRY_VERIFY(QFile::exists(pdf));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        QVERIFY(QString::fromUtf8(text.readAllStandardOutput())
                    .contains(QLatin1String("Small cells suppressed")));
    }

    //! Scenario ▸ New from Preset proposes a name the project does not have; typing a name it has
    //! is refused with a message and the name is asked again (before, the dialog proposed the
    //! preset's name, which the project already had, then closed on the error).
    void aNewScenarioGetsANameTheProjectDoesNotHave()
    {
        const QString copy = freshCopy(QStringLiteral("names.sharecast"));
        QVERIFY(!copy.isEmpty());
        ui::MainWindow w;
        QVERIFY(w.openProject(copy));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString existing = QString::fromStdString(w.document()->scenario().name);
        QAction* preset = nullptr;
        for (QAction* m : w.menuBar()->actions())
            if (m->text().remove(u'&') == QLatin1String("Scenario"))
                for (QAction* sub : m->menu()->actions())
                    if (sub->menu() && sub->text().remove(u'&') == QLatin1String("New from Preset"))
                        for (QAction* a : sub->menu()->actions())
                            if (a->text() == existing)
                                preset = a;
        QVERIFY2(preset, qPrintable(existing));

        QStringList proposals;
        bool warned = false;
        std::function<void()> answer = [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (auto* box = qobject_cast<QMessageBox*>(modal)) {
                warned = box->text().contains(existing);
                box->accept();
                QTimer::singleShot(0, &w, answer);
                return;
            }
            auto* input = qobject_cast<QInputDialog*>(modal);
            QVERIFY(input);
            proposals << input->textValue();
            input->setTextValue(proposals.size() == 1 ? existing : QStringLiteral("SP7 variant"));
            if (proposals.size() == 1)
                QTimer::singleShot(0, &w, answer);
            input->accept();
        };
        QTimer::singleShot(0, &w, answer);
        preset->trigger();
        QCOMPARE(proposals.size(), 2);
        for (const QString& p : proposals)
            QVERIFY2(p != existing, qPrintable(p));
        QCOMPARE(proposals.first(), existing + QStringLiteral(" (2)"));
        QVERIFY(warned);
        QCOMPARE(QString::fromStdString(w.document()->scenario().name), QStringLiteral("SP7 variant"));
        QCOMPARE(w.document()->scenarios().size(), 2);
        // The project navigator marks the new scenario as the one in use (it stayed on the old one).
        auto* navigator = w.findChild<QTreeWidget*>(QStringLiteral("navigator"));
        QVERIFY(navigator);
        QStringList marked;
        for (QTreeWidgetItemIterator it(navigator); *it; ++it)
            if ((*it)->text(0).startsWith(QStringLiteral("▶ ")))
                marked << (*it)->text(0);
        QCOMPARE(marked, QStringList{QStringLiteral("▶ SP7 variant")});
    }

    void newProjectFromFiles()
    {
        ui::MainWindow w;
        const QString path = dir_.filePath(QStringLiteral("new.sharecast"));
        const QString sample = dir_.filePath(QStringLiteral("sample"));
        // A file that cannot be read: the error names it and nothing is created.
        const QString error = w.createProject(path, dir_.filePath(QStringLiteral("missing.csv")), {});
        QVERIFY2(error.contains(QStringLiteral("missing.csv")), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(w.createProject(path, sample + QStringLiteral("/experience.csv"),
                                 sample + QStringLiteral("/quality.csv")),
                 QString());
        QVERIFY(w.document() != nullptr);
        QCOMPARE(w.document()->path(), path);
        QVERIFY(w.document()->quality() != nullptr);
        QCOMPARE(w.settlementTable()->model()->rowCount(), 20);
    }

    void savedScenarioSurvivesReopening()
    {
        {
            ui::MainWindow w;
            QVERIFY(w.openProject(project_));
            QVERIFY(w.assumptions()
                        ->edit(QStringLiteral("Change the plan share"), -1,
                               [](Scenario& s) { s.sharing.minShare = 0.05; })
                        .isEmpty());
            w.document()->saveScenario();
            QVERIFY(!w.isWindowModified());
        }
        ui::MainWindow again;
        QVERIFY(again.openProject(project_));
        QCOMPARE(again.document()->scenario().sharing.minShare, 0.05);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
