//! The partnership ledger and funding flows (docs/methodology.md, "Partnerships") on cases worked
//! by hand: the kept share under each payment model (G = 0, a two-sided loss), pass-through when
//! the plan pays a loss, linear credit clamped at both ends, zero denominators, the errors, and
//! flows that balance at every node. The full ledger of a settlement is checked by the golden
//! cases tests/golden/partnerships_*.

#include "engine/error.h"
#include "engine/funding_flows.h"
#include "engine/partnership_ledger.h"

#include <QTest>

#include <map>

using namespace sharecast;

namespace {

PartnershipRecord contract(const std::string& plan, const std::string& partner)
{
    PartnershipRecord r;
    r.planId = plan;
    r.partnerId = partner;
    r.partnerName = partner + " name";
    r.service = "ecm";
    r.year = 2024;
    return r;
}

PartnershipLedger ledgerOf(const std::vector<PartnershipRecord>& records,
                           const std::map<std::string, PlanSettledFigures>& plans, PaymentModel model,
                           const PartnershipSpec& spec = {})
{
    return partnershipLedger(PartnershipData{"p.csv", records}, 2024, plans, spec, model, 0.5);
}

} // namespace

class TestPartnershipLedger : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keptShareByModel()
    {
        PartnershipRecord r = contract("P", "K");
        r.utilizationAvoided = 1000.0;
        // G = 0: under capitation the plan holds its costs (k = 1), under ffs the payer (k = 0).
        const std::map<std::string, PlanSettledFigures> zero{{"P", {0.0, 0.0, 0.0, 0.5}}};
        QCOMPARE(ledgerOf({r}, zero, PaymentModel::Capitation).plans[0].keptShare, 1.0);
        QCOMPARE(ledgerOf({r}, zero, PaymentModel::Ffs).plans[0].keptShare, 0.0);
        // A two-sided capitation loss: G = −100, the plan pays P = −40, T = G − P = −60:
        // k = (−100 + 60) ÷ −100 = 0.4, its loss share. Kept 1,000 × 0.4 = 400.
        const std::map<std::string, PlanSettledFigures> loss{{"P", {-100.0, -40.0, -60.0, 0.5}}};
        const PartnershipLedger l = ledgerOf({r}, loss, PaymentModel::Capitation);
        QCOMPARE(l.plans[0].keptShare, 0.4);
        QCOMPARE(l.lines[0].amounts.avoidedCostKept, 400.0);
    }

    void passThroughOfAPlanPayingALoss()
    {
        PartnershipRecord r = contract("P", "K");
        r.savingsPassThrough = 0.25;
        const PartnershipLedger l =
            ledgerOf({r}, {{"P", {-100.0, -40.0, -60.0, 0.5}}}, PaymentModel::Capitation);
        QCOMPARE(l.lines[0].amounts.passThrough, 0.0); // max(P, 0) = 0: the partner shares no loss
        QCOMPARE(l.plans[0].funding, PassThroughFunding::NoPayment);
        QCOMPARE(l.warnings.size(), std::size_t(1));
        QVERIFY(l.warnings[0].find("nothing is owed") != std::string::npos);
    }

    void linearCreditClamps_data()
    {
        QTest::addColumn<double>("actual");
        QTest::addColumn<double>("credit");
        // Higher is better: baseline 0.40, target 0.60.
        QTest::newRow("worse than the baseline") << 0.30 << 0.0;
        QTest::newRow("at the baseline") << 0.40 << 0.0;
        QTest::newRow("a quarter of the way") << 0.45 << 0.25;
        QTest::newRow("met exactly") << 0.60 << 1.0;
        QTest::newRow("beyond the target") << 0.75 << 1.0;
    }
    void linearCreditClamps()
    {
        QFETCH(double, actual);
        QFETCH(double, credit);
        PartnershipRecord r = contract("P", "K");
        r.outcomeMeasure = "follow_up";
        r.outcomeBaseline = 0.40;
        r.outcomeTarget = 0.60;
        r.outcomeActual = actual;
        r.outcomeBonus = 1000.0;
        PartnershipSpec spec;
        spec.outcomeCredit = OutcomeCredit::Linear;
        const PartnershipLedger l = ledgerOf({r}, {{"P", {10.0, 5.0, 5.0, 0.5}}}, PaymentModel::Ffs, spec);
        QVERIFY(std::abs(l.lines[0].outcomeCredit - credit) < 1e-12);
        QVERIFY(std::abs(l.lines[0].amounts.outcomeBonus - 1000.0 * credit) < 1e-9);
    }

    void zeroDenominatorsAreEmpty()
    {
        const PartnershipLedger l = ledgerOf({contract("P", "K")}, {{"P", {}}}, PaymentModel::Ffs);
        QVERIFY(!l.lines[0].amounts.sustainability());
        QVERIFY(!l.lines[0].amounts.grantMonths());
        QVERIFY(!l.lines[0].amounts.avoidedPerThousand());
        QCOMPARE(l.lines[0].amounts.gapAfterGrants(), 0.0);
    }

    void termsOverrideEveryContractOfThePartner()
    {
        PartnershipRecord a = contract("P", "K"), b = contract("Q", "K");
        a.memberMonths = b.memberMonths = 10.0;
        a.membersEngaged = b.membersEngaged = 5.0;
        a.pmpm = 100.0;
        b.pmpm = 200.0;
        PartnershipSpec spec;
        spec.pmpmFactor = 2.0;
        spec.terms["K"].pmpm = 50.0;
        const PartnershipLedger l = ledgerOf({a, b}, {{"P", {}}, {"Q", {}}}, PaymentModel::Ffs, spec);
        // 10 MM × 50 × 2 on both contracts, summed for the partner.
        QCOMPARE(l.lines[0].amounts.pmpmRevenue, 1000.0);
        QCOMPARE(l.lines[1].amounts.pmpmRevenue, 1000.0);
        QCOMPARE(l.partners.size(), std::size_t(1));
        QCOMPARE(l.partners[0].amounts.pmpmRevenue, 2000.0);
        QCOMPARE(l.partners[0].plans, (std::vector<std::string>{"P", "Q"}));
    }

    void errors()
    {
        // Terms for a partner with no contract in the year.
        PartnershipSpec spec;
        spec.terms["NOPE"].pmpm = 1.0;
        QVERIFY_THROWS_EXCEPTION(InputError, ledgerOf({contract("P", "K")}, {}, PaymentModel::Ffs, spec));
        // No contract of the year.
        PartnershipRecord r = contract("P", "K");
        r.year = 2023;
        QVERIFY_THROWS_EXCEPTION(InputError, ledgerOf({r}, {}, PaymentModel::Ffs));
    }

    void flowsBalanceAtEveryNode()
    {
        PartnershipRecord a = contract("P", "K");
        a.memberMonths = 10.0;
        a.membersEngaged = 1.0;
        a.pmpm = 100.0;             // 1,000 capitation
        a.grantIpp = 300.0;         // through the plan
        a.grantPath = 200.0;        // straight to the partner
        a.grantOther = 50.0;        // from other funders
        a.savingsPassThrough = 0.1; // 0.1 × P 400 = 40
        PartnershipRecord b = contract("Q", "L");
        b.memberMonths = 12.0;
        b.membersEngaged = 1.0;
        b.pmpm = 10.0; // 120
        const std::map<std::string, PlanSettledFigures> plans{{"P", {800.0, 400.0, 400.0, 0.6}},
                                                              {"Q", {0.0, 0.0, 0.0, 0.9}}};
        const PartnershipLedger l = ledgerOf({a, b}, plans, PaymentModel::Capitation);
        const FundingFlows f = fundingFlows(l);
        QCOMPARE(f.total, 1000.0 + 300.0 + 200.0 + 50.0 + 40.0 + 120.0);
        std::vector<double> in(f.nodes.size()), out(f.nodes.size());
        double federal = 0.0;
        for (const FlowLink& k : f.links) {
            QVERIFY(k.amount > 0.0);
            out[static_cast<std::size_t>(k.from)] += k.amount;
            in[static_cast<std::size_t>(k.to)] += k.amount;
            if (f.nodes[static_cast<std::size_t>(k.from)].id == "funder:federal")
                federal += k.amount;
            // PATH and other grants skip the plans.
            if (k.kind == "path" || k.kind == "other")
                QVERIFY(f.nodes[static_cast<std::size_t>(k.to)].column != 2);
        }
        for (std::size_t i = 0; i < f.nodes.size(); ++i)
            if (f.nodes[i].column == 1 || f.nodes[i].column == 2)
                QVERIFY2(std::abs(in[i] - out[i]) < 1e-9, f.nodes[i].id.c_str());
        // Federal: 0.6 × (1,000 + 300 + 200 + 40) + 0.9 × 120 = 924 + 108 = 1,032.
        QVERIFY(std::abs(federal - 1032.0) < 1e-9);
        QVERIFY(std::abs(federal - l.statewide.federal) < 1e-9);
        // One plan: only its partners.
        const FundingFlows q = fundingFlows(l, std::string("Q"));
        QCOMPARE(q.total, 120.0);
        for (const FlowNode& n : q.nodes)
            QVERIFY(n.id != "partner:K" && n.id != "plan:P");
    }
};

QTEST_GUILESS_MAIN(TestPartnershipLedger)
#include "tst_partnership_ledger.moc"
