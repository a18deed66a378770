#include "ui/document/autosave.h"

#include "io/atomic_file.h"
#include "ui/document/project_document.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace sharecast::ui {

Autosaver::Autosaver(ProjectDocument* document, QObject* parent)
    : QObject(parent), document_(document), file_(document->path())
{
    timer_.setSingleShot(true);
    timer_.setInterval(kDelay);
    connect(&timer_, &QTimer::timeout, this, &Autosaver::startWrite);
    connect(&watcher_, &QFutureWatcher<QString>::finished, this, &Autosaver::writeFinished);
    connect(document_, &ProjectDocument::scenarioChanged, this, &Autosaver::documentChanged);
    connect(document_, &ProjectDocument::modifiedChanged, this, &Autosaver::documentChanged);
    documentChanged();
}

Autosaver::~Autosaver()
{
    discard();
}

void Autosaver::setDelay(std::chrono::milliseconds delay)
{
    timer_.setInterval(delay);
}

void Autosaver::documentChanged()
{
    if (!document_->isModified()) {
        discard(); // saved, undone back to the saved scenario, or another scenario selected
        return;
    }
    if (!timer_.isActive())
        waiting_.start();
    else if (waiting_.elapsed() >= kMaxWait.count())
        return; // edits keep coming: let the running wait end
    timer_.start();
}

bool Autosaver::makeBytes(QByteArray& bytes, QString& error) const
{
    io::RecoveryState s;
    s.projectPath = io::canonicalProjectPath(document_->path());
    s.savedAt = QDateTime::currentDateTimeUtc();
    s.pid = QCoreApplication::applicationPid();
    s.host = QSysInfo::machineHostName();
    const std::optional<io::ScenarioInfo>& stored = document_->storedInfo();
    if (stored) {
        s.scenarioId = stored->id;
        s.storedName = stored->name;
        s.basedOnVersion = stored->version;
        s.basedOnSavedAt = stored->modified;
    } else {
        s.newScenario = true;
        s.storedName = QString::fromStdString(document_->scenario().name);
    }
    s.scenario = document_->scenario();
    try {
        bytes = io::encodeRecoveryFile(s);
    } catch (const std::exception& e) {
        error = tr("The edits cannot be autosaved: %1").arg(QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

void Autosaver::startWrite()
{
    if (!document_->isModified())
        return;
    if (watcher_.isRunning()) {
        again_ = true; // once this write is done
        return;
    }
    QByteArray bytes;
    QString error;
    if (!makeBytes(bytes, error)) {
        Q_EMIT failed(error);
        return;
    }
    const QString path = file_.claim();
    if (path.isEmpty()) {
        Q_EMIT failed(file_.error());
        return;
    }
    writing_ = generation_;
    watcher_.setFuture(QtConcurrent::run([path, bytes] { return io::writeFileAtomically(path, bytes); }));
}

void Autosaver::writeFinished()
{
    if (writing_ != generation_)
        return; // discarded meanwhile: the file is gone, and nothing is to be said
    const QString error = watcher_.result();
    if (!error.isEmpty())
        Q_EMIT failed(error);
    else
        Q_EMIT written(file_.path());
    if (again_) {
        again_ = false;
        startWrite();
    }
}

bool Autosaver::writeNow()
{
    timer_.stop();
    again_ = false;
    if (watcher_.isRunning())
        watcher_.waitForFinished();
    ++generation_; // the write just waited for is not reported: this one says how it went
    if (!document_->isModified())
        return true;
    QByteArray bytes;
    QString error;
    if (!makeBytes(bytes, error)) {
        Q_EMIT failed(error);
        return false;
    }
    const QString path = file_.claim();
    if (path.isEmpty()) {
        Q_EMIT failed(file_.error());
        return false;
    }
    error = io::writeFileAtomically(path, bytes);
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        return false;
    }
    Q_EMIT written(path);
    return true;
}

void Autosaver::discard()
{
    timer_.stop();
    again_ = false;
    ++generation_;
    if (watcher_.isRunning())
        watcher_.waitForFinished(); // a write finishing after the removal would bring the file back
    file_.discard();
}

QString Autosaver::path() const
{
    return file_.path();
}

bool Autosaver::isPending() const
{
    return timer_.isActive() || watcher_.isRunning();
}

} // namespace sharecast::ui
