#include "ui/report/report_layout.h"

#include "ui/palette.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QTextLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace sharecast::ui::report {

namespace {

// Page geometry in points (US Letter).
constexpr double kPageW = 612.0, kPageH = 792.0;
constexpr double kMarginSide = 54.0, kMarginTop = 72.0, kMarginBottom = 62.0;
constexpr double kHeaderBaseline = 44.0, kFooterBaseline = 36.0; // footer: from the bottom edge
constexpr double kCellPadX = 3.5, kCellPadY = 1.8;

const char* const kSans = "DejaVu Sans";
const char* const kMono = "DejaVu Sans Mono";

QPageLayout letter(Orientation o)
{
    return QPageLayout(QPageSize(QPageSize::Letter),
                       o == Orientation::Landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout::Point);
}

} // namespace

bool PageFlow::registerFonts()
{
    static const bool registered = [] {
        const QString dir = QStringLiteral("/usr/share/fonts/truetype/dejavu/");
        bool sans = false;
        for (const char* file :
             {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"}) {
            const int id = QFontDatabase::addApplicationFont(dir + QLatin1String(file));
            if (id >= 0 && QLatin1String(file) == QLatin1String("DejaVuSans.ttf"))
                sans = true;
        }
        return sans || QFontDatabase::families().contains(QLatin1String(kSans));
    }();
    return registered;
}

QFont PageFlow::font(double pointSize, bool bold, bool mono)
{
    QFont f(QLatin1String(mono ? kMono : kSans));
    f.setStyleHint(mono ? QFont::Monospace : QFont::SansSerif);
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    // No ligatures: "fi" stays two characters, so the PDF's text is searchable as written.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

PageFlow::PageFlow(QPaintDevice* metrics) : metrics_(metrics)
{
    dpi_ = metrics_->logicalDpiY();
}

void PageFlow::setRunningText(const QString& headerLeft, const QString& headerRight,
                              const QString& footerLeft, const QString& footerCentre)
{
    headerLeft_ = headerLeft;
    headerRight_ = headerRight;
    footerLeft_ = footerLeft;
    footerCentre_ = footerCentre;
}

QSizeF PageFlow::pageSizePx(Orientation o) const
{
    const double s = scale();
    return o == Orientation::Landscape ? QSizeF(kPageH * s, kPageW * s) : QSizeF(kPageW * s, kPageH * s);
}

QRectF PageFlow::textRect(Orientation o) const
{
    const QSizeF size = pageSizePx(o);
    const double s = scale();
    return QRectF(kMarginSide * s, kMarginTop * s, size.width() - 2 * kMarginSide * s,
                  size.height() - (kMarginTop + kMarginBottom) * s);
}

double PageFlow::remainingPt() const
{
    if (pages_.empty())
        return 0.0;
    return (textRect(pages_.back().orientation).bottom() - y_) / scale();
}

double PageFlow::textWidthPt() const
{
    return textRect(pages_.empty() ? Orientation::Portrait : pages_.back().orientation).width() / scale();
}

void PageFlow::newPage(Orientation orientation)
{
    pages_.push_back(Page{orientation, {}});
    y_ = textRect(orientation).top();
}

void PageFlow::ensure(double heightPx)
{
    if (pages_.empty()) {
        newPage(Orientation::Portrait);
        return;
    }
    const QRectF r = textRect(page().orientation);
    if (y_ + heightPx > r.bottom() + 0.5 && y_ > r.top() + 0.5)
        newPage(page().orientation);
}

double PageFlow::lineHeight(const QFont& f) const
{
    return QFontMetricsF(f, metrics_).lineSpacing();
}

QFont PageFlow::styleFont(TextStyle style) const
{
    switch (style) {
    case TextStyle::Small: return font(7.5);
    case TextStyle::Note: return font(7.0);
    case TextStyle::Lead: return font(10.0);
    case TextStyle::Warning: return font(9.0, true);
    case TextStyle::Body: break;
    }
    return font(9.0);
}

QColor PageFlow::styleColor(TextStyle style) const
{
    switch (style) {
    case TextStyle::Note: return palette::kMuted;
    case TextStyle::Warning: return palette::kWarning;
    default: return palette::kText;
    }
}

void PageFlow::section(const QString& title, Orientation orientation)
{
    newPage(orientation);
    toc_.append(TocEntry{title, pageCount()});
    const QFont f = font(15.0, true);
    const QRectF r = textRect(orientation);
    const double h = lineHeight(f);
    const QRectF box(r.left(), y_, r.width(), h);
    const double rule = y_ + h + 3.0 * scale();
    page().ops.push_back([f, box, title, rule, r, s = scale()](QCPPainter& p) {
        p.setFont(f);
        p.setPen(palette::kAccent);
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, title);
        p.setPen(QPen(palette::kAccent, 1.2 * s));
        p.drawLine(QPointF(r.left(), rule), QPointF(r.right(), rule));
    });
    y_ = rule + 12.0 * scale();
}

void PageFlow::heading(const QString& text, double keepPt)
{
    const QFont f = font(11.0, true);
    const double h = lineHeight(f);
    ensure(h + keepPt * scale());
    y_ += (y_ > textRect(page().orientation).top() + 1.0 ? 6.0 * scale() : 0.0);
    const QRectF r = textRect(page().orientation);
    const QRectF box(r.left(), y_, r.width(), h);
    page().ops.push_back([f, box, text](QCPPainter& p) {
        p.setFont(f);
        p.setPen(palette::kAccent);
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
    });
    y_ += h + 4.0 * scale();
}

double PageFlow::wrappedText(const QString& text, TextStyle style, double indent, bool bullet)
{
    const QFont f = styleFont(style);
    const QColor color = styleColor(style);
    const double lh = lineHeight(f);
    const double width = textRect(page().orientation).width() - indent;

    QTextLayout layout(text, f, metrics_);
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    QStringList lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();

    // Keep at least two lines together at a page break.
    ensure(lh * std::min<qsizetype>(2, lines.size()));
    for (int i = 0; i < lines.size(); ++i) {
        ensure(lh);
        const QRectF r = textRect(page().orientation);
        const QRectF box(r.left() + indent, y_, r.width() - indent, lh);
        const QRectF mark(r.left() + 2.0 * scale(), y_, indent, lh);
        const bool first = bullet && i == 0;
        page().ops.push_back([f, color, box, mark, first, line = lines[i]](QCPPainter& p) {
            p.setFont(f);
            p.setPen(color);
            if (first)
                p.drawText(mark, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("•"));
            p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, line);
        });
        y_ += lh;
    }
    return lh;
}

