#include "io/csv/csv_writer.h"

#include "engine/error.h"

namespace sharecast::io {

bool looksNumeric(const QString& text)
{
    bool ok = false;
    text.toDouble(&ok);
    if (!ok)
        return false;
    // toDouble accepts "inf"/"nan" and surrounding spaces; numbers here are plain.
    for (QChar c : text)
        if (!(c.isDigit() || c == u'-' || c == u'+' || c == u'.' || c == u'e' || c == u'E'))
            return false;
    return true;
}

QString csvField(const QString& text)
{
    QString field = text;
    if (!field.isEmpty()) {
        const QChar first = field.front();
        const bool risky = first == u'=' || first == u'+' || first == u'-' || first == u'@' ||
                           first == u'\t' || first == u'\r';
        if (risky && !looksNumeric(field))
            field.prepend(u'\'');
    }
    if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r')) {
        field.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        field = u'"' + field + u'"';
    }
    return field;
}

void CsvWriter::addRow(const QStringList& fields)
{
    QString line;
    for (int i = 0; i < fields.size(); ++i) {
        if (i)
            line += u',';
        line += csvField(fields[i]);
    }
    line += u'\n';
    bytes_ += line.toUtf8();
}

void CsvWriter::addResultRow(const QStringList& header, const QStringList& fields, const QString& who)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QString& f = fields[i];
        if (f == QLatin1String("inf") || f == QLatin1String("-inf") || f == QLatin1String("nan"))
            throw InputError(InputLocation{{}, 0, header.value(i).toStdString(), f.toStdString(), true},
                             who.toStdString() +
                                 ": the result is not a finite number: the inputs are too large or too small "
                                 "to settle (an overflow); check the data of that plan");
    }
    addRow(fields);
}

} // namespace sharecast::io
