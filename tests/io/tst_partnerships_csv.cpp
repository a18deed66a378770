//! Reading partnerships.csv (docs/methodology.md, "Partnerships"): every column, the defaults of
//! absent columns and empty fields, and every error with the line, column and value it must name
//! (worked out by hand from the bytes).

#include "io/csv/partnerships_csv.h"
#include "io_test_support.h"

#include <QTest>

using sharecast::InputError;
using sharecast::PartnershipData;
using namespace sharecast::io;
using namespace sharecast::testing;

namespace {

PartnershipData read(const QByteArray& bytes)
{
    return readBuffer(
        bytes, [](QIODevice& in) { return readPartnershipsCsv(in, QStringLiteral("partnerships.csv")); });
}

const QByteArray kAll = "plan_id,partner_id,partner_name,service,year,members_engaged,member_months,pmpm,"
                        "outreach_attempts,outreach_fee,outreach_cap,outcome_measure,outcome_baseline,"
                        "outcome_target,outcome_actual,outcome_bonus,savings_pass_through,operating_cost,"
                        "grant_ipp,grant_path,grant_other,utilization_avoided\n";
const QByteArray kMin = "plan_id,partner_id,service,year\n";

} // namespace

class TestPartnershipsCsv : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyColumn()
    {
        const PartnershipData d =
            read(kAll + "P1,ECM-1,Bayview ECM,ecm,2024,100,1000,300,200,50,8000,"
                        "ed_per_1000,800,700,680,20000,0.1,400000,30000,20000,1000,-150\n");
        QCOMPARE(d.sourceName, std::string("partnerships.csv"));
        QCOMPARE(d.records.size(), std::size_t(1));
        const auto& r = d.records[0];
        QCOMPARE(r.planId, std::string("P1"));
        QCOMPARE(r.partnerId, std::string("ECM-1"));
        QCOMPARE(r.partnerName, std::string("Bayview ECM"));
        QCOMPARE(r.service, std::string("ecm"));
        QCOMPARE(r.year, 2024);
        QCOMPARE(r.membersEngaged, 100.0);
        QCOMPARE(r.memberMonths, 1000.0);
        QCOMPARE(r.pmpm, 300.0);
        QCOMPARE(r.outreachAttempts, 200.0);
        QCOMPARE(r.outreachFee, 50.0);
        QCOMPARE(r.outreachCap, std::optional<double>(8000.0));
        QCOMPARE(r.outcomeMeasure, std::string("ed_per_1000"));
        QCOMPARE(r.outcomeBaseline, std::optional<double>(800.0));
        QCOMPARE(r.outcomeTarget, std::optional<double>(700.0));
        QCOMPARE(r.outcomeActual, std::optional<double>(680.0));
        QVERIFY(r.lowerIsBetter());
        QCOMPARE(r.outcomeBonus, 20000.0);
        QCOMPARE(r.savingsPassThrough, 0.1);
        QCOMPARE(r.operatingCost, 400000.0);
        QCOMPARE(r.grantIpp, 30000.0);
        QCOMPARE(r.grantPath, 20000.0);
        QCOMPARE(r.grantOther, 1000.0);
        QCOMPARE(r.utilizationAvoided, -150.0); // a service may add cost
        QCOMPARE(r.sourceLine, 2L);
    }

    void absentColumnsAndEmptyFields()
    {
        const PartnershipData d = read(kMin + "P1,CS-9,community_supports:medically_tailored_meals,2023\n");
        const auto& r = d.records.at(0);
        QCOMPARE(r.partnerName, std::string("CS-9")); // no name anywhere: the id
        QCOMPARE(r.pmpm, 0.0);
        QVERIFY(!r.outreachCap);
        QVERIFY(r.outcomeMeasure.empty());
        QVERIFY(!r.outcomeTarget);
        QCOMPARE(r.savingsPassThrough, 0.0);
        // A partner named on a later row is named on all of its rows; higher is better above the baseline.
        const PartnershipData e =
            read(QByteArray("plan_id,partner_id,partner_name,service,year,outcome_measure,"
                            "outcome_baseline,outcome_target\n"
                            "P1,H,,ecm,2024,retention,0.5,0.7\nP2,H,Harbor,ecm,2024,,,\n"));
        QCOMPARE(e.records.at(0).partnerName, std::string("Harbor"));
        QVERIFY(!e.records.at(0).lowerIsBetter());
        QVERIFY(!e.records.at(0).outcomeActual);
    }

    // clang-format off
    void malformed_data()
    {
        addInputErrorColumns();
        QTest::newRow("unknown column") << QByteArray("plan_id,partner_id,service,year,pmpm_rate\n") << 1L << "pmpm_rate"
                                        << true << "pmpm_rate" << "unknown column";
        QTest::newRow("missing service") << QByteArray("plan_id,partner_id,year\n") << 1L << "service" << false << ""
                                         << "required column is missing";
        QTest::newRow("service not known") << kMin + "P1,C1,housing,2024\n" << 2L << "service" << true << "housing"
                                           << "`ecm` or `community_supports:<kind>`";
        QTest::newRow("community supports without kind") << kMin + "P1,C1,community_supports:,2024\n" << 2L << "service"
                                                         << true << "community_supports:" << "community_supports:<kind>";
        QTest::newRow("@ in partner id") << kMin + "P1,C@1,ecm,2024\n" << 2L << "partner_id" << true << "C@1" << "'@'";
        QTest::newRow("empty plan") << kMin + ",C1,ecm,2024\n" << 2L << "plan_id" << true << "" << "empty";
        QTest::newRow("year not integer") << kMin + "P1,C1,ecm,2024.5\n" << 2L << "year" << true << "2024.5" << "integer";
        QTest::newRow("negative pmpm") << QByteArray("plan_id,partner_id,service,year,pmpm\nP1,C1,ecm,2024,-3\n") << 2L
                                       << "pmpm" << true << "-3" << ">= 0";
        QTest::newRow("pmpm not a number") << QByteArray("plan_id,partner_id,service,year,pmpm\nP1,C1,ecm,2024,$300\n")
                                           << 2L << "pmpm" << true << "$300" << "number";
        QTest::newRow("pass-through a percent") << QByteArray("plan_id,partner_id,service,year,savings_pass_through\n"
                                                              "P1,C1,ecm,2024,10\n")
                                                << 2L << "savings_pass_through" << true << "10" << "not a percent";
        QTest::newRow("too many member months") << QByteArray("plan_id,partner_id,service,year,members_engaged,member_months\n"
                                                              "P1,C1,ecm,2024,10,121\n")
                                                << 2L << "member_months" << true << "121" << "12 member months";
        QTest::newRow("member months, no members column") << QByteArray("plan_id,partner_id,service,year,member_months\n"
                                                                        "P1,C1,ecm,2024,5\n")
                                                          << 2L << "member_months" << true << "5" << "members_engaged is 0";
        QTest::newRow("bonus without target") << QByteArray("plan_id,partner_id,service,year,outcome_measure,outcome_bonus\n"
                                                            "P1,C1,ecm,2024,ed,5000\n")
                                              << 2L << "outcome_target" << false << "" << "target that earns it";
        QTest::newRow("outcome without measure") << QByteArray("plan_id,partner_id,service,year,outcome_measure,outcome_actual\n"
                                                               "P1,C1,ecm,2024,,0.5\n")
                                                 << 2L << "outcome_measure" << true << "" << "needs the measure";
        QTest::newRow("target without baseline") << QByteArray("plan_id,partner_id,service,year,outcome_measure,outcome_target\n"
                                                               "P1,C1,ecm,2024,ed,0.5\n")
                                                 << 2L << "outcome_baseline" << false << "" << "baseline";
        QTest::newRow("target equals baseline") << QByteArray("plan_id,partner_id,service,year,outcome_measure,"
                                                              "outcome_baseline,outcome_target\nP1,C1,ecm,2024,ed,0.5,0.5\n")
                                                << 2L << "outcome_target" << true << "0.5" << "equals the baseline";
        QTest::newRow("two names for a partner") << QByteArray("plan_id,partner_id,partner_name,service,year\n"
                                                               "P1,C1,Alpha,ecm,2024\nP2,C1,Beta,ecm,2024\n")
                                                 << 3L << "partner_name" << true << "Beta" << "on line 2";
        QTest::newRow("duplicate contract") << kMin + "P1,C1,ecm,2024\nP2,C1,ecm,2024\nP1,C1,ecm,2024\n" << 4L
                                            << "plan_id, partner_id, service, year" << true << "P1 | C1 | ecm | 2024"
                                            << "first given on line 2";
        QTest::newRow("short row") << kMin + "P1,C1,ecm\n" << 2L << "year" << false << "" << "";
    }
    // clang-format on
    void malformed()
    {
        checkInputError(QStringLiteral("partnerships.csv"),
                        [](const QByteArray& bytes) { return read(bytes); });
    }

    void missingFile()
    {
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 readPartnershipsFile(QStringLiteral("/nonexistent/partnerships.csv")));
    }
};

QTEST_GUILESS_MAIN(TestPartnershipsCsv)
#include "tst_partnerships_csv.moc"
