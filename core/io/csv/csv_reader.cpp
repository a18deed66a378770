#include "io/csv/csv_reader.h"

#include "io/io_error.h"

#include <QFileInfo>

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>
#include <map>

namespace sharecast::io {

namespace {

// Bytes that end an unquoted field, or are not allowed in one (RFC 4180 §2).
constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> table{};
    table[static_cast<unsigned char>(',')] = true;
    table[static_cast<unsigned char>('\n')] = true;
    table[static_cast<unsigned char>('\r')] = true;
    table[static_cast<unsigned char>('"')] = true;
    return table;
}();

constexpr std::size_t kShownValueBytes = 80;

// The offending text as shown in a message: at most kShownValueBytes bytes, cut at a UTF-8
// character boundary, "..." marking a cut.
std::string shownValue(std::string_view text)
{
    if (text.size() <= kShownValueBytes)
        return std::string(text);
    std::size_t cut = kShownValueBytes - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(text.substr(0, cut)) + "...";
}

// Invalid UTF-8 shown with its bytes escaped (\xNN), so that the message itself is valid text.
std::string escapedBytes(std::string_view text)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : shownValue(text)) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out += c;
        } else {
            out += "\\x";
            out += hex[b >> 4];
            out += hex[b & 0xF];
        }
    }
    return out;
}

// First byte in [from, end) that ends a physical line, or end.
const char* lineEnd(const char* from, const char* end)
{
    while (from != end && *from != '\n' && *from != '\r')
        ++from;
    return from;
}

// First byte in [from, end) that ends a field, or end.
const char* fieldEnd(const char* from, const char* end)
{
    while (from != end && *from != ',' && *from != '\n' && *from != '\r')
        ++from;
    return from;
}

} // namespace

InputError csvRecordTooLong(const std::string& fileName, long line, qint64 maxRecordBytes)
{
    return InputError(InputLocation{fileName, line, {}, {}, false}, "record longer than " +
                                                                        std::to_string(maxRecordBytes) +
                                                                        " bytes; is a quote left open?");
}

CsvReader::CsvReader(QIODevice& device, std::string fileName, ImportControl control, CsvReaderOptions options)
    : device_(&device), fileName_(std::move(fileName)), control_(std::move(control)), options_(options)
{
    options_.blockSize = std::max<qint64>(options_.blockSize, 1);
    options_.maxRecordBytes = std::max<qint64>(options_.maxRecordBytes, 1);
    nextLine_ = options_.firstLine;
    started_ = !options_.byteOrderMark;
    if (!device_->isReadable())
        throw InputError(InputLocation{fileName_, 0, {}, {}, false}, "the input is not open for reading");
    if (!device_->isSequential())
        totalBytes_ = device_->size() - device_->pos();
}

CsvReader::CsvReader(std::string_view bytes, std::string fileName, CsvReaderOptions options)
    : bytes_(bytes.data()), fileName_(std::move(fileName)), options_(options)
{
    totalBytes_ = bytesRead_ = static_cast<qint64>(bytes.size());
    end_ = bytes.size();
    eof_ = true;
    nextLine_ = options_.firstLine;
    started_ = !options_.byteOrderMark;
}

std::string CsvReader::columnName(std::size_t i) const
{
    return i < columnNames_.size() ? columnNames_[i] : std::string();
}

InputError CsvReader::fieldError(std::size_t i, const std::string& reason) const
{
    return InputError(InputLocation{fileName_, line_, columnName(i), shownValue(fields_.at(i)), true},
                      reason);
}

InputError CsvReader::recordError(const std::string& column, const std::string& reason) const
{
    return InputError(InputLocation{fileName_, line_, column, {}, false}, reason);
}

void CsvReader::checkCancel() const
{
    if (control_.cancelled && control_.cancelled())
        throw ImportCancelled();
}

void CsvReader::syntaxError(std::size_t fieldIndex, const char* fieldStart, const char* stop,
                            const std::string& reason) const
{
    // The record being parsed starts on nextLine_ (§1.1: the line of an error is the line on
    // which its record starts).
    throw InputError(InputLocation{fileName_, nextLine_, columnName(fieldIndex),
                                   shownValue(std::string_view(fieldStart, std::size_t(stop - fieldStart))),
                                   true},
                     reason);
}

