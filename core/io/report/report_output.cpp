#include "io/report/report_output.h"

#include "io/atomic_file.h"

#include <memory>
#include <vector>

namespace sharecast::io {

QString writeReportFiles(const QList<QPair<QString, QByteArray>>& files)
{
    // Every file is written in full before any replaces its target.
    std::vector<std::unique_ptr<AtomicFile>> open;
    for (const auto& [path, bytes] : files) {
        auto file = std::make_unique<AtomicFile>(path);
        if (!file->open() || !file->write(bytes))
            return file->error(); // destroying the others cancels them
        open.push_back(std::move(file));
    }
    for (auto& f : open)
        if (!f->commit())
            return f->error();
    return {};
}

} // namespace sharecast::io
