#pragma once
//! The project's experience cells as a table (methodology §1.1): formats the document's data,
//! holds no logic.

#include "engine/experience.h"

#include <QAbstractTableModel>

namespace sharecast::ui {

class ProjectDocument;

//! One row per experience cell, in the dataset's order: plan, plan name, region, rate cell, year,
//! member months, members, one column per COS and the total over every COS. The money columns
//! show totals or PMPM (setShowPmpm). Qt::UserRole gives the raw number for sorting, ExportRole
//! plain text for spreadsheets.
class ExperienceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    //! The fixed columns; the COS columns start at FirstCosColumn, the total follows them.
    enum Column {
        PlanColumn,
        PlanNameColumn,
        RegionColumn,
        RateCellColumn,
        YearColumn,
        MemberMonthsColumn,
        MembersColumn,
        FirstCosColumn
    };
    //! Plain text for a spreadsheet: no separators or currency signs, rounded as shown (§9a).
    static constexpr int ExportRole = Qt::UserRole + 1;

    //! Shows the document's cells; resets when the project changes (the data may be re-imported).
    explicit ExperienceModel(ProjectDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! Shows the money columns as PMPM (amount / member months) instead of totals.
    void setShowPmpm(bool pmpm);
    //! True while the money columns show PMPM.
    bool showPmpm() const { return showPmpm_; }

    //! The experience cell behind a row (row must be valid).
    const ExperienceCell& cell(int row) const;
    //! The column of the total over every COS.
    int totalColumn() const;
    //! True for the COS columns and the total.
    bool isMoneyColumn(int column) const;

private:
    double money(const ExperienceCell& cell, int column) const;

    ProjectDocument* document_;
    bool showPmpm_ = false;
};

//! A COS name as a heading: "community_supports" → "Community supports".
QString cosLabel(const std::string& cos);

} // namespace sharecast::ui
