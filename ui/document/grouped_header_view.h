#pragma once
//! A horizontal table header with a row of column groups above the column titles ("Member",
//! "Plan", "CBO" over the columns each group spans), so that a wide table reads in blocks.

#include <QColor>
#include <QHeaderView>
#include <QList>
#include <QString>

namespace sharecast::ui {

//! One group: a title over the columns first..last (logical indices), on a tint of its own.
struct HeaderGroup {
    QString title;
    int first = 0;
    int last = 0;
    QColor tint;     //!< the group title's background (invalid: the header's own)
    QString toolTip; //!< what the group means
};

//! A QHeaderView twice the usual height: grouped columns show the group's title above their own;
//! a column in no group keeps its title over the whole height. Sorting, resizing and moving work
//! as in QHeaderView; a group follows its columns as they scroll.
class GroupedHeaderView : public QHeaderView {
    Q_OBJECT
public:
    explicit GroupedHeaderView(QWidget* parent = nullptr);

    void setGroups(const QList<HeaderGroup>& groups);
    const QList<HeaderGroup>& groups() const { return groups_; }
    //! The group a column belongs to, or null.
    const HeaderGroup* groupOf(int logicalIndex) const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const override;
    bool viewportEvent(QEvent* event) override;

private:
    //! The height of the group row (half the header).
    int groupRowHeight() const;
    //! The group row's rectangle for a group, in viewport coordinates (empty when not in view).
    QRect groupRect(const HeaderGroup& group) const;

    QList<HeaderGroup> groups_;
};

} // namespace sharecast::ui