void CsvReader::fill()
{
    checkCancel();
    if (begin_ > 0) {
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (static_cast<qint64>(end_) >= options_.maxRecordBytes)
        throw csvRecordTooLong(fileName_, nextLine_, options_.maxRecordBytes);
    const auto block = static_cast<std::size_t>(options_.blockSize);
    if (buf_.size() - end_ < block / 2 + 1)
        buf_.resize(std::max(end_ + block, buf_.size() * 2));

    for (;;) {
        const qint64 n = device_->read(buf_.data() + end_, static_cast<qint64>(buf_.size() - end_));
        if (n < 0)
            throw readError(QString::fromStdString(fileName_), device_->errorString());
        if (n == 0 && device_->isSequential() && device_->waitForReadyRead(-1))
            continue; // a pipe or process with more to come
        end_ += static_cast<std::size_t>(n);
        bytesRead_ += n;
        eof_ = n == 0;
        break;
    }
    if (control_.progress)
        control_.progress(bytesRead_, totalBytes_);
}

CsvReader::Parse CsvReader::parseRecord()
{
    const char* const base = data();
    const char* const end = base + end_;
    const char* p = base + begin_;
    fields_.clear();
    scratch_.clear();
    long lines = 0;
    bool quotedAny = false;

    // Records the end of a complete record (p just past its terminator).
    const auto finish = [&](const char* stop) {
        parsedEnd_ = static_cast<std::size_t>(stop - base);
        parsedLines_ = lines;
        parsedBlank_ = !quotedAny && fields_.size() == 1 && fields_.front().empty();
        return Parse::Record;
    };

    // Whether an offending field runs past the buffered bytes and more is needed to show it.
    const auto needMoreToShow = [&](const char* fieldStart, const char* stop) {
        return stop == end && !eof_ && std::size_t(stop - fieldStart) <= kShownValueBytes;
    };

    for (;;) {
        const char* const fieldStart = p;
        if (p != end && *p == '"') {
            quotedAny = true;
            const long openLine = nextLine_ + lines;
            const char* const content = ++p;
            bool escaped = false;
            std::size_t scratchStart = 0;
            for (;;) {
                const auto* q = static_cast<const char*>(std::memchr(p, '"', std::size_t(end - p)));
                if (q == nullptr) {
                    if (!eof_)
                        return Parse::NeedMore;
                    syntaxError(fields_.size(), fieldStart, lineEnd(fieldStart, end),
                                "quoted field opened on line " + std::to_string(openLine) +
                                    " is never closed");
                }
                lines += static_cast<long>(std::count(p, q, '\n'));
                if (q + 1 == end && !eof_)
                    return Parse::NeedMore; // a doubled quote or the closing one?
                if (q + 1 != end && q[1] == '"') {
                    if (!escaped) {
                        // Reserved for the whole buffered input, so earlier views never move.
                        if (scratch_.capacity() < end_ - begin_)
                            scratch_.reserve(end_ - begin_);
                        escaped = true;
                        scratchStart = scratch_.size();
                    }
                    scratch_.insert(scratch_.end(), p, q + 1);
                    p = q + 2;
                    continue;
                }
                if (escaped) {
                    scratch_.insert(scratch_.end(), p, q);
                    fields_.emplace_back(scratch_.data() + scratchStart, scratch_.size() - scratchStart);
                } else {
                    fields_.emplace_back(content, std::size_t(q - content));
                }
                p = q + 1;
                break;
            }
            if (p == end)
                return eof_ ? finish(p) : Parse::NeedMore;
            if (*p == ',') {
                ++p;
                continue;
            }
            if (*p == '\n')
                return finish(p + 1);
            if (*p == '\r') {
                if (p + 1 == end)
                    return eof_ ? finish(p + 1) : Parse::NeedMore;
                if (p[1] == '\n')
                    return finish(p + 2);
            }
            const char* const garbageEnd = fieldEnd(p + 1, end);
            if (needMoreToShow(fieldStart, garbageEnd))
                return Parse::NeedMore; // so that the message shows the same text for any block size
            syntaxError(fields_.size() - 1, fieldStart, garbageEnd,
                        "unexpected character after the closing quote");
        }

        while (p != end && !kSpecial[static_cast<unsigned char>(*p)])
            ++p;
        if (p == end) {
            if (!eof_)
                return Parse::NeedMore;
            fields_.emplace_back(fieldStart, std::size_t(p - fieldStart));
            return finish(p);
        }
        fields_.emplace_back(fieldStart, std::size_t(p - fieldStart));
        switch (*p) {
        case ',': ++p; continue;
        case '\n': return finish(p + 1);
        case '\r':
            if (p + 1 == end)
                return eof_ ? finish(p + 1) : Parse::NeedMore;
            if (p[1] == '\n')
                return finish(p + 2);
            syntaxError(fields_.size() - 1, fieldStart, p,
                        "carriage return not followed by a line feed (line ends must be LF or CRLF)");
        default: { // '"'
            const char* const quotedEnd = fieldEnd(p, end);
            if (needMoreToShow(fieldStart, quotedEnd))
                return Parse::NeedMore;
            syntaxError(fields_.size() - 1, fieldStart, quotedEnd,
                        "quote inside an unquoted field (quote the whole field and double the quote)");
        }
        }
    }
}

bool CsvReader::next()
{
    if (havePending_) {
        fields_.swap(pendingFields_);
        line_ = pendingLine_;
        havePending_ = false;
        return true;
    }
    if (!started_) {
        while (end_ - begin_ < 3 && !eof_)
            fill();
        if (end_ - begin_ >= 3 && std::memcmp(data() + begin_, "\xEF\xBB\xBF", 3) == 0)
            begin_ += 3; // UTF-8 byte-order mark (§1.1)
        started_ = true;
    }
    long blankLine = 0; // first of a run of empty lines, 0 when none
    for (;;) {
        if (begin_ == end_) {
            if (eof_) {
                fields_.clear(); // trailing empty lines are ignored
                trailingBlankLine_ = blankLine;
                return false;
            }
            fill();
            continue;
        }
        if (parseRecord() == Parse::NeedMore) {
            fill();
            continue;
        }
        if (bytes_ != nullptr && static_cast<qint64>(parsedEnd_ - begin_) > options_.maxRecordBytes)
            throw csvRecordTooLong(fileName_, nextLine_, options_.maxRecordBytes); // as fill() would
        const long startLine = nextLine_;
        begin_ = parsedEnd_;
        nextLine_ += parsedLines_ + 1;
        if (parsedBlank_) {
            if (blankLine == 0)
                blankLine = startLine;
            continue;
        }
        if (blankLine != 0) {
            // An empty line inside the data: report it once, then this record.
            pendingFields_.swap(fields_);
            pendingLine_ = startLine;
            havePending_ = true;
            fields_.assign(1, std::string_view());
            line_ = blankLine;
            return true;
        }
        line_ = startLine;
        return true;
    }
}

std::vector<std::string> readCsvHeader(CsvReader& reader)
{
    if (!reader.next())
        throw InputError(InputLocation{reader.fileName(), 1, {}, {}, false},
                         "the file is empty; a header row is required");
    if (reader.fieldCount() == 1 && reader.field(0).empty())
        throw reader.recordError({}, "the header row is empty; column names must be on line " +
                                         std::to_string(reader.line()));
    std::vector<std::string> names;
    names.reserve(reader.fieldCount());
    std::map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < reader.fieldCount(); ++i) {
        requireUtf8Field(reader, i);
        const std::string_view name = reader.field(i);
        if (name.empty())
            throw reader.fieldError(i, "column " + std::to_string(i + 1) + " has no name");
        const auto [it, inserted] = seen.emplace(name, i);
        if (!inserted)
            throw InputError(
                InputLocation{reader.fileName(), reader.line(), std::string(name), shownValue(name), true},
                "duplicate column name (columns " + std::to_string(it->second + 1) + " and " +
                    std::to_string(i + 1) + ")");
        names.emplace_back(name);
    }
    reader.setColumnNames(names);
    return names;
}

