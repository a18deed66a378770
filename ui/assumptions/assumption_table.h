#pragma once
//! A table editor for one list- or map-valued scenario key (trend by COS, measures, tiers, ...):
//! each cell edit, added row or removed row is validated as a whole scenario and pushed as one
//! undoable step; a refused edit is marked at the cell with the reason and changes nothing.

#include <QStringList>
#include <QWidget>

#include <functional>
#include <vector>

class QTableWidget;
class QTableWidgetItem;
class QPushButton;

namespace sharecast {
struct Scenario;
}

namespace sharecast::ui {

class AssumptionsPanel;

//! How a column's text is read and shown.
enum class CellKind {
    Text,            //!< free text (an id, a name)
    Number,          //!< a number as written
    Percent,         //!< the scenario holds a fraction; the cell shows percent
    OptionalPercent, //!< as Percent; an empty cell means "none"
    Choice,          //!< one of TableColumn::choices
};

//! One column of a table editor.
struct TableColumn {
    QString header;
    CellKind kind = CellKind::Text;
    QStringList choices; //!< for Choice
    QString tip;         //!< the header's tool tip: what the column means
};

//! The rows of a table as the cells show them.
using TableRows = std::vector<QStringList>;

//! An edit the table asks the scenario to take: the rows before and after, and the cell that
//! changed (row and column -1 for an added or removed row).
struct TableEdit {
    TableRows before;
    TableRows after;
    int row = -1;
    int column = -1;
};

//! An "add" button: what it is called and the rows after it (from the rows and the current row).
struct TableAddAction {
    QString label;
    std::function<TableRows(const Scenario&, const TableRows&, int currentRow)> add;
};

//! What a table edits: its columns, how the scenario becomes rows and rows become the scenario.
struct TableSpec {
    QString objectName; //!< for tests and style sheets
    QString title;      //!< in undo texts: "Edit <title>: ..."
    std::vector<TableColumn> columns;
    std::function<TableRows(const Scenario&)> rows;
    //! Writes the edit's rows into the scenario; throws InputError for a cell it cannot read.
    std::function<void(Scenario&, const TableEdit&)> apply;
    std::vector<TableAddAction> adds;
    QString emptyText; //!< shown under the table when it has no rows
};

//! The widget: a table and its add/remove buttons.
class AssumptionTable : public QWidget {
    Q_OBJECT
public:
    AssumptionTable(TableSpec spec, AssumptionsPanel* panel, QWidget* parent = nullptr);

    //! Shows the scenario's rows (discarding any refused text).
    void refresh(const Scenario& scenario);

    //! Sets one cell's text as a user's edit would; returns the refusal reason or "".
    QString setCellText(int row, int column, const QString& text);
    //! Runs add action `index` with `currentRow` selected; returns the refusal reason or "".
    QString add(int index = 0, int currentRow = -1);
    //! Removes the given rows; returns the refusal reason or "".
    QString removeRows(std::vector<int> rows);

    QTableWidget* table() const { return table_; }
    //! The text of a cell as shown.
    QString cellText(int row, int column) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString commit(const TableEdit& edit, const QString& undoText);
    void fitHeight();

    TableSpec spec_;
    AssumptionsPanel* panel_;
    QTableWidget* table_;
    QPushButton* remove_ = nullptr;
    TableRows shown_; //!< the scenario's rows as last shown
    bool filling_ = false;
    bool stale_ = true; //!< the cells do not show shown_ (never filled, or a refused text)
};

//! Cell text helpers shared by the table specs. Every reader throws InputError naming the
//! column and the text when the text is not what the column holds.
namespace cell {
QString number(double v);
QString percent(double fraction);
double readNumber(const QString& text, const QString& column);
double readPercent(const QString& text, const QString& column);
int readInt(const QString& text, const QString& column);
QString readName(const QString& text, const QString& column);
} // namespace cell

} // namespace sharecast::ui
