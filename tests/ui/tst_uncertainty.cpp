//! The Uncertainty tab (methodology §13) driven through the real workbench on the offscreen
//! platform: the validity table and the interval chart show the engine's closed forms, which the
//! test also works out by §13's formulas from the sample's member months; an edit of the
//! coefficient of variation in the Assumptions panel redraws them; the Monte Carlo runs off the
//! GUI thread and its payment columns and histogram equal a direct engine run with the same
//! seed; an edit during a run cancels it without harm; the projection fan draws its band on the
//! Projection and Rate impact charts; Explain tells how much of a plan's result is chance.
//!
//! Tolerances: the closed forms worked out here agree with the engine within 1e-12 (relative, for
//! σ and the interval) and 1e-9 (the probabilities, through erfc); the table shows the engine's
//! own doubles, compared exactly; the Monte Carlo's figures are reproducible bit for bit at any
//! number of threads (§13), so they are compared exactly too.

#include "engine/explain.h"
#include "engine/validity.h"
#include "tests/ui/sample_project.h"
#include "ui/analysis/uncertainty_view.h"
#include "ui/assumptions/assumptions_panel.h"
#include "ui/charts/payment_histogram.h"
#include "ui/charts/projection_chart.h"
#include "ui/charts/rate_impact_chart.h"
#include "ui/charts/validity_chart.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/document/validity_model.h"
#include "ui/document/validity_runner.h"
#include "ui/workbench/main_window.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <qcustomplot.h>

#include <chrono>
#include <cmath>
#include <map>
#include <numeric>

using namespace sharecast;
using ui::ValidityModel;

namespace {

//! z_{0.95}, the standard normal's 95th percentile (α = 0.10 two-sided: z_{1−α/2}).
constexpr double kZ95 = 1.6448536269514722;
constexpr long kMonteCarloWait = 60000; // ms: the runs are a second or two; a loaded machine is slow

double raw(QAbstractItemModel* m, int row, int column)
{
    return m->index(row, column).data(Qt::UserRole).toDouble();
}

QString shown(QAbstractItemModel* m, int row, int column)
{
    return m->index(row, column).data().toString();
}

//! The row of planId in the view's table (as sorted), or -1.
int rowOf(QAbstractItemModel* m, const std::string& planId)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (shown(m, r, ValidityModel::Plan) == QString::fromStdString(planId))
            return r;
    return -1;
}

//! Members of a plan in a year from the experience (Σ MM / 12), as §13 counts N and N_b.
double membersIn(const ExperienceData& data, const std::string& planId, Year year)
{
    double mm = 0.0;
    for (const ExperienceCell& c : data.cells)
        if (c.planId == planId && c.year == year)
            mm += c.memberMonths;
    return mm / 12.0;
}

//! Sets a spin box as a user would (type, then Enter) and waits for the recalculation.
void typeInto(QDoubleSpinBox* box, const QString& text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Enter);
}

} // namespace

