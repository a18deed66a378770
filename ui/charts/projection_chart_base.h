#pragma once
//! What the projection-year charts share: the projection years on the x axis, two lines on the left
//! axis, bars on the right axis (the lines kept to the upper part, the bars to the lower), and a
//! hover text by year; with a ValidityRunner, the projection fan's 5th–95th percentile band
//! (methodology §13) around the series it belongs to.

#include "ui/charts/chart_controller.h"

#include <QColor>
#include <QString>
#include <QVector>

class QCPBars;
class QCPGraph;

namespace sharecast {
struct FanYear;
struct Projection;
struct ProjectionFan;
} // namespace sharecast

namespace sharecast::ui {

class ProjectDocument;
class ValidityRunner;

//! Owns a projection-year chart's lines and bars and redraws them whenever the document has new
//! results; a derived class says what they show.
class ProjectionChartBase : public ChartController {
    Q_OBJECT
public:
    //! The projection years plotted, in order.
    const QVector<double>& years() const { return years_; }
    //! The fan's band by year in years() order (empty until the runner's fan has finished).
    const QVector<double>& bandLow() const { return bandLow_; }
    const QVector<double>& bandHigh() const { return bandHigh_; }
    //! The band's upper edge: its legend entry names the percentiles and the shock's sd.
    QCPGraph* band() const { return bandHighGraph_; }
    //! The hover text at a pixel of the plot (empty away from a projection year).
    QString hoverText(const QPoint& pos) const override;

protected:
    //! A line (left axis) or the bars (right axis): its legend name, colour and, for a line, pen style.
    struct Series {
        QString name;
        QColor color;
        Qt::PenStyle style = Qt::SolidLine;
    };
    //! What sets one chart apart: the file stem for exports, the series and the axis labels, the
    //! fan band's colour and whether it goes with the bars (right axis) or the lines (left axis).
    struct Look {
        QString fileStem;
        Series firstLine, secondLine, bars;
        QString leftAxisLabel, rightAxisLabel;
        QColor bandColor;
        bool bandOnBars = false;
    };
    //! What redraw() draws, by year in years() order: the lines' and the bars' values, the title,
    //! and the fan's band (empty without a fan).
    struct Drawing {
        QVector<double> firstLine, secondLine, bars;
        QString title;
        QVector<double> bandLow, bandHigh;
    };

    //! Builds the chart on plot as look says, with the fan of runner when given (else none); the
    //! derived constructor then calls redraw().
    ProjectionChartBase(ProjectDocument* document, QCustomPlot* plot, const Look& look, QObject* parent,
                        ValidityRunner* runner = nullptr);

    //! The fan's year `year`, or null.
    static const FanYear* fanYear(const ProjectionFan* fan, int year);

    //! The document whose projection the chart draws.
    ProjectDocument* document() const { return document_; }
    //! Draws the document's current projection (its ALL rows), with the values that read() gives.
    void redraw();
    //! Renames the bars (their legend entry), e.g. when their sign changes what they mean.
    void setBarsName(const QString& name);

private:
    //! The values to draw for projection (whose ALL rows are the years plotted), kept for the
    //! accessors, with the band from fan when it is not null.
    virtual Drawing read(const Projection& projection, const ProjectionFan* fan) = 0;
    //! The hover text of years()[i].
    virtual QString hoverTextAt(int i) const = 0;

    ProjectDocument* document_;
    ValidityRunner* runner_;
    bool bandOnBars_ = false;
    QCPGraph* bandLowGraph_ = nullptr;
    QCPGraph* bandHighGraph_ = nullptr;
    QCPGraph* firstLine_ = nullptr;
    QCPGraph* secondLine_ = nullptr;
    QCPBars* bars_ = nullptr;
    QVector<double> years_, bandLow_, bandHigh_;
};

} // namespace sharecast::ui
