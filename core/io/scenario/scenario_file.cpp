#include "io/scenario/scenario_file.h"

#include "io/atomic_file.h"
#include "io/io_error.h"

#include "engine/error.h"
#include "io/json/scenario_json.h"
#include "io/scenario/scenario_archive.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <exception>
#include <new>
#include <string>
#include <string_view>

namespace sharecast::io {

static_assert(kScenarioFileFormatVersion == kScenarioArchiveVersion,
              "the file header carries the archive's version");

namespace {

constexpr QByteArrayView kMagic{kScenarioFileMagic};
constexpr QByteArrayView kVersionKey{"format-version: "};
constexpr QByteArrayView kLengthKey{"payload-length: "};
constexpr QByteArrayView kDigestKey{"payload-sha256: "};

//! The most bytes a well-formed header line can take, newline included.
constexpr qsizetype kMaxHeaderLine = 96;

[[noreturn]] void fail(const std::string& file, const std::string& reason)
{
    throw InputError(InputLocation{file, 0, {}, {}, false}, reason);
}

//! An error located at a header line and field, showing the text found.
[[noreturn]] void failField(const std::string& file, long line, const char* field, QByteArrayView found,
                            const std::string& reason)
{
    // Shown text: printable ASCII only, shortened; the header is ASCII by definition.
    std::string shown;
    for (char ch : found.first(std::min<qsizetype>(found.size(), 40)))
        shown += (ch >= 0x20 && ch < 0x7f) ? ch : '?';
    if (found.size() > 40)
        shown += "...";
    throw InputError(InputLocation{file, line, field, shown, true}, reason);
}

//! The SHA-256 digest of bytes, as 64 lower-case hex digits.
QByteArray sha256Hex(QByteArrayView bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

//! Reads header line `number` (1-based) starting at pos; moves pos past its newline.
QByteArrayView headerLine(QByteArrayView bytes, qsizetype& pos, long number, const char* field,
                          const std::string& file)
{
    const QByteArrayView rest = bytes.sliced(pos);
    const qsizetype end = rest.first(std::min(rest.size(), kMaxHeaderLine)).indexOf('\n');
    if (end < 0) {
        if (rest.size() < kMaxHeaderLine)
            failField(file, number, field, rest, "the file is truncated: it ends inside its header");
        failField(file, number, field, rest.first(kMaxHeaderLine), "the header line is malformed (too long)");
    }
    pos += end + 1;
    return rest.first(end);
}

//! The decimal after key on a header line: digits only, no sign or leading zero, at most 19.
std::uint64_t headerNumber(QByteArrayView line, QByteArrayView key, long number, const char* field,
                           const std::string& file)
{
    if (!line.startsWith(key))
        failField(file, number, field, line,
                  "the header line must read '" + key.toByteArray().toStdString() + "<number>'");
    const QByteArrayView digits = line.sliced(key.size());
    bool allDigits = !digits.isEmpty();
    for (char ch : digits)
        allDigits = allDigits && ch >= '0' && ch <= '9';
    if (!allDigits || (digits.size() > 1 && digits.front() == '0'))
        failField(file, number, field, digits, "must be a decimal number (digits only, no leading zero)");
    if (digits.size() > 19)
        failField(file, number, field, digits, "the number is absurdly large: the header is damaged");
    return digits.toULongLong();
}

//! Reads the payload, turning any failure of the archive reader into an InputError.
Scenario readPayload(QByteArrayView payload, unsigned declaredFormat, const std::string& file)
{
    try {
        return readScenarioArchivePayload(std::string_view(payload.data(), std::size_t(payload.size())),
                                          declaredFormat);
    } catch (const InputError& e) {
        InputLocation where = e.where();
        where.file = file;
        throw InputError(where, e.reason());
    } catch (const std::bad_alloc&) {
        fail(file, "the scenario data cannot be read: it needs more memory than is available");
    } catch (const std::exception& e) {
        fail(file, std::string("the scenario data cannot be read: ") + e.what());
    }
}

} // namespace

QByteArray scenarioFileFromPayload(QByteArrayView payload, std::uint64_t formatVersion)
{
    QByteArray out;
    out.reserve(payload.size() + 160);
    out += kMagic;
    out += kVersionKey;
    out += QByteArray::number(static_cast<qulonglong>(formatVersion)) + '\n';
    out += kLengthKey;
    out += QByteArray::number(payload.size()) + '\n';
    out += kDigestKey;
    out += sha256Hex(payload) + '\n';
    out += payload;
    return out;
}

QByteArray encodeScenarioFile(const Scenario& scenario)
{
    scenario.validate();
    validateYearOverrides(scenario);
    const std::string payload = writeScenarioArchive(scenario);
    if (payload.size() + 256 > static_cast<std::size_t>(kMaxScenarioFileBytes))
        throw InputError("the scenario is too large for a scenario file (" + std::to_string(payload.size()) +
                         " bytes; the limit is " + std::to_string(kMaxScenarioFileBytes / (1024 * 1024)) +
                         " MiB)");
    return scenarioFileFromPayload(QByteArrayView(payload.data(), qsizetype(payload.size())));
}

Scenario decodeScenarioFile(const QByteArray& bytes, const QString& fileName)
{
    const std::string file = fileName.toStdString();
    if (bytes.isEmpty())
        fail(file, "the file is empty (it holds no scenario)");
    if (bytes.size() > kMaxScenarioFileBytes)
        fail(file, "the file is larger than the limit of " +
                       std::to_string(kMaxScenarioFileBytes / (1024 * 1024)) + " MiB for a scenario file");

    // Line 1: the magic.
    if (!bytes.startsWith(kMagic)) {
        if (bytes.size() < kMagic.size() && kMagic.startsWith(bytes))
            fail(file, "the file is truncated: it ends inside its header");
        const QByteArray start = bytes.first(std::min<qsizetype>(bytes.size(), 64)).trimmed();
        if (start.startsWith('{') || start.startsWith("\xEF\xBB\xBF"))
            fail(file, "this is not a Sharecast scenario file but looks like a JSON scenario; "
                       "import it as JSON instead");
        fail(file, "this is not a Sharecast scenario file (it does not start with 'SHARECAST-SCENARIO')");
    }
    qsizetype pos = kMagic.size();

    // Line 2: the format version, checked before anything else of the file is interpreted.
    const QByteArrayView versionLine = headerLine(bytes, pos, 2, "format-version", file);
    const std::uint64_t version = headerNumber(versionLine, kVersionKey, 2, "format-version", file);
    if (version == 0)
        failField(file, 2, "format-version", versionLine.sliced(kVersionKey.size()),
                  "there is no scenario file format 0");
    if (version > kScenarioFileFormatVersion)
        failField(file, 2, "format-version", versionLine.sliced(kVersionKey.size()),
                  "the file was written by a newer version of Sharecast (this version reads scenario file "
                  "formats 1 to " +
                      std::to_string(kScenarioFileFormatVersion) + "); update Sharecast to open it");

    // Line 3: the payload length, which must be exactly what follows the header.
    const QByteArrayView lengthLine = headerLine(bytes, pos, 3, "payload-length", file);
    const std::uint64_t length = headerNumber(lengthLine, kLengthKey, 3, "payload-length", file);
    if (length > static_cast<std::uint64_t>(kMaxScenarioFileBytes))
        failField(file, 3, "payload-length", lengthLine.sliced(kLengthKey.size()),
                  "the declared payload is larger than the limit of " +
                      std::to_string(kMaxScenarioFileBytes / (1024 * 1024)) + " MiB: the header is damaged");

    // Line 4: the digest.
    const QByteArrayView digestLine = headerLine(bytes, pos, 4, "payload-sha256", file);
    if (!digestLine.startsWith(kDigestKey))
        failField(file, 4, "payload-sha256", digestLine,
                  "the header line must read 'payload-sha256: <digest>'");
    const QByteArrayView digest = digestLine.sliced(kDigestKey.size());
    bool hex = digest.size() == 64;
    for (char ch : digest)
        hex = hex && ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
    if (!hex)
        failField(file, 4, "payload-sha256", digest, "must be 64 lower-case hexadecimal digits");

    const QByteArrayView payload = QByteArrayView(bytes).sliced(pos);
    const auto actual = static_cast<std::uint64_t>(payload.size());
    if (length > actual)
        fail(file, "the file is truncated: the header declares " + std::to_string(length) +
                       " bytes of scenario data but only " + std::to_string(actual) + " follow");
    if (length < actual)
        fail(file, "the file is damaged: " + std::to_string(actual) +
                       " bytes follow the header, which declares " + std::to_string(length));
    if (sha256Hex(payload) != digest)
        fail(file, "the file is damaged: the scenario data does not match the SHA-256 digest in its header "
                   "(payload-sha256)");

    // Only now does Boost see the payload; the result is checked like JSON input.
    const Scenario scenario = readPayload(payload, static_cast<unsigned>(version), file);
    try {
        scenario.validate();
        validateYearOverrides(scenario);
    } catch (const InputError& e) {
        InputLocation where = e.where();
        where.file = file;
        throw InputError(where, e.reason());
    }
    return scenario;
}

void saveScenarioFile(const Scenario& scenario, const QString& path)
{
    const std::string file = path.toStdString();
    QByteArray bytes;
    try {
        bytes = encodeScenarioFile(scenario);
    } catch (const InputError& e) {
        InputLocation where = e.where();
        where.file = file;
        throw InputError(where, "the scenario cannot be saved: " + e.reason());
    }
    if (!QFileInfo(path).absoluteDir().exists())
        fail(file, "cannot write the scenario file: the folder does not exist");
    AtomicFile out(path);
    if (!out.open() || !out.write(bytes) || !out.commit())
        throw WriteError(out.error());
}

Scenario loadScenarioFile(const QString& path)
{
    const std::string file = path.toStdString();
    const QFileInfo info(path);
    if (!info.exists())
        fail(file, "the scenario file does not exist");
    if (info.isDir())
        fail(file, "this is a folder, not a scenario file");
    if (info.size() > kMaxScenarioFileBytes)
        fail(file, "the file is larger than the limit of " +
                       std::to_string(kMaxScenarioFileBytes / (1024 * 1024)) +
                       " MiB for a scenario file and is not read");
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        throw readError(path, in.errorString());
    // At most one byte past the limit, so that a file that grew meanwhile is still refused.
    const QByteArray bytes = in.read(kMaxScenarioFileBytes + 1);
    if (in.error() != QFileDevice::NoError)
        throw readError(path, in.errorString());
    return decodeScenarioFile(bytes, path);
}

} // namespace sharecast::io