class TestUncertainty : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    //! The engine's own validity of the document's current scenario, with the Monte Carlo.
    static Validity engineValidity(const ui::ProjectDocument* doc)
    {
        const Settlement s = testing::engineSettlement(doc);
        MonteCarloOptions o;
        o.draws = doc->scenario().uncertainty.draws;
        o.seed = doc->scenario().uncertainty.seed;
        o.threads = 1; // the workbench runs on every core: the figures must not depend on it
        o.keepDraws = true;
        return assessValidity(s, doc->index(), doc->scenario(), doc->memberMoments(), o);
    }

    static ui::UncertaintyView* openOnUncertainty(ui::MainWindow& w, const QString& project)
    {
        w.setAutosaveDelay(std::chrono::hours(1)); // no recovery file between the tests
        if (!w.openProject(project))
            return nullptr;
        w.resize(1400, 900);
        w.show();
        if (!QTest::qWaitForWindowExposed(&w) || !w.showTab(QStringLiteral("Uncertainty")))
            return nullptr;
        return w.uncertaintyView();
    }

    //! Sets the Monte Carlo's draws through the Assumptions panel.
    static void setDraws(ui::MainWindow& w, int draws)
    {
        auto* box = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("uncertaintyDraws"));
        QVERIFY(box);
        typeInto(box, QString::number(draws));
        QTRY_COMPARE(w.document()->scenario().uncertainty.draws, draws);
        QTRY_COMPARE(w.validityRunner()->validity().draws, long{draws}); // recalculated, the runs restarted
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        testing::isolateUserFiles(QDir(dir_.path()));
        project_ = testing::makeSampleProject(QDir(dir_.path()));
    }

    void tableShowsTheClosedFormsOfSection13()
    {
        ui::MainWindow w;
        ui::UncertaintyView* view = openOnUncertainty(w, project_);
        QVERIFY(view);
        QCOMPARE(w.findChild<QTabWidget*>()->currentWidget(), view);
        ui::ProjectDocument* doc = w.document();
        const Scenario& sc = doc->scenario();
        const Settlement settlement = testing::engineSettlement(doc);
        const Validity expected = validityClosedForms(settlement, doc->index(), sc, doc->memberMoments());
        QAbstractItemModel* m = view->table()->model();
        QCOMPARE(m->rowCount(), static_cast<int>(settlement.plans.size()));
        QVERIFY(m->rowCount() >= 2);

        for (const PlanValidity& e : expected.plans) {
            const int r = rowOf(m, e.planId);
            QVERIFY2(r >= 0, e.planId.c_str());
            QCOMPARE(shown(m, r, ValidityModel::PlanName),
                     QString::fromStdString(doc->experience().planName(e.planId)));
            QCOMPARE(raw(m, r, ValidityModel::Members), e.members);
            QCOMPARE(raw(m, r, ValidityModel::Cv), e.cv);
            QCOMPARE(raw(m, r, ValidityModel::Sigma), e.sigma);
            QCOMPARE(raw(m, r, ValidityModel::SavingsRate), *e.savingsRate);
            QCOMPARE(raw(m, r, ValidityModel::Interval), *e.ciLow);
            QCOMPARE(raw(m, r, ValidityModel::Msr), e.msr);
            QCOMPARE(raw(m, r, ValidityModel::PFalseReward), e.pFalseReward);
            QCOMPARE(shown(m, r, ValidityModel::Sigma), ui::formatPercent(e.sigma, 2));
            QCOMPARE(shown(m, r, ValidityModel::Interval),
                     QStringLiteral("%1 to %2")
                         .arg(ui::formatPercent(*e.ciLow, 2), ui::formatPercent(*e.ciHigh, 2)));
            QCOMPARE(shown(m, r, ValidityModel::MembersNeeded),
                     e.membersNeeded ? ui::formatNumber(static_cast<double>(*e.membersNeeded), 0)
                                     : QStringLiteral("NA"));
        }

        // Worked independently for every plan: the sample has no member data and the scenario no
        // uncertainty.cv, so c = msr.cv; N and N_b from the member months; σ, the interval and
        // P(false reward) by §13's formulas.
        QVERIFY(!sc.uncertainty.cv.has_value());
        const Year y = doc->performanceYear();
        const BaselineSpec baseline = sc.effectiveBaseline(y);
        for (const PlanSettlement& p : settlement.plans) {
            const int r = rowOf(m, p.planId);
            QCOMPARE(shown(m, r, ValidityModel::CvSource), QStringLiteral("msr.cv"));
            QCOMPARE(raw(m, r, ValidityModel::Cv), sc.msr.cv);
            const double n = membersIn(doc->experience(), p.planId, y);
            QVERIFY(std::fabs(n - raw(m, r, ValidityModel::Members)) <= 1e-9 * n);
            double weightSum = 0.0;
            for (std::size_t b = 0; b < baseline.years.size(); ++b)
                if (membersIn(doc->experience(), p.planId, baseline.years[b]) > 0.0)
                    weightSum += baseline.weights.empty() ? 1.0 : baseline.weights[b];
            double benchmark = 0.0;
            for (std::size_t b = 0; b < baseline.years.size(); ++b) {
                const double nb = membersIn(doc->experience(), p.planId, baseline.years[b]);
                const double wb = (baseline.weights.empty() ? 1.0 : baseline.weights[b]) / weightSum;
                if (nb > 0.0)
                    benchmark += wb * wb / nb;
            }
            const double sigma = sc.msr.cv * std::sqrt(1.0 / n + benchmark);
            const double shownSigma = raw(m, r, ValidityModel::Sigma);
            QVERIFY2(std::fabs(shownSigma - sigma) <= 1e-12 * sigma,
                     qPrintable(QStringLiteral("%1: σ %2, worked %3")
                                    .arg(QString::fromStdString(p.planId))
                                    .arg(shownSigma, 0, 'g', 17)
                                    .arg(sigma, 0, 'g', 17)));
            QVERIFY(std::fabs(raw(m, r, ValidityModel::Interval) - (*p.savingsRate - kZ95 * sigma)) <= 1e-12);
            const double pFalse = 0.5 * std::erfc(p.msr.rate / sigma / std::sqrt(2.0));
            QVERIFY(std::fabs(raw(m, r, ValidityModel::PFalseReward) - pFalse) <= 1e-9);
        }

        // The interval chart draws the same, in percent, by plan name.
        ui::ValidityChartController* chart = view->intervalChart();
        QCOMPARE(chart->planLabels().size(), static_cast<int>(expected.plans.size()));
        int straddling = 0;
        for (int i = 0; i < chart->planLabels().size(); ++i) {
            const PlanValidity& e = expected.plans[static_cast<std::size_t>(i)];
            const std::string name = doc->experience().planName(e.planId);
            QCOMPARE(chart->planLabels()[i], QString::fromStdString(name.empty() ? e.planId : name));
            QCOMPARE(chart->ratePercent()[i], *e.savingsRate * 100.0);
            QCOMPARE(chart->lowPercent()[i], *e.ciLow * 100.0);
            QCOMPARE(chart->highPercent()[i], *e.ciHigh * 100.0);
            QCOMPARE(chart->msrPercent()[i], e.msr * 100.0);
            QCOMPARE(chart->mlrPercent()[i], -e.mlr * 100.0);
            QCOMPARE(chart->straddles()[i], *e.ciLow <= e.msr && e.msr <= *e.ciHigh);
            straddling += e.straddlesMsr ? 1 : 0;
        }
        QCOMPARE(chart->straddleGraph()->data()->size(), straddling);
        QCOMPARE(chart->clearGraph()->data()->size(), chart->planLabels().size() - straddling);
    }

    void anEditOfTheCvRedrawsTheView()
    {
        ui::MainWindow w;
        ui::UncertaintyView* view = openOnUncertainty(w, project_);
        QVERIFY(view);
        ui::ProjectDocument* doc = w.document();
        QAbstractItemModel* m = view->table()->model();
        const std::string plan = doc->settlement().plans.front().planId;
        const double sigmaBefore = raw(m, rowOf(m, plan), ValidityModel::Sigma);
        const double highBefore = view->intervalChart()->highPercent().front();
        const double c = doc->scenario().msr.cv;

        auto* cv = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("uncertaintyCv"));
        QVERIFY(cv);
        QCOMPARE(cv->text(), QStringLiteral("from the data")); // null shown as what it means
        typeInto(cv, QStringLiteral("%1").arg(2.0 * c, 0, 'f', 3));
        QTRY_VERIFY(doc->scenario().uncertainty.cv.has_value());
        QCOMPARE(*doc->scenario().uncertainty.cv, std::round(2000.0 * c) / 1000.0);
        const double c2 = *doc->scenario().uncertainty.cv;
        QTRY_COMPARE(shown(m, rowOf(m, plan), ValidityModel::CvSource), QStringLiteral("uncertainty.cv"));
        // σ is proportional to c.
        const double sigmaAfter = raw(m, rowOf(m, plan), ValidityModel::Sigma);
        QVERIFY2(
            std::fabs(sigmaAfter - sigmaBefore * c2 / c) <= 1e-12 * sigmaAfter,
            qPrintable(
                QStringLiteral("σ %1 → %2 for c %3 → %4").arg(sigmaBefore).arg(sigmaAfter).arg(c).arg(c2)));
        QVERIFY(view->intervalChart()->highPercent().front() > highBefore);
        QCOMPARE(raw(m, rowOf(m, plan), ValidityModel::Sigma),
                 validityClosedForms(testing::engineSettlement(doc), doc->index(), doc->scenario(), nullptr)
                     .plans.front()
                     .sigma);

        // Undo puts c back to null and the table back as it was.
        doc->undoStack()->undo();
        QTRY_COMPARE(shown(m, rowOf(m, plan), ValidityModel::CvSource), QStringLiteral("msr.cv"));
        QCOMPARE(raw(m, rowOf(m, plan), ValidityModel::Sigma), sigmaBefore);
        QCOMPARE(cv->text(), QStringLiteral("from the data"));
    }

    void monteCarloMatchesTheEngineWithTheSameSeed()
    {
        ui::MainWindow w;
        ui::UncertaintyView* view = openOnUncertainty(w, project_);
        QVERIFY(view);
        ui::ProjectDocument* doc = w.document();
        setDraws(w, 3000);
        auto* seed = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("uncertaintySeed"));
        QVERIFY(seed);
        typeInto(seed, QStringLiteral("42"));
        ui::ValidityRunner* runner = w.validityRunner();
        QTRY_COMPARE(runner->validity().seed, std::uint64_t{42});
        QTRY_VERIFY_WITH_TIMEOUT(runner->validity().monteCarloDone, kMonteCarloWait);
        QCOMPARE(view->status()->text().section(QStringLiteral(" · "), 0, 0),
                 QStringLiteral("Monte Carlo: 3,000 draws, seed 42"));

        const Validity expected = engineValidity(doc);
        QAbstractItemModel* m = view->table()->model();
        for (const PlanValidity& e : expected.plans) {
            const int r = rowOf(m, e.planId);
            QCOMPARE(raw(m, r, ValidityModel::ChanceMean), e.payment.chanceMean);
            QCOMPARE(raw(m, r, ValidityModel::ChanceP95), e.payment.chanceP95);
            QCOMPARE(raw(m, r, ValidityModel::PaymentP05), e.payment.p05);
            QCOMPARE(raw(m, r, ValidityModel::PaymentP50), e.payment.p50);
            QCOMPARE(raw(m, r, ValidityModel::PaymentP95), e.payment.p95);
            QCOMPARE(shown(m, r, ValidityModel::PaymentP50), ui::formatDollars(e.payment.p50));
        }

        // The histogram: both distributions, each summing to all the draws, and the observed
        // statewide payment marked.
        ui::PaymentHistogramController* h = view->histogram();
        QVERIFY(!h->binCentresMillions().isEmpty());
        const double chance = std::accumulate(h->chancePercent().begin(), h->chancePercent().end(), 0.0);
        const double around = std::accumulate(h->aroundPercent().begin(), h->aroundPercent().end(), 0.0);
        QVERIFY(std::fabs(chance - 100.0) < 1e-9 && std::fabs(around - 100.0) < 1e-9);
        double observed = 0.0;
        for (const PlanSettlement& p : testing::engineSettlement(doc).plans)
            observed += p.payment.payment;
        QVERIFY(std::fabs(h->observedMillions() - observed / 1e6) < 1e-9);
        QCOMPARE(h->observedLine()->point1->coords().x(), h->observedMillions());
        QCOMPARE(h->observedLabel()->text(),
                 QStringLiteral("Observed %1").arg(ui::formatMillions(observed, 1)));
        // The histogram's mass lies where the engine's draws do: its median bin holds p50.
        const double width = h->binCentresMillions()[1] - h->binCentresMillions()[0];
        double cumulative = 0.0;
        int medianBin = 0;
        while (cumulative + h->aroundPercent()[medianBin] < 50.0)
            cumulative += h->aroundPercent()[medianBin++];
        QVERIFY(std::fabs(h->binCentresMillions()[medianBin] - expected.all.p50 / 1e6) <= width);
    }

    void anEditDuringARunCancelsIt()
    {
        ui::MainWindow w;
        ui::UncertaintyView* view = openOnUncertainty(w, project_);
        QVERIFY(view);
        ui::ProjectDocument* doc = w.document();
        ui::ValidityRunner* runner = w.validityRunner();
        setDraws(w, 2000000); // long enough to be under way when the edits come
        QVERIFY(runner->monteCarloRunning());
        QVERIFY(view->status()->text().startsWith(QStringLiteral("Monte Carlo: running (2,000,000 draws)…")));
        QVERIFY(view->table()->model()->index(0, ValidityModel::PaymentP50).data().toString() ==
                QStringLiteral("…"));
        auto* cv = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("uncertaintyCv"));
        for (const char* c : {"1.1", "1.2", "1.3"}) {
            typeInto(cv, QString::fromLatin1(c));
            QTRY_COMPARE(runner->validity().plans.front().cv, QString::fromLatin1(c).toDouble());
            QVERIFY(runner->monteCarloRunning()); // restarted, the previous run cancelled
        }
        setDraws(w, 1500);
        QTRY_VERIFY_WITH_TIMEOUT(runner->validity().monteCarloDone, kMonteCarloWait);
        // What is shown is the last edit's run, not a cancelled one's.
        const Validity expected = engineValidity(doc);
        QCOMPARE(runner->validity().draws, 1500L);
        QCOMPARE(runner->validity().all.p50, expected.all.p50);
        QCOMPARE(runner->validity().plans.front().cv, 1.3);

        // Closing the project in the middle of a run waits for it to stop, then frees the data.
        setDraws(w, 2000000);
        QVERIFY(runner->monteCarloRunning());
        QVERIFY(w.openProject(project_));
        QVERIFY(w.validityRunner());
        // The stored scenario's draws: the edits went with the closed document.
        QCOMPARE(w.validityRunner()->validity().draws, long{UncertaintySpec{}.draws});
    }

    void projectionFanDrawsItsBand()
    {
        ui::MainWindow w;
        QVERIFY(openOnUncertainty(w, project_));
        ui::ProjectDocument* doc = w.document();
        setDraws(w, 400);
        ui::ValidityRunner* runner = w.validityRunner();
        QTRY_VERIFY_WITH_TIMEOUT(runner->fan().has_value() && !runner->fanRunning(), kMonteCarloWait);
        QCOMPARE(runner->fan()->draws, ui::ValidityRunner::fanDraws(400));

        MonteCarloOptions o;
        o.draws = ui::ValidityRunner::fanDraws(doc->scenario().uncertainty.draws);
        o.seed = doc->scenario().uncertainty.seed;
        o.threads = 1;
        const ProjectionFan fan = projectionFan(doc->index(), doc->quality(), doc->scenario(), o);
        const Projection& projection = doc->projection();
        QCOMPARE(fan.years.size(), projection.all.size());

        QVERIFY(w.showTab(QStringLiteral("Projection"))); // a chart redraws when its tab is shown
        auto* projectionPlot = w.findChild<QCustomPlot*>(QStringLiteral("projectionChart"));
        auto* projectionChart = projectionPlot->findChild<ui::ProjectionChartController*>();
        QVERIFY(projectionChart);
        QCOMPARE(projectionChart->bandLow().size(), static_cast<int>(fan.years.size()));
        for (std::size_t t = 0; t < fan.years.size(); ++t) {
            const double cf = projection.all[t].counterfactualCost;
            QCOMPARE(projectionChart->bandLow()[static_cast<int>(t)],
                     (cf - fan.years[t].grossSavings.p95) / 1e6);
            QCOMPARE(projectionChart->bandHigh()[static_cast<int>(t)],
                     (cf - fan.years[t].grossSavings.p05) / 1e6);
            QVERIFY(projectionChart->bandLow()[static_cast<int>(t)] <=
                    projectionChart->bandHigh()[static_cast<int>(t)]);
        }
        const QString legend = QStringLiteral("5th–95th percentile (utilization shock sd 1 %)");
        QCOMPARE(projectionChart->band()->name(), legend);
        QVERIFY(projectionPlot->legend->hasItemWithPlottable(projectionChart->band()));

        QVERIFY(w.showTab(QStringLiteral("Rate impact")));
        auto* ratePlot = w.findChild<QCustomPlot*>(QStringLiteral("rateImpactChart"));
        auto* rateChart = ratePlot->findChild<ui::RateImpactChartController*>();
        QVERIFY(rateChart);
        QCOMPARE(rateChart->bandLow().size(), static_cast<int>(fan.years.size()));
        for (std::size_t t = 0; t < fan.years.size(); ++t) {
            QCOMPARE(rateChart->bandLow()[static_cast<int>(t)], fan.years[t].rateImpact.p05 / 1e6);
            QCOMPARE(rateChart->bandHigh()[static_cast<int>(t)], fan.years[t].rateImpact.p95 / 1e6);
        }
        QCOMPARE(rateChart->band()->name(), legend);

        // An edit of the shock's sd reruns the fan: the band goes until the new one is in.
        auto* sd = w.assumptions()->findChild<QDoubleSpinBox*>(QStringLiteral("uncertaintyTrendSd"));
        QVERIFY(sd);
        typeInto(sd, QStringLiteral("2"));
        QTRY_COMPARE(doc->scenario().uncertainty.trendSd, 0.02);
        QTRY_VERIFY_WITH_TIMEOUT(runner->fan().has_value() && runner->fan()->trendSd == 0.02,
                                 kMonteCarloWait);
        QCOMPARE(rateChart->band()->name(), QStringLiteral("5th–95th percentile (utilization shock sd 2 %)"));
        const double widthBefore = fan.years.back().rateImpact.p95 - fan.years.back().rateImpact.p05;
        QVERIFY((rateChart->bandHigh().back() - rateChart->bandLow().back()) * 1e6 > widthBefore);
    }

    void explainTellsHowMuchIsChance()
    {
        ui::MainWindow w;
        ui::UncertaintyView* view = openOnUncertainty(w, project_);
        QVERIFY(view);
        setDraws(w, 1000);
        ui::ValidityRunner* runner = w.validityRunner();
        QTRY_VERIFY_WITH_TIMEOUT(runner->validity().monteCarloDone, kMonteCarloWait);
        view->table()->selectRow(1);
        const QString planId = view->table()->model()->index(1, ValidityModel::Plan).data().toString();
        const Validity& v = runner->validity();
        const PlanValidity* plan = nullptr;
        for (const PlanValidity& p : v.plans)
            if (QString::fromStdString(p.planId) == planId)
                plan = &p;
        QVERIFY(plan);
        const QString text = w.explainView()->toPlainText();
        QVERIFY2(text.contains(QString::fromStdString(explainValidity(v, *plan))),
                 qPrintable(text.right(400)));
        // The plan's settlement explanation comes first, then the validity.
        QVERIFY(text.indexOf(QString::fromStdString(explainValidity(v, *plan))) > 0);
    }
};

QTEST_MAIN(TestUncertainty)
#include "tst_uncertainty.moc"
