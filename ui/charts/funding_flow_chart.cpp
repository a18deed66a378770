#include "ui/charts/funding_flow_chart.h"

#include "ui/charts/chart_support.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <QEvent>
#include <QTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace sharecast::ui {

namespace {

constexpr int kColumns = 4;
//! Where each column's nodes start across the plot (0–1); the last ends at 1. The last gap is the
//! widest: the partners' names sit at its right end.
constexpr double kColumnX[kColumns] = {0.0, 0.25, 0.5, 1.0};
constexpr double kNodeWidth = 0.012;
//! The most of the height the gaps between the nodes of the busiest column take.
constexpr double kGapShare = 0.18;
//! Points on each edge of a band.
constexpr int kSamples = 40;
//! The plot's y range: a band of room above the columns for their titles.
constexpr double kTop = -0.07, kBottom = 1.01;

double nodeLeft(int column)
{
    return column == kColumns - 1 ? 1.0 - kNodeWidth : kColumnX[column];
}

//! The stream a node or link carries: "stream:path" → "path".
std::string streamOf(const std::string& id)
{
    const auto colon = id.find(':');
    return colon == std::string::npos ? id : id.substr(colon + 1);
}

//! A cubic from (x0, y0) to (x1, y1), flat at both ends, at t in [0, 1].
QPointF cubic(double x0, double y0, double x1, double y1, double t)
{
    const double u = 1.0 - t;
    const double xm = 0.5 * (x0 + x1);
    const double x = u * u * u * x0 + 3 * u * u * t * xm + 3 * u * t * t * xm + t * t * t * x1;
    const double y = (u * u * u + 3 * u * u * t) * y0 + (3 * u * t * t + t * t * t) * y1;
    return {x, y};
}

} // namespace

QColor FundingFlowChartController::streamColor(const std::string& kind)
{
    if (kind == "capitation")
        return palette::kAccent;
    if (kind == "ipp")
        return palette::kOrange.darker(110);
    if (kind == "shared_savings")
        return palette::kGreen;
    if (kind == "path")
        return palette::kPurple;
    return palette::kSlate;
}

FundingFlowChartController::FundingFlowChartController(ProjectDocument* document, QCustomPlot* plot,
                                                       QObject* parent)
    : ChartController(plot, QStringLiteral("funding-flows"), parent, Layout::Own), document_(document)
{
    title_ = new QCPTextElement(plot_, tr("Funding flows"), QFont(plot_->font().family(), 11, QFont::Bold));
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, title_);
    titleText_ = title_;
    plot_->legend->setVisible(false);
    for (QCPAxis* axis : plot_->axisRect()->axes())
        axis->setVisible(false);
    plot_->axisRect()->setAutoMargins(QCP::msNone);
    plot_->axisRect()->setMargins(QMargins(12, 4, 12, 8));
    plot_->yAxis->setRangeReversed(true);
    labelFont_ = QFont(plot_->font().family(), 8);
    titleFont_ = QFont(plot_->font().family(), 9, QFont::Bold);
    plot_->installEventFilter(this);
    setRedraw([this] { redraw(); });
    connect(document_, &ProjectDocument::resultsChanged, this, &ChartController::requestRedraw);
    redraw();
}

void FundingFlowChartController::setPlan(const std::optional<std::string>& plan)
{
    plan_ = plan;
    redraw();
}

void FundingFlowChartController::setFonts(const QFont& labels, const QFont& titles)
{
    labelFont_ = labels;
    titleFont_ = titles;
    redraw();
}

QString FundingFlowChartController::noticeText() const
{
    if (!document_->partnershipLedger()) {
        if (!document_->partnershipError().isEmpty())
            return tr("No partnership ledger: %1").arg(document_->partnershipError());
        if (!document_->calculationError().isEmpty())
            return tr("No partnership ledger: the settlement could not be calculated");
        return tr("This project has no partnerships data: import a partnerships.csv to see where the "
                  "partners' money comes from");
    }
    if (flows_.links.empty())
        return plan_ ? tr("No money reaches %1's partners in %2")
                           .arg(QString::fromStdString(*plan_))
                           .arg(document_->partnershipLedger()->year)
                     : tr("No money reaches the partners in %1").arg(document_->partnershipLedger()->year);
    return {};
}

bool FundingFlowChartController::eventFilter(QObject* watched, QEvent* event)
{
    // The labels are spaced for the plot's height: lay them out again when it changes much.
    if (watched == plot_ && event->type() == QEvent::Resize && std::abs(plot_->height() - drawnHeight_) > 24)
        QTimer::singleShot(0, this, &FundingFlowChartController::redraw);
    return ChartController::eventFilter(watched, event);
}

