#include "csv_sheet.h"

#include "io/csv/csv_reader.h"

#include <QBuffer>
#include <QStringList>

#include <algorithm>

namespace sharecast::io {

XlsxStyle csvColumnStyle(const QString& column)
{
    // The comparison's columns are a figure's name with _a, _b or _difference.
    QString name = column;
    for (const char* suffix : {"_difference", "_a", "_b"})
        if (name.endsWith(QLatin1String(suffix))) {
            name.chop(static_cast<qsizetype>(qstrlen(suffix)));
            break;
        }
    static const char* const percent[] = {"savings_rate",
                                          "msr",
                                          "mlr",
                                          "share_rate",
                                          "sigma",
                                          "ci_low",
                                          "ci_high",
                                          "p_false_reward",
                                          "p_false_penalty",
                                          "power",
                                          "incentive_ratio",
                                          "ilos_ratio",
                                          "medical_loss_ratio"};
    static const char* const money[] = {"expected",   "actual",  "saving",     "payment",   "program_net",
                                        "_share",     "cost",    "investment", "benchmark", "impact",
                                        "margin",     "pmpm",    "metric_",    "swing",     "revenue",
                                        "remittance", "true_up", "corridor_"};
    for (const char* p : percent)
        if (name == QLatin1String(p))
            return XlsxStyle::Percent;
    if (name == QLatin1String("members"))
        return XlsxStyle::Members;
    for (const char* m : money)
        if (name.contains(QLatin1String(m)))
            return XlsxStyle::Money;
    return XlsxStyle::Plain;
}

void writeCsvSheet(XlsxWorkbook& book, const QString& sheetName, const QString& tableName,
                   const QByteArray& csv, int keyColumns)
{
    QByteArray bytes = csv;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, sheetName.toStdString());
    XlsxSheet& sheet = book.addSheet(sheetName);
    QStringList header;
    std::vector<XlsxStyle> styles;
    int row = 0;
    while (reader.next()) {
        if (row == 0) {
            for (std::string_view f : reader.fields()) {
                header << QString::fromUtf8(f.data(), static_cast<qsizetype>(f.size()));
                styles.push_back(csvColumnStyle(header.back()));
            }
            ++row;
            continue;
        }
        for (std::size_t c = 0; c < reader.fieldCount() && c < styles.size(); ++c) {
            const std::string_view f = reader.field(c);
            const int col = static_cast<int>(c);
            if (f.empty())
                continue;
            if (c > 0) // the first column is a key (plan_id, key): text even when numeric
                if (const std::optional<double> x = parseFiniteNumber(f)) {
                    sheet.number(row, col, *x, styles[c]);
                    continue;
                }
            sheet.text(row, col, QString::fromUtf8(f.data(), static_cast<qsizetype>(f.size())));
        }
        ++row;
    }
    if (header.isEmpty())
        return;
    sheet.table(0, row - 1, 0, tableName, header);
    sheet.freeze(1, keyColumns);
    for (int c = 0; c < header.size(); ++c)
        sheet.columnWidth(c, c, std::clamp(static_cast<double>(header[c].size()) + 4.0, 12.0, 30.0));
}

} // namespace sharecast::io
