#include "ui/document/fit_columns.h"

#include "ui/document/refresh_when_shown.h"

#include <QHeaderView>
#include <QTableView>
#include <QTimer>

namespace sharecast::ui {

FitColumnsToContents::FitColumnsToContents(QTableView* table, QList<int> except)
    : QObject(table), table_(table), except_(std::move(except)),
      refresh_(new RefreshWhenShown(table, this, [this] { fit(); }))
{
    QHeaderView* header = table_->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, [this](int column, int, int) {
        if (!fitting_ && table_->horizontalHeader()->sectionResizeMode(column) == QHeaderView::Interactive)
            userSized_.insert(column); // a drag on the header: the user's width stays
    });
    QAbstractItemModel* model = table_->model();
    const auto request = [this] { this->request(); };
    connect(model, &QAbstractItemModel::modelReset, this, request);
    connect(model, &QAbstractItemModel::layoutChanged, this, request);
    connect(model, &QAbstractItemModel::dataChanged, this, request);
    connect(model, &QAbstractItemModel::headerDataChanged, this, request);
    connect(model, &QAbstractItemModel::rowsInserted, this, request);
    connect(model, &QAbstractItemModel::rowsRemoved, this, request);
    connect(model, &QAbstractItemModel::columnsInserted, this, request);
    connect(model, &QAbstractItemModel::columnsRemoved, this, request);
    refresh_->request();
}

void FitColumnsToContents::request()
{
    // Many changes in one pass of the event loop (a cell at a time, a reset and a sort) are
    // measured once, after them.
    if (queued_)
        return;
    queued_ = true;
    QTimer::singleShot(0, this, [this] {
        queued_ = false;
        refresh_->request();
    });
}

void FitColumnsToContents::fit()
{
    QHeaderView* header = table_->horizontalHeader();
    if (header->count() != columns_) { // other columns: the user's widths were for the old ones
        columns_ = header->count();
        userSized_.clear();
    }
    fitting_ = true;
    for (int c = 0; c < header->count(); ++c)
        if (header->sectionResizeMode(c) == QHeaderView::Interactive && !except_.contains(c) &&
            !userSized_.contains(c) && !header->isSectionHidden(c))
            table_->resizeColumnToContents(c);
    fitting_ = false;
}

} // namespace sharecast::ui
