#include "io/csv/csv_writer.h"

#include <QSaveFile>

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

QString writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
    }
    if (!file.commit())
        return QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
    return {};
}

}  // namespace sharecast::io
