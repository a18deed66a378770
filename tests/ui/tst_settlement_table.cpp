//! The workbench's settlement table on the offscreen platform: its Plan and Name columns stay in
//! view however far right the table is scrolled, and keyboard moves, sorting, selection and copy
//! work across the frozen columns and the rest, whose rows stay aligned.
//!
//! The tests look at the table as the user does: what is drawn at a pixel of the table (whichever
//! view draws it), never at how the freezing is built. Set SHARECAST_TABLE_REVIEW_DIR to also save
//! the table, scrolled right, as a PNG for a look.

#include "tests/ui/sample_project.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/workbench/main_window.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace sharecast;

namespace {

constexpr int kPlanColumn = 0, kNameColumn = 1, kPaymentColumn = 14;

//! The cell the user sees at a pixel of the table (in the table's coordinates), from whichever
//! item view draws there; an invalid index away from the cells.
QModelIndex cellAt(QTableView* table, QPoint inTable)
{
    QWidget* under = table->childAt(inTable);
    auto* view = under ? qobject_cast<QAbstractItemView*>(under->parentWidget()) : nullptr;
    if (!view || qobject_cast<QHeaderView*>(view) || under != view->viewport())
        return {};
    return view->indexAt(under->mapFrom(table, inTable));
}

//! The header text the user sees at a pixel of the table, empty away from a header.
QString headerAt(QTableView* table, QPoint inTable)
{
    QWidget* under = table->childAt(inTable);
    auto* header = under ? qobject_cast<QHeaderView*>(under->parentWidget()) : nullptr;
    if (!header)
        return {};
    const int section = header->logicalIndexAt(under->mapFrom(table, inTable));
    return header->model()->headerData(section, Qt::Horizontal).toString();
}

//! The pixel of the table (in its coordinates) at x in its viewport, in the middle of row.
QPoint rowPoint(QTableView* table, int x, int row)
{
    return table->viewport()->geometry().topLeft() +
           QPoint(x, table->rowViewportPosition(row) + table->rowHeight(row) / 2);
}

//! The pixel of the table (in its coordinates) at x in its viewport, in the middle of the header.
QPoint headerPoint(QTableView* table, int x)
{
    const QRect header = table->horizontalHeader()->geometry();
    return QPoint(table->viewport()->geometry().left() + x, header.center().y());
}

//! Whether the user sees the cell of index whole: some item view of the table (the table or one
//! laid over it) draws it inside the table's viewport, and nothing covers its middle.
bool shownWhole(QTableView* table, const QModelIndex& index)
{
    QList<QTableView*> views = table->findChildren<QTableView*>();
    views.prepend(table);
    const QRect area = table->viewport()->geometry();
    for (QTableView* view : views) {
        if (!view->isVisible() || view->isColumnHidden(index.column()))
            continue;
        const QRect cell = view->visualRect(index);
        if (cell.isEmpty())
            continue;
        const QRect inTable(view->viewport()->mapTo(table, cell.topLeft()), cell.size());
        const QModelIndex seen = cellAt(table, inTable.center());
        if (area.contains(inTable) && seen.row() == index.row() && seen.column() == index.column())
            return true;
    }
    return false;
}

//! Clicks a pixel of the table (in its coordinates) on whichever widget is there.
void clickAt(QTableView* table, QPoint inTable)
{
    QWidget* under = table->childAt(inTable);
    QVERIFY(under);
    QTest::mouseClick(under, Qt::LeftButton, {}, under->mapFrom(table, inTable));
}

} // namespace