std::vector<int> readCsvColumns(CsvReader& reader, std::span<const CsvColumn> columns,
                                const std::string& unknownReason, const CsvOtherColumn& other)
{
    const std::vector<std::string> names = readCsvHeader(reader);
    std::vector<int> at(columns.size(), -1);
    for (std::size_t i = 0; i < names.size(); ++i) {
        bool known = false;
        for (std::size_t k = 0; k < columns.size(); ++k) {
            if (names[i] == columns[k].name) {
                at[k] = static_cast<int>(i);
                known = true;
            }
        }
        if (!known && !(other && other(i, names[i])))
            throw reader.fieldError(i, unknownReason);
    }
    for (std::size_t k = 0; k < columns.size(); ++k)
        if (columns[k].required && at[k] < 0)
            throw reader.recordError(std::string(columns[k].name), "required column is missing");
    return at;
}

void requireFieldCount(const CsvReader& reader, std::size_t columns)
{
    const std::size_t n = reader.fieldCount();
    if (n == columns)
        return;
    const std::string counts = " (the header has " + std::to_string(columns) + ")";
    if (n == 1 && reader.field(0).empty())
        throw emptyLineError(reader.fileName(), reader.line(), columns);
    if (n < columns)
        throw reader.recordError(reader.columnName(n), "row has " + std::to_string(n) + " fields" + counts +
                                                           "; this column is missing");
    throw InputError(
        InputLocation{reader.fileName(), reader.line(), {}, shownValue(reader.field(columns)), true},
        "row has " + std::to_string(n) + " fields" + counts + "; this is the first extra one");
}

