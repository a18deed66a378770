#include "ui/analysis/overview_view.h"

#include "ui/charts/rebasing_chart.h"
#include "ui/charts/savings_chart.h"
#include "ui/document/project_document.h"
#include "ui/document/refresh_when_shown.h"
#include "ui/palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace sharecast::ui {

namespace {

QString para(const QString& s)
{
    return QStringLiteral("<p style=\"margin-bottom:8px\">%1</p>").arg(s.toHtmlEscaped());
}

QString heading(const QString& s)
{
    return QStringLiteral("<h3 style=\"color:%1; margin-top:12px; margin-bottom:4px\">%2</h3>")
        .arg(palette::kAccent.name(), s.toHtmlEscaped());
}

} // namespace

OverviewView::OverviewView(ProjectDocument* document, QWidget* parent) : QWidget(parent), document_(document)
{
    auto* layout = new QVBoxLayout(this);
    headline_ = new QLabel;
    headline_->setObjectName(QStringLiteral("overviewHeadline"));
    headline_->setWordWrap(true);
    headline_->setStyleSheet(
        QStringLiteral("font-size: 18px; font-weight: bold; color: %1;").arg(palette::kAccent.name()));
    layout->addWidget(headline_);

    auto* row = new QHBoxLayout;
    layout->addLayout(row, 1);

    body_ = new QLabel;
    body_->setObjectName(QStringLiteral("overviewStory"));
    body_->setWordWrap(true);
    body_->setTextFormat(Qt::RichText);
    body_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    body_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    body_->setStyleSheet(QStringLiteral("font-size: 13px;"));
    body_->setContentsMargins(4, 4, 12, 4);
    auto* scroll = new QScrollArea;
    scroll->setWidget(body_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(340);
    row->addWidget(scroll, 2);

    auto* charts = new QVBoxLayout;
    row->addLayout(charts, 3);
    auto* savingsPlot = new QCustomPlot;
    savingsPlot->setObjectName(QStringLiteral("overviewSavingsChart"));
    savings_ = new SavingsChartController(document, savingsPlot, savingsPlot, Qt::Horizontal);
    // Twenty plan names down the side: small type, the legend in the corner with the least bars.
    savingsPlot->yAxis->setTickLabelFont(QFont(savingsPlot->font().family(), 7));
    savingsPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    auto* rebasingPlot = new QCustomPlot;
    rebasingPlot->setObjectName(QStringLiteral("overviewRebasingChart"));
    rebasing_ = new RebasingChartController(document, rebasingPlot, rebasingPlot);
    // Their legends and plan names ask for more width than a laptop screen leaves beside the
    // story; the charts shrink instead of widening the window.
    for (QCustomPlot* plot : {savingsPlot, rebasingPlot})
        plot->setMinimumSize(300, 200);
    charts->addWidget(savingsPlot, 3);
    charts->addWidget(rebasingPlot, 2);

    // The story is rebuilt only while the tab is on screen (when shown, if results came).
    auto* story = new RefreshWhenShown(this, this, [this] { refresh(); });
    connect(document_, &ProjectDocument::resultsChanged, story, &RefreshWhenShown::request);
    refresh();
}

void OverviewView::refresh()
{
    if (!document_->calculationError().isEmpty()) {
        headline_->setText(tr("The results could not be calculated"));
        body_->setText(para(document_->calculationError()));
        return;
    }
    BriefingInputs in;
    in.settlement = &document_->settlement();
    in.projection = &document_->projection();
    in.scenario = &document_->scenario();
    in.experience = &document_->experience();
    in.validity = &document_->validity();
    story_ = briefingStory(in);

    headline_->setText(story_.headline);
    QString html = para(story_.happened) + para(story_.money);
    html += heading(tr("Rebasing or not, over the next five years")) + para(story_.rebasing);
    html += heading(tr("Plans needing attention"));
    if (story_.attention.isEmpty())
        html += para(tr("None: every plan passed its gates."));
    else {
        html += QStringLiteral("<ul style=\"margin-left:-20px\">");
        for (const AttentionItem& a : story_.attention)
            html += QStringLiteral("<li style=\"margin-bottom:4px\"><b>%1</b> (%2): %3.</li>")
                        .arg(a.planName.toHtmlEscaped(), QString::fromStdString(a.planId).toHtmlEscaped(),
                             a.reasons.join(QStringLiteral("; ")).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += heading(tr("What to watch")) + para(story_.watch);
    html += para(tr("What moves the result most: see the Sensitivity tab."));
    if (!document_->notice().isEmpty())
        html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(palette::kWarning.name(), document_->notice().toHtmlEscaped());
    body_->setText(html);
}

} // namespace sharecast::ui
