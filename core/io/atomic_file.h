#pragma once
//! The one way Sharecast writes a file: atomically, and checked to the last byte. The bytes go
//! to a temporary file beside the target (QSaveFile) and replace it in one rename only when every
//! byte reached the disk; a full disk, a file-size limit or a read-only folder leaves the previous
//! file as it was and says so, naming the file.

#include "io/io_error.h"

#include <QByteArray>
#include <QSaveFile>
#include <QString>

namespace sharecast::io {

//! A file being written atomically. Nothing at the path changes until commit() succeeds; a file
//! destroyed without commit() leaves the path untouched and removes its temporary file.
class AtomicFile {
public:
    explicit AtomicFile(const QString& path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    //! Opens the temporary file; false (with error()) when it cannot be created.
    bool open();
    //! Appends bytes; false (with error()) when not all of them could be written.
    bool write(const char* data, qint64 size);
    bool write(const QByteArray& bytes) { return write(bytes.constData(), bytes.size()); }
    //! Flushes, checks that the file on disk holds every byte written, and renames it over the
    //! target; false (with error()) otherwise, the target untouched.
    bool commit();
    //! Abandons the write; the target is untouched.
    void cancel();

    //! "PATH: cannot write: REASON", after a failure.
    const QString& error() const { return error_; }
    const QString& path() const { return path_; }

private:
    bool fail(const QString& reason);

    QString path_;
    QSaveFile file_;
    qint64 written_ = 0;
    bool failed_ = false;
    QString error_;
};

//! Writes bytes to path atomically (AtomicFile). Returns an empty string on success, else a
//! message naming the file.
QString writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace sharecast::io
