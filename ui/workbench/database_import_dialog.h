#pragma once
//! File ▸ Import from Database…: where the member rows are (connection URL, table, optional column
//! map and WHERE condition), the truncation threshold and the password. The password lives only in
//! the dialog; the other fields are remembered (QSettings) for the next import.

#include "io/warehouse/warehouse_import.h"

#include <QDialog>

class QDoubleSpinBox;
class QLineEdit;

namespace sharecast::ui {

//! The dialog of a warehouse import.
class DatabaseImportDialog : public QDialog {
    Q_OBJECT
public:
    //! truncation: the threshold proposed (the edited scenario's).
    DatabaseImportDialog(double truncation, QWidget* parent = nullptr);

    //! The source as filled in (password included, askPassword left empty).
    io::WarehouseSource source() const;
    double truncation() const;

    //! Keeps the fields other than the password for the next time (QSettings).
    void remember() const;

private:
    QLineEdit* url_;
    QLineEdit* table_;
    QLineEdit* columnMap_;
    QLineEdit* where_;
    QLineEdit* password_;
    QDoubleSpinBox* truncation_;
};

} // namespace sharecast::ui
