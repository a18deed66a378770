//! Sharing rate and plan payment (methodology §8), hand-worked.
//! Payments: E = 10,000,000 unless the row says otherwise; S = G/E is formed here from the row's
//! G and E (nullopt when E = 0, §4). Tolerances: dollars 1e-6, rates 1e-10.

#include "engine/scenario.h"
#include "engine/sharing.h"

#include "engine_fixtures.h"

#include <QTest>

#include <functional>

using namespace sharecast;
using fixtures::NA;

Q_DECLARE_METATYPE(sharecast::SharingSpec)
Q_DECLARE_METATYPE(sharecast::LossSpec)
Q_DECLARE_METATYPE(sharecast::PaymentSide)

namespace {

constexpr double kMoneyTol = 1e-6;
constexpr double kRateTol = 1e-10;
constexpr double kE = 10000000.0;

SharingSpec sharing(const std::function<void(SharingSpec&)>& edit = {})
{
    SharingSpec s;
    if (edit)
        edit(s);
    return s;
}

LossSpec losses(const std::function<void(LossSpec&)>& edit = {})
{
    LossSpec l;
    if (edit)
        edit(l);
    return l;
}

LossSpec lossesOn(const std::function<void(LossSpec&)>& edit = {})
{
    LossSpec l;
    l.enabled = true;
    if (edit)
        edit(l);
    return l;
}

SharingSpec tiers(std::vector<SharingTier> t)
{
    SharingSpec s;
    s.qualityScaling = QualityScaling::Tiers;
    s.tiers = std::move(t);
    return s;
}

SharingSpec linear()
{
    SharingSpec s;
    s.qualityScaling = QualityScaling::Linear;
    s.minShare = 0.2;
    s.maxShare = 0.6;
    s.qualityLow = 40.0;
    s.qualityHigh = 90.0;
    return s;
}

} // namespace

