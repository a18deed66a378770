#pragma once
//! A table view whose first columns stay in view when it scrolls right (a plan's id and name
//! beside figures far to the right).

#include <QTableView>

namespace sharecast::ui {

//! A QTableView whose first frozenColumns columns never scroll out of view. A second view laid
//! over the table's left edge shows those columns only; it shares the model and the selection
//! model, and follows the table's vertical scrolling, row heights, column widths, look and sort
//! indicator (clicking its header sorts the table). The keyboard focus stays with the table,
//! which scrolls a cell it moves to out from under the frozen columns. Beneath the frozen view
//! the table still has every column, so its selection and what is copied from it are whole rows.
class FrozenColumnTableView : public QTableView {
    Q_OBJECT
public:
    //! header: a horizontal header to use instead of QTableView's (e.g. a GroupedHeaderView); the
    //! frozen columns' header takes its height.
    explicit FrozenColumnTableView(int frozenColumns, QWidget* parent = nullptr,
                                   QHeaderView* header = nullptr);

    void setModel(QAbstractItemModel* model) override;
    void setSelectionModel(QItemSelectionModel* selectionModel) override;
    //! Scrolls to index as QTableView does; a frozen column's cell only to its row (it is always
    //! in view), any other cell so that the frozen columns do not cover it.
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;

    //! How many leading columns stay in view.
    int frozenColumnCount() const { return frozenColumns_; }
    //! The view over the table's left edge that shows the frozen columns.
    QTableView* frozenView() const { return frozen_; }

protected:
    void updateGeometries() override;
    void showEvent(QShowEvent* event) override;

private:
    //! The frozen view shows the frozen columns only, as wide as the table's.
    void syncColumns();
    //! The frozen view selects, looks and sorts as the table does.
    void syncLook();
    //! The frozen view's place: over the frozen columns and their header, as high as the viewport.
    void placeFrozenView();

    const int frozenColumns_;
    QTableView* frozen_;
};

} // namespace sharecast::ui
