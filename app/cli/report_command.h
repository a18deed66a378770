#pragma once
//! `sharecast report`: the stakeholder briefing (PDF) and its CSV files, headless.

#include <QStringList>

namespace sharecast::ui {

//! Runs `sharecast report --project P --scenario N --pdf OUT.pdf [--csv DIR] [--compare M]
//! [--public]` (args are the options, optionally preceded by the word "report"). N and M are
//! scenario names stored in the project, `preset:NAME`, or a scenario file. The project is read
//! from a private snapshot and never changed. Creates the QApplication the charts need when there
//! is no application object yet (on the "offscreen" platform unless QT_QPA_PLATFORM is set); a
//! plain QCoreApplication created by the caller is an error. Files are written atomically and
//! only when everything succeeded. Returns 0, 2 for bad input (message on stderr naming the
//! problem) or 1 for an I/O failure.
int runReportCommand(const QStringList& args);

//! The usage text of `sharecast report`.
QString reportCommandUsage();

} // namespace sharecast::ui