void FundingFlowChartController::redraw()
{
    plot_->clearPlottables();
    plot_->clearItems();
    notice_ = nullptr;
    flows_ = FundingFlows{};
    nodeValue_.clear();
    nodeRects_.clear();
    bands_.clear();
    bandStarts_.clear();
    bandEnds_.clear();
    scale_ = 0.0;
    drawnHeight_ = plot_->height();
    plot_->xAxis->setRange(-0.01, 1.01);
    plot_->yAxis->setRange(kTop, kBottom);

    const PartnershipLedger* ledger = document_->partnershipLedger();
    if (ledger && plan_) {
        const bool known = std::any_of(ledger->plans.begin(), ledger->plans.end(),
                                       [&](const PlanPartnerships& p) { return p.planId == *plan_; });
        if (!known)
            plan_.reset();
    }
    if (ledger)
        flows_ = fundingFlows(*ledger, plan_);
    const QString notice = noticeText();
    if (titleText_)
        titleText_->setText(ledger ? tr("Where the partners' money comes from, %1: %2, %3")
                                         .arg(ledger->year)
                                         .arg(plan_ ? QString::fromStdString(*plan_) : tr("all plans"),
                                              formatCompactDollars(flows_.total))
                                   : tr("Funding flows"));
    if (!notice.isEmpty()) {
        notice_ = addChartNotice(plot_, notice);
        notice_->position->setCoords(0.5, 0.5);
        showDrawing();
        return;
    }
    layoutNodes();
    drawBands();
    drawNodes();
    showDrawing();
}

void FundingFlowChartController::layoutNodes()
{
    const int n = static_cast<int>(flows_.nodes.size());
    QVector<double> in(n, 0.0), out(n, 0.0);
    for (const FlowLink& l : flows_.links) {
        out[l.from] += l.amount;
        in[l.to] += l.amount;
    }
    nodeValue_.resize(n);
    std::vector<std::vector<int>> columns(kColumns);
    for (int i = 0; i < n; ++i) {
        nodeValue_[i] = std::max(in[i], out[i]);
        columns[static_cast<std::size_t>(std::clamp(flows_.nodes[static_cast<std::size_t>(i)].column, 0, 3))]
            .push_back(i);
    }
    std::size_t busiest = 1;
    for (const auto& c : columns)
        busiest = std::max(busiest, c.size());
    const double gap = busiest > 1 ? std::min(0.05, kGapShare / static_cast<double>(busiest - 1)) : 0.0;
    scale_ = 1.0;
    for (const auto& c : columns) {
        double sum = 0.0;
        for (int i : c)
            sum += nodeValue_[i];
        if (sum > 0.0)
            scale_ = std::min(scale_, (1.0 - static_cast<double>(c.size() - 1) * gap) / sum);
    }
    nodeRects_.fill(QRectF(), n);
    auto place = [&](int column) {
        const std::vector<int>& c = columns[static_cast<std::size_t>(column)];
        double height = c.empty() ? 0.0 : static_cast<double>(c.size() - 1) * gap;
        for (int i : c)
            height += nodeValue_[i] * scale_;
        double y = 0.5 * (1.0 - height);
        for (int i : c) {
            nodeRects_[i] = QRectF(nodeLeft(column), y, kNodeWidth, nodeValue_[i] * scale_);
            y += nodeValue_[i] * scale_ + gap;
        }
    };
    // Funders and streams in their own order, whichever the ledger met first.
    auto rank = [&](int i) {
        static const char* const kOrder[] = {"funder:federal",    "funder:state", "funder:other",
                                             "stream:capitation", "stream:ipp",   "stream:shared_savings",
                                             "stream:path",       "stream:other"};
        const std::string& id = flows_.nodes[static_cast<std::size_t>(i)].id;
        for (int k = 0; k < 8; ++k)
            if (id == kOrder[k])
                return k;
        return 8;
    };
    for (int column = 0; column < 2; ++column) {
        auto& c = columns[static_cast<std::size_t>(column)];
        std::stable_sort(c.begin(), c.end(), [&](int a, int b) { return rank(a) < rank(b); });
    }
    for (int column = 0; column < kColumns; ++column) {
        // The partners in the order of the money reaching them (its sources' mean height), so that
        // few bands cross.
        if (column == kColumns - 1) {
            std::map<int, double> weighted, weight;
            for (const FlowLink& l : flows_.links) {
                weighted[l.to] += l.amount * nodeRects_[l.from].center().y();
                weight[l.to] += l.amount;
            }
            auto& c = columns[static_cast<std::size_t>(column)];
            auto centre = [&](int i) { return weight[i] > 0.0 ? weighted[i] / weight[i] : 0.0; };
            std::stable_sort(c.begin(), c.end(), [&](int a, int b) { return centre(a) < centre(b); });
        }
        place(column);
    }
}