class TestSharing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    //! ρ: none max_share; multiply max_share·Q/100; tiers the highest tier with Q >= min_score (0
    //! below every tier); linear min + (max − min)·clamp((Q − low)/(high − low), 0, 1); Q NA → 0.
    void shareRate_data()
    {
        QTest::addColumn<SharingSpec>("spec");
        QTest::addColumn<double>("quality"); // NA: Q is NA
        QTest::addColumn<double>("expected");

        const SharingSpec none = sharing(); // max_share 0.5
        QTest::newRow("none, Q 30") << none << 30.0 << 0.5;
        QTest::newRow("none, Q 100") << none << 100.0 << 0.5;
        QTest::newRow("none, Q NA") << none << NA << 0.0;
        const SharingSpec multiply =
            sharing([](SharingSpec& s) { s.qualityScaling = QualityScaling::Multiply; });
        // 0.5·80/100 = 0.4; 0.5·0 = 0; 0.5·100/100 = 0.5; 0.5·87.5/100 = 0.4375
        QTest::newRow("multiply, Q 80") << multiply << 80.0 << 0.4;
        QTest::newRow("multiply, Q 0") << multiply << 0.0 << 0.0;
        QTest::newRow("multiply, Q 100") << multiply << 100.0 << 0.5;
        QTest::newRow("multiply, Q 87.5") << multiply << 87.5 << 0.4375;
        QTest::newRow("multiply, Q NA") << multiply << NA << 0.0;
        QTest::newRow("multiply, max 0.75, Q 60") << sharing([](SharingSpec& s) {
            s.qualityScaling = QualityScaling::Multiply;
            s.maxShare = 0.75;
        }) << 60.0 << 0.45;
        // tiers given out of order: {50: 0.4}, {0: 0.1}, {80: 0.6}
        const SharingSpec unordered = tiers({{50.0, 0.4}, {0.0, 0.1}, {80.0, 0.6}});
        QTest::newRow("tiers out of order, Q 79.9") << unordered << 79.9 << 0.4;
        QTest::newRow("tiers out of order, Q 80") << unordered << 80.0 << 0.6;
        QTest::newRow("tiers out of order, Q 100") << unordered << 100.0 << 0.6;
        QTest::newRow("tiers out of order, Q 50") << unordered << 50.0 << 0.4;
        QTest::newRow("tiers out of order, Q 10") << unordered << 10.0 << 0.1;
        QTest::newRow("tiers out of order, Q 0") << unordered << 0.0 << 0.1;
        QTest::newRow("tiers, Q NA") << unordered << NA << 0.0;
        // Q below every tier → 0
        const SharingSpec high = tiers({{50.0, 0.4}, {20.0, 0.2}});
        QTest::newRow("tiers, Q below every tier") << high << 10.0 << 0.0;
        QTest::newRow("tiers, Q 19.99") << high << 19.99 << 0.0;
        QTest::newRow("tiers, Q 20") << high << 20.0 << 0.2;
        // tiers carry their own shares, not bounded by max_share (0.5): tier 90 → 0.8
        QTest::newRow("tier share above max_share") << tiers({{0.0, 0.3}, {90.0, 0.8}}) << 95.0 << 0.8;
        QTest::newRow("no tiers") << tiers({}) << 95.0 << 0.0;
        // linear 0.2 → 0.6 over Q 40 → 90: Q 65: 0.2 + 0.4·25/50 = 0.4
        const SharingSpec lin = linear();
        QTest::newRow("linear, Q 65") << lin << 65.0 << 0.4;
        // Q 77.5: 0.2 + 0.4·37.5/50 = 0.5
        QTest::newRow("linear, Q 77.5") << lin << 77.5 << 0.5;
        QTest::newRow("linear, Q at low") << lin << 40.0 << 0.2;
        QTest::newRow("linear, Q at high") << lin << 90.0 << 0.6;
        // clamped both ends
        QTest::newRow("linear, Q below low") << lin << 30.0 << 0.2;
        QTest::newRow("linear, Q above high") << lin << 95.0 << 0.6;
        QTest::newRow("linear, Q NA") << lin << NA << 0.0;
    }

    void shareRate()
    {
        QFETCH(SharingSpec, spec);
        QFETCH(double, quality);
        QFETCH(double, expected);
        FIX_COMPARE_NEAR("rho", sharingRate(spec, fixtures::opt(quality)), expected, kRateTol);
    }

    //! Savings: when S >= MSR, G > 0 and eligible: basis = first_dollar ? G : G − MSR·E;
    //! P = min(basis·ρ·(1 − payment_reduction), cap·E). Losses: when S <= −MLR: λ fixed or
    //! clamp(1 − ρ, rate_min, rate_max); basis |G| or |G| − MLR·E; P = −min(basis·λ, cap·E).
    void payment_data()
    {
        QTest::addColumn<SharingSpec>("sharingSpec");
        QTest::addColumn<LossSpec>("lossSpec");
        QTest::addColumn<double>("expected"); // E
        QTest::addColumn<double>("gross");    // G
        QTest::addColumn<double>("msr");
        QTest::addColumn<double>("mlr");
        QTest::addColumn<double>("rho");
        QTest::addColumn<bool>("eligible");
        QTest::addColumn<PaymentSide>("side");
        QTest::addColumn<double>("basis"); // NA: not checked
        QTest::addColumn<double>("rate");  // ρ or λ as applied; NA: not checked
        QTest::addColumn<bool>("capBinds");
        QTest::addColumn<double>("payment");

        using P = PaymentSide;
        const SharingSpec plain = sharing();
        const LossSpec off = losses();
        // G 500,000 (S 0.05 >= MSR 0.02), first dollar: 500,000·0.5 = 250,000
        QTest::newRow("first dollar") << plain << off << kE << 500000.0 << 0.02 << 0.02 << 0.5 << true
                                      << P::Savings << 500000.0 << 0.5 << false << 250000.0;
        // net of MSR: 500,000 − 0.02·10,000,000 = 300,000; ·0.5 = 150,000
        QTest::newRow("net of MSR") << sharing([](SharingSpec& s) { s.firstDollar = false; }) << off << kE
                                    << 500000.0 << 0.02 << 0.02 << 0.5 << true << P::Savings << 300000.0
                                    << 0.5 << false << 150000.0;
        // cap 0.05·E = 500,000 > 250,000: not binding
        QTest::newRow("cap not binding")
            << sharing([](SharingSpec& s) { s.cap = 0.05; }) << off << kE << 500000.0 << 0.02 << 0.02 << 0.5
            << true << P::Savings << 500000.0 << 0.5 << false << 250000.0;
        // cap 0.02·E = 200,000 < 250,000: binds
        QTest::newRow("cap binding") << sharing([](SharingSpec& s) { s.cap = 0.02; }) << off << kE << 500000.0
                                     << 0.02 << 0.02 << 0.5 << true << P::Savings << 500000.0 << 0.5 << true
                                     << 200000.0;
        // payment reduction 2 %: 250,000·0.98 = 245,000
        QTest::newRow("payment reduction")
            << sharing([](SharingSpec& s) { s.paymentReduction = 0.02; }) << off << kE << 500000.0 << 0.02
            << 0.02 << 0.5 << true << P::Savings << 500000.0 << 0.5 << false << 245000.0;
        // reduction before the cap: 245,000 vs cap 0.0246·E = 246,000 → 245,000 (reducing after
        // the cap would give min(250,000, 246,000)·0.98 = 241,080)
        QTest::newRow("reduction before the cap, cap not binding") << sharing([](SharingSpec& s) {
            s.paymentReduction = 0.02;
            s.cap = 0.0246;
        }) << off << kE << 500000.0 << 0.02 << 0.02 << 0.5 << true << P::Savings
                                                                   << 500000.0 << 0.5 << false << 245000.0;
        // cap 0.0244·E = 244,000 < 245,000 → 244,000 (after-the-cap reduction: 239,120)
        QTest::newRow("reduction before the cap, cap binding") << sharing([](SharingSpec& s) {
            s.paymentReduction = 0.02;
            s.cap = 0.0244;
        }) << off << kE << 500000.0 << 0.02 << 0.02 << 0.5 << true
                                                               << P::Savings << 500000.0 << 0.5 << true
                                                               << 244000.0;
        // net of MSR with reduction and cap: (500,000 − 200,000)·0.4·0.98 = 117,600; cap 0.01·E = 100,000
        QTest::newRow("net of MSR, reduction, cap") << sharing([](SharingSpec& s) {
            s.firstDollar = false;
            s.paymentReduction = 0.02;
            s.cap = 0.01;
        }) << off << kE << 500000.0 << 0.02 << 0.02 << 0.4
                                                    << true << P::Savings << 300000.0 << 0.4 << true
                                                    << 100000.0;
        // S 0.015 < MSR 0.02 → 0
        QTest::newRow("S below MSR") << plain << off << kE << 150000.0 << 0.02 << 0.02 << 0.5 << true
                                     << P::None << NA << NA << false << 0.0;
        // S = MSR exactly (250,000/10,000,000 = 0.025): shares 125,000
        QTest::newRow("S at MSR") << plain << off << kE << 250000.0 << 0.025 << 0.025 << 0.5 << true
                                  << P::Savings << 250000.0 << 0.5 << false << 125000.0;
        // MSR 0: any saving shares
        QTest::newRow("MSR 0") << plain << off << kE << 1000.0 << 0.0 << 0.0 << 0.5 << true << P::Savings
                               << 1000.0 << 0.5 << false << 500.0;
        // ineligible → 0 on the savings side
        QTest::newRow("ineligible") << plain << off << kE << 500000.0 << 0.02 << 0.02 << 0.5 << false
                                    << P::None << NA << NA << false << 0.0;
        // ρ 0 (Q NA): nothing paid
        QTest::newRow("rho 0") << plain << off << kE << 500000.0 << 0.02 << 0.02 << 0.0 << true << P::Savings
                               << 500000.0 << 0.0 << false << 0.0;
        // G 0 → nothing
        QTest::newRow("G 0") << plain << off << kE << 0.0 << 0.02 << 0.02 << 0.5 << true << P::None << NA
                             << NA << false << 0.0;
        // losses disabled: nothing owed
        QTest::newRow("loss, losses disabled") << plain << off << kE << -600000.0 << 0.02 << 0.02 << 0.5
                                               << true << P::None << NA << NA << false << 0.0;

        const LossSpec fixed = lossesOn(); // fixed 0.3
        // G −600,000 (S −0.06 <= −0.02), first dollar: −600,000·0.3 = −180,000
        QTest::newRow("loss, fixed rate") << plain << fixed << kE << -600000.0 << 0.02 << 0.02 << 0.5 << true
                                          << P::Losses << 600000.0 << 0.3 << false << -180000.0;
        // net of MLR: (600,000 − 0.02·10,000,000)·0.3 = −120,000
        QTest::newRow("loss, net of MLR")
            << sharing([](SharingSpec& s) { s.firstDollar = false; }) << fixed << kE << -600000.0 << 0.02
            << 0.02 << 0.5 << true << P::Losses << 400000.0 << 0.3 << false << -120000.0;
        // the MLR differs from the MSR: net of MLR 0.03: 600,000 − 300,000 = 300,000; ·0.3 = −90,000
        QTest::newRow("loss basis uses MLR, not MSR")
            << sharing([](SharingSpec& s) { s.firstDollar = false; }) << fixed << kE << -600000.0 << 0.01
            << 0.03 << 0.5 << true << P::Losses << 300000.0 << 0.3 << false << -90000.0;
        // one_minus_sharing: ρ 0.5 → λ 0.5 in [0.4, 0.75]: −300,000
        const LossSpec oms = lossesOn([](LossSpec& l) { l.rateMethod = LossRateMethod::OneMinusSharing; });
        QTest::newRow("loss, 1 - rho") << plain << oms << kE << -600000.0 << 0.02 << 0.02 << 0.5 << true
                                       << P::Losses << 600000.0 << 0.5 << false << -300000.0;
        // ρ 0.7 → 0.3, clamped up to rate_min 0.4: −240,000
        QTest::newRow("loss, 1 - rho clamped to rate_min")
            << plain << oms << kE << -600000.0 << 0.02 << 0.02 << 0.7 << true << P::Losses << 600000.0 << 0.4
            << false << -240000.0;
        // ρ 0.1 → 0.9, clamped down to rate_max 0.75: −450,000
        QTest::newRow("loss, 1 - rho clamped to rate_max")
            << plain << oms << kE << -600000.0 << 0.02 << 0.02 << 0.1 << true << P::Losses << 600000.0 << 0.75
            << false << -450000.0;
        // ρ 0 (Q NA): 1 → 0.75
        QTest::newRow("loss, rho 0") << plain << oms << kE << -600000.0 << 0.02 << 0.02 << 0.0 << true
                                     << P::Losses << 600000.0 << 0.75 << false << -450000.0;
        // loss cap 0.015·E = 150,000 < 180,000 → −150,000
        QTest::newRow("loss cap binding")
            << plain << lossesOn([](LossSpec& l) { l.cap = 0.015; }) << kE << -600000.0 << 0.02 << 0.02 << 0.5
            << true << P::Losses << 600000.0 << 0.3 << true << -150000.0;
        QTest::newRow("loss cap not binding")
            << plain << lossesOn([](LossSpec& l) { l.cap = 0.02; }) << kE << -600000.0 << 0.02 << 0.02 << 0.5
            << true << P::Losses << 600000.0 << 0.3 << false << -180000.0;
        // inside the MLR corridor: S −0.015 > −0.02 → 0
        QTest::newRow("loss inside the MLR corridor") << plain << fixed << kE << -150000.0 << 0.02 << 0.02
                                                      << 0.5 << true << P::None << NA << NA << false << 0.0;
        // S = −MLR exactly (−200,000/10,000,000 = −0.02): owed, 200,000·0.3 = −60,000
        QTest::newRow("loss at the MLR") << plain << fixed << kE << -200000.0 << 0.02 << 0.02 << 0.5 << true
                                         << P::Losses << 200000.0 << 0.3 << false << -60000.0;
        // a plan that fails a blocking gate still owes its losses
        QTest::newRow("losses owed when ineligible")
            << plain << fixed << kE << -600000.0 << 0.02 << 0.02 << 0.5 << false << P::Losses << 600000.0
            << 0.3 << false << -180000.0;
        // losses take no payment reduction
        QTest::newRow("losses take no payment reduction")
            << sharing([](SharingSpec& s) { s.paymentReduction = 0.02; }) << fixed << kE << -600000.0 << 0.02
            << 0.02 << 0.5 << true << P::Losses << 600000.0 << 0.3 << false << -180000.0;
        // two-sided, savings side unaffected by the loss settings
        QTest::newRow("two-sided, savings") << plain << oms << kE << 500000.0 << 0.02 << 0.02 << 0.5 << true
                                            << P::Savings << 500000.0 << 0.5 << false << 250000.0;
        // E = 0: S is NA, nothing is shared (either side)
        QTest::newRow("E 0, gain") << plain << fixed << 0.0 << 1000.0 << 0.0 << 0.0 << 0.5 << true << P::None
                                   << NA << NA << false << 0.0;
        QTest::newRow("E 0, loss") << plain << fixed << 0.0 << -1000.0 << 0.0 << 0.0 << 0.5 << true << P::None
                                   << NA << NA << false << 0.0;
    }

    void payment()
    {
        QFETCH(SharingSpec, sharingSpec);
        QFETCH(LossSpec, lossSpec);
        QFETCH(double, expected);
        QFETCH(double, gross);
        QFETCH(double, msr);
        QFETCH(double, mlr);
        QFETCH(double, rho);
        QFETCH(bool, eligible);
        QFETCH(PaymentSide, side);
        QFETCH(double, basis);
        QFETCH(double, rate);
        QFETCH(bool, capBinds);
        QFETCH(double, payment);
        SharingInput in;
        in.sharing = &sharingSpec;
        in.losses = &lossSpec;
        in.expected = expected;
        in.grossSavings = gross;
        if (expected != 0.0)
            in.savingsRate = gross / expected; // §4: S = G/E, NA when E = 0
        in.msr = msr;
        in.mlr = mlr;
        in.shareRate = rho;
        in.eligible = eligible;
        const SharingResult r = computePayment(in);
        FIX_COMPARE_NEAR("P", r.payment, payment, kMoneyTol);
        QCOMPARE(r.side, side);
        QCOMPARE(r.capBinds, capBinds);
        if (!std::isnan(basis))
            FIX_COMPARE_NEAR("basis", r.basis, basis, kMoneyTol);
        if (!std::isnan(rate))
            FIX_COMPARE_NEAR("rate", r.rate, rate, kRateTol);
    }

    //! §8 v2 sharing.rate_on_failed_gate: `scaled` keeps ρ whatever the gates say; `zero` gives a
    //! plan failing a blocking gate ρ = 0, so its loss rate under one_minus_sharing is
    //! clamp(1 − 0, 0.4, 0.75) = 0.75 (CMS, 42 CFR 425.610(f)). Multiply scaling, max_share 0.6,
    //! Q 80: ρ = 0.48 when it counts. Loss: E 10,000,000, G −500,000 (S −5 %), MLR 2 %:
    //! scaled λ = clamp(0.52, 0.4, 0.75) = 0.52, P = −260,000; zero λ = 0.75, P = −375,000.
    void rateOnFailedGate()
    {
        SharingSpec sh;
        sh.qualityScaling = QualityScaling::Multiply;
        sh.maxShare = 0.6;
        LossSpec losses;
        losses.enabled = true;
        losses.rateMethod = LossRateMethod::OneMinusSharing;
        for (const FailedGateRate rule : {FailedGateRate::Scaled, FailedGateRate::Zero}) {
            sh.rateOnFailedGate = rule;
            const bool zero = rule == FailedGateRate::Zero;
            FIX_COMPARE_NEAR("ρ, gates pass", planSharingRate(sh, 80.0, true), 0.48, kRateTol);
            FIX_COMPARE_NEAR("ρ, a gate fails", planSharingRate(sh, 80.0, false), zero ? 0.0 : 0.48,
                             kRateTol);
            SharingInput in{
                &sh, &losses, 1e7, -500000.0, -0.05, 0.02, 0.02, planSharingRate(sh, 80.0, false), false};
            const SharingResult r = computePayment(in);
            QCOMPARE(r.side, PaymentSide::Losses);
            FIX_COMPARE_NEAR("λ", r.rate, zero ? 0.75 : 0.52, kRateTol);
            FIX_COMPARE_NEAR("P", r.payment, zero ? -375000.0 : -260000.0, kMoneyTol);
            QCOMPARE(r.reason.find("rate_on_failed_gate") != std::string::npos, zero);
        }
    }
};

QTEST_GUILESS_MAIN(TestSharing)
#include "tst_sharing.moc"
