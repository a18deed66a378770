#include "xlsx_workbook.h"

#include "io/atomic_file.h"
#include "io/io_error.h"

#include <xlsxwriter.h>

#include <QFile>
#include <QStringList>

namespace sharecast::io {

namespace {

constexpr lxw_color_t kHeaderFill = 0xD9D9D9;
constexpr lxw_color_t kInputFill = 0xFFF2CC;
constexpr lxw_color_t kInputFont = 0x1F4E9E;
constexpr lxw_color_t kNoteFont = 0x595959;

const char* numberFormat(XlsxStyle style)
{
    switch (style) {
    case XlsxStyle::Money:
    case XlsxStyle::InputMoney: return "$#,##0.00;-$#,##0.00";
    case XlsxStyle::Percent:
    case XlsxStyle::InputPercent: return "0.00%";
    case XlsxStyle::Rate: return "0.0000000000";
    case XlsxStyle::Members: return "#,##0.000000";
    case XlsxStyle::Count: return "#,##0.##";
    case XlsxStyle::Text: return "@";
    default: return nullptr;
    }
}

bool isInput(XlsxStyle style)
{
    return style == XlsxStyle::InputMoney || style == XlsxStyle::InputPercent ||
           style == XlsxStyle::InputNumber;
}

constexpr int kStyles = static_cast<int>(XlsxStyle::InputNumber) + 1;

} // namespace

XlsxSheet::XlsxSheet(XlsxWorkbook& book, lxw_worksheet* sheet, QString name)
    : book_(book), sheet_(sheet), name_(std::move(name))
{
}

void XlsxSheet::check(int error, const char* what) const
{
    if (error != LXW_NO_ERROR)
        book_.fail(what, error);
}

void XlsxSheet::number(int row, int col, double value, XlsxStyle style)
{
    check(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value,
                                 book_.format(style)),
          "a number");
}

void XlsxSheet::text(int row, int col, const QString& value, XlsxStyle style)
{
    const QByteArray utf8 = value.toUtf8();
    check(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                 utf8.constData(), book_.format(style)),
          "a text cell");
}

void XlsxSheet::blank(int row, int col, XlsxStyle style)
{
    check(worksheet_write_blank(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                book_.format(style)),
          "a blank cell");
}

void XlsxSheet::formula(int row, int col, const std::string& formula, double cached, XlsxStyle style)
{
    check(worksheet_write_formula_num(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                      formula.c_str(), book_.format(style), cached),
          "a formula");
}

void XlsxSheet::formulaText(int row, int col, const std::string& formula, XlsxStyle style)
{
    check(worksheet_write_formula_str(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                      formula.c_str(), book_.format(style), ""),
          "a formula");
}

void XlsxSheet::columnWidth(int firstCol, int lastCol, double width)
{
    check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(firstCol), static_cast<lxw_col_t>(lastCol),
                               width, nullptr),
          "a column width");
}

void XlsxSheet::freeze(int row, int col)
{
    worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col));
}

void XlsxSheet::table(int firstRow, int lastRow, int firstCol, const QString& name,
                      const QStringList& headers)
{
    std::vector<QByteArray> text;
    text.reserve(static_cast<std::size_t>(headers.size()));
    std::vector<lxw_table_column> columns(static_cast<std::size_t>(headers.size()));
    std::vector<lxw_table_column*> pointers;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        text.push_back(headers[i].toUtf8());
        columns[static_cast<std::size_t>(i)].header = text.back().data();
        columns[static_cast<std::size_t>(i)].header_format = book_.format(XlsxStyle::Header);
        pointers.push_back(&columns[static_cast<std::size_t>(i)]);
    }
    pointers.push_back(nullptr);
    QByteArray tableName = name.toUtf8();
    lxw_table_options options{};
    options.name = tableName.data();
    options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    options.style_type_number = 1;
    options.columns = pointers.data();
    // A table needs a data row: an empty one has its header and one blank row.
    const int last = std::max(lastRow, firstRow + 1);
    check(worksheet_add_table(sheet_, static_cast<lxw_row_t>(firstRow), static_cast<lxw_col_t>(firstCol),
                              static_cast<lxw_row_t>(last),
                              static_cast<lxw_col_t>(firstCol + static_cast<int>(headers.size()) - 1),
                              &options),
          "a table");
}