InputError emptyLineError(const std::string& fileName, long line, std::size_t columns)
{
    return InputError(InputLocation{fileName, line, {}, {}, false},
                      "empty line (the header has " + std::to_string(columns) + ")");
}

void requireNonEmptyField(const CsvReader& reader, std::size_t i)
{
    if (reader.field(i).empty())
        throw reader.fieldError(i, "required field is empty");
}

std::string requiredTextField(const CsvReader& reader, std::size_t i)
{
    requireNonEmptyField(reader, i);
    requireUtf8Field(reader, i);
    return std::string(reader.field(i));
}

int yearField(const CsvReader& reader, std::size_t i)
{
    requireNonEmptyField(reader, i);
    const std::optional<long long> year = parseInteger(reader.field(i));
    if (!year || *year < INT_MIN || *year > INT_MAX)
        throw reader.fieldError(i, "the year must be an integer");
    return static_cast<int>(*year);
}

void openInputFile(QFile& file, const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw InputError(InputLocation{path.toStdString(), 0, {}, {}, false}, "no such file");
    if (info.isDir())
        throw InputError(InputLocation{path.toStdString(), 0, {}, {}, false}, "is a folder, not a file");
    if (!file.open(QIODevice::ReadOnly))
        throw readError(path, file.errorString());
}

namespace {

//! Steps over one leading '+', which from_chars does not accept; false for "+-", which is no number.
bool skipLeadingPlus(const char*& first, const char* last)
{
    if (first != last && *first == '+') {
        ++first;
        if (first != last && *first == '-')
            return false;
    }
    return true;
}

} // namespace

std::optional<double> parseFiniteNumber(std::string_view text)
{
    const char* first = text.data();
    const char* const last = first + text.size();
    if (!skipLeadingPlus(first, last))
        return std::nullopt;
    // from_chars also reads "inf", "nan" and "infinity"; a decimal starts with a digit or a point.
    const char* digits = first != last && *first == '-' ? first + 1 : first;
    if (digits == last || !((*digits >= '0' && *digits <= '9') || *digits == '.'))
        return std::nullopt;
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
    if (ec != std::errc() || ptr != last || !std::isfinite(value))
        return std::nullopt;
    return value + 0.0; // -0 → 0
}

std::optional<long long> parseInteger(std::string_view text)
{
    const char* first = text.data();
    const char* const last = first + text.size();
    if (!skipLeadingPlus(first, last))
        return std::nullopt;
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(first, last, value, 10);
    if (first == last || ec != std::errc() || ptr != last)
        return std::nullopt;
    return value;
}

double numberField(const CsvReader& reader, std::size_t i)
{
    const std::optional<double> value = parseFiniteNumber(reader.field(i));
    if (!value)
        throw reader.fieldError(i, reader.field(i).empty() ? "a number is required"
                                                           : "not a finite decimal number");
    return *value;
}

long long integerField(const CsvReader& reader, std::size_t i)
{
    const std::optional<long long> value = parseInteger(reader.field(i));
    if (!value)
        throw reader.fieldError(i, reader.field(i).empty() ? "an integer is required" : "not an integer");
    return *value;
}

bool isValidUtf8(std::string_view text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = s + text.size();
    while (s != end) {
        const unsigned char c = *s;
        if (c < 0x80) {
            ++s;
            continue;
        }
        int more = 0;
        unsigned int lowest = 0; // smallest second byte allowed (rules out overlong forms, surrogates)
        unsigned int highest = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            more = 1;
            lowest = 0x80;
        } else if (c == 0xE0) {
            more = 2;
            lowest = 0xA0;
        } else if (c >= 0xE1 && c <= 0xEF) {
            more = 2;
            lowest = 0x80;
            if (c == 0xED)
                highest = 0x9F; // no UTF-16 surrogates
        } else if (c == 0xF0) {
            more = 3;
            lowest = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            more = 3;
            lowest = 0x80;
        } else if (c == 0xF4) {
            more = 3;
            lowest = 0x80;
            highest = 0x8F; // at most U+10FFFF
        } else {
            return false;
        }
        if (end - s <= more)
            return false;
        if (s[1] < lowest || s[1] > highest)
            return false;
        for (int k = 2; k <= more; ++k)
            if ((s[k] & 0xC0) != 0x80)
                return false;
        s += more + 1;
    }
    return true;
}

void requireUtf8Field(const CsvReader& reader, std::size_t i)
{
    const std::string_view text = reader.field(i);
    if (isValidUtf8(text))
        return;
    throw InputError(
        InputLocation{reader.fileName(), reader.line(), reader.columnName(i), escapedBytes(text), true},
        "not valid UTF-8 text (save the file as UTF-8)");
}

} // namespace sharecast::io
