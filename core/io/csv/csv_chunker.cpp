#include "io/csv/csv_chunker.h"

#include "io/io_error.h"

#include <algorithm>
#include <cstring>

namespace sharecast::io {

std::size_t lastRecordBoundary(std::string_view bytes)
{
    const char* const p = bytes.data();
    const std::size_t n = bytes.size();
    if (std::memchr(p, '"', n) == nullptr) {
        for (std::size_t i = n; i-- > 0;)
            if (p[i] == '\n')
                return i + 1;
        return std::string_view::npos;
    }
    // Quotes: a line end is a boundary when an even number of quotes precede it (a doubled quote
    // inside a quoted field counts twice, so it keeps the parity).
    std::size_t cut = std::string_view::npos;
    bool quoted = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] == '"')
            quoted = !quoted;
        else if (p[i] == '\n' && !quoted)
            cut = i + 1;
    }
    return cut;
}

CsvChunker::CsvChunker(QIODevice& device, std::string fileName, std::size_t blockBytes, qint64 maxRecordBytes,
                       ImportControl control)
    : device_(device), fileName_(std::move(fileName)), blockBytes_(std::max<std::size_t>(blockBytes, 1)),
      maxRecordBytes_(static_cast<std::size_t>(std::max<qint64>(maxRecordBytes, 1))),
      control_(std::move(control))
{
    if (!device_.isReadable())
        throw InputError(InputLocation{fileName_, 0, {}, {}, false}, "the input is not open for reading");
    if (!device_.isSequential())
        totalBytes_ = device_.size() - device_.pos();
}

bool CsvChunker::next(CsvChunk& chunk)
{
    if (done_)
        return false;
    chunk.error.reset();
    for (;;) {
        if (control_.cancelled && control_.cancelled())
            throw ImportCancelled();
        const std::size_t want = carry_.size() + blockBytes_;
        if (chunk.capacity < want) {
            chunk.data = std::make_unique_for_overwrite<char[]>(want);
            chunk.capacity = want;
        }
        std::memcpy(chunk.data.get(), carry_.data(), carry_.size());
        std::size_t size = carry_.size();
        bool eof = false;
        while (size < want) {
            const qint64 n = device_.read(chunk.data.get() + size, static_cast<qint64>(want - size));
            if (n < 0)
                throw readError(QString::fromStdString(fileName_), device_.errorString());
            if (n == 0 && device_.isSequential() && device_.waitForReadyRead(-1))
                continue; // a pipe with more to come
            if (n == 0) {
                eof = true;
                break;
            }
            if (copy_ != nullptr && copy_->write(chunk.data.get() + size, n) != n)
                throw readError(QString::fromStdString(fileName_),
                                "cannot keep a copy for a second pass: " + copy_->errorString());
            size += static_cast<std::size_t>(n);
            bytesRead_ += n;
        }
        if (control_.progress)
            control_.progress(bytesRead_, totalBytes_);
        chunk.size = size;
        chunk.firstLine = nextLine_;
        std::size_t cut = size;
        if (eof) {
            done_ = true;
            carry_.clear();
        } else {
            cut = lastRecordBoundary(chunk.bytes());
            if (cut == std::string_view::npos) {
                if (size < blockBytes_ + maxRecordBytes_) {
                    carry_.assign(chunk.data.get(), size); // a record straddling the block: read on
                    continue;
                }
                done_ = true;
                chunk.error = csvRecordTooLong(fileName_, nextLine_, static_cast<qint64>(maxRecordBytes_));
                chunk.size = 0;
                return true;
            }
            carry_.assign(chunk.data.get() + cut, size - cut);
            chunk.size = cut;
        }
        const char* const end = chunk.data.get() + chunk.size;
        for (const char* p = chunk.data.get();
             (p = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)))) != nullptr; ++p)
            ++nextLine_;
        return true;
    }
}

} // namespace sharecast::io
