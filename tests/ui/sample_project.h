#pragma once
//! What the workbench tests share: the synthetic sample imported into a fresh project, the
//! engine's own settlement of a document's scenario to hold the widgets against, and per-user
//! files kept out of the user's own.

#include "engine/settlement.h"
#include "io/project/importer.h"
#include "io/project/project_store.h"
#include "io/project/recovery_file.h"
#include "sample/sample_generator.h"
#include "ui/document/project_document.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QString>

namespace sharecast::testing {

//! A fresh copy of `project` as dir/name (any older one replaced); empty when it cannot be made.
inline QString freshCopy(const QString& project, const QDir& dir, const QString& name)
{
    const QString copy = dir.filePath(name);
    QFile::remove(copy);
    return QFile::copy(project, copy) ? copy : QString();
}

//! Generates the sample under dir/sample and imports its experience, quality and partnerships into
//! dir/p.sharecast; returns the project's path. `sample` receives what the generator reports.
inline QString makeSampleProject(const QDir& dir, io::SampleSummary* sample = nullptr)
{
    io::SampleOptions options;
    options.outDir = dir.filePath(QStringLiteral("sample"));
    const io::SampleSummary summary = io::generateSample(options);
    if (sample)
        *sample = summary;
    const QString project = dir.filePath(QStringLiteral("p.sharecast"));
    auto store = io::ProjectStore::create(project);
    io::ImportRequest r;
    r.experiencePath = options.outDir + QStringLiteral("/experience.csv");
    r.qualityPath = options.outDir + QStringLiteral("/quality.csv");
    r.partnershipsPath = options.outDir + QStringLiteral("/partnerships.csv");
    io::importFiles(*store, r);
    return project;
}

//! Keeps what the workbench writes per user out of the user's own files: settings and data under
//! Qt's test locations, autosaved edits (crash recovery) in dir/recovery.
inline void isolateUserFiles(const QDir& dir)
{
    QStandardPaths::setTestModeEnabled(true);
    io::setRecoveryDirectory(dir.filePath(QStringLiteral("recovery")));
}

//! The engine's settlement of the document's scenario, computed without the UI.
inline Settlement engineSettlement(const ui::ProjectDocument* doc)
{
    SettlementOptions o;
    o.year = doc->performanceYear();
    o.trace = false;
    return settle(doc->index(), doc->quality(), doc->scenario(), o);
}

} // namespace sharecast::testing
