#pragma once
//! A small RAII wrapper over libxlsxwriter (its C API) for the report's Excel workbook: sheets,
//! numbers, text, formulas with a cached result, a few formats, frozen panes and named tables.
//! The workbook is built in a private temporary folder; bytes() returns the finished file, which
//! the caller writes atomically (io::writeFileAtomically), so no half-written .xlsx is ever left.

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace sharecast::io {

//! The cell styles of a workbook: a number format and whether the cell is a header or an input.
enum class XlsxStyle {
    Plain,        //!< general
    Text,         //!< text
    Header,       //!< bold on grey, wrapped
    Title,        //!< bold, larger
    Money,        //!< $#,##0.00
    Percent,      //!< 0.00 % (the value is a fraction)
    Rate,         //!< 0.0000000000 (factors, scores, unbounded ratios)
    Members,      //!< #,##0.000000
    Count,        //!< #,##0.##
    Note,         //!< italic grey
    InputMoney,   //!< an input cell ($, blue on pale yellow)
    InputPercent, //!< an input cell (%)
    InputNumber,  //!< an input cell (general number)
};

class XlsxWorkbook;

//! One worksheet of an XlsxWorkbook (owned by it; valid while it lives). Rows and columns are
//! 0-based. Every call throws WriteError when libxlsxwriter refuses it.
class XlsxSheet {
public:
    void number(int row, int col, double value, XlsxStyle style = XlsxStyle::Plain);
    void text(int row, int col, const QString& value, XlsxStyle style = XlsxStyle::Text);
    void blank(int row, int col, XlsxStyle style);
    //! A formula ("=A1+B1") with the value it evaluates to, stored as its cached result.
    void formula(int row, int col, const std::string& formula, double cached, XlsxStyle style);
    //! A formula whose result is text (cached as empty text): e.g. a result that is NA.
    void formulaText(int row, int col, const std::string& formula, XlsxStyle style);
    void columnWidth(int firstCol, int lastCol, double width);
    //! Freezes the rows above `row` and the columns left of `col`.
    void freeze(int row, int col);
    //! A named Excel table over the header row `firstRow` and the data below it (with filter
    //! buttons); headers must be distinct.
    void table(int firstRow, int lastRow, int firstCol, const QString& name, const QStringList& headers);
    //! A comment (note) on a cell.
    void comment(int row, int col, const QString& text);

    //! The sheet's name.
    const QString& name() const { return name_; }

private:
    friend class XlsxWorkbook;
    XlsxSheet(XlsxWorkbook& book, lxw_worksheet* sheet, QString name);
    void check(int error, const char* what) const;

    XlsxWorkbook& book_;
    lxw_worksheet* sheet_;
    QString name_;
};

//! An Excel workbook being built (libxlsxwriter's lxw_workbook, freed on destruction).
class XlsxWorkbook {
public:
    //! Starts a workbook whose errors name `target` (the file it will be written to). Throws
    //! WriteError when no temporary folder can be made.
    explicit XlsxWorkbook(QString target);
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    //! Adds a worksheet (names: at most 31 characters, none of []:*?/\).
    XlsxSheet& addSheet(const QString& name);
    //! Closes the workbook and returns the bytes of the .xlsx file; throws WriteError naming the
    //! target when libxlsxwriter fails. The workbook cannot be changed afterwards.
    QByteArray bytes();

    //! "TARGET: cannot write the workbook: WHAT (REASON)".
    [[noreturn]] void fail(const char* what, int error) const;
    lxw_format* format(XlsxStyle style) const;

private:
    QString target_;
    QTemporaryDir dir_;
    QString file_;
    lxw_workbook* book_ = nullptr;
    std::vector<lxw_format*> formats_;
    std::vector<std::unique_ptr<XlsxSheet>> sheets_;
};

//! Writes the workbook's bytes to path atomically; throws WriteError naming the file.
void writeWorkbook(XlsxWorkbook& workbook, const QString& path);

} // namespace sharecast::io
