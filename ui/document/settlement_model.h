#pragma once
//! The settlement per plan as a table: formats the document's results, holds no logic.

#include <QAbstractTableModel>

namespace sharecast::ui {

class ProjectDocument;

//! One row per settled plan, the columns of `sharecast settle`; Qt::UserRole gives the raw number
//! for sorting, Qt::ToolTipRole a short explanation.
class SettlementModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit SettlementModel(ProjectDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! The plan id of a row.
    QString planId(int row) const;

private:
    ProjectDocument* document_;
    int shownRows_ = 0; //!< the rows the views know of
};

} // namespace sharecast::ui
