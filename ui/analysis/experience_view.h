#pragma once
//! The experience browser: the cells filtered by plan, region, rate cell and year, in totals or
//! PMPM, with a statewide summary by rate cell and year; selections copy to Excel as TSV.

#include "engine/types.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace sharecast::ui {

class ExperienceModel;
class ProjectDocument;

//! Filters the experience table by plan, region, rate cell and year (no other logic); sorts by
//! the raw values of Qt::UserRole.
class ExperienceFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    //! Filters `source`, which must outlive it.
    explicit ExperienceFilterModel(ExperienceModel* source, QObject* parent = nullptr);

    //! Keeps only this plan's cells; empty: every plan.
    void setPlan(const QString& planId);
    //! Keeps only this region's cells; empty: every region.
    void setRegion(const QString& region);
    //! Keeps only this rate cell's cells; empty: every rate cell.
    void setRateCell(const QString& rateCell);
    //! Keeps only this year's cells; nullopt: every year.
    void setYear(std::optional<Year> year);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    ExperienceModel* source_;
    std::string plan_, region_, rateCell_;
    std::optional<Year> year_;
};

//! Statewide sums by rate cell × year over every plan and region: member months, members, and the
//! cost and PMPM of the COS the edited scenario includes (§2). Simple aggregation for display.
class ExperienceSummaryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    //! The columns.
    enum Column {
        RateCellColumn,
        YearColumn,
        MemberMonthsColumn,
        MembersColumn,
        IncludedCostColumn,
        IncludedPmpmColumn,
        ColumnCount
    };
    //! One rate cell in one year, statewide.
    struct Row {
        std::string rateCell;
        Year year = 0;
        MemberMonths memberMonths = 0.0;
        Dollars includedCost = 0.0; //!< Σ cost over the included COS
    };

    //! Sums the document's cells; rebuilds when the project or the scenario changes.
    explicit ExperienceSummaryModel(ProjectDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! The rows, rate cells in sorted order, then years ascending.
    const std::vector<Row>& rows() const { return rows_; }
    //! The COS left out by the edited scenario (display names).
    const QStringList& excludedCos() const { return excludedCos_; }

private:
    void rebuild();

    ProjectDocument* document_;
    std::vector<Row> rows_;
    QStringList excludedCos_;
};

//! The experience tab: filter fields, a PMPM switch, the sortable cell table and the statewide
//! summary below it. Ctrl+C on either table copies its selection as TSV with headers.
class ExperienceView : public QWidget {
    Q_OBJECT
public:
    //! Shows every cell of the document's experience, unfiltered, in totals.
    explicit ExperienceView(ProjectDocument* document, QWidget* parent = nullptr);

    //! The model of the cell table.
    ExperienceModel* model() const { return model_; }
    //! The filter between the model and the cell table.
    ExperienceFilterModel* filter() const { return filter_; }
    //! The model of the statewide summary.
    ExperienceSummaryModel* summary() const { return summary_; }
    //! The cell table.
    QTableView* table() const { return table_; }
    //! The statewide summary table.
    QTableView* summaryTable() const { return summaryTable_; }
    //! The plan filter ("All" first, then the plan ids as item data).
    QComboBox* planFilter() const { return plan_; }
    //! The region filter ("All" first).
    QComboBox* regionFilter() const { return region_; }
    //! The rate cell filter ("All" first).
    QComboBox* rateCellFilter() const { return rateCell_; }
    //! The year filter ("All" first, then the years as item data).
    QComboBox* yearFilter() const { return year_; }
    //! The switch between totals and PMPM.
    QCheckBox* pmpmCheck() const { return pmpm_; }

    //! Copies the cell table's selection to the clipboard as TSV with headers; returns the text.
    QString copySelection();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillFilters();
    void applyFilters();
    void updateCount();

    ProjectDocument* document_;
    ExperienceModel* model_ = nullptr;
    ExperienceFilterModel* filter_ = nullptr;
    ExperienceSummaryModel* summary_ = nullptr;
    QTableView* table_ = nullptr;
    QTableView* summaryTable_ = nullptr;
    QComboBox* plan_ = nullptr;
    QComboBox* region_ = nullptr;
    QComboBox* rateCell_ = nullptr;
    QComboBox* year_ = nullptr;
    QCheckBox* pmpm_ = nullptr;
    QLabel* count_ = nullptr;
    QLabel* summaryTitle_ = nullptr;
};

//! A table view's selection as tab-separated text with a header line: the bounding rows and
//! columns in the order shown, unselected cells empty, values from ExperienceModel::ExportRole
//! where a model gives it (plain numbers), else as displayed.
QString selectionAsTsv(const QTableView* table);

//! Puts selectionAsTsv(table) on the clipboard (unless it is empty) and returns it: what Copy
//! (Ctrl+C) does in the analysis views' tables.
QString copySelectionAsTsv(const QTableView* table);

} // namespace sharecast::ui
