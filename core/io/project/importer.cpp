#include "io/project/importer.h"

#include "io/csv/experience_csv.h"
#include "io/csv/partnerships_csv.h"
#include "io/csv/quality_csv.h"
#include "io/io_error.h"
#include "io/sha256.h"

#include <QFile>
#include <QFileInfo>

#include <set>
#include <tuple>

namespace sharecast::io {

namespace {

//! A read-only file that computes the SHA-256 of the bytes read through it (io/sha256.h). It can
//! seek back for a second pass on an error path; the digest then no longer matters.
class HashingFile : public QIODevice {
public:
    explicit HashingFile(const QString& path) : file_(path) {}

    bool open(OpenMode mode) override
    {
        if (!file_.open(mode | QIODevice::Unbuffered))
            return false;
        return QIODevice::open(mode | QIODevice::Unbuffered);
    }
    qint64 size() const override { return file_.size(); }
    bool seek(qint64 pos) override { return file_.seek(pos) && QIODevice::seek(pos); }
    QString errorText() const { return file_.errorString(); }
    QString hexDigest() { return hash_.hexDigest(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = file_.read(data, maxSize);
        if (n > 0)
            hash_.add(data, static_cast<std::size_t>(n));
        if (n < 0)
            setErrorString(file_.errorString());
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QFile file_;
    Sha256 hash_;
};

//! Opens path for reading through a HashingFile. Throws InputError naming it when there is no such
//! file or it is a folder, ReadError when the system refuses to read it.
void openInput(HashingFile& f, const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw InputError(InputLocation{path.toStdString(), 0, "", "", false}, "no such file");
    if (info.isDir())
        throw InputError(InputLocation{path.toStdString(), 0, "", "", false}, "is a folder, not a file");
    if (!f.open(QIODevice::ReadOnly))
        throw readError(path, f.errorText());
}

Provenance provenanceOf(const QString& path, HashingFile& f, qint64 rows)
{
    Provenance p;
    p.sourceName = QFileInfo(path).fileName();
    p.sourceSize = QFileInfo(path).size();
    p.sha256 = f.hexDigest();
    p.rowCount = rows;
    p.importedAt = QDateTime::currentDateTimeUtc();
    return p;
}

QString yearsText(const std::set<Year>& years)
{
    if (years.empty())
        return QStringLiteral("no years");
    return years.size() == 1 ? QString::number(*years.begin())
                             : QStringLiteral("%1–%2").arg(*years.begin()).arg(*years.rbegin());
}

//! "1 partner", "9 partners".
QString counted(std::size_t n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

//! The summary of a partnerships import: "partnerships.csv: 14 contracts, 9 partners, 6 plans,
//! years 2022–2024" (a contract is a plan × partner × service, over its years).
QString partnershipsSummary(const QString& sourceName, const PartnershipData& data)
{
    std::set<std::tuple<std::string, std::string, std::string>> contracts;
    std::set<std::string> partners, plans;
    std::set<Year> years;
    for (const PartnershipRecord& r : data.records) {
        contracts.insert({r.planId, r.partnerId, r.service});
        partners.insert(r.partnerId);
        plans.insert(r.planId);
        years.insert(r.year);
    }
    return QStringLiteral("%1: %2, %3, %4, years %5")
        .arg(sourceName, counted(contracts.size(), QStringLiteral("contract"), QStringLiteral("contracts")),
             counted(partners.size(), QStringLiteral("partner"), QStringLiteral("partners")),
             counted(plans.size(), QStringLiteral("plan"), QStringLiteral("plans")), yearsText(years));
}

//! Wraps control so that progress covers all files of the request.
ImportControl overall(const ImportControl& control, qint64 doneBefore, qint64 total)
{
    ImportControl c;
    c.cancelled = control.cancelled;
    if (control.progress)
        c.progress = [p = control.progress, doneBefore, total](qint64 read, qint64) {
            p(doneBefore + read, total);
        };
    return c;
}

//! Reads the files of one request in turn, each through a HashingFile, with the progress of each
//! counted over the whole request.
class Inputs {
public:
    Inputs(const ImportControl& control, qint64 total) : control_(control), total_(total) {}

    //! Opens path and calls read(device, control) on it; returns the file's provenance with
    //! `rows` from rowsOf() after the read.
    template <typename Read, typename Rows> Provenance read(const QString& path, Read&& read, Rows&& rowsOf)
    {
        HashingFile f(path);
        openInput(f, path);
        read(f, overall(control_, done_, total_));
        done_ += f.size();
        return provenanceOf(path, f, static_cast<qint64>(rowsOf()));
    }

private:
    const ImportControl& control_;
    qint64 total_ = 0;
    qint64 done_ = 0;
};

} // namespace

PreparedImport prepareImport(const ImportRequest& request, const ImportControl& control)
{
    if (request.experiencePath.isEmpty() && request.qualityPath.isEmpty() && request.membersPath.isEmpty() &&
        request.partnershipsPath.isEmpty())
        throw InputError("nothing to import: give an experience, quality, members or partnerships file");
    if (!request.experiencePath.isEmpty() && !request.membersPath.isEmpty())
        throw InputError("import experience cells or member-level data, not both at once: each replaces the "
                         "project's experience");

    qint64 total = 0;
    for (const QString& p :
         {request.experiencePath, request.qualityPath, request.membersPath, request.partnershipsPath})
        if (!p.isEmpty())
            total += QFileInfo(p).size();
    Inputs inputs(control, total);

    PreparedImport prepared;
    ImportReport& report = prepared.report;
    auto& experience = prepared.experience;
    auto& experienceProvenance = prepared.experienceProvenance;
    if (!request.experiencePath.isEmpty()) {
        ImportSummary summary;
        experienceProvenance = inputs.read(
            request.experiencePath,
            [&](QIODevice& f, const ImportControl& c) {
                experience = readExperienceCsv(f, request.experiencePath, &summary, c);
            },
            [&] { return summary.rows; });
        std::set<Year> years(summary.years.begin(), summary.years.end());
        QString text = QStringLiteral("%1: %2 cells, %3 plans, years %4, %5 categories of service")
                           .arg(experienceProvenance.sourceName)
                           .arg(summary.cells)
                           .arg(summary.plans)
                           .arg(yearsText(years))
                           .arg(summary.cosCount);
        QStringList blanks;
        for (const BlankCount& b : summary.blanks)
            blanks << QStringLiteral("%1 %2").arg(QString::fromStdString(b.column)).arg(b.count);
        if (!blanks.isEmpty())
            text += QStringLiteral("; blanks counted as default: %1").arg(blanks.join(QStringLiteral(", ")));
        experienceProvenance.summary = text;
        for (const std::string& w : summary.warnings)
            experienceProvenance.warnings << QString::fromStdString(w);
        report.summaries << text;
        report.warnings << experienceProvenance.warnings;
    }

    auto& quality = prepared.quality;
    auto& qualityProvenance = prepared.qualityProvenance;
    if (!request.qualityPath.isEmpty()) {
        qualityProvenance = inputs.read(
            request.qualityPath,
            [&](QIODevice& f, const ImportControl& c) {
                quality = readQualityCsv(f, request.qualityPath, c);
            },
            [&] { return quality->records.size(); });
        std::set<std::string> plans, measures;
        std::set<Year> years;
        for (const QualityRecord& r : quality->records) {
            plans.insert(r.planId);
            measures.insert(r.measureId);
            years.insert(r.year);
        }
        qualityProvenance.summary = QStringLiteral("%1: %2 rates, %3 plans, %4 measures, years %5")
                                        .arg(qualityProvenance.sourceName)
                                        .arg(quality->records.size())
                                        .arg(plans.size())
                                        .arg(measures.size())
                                        .arg(yearsText(years));
        report.summaries << qualityProvenance.summary;
    }

    auto& members = prepared.members;
    auto& membersProvenance = prepared.membersProvenance;
    if (!request.membersPath.isEmpty()) {
        membersProvenance = inputs.read(
            request.membersPath,
            [&](QIODevice& f, const ImportControl& c) {
                members = readMembersCsv(f, request.membersPath, request.memberOptions, c);
            },
            [&] { return members->rows; });
        std::set<std::string> plans;
        std::set<Year> years;
        for (const ExperienceCell& c : members->cells.cells) {
            plans.insert(c.planId);
            years.insert(c.year);
        }
        membersProvenance.summary =
            QStringLiteral(
                "%1: %2 member rows aggregated to %3 cells, %4 plans, years %5; truncation at %6 per "
                "member; blanks counted as default: risk_score %7, amounts %8")
                .arg(membersProvenance.sourceName)
                .arg(members->rows)
                .arg(members->cells.cells.size())
                .arg(plans.size())
                .arg(yearsText(years))
                .arg(request.memberOptions.truncationThreshold, 0, 'f', 2)
                .arg(members->blankRiskScores)
                .arg(members->blankAmounts);
        report.summaries << membersProvenance.summary;
    }

    auto& partnerships = prepared.partnerships;
    auto& partnershipsProvenance = prepared.partnershipsProvenance;
    if (!request.partnershipsPath.isEmpty()) {
        partnershipsProvenance = inputs.read(
            request.partnershipsPath,
            [&](QIODevice& f, const ImportControl& c) {
                partnerships = readPartnershipsCsv(f, request.partnershipsPath, c);
            },
            [&] { return partnerships->records.size(); });
        partnershipsProvenance.summary =
            partnershipsSummary(partnershipsProvenance.sourceName, *partnerships);
        report.summaries << partnershipsProvenance.summary;
    }

    return prepared;
}

ImportReport storeImport(ProjectStore& store, PreparedImport prepared)
{
    ImportReport report = prepared.report;
    ProjectStore::Batch batch(store);
    if (prepared.experience)
        report.datasetIds << store.addExperience(*prepared.experience, prepared.experienceProvenance);
    if (prepared.quality)
        report.datasetIds << store.addQuality(*prepared.quality, prepared.qualityProvenance);
    if (prepared.members)
        report.datasetIds << store.addMembers(prepared.members->aggregates, prepared.members->cells,
                                              prepared.membersProvenance);
    if (prepared.partnerships)
        report.datasetIds << store.addPartnerships(*prepared.partnerships, prepared.partnershipsProvenance);
    store.logRun(QStringLiteral("import"), report.summaries.join(u'\n'));
    batch.commit();
    return report;
}

ImportReport importFiles(ProjectStore& store, const ImportRequest& request, const ImportControl& control)
{
    return storeImport(store, prepareImport(request, control));
}

} // namespace sharecast::io
