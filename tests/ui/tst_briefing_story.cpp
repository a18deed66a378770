//! The plain-language story (ui/report/briefing_story) on a small hand-built settlement and
//! projection whose sentences are worked out by hand below, and the reading test on every sentence.

#include "tests/ui/plain_reading.h"
#include "ui/report/briefing_story.h"

#include <QTest>

using namespace sharecast;
using namespace sharecast::ui;

class TestBriefingStory : public QObject {
    Q_OBJECT

    Settlement settlement_;
    Projection projection_;
    Scenario scenario_;
    ExperienceData experience_;

    //! One plan: its costs, payment, what the program keeps and its federal/state split.
    static PlanSettlement plan(const char* id, double e, double a, double members, double payment, double net,
                               double federal)
    {
        PlanSettlement p;
        p.planId = id;
        p.expected = e;
        p.actual = a;
        p.grossSavings = e - a;
        p.savingsRate = (e - a) / e;
        p.members = members;
        p.payment.payment = payment;
        p.programNet = net;
        p.split.federal = federal;
        p.split.state = net - federal;
        return p;
    }

    static ProjectionYear year(int y, double costNotRebased, double costRebased, double impact, double net)
    {
        ProjectionYear py;
        py.year = y;
        py.stateCostNonRebased = costNotRebased;
        py.stateCostRebased = costRebased;
        py.rateImpact = impact;
        py.programNet = net;
        return py;
    }

    BriefingStory story() const
    {
        BriefingInputs in;
        in.settlement = &settlement_;
        in.projection = &projection_;
        in.scenario = &scenario_;
        in.experience = &experience_;
        return briefingStory(in);
    }

private Q_SLOTS:
    void init()
    {
        // Two plans under capitation, 2024. North saved $10 M of $100 M and keeps $4 M of it,
        // returning $6 M (60 % federal); South lost $1 M and failed the quality gate (a composite
        // of 20 against a minimum of 25), so it is not eligible and nothing is settled.
        scenario_ = Scenario{};
        scenario_.paymentModel = PaymentModel::Capitation;
        scenario_.quality.minComposite = 25.0;
        experience_ = ExperienceData{};
        experience_.planNames = {{"P1", "North Plan"}, {"P2", "South Plan"}};
        settlement_ = Settlement{};
        settlement_.year = 2024;
        settlement_.plans.push_back(plan("P1", 100e6, 90e6, 10000, 4e6, 6e6, 3.6e6));
        PlanSettlement south = plan("P2", 50e6, 51e6, 5000, 0.0, 0.0, 0.0);
        south.eligible = false;
        south.quality.gateEnabled = true;
        south.quality.gatePassed = false;
        south.quality.gateBlocks = true;
        south.quality.composite = 20.0;
        south.quality.compositeBelowMinimum = true;
        settlement_.plans.push_back(south);
        // Two projection years: not rebasing costs $10 M then $15 M more; the rate impact is
        // $15 M and $20 M, less $5 M returned each year.
        projection_ = Projection{};
        projection_.all = {year(2025, 200e6, 190e6, 15e6, 5e6), year(2026, 210e6, 195e6, 20e6, 5e6)};
    }

    void sentencesFromTheFigures()
    {
        const BriefingStory s = story();
        // Totals: E 150 M, A 141 M, G 9 M = 6.0 % of E; paid 4 M = 44.4 % of G; 15,000 members.
        QCOMPARE(s.headline, QStringLiteral("2024: $9.0 million saved; 1 plan paid $4.0 million"));
        QCOMPARE(
            s.happened,
            QStringLiteral("In 2024, care for the 15,000 members of 2 plans cost $141.0 million, which is "
                           "$9.0 million (6.0 %) less than the $150.0 million expected before the year "
                           "began. 1 of the 2 plans met every condition to share in savings, and 1 of them "
                           "saved enough to be paid: $4.0 million in all, 44.4 % of the savings."));
        // The program gets $6 M back: $3.6 M federal, $2.4 M state.
        QVERIFY2(
            s.money.contains(QStringLiteral("they return $6.0 million to the program, $2.4 million of it the "
                                            "state’s and $3.6 million the federal government’s")),
            qPrintable(s.money));
        // Five years: 410 M not rebased against 385 M rebased = 25 M more, 6.5 % of 385 M; the parts:
        // 35 M more in rates less 10 M returned.
        QCOMPARE(s.outlook.extraCost(), 25e6);
        QVERIFY2(s.rebasing.startsWith(QStringLiteral("Over 2025 to 2026,")), qPrintable(s.rebasing));
        QVERIFY2(
            s.rebasing.contains(QStringLiteral("costs the program $25.0 million more ($35.0 million more in "
                                               "rates, less $10.0 million returned through the yearly "
                                               "settlements)")),
            qPrintable(s.rebasing));
        QVERIFY2(s.rebasing.endsWith(QStringLiteral("6.5 % of its $385.0 million cost.")),
                 qPrintable(s.rebasing));
        // South needs attention, by name, with its score against the minimum.
        QCOMPARE(s.attention.size(), 1);
        QCOMPARE(s.attention[0].planName, QStringLiteral("South Plan"));
        QCOMPARE(s.attention[0].reasons,
                 QStringList{QStringLiteral("failed the quality gate (its quality score of 20.0 is below the "
                                            "minimum of 25.0), so it cannot share savings")});
        QCOMPARE(s.watch,
                 QStringLiteral("1 plan failed the quality gate and could not share savings; the yearly "
                                "cost of not rebasing grows from $10.0 million in 2025 to $15.0 million "
                                "in 2026."));
        QCOMPARE(s.drivers, QStringLiteral("What moves the result most was not analysed for this briefing."));
    }

