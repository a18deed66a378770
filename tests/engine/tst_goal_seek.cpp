//! Goal seek by bracketing and bisection (methodology §14), on functions whose crossing is known.

#include "engine/goal_seek.h"

#include <QTest>

#include <cmath>

using namespace sharecast;

class TestGoalSeek : public QObject {
    Q_OBJECT

private slots:
    void smoothCrossing()
    {
        // 2x − 1 = 0.2 at x = 0.6.
        const GoalSeekResult r = goalSeek([](double x) { return 2 * x - 1; }, 0.0, 1.0, 0.2);
        QVERIFY(r.found);
        QVERIFY(std::fabs(r.x - 0.6) <= 1e-9);
        QCOMPARE(r.valueLow, -1.0);
        QCOMPARE(r.valueHigh, 1.0);
        QVERIFY(r.evaluations < 40);
    }

    void stepFunctionFindsTheJump()
    {
        // A payment of 100 below a threshold at 0.3, none from it: the crossing of 50 is the jump.
        const GoalSeekResult r =
            goalSeek([](double x) { return x < 0.3 ? 100.0 : 0.0; }, 0.0, 0.05 * 10, 50.0);
        QVERIFY(r.found);
        QVERIFY(std::fabs(r.x - 0.3) <= 1e-9);
    }

    void exactHitsAreAnswers()
    {
        // An end that meets the target exactly is the answer; so is a midpoint met on the way.
        QCOMPARE(goalSeek([](double x) { return x * 10; }, 0.0, 1.0, 0.0).x, 0.0);
        QCOMPARE(goalSeek([](double x) { return x * 10; }, 0.0, 1.0, 10.0).x, 1.0);
        const GoalSeekResult mid = goalSeek([](double x) { return x * 10; }, 0.0, 1.0, 2.5);
        QCOMPARE(mid.x, 0.25);
        QCOMPARE(mid.value, 2.5);
        QCOMPARE(mid.evaluations, 4); // both ends, 0.5, 0.25
    }

    void noCrossing()
    {
        const GoalSeekResult r = goalSeek([](double x) { return x * x + 1; }, -1.0, 2.0, 0.5);
        QVERIFY(!r.found);
        QCOMPARE(r.valueLow, 2.0);
        QCOMPARE(r.valueHigh, 5.0);
    }

    void relativeToleranceForLargeValues()
    {
        // The bracket stops at 1e-9 relative: x near 1e6 is found within 1e-3.
        const GoalSeekResult r = goalSeek([](double x) { return x - 1234567.0; }, 0.0, 2e6, 0.5);
        QVERIFY(r.found);
        QVERIFY(std::fabs(r.x - 1234567.5) <= 1e-9 * 1234567.5);
    }
};

QTEST_APPLESS_MAIN(TestGoalSeek)
#include "tst_goal_seek.moc"
