#pragma once
//! The two-way table of a sensitivity study (methodology §14, Excel's data table): the metric
//! over a grid of two keys, shown as a heat map with the values in the cells, copied as TSV and
//! exported as `sharecast table2`'s CSV.

#include <QAbstractTableModel>
#include <QByteArray>
#include <QString>

#include <vector>

namespace sharecast::ui {

//! The grid: columns are the x key's values, rows the y key's; values[x][y] in dollars (cents).
struct TwoWayTable {
    QString xKey, yKey;
    std::vector<double> xs, ys;
    std::vector<double> values; //!< x outer, y inner (as table2 writes them)
    double at(std::size_t x, std::size_t y) const { return values[x * ys.size() + y]; }
    bool empty() const { return values.empty(); }
};

//! table2's CSV of the grid: `x_key,x,y_key,y,metric`, x outer, y inner, key values as the
//! shortest text that reads back, the metric in dollars to the cent.
QByteArray twoWayTableCsv(const TwoWayTable& table);

//! The cells of rows [row0, row1] × columns [col0, col1] as TSV with the values of the keys as
//! headers: a corner "y_key \ x_key", the x values across, each row led by its y value; the
//! metric in dollars to the cent without separators (for a spreadsheet).
QString twoWayTableTsv(const TwoWayTable& table, int row0, int row1, int col0, int col1);

//! Shows a TwoWayTable: dollars in the cells, coloured from the lowest to the highest value.
class TwoWayTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(const TwoWayTable& table);
    const TwoWayTable& table() const { return table_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    TwoWayTable table_;
    double min_ = 0.0, max_ = 0.0;
};

} // namespace sharecast::ui
