#pragma once
//! What the projection-year charts share: the projection years on the x axis, two lines on the left
//! axis, bars on the right axis (the lines kept to the upper part, the bars to the lower), and a
//! hover text by year.

#include "ui/charts/chart_controller.h"

#include <QColor>
#include <QString>
#include <QVector>

class QCPBars;
class QCPGraph;

namespace sharecast {
struct Projection;
} // namespace sharecast

namespace sharecast::ui {

class ProjectDocument;

//! Owns a projection-year chart's lines and bars and redraws them whenever the document has new
//! results; a derived class says what they show.
class ProjectionChartBase : public ChartController {
    Q_OBJECT
public:
    //! The projection years plotted, in order.
    const QVector<double>& years() const { return years_; }
    //! The hover text at a pixel of the plot (empty away from a projection year).
    QString hoverText(const QPoint& pos) const override;

protected:
    //! A line (left axis) or the bars (right axis): its legend name, colour and, for a line, pen style.
    struct Series {
        QString name;
        QColor color;
        Qt::PenStyle style = Qt::SolidLine;
    };
    //! What sets one chart apart: the file stem for exports, the series and the axis labels.
    struct Look {
        QString fileStem;
        Series firstLine, secondLine, bars;
        QString leftAxisLabel, rightAxisLabel;
    };
    //! What redraw() draws, by year in years() order: the lines' and the bars' values, and the title.
    struct Drawing {
        QVector<double> firstLine, secondLine, bars;
        QString title;
    };

    //! Builds the chart on plot as look says; the derived constructor then calls redraw().
    ProjectionChartBase(ProjectDocument* document, QCustomPlot* plot, const Look& look, QObject* parent);

    //! The document whose projection the chart draws.
    ProjectDocument* document() const { return document_; }
    //! Draws the document's current projection (its ALL rows), with the values that read() gives.
    void redraw();

private:
    //! The values to draw for projection (whose ALL rows are the years plotted), kept for the accessors.
    virtual Drawing read(const Projection& projection) = 0;
    //! The hover text of years()[i].
    virtual QString hoverTextAt(int i) const = 0;

    ProjectDocument* document_;
    QCPGraph* firstLine_ = nullptr;
    QCPGraph* secondLine_ = nullptr;
    QCPBars* bars_ = nullptr;
    QVector<double> years_;
};

} // namespace sharecast::ui
