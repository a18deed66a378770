#pragma once
//! The workbench's own scenario file, *.sharecast-scenario (methodology §1.5): a short text header
//! that Sharecast writes itself, then the scenario as a Boost.Serialization text archive
//! (core/io/scenario/scenario_archive.h). The header, byte for byte:
//!
//!     SHARECAST-SCENARIO\n
//!     format-version: <n>\n             decimal, 1 .. kScenarioFileFormatVersion
//!     payload-length: <bytes>\n         decimal, the exact number of bytes after the header
//!     payload-sha256: <64 hex digits>\n lower-case SHA-256 of those bytes
//!     <payload>
//!
//! A file is checked in that order before Boost reads a byte of the payload: size limit, magic,
//! format version (a newer file is refused with a message saying so), length, digest. The digest
//! guards against accidental damage only; the payload reader is hardened on its own (bounded
//! texts and counts), and the scenario it yields is validated like JSON input.

#include "engine/scenario.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace sharecast::io {

//! The file name suffix of a scenario file, without the dot.
inline constexpr char kScenarioFileSuffix[] = "sharecast-scenario";

//! The first line of every scenario file, newline included.
inline constexpr char kScenarioFileMagic[] = "SHARECAST-SCENARIO\n";

//! The format version this build writes and the newest it reads (the archive's version).
inline constexpr unsigned kScenarioFileFormatVersion = 5;

//! Larger files are refused unread (a scenario file is a few kilobytes).
inline constexpr qsizetype kMaxScenarioFileBytes = qsizetype{4} * 1024 * 1024;

//! The file bytes of a scenario: header and payload. Validates the scenario first (a file that
//! would be refused on loading is not written). Throws InputError for an invalid scenario, a
//! number that is not finite, or a scenario larger than kMaxScenarioFileBytes.
QByteArray encodeScenarioFile(const Scenario& scenario);

//! The scenario in a file's bytes. Throws InputError naming fileName and what is wrong: an empty
//! file, a file over the size limit, a wrong magic, a truncated or malformed header, a newer
//! format version, a payload length other than the bytes that follow, a digest mismatch, a
//! payload Boost cannot read, or a scenario that fails Scenario::validate().
Scenario decodeScenarioFile(const QByteArray& bytes, const QString& fileName);

//! Writes the scenario to path atomically (AtomicFile: the old file stays until the new one is
//! complete, checked to the last byte). Throws InputError naming the path for a scenario that
//! cannot be saved or a folder that does not exist, WriteError when the disk refuses the bytes.
void saveScenarioFile(const Scenario& scenario, const QString& path);

//! Reads a scenario file; a missing, unreadable or oversized file is refused before it is read.
Scenario loadScenarioFile(const QString& path);

//! A file around a given payload: a correct header (length and digest) for any bytes. For tests
//! and the fuzz target, which need files whose payload reaches the archive reader.
QByteArray scenarioFileFromPayload(QByteArrayView payload,
                                   std::uint64_t formatVersion = kScenarioFileFormatVersion);

} // namespace sharecast::io