void PageFlow::paragraph(const QString& text, TextStyle style)
{
    if (pages_.empty())
        newPage(Orientation::Portrait);
    const double lh = wrappedText(text, style, 0.0, false);
    y_ += lh * 0.45;
}

void PageFlow::bullets(const QStringList& items, TextStyle style)
{
    if (pages_.empty())
        newPage(Orientation::Portrait);
    const double lh = lineHeight(styleFont(style));
    const double indent = 12.0 * scale();
    for (const QString& item : items) {
        wrappedText(item, style, indent, true);
        y_ += lh * 0.2;
    }
    y_ += lh * 0.3;
}

void PageFlow::space(double pt)
{
    if (pages_.empty())
        newPage(Orientation::Portrait);
    y_ = std::min(y_ + pt * scale(), textRect(page().orientation).bottom());
}

void PageFlow::box(const QString& title, const QString& text, bool warning)
{
    if (pages_.empty())
        newPage(Orientation::Portrait);
    const double s = scale();
    const double pad = 7.0 * s;
    const QFont tf = font(9.0, true), bf = font(8.5);
    const double width = textRect(page().orientation).width();
    const QFontMetricsF fm(bf, metrics_);
    const double th = title.isEmpty() ? 0.0 : lineHeight(tf) + 2.0 * s;
    const double bh = fm.boundingRect(QRectF(0, 0, width - 2 * pad, 1e6), Qt::TextWordWrap, text).height();
    const double h = th + bh + 2 * pad;
    ensure(h);
    const QRectF r = textRect(page().orientation);
    const QRectF outer(r.left(), y_, r.width(), h);
    page().ops.push_back([=](QCPPainter& p) {
        const QColor edge = warning ? palette::kWarning : palette::kAccent;
        p.fillRect(outer, warning ? palette::kWarningFill : palette::kZebra);
        p.fillRect(QRectF(outer.left(), outer.top(), 2.5 * s, outer.height()), edge);
        if (!title.isEmpty()) {
            p.setFont(tf);
            p.setPen(edge);
            p.drawText(QRectF(outer.left() + pad, outer.top() + pad, outer.width() - 2 * pad, th),
                       Qt::AlignLeft | Qt::AlignTop, title);
        }
        p.setFont(bf);
        p.setPen(palette::kText);
        p.drawText(QRectF(outer.left() + pad, outer.top() + pad + th, outer.width() - 2 * pad, bh),
                   Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    });
    y_ += h + 8.0 * s;
}

void PageFlow::drawBox(double heightPx, const DrawFunction& draw)
{
    const QRectF r = textRect(page().orientation);
    const QRectF box(r.left(), y_, r.width(), heightPx);
    page().ops.push_back([draw, box](QCPPainter& p) {
        p.save();
        draw(p, box);
        p.restore();
    });
    y_ += heightPx;
}

void PageFlow::block(double heightPt, std::function<void(QPainter&, const QRectF&)> draw)
{
    const double h = heightPt * scale();
    ensure(h);
    drawBox(h, draw);
}

QStringList PageFlow::withSource(const QString& caption, const QStringList& notes) const
{
    if (sourceLine_.isEmpty() || caption.isEmpty())
        return notes;
    for (const QString& n : notes)
        if (n.startsWith(QLatin1String("Source:")))
            return notes;
    return notes + QStringList{sourceLine_};
}

void PageFlow::figure(const QString& caption, double heightPt, DrawFunction draw,
                      const QStringList& givenNotes)
{
    const QStringList notes = withSource(caption, givenNotes);
    const QFont cf = font(9.0, true);
    const double ch =
        QFontMetricsF(cf, metrics_)
            .boundingRect(QRectF(0, 0, textRect(page().orientation).width(), 1e6), Qt::TextWordWrap, caption)
            .height();
    const double h = heightPt * scale();
    const QFont nf = styleFont(TextStyle::Note);
    ensure(ch + 4.0 * scale() + h + notes.size() * lineHeight(nf));
    const QRectF r = textRect(page().orientation);
    const QRectF captionBox(r.left(), y_, r.width(), ch);
    page().ops.push_back([cf, captionBox, caption](QCPPainter& p) {
        p.setFont(cf);
        p.setPen(palette::kText);
        p.drawText(captionBox, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, caption);
    });
    y_ += ch + 4.0 * scale();
    drawBox(h, draw);
    for (const QString& n : notes)
        paragraph(n, TextStyle::Note);
    y_ += 4.0 * scale();
}

void PageFlow::table(const Table& given)
{
    Table t = given;
    t.notes = withSource(t.caption, t.notes);
    if (pages_.empty())
        newPage(Orientation::Portrait);
    const int nc = static_cast<int>(t.columns.size());
    const double avail = textRect(page().orientation).width();
    const double padX = kCellPadX * scale(), padY = kCellPadY * scale();

    // Choose the largest font (down to minFontPt) at which the table fits the text width.
    double pt = t.fontPt;
    std::vector<double> widths;
    for (;; pt -= 0.5) {
        const QFontMetricsF fm(font(pt), metrics_), fb(font(pt, true), metrics_),
            fmono(font(pt, false, true), metrics_);
        std::vector<double> natural(static_cast<std::size_t>(nc), 0.0),
            minimum(static_cast<std::size_t>(nc), 0.0);
        for (int c = 0; c < nc; ++c) {
            const TableColumn& col = t.columns[c];
            double nat = 0.0, minW = 0.0;
            for (const QString& word : col.header.split(u' ', Qt::SkipEmptyParts))
                minW = std::max(minW, fb.horizontalAdvance(word));
            for (const TableRow& row : t.rows) {
                if (c >= row.cells.size())
                    continue;
                const QString& cell = row.cells[c];
                const QFontMetricsF& m = col.mono ? fmono : (row.bold ? fb : fm);
                nat = std::max(nat, m.horizontalAdvance(cell));
                if (col.wrap)
                    for (const QString& word : cell.split(u' ', Qt::SkipEmptyParts))
                        minW = std::max(minW, m.horizontalAdvance(word));
            }
            if (!col.wrap)
                minW = std::max(minW, nat);
            natural[static_cast<std::size_t>(c)] = std::max(nat, minW) + 2 * padX;
            minimum[static_cast<std::size_t>(c)] = minW + 2 * padX;
        }
        double sumNatural = 0.0, sumMinimum = 0.0;
        for (int c = 0; c < nc; ++c) {
            sumNatural += natural[static_cast<std::size_t>(c)];
            sumMinimum += minimum[static_cast<std::size_t>(c)];
        }
        const bool last = pt - 0.5 < t.minFontPt - 1e-9;
        if (sumNatural <= avail || sumMinimum <= avail || last) {
            widths = natural;
            if (sumNatural > avail && sumMinimum <= avail) {
                // Shrink the wrapping columns towards their minimum, in proportion to their slack.
                const double excess = sumNatural - avail;
                double slack = 0.0;
                for (int c = 0; c < nc; ++c)
                    slack += natural[static_cast<std::size_t>(c)] - minimum[static_cast<std::size_t>(c)];
                for (int c = 0; c < nc; ++c) {
                    const auto i = static_cast<std::size_t>(c);
                    widths[i] = natural[i] - (slack > 0 ? excess * (natural[i] - minimum[i]) / slack : 0.0);
                }
            } else if (sumNatural > avail) {
                problems_ << QStringLiteral("%1: %2 pt wider than the page at %3 pt")
                                 .arg(t.caption)
                                 .arg((sumNatural - avail) / scale(), 0, 'f', 1)
                                 .arg(pt);
                const double f = avail / sumNatural;
                for (double& w : widths)
                    w *= f;
            }
            break;
        }
    }
    double total = 0.0;
    for (double w : widths)
        total += w;
    if (t.fullWidth && total < avail && nc > 0) {
        const double extra = (avail - total) / nc;
        for (double& w : widths)
            w += extra;
        total = avail;
    }

    const QFont body = font(pt), bold = font(pt, true), mono = font(pt, false, true);
    const QFont header = font(pt, true);
    const QFontMetricsF fmHeader(header, metrics_);
    auto cellHeight = [&](const QFont& f, const QString& text, double width) {
        const QFontMetricsF fm(f, metrics_);
        return fm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
    };
    double headerH = 0.0;
    for (int c = 0; c < nc; ++c)
        headerH = std::max(
            headerH, cellHeight(header, t.columns[c].header, widths[static_cast<std::size_t>(c)] - 2 * padX));
    headerH += 2 * padY;
    // The group row over the header, when the table groups its columns.
    const double groupH = t.groups.isEmpty() ? 0.0 : fmHeader.height() + 2 * padY;
    headerH += groupH;
    std::vector<double> rowH;
    for (const TableRow& row : t.rows) {
        double h = lineHeight(body);
        for (int c = 0; c < nc && c < row.cells.size(); ++c) {
            const TableColumn& col = t.columns[c];
            const QFont& f = col.mono ? mono : (row.bold ? bold : body);
            h = std::max(h, cellHeight(f, row.cells[c], widths[static_cast<std::size_t>(c)] - 2 * padX));
        }
        rowH.push_back(h + 2 * padY);
    }

    const QFont captionFont = font(9.0, true);
    const double captionH = QFontMetricsF(captionFont, metrics_)
                                .boundingRect(QRectF(0, 0, avail, 1e6), Qt::TextWordWrap,
                                              t.caption + QStringLiteral(" (continued)"))
                                .height() +
                            3.0 * scale();
    auto drawCaptionAndHeader = [&](bool continued) {
        const QRectF r = textRect(page().orientation);
        const QRectF cbox(r.left(), y_, r.width(), captionH);
        const QString caption = continued ? t.caption + QStringLiteral(" (continued)") : t.caption;
        if (!t.caption.isEmpty()) {
            page().ops.push_back([captionFont, cbox, caption](QCPPainter& p) {
                p.setFont(captionFont);
                p.setPen(palette::kText);
                p.drawText(cbox, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, caption);
            });
            y_ += captionH;
        }
        const double top = y_;
        const double left = r.left();
        page().ops.push_back([=, cols = t.columns, groups = t.groups, s = scale()](QCPPainter& p) {
            p.fillRect(QRectF(left, top, total, headerH), palette::kHeaderFill);
            p.setPen(QPen(palette::kAccent, 1.0 * s));
            p.drawLine(QPointF(left, top), QPointF(left + total, top));
            p.setPen(QPen(palette::kAccent, 0.6 * s));
            p.drawLine(QPointF(left, top + headerH), QPointF(left + total, top + headerH));
            p.setFont(header);
            p.setPen(palette::kAccent);
            for (const TableGroup& g : groups) {
                double x0 = left, x1 = left;
                for (int c = 0; c < cols.size() && c <= g.last; ++c) {
                    const double w = widths[static_cast<std::size_t>(c)];
                    if (c < g.first)
                        x0 += w;
                    x1 += w;
                }
                p.drawText(QRectF(x0 + padX, top + padY, x1 - x0 - 2 * padX, groupH - 2 * padY),
                           Qt::AlignCenter, g.title);
                p.setPen(QPen(palette::kAccent, 0.5 * s));
                p.drawLine(QPointF(x0 + padX, top + groupH - padY * 0.5),
                           QPointF(x1 - padX, top + groupH - padY * 0.5));
            }
            double x = left;
            for (int c = 0; c < cols.size(); ++c) {
                const double w = widths[static_cast<std::size_t>(c)];
                p.drawText(QRectF(x + padX, top + groupH + padY, w - 2 * padX, headerH - groupH - 2 * padY),
                           Qt::TextWordWrap | Qt::AlignBottom | (cols[c].align & Qt::AlignHorizontal_Mask),
                           cols[c].header);
                x += w;
            }
        });
        y_ += headerH;
    };

    // A table that fits on one page is kept whole; a longer one starts where its caption, header
    // and first two rows fit.
    double allRows = 0.0, firstRows = 0.0;
    for (std::size_t i = 0; i < rowH.size(); ++i) {
        allRows += rowH[i];
        if (i < 2)
            firstRows += rowH[i];
    }
    if (y_ > textRect(page().orientation).top() + 0.5)
        y_ += 4.0 * scale();
    const double pageHeight = textRect(page().orientation).height();
    const double notesH = t.notes.size() * 2.0 * lineHeight(styleFont(TextStyle::Note));
    if (captionH + headerH + allRows + notesH <= pageHeight)
        ensure(captionH + headerH + allRows + notesH);
    else
        ensure(captionH + headerH + firstRows);
    drawCaptionAndHeader(false);
    int parity = 0;
    for (int i = 0; i < t.rows.size(); ++i) {
        const double h = rowH[static_cast<std::size_t>(i)];
        // A group of rows (from a row with a rule above to the next) stays on one page if it can.
        double groupH = h;
        if (t.rows[i].ruleAbove && i > 0)
            for (int j = i + 1; j < t.rows.size() && !t.rows[j].ruleAbove && !t.rows[j].bold; ++j)
                groupH += rowH[static_cast<std::size_t>(j)];
        const bool breakGroup = groupH > h && captionH + headerH + groupH <= pageHeight;
        if (y_ + (breakGroup ? groupH : h) > textRect(page().orientation).bottom() + 0.5) {
            const QRectF r = textRect(page().orientation);
            const double bottom = y_;
            page().ops.push_back([=, s = scale()](QCPPainter& p) {
                p.setPen(QPen(palette::kRule, 0.5 * s));
                p.drawLine(QPointF(r.left(), bottom), QPointF(r.left() + total, bottom));
            });
            newPage(page().orientation);
            drawCaptionAndHeader(true);
            parity = 0;
        }
        const TableRow& row = t.rows[i];
        const QRectF r = textRect(page().orientation);
        const double top = y_;
        const bool zebra = (parity++ % 2) == 1 && !row.bold;
        page().ops.push_back([=, cols = t.columns, s = scale()](QCPPainter& p) {
            if (zebra)
                p.fillRect(QRectF(r.left(), top, total, h), palette::kZebra);
            if (row.ruleAbove || row.bold) {
                p.setPen(QPen(row.bold ? palette::kAccent : palette::kRule, (row.bold ? 0.8 : 0.5) * s));
                p.drawLine(QPointF(r.left(), top), QPointF(r.left() + total, top));
            }
            p.setPen(palette::kText);
            double x = r.left();
            for (int c = 0; c < cols.size() && c < row.cells.size(); ++c) {
                const double w = widths[static_cast<std::size_t>(c)];
                p.setFont(cols[c].mono ? mono : (row.bold ? bold : body));
                p.drawText(QRectF(x + padX, top + padY, w - 2 * padX, h - 2 * padY),
                           Qt::TextWordWrap | Qt::AlignVCenter | (cols[c].align & Qt::AlignHorizontal_Mask),
                           row.cells[c]);
                x += w;
            }
        });
        y_ += h;
    }
    {
        const QRectF r = textRect(page().orientation);
        const double bottom = y_;
        page().ops.push_back([=, s = scale()](QCPPainter& p) {
            p.setPen(QPen(palette::kAccent, 0.8 * s));
            p.drawLine(QPointF(r.left(), bottom), QPointF(r.left() + total, bottom));
        });
    }
    y_ += 3.0 * scale();
    for (const QString& n : t.notes)
        paragraph(n, TextStyle::Note);
    y_ += 6.0 * scale();
}

void PageFlow::paintRunning(QCPPainter& p, int index, int total, Orientation o) const
{
    if (index == 0)
        return;
    const double s = scale();
    const QSizeF size = pageSizePx(o);
    const QRectF r = textRect(o);
    const QFont f = font(7.5);
    const double lh = lineHeight(f);
    p.setFont(f);
    p.setPen(palette::kMuted);
    const QRectF header(r.left(), kHeaderBaseline * s - lh, r.width(), lh);
    p.drawText(header, Qt::AlignLeft | Qt::AlignBottom, headerLeft_);
    p.drawText(header, Qt::AlignRight | Qt::AlignBottom, headerRight_);
    p.setPen(QPen(palette::kRule, 0.5 * s));
    p.drawLine(QPointF(r.left(), kHeaderBaseline * s + 3 * s),
               QPointF(r.right(), kHeaderBaseline * s + 3 * s));
    const double footerTop = size.height() - kFooterBaseline * s - lh;
    p.drawLine(QPointF(r.left(), footerTop - 3 * s), QPointF(r.right(), footerTop - 3 * s));
    const QRectF footer(r.left(), footerTop, r.width(), lh);
    p.setPen(palette::kMuted);
    p.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, footerLeft_);
    const QString pageText = QStringLiteral("Page %1 of %2").arg(index + 1).arg(total);
    p.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, pageText);
    if (!footerCentre_.isEmpty()) {
        // Centred when there is room between the left text and the page number; else just after
        // the left text; else on the line below, so it never overwrites either.
        const QFontMetricsF fm(f, p.device());
        const double gap = fm.horizontalAdvance(QStringLiteral("    "));
        const double width = fm.horizontalAdvance(footerCentre_);
        const double from = r.left() + fm.horizontalAdvance(footerLeft_) + gap;
        const double to = r.right() - fm.horizontalAdvance(pageText) - gap;
        QRectF at(std::max(from, r.left() + (r.width() - width) / 2.0), footerTop, width + gap, lh);
        if (at.left() + width > to)
            at.moveTo(r.left(), footerTop + lh);
        p.setPen(palette::kWarning);
        p.drawText(at, Qt::AlignLeft | Qt::AlignVCenter, footerCentre_);
        p.setPen(palette::kMuted);
    }
}

