#pragma once
//! The program years as a table (docs/methodology.md, "Program years"): one row per plan, each
//! year's plan payment and program net, then the cumulative ones. Formats, holds no logic.

#include <QAbstractTableModel>

#include <string>

namespace sharecast {
struct PlanSettlement;
}

namespace sharecast::ui {

class ProgramYears;

//! Rows: every plan settled in some program year, by id. Columns: Plan, Name, then per program
//! year "YYYY payment" and "YYYY net", then "Cumulative payment" and "Cumulative net". A plan not
//! settled in a year shows "—" there (Qt::UserRole: an empty QVariant); Qt::UserRole gives the
//! raw number for sorting.
class ProgramYearsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ProgramYearsModel(ProgramYears* program, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    //! The plan's settlement in program year `yearIndex`, or null when it was not settled then.
    const PlanSettlement* planIn(std::size_t yearIndex, const std::string& planId) const;

    ProgramYears* program_;
};

} // namespace sharecast::ui
