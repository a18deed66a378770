#pragma once
//! The statistical validity per plan (methodology §13) as a table: formats the runner's results,
//! holds no logic.

#include <QAbstractTableModel>

namespace sharecast::ui {

class ProjectDocument;
class ValidityRunner;

//! One row per settled plan, the columns of `sharecast validity` (the payment columns once the
//! Monte Carlo has finished); Qt::UserRole gives the raw number for sorting (NA: an empty
//! QVariant), Qt::ToolTipRole a short explanation.
class ValidityModel : public QAbstractTableModel {
    Q_OBJECT
public:
    //! The columns, in order.
    enum Column {
        Plan,
        PlanName,
        Members,
        Cv,
        CvSource,
        Sigma,
        SavingsRate,
        Interval,
        Msr,
        Mlr,
        PFalseReward,
        PFalsePenalty,
        Power,
        MembersNeeded,
        ChanceMean,
        ChanceP95,
        PaymentP05,
        PaymentP50,
        PaymentP95,
        kColumns
    };

    ValidityModel(ProjectDocument* document, ValidityRunner* runner, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    //! The plan id of a row.
    QString planId(int row) const;

private:
    ProjectDocument* document_;
    ValidityRunner* runner_;
};

} // namespace sharecast::ui
