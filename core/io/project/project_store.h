#pragma once
//! A Sharecast project: one SQLite database (`*.sharecast`) holding imported datasets with their
//! provenance, experience cells, quality rates, member-level aggregates, MCP–CBO partnerships,
//! scenarios and a run log.

#include "engine/experience.h"
#include "engine/partnership_data.h"
#include "engine/quality_data.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace sharecast::io {

//! A project file could not be opened, read or written; what() names the file.
class ProjectError : public std::runtime_error {
public:
    //! What went wrong: the file given is not a usable project (bad input, exit 2), or reading or
    //! writing it failed (an I/O failure: disk full, read-only, locked; exit 1).
    enum class Kind { BadInput, Failure };

    explicit ProjectError(const std::string& message, Kind kind = Kind::Failure)
        : std::runtime_error(message), kind_(kind)
    {
    }
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

//! Checks, before SQLite opens it, that path is an SQLite file that can be read; throws
//! ProjectError ("no such project file", "cannot read", "not an SQLite database").
void requireSqliteFile(const QString& path);

//! Sets db (not yet open) to read path without writing to it or beside it; `immutable` reads it
//! as an unchanging file, for a write-ahead-log file on read-only media.
void readOnlyConnection(QSqlDatabase& db, const QString& path, bool immutable);

//! The kinds of dataset a project holds.
enum class DatasetKind { Experience, Quality, Members, Partnerships };

//! Text name of a dataset kind ("experience", "quality", "members", "partnerships").
QString toString(DatasetKind kind);

//! Where a dataset came from (methodology §0: every number traceable to its source).
struct Provenance {
    QString sourceName;    //!< file name as imported (no folder)
    qint64 sourceSize = 0; //!< bytes
    QString sha256;        //!< hex digest of the file's bytes
    qint64 rowCount = 0;   //!< data records read
    QDateTime importedAt;  //!< UTC
    QStringList warnings;
    QString summary; //!< one readable paragraph (cells, plans, years, blanks counted as 0)
    //! The statement that produced the data in a database (a warehouse import); empty for a file.
    //! sourceName is then the connection (no password) and table, sourceSize and sha256 describe
    //! the canonical text of the aggregated cells.
    QString query;
};

//! One imported dataset as listed in a project.
struct DatasetInfo {
    qint64 id = 0;
    DatasetKind kind = DatasetKind::Experience;
    Provenance provenance;
    bool active = false; //!< the dataset of its kind that settlements use
};

//! Per-cell sums of member-level experience (methodology §1.3), kept for the statistical tools.
struct MemberCellAggregate {
    std::string planId, region, rateCell;
    Year year = 0;
    qint64 members = 0; //!< member rows in the cell
    double memberMonths = 0.0;
    double costSum = 0.0; //!< Σ annual cost over members (included COS)
    double costSumSquares = 0.0;
    double excessSum = 0.0; //!< Σ max(0, cost − threshold)
    //! Σ min(cost, threshold) and its squares (§13's c after truncation); absent in projects of
    //! schema 3 and earlier.
    std::optional<double> truncatedSum, truncatedSumSquares;
};

//! Member-level aggregates of one members.csv import.
struct MemberAggregates {
    double truncationThreshold = 0.0;
    std::vector<std::string> includedCos; //!< COS summed into each member's cost
    std::vector<MemberCellAggregate> cells;
};

//! An open project file. Writes happen in transactions: each add…() is all or nothing.
class ProjectStore {
public:
    //! The schema version this build writes (PRAGMA user_version); older files are migrated.
    static constexpr int kSchemaVersion = 6;
    //! The oldest schema openForReading() reads as it is (schema 4 only added columns that
    //! readers treat as absent in a schema-3 file; schema 5 added the partnerships, which a file
    //! of schema 3 or 4 does not have; schema 6 added the query of a warehouse import, empty in
    //! older files).
    static constexpr int kOldestReadableSchema = 3;

