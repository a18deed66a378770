#pragma once
//! The Program years tab (docs/methodology.md, "Program years"): the years of the program chosen
//! with two spin boxes, a table of each plan's payment and program net per year and cumulative,
//! and a chart of the payments stacked by year with the cumulative program net.

#include <QWidget>

class QLabel;
class QSpinBox;
class QTableView;

namespace sharecast::ui {

class ProgramYears;
class ProgramYearsChartController;
class ProgramYearsModel;
class ProjectDocument;

//! Shows a ProgramYears it owns; recalculated with the document's results.
class ProgramYearsView : public QWidget {
    Q_OBJECT
public:
    explicit ProgramYearsView(ProjectDocument* document, QWidget* parent = nullptr);

    ProgramYears* program() const { return program_; }
    QSpinBox* firstYear() const { return first_; }
    QSpinBox* lastYear() const { return last_; }
    QTableView* table() const { return table_; }
    ProgramYearsModel* model() const { return model_; }
    ProgramYearsChartController* chart() const { return chart_; }
    //! The years settled and the warnings, or the error.
    QLabel* status() const { return status_; }

private:
    void yearsEdited();
    void refreshStatus();

    ProgramYears* program_ = nullptr;
    QSpinBox* first_ = nullptr;
    QSpinBox* last_ = nullptr;
    QLabel* status_ = nullptr;
    ProgramYearsModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    ProgramYearsChartController* chart_ = nullptr;
};

} // namespace sharecast::ui
