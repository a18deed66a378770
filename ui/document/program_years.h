#pragma once
//! The program years of the edited scenario (docs/methodology.md, "Program years"): a range of
//! years chosen by the user, each settled with its by_year terms, and each plan's cumulative
//! money, recalculated when the document has new results.

#include "engine/program_years.h"

#include <QObject>
#include <QString>

#include <utility>

namespace sharecast::ui {

class ProjectDocument;

//! Holds the range and the latest ProgramSettlement; the Program years view, its table model and
//! its chart read it and listen to changed(). A program of the sample settles in a few
//! milliseconds (lastCalculationMs()), so it runs on the GUI thread: the view calls recalculate()
//! when the document has new results and the view is on screen (or when it is next shown).
class ProgramYears : public QObject {
    Q_OBJECT
public:
    explicit ProgramYears(ProjectDocument* document, QObject* parent = nullptr);

    //! The default range: the three latest years of the experience whose default baseline year
    //! (Y − 1) is in the data and that come after every explicit baseline year of the scenario;
    //! fewer when the data have fewer such years. {0, −1} when none has.
    static std::pair<Year, Year> defaultRange(const ProjectDocument& document);

    Year firstYear() const { return first_; }
    Year lastYear() const { return last_; }
    //! Settles first..last (first <= last) and emits changed().
    void setYears(Year first, Year last);

    ProjectDocument* document() const { return document_; }
    //! The latest program (empty after an error).
    const ProgramSettlement& program() const { return program_; }
    //! Why the program could not be settled (empty when it was).
    const QString& error() const { return error_; }
    //! Milliseconds the last settlement of the program took.
    double lastCalculationMs() const { return lastMs_; }

    //! Settles the program now (normally after every recalculation of the document).
    void recalculate();

Q_SIGNALS:
    //! A new program (or an error) is available.
    void changed();

private:
    ProjectDocument* document_;
    Year first_ = 0;
    Year last_ = -1;
    ProgramSettlement program_;
    QString error_;
    double lastMs_ = 0.0;
};

} // namespace sharecast::ui
