#include "io/csv/csv_writer.h"


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

}  // namespace sharecast::io
