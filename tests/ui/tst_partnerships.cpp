//! The Partnerships tab, the funding-flow chart and the report's section "Partnerships: the three
//! wins" (docs/methodology.md, "Partnerships") on a small project built here: the data of the
//! golden case ffs_one_sided_same_data (plan A settles G = 320,000 and P = 160,000, so it keeps
//! half of each dollar saved; plan B a loss, P = 0) with three contracts of two partners, every
//! figure checked below worked out by hand from the contracts. A term typed into the table is one
//! undoable scenario edit that changes the ledger; the flow diagram's nodes pass on what they
//! receive; the report has the section exactly when the project has partnerships.

#include "engine/partnership_ledger.h"
#include "io/csv/partnerships_csv.h"
#include "io/csv/partnerships_ledger_csv.h"
#include "io/json/scenario_edit.h"
#include "io/json/scenario_json.h"
#include "io/project/importer.h"
#include "io/project/project_store.h"
#include "io/project/scenario_store.h"
#include "tests/ui/sample_project.h"
#include "ui/analysis/funding_flows_view.h"
#include "ui/analysis/partnerships_view.h"
#include "ui/charts/funding_flow_chart.h"
#include "ui/document/partnerships_model.h"
#include "ui/document/project_document.h"
#include "ui/report/report_renderer.h"
#include "ui/workbench/main_window.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

#include <chrono>
#include <cmath>

using namespace sharecast;

namespace {

constexpr double kCents = 0.005; // figures are compared to the cent

//! Three contracts in 2024 (and one in 2023, which the 2024 ledger leaves out). By hand, target
//! credit:
//!  A·CBO1: PMPM 300 × 250 = 75,000; outreach 100 × 20 = 2,000 capped at 1,500; readmissions 20 →
//!          14, target 15 (lower is better): met, bonus 10,000; pass-through 10 % × P_A 160,000 =
//!          16,000; grants 20,000 + 10,000; avoided 90,000 × kept 160,000 / 320,000 = 45,000.
//!  A·CBO2: PMPM 500 × 100 = 50,000; ed_visits 50 → 45, target 40: not met (linear: half the way,
//!          2,500 of 5,000); grants 15,000 + 5,000; avoided 40,000 × ½ = 20,000.
//!  B·CBO1: PMPM 150 × 250 = 37,500; outreach 50 × 20 = 1,000; not measured; pass-through 10 % of
//!          a payment B did not receive (P_B = 0): nothing; B keeps none of its avoided cost.
//! CBO1: operating revenue 75,000 + 37,500 + 1,500 + 1,000 + 10,000 + 16,000 = 141,000; cost
//!       170,000: sustainability 82.94 %, gap 29,000; grants 30,000: 12 × 30,000 / 170,000 =
//!       2.1 months; MCP value 45,000 − 141,000 = −96,000; engaged 60.
//! CBO2: operating revenue 50,000; cost 60,000: 83.33 %; MCP value 20,000 − 50,000 = −30,000.
//! Everything the partners received: 141,000 + 30,000 + 50,000 + 20,000 = 241,000.
const char* const kPartnerships =
    "plan_id,partner_id,partner_name,service,year,members_engaged,member_months,pmpm,outreach_attempts,"
    "outreach_fee,outreach_cap,outcome_measure,outcome_baseline,outcome_target,outcome_actual,outcome_bonus,"
    "savings_pass_through,operating_cost,grant_ipp,grant_path,grant_other,utilization_avoided\n"
    "A,CBO1,Recuperative Care Co,community_supports:recuperative_care,2024,40,300,250,100,20,1500,"
    "readmissions,20,15,14,10000,0.10,120000,20000,10000,0,90000\n"
    "A,CBO2,Meals Collective,community_supports:medically_tailored_meals,2024,60,500,100,0,0,,"
    "ed_visits,50,40,45,5000,0,60000,0,15000,5000,40000\n"
    "B,CBO1,Recuperative Care Co,community_supports:recuperative_care,2024,20,150,250,50,20,,"
    "readmissions,20,15,,8000,0.10,50000,0,0,0,30000\n"
    "A,CBO1,Recuperative Care "
    "Co,community_supports:recuperative_care,2023,10,80,250,0,0,,,,,,0,0,30000,0,0,0,0\n";

QString golden(const char* file)
{
    return QStringLiteral(SHARECAST_TEST_DATA "/../golden/ffs_one_sided_same_data/%1")
        .arg(QLatin1String(file));
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

//! The row of a partner (by its name in column 0) in a table's model, or −1.
int rowOf(const QAbstractItemModel* m, const QString& name)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data().toString() == name)
            return r;
    return -1;
}

