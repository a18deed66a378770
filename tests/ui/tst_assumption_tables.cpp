//! The list- and map-valued assumptions edited through their real table widgets on the sample
//! project: each edit is one undo step that recalculates the settlement as the engine does; a
//! refused entry is marked at its cell and changes nothing. Expected figures are worked from the
//! methodology (tier shares, §12 corridor bands) on the experience itself, not read off the UI.

#include "tests/ui/sample_project.h"
#include "ui/assumptions/assumption_table.h"
#include "ui/assumptions/assumptions_panel.h"
#include "ui/document/project_document.h"
#include "ui/workbench/main_window.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace sharecast;

class TestAssumptionTables : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    //! A user's edit: the cell's text changes in the widget.
    static void type(ui::AssumptionTable* t, int row, int column, const QString& text)
    {
        QTableWidgetItem* item = t->table()->item(row, column);
        QVERIFY(item);
        item->setText(text);
    }

    static QPushButton* button(ui::AssumptionTable* t, const QString& text)
    {
        for (QPushButton* b : t->findChildren<QPushButton*>())
            if (b->text() == text)
                return b;
        return nullptr;
    }

    //! With SHARECAST_SCREENSHOT_DIR set: the Assumptions panel of a shown window, scrolled to
    //! `field`, saved there as a picture (for looking at it as a user would).
    static void shoot(ui::MainWindow& w, QWidget* field, const char* name)
    {
        const QString dir = qEnvironmentVariable("SHARECAST_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        if (!w.isVisible()) {
            w.resize(1366, 768);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
        }
        auto* scroll = w.assumptions()->findChild<QScrollArea*>();
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(field, 0, 300);
        QTest::qWait(100);
        QVERIFY(w.assumptions()->grab().save(dir + u'/' + QLatin1String(name)));
    }

    static int rowOf(ui::AssumptionTable* t, const QString& key)
    {
        for (int r = 0; r < t->table()->rowCount(); ++r)
            if (t->cellText(r, 0) == key)
                return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        testing::isolateUserFiles(QDir(dir_.path()));
        project_ = testing::makeSampleProject(QDir(dir_.path()));
    }

    void cellTextRoundTrips()
    {
        QCOMPARE(ui::cell::percent(0.035), QStringLiteral("3.5"));
        QCOMPARE(ui::cell::percent(-0.02), QStringLiteral("-2"));
        QCOMPARE(ui::cell::number(250000.0), QStringLiteral("250000"));
        // Any double reads back exactly from its cell text.
        for (double v : {0.1 + 0.2, 1.0 / 3.0, 0.0123456789012345, 2.5e-7})
            QCOMPARE(ui::cell::readPercent(ui::cell::percent(v), QStringLiteral("x")), v);
        QCOMPARE(ui::cell::readNumber(QStringLiteral("$1,250.50"), QStringLiteral("x")), 1250.5);
        QCOMPARE(ui::cell::readPercent(QStringLiteral(" 2.5 % "), QStringLiteral("x")), 0.025);
        QCOMPARE(ui::cell::readNumber(QStringLiteral("−3"), QStringLiteral("x")), -3.0);
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 ui::cell::readNumber(QStringLiteral("abc"), QStringLiteral("x")));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 ui::cell::readInt(QStringLiteral("2024.5"), QStringLiteral("x")));
    }

    void topTierShareFortyPercent()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::ProjectDocument* doc = w.document();
        const Settlement before = testing::engineSettlement(doc);
        ui::AssumptionTable* tiers = w.assumptions()->table(QStringLiteral("sharingTiers"));
        QVERIFY(tiers);
        // The preset's tiers as the table shows them: score, share (%).
        QCOMPARE(tiers->table()->rowCount(), 4);
        QCOMPARE(tiers->cellText(3, 0), QStringLiteral("80"));
        QCOMPARE(tiers->cellText(3, 1), QStringLiteral("50"));

        type(tiers, 3, 1, QStringLiteral("40"));
        QCOMPARE(doc->scenario().sharing.tiers.at(3).share, 0.40);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Edit sharing tiers: Plan share (%) of 80"));
        doc->recalculate();

        // A plan at 80 or above now shares 40 % instead of 50 %: P = basis · ρ unless the 10 % cap
        // binds; every other plan is unchanged.
        const Settlement after = doc->settlement();
        int changed = 0;
        for (std::size_t i = 0; i < after.plans.size(); ++i) {
            const PlanSettlement& a = after.plans[i];
            const PlanSettlement& b = before.plans[i];
            const bool top = a.quality.composite && *a.quality.composite >= 80.0;
            if (top && b.eligible)
                QCOMPARE(a.shareRate, 0.40);
            if (top && b.payment.payment > 0 && !a.payment.capBinds) {
                QVERIFY(std::fabs(a.payment.payment - a.payment.basis * 0.40) < 0.005);
                QVERIFY(a.payment.payment < b.payment.payment);
                ++changed;
            } else if (!top) {
                QCOMPARE(a.payment.payment, b.payment.payment);
            }
        }
        QVERIFY2(changed > 0, "the sample has plans in the top tier with savings");

        // Explain says why: selecting a top-tier plan shows the tier its composite reached.
        for (std::size_t i = 0; i < after.plans.size(); ++i)
            if (after.plans[i].quality.composite && *after.plans[i].quality.composite >= 80.0 &&
                after.plans[i].eligible) {
                w.settlementTable()->selectRow(static_cast<int>(i));
                const QString text = w.explainView()->toPlainText();
                QVERIFY2(text.contains(QStringLiteral("reaches the tier from 80.0, share 40.0000 %")),
                         qPrintable(text));
                break;
            }
        const Settlement engine = testing::engineSettlement(doc);
        for (std::size_t i = 0; i < engine.plans.size(); ++i)
            QCOMPARE(after.plans[i].payment.payment, engine.plans[i].payment.payment);

        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().sharing.tiers.at(3).share, 0.50);
        QCOMPARE(tiers->cellText(3, 1), QStringLiteral("50"));
    }

    //! A refused cell speaks in its column's label and unit ("Plan share must be between 0 % and
    //! 100 % (150 was not taken)"), with the key path on a second line; before, it said only
    //! "column 'sharing.tiers[3].share', value '1.5': must lie in [0, 1]" under a column in percent.
    void aRefusalSpeaksInTheColumnsUnit()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::AssumptionTable* tiers = w.assumptions()->table(QStringLiteral("sharingTiers"));
        QVERIFY(tiers);
        const Scenario before = w.document()->scenario();
        const QString reason = tiers->setCellText(3, 1, QStringLiteral("150"));
        QVERIFY2(
            reason.startsWith(QStringLiteral("Plan share must be between 0 % and 100 % (150 was not taken)")),
            qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("sharing.tiers[3].share")), qPrintable(reason));
        QVERIFY(w.document()->scenario() == before);
    }

    void aRefusedCellChangesNothing()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::ProjectDocument* doc = w.document();
        const Scenario before = doc->scenario();
        ui::AssumptionTable* measures = w.assumptions()->table(QStringLiteral("qualityMeasures"));
        QVERIFY(measures);
        const int cbp = rowOf(measures, QStringLiteral("CBP"));
        QVERIFY(cbp >= 0);

        // Threshold above the benchmark of a 'higher' measure (§1.5).
        type(measures, cbp, 4, QStringLiteral("80"));
        QVERIFY(doc->scenario() == before);
        QCOMPARE(doc->undoStack()->count(), 0);
        QTableWidgetItem* item = measures->table()->item(cbp, 4);
        QCOMPARE(item->text(), QStringLiteral("80")); // kept for the user to correct
        QVERIFY2(item->toolTip().contains(QStringLiteral("threshold must be below the benchmark")),
                 qPrintable(item->toolTip()));
        QVERIFY(item->background().color() != QColor(Qt::white));

        // Text that is not a number.
        ui::AssumptionTable* trend = w.assumptions()->table(QStringLiteral("trendByCos"));
        const QString reason = trend->setCellText(0, 1, QStringLiteral("abc"));
        QVERIFY2(reason.contains(QStringLiteral("not a number")) && reason.contains(QStringLiteral("abc")),
                 qPrintable(reason));
        QVERIFY(doc->scenario() == before);

        // A duplicate key.
        const QString dup = trend->setCellText(1, 0, trend->cellText(0, 0));
        QVERIFY2(dup.contains(QStringLiteral("appears twice")), qPrintable(dup));
        QVERIFY(doc->scenario() == before);
        QCOMPARE(doc->undoStack()->count(), 0);

        // A valid edit afterwards shows the scenario's values again, the refused ones gone.
        type(measures, cbp, 4, QStringLiteral("60"));
        QCOMPARE(doc->scenario().quality.measures.at(static_cast<std::size_t>(cbp)).threshold, 0.60);
        QCOMPARE(trend->cellText(0, 1), QStringLiteral("3.5"));
    }

    void trendByCosAddEditRemove()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::ProjectDocument* doc = w.document();
        const Settlement before = testing::engineSettlement(doc);
        ui::AssumptionTable* trend = w.assumptions()->table(QStringLiteral("trendByCos"));
        const int inpatient = rowOf(trend, QStringLiteral("inpatient"));
        QVERIFY(inpatient >= 0);

        // Inpatient unit-cost trend 3.5 % → 5 %: a higher trend raises every plan's expected cost.
        type(trend, inpatient, 2, QStringLiteral("5"));
        QCOMPARE(doc->scenario().trend.byCos.at("inpatient").unitCost, 0.05);
        QCOMPARE(doc->scenario().trend.byCos.at("inpatient").utilization, 0.005);
        doc->recalculate();
        const Settlement engine = testing::engineSettlement(doc);
        for (std::size_t i = 0; i < engine.plans.size(); ++i) {
            QVERIFY(doc->settlement().plans[i].expected > before.plans[i].expected);
            QCOMPARE(doc->settlement().plans[i].expected, engine.plans[i].expected);
        }

        // Add: the first COS of the data without its own trend, starting at the default trend.
        const std::map<std::string, TrendPair> had = doc->scenario().trend.byCos;
        QPushButton* add = button(trend, QStringLiteral("Add COS trend"));
        QVERIFY(add);
        add->click();
        std::string added;
        for (const std::string& c : doc->experience().cosNames)
            if (!had.count(c) && added.empty())
                added = c; // the first of the data's COS without a trend of its own
        QVERIFY(!added.empty());
        QVERIFY(doc->scenario().trend.byCos.count(added));
        QCOMPARE(doc->scenario().trend.byCos.at(added).unitCost, doc->scenario().trend.defaultTrend.unitCost);
        QCOMPARE(doc->undoStack()->count(), 2);

        // Remove it again (Delete key on the selected row), then undo everything.
        const int row = rowOf(trend, QString::fromStdString(added));
        QVERIFY(row >= 0);
        QCOMPARE(trend->table()->currentRow(), row); // the added row is selected
        trend->table()->setFocus();
        QTest::keyClick(trend->table(), Qt::Key_Delete);
        QVERIFY(!doc->scenario().trend.byCos.count(added));
        QCOMPARE(doc->undoStack()->count(), 3);
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().trend.byCos.at("inpatient").unitCost, 0.035);
        QVERIFY(!doc->isModified());
    }

    //! The default trend says whether it is in force (issue: editing it changed nothing while the
    //! by-COS table overrode it for every included COS, and nothing said so). The sample's
    //! scenario (Straw Proposal 7 over the bundled sample's data) gives each of its six included
    //! COS a by-COS row: the note says so, live, as the table changes, and so does the tool tip.
    void theDefaultTrendSaysWhereItIsInForce()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::ProjectDocument* doc = w.document();
        auto* note = w.assumptions()->findChild<QLabel*>(QStringLiteral("defaultTrendNote"));
        auto* utilization =
            w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("defaultUtilizationTrend"));
        auto* unitCost = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("defaultUnitCostTrend"));
        QVERIFY(note && utilization && unitCost);
        auto* form = qobject_cast<QFormLayout*>(utilization->parentWidget()->layout());
        QVERIFY(form);
        QWidget* label = form->labelForField(utilization);
        QVERIFY(label);
        const QColor grey = QApplication::palette().color(QPalette::Disabled, QPalette::WindowText);
        const QColor normal = QApplication::palette().color(QPalette::Active, QPalette::WindowText);
        QVERIFY(grey != normal);

        // Every included COS has its own row: the default is in force nowhere.
        std::size_t included = 0;
        for (const std::string& cos : doc->experience().cosNames)
            if (doc->scenario().includesCos(cos)) {
                ++included;
                QVERIFY2(doc->scenario().trend.byCos.count(cos), cos.c_str());
            }
        QCOMPARE(included,
                 std::size_t{9}); // pharmacy excluded (LTC, ECM and CS are add-ons, trended for rates)
        const QString overridden =
            QStringLiteral("Overridden for all 9 included COS by the by-COS trend table below");
        QVERIFY2(!note->isHidden() && note->text().startsWith(overridden), qPrintable(note->text()));
        QVERIFY2(utilization->toolTip().contains(overridden), qPrintable(utilization->toolTip()));
        QVERIFY2(unitCost->toolTip().contains(overridden), qPrintable(unitCost->toolTip()));
        QCOMPARE(label->palette().color(QPalette::WindowText), grey);
        QVERIFY(utilization->isEnabled()); // greyed label, never a disabled field
        shoot(w, note, "assumptions-trend-overridden.png");

        // An edit of the default changes no figure, and the explanation stays on the field.
        const double expected = doc->settlement().plans.front().expected;
        utilization->setValue(2.0);
        QCOMPARE(doc->scenario().trend.defaultTrend.utilization, 0.02);
        doc->recalculate();
        QCOMPARE(doc->settlement().plans.front().expected, expected);
        QVERIFY2(utilization->toolTip().contains(overridden), qPrintable(utilization->toolTip()));

        // Remove the row of 'other' through the table: the default is now used for it.
        ui::AssumptionTable* trend = w.assumptions()->table(QStringLiteral("trendByCos"));
        const int other = rowOf(trend, QStringLiteral("other"));
        QVERIFY(other >= 0);
        QCOMPARE(trend->removeRows({other}), QString());
        QVERIFY(!doc->scenario().trend.byCos.count("other"));
        const QString used = QStringLiteral("Used for 1 of 9 included COS: other.");
        QVERIFY2(note->text().startsWith(used), qPrintable(note->text()));
        QVERIFY2(utilization->toolTip().contains(used), qPrintable(utilization->toolTip()));
        QCOMPARE(label->palette().color(QPalette::WindowText), normal);
        doc->recalculate();
        QVERIFY(doc->settlement().plans.front().expected != expected); // now it counts
        shoot(w, note, "assumptions-trend-used.png");

        // A rate cell of its own for 'other' narrows it to the other cells.
        const std::vector<std::string>& cells = doc->index().rateCells();
        QVERIFY(cells.size() > 1);
        QVERIFY(w.assumptions()
                    ->edit(QStringLiteral("Edit trend by rate cell"), -1,
                           [&](Scenario& s) {
                               s.trend.byRateCell[cells.front()].byCos["other"] = {0.0, 0.0};
                           })
                    .isEmpty());
        const QString partly = QStringLiteral("Used for 1 of 9 included COS: other (in %1 of %2 rate cells).")
                                   .arg(cells.size() - 1)
                                   .arg(cells.size());
        QVERIFY2(note->text().startsWith(partly), qPrintable(note->text()));

        // Undo back to the sample's scenario: overridden again.
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QVERIFY2(note->text().startsWith(overridden), qPrintable(note->text()));
        // Every row gone: the default is in force everywhere and the note makes way.
        QVERIFY(
            w.assumptions()
                ->edit(QStringLiteral("Edit trend by COS"), -1, [](Scenario& s) { s.trend.byCos.clear(); })
                .isEmpty());
        QVERIFY(note->isHidden());
        QVERIFY2(utilization->toolTip().contains(QStringLiteral("In force for every included COS")),
                 qPrintable(utilization->toolTip()));
    }

    void corridorSettlesByTheBands()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::ProjectDocument* doc = w.document();
        ui::AssumptionTable* corridors = w.assumptions()->table(QStringLiteral("corridors"));
        QVERIFY(corridors);
        QCOMPARE(corridors->table()->rowCount(), 0);
        button(corridors, QStringLiteral("Add corridor"))->click();
        QCOMPARE(corridors->table()->rowCount(), 3);
        QCOMPARE(doc->scenario().corridors.size(), std::size_t(1));

        // The target is the corridor's: edited on the second band, it applies to all three.
        type(corridors, 1, 2, QStringLiteral("60"));
        const Corridor& c = doc->scenario().corridors.front();
        QCOMPARE(c.targetPmpm, 60.0);
        QCOMPARE(c.bands.size(), std::size_t(3));
        QCOMPARE(c.bands[1].from, 0.02);
        QCOMPARE(*c.bands[1].to, 0.05);
        QVERIFY(!c.bands[2].to);
        QCOMPARE(c.bands[2].stateShare, 0.9);
        for (int r = 0; r < 3; ++r)
            QCOMPARE(corridors->cellText(r, 2), QStringLiteral("60"));

        // §12 by hand for the first plan: d = (A − T)/T, T = 60 · MM of the performance year,
        // settlement = sign(d) · T · Σ share · overlap(|d|, band).
        doc->recalculate();
        const PlanSettlement& p = doc->settlement().plans.front();
        const int cosIndex = doc->experience().cosIndex(c.cos);
        QVERIFY(cosIndex >= 0);
        double actual = 0.0, mm = 0.0;
        for (const ExperienceCell& e : doc->experience().cells)
            if (e.planId == p.planId && e.year == doc->performanceYear()) {
                actual += e.cost[static_cast<std::size_t>(cosIndex)];
                mm += e.memberMonths;
            }
        const double target = 60.0 * mm;
        const double d = (actual - target) / target;
        const double ad = std::fabs(d);
        const double overlap =
            std::max(0.0, std::min(ad, 0.05) - 0.02) * 0.5 + std::max(0.0, ad - 0.05) * 0.9;
        const double expected = (d < 0 ? -1.0 : 1.0) * target * overlap;
        QCOMPARE(p.corridors.size(), std::size_t(1));
        QVERIFY2(std::fabs(p.corridors.front().settlement - expected) < 0.01,
                 qPrintable(QStringLiteral("%1 vs %2").arg(p.corridors.front().settlement).arg(expected)));

        // Add a band to it: the open top band closes 5 points above its start.
        corridors->table()->setCurrentCell(2, 0);
        button(corridors, QStringLiteral("Add band"))->click();
        const Corridor& c2 = doc->scenario().corridors.front();
        QCOMPARE(c2.bands.size(), std::size_t(4));
        QCOMPARE(*c2.bands[2].to, 0.10);
        QCOMPARE(c2.bands[3].from, 0.10);
        QVERIFY(!c2.bands[3].to);
    }

    void blendMixStaysWhole()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::ProjectDocument* doc = w.document();
        ui::AssumptionTable* blend = w.assumptions()->table(QStringLiteral("blend"));
        QVERIFY(blend);
        button(blend, QStringLiteral("Add rate cell"))->click();
        button(blend, QStringLiteral("Add rate cell"))->click();
        QVERIFY(doc->scenario().blend.has_value());
        QCOMPARE(doc->scenario().blend->rateCells.size(), std::size_t(2));
        const std::string first = doc->scenario().blend->rateCells[0];
        const std::string second = doc->scenario().blend->rateCells[1];
        QCOMPARE(doc->scenario().blend->projectedMix.at(first), 1.0);
        QCOMPARE(doc->scenario().blend->projectedMix.at(second), 0.0);

        type(blend, 0, 1, QStringLiteral("1200"));
        type(blend, 1, 1, QStringLiteral("4500"));
        type(blend, 0, 2, QStringLiteral("70")); // the other cell takes the remaining 30 %
        QCOMPARE(doc->scenario().blend->projectedMix.at(first), 0.70);
        QVERIFY(std::fabs(doc->scenario().blend->projectedMix.at(second) - 0.30) < 1e-12);
        QCOMPARE(doc->scenario().blend->rates.at(second), 4500.0);
        QCOMPARE(doc->undoStack()->count(), 5);

        // The blended rate and the true-up of the first plan, by §12: R = Σ mix·R_c,
        // Δ = Σ MM_c R_c − R Σ MM_c over the blended cells of the performance year.
        doc->recalculate();
        const PlanSettlement& p = doc->settlement().plans.front();
        QVERIFY(p.blend.has_value());
        const double rate = 0.70 * 1200.0 + doc->scenario().blend->projectedMix.at(second) * 4500.0;
        double paid = 0.0, mm = 0.0;
        for (const ExperienceCell& e : doc->experience().cells)
            if (e.planId == p.planId && e.year == doc->performanceYear() &&
                (e.rateCell == first || e.rateCell == second)) {
                paid += e.memberMonths * (e.rateCell == first ? 1200.0 : 4500.0);
                mm += e.memberMonths;
            }
        QVERIFY(std::fabs(p.blend->trueUp - (paid - rate * mm)) < 0.01);
    }

    void projectionFieldsAndPath()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::ProjectDocument* doc = w.document();
        auto* path = [&]() -> QLineEdit* {
            for (QLineEdit* e : w.assumptions()->findChildren<QLineEdit*>())
                if (e->placeholderText() == QStringLiteral("each plan's latest composite"))
                    return e;
            return nullptr;
        }();
        QVERIFY(path);
        path->setText(QStringLiteral("70, 80, 90"));
        Q_EMIT path->editingFinished();
        QVERIFY(doc->scenario().projection.qualityPath.has_value());
        QCOMPARE(*doc->scenario().projection.qualityPath, (std::vector<double>{70, 80, 90}));

        path->setText(QStringLiteral("70, 120")); // a score above 100 is refused at the field
        Q_EMIT path->editingFinished();
        QCOMPARE(doc->scenario().projection.qualityPath->size(), std::size_t(3));
        QVERIFY(path->toolTip().contains(QStringLiteral("quality_path")));

        ui::AssumptionTable* util = w.assumptions()->table(QStringLiteral("utilizationChange"));
        const int ip = rowOf(util, QStringLiteral("inpatient"));
        QVERIFY(ip >= 0);
        type(util, ip, 1, QStringLiteral("-4"));
        QCOMPARE(doc->scenario().projection.utilizationChange.byCos.at("inpatient"), -0.04);
    }

    void aBurstOfChangesIsOneStepTwoEntriesAreTwo()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        ui::ProjectDocument* doc = w.document();
        const int key = 77;
        // A drag: changes of one field in quick succession merge into one step.
        for (double v : {0.45, 0.44, 0.43, 0.42})
            QVERIFY(w.assumptions()
                        ->edit(QStringLiteral("Change the plan share"), key,
                               [v](Scenario& s) { s.sharing.maxShare = v; })
                        .isEmpty());
        QCOMPARE(doc->undoStack()->count(), 1);
        // A second entry in the same field after a pause is a step of its own.
        QTest::qWait(900);
        QVERIFY(w.assumptions()
                    ->edit(QStringLiteral("Change the plan share"), key,
                           [](Scenario& s) { s.sharing.maxShare = 0.35; })
                    .isEmpty());
        QCOMPARE(doc->undoStack()->count(), 2);
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().sharing.maxShare, 0.42);
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().sharing.maxShare, 0.50);
    }

    void riskCapsMayBeAbsentAndTheDescriptionEdits()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ui::ProjectDocument* doc = w.document();
        // The preset caps the risk ratio up at 3 % and not down (null): the field says "no cap".
        QList<QDoubleSpinBox*> caps;
        for (QDoubleSpinBox* b : w.assumptions()->findChildren<QDoubleSpinBox*>())
            if (b->specialValueText() == QStringLiteral("no cap"))
                caps << b;
        QCOMPARE(caps.size(), 2);
        QDoubleSpinBox* down = caps[0]->value() == caps[0]->minimum() ? caps[0] : caps[1];
        QDoubleSpinBox* up = down == caps[0] ? caps[1] : caps[0];
        QCOMPARE(down->text(), QStringLiteral("no cap"));
        QCOMPARE(up->value(), 3.0);
        QVERIFY(!doc->scenario().riskAdjustment.capDown.has_value());
        down->setValue(2.0);
        QCOMPARE(doc->scenario().riskAdjustment.capDown, std::optional<double>(0.02));
        down->setValue(down->minimum());
        QVERIFY(!doc->scenario().riskAdjustment.capDown.has_value());
        up->setValue(up->minimum());
        QVERIFY(!doc->scenario().riskAdjustment.capUp.has_value());

        auto* description = w.assumptions()->findChild<QPlainTextEdit*>(QStringLiteral("descriptionEdit"));
        QVERIFY(description);
        QCOMPARE(description->toPlainText().toStdString(), doc->scenario().description);
        const int steps = doc->undoStack()->count();
        description->setFocus();
        description->setPlainText(QStringLiteral("Tier shares under review."));
        description->clearFocus(); // leaving the field commits it
        QCOMPARE(doc->scenario().description, std::string("Tier shares under review."));
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        doc->undoStack()->undo();
        QVERIFY(doc->scenario().description != "Tier shares under review.");
        QCOMPARE(description->toPlainText().toStdString(), doc->scenario().description);
    }
};

QTEST_MAIN(TestAssumptionTables)
#include "tst_assumption_tables.moc"
