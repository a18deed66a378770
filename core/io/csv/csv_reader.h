#pragma once
//! Streaming RFC 4180 CSV records over a QIODevice, and the strict number parsers of the
//! input readers (methodology §0, §1).

#include "engine/error.h"

#include <QFile>
#include <QIODevice>
#include <QString>

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sharecast::io {

//! Optional hooks for a long import: a progress report and a cancel request, both polled once per
//! block read (every 1 MiB by default).
struct ImportControl {
    //! Called after each block with the bytes read so far and the total (-1 when unknown).
    std::function<void(qint64 bytesRead, qint64 totalBytes)> progress;
    //! Returns true to stop the import; the reader then throws ImportCancelled.
    std::function<bool()> cancelled;
};

//! Thrown when ImportControl::cancelled asked to stop; nothing has been loaded.
class ImportCancelled : public std::runtime_error {
public:
    ImportCancelled() : std::runtime_error("import cancelled") {}
};

//! The error of a record that starts at `line` and runs past maxRecordBytes (a quote left open,
//! or not CSV): the one wording, for the reader and for the parallel import's chunker.
InputError csvRecordTooLong(const std::string& fileName, long line, qint64 maxRecordBytes);

//! Tuning of a CsvReader; the defaults suit every real file.
struct CsvReaderOptions {
    qint64 blockSize = qint64(1) << 20; //!< bytes asked of the device per read
    //! A longer record is an error (an open quote, or a file that is not CSV). A row of any input
    //! of the methodology is well under a kilobyte; 1 MiB bounds the memory one record takes.
    qint64 maxRecordBytes = qint64(1) << 20;
    long firstLine = 1;        //!< the line number of the input's first line (a part of a file)
    bool byteOrderMark = true; //!< skip a UTF-8 byte-order mark at the start (only a file's start has one)
};

//! Reads RFC 4180 records one at a time from a device, never holding more than a block (and the
//! record that straddles it) in memory.
//!
//! Accepted: a UTF-8 byte-order mark at the start; CRLF or LF line ends (mixed too); quoted fields
//! with commas, doubled quotes and line breaks (kept as written, CRLF included); a last record
//! without a line end. Empty lines at the end of the input are ignored; an empty line followed by
//! more data is returned once, as a record of one empty field at that line, so a reader that
//! knows its column count reports it. Errors (InputError, at the physical line where the record
//! starts): a quote left open, a character after a closing quote, a quote inside an unquoted
//! field, a carriage return not followed by a line feed, a record longer than maxRecordBytes.
//! Bytes are passed through unchanged (see isValidUtf8()).
class CsvReader {
public:
    //! Reads from device (open for reading, from its current position); fileName names the input
    //! in error messages.
    CsvReader(QIODevice& device, std::string fileName, ImportControl control = {},
              CsvReaderOptions options = {});
    //! Reads the records of bytes held in memory (a whole part of a file, ending at a line end or
    //! at the file's end); the bytes must outlive the reader. Never reports progress or cancels.
    CsvReader(std::string_view bytes, std::string fileName, CsvReaderOptions options = {});

    //! Advances to the next record; false at the end of the input. Invalidates the fields of the
    //! previous record. Throws InputError on malformed CSV, ImportCancelled when cancelled.
    bool next();

    //! Fields of the current record: views valid until the next call to next().
    const std::vector<std::string_view>& fields() const { return fields_; }
    //! Number of fields of the current record.
    std::size_t fieldCount() const { return fields_.size(); }
    //! Field i of the current record (unchecked index).
    std::string_view field(std::size_t i) const { return fields_[i]; }
    //! 1-based physical line on which the current record starts (quoted line breaks count).
    long line() const { return line_; }
    //! Bytes read from the device so far (the byte-order mark included).
    qint64 bytesRead() const { return bytesRead_; }
    //! Bytes of the input parsed so far: up to the end of the records returned (or read ahead).
    qint64 bytesParsed() const { return bytesRead_ - static_cast<qint64>(end_ - begin_); }
    //! Bytes left to read after the starting position, or -1 when the device cannot tell.
    qint64 totalBytes() const { return totalBytes_; }
    //! The input's name, as given.
    const std::string& fileName() const { return fileName_; }
    //! The line on which the next record would start (after the end: one past the last line).
    long nextLine() const { return nextLine_; }
    //! After next() returned false: the first line of the run of empty lines that ended the input
    //! (ignored as trailing), or 0 when the input did not end with one.
    long trailingBlankLine() const { return trailingBlankLine_; }

    //! Names the columns (normally the header) so that errors name the column of a field.
    void setColumnNames(std::vector<std::string> names) { columnNames_ = std::move(names); }
    //! Name of column i, or "" when unknown.
    std::string columnName(std::size_t i) const;

    //! An error at the current record naming column i and its text as the offending value.
    InputError fieldError(std::size_t i, const std::string& reason) const;
    //! An error at the current record naming a column (or none) but no value.
    InputError recordError(const std::string& column, const std::string& reason) const;

private:
    enum class Parse { Record, NeedMore };
    Parse parseRecord();
    void fill();
    void checkCancel() const;
    [[noreturn]] void syntaxError(std::size_t fieldIndex, const char* fieldStart, const char* stop,
                                  const std::string& reason) const;

    const char* data() const { return bytes_ != nullptr ? bytes_ : buf_.data(); }

    QIODevice* device_ = nullptr; // null when reading bytes in memory
    const char* bytes_ = nullptr; // those bytes
    std::string fileName_;
    ImportControl control_;
    CsvReaderOptions options_;
    qint64 totalBytes_ = -1;
    qint64 bytesRead_ = 0;

    std::vector<char> buf_; // [begin_, end_) holds unparsed bytes
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    bool eof_ = false;
    bool started_ = false; // byte-order mark handled

    std::vector<std::string_view> fields_;
    std::vector<char> scratch_; // unescaped quoted fields ("" → "), reserved so views stay put
    std::size_t parsedEnd_ = 0; // where the record parsed by parseRecord() ends
    long parsedLines_ = 0;      // line breaks inside it (its terminator excluded)
    bool parsedBlank_ = false;  // it is an empty line

    long line_ = 0;              // line of the current record
    long nextLine_ = 1;          // line on which the next record starts
    long trailingBlankLine_ = 0; // see trailingBlankLine()

    // A record read ahead while deciding whether an empty line was trailing.
    std::vector<std::string_view> pendingFields_;
    long pendingLine_ = 0;
    bool havePending_ = false;

    std::vector<std::string> columnNames_;
};

//! Reads the header record (methodology §1: required, names case-sensitive and untrimmed) and
//! passes the names to reader. Throws InputError when the input is empty, the first line is
//! blank, a name is not UTF-8 or appears twice (naming both columns).
std::vector<std::string> readCsvHeader(CsvReader& reader);

//! One of the fixed columns of a §1 input file: its name and whether the file must have it.
struct CsvColumn {
    std::string_view name;
    bool required = false;
};

//! Takes a header name that is not one of the fixed columns (index in the file, name); returns
//! true when it accepts the column (a prefix column such as cost_<cos>). It may throw its own error.
using CsvOtherColumn = std::function<bool(std::size_t index, const std::string& name)>;

//! Reads the header (readCsvHeader()) and finds each of `columns` in it: returns, for each entry
//! in order, its index in the file or -1 when the header lacks it. A header name that is not one
//! of `columns` goes to `other` (when given). Throws InputError (line 1) at the first name that
//! nothing accepts, naming the column with its name as the value and unknownReason as the
//! reason; then "required column is missing", naming the first required column absent (in the
//! order of `columns`). After it the header is still the reader's current record.
std::vector<int> readCsvColumns(CsvReader& reader, std::span<const CsvColumn> columns,
                                const std::string& unknownReason, const CsvOtherColumn& other = {});

//! Throws InputError unless the current record has exactly `columns` fields: too few names the
//! first missing column, too many the first extra value.
void requireFieldCount(const CsvReader& reader, std::size_t columns);

//! The error of an empty line among the records of a file whose header has `columns` names.
InputError emptyLineError(const std::string& fileName, long line, std::size_t columns);

//! Throws InputError "required field is empty" naming field i of the current record when it is empty.
void requireNonEmptyField(const CsvReader& reader, std::size_t i);

//! A required text field (a key, §1): not empty, valid UTF-8, and kept exactly as written (not
//! trimmed). Throws InputError naming the field otherwise.
std::string requiredTextField(const CsvReader& reader, std::size_t i);

//! A required year: not empty ("required field is empty") and an integer within int's range
//! ("the year must be an integer"; "2023.0" is not one).
int yearField(const CsvReader& reader, std::size_t i);

//! Opens file (made on path) for reading. Throws InputError naming path as given when there is no
//! such file or it is a folder (bad input), ReadError "cannot read: <why>" when it exists but the
//! system refuses it (permission denied, a device error).
void openInputFile(QFile& file, const QString& path);

//! Opens path for reading (see openInputFile()) and returns read(device).
template <typename Read> auto readInputFile(const QString& path, Read&& read)
{
    QFile file(path);
    openInputFile(file, path);
    return std::forward<Read>(read)(static_cast<QIODevice&>(file));
}

//! A strict finite decimal: optional sign, digits with an optional fraction, optional exponent
//! ("12", "-0.5", ".5", "5.", "1e-3"). One leading '+' is accepted ("+5" is 5: unambiguous, and
//! what some tools write); rejected are the empty text, spaces anywhere, "NaN", "inf", hexadecimal,
//! thousands separators, and values out of double's range ("1e999", also "1e-999" which would
//! silently become 0). "-0" gives 0.
std::optional<double> parseFiniteNumber(std::string_view text);

//! A strict decimal integer: optional sign ('+' as in parseFiniteNumber) and digits only
//! ("2023.0" and "1e3" are not integers); nullopt when out of long long's range.
std::optional<long long> parseInteger(std::string_view text);

//! The finite number in field i of reader's current record; throws InputError naming line, column
//! and value when it is not one (an empty field included).
double numberField(const CsvReader& reader, std::size_t i);

//! The integer in field i of reader's current record; throws InputError when it is not one.
long long integerField(const CsvReader& reader, std::size_t i);

//! True when text is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool isValidUtf8(std::string_view text);

//! Throws InputError naming field i unless it is valid UTF-8 (text fields of §1 files are UTF-8).
void requireUtf8Field(const CsvReader& reader, std::size_t i);

} // namespace sharecast::io