void XlsxSheet::comment(int row, int col, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    check(worksheet_write_comment(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                  utf8.constData()),
          "a comment");
}

XlsxWorkbook::XlsxWorkbook(QString target) : target_(std::move(target))
{
    if (!dir_.isValid())
        throw WriteError(
            QStringLiteral("%1: cannot write: no temporary folder (%2)").arg(target_, dir_.errorString()));
    file_ = dir_.filePath(QStringLiteral("workbook.xlsx"));
    const QByteArray path = QFile::encodeName(file_);
    book_ = workbook_new(path.constData());
    if (!book_)
        throw WriteError(QStringLiteral("%1: cannot write: the workbook cannot be started").arg(target_));
    formats_.resize(kStyles, nullptr);
    for (int i = 0; i < kStyles; ++i) {
        const auto style = static_cast<XlsxStyle>(i);
        if (style == XlsxStyle::Plain)
            continue;
        lxw_format* f = workbook_add_format(book_);
        if (const char* n = numberFormat(style))
            format_set_num_format(f, n);
        if (style == XlsxStyle::Header) {
            format_set_bold(f);
            format_set_bg_color(f, kHeaderFill);
            format_set_text_wrap(f);
        } else if (style == XlsxStyle::Title) {
            format_set_bold(f);
            format_set_font_size(f, 13);
        } else if (style == XlsxStyle::Note) {
            format_set_italic(f);
            format_set_font_color(f, kNoteFont);
        } else if (isInput(style)) {
            format_set_bg_color(f, kInputFill);
            format_set_font_color(f, kInputFont);
        }
        formats_[static_cast<std::size_t>(i)] = f;
    }
}

XlsxWorkbook::~XlsxWorkbook()
{
    if (book_)
        lxw_workbook_free(book_);
}

lxw_format* XlsxWorkbook::format(XlsxStyle style) const
{
    return formats_[static_cast<std::size_t>(style)];
}

void XlsxWorkbook::fail(const char* what, int error) const
{
    throw WriteError(QStringLiteral("%1: cannot write the workbook: %2 (%3)")
                         .arg(target_, QString::fromUtf8(what),
                              QString::fromUtf8(lxw_strerror(static_cast<lxw_error>(error)))));
}

XlsxSheet& XlsxWorkbook::addSheet(const QString& name)
{
    if (!book_)
        throw WriteError(QStringLiteral("%1: cannot write the workbook: it is already closed").arg(target_));
    const QByteArray utf8 = name.toUtf8();
    lxw_worksheet* sheet = workbook_add_worksheet(book_, utf8.constData());
    if (!sheet)
        throw WriteError(QStringLiteral("%1: cannot write the workbook: no sheet '%2'").arg(target_, name));
    sheets_.push_back(std::unique_ptr<XlsxSheet>(new XlsxSheet(*this, sheet, name)));
    return *sheets_.back();
}

QByteArray XlsxWorkbook::bytes()
{
    if (!book_)
        throw WriteError(QStringLiteral("%1: cannot write the workbook: it is already closed").arg(target_));
    lxw_workbook* book = book_;
    book_ = nullptr; // workbook_close() frees it, whatever it returns
    if (const lxw_error error = workbook_close(book); error != LXW_NO_ERROR)
        fail("closing", error);
    QFile file(file_);
    if (!file.open(QIODevice::ReadOnly))
        throw WriteError(
            QStringLiteral("%1: cannot write the workbook: %2").arg(target_, file.errorString()));
    return file.readAll();
}

void writeWorkbook(XlsxWorkbook& workbook, const QString& path)
{
    const QByteArray bytes = workbook.bytes();
    if (const QString problem = writeFileAtomically(path, bytes); !problem.isEmpty())
        throw WriteError(problem);
}

} // namespace sharecast::io