    //! Creates a new, empty project at path (which must not exist). Messages name the file
    //! `shownAs` when given (a project built under a temporary name is named as the user gave it).
    static std::unique_ptr<ProjectStore> create(const QString& path, const QString& shownAs = {});
    //! Opens an existing project, migrating an older schema forward. Throws ProjectError.
    static std::unique_ptr<ProjectStore> open(const QString& path);
    //! Opens an existing project only to read it: nothing is written to it or beside it, so it
    //! works on read-only media and leaves no journal behind. A schema older than
    //! kOldestReadableSchema is refused (it can be upgraded only by opening it for writing). Writes through
    //! the store fail (ProjectError).
    static std::unique_ptr<ProjectStore> openForReading(const QString& path);
    //! Opens path when it exists, else creates it.
    static std::unique_ptr<ProjectStore> openOrCreate(const QString& path);

    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;

    //! Groups several add…() calls into one transaction: commit() saves them all; destroying an
    //! uncommitted batch saves none (the file is left as it was).
    class Batch {
    public:
        explicit Batch(ProjectStore& store);
        ~Batch();
        void commit();
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;

    private:
        ProjectStore& store_;
        bool done_ = false;
    };

    ProjectStore& operator=(const ProjectStore&) = delete;

    const QString& path() const { return path_; }
    int schemaVersion() const;

    //! Every dataset, oldest first.
    QList<DatasetInfo> datasets() const;
    //! The active dataset of a kind, if any. Experience and members share one role (either is
    //! the project's experience); quality and partnerships have one active dataset each.
    std::optional<DatasetInfo> activeDataset(DatasetKind kind) const;

    //! Stores an experience dataset and makes it the active one; returns its id.
    qint64 addExperience(const ExperienceData& data, const Provenance& provenance);
    //! Stores a quality dataset and makes it the active one.
    qint64 addQuality(const QualityData& data, const Provenance& provenance);
    //! Stores member-level aggregates and the experience cells built from them (active).
    qint64 addMembers(const MemberAggregates& aggregates, const ExperienceData& cells,
                      const Provenance& provenance);
    //! Stores a partnerships dataset and makes it the active one.
    qint64 addPartnerships(const PartnershipData& data, const Provenance& provenance);

    //! The cells of an experience (or members) dataset.
    ExperienceData loadExperience(qint64 datasetId) const;
    //! The rates of a quality dataset.
    QualityData loadQuality(qint64 datasetId) const;
    //! The member aggregates of a members dataset.
    MemberAggregates loadMemberAggregates(qint64 datasetId) const;
    //! The records of a partnerships dataset, in file order, every figure as stored (an absent
    //! optional field stays absent); none for a dataset of another kind or a file of schema 3 or 4.
    PartnershipData loadPartnerships(qint64 datasetId) const;

    //! A project-level setting (name, synthetic-data notice, ...); empty when unset.
    QString metadata(const QString& key) const;
    void setMetadata(const QString& key, const QString& value);

    //! Appends a line to the run log.
    void logRun(const QString& command, const QString& detail);

    //! The connection, for the stores of other issues (scenarios) built on this file.
    QSqlDatabase database() const;

private:
    explicit ProjectStore(QString path);
    //! How the connection opens the file.
    enum class Access { Create, ReadWrite, ReadOnly, Immutable };
    void openConnection(Access access);
    //! Checks that the file is a Sharecast project this version can read (after openConnection).
    void checkIsProject() const;
    void useRollbackJournal();
    void migrate();
    qint64 insertDataset(DatasetKind kind, const Provenance& p);
    void insertCells(qint64 datasetId, const ExperienceData& data);
    //! The dataset's source file name; throws ProjectError when there is no such dataset.
    std::string sourceNameOf(qint64 datasetId) const;

    QString path_;
    QString name_; //!< what messages call the file: path_, or the name it is being built for
    QString connection_;
    bool inBatch_ = false;
};

} // namespace sharecast::io
