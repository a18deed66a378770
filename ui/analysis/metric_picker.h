#pragma once
//! The metric a sensitivity study measures (methodology §14): a settlement total, statewide or
//! one plan's, or a projection total in a year; with the data it is evaluated on.

#include "engine/metric.h"

#include <QWidget>

class QComboBox;

namespace sharecast::ui {

class ProjectDocument;

//! Three combos: the metric, the plan (statewide or one plan) and, for a projection metric, the
//! year. The Sensitivity view's panes all measure what it shows.
class MetricPicker : public QWidget {
    Q_OBJECT
public:
    explicit MetricPicker(ProjectDocument* document, QWidget* parent = nullptr);

    //! The metric chosen. Throws InputError when it cannot be measured (no projected year).
    Metric metric() const;
    //! What evaluating it needs: the document's data and performance year.
    MetricContext context() const;
    //! How the metric reads in a chart or message: "program net (statewide)", "rate impact 2027 (plan P1)".
    QString title() const;

    //! Chooses a metric by its command-line name (`program_net`, `rate_impact@2027`) and a plan
    //! (empty: statewide); false when there is no such metric, plan or year in the lists.
    bool choose(const QString& name, const QString& plan = {});

Q_SIGNALS:
    //! Another metric, plan or year was chosen.
    void changed();

private:
    void refreshLists(); //!< the plans and projected years of the latest results

    ProjectDocument* document_;
    QComboBox* metric_;
    QComboBox* plan_;
    QComboBox* year_;
};

} // namespace sharecast::ui
