#include "ui/document/grouped_header_view.h"

#include <QHelpEvent>
#include <QPainter>
#include <QStyleOptionHeader>
#include <QToolTip>

#include <algorithm>

namespace sharecast::ui {

GroupedHeaderView::GroupedHeaderView(QWidget* parent) : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(true);
    setHighlightSections(true);
}

void GroupedHeaderView::setGroups(const QList<HeaderGroup>& groups)
{
    groups_ = groups;
    updateGeometries();
    viewport()->update();
}

const HeaderGroup* GroupedHeaderView::groupOf(int logicalIndex) const
{
    for (const HeaderGroup& g : groups_)
        if (logicalIndex >= g.first && logicalIndex <= g.last)
            return &g;
    return nullptr;
}

int GroupedHeaderView::groupRowHeight() const
{
    return fontMetrics().height() + 8;
}

QSize GroupedHeaderView::sizeHint() const
{
    QSize s = QHeaderView::sizeHint();
    s.setHeight(s.height() + groupRowHeight());
    return s;
}

QRect GroupedHeaderView::groupRect(const HeaderGroup& group) const
{
    int left = -1, right = -1;
    for (int i = group.first; i <= group.last && model() && i < model()->columnCount(); ++i) {
        if (isSectionHidden(i))
            continue;
        const int x = sectionViewportPosition(i);
        left = left < 0 ? x : std::min(left, x);
        right = std::max(right, x + sectionSize(i));
    }
    if (left < 0)
        return {};
    return QRect(left, 0, right - left, groupRowHeight());
}

void GroupedHeaderView::paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const
{
    // A grouped column's title goes under the group row; a column in no group keeps the height.
    if (groupOf(logicalIndex))
        QHeaderView::paintSection(painter, rect.adjusted(0, groupRowHeight(), 0, 0), logicalIndex);
    else
        QHeaderView::paintSection(painter, rect, logicalIndex);
}

void GroupedHeaderView::paintEvent(QPaintEvent* event)
{
    QHeaderView::paintEvent(event);
    QPainter p(viewport());
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    for (const HeaderGroup& g : groups_) {
        const QRect r = groupRect(g);
        if (r.isEmpty())
            continue;
        QStyleOptionHeader opt;
        initStyleOption(&opt);
        opt.rect = r;
        opt.section = g.first;
        opt.position = QStyleOptionHeader::Middle;
        opt.text.clear();
        style()->drawControl(QStyle::CE_HeaderSection, &opt, &p, this);
        if (g.tint.isValid())
            p.fillRect(r.adjusted(0, 0, -1, -1), g.tint);
        p.setPen(palette().color(QPalette::Mid));
        p.drawLine(r.bottomLeft(), r.bottomRight());
        p.drawLine(r.topRight(), r.bottomRight());
        p.setPen(palette().color(QPalette::ButtonText));
        // The title stays in view while the group is partly scrolled off.
        const QRect visible = r.intersected(viewport()->rect());
        p.drawText(visible.adjusted(4, 0, -4, 0), Qt::AlignCenter,
                   p.fontMetrics().elidedText(g.title, Qt::ElideRight, visible.width() - 8));
    }
}

bool GroupedHeaderView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        for (const HeaderGroup& g : groups_)
            if (groupRect(g).contains(help->pos()) && !g.toolTip.isEmpty()) {
                QToolTip::showText(help->globalPos(), g.toolTip, this);
                return true;
            }
    }
    return QHeaderView::viewportEvent(event);
}

} // namespace sharecast::ui
