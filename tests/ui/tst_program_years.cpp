//! The Program years tab (docs/methodology.md, "Program years") driven through the real workbench
//! on the offscreen platform: the default range for the sample's Straw Proposal 7 scenario, the
//! table and chart against the engine's settlement of each year's scenario (compared exactly: the
//! table shows the engine's own doubles), a by_year override edited into the scenario redrawing
//! the view, the spin boxes keeping first <= last, and an impossible range shown as an error.

#include "engine/statewide_totals.h"
#include "io/json/scenario_json.h"
#include "tests/ui/sample_project.h"
#include "ui/analysis/program_years_view.h"
#include "ui/charts/program_years_chart.h"
#include "ui/document/program_years.h"
#include "ui/document/program_years_model.h"
#include "ui/workbench/main_window.h"

#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <chrono>
#include <map>
#include <vector>

using namespace sharecast;

namespace {

//! The row of a plan in the (sorted) table, or −1.
int rowOf(QAbstractItemModel* m, const std::string& plan)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data().toString() == QString::fromStdString(plan))
            return r;
    return -1;
}

} // namespace

class TestProgramYears : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    static ui::ProgramYearsView* open(ui::MainWindow& w, const QString& project)
    {
        w.setAutosaveDelay(std::chrono::hours(1));
        if (!w.openProject(project))
            return nullptr;
        w.resize(1400, 900);
        w.show();
        if (!QTest::qWaitForWindowExposed(&w) || !w.showTab(QStringLiteral("Program years")))
            return nullptr;
        return w.programYearsView();
    }

    //! The engine's settlement of each year's scenario, without the UI.
    static std::vector<Settlement> engineYears(const ui::ProjectDocument* doc, Year first, Year last)
    {
        std::vector<Settlement> out;
        for (Year y = first; y <= last; ++y) {
            SettlementOptions o;
            o.year = y;
            o.trace = false;
            out.push_back(settle(doc->index(), doc->quality(), io::scenarioForYear(doc->scenario(), y), o));
        }
        return out;
    }

    //! Every figure of the table equals the engine's: per year P and G − P, cumulative in cents.
    static void compareWithEngine(ui::ProgramYearsView* view, const std::vector<Settlement>& years)
    {
        QAbstractItemModel* m = view->table()->model();
        const int n = static_cast<int>(years.size());
        QCOMPARE(m->columnCount(), 2 + 2 * n + 2);
        std::map<std::string, std::vector<double>> payments, nets;
        for (int k = 0; k < n; ++k) {
            QCOMPARE(m->headerData(2 + 2 * k, Qt::Horizontal).toString(),
                     QStringLiteral("%1 payment").arg(years[static_cast<std::size_t>(k)].year));
            for (const PlanSettlement& p : years[static_cast<std::size_t>(k)].plans) {
                const int row = rowOf(m, p.planId);
                QVERIFY(row >= 0);
                QCOMPARE(m->index(row, 2 + 2 * k).data(Qt::UserRole).toDouble(), p.payment.payment);
                QCOMPARE(m->index(row, 3 + 2 * k).data(Qt::UserRole).toDouble(), p.programNet);
                payments[p.planId].push_back(p.payment.payment);
                nets[p.planId].push_back(p.programNet);
            }
        }
        QCOMPARE(m->rowCount(), static_cast<int>(payments.size()));
        const std::vector<QVector<double>>& bars = view->chart()->paymentMillions();
        QCOMPARE(bars.size(), years.size());
        for (const auto& [plan, list] : payments) {
            const int row = rowOf(m, plan);
            QCOMPARE(m->index(row, 2 + 2 * n).data(Qt::UserRole).toDouble(), sumOfCents(list));
            QCOMPARE(m->index(row, 3 + 2 * n).data(Qt::UserRole).toDouble(), sumOfCents(nets[plan]));
        }
        // The chart's plans are in id order, as the program's cumulative list.
        const auto& cumulative = view->program()->program().cumulative;
        for (std::size_t i = 0; i < cumulative.size(); ++i)
            QCOMPARE(view->chart()->cumulativeNetMillions()[static_cast<qsizetype>(i)],
                     sumOfCents(nets[cumulative[i].planId]) / 1e6);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        testing::isolateUserFiles(QDir(dir_.path()));
        project_ = testing::makeSampleProject(QDir(dir_.path()));
    }

    void defaultRangeFollowsTheBaseline()
    {
        ui::MainWindow w;
        ui::ProgramYearsView* view = open(w, project_);
        QVERIFY(view);
        // Straw Proposal 7 names its baseline 2021–2023: the only later year of the sample is 2024.
        QCOMPARE(w.document()->scenario().baseline.years, (std::vector<Year>{2021, 2022, 2023}));
        QCOMPARE(view->firstYear()->value(), 2024);
        QCOMPARE(view->lastYear()->value(), 2024);
        QVERIFY2(view->program()->error().isEmpty(), qPrintable(view->program()->error()));
        compareWithEngine(view, engineYears(w.document(), 2024, 2024));
        // One program year is the workbench's own settlement of that year.
        QCOMPARE(view->program()->program().years.front().plans.size(),
                 w.document()->settlement().plans.size());

        // 2023 is inside the explicit baseline: the error names the key, the table empties.
        view->firstYear()->setValue(2023);
        QCOMPARE(view->program()->firstYear(), 2023);
        QVERIFY2(view->status()->text().contains(QStringLiteral("baseline.years")),
                 qPrintable(view->status()->text()));
        QCOMPARE(view->table()->model()->rowCount(), 0);
    }

    void rollingBaselineWithOverrides()
    {
        ui::MainWindow w;
        ui::ProgramYearsView* view = open(w, project_);
        QVERIFY(view);
        ui::ProjectDocument* doc = w.document();
        // Each year on the year before it; 2024 shares nothing (no payments, no losses).
        Scenario s = doc->scenario();
        s.baseline = BaselineSpec{};
        doc->setScenario(s, QStringLiteral("rolling baseline"));
        Scenario withOverride = s;
        withOverride.byYear[2024] =
            R"({"sharing": {"quality_scaling": "none", "max_share": 0}, "losses": {"enabled": false}})";
        doc->setScenario(withOverride, QStringLiteral("2024 shares nothing"));
        QTRY_COMPARE(doc->scenario().byYear.size(), std::size_t{1});

        view->firstYear()->setValue(2022);
        QTRY_COMPARE(view->program()->program().years.size(), std::size_t{3});
        const std::vector<Settlement> years = engineYears(doc, 2022, 2024);
        compareWithEngine(view, years);
        for (const PlanSettlement& p : years[2].plans)
            QCOMPARE(p.payment.payment, 0.0);
        bool someoneIsPaid = false;
        for (const PlanSettlement& p : years[1].plans)
            someoneIsPaid = someoneIsPaid || p.payment.payment > 0.0;
        QVERIFY(someoneIsPaid); // 2023 has the base's terms
        QVERIFY(view->chart()->paymentMillions()[2] ==
                QVector<double>(view->chart()->paymentMillions()[2].size(), 0.0));

        // Undo the override: 2024 pays again, the view follows once the document has recalculated.
        QSignalSpy settled(view->program(), &ui::ProgramYears::changed);
        doc->undoStack()->undo();
        QVERIFY(doc->scenario().byYear.empty());
        QTRY_VERIFY(settled.count() >= 1);
        QCOMPARE(view->program()->program().years.size(), std::size_t{3});
        compareWithEngine(view, engineYears(doc, 2022, 2024));

        // The boxes keep first <= last: moving the last year before the first moves the first.
        view->lastYear()->setValue(2021);
        QCOMPARE(view->firstYear()->value(), 2021);
        QCOMPARE(view->program()->firstYear(), 2021);
        QCOMPARE(view->program()->lastYear(), 2021);
        compareWithEngine(view, engineYears(doc, 2021, 2021));
    }
};

QTEST_MAIN(TestProgramYears)
#include "tst_program_years.moc"
