#include "ui/document/frozen_column_table_view.h"

#include <QApplication>
#include <QHeaderView>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>

namespace sharecast::ui {

namespace {

//! The view over the table's left edge: a click gives the table the focus (the keyboard works
//! there), the wheel scrolls the table, and a rule on its right edge marks where the table
//! scrolls under it.
class FrozenPane : public QTableView {
public:
    explicit FrozenPane(QTableView* table) : QTableView(table), table_(table) {}

protected:
    void mousePressEvent(QMouseEvent* event) override
    {
        table_->setFocus(Qt::MouseFocusReason);
        QTableView::mousePressEvent(event);
    }
    void wheelEvent(QWheelEvent* event) override { QApplication::sendEvent(table_->viewport(), event); }
    void paintEvent(QPaintEvent* event) override
    {
        QTableView::paintEvent(event);
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::Mid));
        const int x = viewport()->width() - 1;
        painter.drawLine(x, 0, x, viewport()->height());
    }

private:
    QTableView* table_;
};

} // namespace

FrozenColumnTableView::FrozenColumnTableView(int frozenColumns, QWidget* parent, QHeaderView* header)
    : QTableView(parent), frozenColumns_(frozenColumns), frozen_(new FrozenPane(this))
{
    if (header)
        setHorizontalHeader(header);
    frozen_->setObjectName(QStringLiteral("frozenColumns"));
    frozen_->setFocusPolicy(Qt::NoFocus);
    frozen_->setFrameShape(QFrame::NoFrame);
    frozen_->verticalHeader()->hide();
    frozen_->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    frozen_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    frozen_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Pixel scrolling on both, so that their vertical positions are the same number and a cell
    // moved to can be scrolled exactly clear of the frozen columns.
    setHorizontalScrollMode(ScrollPerPixel);
    setVerticalScrollMode(ScrollPerPixel);
    frozen_->setHorizontalScrollMode(ScrollPerPixel);
    frozen_->setVerticalScrollMode(ScrollPerPixel);
    viewport()->stackUnder(frozen_);

    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column, int, int size) {
        if (column < frozenColumns_) {
            frozen_->setColumnWidth(column, size);
            placeFrozenView();
        }
    });
    connect(verticalHeader(), &QHeaderView::sectionResized, this,
            [this](int row, int, int size) { frozen_->setRowHeight(row, size); });
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, frozen_->verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(frozen_->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    // One sort indicator: the table's, shown on the frozen header too; clicking the frozen header
    // flips it there, and the table sorts.
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, frozen_->horizontalHeader(),
            &QHeaderView::setSortIndicator);
    connect(frozen_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, horizontalHeader(),
            &QHeaderView::setSortIndicator);
}

void FrozenColumnTableView::setModel(QAbstractItemModel* model)
{
    if (QAbstractItemModel* old = this->model())
        disconnect(old, nullptr, this, nullptr);
    QTableView::setModel(model);
    frozen_->setModel(model);
    frozen_->setSelectionModel(selectionModel());
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &FrozenColumnTableView::syncColumns);
        connect(model, &QAbstractItemModel::layoutChanged, this, &FrozenColumnTableView::syncColumns);
        connect(model, &QAbstractItemModel::columnsInserted, this, &FrozenColumnTableView::syncColumns);
        connect(model, &QAbstractItemModel::columnsRemoved, this, &FrozenColumnTableView::syncColumns);
    }
    syncColumns();
    syncLook();
}

void FrozenColumnTableView::setSelectionModel(QItemSelectionModel* selectionModel)
{
    QTableView::setSelectionModel(selectionModel);
    // (QTableView::setModel sets a selection model before the frozen view has the model.)
    if (selectionModel && frozen_->model() == selectionModel->model())
        frozen_->setSelectionModel(selectionModel);
}

void FrozenColumnTableView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    if (!index.isValid())
        return;
    if (index.column() < frozenColumns_) {
        const int x = horizontalScrollBar()->value();
        QTableView::scrollTo(index, hint);
        horizontalScrollBar()->setValue(x);
        return;
    }
    QTableView::scrollTo(index, hint);
    const int covered = frozen_->width() - visualRect(index).left();
    if (covered > 0)
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - covered);
}

void FrozenColumnTableView::updateGeometries()
{
    QTableView::updateGeometries();
    placeFrozenView();
}

void FrozenColumnTableView::showEvent(QShowEvent* event)
{
    QTableView::showEvent(event);
    syncLook();
    placeFrozenView();
}

void FrozenColumnTableView::syncColumns()
{
    const QAbstractItemModel* m = model();
    const int columns = m ? m->columnCount() : 0;
    for (int c = 0; c < columns; ++c)
        frozen_->setColumnHidden(c, c >= frozenColumns_ || isColumnHidden(c));
    frozen_->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    placeFrozenView();
}

void FrozenColumnTableView::syncLook()
{
    if (frozen_->selectionBehavior() != selectionBehavior())
        frozen_->setSelectionBehavior(selectionBehavior());
    if (frozen_->selectionMode() != selectionMode())
        frozen_->setSelectionMode(selectionMode());
    if (frozen_->alternatingRowColors() != alternatingRowColors())
        frozen_->setAlternatingRowColors(alternatingRowColors());
    if (frozen_->showGrid() != showGrid())
        frozen_->setShowGrid(showGrid());
    if (frozen_->editTriggers() != editTriggers())
        frozen_->setEditTriggers(editTriggers());
    if (frozen_->wordWrap() != wordWrap())
        frozen_->setWordWrap(wordWrap());
    QHeaderView* header = horizontalHeader();
    QHeaderView* frozenHeader = frozen_->horizontalHeader();
    if (frozenHeader->isSortIndicatorShown() != header->isSortIndicatorShown())
        frozenHeader->setSortIndicatorShown(header->isSortIndicatorShown());
    if (frozenHeader->sectionsClickable() != header->sectionsClickable())
        frozenHeader->setSectionsClickable(header->sectionsClickable());
    frozenHeader->setSortIndicator(header->sortIndicatorSection(), header->sortIndicatorOrder());
    frozenHeader->setVisible(!header->isHidden());
}

void FrozenColumnTableView::placeFrozenView()
{
    int width = 0;
    const int columns = model() ? std::min(frozenColumns_, model()->columnCount()) : 0;
    for (int c = 0; c < columns; ++c) {
        if (frozen_->columnWidth(c) != columnWidth(c))
            frozen_->setColumnWidth(c, columnWidth(c));
        if (!isColumnHidden(c))
            width += columnWidth(c);
    }
    syncLook();
    const int headerHeight = horizontalHeader()->isHidden() ? 0 : horizontalHeader()->height();
    frozen_->horizontalHeader()->setFixedHeight(headerHeight);
    frozen_->setGeometry(frameWidth() + (verticalHeader()->isHidden() ? 0 : verticalHeader()->width()),
                         frameWidth(), std::min(width, viewport()->width()),
                         headerHeight + viewport()->height());
    frozen_->setVisible(width > 0);
}

} // namespace sharecast::ui
