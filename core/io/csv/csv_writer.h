#pragma once
//! Writing CSV (RFC 4180) safely: quoting, and neutralising spreadsheet formula injection.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sharecast::io {

//! True when text is a plain decimal number ("-12.50", "3e-4"), which is written unchanged.
bool looksNumeric(const QString& text);

//! One CSV field: text that a spreadsheet would read as a formula (starting with =, +, -, @,
//! tab or CR, and not a number) gets a leading apostrophe; fields with a comma, quote, CR or LF
//! are quoted with doubled quotes.
QString csvField(const QString& text);

//! Accumulates CSV rows (LF line ends, UTF-8) in memory for an atomic write.
class CsvWriter {
public:
    void addRow(const QStringList& fields);
    //! A row of results: throws sharecast::InputError naming `who` and the column (from header)
    //! when a figure is not a finite number (an overflow of inputs too large or too small), so
    //! that no `inf` or `nan` is ever written.
    void addResultRow(const QStringList& header, const QStringList& fields, const QString& who);
    const QByteArray& bytes() const { return bytes_; }

private:
    QByteArray bytes_;
};

} // namespace sharecast::io
