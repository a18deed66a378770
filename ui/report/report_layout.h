#pragma once
//! Page layout for printed reports: a flow of headings, paragraphs, tables and charts laid out at
//! the output device's resolution onto portrait and landscape US Letter pages, with running
//! headers, page numbers and table headers repeated across page breaks. The layout is computed
//! first (so "Page N of M" and the contents are known) and painted afterwards.

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QCPPainter;
class QPagedPaintDevice;
class QPaintDevice;

namespace sharecast::ui::report {

//! The orientation of one page.
enum class Orientation { Portrait, Landscape };

//! One column of a report table.
struct TableColumn {
    QString header;
    Qt::Alignment align = Qt::AlignRight;
    bool wrap = false; //!< text may wrap onto several lines (names, reasons)
    bool mono = false; //!< monospace (hashes, keys)
};

//! One row of a report table.
struct TableRow {
    QStringList cells;
    bool bold = false;      //!< totals
    bool ruleAbove = false; //!< a thin rule separates it from the row above (a new group)
};

//! A title over a run of a table's columns (first..last), drawn in a row above their headers.
struct TableGroup {
    QString title;
    int first = 0;
    int last = 0;
};

//! A table; when it breaks across pages its caption (marked "continued") and header row repeat.
struct Table {
    QString caption; //!< "Table 2. …"
    QList<TableColumn> columns;
    QList<TableRow> rows;
    QList<TableGroup> groups; //!< column groups over the header (none: no group row)
    QStringList notes;        //!< printed under the table, small
    double fontPt = 8.0;      //!< shrunk step by step down to minFontPt when the table is too wide
    double minFontPt = 6.5;
    bool fullWidth = true; //!< stretch to the text width (else natural width)
};

//! A section in the table of contents.
struct TocEntry {
    QString title;
    int page = 0; //!< 1-based
};

//! Draws something (a chart) into a rectangle given in device pixels.
using DrawFunction = std::function<void(QCPPainter& painter, const QRectF& rect)>;

//! Paragraph styles.
enum class TextStyle { Body, Small, Note, Lead, Warning };

//! Lays out a document page by page and paints it onto a paged device.
class PageFlow {
public:
    //! metrics: the device whose resolution and font metrics the layout uses (the output).
    explicit PageFlow(QPaintDevice* metrics);

    //! The text on every page after the first: header left and right, footer left and centre.
    void setRunningText(const QString& headerLeft, const QString& headerRight, const QString& footerLeft,
                        const QString& footerCentre);

    //! The line "Source: …" printed under every table and figure with a caption that carries no
    //! "Source:" note of its own (empty: none).
    void setSourceLine(const QString& line) { sourceLine_ = line; }

    //! Starts a new page with the given orientation.
    void newPage(Orientation orientation);
    //! Starts a section on a new page: its title (listed in the contents) and the page orientation.
    void section(const QString& title, Orientation orientation);
    //! A sub-heading, kept with at least `keepPt` points of what follows.
    void heading(const QString& text, double keepPt = 90.0);
    //! A paragraph (wrapped to the text width, split across pages by line).
    void paragraph(const QString& text, TextStyle style = TextStyle::Body);
    //! A bulleted list.
    void bullets(const QStringList& items, TextStyle style = TextStyle::Body);
    //! A table, paginated with repeated caption and header.
    void table(const Table& table);
    //! A chart or picture of the given height (points) over the text width, with a caption above.
    void figure(const QString& caption, double heightPt, DrawFunction draw, const QStringList& notes = {});
    //! A shaded box with a bold title line and wrapped text (notices), kept on one page.
    void box(const QString& title, const QString& text, bool warning);
    //! Vertical space.
    void space(double pt);
    //! Free-form drawing in a block of the given height (points), kept on one page.
    void block(double heightPt, std::function<void(QPainter& painter, const QRectF& rect)> draw);

    //! Points left on the current page.
    double remainingPt() const;
    //! Width of the text area on the current page, in points.
    double textWidthPt() const;
    //! Pages laid out so far.
    int pageCount() const { return static_cast<int>(pages_.size()); }
    //! The 1-based current page.
    int currentPage() const { return pageCount(); }
    //! The sections and their pages.
    const QList<TocEntry>& contents() const { return toc_; }
    //! Problems found while laying out (a table wider than the page even at its smallest font).
    const QStringList& problems() const { return problems_; }

    //! Paints every page onto device (a QPdfWriter or a QPrinter, opened by the caller's settings).
    //! Landscape pages become real landscape pages on a QPdfWriter; on other devices (printers,
    //! print preview) they are drawn rotated on portrait paper. Returns false when painting fails.
    bool paint(QPagedPaintDevice* device) const;

    //! The report fonts (DejaVu Sans when available) at a point size.
    static QFont font(double pointSize, bool bold = false, bool mono = false);
    //! Registers the bundled-with-the-system DejaVu fonts with Qt (once); false when not found.
    static bool registerFonts();

    //! Device pixels per point.
    double scale() const { return dpi_ / 72.0; }

private:
    struct Page {
        Orientation orientation = Orientation::Portrait;
        std::vector<std::function<void(QCPPainter&)>> ops;
    };

    QSizeF pageSizePx(Orientation o) const;
    QRectF textRect(Orientation o) const;
    Page& page() { return pages_.back(); }
    void ensure(double heightPx);
    //! Wraps text to the text width less `indent` (device pixels) and lays it out line by line, indented,
    //! at least two lines kept together; `bullet`: a bullet in the indent before the first line.
    //! Returns the style's line height.
    double wrappedText(const QString& text, TextStyle style, double indent, bool bullet);
    //! Draws into a box of the given height (device pixels) over the text width at the current position,
    //! the painter's state saved around it.
    void drawBox(double heightPx, const DrawFunction& draw);
    double lineHeight(const QFont& f) const;
    QFont styleFont(TextStyle style) const;
    QColor styleColor(TextStyle style) const;
    void paintRunning(QCPPainter& painter, int pageIndex, int pageTotal, Orientation o) const;

    QPaintDevice* metrics_;
    double dpi_ = 300.0;
    std::vector<Page> pages_;
    double y_ = 0.0; //!< next free y on the current page, device pixels
    QList<TocEntry> toc_;
    QStringList problems_;
    QString headerLeft_, headerRight_, footerLeft_, footerCentre_;
    QString sourceLine_;
    //! The notes with the source line added, for a table or figure with this caption.
    QStringList withSource(const QString& caption, const QStringList& notes) const;
};

} // namespace sharecast::ui::report
