#pragma once
//! The report dialog's choice of sections (every one ticked by default) and of the earlier version
//! the ASOP checklist's material changes are measured against (by default the scenario's previous
//! saved version, or the saved version itself when the workbench holds unsaved edits).

#include <QWidget>

class QComboBox;
class QListWidget;
class QMessageBox;

namespace sharecast::ui {

class ProjectDocument;
struct ReportOptions;

class ReportSectionsChoice : public QWidget {
    Q_OBJECT
public:
    explicit ReportSectionsChoice(ProjectDocument* document, QWidget* parent = nullptr);

    //! Places this choice in `box` above its buttons (as ReportDriversChoice::addTo does).
    void addTo(QMessageBox& box);

    //! Sets options.omittedSections and options.earlier as chosen.
    void apply(ReportOptions& options) const;

private:
    ProjectDocument* document_;
    QListWidget* sections_;
    QComboBox* earlier_;
};

} // namespace sharecast::ui
