#pragma once
//! The report dialog's optional section "What drives the result" (methodology §14): a check box,
//! the metric and the assumptions to vary, shown under the question of who the report is for.

#include "engine/scenario.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QListWidget;
class QMessageBox;

namespace sharecast::ui {

struct ReportOptions;

//! Inserts widget as a row of the message box above its buttons (the report dialog's choices).
void insertAboveButtons(QMessageBox& box, QWidget* widget);

//! The choice of the section: unchecked by default; when checked, the metric (program net by
//! default) and the scenario's numeric assumptions, every one ticked whose ±10 % the scenario
//! rules accept (the others are listed disabled, with the reason); the report ranks them by swing
//! and shows the 15 largest.
class ReportDriversChoice : public QWidget {
    Q_OBJECT
public:
    explicit ReportDriversChoice(const Scenario& scenario, QWidget* parent = nullptr);

    //! Places this choice in `box` above its buttons; call once the box has its text and buttons.
    void addTo(QMessageBox& box);

    //! Sets options.drivers as chosen; leaves it unset when the box is unchecked or no assumption
    //! is ticked.
    void apply(ReportOptions& options) const;

private:
    QCheckBox* include_;
    QComboBox* metric_;
    QListWidget* keys_;
};

} // namespace sharecast::ui