bool PageFlow::paint(QPagedPaintDevice* device) const
{
    if (pages_.empty())
        return false;
    auto* pdf = dynamic_cast<QPdfWriter*>(device);
    const bool realLandscape = pdf != nullptr;
    if (auto* printer = dynamic_cast<QPrinter*>(device))
        printer->setFullPage(true);
    device->setPageLayout(letter(realLandscape ? pages_.front().orientation : Orientation::Portrait));

    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const int total = static_cast<int>(pages_.size());
    for (int i = 0; i < total; ++i) {
        const Page& pg = pages_[static_cast<std::size_t>(i)];
        if (i > 0) {
            if (realLandscape)
                device->setPageLayout(letter(pg.orientation));
            if (!device->newPage()) {
                painter.end();
                return false;
            }
        }
        painter.save();
        if (!realLandscape && pg.orientation == Orientation::Landscape) {
            // Landscape content on portrait paper: its top edge along the left edge of the sheet.
            painter.translate(0, pageSizePx(Orientation::Portrait).height());
            painter.rotate(-90);
        }
        paintRunning(painter, i, total, pg.orientation);
        for (const auto& op : pg.ops) {
            painter.save();
            op(painter);
            painter.restore();
        }
        painter.restore();
    }
    return painter.end();
}

} // namespace sharecast::ui::report
