//! parallelFor: every job runs once, and when jobs throw, the error reported is the one of the
//! lowest-numbered failing job, on any number of threads (the one a single thread meets first).

#include "engine/parallel.h"

#include <QTest>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

using namespace sharecast;

class TestParallel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyJobOnce()
    {
        for (int threads : {1, 2, 3, 8}) {
            std::vector<std::atomic<int>> runs(1000);
            parallelFor(runs.size(), threads, [&](std::size_t i) { ++runs[i]; });
            for (std::size_t i = 0; i < runs.size(); ++i)
                QCOMPARE(runs[i].load(), 1);
        }
    }

    void lowestFailingJobIsReported()
    {
        for (int threads : {1, 2, 3, 8}) {
            for (int attempt = 0; attempt < 20; ++attempt) {
                std::vector<std::atomic<int>> runs(2000);
                QString what;
                try {
                    parallelFor(runs.size(), threads, [&](std::size_t i) {
                        ++runs[i];
                        if (i == 1500 || i == 700 || i == 701)
                            throw std::runtime_error("job " + std::to_string(i));
                    });
                } catch (const std::runtime_error& e) {
                    what = QString::fromStdString(e.what());
                }
                QCOMPARE(what, QStringLiteral("job 700"));
                for (std::size_t i = 0; i <= 700; ++i)
                    QCOMPARE(runs[i].load(), 1); // every job below the failing one ran
            }
        }
    }
};

QTEST_MAIN(TestParallel)
#include "tst_parallel.moc"