class TestSettlementTable : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    //! Opens the sample in w at the given size on the Settlement tab (the workbench opens on the
    //! Overview), shows it and waits until it is active.
    bool openShown(ui::MainWindow& w, QSize size)
    {
        if (!w.openProject(project_) || !w.showTab(QStringLiteral("Settlement")))
            return false;
        w.resize(size);
        w.show();
        w.activateWindow();
        return QTest::qWaitForWindowActive(&w);
    }

    static void scrollFullyRight(QTableView* table)
    {
        table->horizontalScrollBar()->setValue(table->horizontalScrollBar()->maximum());
        QCoreApplication::processEvents();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        project_ = testing::makeSampleProject(QDir(dir_.path()));
    }

    void planAndNameStayInViewScrolledRight()
    {
        ui::MainWindow w;
        QVERIFY(openShown(w, QSize(1100, 700)));
        QTableView* table = w.settlementTable();
        QAbstractItemModel* model = table->model();
        QVERIFY(table->horizontalScrollBar()->maximum() > 0); // too wide for the window: it scrolls
        const int row = 3;
        table->selectRow(row);
        scrollFullyRight(table);
        QVERIFY(shownWhole(table, model->index(row, model->columnCount() - 1))); // the last column

        // At the table's left edge the user still sees the plan and its name, on the selected row.
        const QModelIndex plan = cellAt(table, rowPoint(table, 4, row));
        QCOMPARE(plan.column(), kPlanColumn);
        QCOMPARE(plan.row(), row);
        QCOMPARE(plan.data().toString(), model->index(row, kPlanColumn).data().toString());
        QVERIFY(plan.data().toString().startsWith(u'P'));
        const int nameX = table->columnWidth(kPlanColumn) + 4;
        const QModelIndex name = cellAt(table, rowPoint(table, nameX, row));
        QCOMPARE(name.column(), kNameColumn);
        QCOMPARE(name.row(), row);
        QCOMPARE(name.data().toString(), QString::fromStdString(w.document()->experience().planName(
                                             plan.data().toString().toStdString())));
        QVERIFY(shownWhole(table, model->index(row, kPlanColumn)));
        QVERIFY(shownWhole(table, model->index(row, kNameColumn)));
        QVERIFY(table->selectionModel()->isRowSelected(row));
        QCOMPARE(headerAt(table, headerPoint(table, 4)), QStringLiteral("Plan"));
        QCOMPARE(headerAt(table, headerPoint(table, nameX)), QStringLiteral("Name"));
        // Right of the frozen columns come the scrolled ones, none hidden behind Plan and Name.
        const int frozenWidth = table->columnWidth(kPlanColumn) + table->columnWidth(kNameColumn);
        const QModelIndex next = cellAt(table, rowPoint(table, frozenWidth + 2, row));
        QVERIFY(next.column() > kNameColumn);

        // A recalculation resets the model: still only Plan and Name stay, with the same widths.
        w.document()->recalculate();
        QCoreApplication::processEvents();
        scrollFullyRight(table);
        QCOMPARE(cellAt(table, rowPoint(table, 4, row)).column(), kPlanColumn);
        QCOMPARE(cellAt(table, rowPoint(table, nameX, row)).column(), kNameColumn);
        QVERIFY(cellAt(table, rowPoint(table, frozenWidth + 2, row)).column() > kNameColumn);

        const QString review = qEnvironmentVariable("SHARECAST_TABLE_REVIEW_DIR");
        if (!review.isEmpty() && QDir().mkpath(review)) {
            w.grab().save(review + QStringLiteral("/workbench-settlement-right.png"));
            table->grab().save(review + QStringLiteral("/settlement-table-right.png"));
            table->horizontalScrollBar()->setValue(0);
            QCoreApplication::processEvents();
            table->grab().save(review + QStringLiteral("/settlement-table-left.png"));
        }
    }

    void theKeyboardMovesAcrossTheFrozenColumns()
    {
        ui::MainWindow w;
        QVERIFY(openShown(w, QSize(1100, 700)));
        QTableView* table = w.settlementTable();
        QAbstractItemModel* model = table->model();
        const int last = model->columnCount() - 1, row = 2;
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        table->setCurrentIndex(model->index(row, last));
        QVERIFY(shownWhole(table, table->currentIndex()));
        // Left, cell by cell, to the plan: each current cell is in view and not behind Plan/Name.
        for (int column = last - 1; column >= 0; --column) {
            QTest::keyClick(table, Qt::Key_Left);
            QCOMPARE(table->currentIndex().column(), column);
            QVERIFY2(shownWhole(table, table->currentIndex()), qPrintable(QString::number(column)));
        }
        // And back right to the last column.
        for (int column = 1; column <= last; ++column) {
            QTest::keyClick(table, Qt::Key_Right);
            QCOMPARE(table->currentIndex().column(), column);
            QVERIFY2(shownWhole(table, table->currentIndex()), qPrintable(QString::number(column)));
        }
        QVERIFY(shownWhole(table, model->index(row, kPlanColumn)));
        // Down selects the next plan: its row is selected in both parts and Explain shows it.
        QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(table->currentIndex().row(), row + 1);
        QVERIFY(table->selectionModel()->isRowSelected(row + 1));
        const QModelIndex plan = cellAt(table, rowPoint(table, 4, row + 1));
        QCOMPARE(plan.column(), kPlanColumn);
        QVERIFY(plan.model() == model);
        QCOMPARE(plan.row(), row + 1);
        QVERIFY(w.explainView()->toPlainText().contains(plan.data().toString()));
        QTest::keyClick(table, Qt::Key_Home);
        QCOMPARE(table->currentIndex().column(), kPlanColumn);
        QVERIFY(shownWhole(table, table->currentIndex()));
        QTest::keyClick(table, Qt::Key_End);
        QCOMPARE(table->currentIndex().column(), last);
        QVERIFY(shownWhole(table, table->currentIndex()));
    }

    void sortingKeepsTheRowsAligned()
    {
        ui::MainWindow w;
        QVERIFY(openShown(w, QSize(1100, 560))); // short: the table scrolls down too
        QTableView* table = w.settlementTable();
        QAbstractItemModel* model = table->model();
        QVERIFY(table->verticalScrollBar()->maximum() > 0);
        std::map<QString, QString> payments, names; // by plan, as the engine settles
        for (const PlanSettlement& p : testing::engineSettlement(w.document()).plans) {
            payments[QString::fromStdString(p.planId)] = ui::formatDollars(p.payment.payment);
            names[QString::fromStdString(p.planId)] =
                QString::fromStdString(w.document()->experience().planName(p.planId));
        }
        // Row by row, scrolled down to it: the plan and name the user sees at the left and the
        // payment in its column belong to the same plan.
        QStringList shownNames;
        auto checkAligned = [&] {
            shownNames.clear();
            const int nameX = table->columnWidth(kPlanColumn) + 4;
            for (int row = 0; row < model->rowCount(); ++row) {
                table->scrollTo(model->index(row, kPaymentColumn));
                QCoreApplication::processEvents();
                const QModelIndex plan = cellAt(table, rowPoint(table, 4, row));
                const QModelIndex name = cellAt(table, rowPoint(table, nameX, row));
                const QRect paymentCell = table->visualRect(model->index(row, kPaymentColumn));
                const QModelIndex payment =
                    cellAt(table, table->viewport()->geometry().topLeft() + paymentCell.center());
                QCOMPARE(plan.column(), kPlanColumn);
                QCOMPARE(plan.row(), row);
                QCOMPARE(name.row(), row);
                QCOMPARE(payment.row(), row);
                QCOMPARE(payment.column(), kPaymentColumn);
                const QString id = plan.data().toString();
                QCOMPARE(name.data().toString(), names.at(id));
                QCOMPARE(payment.data().toString(), payments.at(id));
                shownNames << name.data().toString();
            }
        };

        // Sort by the payment, clicking its header (scrolled right to it).
        table->scrollTo(model->index(0, kPaymentColumn));
        QVERIFY(shownWhole(table, model->index(0, kPaymentColumn)));
        QHeaderView* header = table->horizontalHeader();
        clickAt(table, headerPoint(table, header->sectionViewportPosition(kPaymentColumn) +
                                              header->sectionSize(kPaymentColumn) / 2));
        QCOMPARE(header->sortIndicatorSection(), kPaymentColumn);
        checkAligned();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(table->verticalScrollBar()->value() > 0); // the last rows were scrolled to

        // Sort by the name, clicking its header over the frozen columns, scrolled right.
        scrollFullyRight(table);
        table->verticalScrollBar()->setValue(0);
        clickAt(table, headerPoint(table, table->columnWidth(kPlanColumn) + 4));
        QCOMPARE(header->sortIndicatorSection(), kNameColumn);
        checkAligned();
        if (QTest::currentTestFailed())
            return;
        const QStringList byName = shownNames;
        QStringList sorted = byName;
        std::sort(sorted.begin(), sorted.end());
        if (header->sortIndicatorOrder() == Qt::DescendingOrder)
            std::reverse(sorted.begin(), sorted.end());
        QCOMPARE(byName, sorted);
    }

    void clickingAFrozenCellSelectsItsRowAndCopies()
    {
        ui::MainWindow w;
        QVERIFY(openShown(w, QSize(1100, 700)));
        QTableView* table = w.settlementTable();
        QAbstractItemModel* model = table->model();
        scrollFullyRight(table);
        const int scrolled = table->horizontalScrollBar()->value(), row = 5;
        clickAt(table, rowPoint(table, 4, row));
        QCOMPARE(table->currentIndex().row(), row);
        QVERIFY(table->selectionModel()->isRowSelected(row));
        QCOMPARE(table->horizontalScrollBar()->value(), scrolled); // the table does not jump left
        const QString plan = model->index(row, kPlanColumn).data().toString();
        QVERIFY(w.explainView()->toPlainText().contains(plan));

        // Edit ▸ Copy copies the whole selected row, Plan and Name first.
        QAction* copy = nullptr;
        for (QAction* menu : w.menuBar()->actions())
            if (menu->menu())
                for (QAction* a : menu->menu()->actions())
                    if (a->text() == QStringLiteral("&Copy"))
                        copy = a;
        QVERIFY(copy);
        QGuiApplication::clipboard()->clear();
        copy->trigger();
        const QStringList lines = QGuiApplication::clipboard()->text().split(u'\n');
        QVERIFY(lines.size() >= 2);
        QVERIFY(lines[0].startsWith(QStringLiteral("Plan\tName\t")));
        QCOMPARE(lines[1].section(u'\t', 0, 1),
                 plan + u'\t' + model->index(row, kNameColumn).data().toString());
        QCOMPARE(lines[1].count(u'\t'), model->columnCount() - 1);
    }
};

QTEST_MAIN(TestSettlementTable)
#include "tst_settlement_table.moc"
