//! Scenarios kept in a project (core/io/project/scenario_store.h): add, list, find and info; saved
//! versions with their notes; loading any version back exactly (Scenario::operator==, every
//! figure compared exactly: a version is the byte string of encodeScenarioFile, decoded again);
//! restore, duplicate (lineage), rename and remove (a scenario derived from a removed one keeps
//! its content, its derived_from is set to NULL by the foreign key); requests that make no sense
//! (empty or duplicate names, invalid scenarios) rejected with InputError and nothing stored; the
//! store surviving a close and reopen; and a damaged archive in the file refused with an
//! InputError naming the scenario. Nothing is computed: every expected value is spelled out.

#include "engine/error.h"
#include "engine/scenario.h"
#include "io/project/project_store.h"
#include "io/project/scenario_store.h"
#include "io/scenario/presets.h"
#include "io/scenario/scenario_file.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <functional>
#include <memory>

using namespace sharecast;
using namespace sharecast::io;

namespace {

//! A small scenario away from the defaults in several places, named `name`.
Scenario sample(const std::string& name)
{
    Scenario s;
    s.name = name;
    s.description = "made by tst_scenario_store — «provenance» ✓";
    s.performanceYear = 2024;
    s.baseline = BaselineSpec{{2021, 2022, 2023}, {0.1, 0.3, 0.6}};
    s.excludedCos = {"pharmacy"};
    s.trend.defaultTrend = TrendPair{0.01, 0.035};
    s.trend.byCos = {{"inpatient", TrendPair{0.005, 0.03}}};
    s.msr = MsrSpec{ThresholdMethod::Fixed, 0.005, 1.6449, 2.5};
    s.quality.measures = {
        QualityMeasure{"CIS-10", "Childhood Immunization Status", 1.0, Direction::Higher, 0.35, 0.5,
                       std::nullopt},
        QualityMeasure{"HBD-H9", "HbA1c poor control", 2.0, Direction::Lower, 0.38, 0.28, 0.4}};
    s.sharing.maxShare = 0.5;
    s.sharing.cap = 0.1;
    s.sharing.tiers = {SharingTier{0.0, 0.2}, SharingTier{50.0, 0.4}};
    s.sharing.qualityScaling = QualityScaling::Tiers;
    s.fmap.byRateCell = {{"ACA Expansion", 0.9}};
    return s;
}

//! The same scenario with its sharing changed (a second version).
Scenario edited(Scenario s)
{
    s.sharing.maxShare = 0.4;
    s.sharing.tiers = {SharingTier{0.0, 0.25}, SharingTier{60.0, 0.45}};
    s.description = "second thoughts";
    return s;
}

qint64 count(ProjectStore& p, const QString& sql)
{
    QSqlQuery q(p.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

qint64 scenarioRows(ProjectStore& p)
{
    return count(p, QStringLiteral("SELECT count(*) FROM scenario"));
}
qint64 versionRows(ProjectStore& p)
{
    return count(p, QStringLiteral("SELECT count(*) FROM scenario_version"));
}

QByteArray storedArchive(ProjectStore& p, qint64 id, int version)
{
    QSqlQuery q(p.database());
    q.prepare(QStringLiteral("SELECT archive FROM scenario_version WHERE scenario_id = ? AND version = ?"));
    q.addBindValue(id);
    q.addBindValue(version);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toByteArray();
}

bool overwriteArchive(ProjectStore& p, qint64 id, int version, const QByteArray& bytes)
{
    QSqlQuery q(p.database());
    q.prepare(
        QStringLiteral("UPDATE scenario_version SET archive = ? WHERE scenario_id = ? AND version = ?"));
    q.addBindValue(bytes);
    q.addBindValue(id);
    q.addBindValue(version);
    return q.exec() && q.numRowsAffected() == 1;
}

//! Runs f, which must throw InputError; returns its message ("" and a failure when it did not).
QString inputErrorOf(const std::function<void()>& f, bool* threw)
{
    *threw = false;
    try {
        f();
    } catch (const InputError& e) {
        *threw = true;
        return QString::fromStdString(e.what());
    }
    return {};
}

#define EXPECT_INPUT_ERROR(expr, message)                                                                    \
    do {                                                                                                     \
        bool threw_ = false;                                                                                 \
        message = inputErrorOf([&] { (void)(expr); }, &threw_);                                              \
        QVERIFY2(threw_, "expected an InputError from: " #expr);                                             \
    } while (false)

} // namespace

class TestScenarioStore : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    int counter_ = 0;

    QString freshPath() { return tmp_.filePath(QStringLiteral("p%1.sharecast").arg(++counter_)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    void addListsFindsAndDescribes()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        QVERIFY(store.list().isEmpty());
        QVERIFY(!store.find(QStringLiteral("Base")));

        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const qint64 id = store.add(sample("Base"), std::nullopt, QStringLiteral("straw-proposal-7"),
                                    QStringLiteral("first cut"));
        const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);

        const QList<ScenarioInfo> all = store.list();
        QCOMPARE(all.size(), 1);
        const ScenarioInfo i = all.first();
        QCOMPARE(i.id, id);
        QCOMPARE(i.name, QStringLiteral("Base"));
        QCOMPARE(i.description, QString::fromUtf8("made by tst_scenario_store — «provenance» ✓"));
        QCOMPARE(i.preset, QStringLiteral("straw-proposal-7"));
        QCOMPARE(i.version, 1);
        QVERIFY(!i.derivedFrom);
        QVERIFY(i.derivedFromName.isEmpty());
        QVERIFY2(i.created.isValid() && i.modified.isValid(), "times must be stored and read back");
        QVERIFY2(i.created >= before && i.created <= after,
                 qPrintable(i.created.toString(Qt::ISODateWithMs)));
        QVERIFY2(i.modified >= i.created && i.modified <= after,
                 qPrintable(i.modified.toString(Qt::ISODateWithMs)));

        const std::optional<ScenarioInfo> found = store.find(QStringLiteral("Base"));
        QVERIFY(found);
        QCOMPARE(found->id, id);
        QCOMPARE(found->version, 1);
        QCOMPARE(found->preset, QStringLiteral("straw-proposal-7"));
        QVERIFY(!store.find(QStringLiteral("base"))); // names are compared exactly
        const ScenarioInfo byId = store.info(id);
        QCOMPARE(byId.name, QStringLiteral("Base"));
        QCOMPARE(byId.created, i.created);

        QVERIFY(store.load(id) == sample("Base"));
        QVERIFY(store.load(id, 1) == sample("Base"));
        const QList<ScenarioVersionInfo> h = store.history(id);
        QCOMPARE(h.size(), 1);
        QCOMPARE(h[0].version, 1);
        QCOMPARE(h[0].note, QStringLiteral("first cut"));
        QCOMPARE(h[0].savedAt, i.modified);
    }

    void listIsSortedByNameAndAddWithoutPresetHasNone()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        store.add(sample("Zeta"));
        store.add(sample("Alpha"));
        store.add(sample("Mu"));
        QStringList names;
        for (const ScenarioInfo& i : store.list())
            names << i.name;
        QCOMPARE(names, (QStringList{"Alpha", "Mu", "Zeta"}));
        QVERIFY(store.find(QStringLiteral("Mu"))->preset.isEmpty());
    }

    void eachVersionIsTheScenarioFileBytes()
    {
        // The stored blob is encodeScenarioFile's output, byte for byte, for every version.
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        const qint64 id = store.add(sample("Base"));
        store.save(id, edited(sample("Base")), QStringLiteral("v2"));
        QCOMPARE(storedArchive(*project, id, 1), encodeScenarioFile(sample("Base")));
        QCOMPARE(storedArchive(*project, id, 2), encodeScenarioFile(edited(sample("Base"))));
    }

    void saveAddsAVersionAndEveryVersionLoadsExactly()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        const qint64 id = store.add(sample("Base"), std::nullopt, QStringLiteral("straw-proposal-7"),
                                    QStringLiteral("first cut"));
        const QDateTime created = store.info(id).created;
        QTest::qWait(5); // so that the second save is later by the clock's millisecond resolution

        const int v2 = store.save(id, edited(sample("Base")), QStringLiteral("lower max share"));
        QCOMPARE(v2, 2);
        const ScenarioInfo i = store.info(id);
        QCOMPARE(i.version, 2);
        QCOMPARE(i.description, QStringLiteral("second thoughts")); // follows the current version
        QCOMPARE(i.created, created);
        QVERIFY2(i.modified > i.created, qPrintable(i.modified.toString(Qt::ISODateWithMs)));
        QCOMPARE(i.preset, QStringLiteral("straw-proposal-7"));

        const QList<ScenarioVersionInfo> h = store.history(id);
        QCOMPARE(h.size(), 2);
        QCOMPARE(h[0].version, 1);
        QCOMPARE(h[0].note, QStringLiteral("first cut"));
        QCOMPARE(h[1].version, 2);
        QCOMPARE(h[1].note, QStringLiteral("lower max share"));
        QVERIFY(h[0].savedAt < h[1].savedAt);
        QCOMPARE(h[1].savedAt, i.modified);

        QVERIFY(store.load(id) == edited(sample("Base")));
        QVERIFY(store.load(id, 2) == edited(sample("Base")));
        const Scenario first = store.load(id, 1);
        QVERIFY(first == sample("Base"));
        QCOMPARE(first.sharing.maxShare, 0.5);
        QVERIFY(!(first == store.load(id, 2)));

        QString message;
        EXPECT_INPUT_ERROR(store.load(id, 3), message);
        QVERIFY2(message.contains(QLatin1String("Base")), qPrintable(message));
        EXPECT_INPUT_ERROR(store.load(id, 0), message);
    }

