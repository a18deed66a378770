#include "io/atomic_file.h"

namespace sharecast::io {

AtomicFile::AtomicFile(const QString& path) : path_(path), file_(path) {}

AtomicFile::~AtomicFile()
{
    if (file_.isOpen())
        file_.cancelWriting();
}

bool AtomicFile::fail(const QString& reason)
{
    if (!failed_)
        error_ = QStringLiteral("%1: cannot write: %2").arg(path_, reason);
    failed_ = true;
    if (file_.isOpen())
        file_.cancelWriting();
    return false;
}

bool AtomicFile::open()
{
    if (!file_.open(QIODevice::WriteOnly))
        return fail(file_.errorString());
    return true;
}

bool AtomicFile::write(const char* data, qint64 size)
{
    if (failed_ || !file_.isOpen())
        return fail(QStringLiteral("the file is not open"));
    if (file_.write(data, size) != size)
        return fail(file_.errorString());
    written_ += size;
    return true;
}

bool AtomicFile::commit()
{
    if (failed_ || !file_.isOpen())
        return fail(QStringLiteral("the file is not open"));
    // A buffered write that reaches a full disk or a file-size limit can come up short without an
    // error; the size on disk is the proof that every byte is there.
    const bool flushed = file_.flush();
    if (file_.size() != written_)
        return fail(QStringLiteral("only %1 of %2 bytes could be written (the disk is full, or a file-size "
                                   "limit was reached); the previous file, if any, is unchanged")
                        .arg(file_.size())
                        .arg(written_));
    if (!flushed)
        return fail(file_.errorString());
    if (!file_.commit())
        return fail(file_.errorString());
    return true;
}

void AtomicFile::cancel()
{
    if (file_.isOpen())
        file_.cancelWriting();
}

QString writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    AtomicFile file(path);
    if (!file.open() || !file.write(bytes) || !file.commit())
        return file.error();
    return {};
}

} // namespace sharecast::io
