#pragma once
//! Crash recovery for one open project: while the edited scenario has unsaved edits, it is
//! written to the window's recovery file (io/project/recovery_file.h) a few seconds after the
//! last edit; the file goes as soon as there is nothing unsaved to recover.

#include "io/project/recovery_file.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>

namespace sharecast::ui {

class ProjectDocument;

//! Autosaves a document's unsaved scenario edits. An edit (or undo, redo) restarts the wait, so a
//! burst of keystrokes is written once, kDelay after the last one, and at least every kMaxWait
//! while edits keep coming. The bytes are made on the GUI thread (a few kilobytes) and written
//! on a pool thread, so a slow disk never stalls the window. Saving the edits, undoing back to
//! the saved scenario, switching scenarios, discard() and the destructor remove the file.
class Autosaver : public QObject {
    Q_OBJECT
public:
    //! How long after the last edit the edits are written.
    static constexpr std::chrono::milliseconds kDelay{3000};
    //! The longest edits wait while they keep coming.
    static constexpr std::chrono::milliseconds kMaxWait{30000};

    explicit Autosaver(ProjectDocument* document, QObject* parent = nullptr);
    ~Autosaver() override;

    //! The wait after the last edit (kDelay unless set; tests shorten it).
    void setDelay(std::chrono::milliseconds delay);

    //! Writes the unsaved edits now and waits until they are on disk; true when written (or when
    //! there is nothing unsaved).
    bool writeNow();
    //! Removes the recovery file (the edits were saved or discarded, or the project is closing).
    void discard();

    //! The recovery file, once written (empty before, and after discard()).
    QString path() const;
    //! True while edits wait to be written or are being written.
    bool isPending() const;

Q_SIGNALS:
    //! The edits are in the recovery file at path.
    void written(const QString& path);
    //! They could not be written (the edits are still in the window, unsaved).
    void failed(const QString& message);

private:
    void documentChanged();
    void startWrite();
    void writeFinished();
    //! The state to write, or a message why there is none.
    bool makeBytes(QByteArray& bytes, QString& error) const;

    ProjectDocument* document_;
    io::OwnRecoveryFile file_;
    QTimer timer_;
    QElapsedTimer waiting_; //!< since the first edit not yet written
    QFutureWatcher<QString> watcher_;
    bool again_ = false;     //!< edits came while a write was under way
    quint64 generation_ = 0; //!< bumped by discard(): a write finishing after it is not reported
    quint64 writing_ = 0;    //!< the generation of the write under way
};

} // namespace sharecast::ui
