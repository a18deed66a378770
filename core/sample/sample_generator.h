#pragma once
//! A seeded, reproducible generator of a synthetic statewide Medi-Cal dataset: experience.csv,
//! quality.csv, partnerships.csv and optionally members.csv (methodology §1.1–§1.3 and
//! "Partnerships"; described in docs/sample-data.md).

#include "engine/types.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <functional>
#include <vector>

namespace sharecast::io {

//! The largest SampleOptions::scale: 100 copies, 2,000 plans.
constexpr int kMaxScale = 100;

//! What generateSample() writes, and where.
struct SampleOptions {
    quint64 seed = 2024; //!< the same seed gives the same bytes
    QString outDir;      //!< output folder, created when missing
    qint64 members = 0;  //!< member-year rows of members.csv; 0 writes no members.csv
    //! A state this many times the sample (1 to kMaxScale): the 19 regions and 20 plans repeated,
    //! each copy with its own draws and names (" 2", " 3" … after the originals); 1 is the sample.
    int scale = 1;
    std::function<void(double)> progress; //!< called with the fraction done, 0 to 1 (optional)
};

//! A county or multi-county rating region served by a plan, with its managed-care model type
//! (COHS, Two-Plan, GMC, Regional, Single Plan).
struct SampleRegion {
    QString name;
    QString modelType;
};

//! One invented plan of the sample and the regions it serves.
struct SamplePlan {
    QString id;   //!< "P01" …
    QString name; //!< an invented name
    std::vector<SampleRegion> regions;
};

//! Statewide totals of one rate cell in one year, from the values written to experience.csv.
struct SampleCellTotal {
    QString rateCell;
    Year year = 0;
    MemberMonths memberMonths = 0.0;
    double members = 0.0; //!< average enrollment, member months / 12
    Dollars cost = 0.0;   //!< every category of service
    Pmpm pmpm = 0.0;      //!< cost / member months
};

//! What generateSample() wrote.
struct SampleSummary {
    quint64 seed = 0;
    std::vector<SamplePlan> plans;
    std::vector<SampleCellTotal> totals; //!< rate cell × year, rate cells in file order, then years
    QString denialJumpPlanId;            //!< the plan whose denial and grievance rates jump in the last year
    qint64 experienceRows = 0;
    qint64 qualityRows = 0;
    qint64 partnershipRows = 0;
    qint64 memberRows = 0;
    QStringList files; //!< absolute paths of the files written

    //! The statewide totals of rateCell in year, or nullptr when the data has no such cell.
    const SampleCellTotal* total(const QString& rateCell, Year year) const;
    //! Statewide average enrollment of year over every rate cell.
    double statewideMembers(Year year) const;
};

//! Writes experience.csv, quality.csv, partnerships.csv and, when options.members > 0,
//! members.csv into options.outDir, each atomically. Deterministic: a seed gives the same bytes on
//! every run and platform (see docs/sample-data.md; partnerships.csv is the same for every seed). members.csv
//! is streamed row by row. Throws InputError for bad options or a file that cannot be written.
SampleSummary generateSample(const SampleOptions& options);

} // namespace sharecast::io