const PartnerTotals* partnerIn(const PartnershipLedger& l, const std::string& id)
{
    for (const PartnerTotals& p : l.partners)
        if (p.partnerId == id)
            return &p;
    return nullptr;
}

} // namespace

class TestPartnerships : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_; //!< with partnerships
    QString plain_;   //!< the same data without

    //! A project of the golden data and scenario, with or without partnerships.
    QString makeProject(const QString& name, bool withPartnerships)
    {
        const QString path = QDir(dir_.path()).filePath(name);
        auto store = io::ProjectStore::create(path);
        io::ImportRequest r;
        r.experiencePath = golden("experience.csv");
        r.qualityPath = golden("quality.csv");
        io::importFiles(*store, r);
        io::ScenarioStore(*store).add(io::readScenarioFile(golden("scenario.json")));
        if (withPartnerships) {
            const QString csv = QDir(dir_.path()).filePath(QStringLiteral("partnerships.csv"));
            if (!writeFile(csv, kPartnerships))
                return {};
            io::Provenance provenance;
            provenance.sourceName = QStringLiteral("partnerships.csv");
            provenance.sha256 = QStringLiteral("0");
            provenance.importedAt = QDateTime::currentDateTimeUtc();
            store->addPartnerships(io::readPartnershipsFile(csv), provenance);
        }
        return path;
    }

    //! Opens a project in a workbench (on the golden's scenario, the project's only one).
    static bool open(ui::MainWindow& w, const QString& project)
    {
        w.setAutosaveDelay(std::chrono::hours(1));
        if (!w.openProject(project))
            return false;
        w.resize(1600, 1000);
        w.show();
        return QTest::qWaitForWindowExposed(&w);
    }

    //! The number behind a partner's figure in the partner table (what it sorts by), or NaN.
    static double value(ui::PartnershipsView* v, const QString& partner, ui::PartnershipsModel::Field f)
    {
        const QAbstractItemModel* m = v->partnerTable()->model();
        const int row = rowOf(m, partner);
        return row < 0 ? std::nan("")
                       : m->index(row, v->partnerModel()->column(f)).data(Qt::UserRole).toDouble();
    }

    //! The figure of a partner's column in the partner table (display text).
    static QString cell(ui::PartnershipsView* v, const QString& partner, ui::PartnershipsModel::Field f)
    {
        const QAbstractItemModel* m = v->partnerTable()->model();
        const int row = rowOf(m, partner);
        return row < 0 ? QString() : m->index(row, v->partnerModel()->column(f)).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        testing::isolateUserFiles(QDir(dir_.path()));
        QVERIFY(QFile::exists(golden("experience.csv")));
        project_ = makeProject(QStringLiteral("p.sharecast"), true);
        plain_ = makeProject(QStringLiteral("plain.sharecast"), false);
        QVERIFY(!project_.isEmpty());
    }

    //! The ledger the document holds: the hand-worked figures (target credit).
    void ledgerIsHandWorked()
    {
        ui::MainWindow w;
        QVERIFY(open(w, project_));
        const ui::ProjectDocument* doc = w.document();
        QVERIFY2(doc->calculationError().isEmpty(), qPrintable(doc->calculationError()));
        QVERIFY2(doc->partnershipLedger(), qPrintable(doc->partnershipError()));
        const PartnershipLedger& l = *doc->partnershipLedger();
        QCOMPARE(l.year, 2024);
        QCOMPARE(l.lines.size(), std::size_t(3));
        const PartnerTotals* cbo1 = partnerIn(l, "CBO1");
        const PartnerTotals* cbo2 = partnerIn(l, "CBO2");
        QVERIFY(cbo1 && cbo2);
        QVERIFY(std::fabs(cbo1->amounts.pmpmRevenue - 112500.0) < kCents);
        QVERIFY(std::fabs(cbo1->amounts.outreachRevenue - 2500.0) < kCents);
        QVERIFY(std::fabs(cbo1->amounts.outcomeBonus - 10000.0) < kCents);
        QVERIFY(std::fabs(cbo1->amounts.passThrough - 16000.0) < kCents);
        QVERIFY(std::fabs(cbo1->amounts.avoidedCostKept - 45000.0) < kCents);
        QVERIFY(std::fabs(cbo1->amounts.mcpValue() - -96000.0) < kCents);
        QVERIFY(std::fabs(cbo2->amounts.operatingRevenue() - 50000.0) < kCents);
        QVERIFY(std::fabs(cbo2->amounts.mcpValue() - -30000.0) < kCents);
    }

    //! The tab shows the ledger's figures, formatted, and a line per plan with B's flag.
    void tabShowsTheThreeWins()
    {
        ui::MainWindow w;
        QVERIFY(open(w, project_));
        QVERIFY(w.showTab(QStringLiteral("Partnerships")));
        ui::PartnershipsView* v = w.partnershipsView();
        QVERIFY(v);
        using F = ui::PartnershipsModel;
        QTRY_COMPARE(v->partnerTable()->model()->rowCount(), 2);
        const QString cbo1 = QStringLiteral("Recuperative Care Co"),
                      cbo2 = QStringLiteral("Meals Collective");
        // The numbers, to the cent (the tool tips show them), then the overview's texts.
        const std::pair<F::Field, double> cbo1Figures[] = {{F::PmpmRevenue, 112500.0},
                                                           {F::OutreachRevenue, 2500.0},
                                                           {F::OutcomeBonus, 10000.0},
                                                           {F::PassThrough, 16000.0},
                                                           {F::PlanPayments, 141000.0},
                                                           {F::Grants, 30000.0},
                                                           {F::OperatingCost, 170000.0},
                                                           {F::GapAfterGrants, 29000.0},
                                                           {F::AvoidedKept, 45000.0},
                                                           {F::McpValue, -96000.0},
                                                           {F::Sustainability, 141000.0 / 170000.0},
                                                           {F::GrantMonths, 12.0 * 30000.0 / 170000.0}};
        for (const auto& [field, expected] : cbo1Figures)
            QVERIFY2(
                std::fabs(value(v, cbo1, field) - expected) < kCents,
                qPrintable(QStringLiteral("column %1: %2").arg(field).arg(value(v, cbo1, field), 0, 'f', 4)));
        QVERIFY(std::fabs(value(v, cbo2, F::AvoidedPerThousand) - 40000.0 / 60.0 * 1000.0) < kCents);
        QVERIFY(v->partnerTable()
                    ->model()
                    ->index(rowOf(v->partnerTable()->model(), cbo1), v->partnerModel()->column(F::McpValue))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("−$96,000.00")));
        // The contracts to the cent: A·CBO1's PMPM revenue.
        const QAbstractItemModel* contracts = v->contractTable()->model();
        bool found = false;
        for (int r = 0; r < contracts->rowCount(); ++r)
            if (contracts->index(r, 0).data().toString() == QStringLiteral("A") &&
                contracts->index(r, 1).data().toString() == cbo1) {
                QCOMPARE(contracts->index(r, v->contractModel()->column(F::PmpmRevenue)).data().toString(),
                         QStringLiteral("$75,000.00"));
                found = true;
            }
        QVERIFY(found);
        QCOMPARE(cell(v, cbo1, F::Engaged), QStringLiteral("60"));
        QCOMPARE(cell(v, cbo1, F::PmpmRevenue), QStringLiteral("$113k"));
        QCOMPARE(cell(v, cbo1, F::OutreachRevenue), QStringLiteral("$2.5k"));
        QCOMPARE(cell(v, cbo1, F::OutcomeBonus), QStringLiteral("$10.0k"));
        QCOMPARE(cell(v, cbo1, F::PassThrough), QStringLiteral("$16.0k"));
        QCOMPARE(cell(v, cbo1, F::PlanPayments), QStringLiteral("$141k"));
        QCOMPARE(cell(v, cbo1, F::Grants), QStringLiteral("$30.0k"));
        QCOMPARE(cell(v, cbo1, F::Sustainability), QStringLiteral("83 %"));
        QCOMPARE(cell(v, cbo1, F::GrantMonths), QStringLiteral("2.1"));
        QCOMPARE(cell(v, cbo1, F::GapAfterGrants), QStringLiteral("$29.0k"));
        QCOMPARE(cell(v, cbo1, F::AvoidedKept), QStringLiteral("$45.0k"));
        QCOMPARE(cell(v, cbo1, F::McpValue), QStringLiteral("−$96.0k"));
        QCOMPARE(cell(v, cbo1, F::Credit), QStringLiteral("1 of 2 met"));
        QCOMPARE(cell(v, cbo1, F::OutreachCap), QStringLiteral("$1,500 or no cap"));
        QCOMPARE(cell(v, cbo2, F::Credit), QStringLiteral("not met: 0 %"));
        QCOMPARE(cell(v, cbo2, F::Sustainability), QStringLiteral("83 %"));
        QCOMPARE(cell(v, cbo2, F::McpValue), QStringLiteral("−$30.0k"));
        // Avoided cost per 1,000 engaged: 40,000 / 60 × 1,000.
        QCOMPARE(cell(v, cbo2, F::AvoidedPerThousand), QStringLiteral("$667k"));
        // One row per contract.
        QCOMPARE(v->contractTable()->model()->rowCount(), 3);

        // With SHARECAST_SCREENSHOT_DIR set, the tab's pictures for a human look.
        if (const QString shots = qEnvironmentVariable("SHARECAST_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QDir().mkpath(shots);
            w.grab().save(shots + QStringLiteral("/partnerships-by-plan.png"));
            if (auto* details = v->findChild<QTabWidget*>(QStringLiteral("partnershipsDetails")))
                details->setCurrentIndex(1);
            w.grab().save(shots + QStringLiteral("/partnerships-by-contract.png"));
        }
        const QString lines = v->planLines()->toPlainText();
        QVERIFY2(lines.contains(QStringLiteral(
                     "A (Alder Health): 2 partners paid $153k by the plan, grants another $50.0k")),
                 qPrintable(lines));
        QVERIFY2(
            lines.contains(QStringLiteral("pass-through $16.0k funded by its $160k shared-savings payment")),
            qPrintable(lines));
        QVERIFY2(lines.contains(QStringLiteral("B (Birch Care): 1 partner paid $38.5k")), qPrintable(lines));
        QVERIFY2(lines.contains(QStringLiteral("promised 10 % of its shared savings but received no payment: "
                                               "nothing is owed")),
                 qPrintable(lines));
    }

    //! A PMPM typed into the partner table is one undo step of partnerships.terms.<id>.pmpm that
    //! changes the ledger; undo restores it. The pass-through share is typed in percent.
    void editIsOneUndoStep()
    {
        ui::MainWindow w;
        QVERIFY(open(w, project_));
        QVERIFY(w.showTab(QStringLiteral("Partnerships")));
        ui::ProjectDocument* doc = w.document();
        ui::PartnershipsView* v = w.partnershipsView();
        QTableView* table = v->partnerTable();
        QTRY_COMPARE(table->model()->rowCount(), 2);
        const int steps = doc->undoStack()->count();
        QVERIFY(!doc->isModified());

        auto type = [&](const QString& partner, ui::PartnershipsModel::Field f, const QString& text) {
            const QModelIndex at =
                table->model()->index(rowOf(table->model(), partner), v->partnerModel()->column(f));
            table->setFocus();
            table->setCurrentIndex(at);
            table->edit(at);
            // The editor the table's delegate opened over the cell.
            QPointer<QLineEdit> editor;
            for (QLineEdit* e : table->viewport()->findChildren<QLineEdit*>())
                if (e->isVisible())
                    editor = e;
            QVERIFY(editor);
            editor->selectAll();
            QTest::keyClicks(editor, text);
            QTest::keyClick(editor, Qt::Key_Return);
            // The delegate commits on a queued call, then closes the editor.
            QTRY_VERIFY(editor.isNull() || !editor->isVisible());
        };
        auto* message = v->findChild<QLabel*>(QStringLiteral("partnershipsMessage"));
        type(QStringLiteral("Meals Collective"), ui::PartnershipsModel::Pmpm, QStringLiteral("120"));
        QVERIFY2(doc->undoStack()->count() == steps + 1 && doc->undoStack()->index() == steps + 1,
                 qPrintable(message->text()));
        QVERIFY(doc->isModified());
        QCOMPARE(io::scenarioNumber(doc->scenario(), "partnerships.terms.CBO2.pmpm"),
                 std::optional<double>(120.0));
        // 500 member months × 120.
        QTRY_COMPARE(value(v, QStringLiteral("Meals Collective"), ui::PartnershipsModel::PmpmRevenue),
                     60000.0);
        QVERIFY(std::fabs(partnerIn(*doc->partnershipLedger(), "CBO2")->amounts.pmpmRevenue - 60000.0) <
                kCents);
        QCOMPARE(cell(v, QStringLiteral("Meals Collective"), ui::PartnershipsModel::Pmpm),
                 QStringLiteral("$120"));

        doc->undoStack()->undo();
        QTRY_COMPARE(value(v, QStringLiteral("Meals Collective"), ui::PartnershipsModel::PmpmRevenue),
                     50000.0);
        QVERIFY(doc->scenario().partnerships.terms.empty());
        QVERIFY(!doc->isModified());
        doc->undoStack()->redo();
        QTRY_COMPARE(value(v, QStringLiteral("Meals Collective"), ui::PartnershipsModel::PmpmRevenue),
                     60000.0);
        doc->undoStack()->undo();

        // 25 % of A's 160,000 for CBO1; B still owes nothing.
        type(QStringLiteral("Recuperative Care Co"), ui::PartnershipsModel::PassThroughShare,
             QStringLiteral("25"));
        QTRY_COMPARE(doc->undoStack()->index(), steps + 1);
        QCOMPARE(doc->undoStack()->count(), steps + 1); // the undone step is replaced
        QCOMPARE(io::scenarioNumber(doc->scenario(), "partnerships.terms.CBO1.savings_pass_through"),
                 std::optional<double>(0.25));
        QTRY_COMPARE(value(v, QStringLiteral("Recuperative Care Co"), ui::PartnershipsModel::PassThrough),
                     40000.0);

        // Text that is not a number changes nothing and says why.
        type(QStringLiteral("Recuperative Care Co"), ui::PartnershipsModel::OutcomeBonusOffered,
             QStringLiteral("lots"));
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QVERIFY2(message->text().contains(QStringLiteral("lots")), qPrintable(message->text()));

        // Linear credit: CBO2 went half the way to its target, 2,500 of its 5,000.
        QComboBox* credit = v->outcomeCredit();
        credit->setCurrentIndex(1);
        Q_EMIT credit->activated(1);
        QCOMPARE(doc->undoStack()->count(), steps + 2);
        QCOMPARE(doc->scenario().partnerships.outcomeCredit, OutcomeCredit::Linear);
        QTRY_COMPARE(value(v, QStringLiteral("Meals Collective"), ui::PartnershipsModel::OutcomeBonus),
                     2500.0);
        doc->undoStack()->undo();
        QTRY_COMPARE(credit->currentIndex(), 0);
    }

    //! Every node of the flow diagram passes on what it receives; the partners receive all
    //! 241,000; bands are as wide as their amounts and fill their nodes; one plan's flows are its own.
    void flowsBalance()
    {
        ui::MainWindow w;
        QVERIFY(open(w, project_));
        QVERIFY(w.showTab(QStringLiteral("Funding flows")));
        ui::FundingFlowChartController* chart = w.fundingFlowsView()->chart();
        QTRY_VERIFY(!chart->flows().links.empty());
        auto check = [&](double expectedTotal) {
            const FundingFlows& f = chart->flows();
            QVERIFY(std::fabs(f.total - expectedTotal) < kCents);
            QVector<double> in(static_cast<int>(f.nodes.size()), 0.0), out(in);
            QVector<double> inWidth(in), outWidth(in);
            for (int k = 0; k < static_cast<int>(f.links.size()); ++k) {
                const FlowLink& l = f.links[static_cast<std::size_t>(k)];
                QVERIFY(l.amount > 0.0);
                out[l.from] += l.amount;
                in[l.to] += l.amount;
                const double startWidth =
                    chart->bandStarts()[k].second.y() - chart->bandStarts()[k].first.y();
                const double endWidth = chart->bandEnds()[k].second.y() - chart->bandEnds()[k].first.y();
                QVERIFY(std::fabs(startWidth - l.amount * chart->scale()) < 1e-9);
                QVERIFY(std::fabs(endWidth - startWidth) < 1e-9);
                outWidth[l.from] += startWidth;
                inWidth[l.to] += endWidth;
            }
            double funders = 0.0, partners = 0.0;
            for (int i = 0; i < static_cast<int>(f.nodes.size()); ++i) {
                const FlowNode& n = f.nodes[static_cast<std::size_t>(i)];
                const double height = chart->nodeRects()[i].height();
                if (n.column == 1 || n.column == 2) {
                    QVERIFY2(std::fabs(in[i] - out[i]) < kCents, n.id.c_str()); // inflow = outflow
                    QVERIFY(std::fabs(inWidth[i] - height) < 1e-9);
                    QVERIFY(std::fabs(outWidth[i] - height) < 1e-9);
                }
                if (n.column == 0) {
                    QCOMPARE(in[i], 0.0);
                    funders += out[i];
                }
                if (n.column == 3) {
                    QCOMPARE(out[i], 0.0);
                    partners += in[i];
                }
            }
            QVERIFY(std::fabs(funders - expectedTotal) < kCents);
            QVERIFY(std::fabs(partners - expectedTotal) < kCents);
        };
        check(241000.0);
        // Plan B alone: CBO1's contract with B, 37,500 + 1,000 of operating revenue, no grant.
        QComboBox* plans = w.fundingFlowsView()->planChooser();
        const int b = plans->findData(QStringLiteral("B"));
        QVERIFY(b > 0);
        plans->setCurrentIndex(b);
        QCOMPARE(chart->plan(), std::optional<std::string>("B"));
        check(38500.0);
        QVERIFY(chart->noticeText().isEmpty());
        QVERIFY(!w.grab().isNull());
    }

    //! On the synthetic sample (with the invented partners of docs/sample-data.md), every figure
    //! of every partner row is the engine's own ledger of an independent settlement, exactly.
    void sampleMatchesTheEngine()
    {
        QTemporaryDir dir;
        const QString project = testing::makeSampleProject(QDir(dir.path()));
        ui::MainWindow w;
        w.setAutosaveDelay(std::chrono::hours(1));
        QVERIFY(w.openProject(project));
        const ui::ProjectDocument* doc = w.document();
        if (!doc->partnerships())
            QSKIP("the sample project has no partnerships");
        const PartnershipLedger engine =
            partnershipLedger(*doc->partnerships(), testing::engineSettlement(doc), doc->scenario());
        ui::PartnershipsView* v = w.partnershipsView();
        const QAbstractItemModel* m = v->partnerTable()->model();
        QCOMPARE(m->rowCount(), static_cast<int>(engine.partners.size()));
        using F = ui::PartnershipsModel;
        for (const PartnerTotals& p : engine.partners) {
            const QString name = QString::fromStdString(p.partnerName);
            const LedgerAmounts& a = p.amounts;
            const std::pair<F::Field, double> figures[] = {{F::Engaged, a.membersEngaged},
                                                           {F::AvoidedKept, a.avoidedCostKept},
                                                           {F::PlanPayments, a.planPayments()},
                                                           {F::McpValue, a.mcpValue()},
                                                           {F::PmpmRevenue, a.pmpmRevenue},
                                                           {F::OutreachRevenue, a.outreachRevenue},
                                                           {F::OutcomeBonus, a.outcomeBonus},
                                                           {F::PassThrough, a.passThrough},
                                                           {F::Grants, a.grants()},
                                                           {F::OperatingCost, a.operatingCost},
                                                           {F::GapAfterGrants, a.gapAfterGrants()}};
            for (const auto& [field, expected] : figures)
                QVERIFY2(value(v, name, field) == expected,
                         qPrintable(QStringLiteral("%1, column %2").arg(name).arg(field)));
        }
    }

    //! Without partnerships the tab says so, the chart shows a notice, and the report has no section.
    void absentWithoutPartnerships()
    {
        ui::MainWindow w;
        QVERIFY(open(w, plain_));
        QVERIFY(!w.document()->partnershipLedger());
        QVERIFY(w.partnershipsView()->status()->text().contains(QStringLiteral("no partnerships data")));
        QVERIFY(!w.fundingFlowsView()->chart()->noticeText().isEmpty());
        ui::ReportInfo info;
        QVERIFY(!ui::renderReportPdf(*w.document(), {}, &info).isEmpty());
        for (const ui::report::TocEntry& e : info.sections)
            QVERIFY2(!e.title.contains(QStringLiteral("Partnerships")), qPrintable(e.title));
        for (const auto& [name, bytes] : ui::reportCsvFiles(*w.document(), {}))
            QVERIFY(name != QStringLiteral("partnerships_ledger.csv"));
    }

    //! With partnerships the report has the section, laid out without problems.
    void reportHasTheSection()
    {
        auto doc = ui::ProjectDocument::open(project_);
        QVERIFY(doc->partnershipLedger());
        ui::ReportInfo info;
        QVERIFY(!ui::renderReportPdf(*doc, {}, &info).isEmpty());
        QVERIFY2(info.problems.isEmpty(), qPrintable(info.problems.join(QStringLiteral("; "))));
        bool found = false;
        for (const ui::report::TocEntry& e : info.sections)
            found = found || e.title.endsWith(QStringLiteral("Partnerships: the three wins"));
        QVERIFY(found);
        // The report's CSV folder holds the ledger, as `sharecast partnerships` writes it.
        bool ledger = false;
        for (const auto& [name, bytes] : ui::reportCsvFiles(*doc, {}))
            if (name == QStringLiteral("partnerships_ledger.csv")) {
                QCOMPARE(bytes, io::partnershipLedgerCsv(*doc->partnershipLedger()));
                ledger = true;
            }
        QVERIFY(ledger);
        // A public report withholds it (figures by partner are small cells).
        ui::ReportOptions publicReport;
        publicReport.suppressSmallCells = true;
        for (const auto& [name, bytes] : ui::reportCsvFiles(*doc, publicReport))
            QVERIFY(name != QStringLiteral("partnerships_ledger.csv"));
    }
};

QTEST_MAIN(TestPartnerships)
#include "tst_partnerships.moc"
