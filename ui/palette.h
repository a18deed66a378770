#pragma once
//! The project's colours, in one place: the workbench's charts and tables and the PDF report draw
//! with these, so a chart in the report matches the one on screen and the report's headings.

#include <QColor>

namespace sharecast::ui::palette {

//! Navy: the report's headings and rules, the main series of every chart.
inline const QColor kAccent(0x1f, 0x4e, 0x79);
//! Light orange: the plans' share of the savings, the plan markers, the rate impact.
inline const QColor kOrange(0xf6, 0xb2, 0x6b);
//! Green: the program net and the cumulative savings.
inline const QColor kGreen(0x6a, 0xa8, 0x4f);
//! Purple: PATH grants in the funding flows.
inline const QColor kPurple(0x8e, 0x6c, 0xb8);
//! Slate: other grants and other funders in the funding flows; the flows' nodes.
inline const QColor kSlate(0x5d, 0x6d, 0x7e);
//! Red: a failing or negative figure in a table, a refused field, an error message.
inline const QColor kError(0xb0, 0x1e, 0x1e);

//! The report's body text.
inline const QColor kText(0x1a, 0x1a, 0x1a);
//! Notes, running heads and footers of the report.
inline const QColor kMuted(0x5a, 0x5a, 0x5a);
//! A report table's header row.
inline const QColor kHeaderFill(0xdc, 0xe6, 0xf1);
//! Every other row of a report table, and a note box.
inline const QColor kZebra(0xf4, 0xf6, 0xf9);
//! Thin rules between a report table's rows.
inline const QColor kRule(0xb0, 0xb8, 0xc4);
//! A warning in the report, and its box's frame.
inline const QColor kWarning(0x9c, 0x2a, 0x00);
//! A warning box's fill.
inline const QColor kWarningFill(0xfd, 0xf1, 0xe6);

//! color with the given alpha (0–255), for translucent bars and zones.
inline QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

} // namespace sharecast::ui::palette