    void driversInWords()
    {
        io::SensitivityTable t;
        t.metric = Metric{};
        t.rows = {{"msr.rate", 0.02, 0.018, 0.022, 0, 0, 3e6},
                  {"trend.by_cos.inpatient.unit_cost", 0.03, 0.027, 0.033, 0, 0, 2e6},
                  {"sharing.tiers[3].share", 0.5, 0.45, 0.55, 0, 0, 1.5e6},
                  {"fmap.default", 0.5, 0.45, 0.55, 0, 0, 0.0}};
        BriefingInputs in;
        in.settlement = &settlement_;
        in.projection = &projection_;
        in.scenario = &scenario_;
        in.drivers = &t;
        const BriefingStory s = briefingStory(in);
        QCOMPARE(s.drivers,
                 QStringLiteral("What moves what the plans return to the program most: the minimum savings "
                                "rate (a swing of "
                                "$3.0 million over its range), the inpatient price trend (a swing of "
                                "$2.0 million over its range) and the plan share of quality tier 4 (a "
                                "swing of $1.5 million over its range)."));
    }

    void assumptionsInWords()
    {
        Scenario sc;
        NewBenefit ltc;
        ltc.cos = "ltc";
        sc.newBenefits.push_back(ltc);
        QCOMPARE(assumptionInWords("new_benefits[0].pmpm.LTC/Dual", sc),
                 QStringLiteral("the monthly price of long-term care per member in the long-term care (dual "
                                "eligible) group"));
        QCOMPARE(assumptionInWords("new_benefits[0].take_up.2024", sc),
                 QStringLiteral("the take-up of long-term care in 2024"));
        QCOMPARE(assumptionInWords("trend.by_rate_cell.SPD.by_cos.inpatient.utilization", sc),
                 QStringLiteral("the inpatient utilization trend for seniors and persons with disabilities"));
        QCOMPARE(assumptionInWords("fmap.by_rate_cell.ACA Expansion", sc),
                 QStringLiteral("the federal matching rate for the expansion adults"));
    }

    void moneyInWords_data()
    {
        QTest::addColumn<double>("dollars");
        QTest::addColumn<QString>("words");
        QTest::newRow("billions") << 62712345678.0 << QStringLiteral("$62.71 billion");
        QTest::newRow("millions") << 126.94e6 << QStringLiteral("$126.9 million");
        QTest::newRow("negative") << -405.55e6 << QStringLiteral("$405.6 million");
        QTest::newRow("under a million") << 949999.0 << QStringLiteral("$949,999");
        QTest::newRow("rounds to a million") << 960000.0 << QStringLiteral("$1.0 million");
        QTest::newRow("rounds to a billion") << 999.995e6 << QStringLiteral("$1.00 billion");
    }
    void moneyInWords()
    {
        QFETCH(double, dollars);
        QFETCH(QString, words);
        QCOMPARE(briefingMoney(dollars), words);
    }

    void readsPlainly()
    {
        const BriefingStory s = story();
        QStringList all{s.headline, s.happened, s.money, s.rebasing, s.drivers, s.watch};
        for (const AttentionItem& a : s.attention)
            all << a.reasons;
        const QStringList problems = testing::plainReadingProblems(all.join(u' '));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral(", "))));
        // The test itself catches what it should.
        QCOMPARE(testing::plainReadingProblems(QStringLiteral("G = E − A (§4) by FMAP")),
                 (QStringList{"section sign §", "formula sign =", "symbol G", "symbol E", "symbol A",
                              "unexplained acronym FMAP"}));
        QVERIFY(testing::plainReadingProblems(
                    QStringLiteral("A plan met the federal medical assistance percentage (FMAP); FMAP is …"))
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBriefingStory)
#include "tst_briefing_story.moc"
