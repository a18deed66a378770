#include "ui/analysis/two_way_table.h"

#include "engine/rounding.h"
#include "io/csv/csv_writer.h"
#include "io/json/json.h"
#include "ui/document/format.h"

#include <QColor>

#include <algorithm>

namespace sharecast::ui {

namespace {

QString keyValue(double v)
{
    return QString::fromStdString(io::formatJsonNumber(v));
}
QString money(double v)
{
    return QString::fromStdString(formatMoney(v));
}

//! The heat map's colour at t in [0, 1]: light orange (lowest) through near-white to light blue
//! (highest); light enough for black text.
QColor heat(double t)
{
    const QColor low(0xf6, 0xb2, 0x6b), mid(0xf7, 0xf7, 0xf2), high(0x8f, 0xb8, 0xde);
    auto mix = [](const QColor& a, const QColor& b, double u) {
        return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * u),
                                static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * u),
                                static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * u));
    };
    return t < 0.5 ? mix(low, mid, t / 0.5) : mix(mid, high, (t - 0.5) / 0.5);
}

} // namespace

QByteArray twoWayTableCsv(const TwoWayTable& t)
{
    const QStringList header{"x_key", "x", "y_key", "y", "metric"};
    io::CsvWriter w;
    w.addRow(header);
    for (std::size_t x = 0; x < t.xs.size(); ++x)
        for (std::size_t y = 0; y < t.ys.size(); ++y)
            w.addResultRow(header, {t.xKey, keyValue(t.xs[x]), t.yKey, keyValue(t.ys[y]), money(t.at(x, y))},
                           QStringLiteral("the grid"));
    return w.bytes();
}

QString twoWayTableTsv(const TwoWayTable& t, int row0, int row1, int col0, int col1)
{
    QStringList fields{QStringLiteral("%1 \\ %2").arg(t.yKey, t.xKey)};
    for (int c = col0; c <= col1; ++c)
        fields << keyValue(t.xs[static_cast<std::size_t>(c)]);
    QString out = fields.join(u'\t') + u'\n';
    for (int r = row0; r <= row1; ++r) {
        fields = {keyValue(t.ys[static_cast<std::size_t>(r)])};
        for (int c = col0; c <= col1; ++c)
            fields << money(t.at(static_cast<std::size_t>(c), static_cast<std::size_t>(r)));
        out += fields.join(u'\t') + u'\n';
    }
    return out;
}

void TwoWayTableModel::setTable(const TwoWayTable& table)
{
    beginResetModel();
    table_ = table;
    if (!table_.values.empty()) {
        const auto [lo, hi] = std::minmax_element(table_.values.begin(), table_.values.end());
        min_ = *lo;
        max_ = *hi;
    }
    endResetModel();
}

int TwoWayTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || table_.empty() ? 0 : static_cast<int>(table_.ys.size());
}

int TwoWayTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || table_.empty() ? 0 : static_cast<int>(table_.xs.size());
}

QVariant TwoWayTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const auto x = static_cast<std::size_t>(index.column()), y = static_cast<std::size_t>(index.row());
    const double v = table_.at(x, y);
    switch (role) {
    case Qt::DisplayRole: return formatDollars(v);
    case Qt::UserRole: return v;
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole: return heat(max_ > min_ ? (v - min_) / (max_ - min_) : 0.5);
    case Qt::ForegroundRole: return QColor(Qt::black);
    case Qt::ToolTipRole:
        return tr("%1 = %2\n%3 = %4\n%5")
            .arg(table_.xKey, keyValue(table_.xs[x]), table_.yKey, keyValue(table_.ys[y]), formatDollars(v));
    default: return {};
    }
}

QVariant TwoWayTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (table_.empty() || section < 0)
        return {};
    const bool across = orientation == Qt::Horizontal;
    const std::vector<double>& values = across ? table_.xs : table_.ys;
    if (static_cast<std::size_t>(section) >= values.size())
        return {};
    if (role == Qt::DisplayRole)
        return keyValue(values[static_cast<std::size_t>(section)]);
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1 = %2").arg(across ? table_.xKey : table_.yKey,
                                             keyValue(values[static_cast<std::size_t>(section)]));
    return {};
}

} // namespace sharecast::ui
