#include "io/report/report_output.h"

#include <QSaveFile>

#include <memory>
#include <vector>

namespace sharecast::io {

QString writeReportFiles(const QList<QPair<QString, QByteArray>>& files)
{
    std::vector<std::unique_ptr<QSaveFile>> open;
    auto cancelAll = [&open] {
        for (auto& f : open)
            f->cancelWriting();
    };
    for (const auto& [path, bytes] : files) {
        auto file = std::make_unique<QSaveFile>(path);
        if (!file->open(QIODevice::WriteOnly)) {
            const QString problem = QStringLiteral("%1: cannot write: %2").arg(path, file->errorString());
            cancelAll();
            return problem;
        }
        if (file->write(bytes) != bytes.size()) {
            const QString problem = QStringLiteral("%1: cannot write: %2").arg(path, file->errorString());
            file->cancelWriting();
            cancelAll();
            return problem;
        }
        open.push_back(std::move(file));
    }
    for (auto& f : open)
        if (!f->commit())
            return QStringLiteral("%1: cannot write: %2").arg(f->fileName(), f->errorString());
    return {};
}

} // namespace sharecast::io
