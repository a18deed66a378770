#pragma once
//! A CSV file cut into chunks of whole records for parallel parsing: bounded blocks read in turn,
//! each cut after its last line end that lies outside quotes, with its first line number.

#include "engine/error.h"
#include "io/csv/csv_reader.h"

#include <QIODevice>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sharecast::io {

//! Bytes of whole records of a file, and where they start.
struct CsvChunk {
    std::unique_ptr<char[]> data;
    std::size_t capacity = 0;
    std::size_t size = 0;
    long firstLine = 1; //!< physical line of the first byte (quoted line breaks count)
    //! Set when no cut could be made (a record longer than the limit): the error, in file order,
    //! of this chunk; its bytes are then not to be parsed.
    std::optional<InputError> error;

    std::string_view bytes() const { return {data.get(), size}; }
};

//! Reads a device in blocks and hands out chunks that end at a record boundary. A line end counts
//! as a boundary when the quotes before it (from the chunk's start, itself a boundary) are even
//! in number, so a quoted field with line breaks is never cut; a file without quotes is cut by a
//! plain search for the last line end. The memory held is the block and the start of a record
//! that straddles it, at most blockBytes + maxRecordBytes.
class CsvChunker {
public:
    //! device is open for reading at the start of the data; control's progress is reported after
    //! each block and its cancel request polled before each (throwing ImportCancelled).
    CsvChunker(QIODevice& device, std::string fileName, std::size_t blockBytes, qint64 maxRecordBytes,
               ImportControl control = {});

    //! Fills chunk (reusing its buffer) with the next chunk; false after the last. Throws ReadError
    //! when the device fails, ImportCancelled when cancelled.
    bool next(CsvChunk& chunk);
    //! The line on which the next chunk starts (one past the lines handed out).
    long nextLine() const { return nextLine_; }
    //! Bytes read from the device so far.
    qint64 bytesRead() const { return bytesRead_; }
    //! Bytes the device holds from where reading started, or -1 when it cannot tell.
    qint64 totalBytes() const { return totalBytes_; }

private:
    QIODevice& device_;
    std::string fileName_;
    std::size_t blockBytes_;
    std::size_t maxRecordBytes_;
    ImportControl control_;
    qint64 totalBytes_ = -1;
    qint64 bytesRead_ = 0;
    std::string carry_; // the start of a record not yet handed out
    long nextLine_ = 1;
    bool done_ = false;
};

//! Where to cut bytes that start at a record boundary: just past the last line end outside
//! quotes, or std::string_view::npos when there is none.
std::size_t lastRecordBoundary(std::string_view bytes);

} // namespace sharecast::io