void FundingFlowChartController::drawBands()
{
    const int links = static_cast<int>(flows_.links.size());
    QVector<double> startTop(links), endTop(links);
    // Each node's flows stacked in the order of the nodes at their other end, top to bottom.
    std::vector<std::vector<int>> outgoing(flows_.nodes.size()), incoming(flows_.nodes.size());
    for (int k = 0; k < links; ++k) {
        outgoing[static_cast<std::size_t>(flows_.links[static_cast<std::size_t>(k)].from)].push_back(k);
        incoming[static_cast<std::size_t>(flows_.links[static_cast<std::size_t>(k)].to)].push_back(k);
    }
    for (std::size_t i = 0; i < flows_.nodes.size(); ++i) {
        auto by = [&](bool target) {
            return [&, target](int a, int b) {
                const FlowLink& la = flows_.links[static_cast<std::size_t>(a)];
                const FlowLink& lb = flows_.links[static_cast<std::size_t>(b)];
                const double ya = nodeRects_[target ? la.to : la.from].center().y();
                const double yb = nodeRects_[target ? lb.to : lb.from].center().y();
                return ya < yb;
            };
        };
        std::stable_sort(outgoing[i].begin(), outgoing[i].end(), by(true));
        std::stable_sort(incoming[i].begin(), incoming[i].end(), by(false));
        double y = nodeRects_[static_cast<int>(i)].top();
        for (int k : outgoing[i]) {
            startTop[k] = y;
            y += flows_.links[static_cast<std::size_t>(k)].amount * scale_;
        }
        y = nodeRects_[static_cast<int>(i)].top();
        for (int k : incoming[i]) {
            endTop[k] = y;
            y += flows_.links[static_cast<std::size_t>(k)].amount * scale_;
        }
    }
    bands_.resize(links);
    bandStarts_.resize(links);
    bandEnds_.resize(links);
    // The widest bands first, so that a thin one is never hidden under a wide one.
    QVector<int> order(links);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return flows_.links[static_cast<std::size_t>(a)].amount >
               flows_.links[static_cast<std::size_t>(b)].amount;
    });
    for (int k : order) {
        const FlowLink& l = flows_.links[static_cast<std::size_t>(k)];
        const double width = l.amount * scale_;
        const double x0 = nodeRects_[l.from].right(), x1 = nodeRects_[l.to].left();
        const double y0 = startTop[k], y1 = endTop[k];
        bandStarts_[k] = {QPointF(x0, y0), QPointF(x0, y0 + width)};
        bandEnds_[k] = {QPointF(x1, y1), QPointF(x1, y1 + width)};
        QPolygonF polygon;
        for (int s = 0; s <= kSamples; ++s)
            polygon << cubic(x0, y0, x1, y1, static_cast<double>(s) / kSamples);
        for (int s = kSamples; s >= 0; --s)
            polygon << cubic(x0, y0 + width, x1, y1 + width, static_cast<double>(s) / kSamples);
        bands_[k] = polygon;
        QVector<double> t, x, y;
        for (int p = 0; p < polygon.size(); ++p) {
            t << p;
            x << polygon[p].x();
            y << polygon[p].y();
        }
        auto* curve = new QCPCurve(plot_->xAxis, plot_->yAxis);
        curve->setData(t, x, y);
        const QColor colour = streamColor(l.kind);
        curve->setBrush(palette::withAlpha(colour, 105));
        curve->setPen(QPen(palette::withAlpha(colour, 140), 0.6));
        curve->setName(QString::fromStdString(l.kind));
        curve->removeFromLegend();
    }
}

