//! State and federal split of the program's net (methodology §9), hand-worked:
//! net_cell = G_cell − P·E_cell/E (tcc basis) or (G_RU − P)·E_cell/E (resource-use basis);
//! federal Σ fmap(c)·net_cell, state Σ (1 − fmap(c))·net_cell; the cells add up to the program
//! net, and federal + state = program net. Tolerance: dollars 1e-6.

#include "engine/federal_split.h"
#include "engine/scenario.h"

#include "engine_fixtures.h"

#include <QTest>

using namespace sharecast;

Q_DECLARE_METATYPE(std::vector<sharecast::SplitCell>)

namespace {

constexpr double kMoneyTol = 1e-6;

SplitCell cell(const std::string& rateCell, double expected, double gross, double fmap)
{
    return SplitCell{rateCell, expected, gross, fmap, 0.0};
}

} // namespace

class TestFederalSplit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<std::vector<SplitCell>>("cells");
        QTest::addColumn<double>("expected"); // E
        QTest::addColumn<double>("payment");  // P
        QTest::addColumn<bool>("resourceUse");
        QTest::addColumn<double>("resourceUseSavings"); // G_RU
        QTest::addColumn<QList<double>>("nets");
        QTest::addColumn<double>("federal");
        QTest::addColumn<double>("state");
        QTest::addColumn<double>("programNet"); // G − P

        // Adult E 6,000,000, G 400,000, fmap 0.5; ACA Expansion E 4,000,000, G 100,000, fmap 0.9.
        // E 10,000,000, G 500,000, P 200,000:
        // Adult 400,000 − 200,000·0.6 = 280,000; ACA 100,000 − 200,000·0.4 = 20,000 (sum 300,000)
        // federal 0.5·280,000 + 0.9·20,000 = 158,000; state 140,000 + 2,000 = 142,000
        const std::vector<SplitCell> two = {cell("Adult", 6e6, 400000, 0.5),
                                            cell("ACA Expansion", 4e6, 100000, 0.9)};
        QTest::newRow("tcc, savings paid")
            << two << 1e7 << 200000.0 << false << 0.0 << QList<double>{280000.0, 20000.0} << 158000.0
            << 142000.0 << 300000.0;
        // P 0: net = G_cell: federal 200,000 + 90,000; state 200,000 + 10,000
        QTest::newRow("tcc, nothing paid")
            << two << 1e7 << 0.0 << false << 0.0 << QList<double>{400000.0, 100000.0} << 290000.0 << 210000.0
            << 500000.0;
        // losses: Adult G −200,000, ACA G −100,000, P −90,000 (owed by the plan):
        // Adult −200,000 + 90,000·0.6 = −146,000; ACA −100,000 + 36,000 = −64,000 (sum −210,000)
        // federal −73,000 − 57,600 = −130,600; state −73,000 − 6,400 = −79,400
        QTest::newRow("tcc, losses owed")
            << std::vector<SplitCell>{cell("Adult", 6e6, -200000, 0.5),
                                      cell("ACA Expansion", 4e6, -100000, 0.9)}
            << 1e7 << -90000.0 << false << 0.0 << QList<double>{-146000.0, -64000.0} << -130600.0 << -79400.0
            << -210000.0;
        // three cells, one with a loss: E 5, 3, 2 million; G 300,000, 150,000, −50,000; fmap 0.5, 0.9,
        // 0.65; P 160,000: nets 300,000 − 80,000 = 220,000; 150,000 − 48,000 = 102,000;
        // −50,000 − 32,000 = −82,000 (sum 240,000 = 400,000 − 160,000)
        // federal 110,000 + 91,800 − 53,300 = 148,500; state 110,000 + 10,200 − 28,700 = 91,500
        const std::vector<SplitCell> three = {cell("Adult", 5e6, 300000, 0.5),
                                              cell("ACA Expansion", 3e6, 150000, 0.9),
                                              cell("SPD", 2e6, -50000, 0.65)};
        QTest::newRow("tcc, three cells")
            << three << 1e7 << 160000.0 << false << 0.0 << QList<double>{220000.0, 102000.0, -82000.0}
            << 148500.0 << 91500.0 << 240000.0;
        // resource-use basis: (G_RU − P)·E_cell/E, whatever the cells' own G:
        // (250,000 − 100,000)·0.6 = 90,000, ·0.4 = 60,000; federal 45,000 + 54,000 = 99,000;
        // state 45,000 + 6,000 = 51,000
        QTest::newRow("resource use, two cells")
            << two << 1e7 << 100000.0 << true << 250000.0 << QList<double>{90000.0, 60000.0} << 99000.0
            << 51000.0 << 150000.0;
        // (120,000 − 45,000)·(0.5, 0.3, 0.2) = 37,500, 22,500, 15,000;
        // federal 18,750 + 20,250 + 9,750 = 48,750; state 18,750 + 2,250 + 5,250 = 26,250
        QTest::newRow("resource use, three cells")
            << three << 1e7 << 45000.0 << true << 120000.0 << QList<double>{37500.0, 22500.0, 15000.0}
            << 48750.0 << 26250.0 << 75000.0;
        // resource use with a negative G_RU and nothing paid: −30,000·(0.6, 0.4)
        QTest::newRow("resource use, negative")
            << two << 1e7 << 0.0 << true << -30000.0 << QList<double>{-18000.0, -12000.0} << -19800.0
            << -10200.0 << -30000.0;
        // fmap 1 and 0: all federal / all state
        QTest::newRow("fmap 1 and 0")
            << std::vector<SplitCell>{cell("A", 5e6, 100000, 1.0), cell("B", 5e6, 100000, 0.0)} << 1e7
            << 50000.0 << false << 0.0 << QList<double>{75000.0, 75000.0} << 75000.0 << 75000.0 << 150000.0;
        // E = 0: nothing is shared (P 0), so each cell keeps its own G_cell
        QTest::newRow("tcc, E 0") << std::vector<SplitCell>{cell("Adult", 0.0, -1000, 0.5),
                                                            cell("SPD", 0.0, -500, 0.9)}
                                  << 0.0 << 0.0 << false << 0.0 << QList<double>{-1000.0, -500.0} << -950.0
                                  << -550.0 << -1500.0;
    }

    void split()
    {
        QFETCH(std::vector<SplitCell>, cells);
        QFETCH(double, expected);
        QFETCH(double, payment);
        QFETCH(bool, resourceUse);
        QFETCH(double, resourceUseSavings);
        QFETCH(QList<double>, nets);
        QFETCH(double, federal);
        QFETCH(double, state);
        QFETCH(double, programNet);
        const SplitResult r = splitProgramNet(cells, expected, payment, resourceUse, resourceUseSavings);
        QCOMPARE(r.cells.size(), static_cast<std::size_t>(nets.size()));
        double sum = 0.0;
        for (qsizetype i = 0; i < nets.size(); ++i) {
            const SplitCell& c = r.cells[static_cast<std::size_t>(i)];
            FIX_COMPARE_NEAR(("net_cell " + c.rateCell).c_str(), c.net, nets[i], kMoneyTol);
            sum += c.net;
        }
        FIX_COMPARE_NEAR("sum of cells = program net", sum, programNet, kMoneyTol);
        FIX_COMPARE_NEAR("federal", r.federal, federal, kMoneyTol);
        FIX_COMPARE_NEAR("state", r.state, state, kMoneyTol);
        FIX_COMPARE_NEAR("federal + state = program net", r.federal + r.state, programNet, kMoneyTol);
    }

    //! fmap by rate cell, else the default (§9).
    void fmapLookup_data()
    {
        QTest::addColumn<QString>("rateCell");
        QTest::addColumn<double>("expected");
        QTest::newRow("listed cell") << "ACA Expansion" << 0.9;
        QTest::newRow("listed cell 2") << "SPD" << 0.65;
        QTest::newRow("default") << "Adult" << 0.5;
        QTest::newRow("names are case-sensitive") << "aca expansion" << 0.5;
    }

    void fmapLookup()
    {
        QFETCH(QString, rateCell);
        QFETCH(double, expected);
        FmapSpec f; // default 0.5 (§1.5)
        f.byRateCell = {{"ACA Expansion", 0.9}, {"SPD", 0.65}};
        FIX_COMPARE_NEAR("fmap", f.forRateCell(rateCell.toStdString()), expected, 1e-10);
    }
};

QTEST_GUILESS_MAIN(TestFederalSplit)
#include "tst_federal_split.moc"
