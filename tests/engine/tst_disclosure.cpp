//! The disclosure rule of public outputs (methodology §0) and its complementary suppression
//! (docs/methodology.md, "Public outputs"): no suppressed part may be a total minus the parts shown.

#include "engine/disclosure.h"

#include <QTest>

namespace disclosure = sharecast::disclosure;

using Flags = std::vector<bool>;

class TestDisclosure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void smallCounts()
    {
        QVERIFY(!disclosure::isSmallCount(0.0));
        QVERIFY(disclosure::isSmallCount(1.0));
        QVERIFY(disclosure::isSmallCount(10.0));
        QVERIFY(!disclosure::isSmallCount(11.0));
        QVERIFY(!disclosure::isSmallMembership(0.0));
        QVERIFY(disclosure::isSmallMembership(10.99));
        QVERIFY(!disclosure::isSmallMembership(11.0));
        // 131 member months are 10.92 member years: small; 132 are 11.
        QVERIFY(disclosure::isSmallByMemberMonths(131.0));
        QVERIFY(!disclosure::isSmallByMemberMonths(132.0));
    }

    //! Nothing suppressed for its size: nothing else is.
    void noPrimaryNoComplement()
    {
        const auto s = disclosure::complementarySuppression({100, 50, 20}, {false, false, false});
        QCOMPARE(s.suppressed, (Flags{false, false, false}));
        QVERIFY(!s.totalWithheld);
    }

    //! One small part: the smallest other part with members goes with it (not the empty one,
    //! which would hide nothing: total − shown would still be the small part).
    void oneSmallPartTakesTheNextSmallest()
    {
        const auto s =
            disclosure::complementarySuppression({1200, 5, 0, 300, 40}, {false, true, false, false, false});
        QCOMPARE(s.suppressed, (Flags{false, true, false, false, true}));
        QVERIFY(!s.totalWithheld);
        // Total 1545 minus the parts shown (1200 + 0 + 300) is 45: the sum of two parts, neither.
        QVERIFY(!disclosure::revealsSuppressedPart({1200, 5, 0, 300, 40}, s.suppressed));
    }

    //! Ties go to the first part, so the choice is reproducible.
    void tiesGoToTheFirst()
    {
        const auto s = disclosure::complementarySuppression({3, 70, 70}, {true, false, false});
        QCOMPARE(s.suppressed, (Flags{true, true, false}));
    }

    //! Two small parts already hide each other.
    void twoSmallPartsNeedNoComplement()
    {
        const auto s = disclosure::complementarySuppression({3, 7, 500}, {true, true, false});
        QCOMPARE(s.suppressed, (Flags{true, true, false}));
        QVERIFY(!s.totalWithheld);
    }

    //! A small part whose only companions are empty: the total must be withheld.
    void noComplementWithholdsTheTotal()
    {
        const auto s = disclosure::complementarySuppression({6, 0, 0}, {true, false, false});
        QCOMPARE(s.suppressed, (Flags{true, false, false}));
        QVERIFY(s.totalWithheld);
        QVERIFY(disclosure::revealsSuppressedPart({6, 0, 0}, s.suppressed));
    }

    //! A complement chosen on one total may have no members in another (a later year): that
    //! total gives the small part away again.
    void revealsWhenTheComplementIsEmpty()
    {
        QVERIFY(disclosure::revealsSuppressedPart({500, 4, 0}, {false, true, true}));
        QVERIFY(!disclosure::revealsSuppressedPart({500, 4, 9}, {false, true, true}));
        QVERIFY(!disclosure::revealsSuppressedPart({500, 40}, {false, false}));
    }
};

QTEST_APPLESS_MAIN(TestDisclosure)
#include "tst_disclosure.moc"
