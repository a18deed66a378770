#pragma once
//! Columns as wide as their contents, measured only on screen.

#include <QList>
#include <QObject>

#include <set>

class QTableView;

namespace sharecast::ui {

class RefreshWhenShown;

//! Keeps a table's columns as wide as their header and cells, as QHeaderView::ResizeToContents
//! does, but measures only a table on screen: a table on a hidden tab whose model changes is
//! measured when it is next shown. (ResizeToContents measures every change, shown or not, and
//! the measure shapes the text of up to a thousand rows: on an edit it was most of the GUI
//! thread's time.) The columns fitted are those whose resize mode is Interactive, except those
//! given and those the user has resized by hand (a width the user chose stays). The table's model
//! must be set first; the object goes with the table.
class FitColumnsToContents : public QObject {
public:
    explicit FitColumnsToContents(QTableView* table, QList<int> except = {});

    //! Measures now if the table is on screen (or its window is not shown), else when it is shown.
    void request();

private:
    void fit();

    QTableView* table_;
    QList<int> except_;
    std::set<int> userSized_;
    int columns_ = -1;
    RefreshWhenShown* refresh_;
    bool fitting_ = false;
    bool queued_ = false;
};

} // namespace sharecast::ui
