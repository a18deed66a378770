#pragma once
//! Where the partners' money comes from (docs/methodology.md, "Partnerships: funding flows"), as a
//! flow diagram in four columns — funders (federal, state, other) → funding streams (capitation,
//! IPP, shared savings, PATH, other grants) → plans → partners — for the ledger's year, all plans
//! or one. Nodes are rectangles as tall as the money through them; each flow is a band as wide as
//! its amount, following a smooth cubic from one column to the next, coloured by its stream.

#include "engine/funding_flows.h"
#include "ui/charts/chart_controller.h"

#include <QFont>
#include <QPointer>
#include <QPolygonF>
#include <QRectF>
#include <QVector>

#include <optional>
#include <string>

class QCPItemText;
class QCPTextElement;

namespace sharecast::ui {

class ProjectDocument;

//! Owns the flow diagram and redraws it whenever the document has new results or another plan is
//! chosen; without a partnership ledger it says why in the chart.
class FundingFlowChartController : public ChartController {
    Q_OBJECT
public:
    FundingFlowChartController(ProjectDocument* document, QCustomPlot* plot, QObject* parent = nullptr);

    //! Draws one plan's flows (its partners only), or all plans' (nullopt).
    void setPlan(const std::optional<std::string>& plan);
    const std::optional<std::string>& plan() const { return plan_; }

    //! The flows drawn (empty without a ledger).
    const FundingFlows& flows() const { return flows_; }
    //! Each node's rectangle and each flow's band as drawn, in plot coordinates (x: 0–1 across
    //! the columns, y: 0–1 down), in the order of flows().nodes and flows().links.
    const QVector<QRectF>& nodeRects() const { return nodeRects_; }
    const QVector<QPolygonF>& bands() const { return bands_; }
    //! The band's ends: where it leaves its source and where it reaches its target (y top, bottom).
    const QVector<QPair<QPointF, QPointF>>& bandStarts() const { return bandStarts_; }
    const QVector<QPair<QPointF, QPointF>>& bandEnds() const { return bandEnds_; }
    //! Plot units of height per dollar.
    double scale() const { return scale_; }
    //! The fonts of the node labels and the column titles (the report sets sizes in pixels).
    void setFonts(const QFont& labels, const QFont& titles);

    //! The text shown in place of the diagram (empty when it is drawn).
    QString noticeText() const;
    //! The colour of a stream's flows (capitation, ipp, shared_savings, path, other).
    static QColor streamColor(const std::string& kind);

    //! The node or flow under a pixel: its label and amount; empty elsewhere.
    QString hoverText(const QPoint& pos) const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void redraw();
    void layoutNodes();
    void drawBands();
    void drawNodes();

    ProjectDocument* document_;
    std::optional<std::string> plan_;
    FundingFlows flows_;
    QVector<double> nodeValue_;
    QVector<QRectF> nodeRects_;
    QVector<QPolygonF> bands_;
    QVector<QPair<QPointF, QPointF>> bandStarts_, bandEnds_;
    double scale_ = 0.0;
    QCPItemText* notice_ = nullptr;
    int drawnHeight_ = 0;
    QFont labelFont_, titleFont_;
    //! The title (gone when the report lays the chart out without one).
    QPointer<QCPTextElement> titleText_;
};

} // namespace sharecast::ui
