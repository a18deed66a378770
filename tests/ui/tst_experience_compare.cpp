//! The experience browser and the scenario comparison on the synthetic sample, driven through
//! their widgets on the offscreen platform: the cell table, its filters, the PMPM switch, the
//! statewide summary and the TSV copy match sums over the cells computed here; the comparison's
//! per-plan and statewide differences and its chart match two independent engine settlements.

#include "engine/rounding.h"
#include "engine/settlement.h"
#include "io/project/importer.h"
#include "io/project/project_store.h"
#include "io/project/scenario_store.h"
#include "sample/sample_generator.h"
#include "tests/ui/sample_project.h"
#include "ui/analysis/compare_view.h"
#include "ui/analysis/experience_model.h"
#include "ui/analysis/experience_view.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

using namespace sharecast;

class TestExperienceCompare : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;
    io::SampleSummary sample_;
    std::unique_ptr<ui::ProjectDocument> doc_;
    qint64 strawId_ = 0;
    qint64 flatId_ = 0;

    //! The engine's settlement of a stored scenario at the document's year, independent of the UI.
    Settlement engineSettlement(qint64 id) const
    {
        SettlementOptions o;
        o.year = doc_->performanceYear();
        o.trace = false;
        return settle(doc_->index(), doc_->quality(), io::ScenarioStore(doc_->store()).load(id), o);
    }

    //! The proxy row of the table showing plan id `plan` (column 0), or -1.
    static int rowOf(QTableView* table, const QString& plan)
    {
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()->index(r, 0).data().toString() == plan)
                return r;
        return -1;
    }

    static void selectCombo(QComboBox* combo, const QVariant& value)
    {
        const int i = combo->findData(value);
        QVERIFY2(i > 0, qPrintable(value.toString()));
        combo->setCurrentIndex(i);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        project_ = testing::makeSampleProject(QDir(dir_.path()), &sample_);

        doc_ = ui::ProjectDocument::open(project_); // adds Straw Proposal 7
        QVERIFY(doc_->scenarioId().has_value());
        strawId_ = *doc_->scenarioId();
        Scenario flat = doc_->scenario();
        flat.name = "Flat 40 % share";
        flat.sharing.qualityScaling = QualityScaling::None;
        flat.sharing.maxShare = 0.4;
        flatId_ = io::ScenarioStore(doc_->store()).add(flat, strawId_, {}, QStringLiteral("test copy"));
        QVERIFY(!doc_->experience().cells.empty());
    }

    void modelHasOneRowPerCell()
    {
        ui::ExperienceView v(doc_.get());
        const ExperienceData& data = doc_->experience();
        QCOMPARE(v.model()->rowCount(), static_cast<int>(data.cells.size()));
        QCOMPARE(v.table()->model()->rowCount(), static_cast<int>(data.cells.size()));
        QCOMPARE(v.model()->columnCount(), 7 + static_cast<int>(data.cosNames.size()) + 1);
        QCOMPARE(v.model()->totalColumn(), 7 + static_cast<int>(data.cosNames.size()));
        // The first row is the first cell, as the file gives it.
        const ExperienceCell& c = data.cells.front();
        const QAbstractItemModel* m = v.model();
        QCOMPARE(m->index(0, ui::ExperienceModel::PlanColumn).data().toString(),
                 QString::fromStdString(c.planId));
        QCOMPARE(m->index(0, ui::ExperienceModel::RegionColumn).data().toString(),
                 QString::fromStdString(c.region));
        QCOMPARE(m->index(0, ui::ExperienceModel::YearColumn).data(Qt::UserRole).toInt(), c.year);
        QCOMPARE(m->index(0, ui::ExperienceModel::MemberMonthsColumn).data(Qt::UserRole).toDouble(),
                 c.memberMonths);
        QCOMPARE(m->index(0, ui::ExperienceModel::MembersColumn).data(Qt::UserRole).toDouble(),
                 c.memberMonths / 12.0);
        QCOMPARE(m->index(0, ui::ExperienceModel::FirstCosColumn).data().toString(),
                 ui::formatDollars(c.cost.front()));
        QCOMPARE(m->headerData(ui::ExperienceModel::FirstCosColumn, Qt::Horizontal).toString(),
                 ui::cosLabel(data.cosNames.front()) + QStringLiteral(" ($)"));
    }

    void filterByPlanAndYearLeavesThatPlansCellsOfThatYear()
    {
        ui::ExperienceView v(doc_.get());
        const ExperienceData& data = doc_->experience();
        const std::string plan = data.cells[data.cells.size() / 2].planId;
        const Year year = doc_->index().maxYear() - 1;
        selectCombo(v.planFilter(), QString::fromStdString(plan));
        selectCombo(v.yearFilter(), year);

        std::multiset<std::size_t> expected, shown;
        for (std::size_t i = 0; i < data.cells.size(); ++i)
            if (data.cells[i].planId == plan && data.cells[i].year == year)
                expected.insert(i);
        QVERIFY(!expected.empty());
        QSortFilterProxyModel* proxy = v.filter();
        for (int r = 0; r < proxy->rowCount(); ++r)
            shown.insert(static_cast<std::size_t>(proxy->mapToSource(proxy->index(r, 0)).row()));
        QCOMPARE(shown, expected);
        QVERIFY(static_cast<std::size_t>(proxy->rowCount()) < data.cells.size());

        // Back to "All" shows every cell again.
        v.planFilter()->setCurrentIndex(0);
        v.yearFilter()->setCurrentIndex(0);
        QCOMPARE(proxy->rowCount(), static_cast<int>(data.cells.size()));
    }

    void pmpmSwitchShowsCostPerMemberMonth()
    {
        ui::ExperienceView v(doc_.get());
        v.resize(1366, 768);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        const ExperienceData& data = doc_->experience();
        const int total = v.model()->totalColumn();
        QTest::mouseClick(v.pmpmCheck(), Qt::LeftButton);
        QVERIFY(v.pmpmCheck()->isChecked());
        QVERIFY(v.model()->showPmpm());
        QVERIFY(v.model()->headerData(total, Qt::Horizontal).toString().contains(QStringLiteral("PMPM")));
        for (const int row : {0, 7, static_cast<int>(data.cells.size()) - 1}) {
            const ExperienceCell& c = data.cells[static_cast<std::size_t>(row)];
            double sum = 0.0;
            for (std::size_t s = 0; s < c.cost.size(); ++s) {
                const int col = ui::ExperienceModel::FirstCosColumn + static_cast<int>(s);
                QCOMPARE(v.model()->index(row, col).data(Qt::UserRole).toDouble(),
                         c.cost[s] / c.memberMonths);
                QCOMPARE(v.model()->index(row, col).data().toString(),
                         ui::formatDollars(c.cost[s] / c.memberMonths));
                sum += c.cost[s];
            }
            QCOMPARE(v.model()->index(row, total).data(Qt::UserRole).toDouble(), sum / c.memberMonths);
            QCOMPARE(
                v.model()->index(row, ui::ExperienceModel::MemberMonthsColumn).data(Qt::UserRole).toDouble(),
                c.memberMonths);
        }
        v.grab().save(QStringLiteral("/tmp/experience_view_pmpm.png"));

        QTest::mouseClick(v.pmpmCheck(), Qt::LeftButton);
        QVERIFY(!v.model()->showPmpm());
        const ExperienceCell& c = data.cells.front();
        QCOMPARE(v.model()->index(0, ui::ExperienceModel::FirstCosColumn).data(Qt::UserRole).toDouble(),
                 c.cost.front());
    }

    void summarySumsEachRateCellAndYear()
    {
        ui::ExperienceView v(doc_.get());
        const ExperienceData& data = doc_->experience();
        const Scenario& scenario = doc_->scenario();
        std::map<std::pair<std::string, Year>, std::pair<double, double>> sums; // MM, included cost
        for (const ExperienceCell& c : data.cells) {
            auto& s = sums[{c.rateCell, c.year}];
            s.first += c.memberMonths;
            for (std::size_t k = 0; k < c.cost.size(); ++k)
                if (scenario.includesCos(data.cosNames[k]))
                    s.second += c.cost[k];
        }
        const QAbstractItemModel* m = v.summaryTable()->model();
        QCOMPARE(m->rowCount(), static_cast<int>(sums.size()));
        int checkedAgainstSample = 0;
        for (int r = 0; r < m->rowCount(); ++r) {
            using S = ui::ExperienceSummaryModel;
            const std::string rateCell = m->index(r, S::RateCellColumn).data().toString().toStdString();
            const Year year = m->index(r, S::YearColumn).data(Qt::UserRole).toInt();
            const auto it = sums.find({rateCell, year});
            QVERIFY2(it != sums.end(), rateCell.c_str());
            const double mm = m->index(r, S::MemberMonthsColumn).data(Qt::UserRole).toDouble();
            QCOMPARE(mm, it->second.first);
            QCOMPARE(m->index(r, S::MembersColumn).data(Qt::UserRole).toDouble(), it->second.first / 12.0);
            QCOMPARE(m->index(r, S::IncludedCostColumn).data(Qt::UserRole).toDouble(), it->second.second);
            QCOMPARE(m->index(r, S::IncludedPmpmColumn).data().toString(),
                     ui::formatDollars(it->second.second / it->second.first));
            QCOMPARE(m->index(r, S::MemberMonthsColumn).data().toString(),
                     ui::formatNumber(it->second.first, 0));
            // The generator's own totals agree (an independent source of the same sums).
            if (const io::SampleCellTotal* t = sample_.total(QString::fromStdString(rateCell), year)) {
                QVERIFY(std::fabs(t->memberMonths - mm) <= 1e-6 * std::max(1.0, mm));
                ++checkedAgainstSample;
            }
        }
        QCOMPARE(checkedAgainstSample, m->rowCount());
    }

    void copiesTheSelectionAsTsv()
    {
        ui::ExperienceView v(doc_.get());
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        const ExperienceData& data = doc_->experience();
        selectCombo(v.planFilter(), QString::fromStdString(data.cells.front().planId));
        selectCombo(v.yearFilter(), doc_->index().maxYear());
        QSortFilterProxyModel* proxy = v.filter();
        QVERIFY(proxy->rowCount() >= 2);

        // Rows 0–1, columns plan, year, member months and the first COS.
        using M = ui::ExperienceModel;
        const QList<int> columns{M::PlanColumn, M::YearColumn, M::MemberMonthsColumn, M::FirstCosColumn};
        QItemSelection selection;
        for (const int c : columns)
            selection.select(proxy->index(0, c), proxy->index(1, c));
        v.table()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);

        QString expected =
            QStringLiteral("Plan\tYear\tMember months\t%1 ($)\n").arg(ui::cosLabel(data.cosNames.front()));
        for (int r = 0; r < 2; ++r) {
            const ExperienceCell& c =
                data.cells[static_cast<std::size_t>(proxy->mapToSource(proxy->index(r, 0)).row())];
            expected += QStringList{QString::fromStdString(c.planId), QString::number(c.year),
                                    QString::number(c.memberMonths, 'g', 15),
                                    QString::fromStdString(formatMoney(c.cost.front()))}
                            .join(u'\t') +
                        u'\n';
        }
        QGuiApplication::clipboard()->clear();
        QCOMPARE(v.copySelection(), expected);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);

        // Ctrl+C on the table copies the same text.
        QGuiApplication::clipboard()->setText(QStringLiteral("stale"));
        v.table()->setFocus();
        QTest::keyClick(v.table(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);
        const QStringList lines = expected.trimmed().split(u'\n');
        QCOMPARE(lines.size(), qsizetype(3));
        for (const QString& line : lines)
            QCOMPARE(line.count(u'\t'), qsizetype(3));
    }

    void comparesTwoScenariosAgainstTheEngine()
    {
        ui::CompareView v(doc_.get());
        v.compare({strawId_, flatId_});
        QCOMPARE(v.compared().size(), qsizetype(2));
        QVERIFY2(v.errors().isEmpty(), qPrintable(v.errors().join(u'\n')));
        QCOMPARE(v.compared()[0].id, strawId_);
        QCOMPARE(v.compared()[1].name, QStringLiteral("Flat 40 % share"));

        const Settlement a = engineSettlement(strawId_);
        const Settlement b = engineSettlement(flatId_);
        QCOMPARE(b.plans.size(), a.plans.size());
        QCOMPARE(v.plans().size(), static_cast<qsizetype>(a.plans.size()));
        QCOMPARE(v.chartDeltasMillions().size(), qsizetype(1));
        auto* bars = qobject_cast<QCPBars*>(v.chart()->plottable(0));
        QVERIFY(bars != nullptr);
        QCOMPARE(bars->data()->size(), static_cast<int>(a.plans.size()));

        int differing = 0;
        ui::StatewideFigures sa, sb;
        for (std::size_t i = 0; i < a.plans.size(); ++i) {
            const PlanSettlement& pa = a.plans[i];
            const PlanSettlement& pb = b.plans[i];
            QCOMPARE(pb.planId, pa.planId);
            const QString plan = QString::fromStdString(pa.planId);
            const double delta = pb.payment.payment - pa.payment.payment;
            QCOMPARE(v.payment(0, plan), pa.payment.payment);
            QCOMPARE(v.payment(1, plan), pb.payment.payment);
            QCOMPARE(v.paymentDelta(1, plan), delta);
            QCOMPARE(v.programNetDelta(1, plan), pb.programNet - pa.programNet);
            if (delta != 0.0)
                ++differing;

            // The table: plan, name, A payment, A net, B payment, B net, Δ payment, Δ net.
            const int row = rowOf(v.planTable(), plan);
            QVERIFY(row >= 0);
            QAbstractItemModel* m = v.planTable()->model();
            QCOMPARE(m->index(row, 2).data().toString(), ui::formatDollars(pa.payment.payment));
            QCOMPARE(m->index(row, 5).data().toString(), ui::formatDollars(pb.programNet));
            QCOMPARE(m->index(row, 6).data().toString(), ui::formatDollars(delta));
            QCOMPARE(m->index(row, 7).data().toString(), ui::formatDollars(pb.programNet - pa.programNet));

            // The chart: plans in id order, the same as the engine's.
            const int k = static_cast<int>(v.plans().indexOf(plan));
            QCOMPARE(v.chartDeltasMillions()[0][k], delta / 1e6);
            QCOMPARE(bars->data()->at(k)->value, delta / 1e6);

            // Statewide totals foot with the plan rows: the sum of each plan's figure in cents.
            for (auto [s, p] : {std::pair{&sa, &pa}, std::pair{&sb, &pb}}) {
                s->expected += roundTo(p->expected, 2);
                s->actual += roundTo(p->actual, 2);
                s->grossSavings += roundTo(p->grossSavings, 2);
                s->payments += roundTo(p->payment.payment, 2);
                s->programNet += roundTo(p->programNet, 2);
                s->federal += roundTo(p->split.federal, 2);
                s->state += roundTo(p->split.state, 2);
            }
        }
        QVERIFY2(differing > 0, "a flat 40 % share should change some payments");

        // Statewide: rows expected … state; columns figure, A, B, Δ.
        const double wantA[] = {sa.expected,   sa.actual,  sa.grossSavings, sa.payments,
                                sa.programNet, sa.federal, sa.state};
        const double wantB[] = {sb.expected,   sb.actual,  sb.grossSavings, sb.payments,
                                sb.programNet, sb.federal, sb.state};
        const ui::StatewideFigures& va = v.statewide(0);
        const ui::StatewideFigures& vb = v.statewide(1);
        const double gotA[] = {va.expected,   va.actual,  va.grossSavings, va.payments,
                               va.programNet, va.federal, va.state};
        const double gotB[] = {vb.expected,   vb.actual,  vb.grossSavings, vb.payments,
                               vb.programNet, vb.federal, vb.state};
        QAbstractItemModel* m = v.statewideTable()->model();
        QCOMPARE(m->rowCount(), 7);
        QCOMPARE(m->columnCount(), 4);
        for (int r = 0; r < 7; ++r) {
            QCOMPARE(gotA[r], wantA[r]);
            QCOMPARE(gotB[r], wantB[r]);
            QCOMPARE(m->index(r, 1).data().toString(), ui::formatDollars(wantA[r]));
            QCOMPARE(m->index(r, 2).data().toString(), ui::formatDollars(wantB[r]));
            QCOMPARE(m->index(r, 3).data(Qt::UserRole).toDouble(), wantB[r] - wantA[r]);
        }
        QVERIFY(sb.payments != sa.payments);
        QCOMPARE(m->index(0, 3).data(Qt::UserRole).toDouble(), 0.0); // E does not depend on sharing

        // Fewer than two scenarios: nothing to compare.
        v.compare({strawId_});
        QVERIFY(v.compared().isEmpty());
        QCOMPARE(v.planTable()->model()->rowCount(), 0);
    }

    void listsTheEditedScenarioWhileItDiffers()
    {
        ui::CompareView v(doc_.get());
        auto editedRow = [&v]() {
            for (int i = 0; i < v.scenarioList()->count(); ++i)
                if (v.scenarioList()->item(i)->data(Qt::UserRole).toLongLong() ==
                    ui::CompareView::kEditedScenario)
                    return i;
            return -1;
        };
        QCOMPARE(v.scenarioList()->count(), 2);
        QCOMPARE(editedRow(), -1);

        Scenario edited = doc_->scenario();
        edited.sharing.maxShare = 0.3;
        edited.sharing.qualityScaling = QualityScaling::None;
        doc_->setScenario(edited, QStringLiteral("test edit"));
        QCOMPARE(v.scenarioList()->count(), 3);
        const int row = editedRow();
        QVERIFY(row >= 0);
        QCOMPARE(v.scenarioList()->item(row)->text(),
                 QString::fromStdString(edited.name) + QStringLiteral(" (edited)"));

        // Checking it in the list compares it (coalesced) against the reference.
        v.compare({strawId_});
        v.scenarioList()->item(editedRow())->setCheckState(Qt::Checked);
        QTRY_COMPARE(v.compared().size(), qsizetype(2));
        QCOMPARE(v.compared()[1].id, ui::CompareView::kEditedScenario);
        SettlementOptions o;
        o.year = doc_->performanceYear();
        o.trace = false;
        const Settlement a = engineSettlement(strawId_);
        const Settlement e = settle(doc_->index(), doc_->quality(), edited, o);
        for (std::size_t i = 0; i < a.plans.size(); ++i)
            QCOMPARE(v.paymentDelta(1, QString::fromStdString(a.plans[i].planId)),
                     e.plans[i].payment.payment - a.plans[i].payment.payment);

        // Undo: the edited scenario equals the stored one again and leaves the list and the comparison.
        doc_->undoStack()->undo();
        QCOMPARE(editedRow(), -1);
        QTRY_VERIFY(v.compared().isEmpty());
    }

    void rendersBothViews()
    {
        {
            ui::ExperienceView v(doc_.get());
            v.resize(1366, 768);
            v.show();
            QVERIFY(QTest::qWaitForWindowExposed(&v));
            QVERIFY(v.grab().save(QStringLiteral("/tmp/experience_view.png")));
        }
        {
            ui::CompareView v(doc_.get());
            v.resize(1366, 768);
            v.show();
            QVERIFY(QTest::qWaitForWindowExposed(&v));
            v.compare({strawId_, flatId_});
            QTest::qWait(50); // let the layout follow the new columns, as the event loop would
            QVERIFY(v.grab().save(QStringLiteral("/tmp/compare_view.png")));

            // Three scenarios: the edited one as well.
            Scenario edited = doc_->scenario();
            edited.sharing.maxShare = 0.6;
            doc_->setScenario(edited, QStringLiteral("test edit"));
            v.compare({strawId_, flatId_, ui::CompareView::kEditedScenario});
            QCOMPARE(v.compared().size(), qsizetype(3));
            QTest::qWait(50);
            QVERIFY(v.grab().save(QStringLiteral("/tmp/compare_view_3.png")));
            doc_->undoStack()->undo();
        }
    }

    void cleanupTestCase() { doc_.reset(); }
};

QTEST_MAIN(TestExperienceCompare)
#include "tst_experience_compare.moc"