    void restoreSavesAnEarlierVersionAsTheNewest()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        const qint64 id = store.add(sample("Base"));
        store.save(id, edited(sample("Base")), QStringLiteral("v2"));

        const int v3 = store.restore(id, 1);
        QCOMPARE(v3, 3);
        QCOMPARE(store.info(id).version, 3);
        QVERIFY(store.load(id, 3) == store.load(id, 1));
        QVERIFY(store.load(id) == sample("Base"));
        QVERIFY(store.load(id, 2) == edited(sample("Base"))); // history kept
        const QList<ScenarioVersionInfo> h = store.history(id);
        QCOMPARE(h.size(), 3);
        QCOMPARE(h[2].version, 3);
        QVERIFY2(h[2].note.contains(QLatin1String("1")), qPrintable(h[2].note));
    }

    void restoreKeepsTheCurrentName()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        const qint64 id = store.add(sample("Base"));
        store.rename(id, QStringLiteral("Renamed")); // version 2
        QCOMPARE(store.restore(id, 1), 3);
        Scenario expected = sample("Base");
        expected.name = "Renamed";
        QVERIFY(store.load(id) == expected);
        QCOMPARE(store.info(id).name, QStringLiteral("Renamed"));
        QVERIFY(!store.find(QStringLiteral("Base")));
        QCOMPARE(store.list().size(), 1);
    }

    void duplicateRecordsItsLineage()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        const qint64 id = store.add(sample("Base"), std::nullopt, QStringLiteral("straw-proposal-7"));
        store.save(id, edited(sample("Base")), QStringLiteral("v2"));

        const qint64 copy = store.duplicate(id, QStringLiteral("Base (copy)"));
        QVERIFY(copy != id);
        const ScenarioInfo i = store.info(copy);
        QCOMPARE(i.name, QStringLiteral("Base (copy)"));
        QVERIFY(i.derivedFrom);
        QCOMPARE(*i.derivedFrom, id);
        QCOMPARE(i.derivedFromName, QStringLiteral("Base"));
        QCOMPARE(i.version, 1);
        QCOMPARE(store.history(copy).size(), 1);

        Scenario expected = edited(sample("Base")); // the current version is copied
        expected.name = "Base (copy)";
        QVERIFY(store.load(copy) == expected);
        QVERIFY(store.load(id) == edited(sample("Base"))); // the original is untouched
        QCOMPARE(store.info(id).version, 2);
        QCOMPARE(store.list().size(), 2);
        const std::optional<ScenarioInfo> listed = store.find(QStringLiteral("Base (copy)"));
        QVERIFY(listed && listed->derivedFrom && *listed->derivedFrom == id);
        QCOMPARE(listed->derivedFromName, QStringLiteral("Base"));
    }

    void renameSavesANewVersionWithTheNewName()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        const qint64 id = store.add(sample("Base"));
        store.rename(id, QStringLiteral("Straw 7 — final"));
        const ScenarioInfo i = store.info(id);
        QCOMPARE(i.name, QString::fromUtf8("Straw 7 — final"));
        QCOMPARE(i.version, 2);
        QVERIFY(!store.find(QStringLiteral("Base")));
        QVERIFY(store.find(QString::fromUtf8("Straw 7 — final")));
        Scenario expected = sample("Base");
        expected.name = "Straw 7 — final";
        QVERIFY(store.load(id) == expected);
        QVERIFY(store.load(id, 1) == sample("Base"));
        QCOMPARE(store.history(id).size(), 2);

        // A rename shows in the lineage of derived scenarios.
        const qint64 copy = store.duplicate(id, QStringLiteral("Copy"));
        store.rename(id, QStringLiteral("Final"));
        QCOMPARE(store.info(copy).derivedFromName, QStringLiteral("Final"));
    }

    void removeDeletesAndDerivedScenariosKeepTheirContent()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        const qint64 id = store.add(sample("Base"));
        store.save(id, edited(sample("Base")), QStringLiteral("v2"));
        const qint64 copy = store.duplicate(id, QStringLiteral("Child"));
        const qint64 other = store.add(sample("Other"));
        QCOMPARE(versionRows(*project), 4);

        store.remove(id);
        QVERIFY(!store.find(QStringLiteral("Base")));
        QString message;
        EXPECT_INPUT_ERROR(store.info(id), message);
        EXPECT_INPUT_ERROR(store.load(id), message);
        QVERIFY(store.history(id).isEmpty());
        QCOMPARE(
            count(*project,
                  QStringLiteral("SELECT count(*) FROM scenario_version WHERE scenario_id = %1").arg(id)),
            0);
        QCOMPARE(store.list().size(), 2);

        const ScenarioInfo child = store.info(copy);
        QVERIFY2(!child.derivedFrom, "derived_from must be set to NULL when its scenario is removed");
        QVERIFY(child.derivedFromName.isEmpty());
        Scenario expected = edited(sample("Base"));
        expected.name = "Child";
        QVERIFY(store.load(copy) == expected);
        QCOMPARE(store.history(copy).size(), 1);
        QVERIFY(store.load(other) == sample("Other"));

        // Removing an unknown scenario is an input error and changes nothing.
        EXPECT_INPUT_ERROR(store.remove(id), message);
        QCOMPARE(store.list().size(), 2);
        QCOMPARE(versionRows(*project), 2);
    }

    void badNamesAreRejectedAndNothingIsStored()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        const qint64 id = store.add(sample("Base"));
        const qint64 other = store.add(sample("Other"));
        const qint64 scenarios = scenarioRows(*project);
        const qint64 versions = versionRows(*project);
        QCOMPARE(scenarios, 2);
        QCOMPARE(versions, 2);

        QString message;
        EXPECT_INPUT_ERROR(store.add(sample("Base")), message);
        QVERIFY2(message.contains(QLatin1String("Base")), qPrintable(message));
        EXPECT_INPUT_ERROR(store.add(sample("")), message);
        EXPECT_INPUT_ERROR(store.add(sample("   ")), message);
        EXPECT_INPUT_ERROR(store.save(id, sample("Other")), message); // a version named like another
        EXPECT_INPUT_ERROR(store.save(id, sample("")), message);
        EXPECT_INPUT_ERROR(store.duplicate(id, QStringLiteral("Other")), message);
        EXPECT_INPUT_ERROR(store.duplicate(id, QString()), message);
        EXPECT_INPUT_ERROR(store.rename(id, QStringLiteral("Other")), message);
        EXPECT_INPUT_ERROR(store.rename(id, QString()), message);

        QCOMPARE(scenarioRows(*project), scenarios);
        QCOMPARE(versionRows(*project), versions);
        QCOMPARE(store.info(id).version, 1);
        QCOMPARE(store.info(other).version, 1);
        QVERIFY(store.load(id) == sample("Base"));
        QVERIFY(store.load(other) == sample("Other"));

        // Saving a new version under the scenario's own name is fine.
        QCOMPARE(store.save(id, edited(sample("Base"))), 2);
    }

    void unknownScenariosAreInputErrors()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        QString message;
        EXPECT_INPUT_ERROR(store.info(42), message);
        EXPECT_INPUT_ERROR(store.load(42), message);
        EXPECT_INPUT_ERROR(store.save(42, sample("X")), message);
        EXPECT_INPUT_ERROR(store.restore(42, 1), message);
        EXPECT_INPUT_ERROR(store.duplicate(42, QStringLiteral("Y")), message);
        EXPECT_INPUT_ERROR(store.rename(42, QStringLiteral("Y")), message);
        QCOMPARE(scenarioRows(*project), 0);
        QCOMPARE(versionRows(*project), 0);
    }

    void invalidScenariosAreRejectedAndNothingIsStored_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("sharing.max_share 1.5") << 0;
        QTest::newRow("baseline weights sum 0.9") << 1;
        QTest::newRow("threshold above benchmark on a higher measure") << 2;
        QTest::newRow("fmap 1.2") << 3;
    }

    void invalidScenariosAreRejectedAndNothingIsStored()
    {
        QFETCH(int, which);
        auto broken = [which](Scenario s) {
            switch (which) {
            case 0: s.sharing.maxShare = 1.5; break;
            case 1: s.baseline.weights = {0.1, 0.2, 0.6}; break;
            case 2: s.quality.measures[0].threshold = 0.6; break;
            default: s.fmap.defaultRate = 1.2; break;
            }
            return s;
        };
        QString message;
        bool threw = false;
        inputErrorOf([&] { broken(sample("X")).validate(); }, &threw);
        QVERIFY2(threw, "the case must be invalid by Scenario::validate()");

        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        EXPECT_INPUT_ERROR(store.add(broken(sample("Broken"))), message);
        QVERIFY(!store.find(QStringLiteral("Broken")));
        QCOMPARE(scenarioRows(*project), 0);
        QCOMPARE(versionRows(*project), 0);

        const qint64 id = store.add(sample("Base"));
        EXPECT_INPUT_ERROR(store.save(id, broken(sample("Base"))), message);
        EXPECT_INPUT_ERROR(store.save(id, broken(sample("Renamed"))), message);
        QCOMPARE(store.info(id).version, 1);
        QCOMPARE(store.info(id).name, QStringLiteral("Base"));
        QCOMPARE(store.history(id).size(), 1);
        QCOMPARE(versionRows(*project), 1);
        QVERIFY(store.load(id) == sample("Base"));
    }

    void storeSurvivesCloseAndReopen()
    {
        const QString path = freshPath();
        qint64 id = 0, copy = 0;
        QList<ScenarioInfo> before;
        QList<ScenarioVersionInfo> historyBefore;
        {
            auto project = ProjectStore::create(path);
            ScenarioStore store(*project);
            id = store.add(sample("Base"), std::nullopt, QStringLiteral("straw-proposal-7"),
                           QStringLiteral("one"));
            store.save(id, edited(sample("Base")), QStringLiteral("two"));
            copy = store.duplicate(id, QStringLiteral("Copy"));
            before = store.list();
            historyBefore = store.history(id);
        }
        auto project = ProjectStore::open(path);
        QCOMPARE(project->schemaVersion(), ProjectStore::kSchemaVersion);
        ScenarioStore store(*project);
        const QList<ScenarioInfo> after = store.list();
        QCOMPARE(after.size(), before.size());
        for (qsizetype k = 0; k < after.size(); ++k) {
            QCOMPARE(after[k].id, before[k].id);
            QCOMPARE(after[k].name, before[k].name);
            QCOMPARE(after[k].description, before[k].description);
            QCOMPARE(after[k].created, before[k].created);
            QCOMPARE(after[k].modified, before[k].modified);
            QVERIFY(after[k].derivedFrom == before[k].derivedFrom);
            QCOMPARE(after[k].derivedFromName, before[k].derivedFromName);
            QCOMPARE(after[k].preset, before[k].preset);
            QCOMPARE(after[k].version, before[k].version);
        }
        const QList<ScenarioVersionInfo> h = store.history(id);
        QCOMPARE(h.size(), 2);
        QCOMPARE(h[0].note, QStringLiteral("one"));
        QCOMPARE(h[1].note, QStringLiteral("two"));
        QCOMPARE(h[0].savedAt, historyBefore[0].savedAt);
        QCOMPARE(h[1].savedAt, historyBefore[1].savedAt);
        QVERIFY(store.load(id, 1) == sample("Base"));
        QVERIFY(store.load(id) == edited(sample("Base")));
        QCOMPARE(store.info(copy).derivedFromName, QStringLiteral("Base"));

        // And it keeps working after the reopen.
        QCOMPARE(store.save(id, sample("Base"), QStringLiteral("three")), 3);
        QVERIFY(store.load(id) == sample("Base"));
    }

    void presetsAndUnusualNamesRoundTrip()
    {
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        for (const QString& preset : presetNames()) {
            const Scenario s = loadPreset(preset);
            const qint64 id = store.add(s, std::nullopt, preset);
            QVERIFY2(store.load(id) == s, qPrintable(preset));
            QCOMPARE(store.info(id).preset, preset);
        }
        const std::string odd = "O'Brien\"; DROP TABLE scenario; -- 日本";
        const qint64 id = store.add(sample(odd));
        QCOMPARE(store.info(id).name, QString::fromStdString(odd));
        QVERIFY(store.find(QString::fromStdString(odd)));
        QVERIFY(store.load(id) == sample(odd));
        QCOMPARE(store.list().size(), presetNames().size() + 1);
    }

    void damagedArchiveIsAnInputErrorNamingTheScenario_data()
    {
        QTest::addColumn<QByteArray>("archive");
        QTest::newRow("empty") << QByteArray(""); // not a null QByteArray: that would bind as SQL NULL
        QTest::newRow("not a scenario file") << QByteArray("this is not an archive\n");
        QTest::newRow("truncated") << encodeScenarioFile(sample("Base")).left(60);
        {
            QByteArray flipped = encodeScenarioFile(sample("Base"));
            flipped[flipped.size() - 10] = static_cast<char>(flipped[flipped.size() - 10] ^ 0x01);
            QTest::newRow("one bit flipped in the payload") << flipped;
        }
        QTest::newRow("correct header around garbage")
            << scenarioFileFromPayload("22 serialization::archive 19 x y");
        QTest::newRow("newer format version")
            << scenarioFileFromPayload(QByteArray(), std::uint64_t{kScenarioFileFormatVersion} + 1);
    }

    void damagedArchiveIsAnInputErrorNamingTheScenario()
    {
        QFETCH(QByteArray, archive);
        const auto project = ProjectStore::create(freshPath());
        ScenarioStore store(*project);
        const qint64 id = store.add(sample("Damaged one"));
        store.save(id, edited(sample("Damaged one")), QStringLiteral("v2"));
        const qint64 fine = store.add(sample("Fine"));
        QVERIFY(overwriteArchive(*project, id, 2, archive));

        QString message;
        EXPECT_INPUT_ERROR(store.load(id), message);
        QVERIFY2(message.contains(QLatin1String("Damaged one")), qPrintable(message));
        EXPECT_INPUT_ERROR(store.load(id, 2), message);
        QVERIFY2(message.contains(QLatin1String("Damaged one")), qPrintable(message));
        // Operations that read the current version fail the same way and store nothing.
        const qint64 versions = versionRows(*project);
        EXPECT_INPUT_ERROR(store.duplicate(id, QStringLiteral("Copy")), message);
        EXPECT_INPUT_ERROR(store.rename(id, QStringLiteral("New")), message);
        EXPECT_INPUT_ERROR(store.restore(id, 2), message);
        QCOMPARE(versionRows(*project), versions);
        QCOMPARE(scenarioRows(*project), 2);

        // The rest of the project is unaffected, and an undamaged version can be restored.
        QVERIFY(store.load(id, 1) == sample("Damaged one"));
        QVERIFY(store.load(fine) == sample("Fine"));
        QCOMPARE(store.info(id).name, QStringLiteral("Damaged one"));
        QCOMPARE(store.restore(id, 1), 3);
        QVERIFY(store.load(id) == sample("Damaged one"));
    }
};

QTEST_GUILESS_MAIN(TestScenarioStore)
#include "tst_scenario_store.moc"