void FundingFlowChartController::drawNodes()
{
    // Column titles.
    static const char* const kTitles[kColumns] = {"Funders", "Funding streams", "Plans", "Partners"};
    for (int c = 0; c < kColumns; ++c) {
        auto* t = new QCPItemText(plot_);
        t->position->setCoords(c == kColumns - 1 ? 1.0 : kColumnX[c], kTop * 0.55);
        t->setPositionAlignment((c == kColumns - 1 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        t->setText(tr(kTitles[c]));
        t->setFont(titleFont_);
        t->setColor(palette::kMuted);
    }
    const QFont& font = labelFont_;
    const double lineHeight = (QFontMetricsF(font).height() + 2.0) /
                              std::max(120.0, static_cast<double>(plot_->height()) - 60.0) * (kBottom - kTop);
    std::vector<std::vector<int>> columns(kColumns);
    for (int i = 0; i < static_cast<int>(flows_.nodes.size()); ++i) {
        const FlowNode& node = flows_.nodes[static_cast<std::size_t>(i)];
        auto* rect = new QCPItemRect(plot_);
        rect->topLeft->setCoords(nodeRects_[i].topLeft());
        rect->bottomRight->setCoords(nodeRects_[i].bottomRight());
        const QColor colour = node.column == 1 ? streamColor(streamOf(node.id)) : palette::kSlate;
        rect->setPen(QPen(colour.darker(120), 0.8));
        rect->setBrush(colour);
        columns[static_cast<std::size_t>(std::clamp(node.column, 0, 3))].push_back(i);
    }
    // Labels beside their nodes (the partners' to the left of theirs), moved apart where nodes are
    // closer than a line of text.
    for (int c = 0; c < kColumns; ++c) {
        std::vector<int>& nodes = columns[static_cast<std::size_t>(c)];
        std::sort(nodes.begin(), nodes.end(),
                  [&](int a, int b) { return nodeRects_[a].center().y() < nodeRects_[b].center().y(); });
        std::vector<double> y;
        for (int i : nodes)
            y.push_back(nodeRects_[i].center().y());
        for (std::size_t k = 1; k < y.size(); ++k)
            y[k] = std::max(y[k], y[k - 1] + lineHeight);
        for (std::size_t k = y.size(); k-- > 0;) {
            const double limit = k + 1 < y.size() ? y[k + 1] - lineHeight : kBottom - 0.5 * lineHeight;
            y[k] = std::min(y[k], limit);
        }
        for (std::size_t k = 0; k < nodes.size(); ++k) {
            const int i = nodes[k];
            const FlowNode& node = flows_.nodes[static_cast<std::size_t>(i)];
            auto* t = new QCPItemText(plot_);
            const bool left = c == kColumns - 1;
            t->position->setCoords(left ? nodeRects_[i].left() - 0.004 : nodeRects_[i].right() + 0.004, y[k]);
            t->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
            QString label = QString::fromStdString(node.label);
            if (label.size() > 34)
                label = label.left(33) + QStringLiteral("…");
            t->setText(QStringLiteral("%1  %2").arg(label, formatCompactDollars(nodeValue_[i])));
            t->setFont(font);
            t->setColor(palette::kText);
            t->setBrush(QColor(255, 255, 255, 200));
            t->setPadding(QMargins(2, 0, 2, 0));
            t->setClipToAxisRect(false);
        }
    }
}

QString FundingFlowChartController::hoverText(const QPoint& pos) const
{
    if (flows_.nodes.empty())
        return {};
    const QPointF at(plot_->xAxis->pixelToCoord(pos.x()), plot_->yAxis->pixelToCoord(pos.y()));
    const double slackX = std::fabs(plot_->xAxis->pixelToCoord(pos.x() + 3) - at.x());
    const double slackY = std::fabs(plot_->yAxis->pixelToCoord(pos.y() + 3) - at.y());
    for (int i = 0; i < nodeRects_.size(); ++i)
        if (nodeRects_[i].adjusted(-slackX, -slackY, slackX, slackY).contains(at)) {
            const FlowNode& node = flows_.nodes[static_cast<std::size_t>(i)];
            return tr("%1\n%2").arg(QString::fromStdString(node.label), formatDollars(nodeValue_[i]));
        }
    // The thinnest band first: it is drawn over the wider ones.
    QVector<int> order(bands_.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return flows_.links[static_cast<std::size_t>(a)].amount <
               flows_.links[static_cast<std::size_t>(b)].amount;
    });
    for (int k : order)
        if (bands_[k].containsPoint(at, Qt::OddEvenFill)) {
            const FlowLink& l = flows_.links[static_cast<std::size_t>(k)];
            return tr("%1 → %2\n%3 (%4)")
                .arg(QString::fromStdString(flows_.nodes[static_cast<std::size_t>(l.from)].label),
                     QString::fromStdString(flows_.nodes[static_cast<std::size_t>(l.to)].label),
                     formatDollars(l.amount), QString::fromStdString(l.kind).replace(u'_', u' '));
        }
    return {};
}

} // namespace sharecast::ui
