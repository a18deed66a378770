#pragma once
//! The Overview tab: the year's story in plain words (ui/report/briefing_story), the savings by plan
//! and the cost of not rebasing as charts, and the plans that need attention; recalculated with the
//! document's results, so an assumption edited shows at once in the sentences.

#include "ui/report/briefing_story.h"

#include <QWidget>

class QLabel;
class QCustomPlot;

namespace sharecast::ui {

class ProjectDocument;
class RebasingChartController;
class SavingsChartController;

//! The first tab of the workbench, for policy staff.
class OverviewView : public QWidget {
    Q_OBJECT
public:
    explicit OverviewView(ProjectDocument* document, QWidget* parent = nullptr);

    //! The story shown (as built from the document's latest results).
    const BriefingStory& story() const { return story_; }
    //! The text shown: the headline and the story (plain text of the labels).
    QLabel* headline() const { return headline_; }
    QLabel* body() const { return body_; }
    SavingsChartController* savingsChart() const { return savings_; }
    RebasingChartController* rebasingChart() const { return rebasing_; }

private:
    void refresh();

    ProjectDocument* document_;
    BriefingStory story_;
    QLabel* headline_ = nullptr;
    QLabel* body_ = nullptr;
    SavingsChartController* savings_ = nullptr;
    RebasingChartController* rebasing_ = nullptr;
};

} // namespace sharecast::ui
