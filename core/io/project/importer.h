#pragma once
//! Imports into a project: read and validate every file completely first, then store them all
//! in one transaction, so an import either succeeds whole or leaves the project as it was.

#include "io/csv/csv_reader.h"
#include "io/csv/members_csv.h"
#include "io/project/project_store.h"
#include "io/warehouse/warehouse_import.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sharecast::io {

//! The files of one import (any may be empty, not all), or a warehouse table for the members.
struct ImportRequest {
    QString experiencePath;
    QString qualityPath;
    QString membersPath;
    //! Member rows aggregated in a warehouse instead of members.csv (not both).
    std::optional<WarehouseSource> membersFrom;
    QString partnershipsPath; //!< partnerships.csv (MCP–CBO partnerships)
    MemberAggregationOptions memberOptions;
};

//! What an import stored.
struct ImportReport {
    QList<qint64> datasetIds;
    QStringList summaries; //!< one readable line per dataset
    QStringList warnings;
};

//! Files read and validated, ready to store.
struct PreparedImport {
    std::optional<ExperienceData> experience;
    Provenance experienceProvenance;
    std::optional<QualityData> quality;
    Provenance qualityProvenance;
    std::optional<MemberImport> members;
    Provenance membersProvenance;
    std::optional<PartnershipData> partnerships;
    Provenance partnershipsProvenance;
    ImportReport report; //!< summaries and warnings (ids filled by storeImport)
};

//! Reads and validates the request's files without touching any project (it may run on a worker
//! thread). Throws InputError (naming file, line, column, value) or ImportCancelled. control's
//! progress reports bytes of the whole request (all files together).
PreparedImport prepareImport(const ImportRequest& request, const ImportControl& control = {});

//! Stores a prepared import in one transaction. Throws ProjectError (nothing stored).
ImportReport storeImport(ProjectStore& store, PreparedImport prepared);

//! prepareImport() then storeImport().
ImportReport importFiles(ProjectStore& store, const ImportRequest& request,
                         const ImportControl& control = {});

} // namespace sharecast::io
