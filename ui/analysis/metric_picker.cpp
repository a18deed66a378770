#include "ui/analysis/metric_picker.h"

#include "engine/error.h"
#include "ui/document/project_document.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <algorithm>

namespace sharecast::ui {

namespace {

//! The metrics of §14 by command-line name, with what the combo shows.
struct MetricName {
    const char* name;
    const char* label;
    bool projection;
};
constexpr MetricName kMetrics[] = {
    {"program_net", QT_TRANSLATE_NOOP("MetricPicker", "Program net"), false},
    {"state_share", QT_TRANSLATE_NOOP("MetricPicker", "State share"), false},
    {"federal_share", QT_TRANSLATE_NOOP("MetricPicker", "Federal share"), false},
    {"plan_payment", QT_TRANSLATE_NOOP("MetricPicker", "Plan payments"), false},
    {"gross_savings", QT_TRANSLATE_NOOP("MetricPicker", "Gross savings"), false},
    {"expected", QT_TRANSLATE_NOOP("MetricPicker", "Expected cost"), false},
    {"actual", QT_TRANSLATE_NOOP("MetricPicker", "Actual cost"), false},
    {"rate_impact", QT_TRANSLATE_NOOP("MetricPicker", "Rate impact (projection)"), true},
    {"net_state_saving_nonrebased",
     QT_TRANSLATE_NOOP("MetricPicker", "Net state saving, non-rebased (projection)"), true},
    {"net_state_saving_rebased", QT_TRANSLATE_NOOP("MetricPicker", "Net state saving, rebased (projection)"),
     true},
};

} // namespace

MetricPicker::MetricPicker(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), metric_(new QComboBox), plan_(new QComboBox), year_(new QComboBox)
{
    metric_->setObjectName(QStringLiteral("sensitivityMetric"));
    plan_->setObjectName(QStringLiteral("sensitivityPlan"));
    year_->setObjectName(QStringLiteral("sensitivityYear"));
    for (const MetricName& m : kMetrics)
        metric_->addItem(tr(m.label), QString::fromLatin1(m.name));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Metric")));
    row->addWidget(metric_);
    row->addWidget(new QLabel(tr("for")));
    row->addWidget(plan_);
    row->addWidget(new QLabel(tr("in")));
    row->addWidget(year_);
    row->addStretch(1);
    refreshLists();
    connect(document_, &ProjectDocument::resultsChanged, this, &MetricPicker::refreshLists);
    for (QComboBox* box : {metric_, plan_, year_})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            year_->setEnabled(kMetrics[metric_->currentIndex()].projection);
            Q_EMIT changed();
        });
    year_->setEnabled(false);
}

void MetricPicker::refreshLists()
{
    const QString plan = plan_->currentData().toString();
    const QVariant year = year_->currentData();
    QStringList plans;
    for (const PlanSettlement& p : document_->settlement().plans)
        plans << QString::fromStdString(p.planId);
    QList<int> years;
    for (const ProjectionYear& y : document_->projection().all)
        years << y.year;
    const QSignalBlocker blockPlan(plan_), blockYear(year_);
    bool plansChanged = plan_->count() != plans.size() + 1, yearsChanged = year_->count() != years.size();
    for (int i = 0; !plansChanged && i < plans.size(); ++i)
        plansChanged = plan_->itemData(i + 1).toString() != plans[i];
    for (int i = 0; !yearsChanged && i < years.size(); ++i)
        yearsChanged = year_->itemData(i).toInt() != years[i];
    if (plansChanged) {
        plan_->clear();
        plan_->addItem(tr("Statewide"), QString());
        for (const QString& p : plans)
            plan_->addItem(tr("plan %1").arg(p), p);
        plan_->setCurrentIndex(std::max(0, plan_->findData(plan)));
    }
    if (yearsChanged) {
        year_->clear();
        for (int y : years)
            year_->addItem(QString::number(y), y);
        // The first projected year unless one was chosen.
        year_->setCurrentIndex(std::max(0, year_->findData(year)));
    }
}

Metric MetricPicker::metric() const
{
    const MetricName& m = kMetrics[metric_->currentIndex()];
    std::string name = m.name;
    if (m.projection) {
        if (year_->count() == 0)
            throw InputError("the projection has no years to measure");
        name += "@" + std::to_string(year_->currentData().toInt());
    }
    const QString plan = plan_->currentData().toString();
    return parseMetric(name, plan.isEmpty() ? std::nullopt : std::optional(plan.toStdString()));
}

MetricContext MetricPicker::context() const
{
    MetricContext c;
    c.index = &document_->index();
    c.quality = document_->quality();
    c.year = document_->performanceYear();
    return c;
}

QString MetricPicker::title() const
{
    const MetricName& m = kMetrics[metric_->currentIndex()];
    QString t = metric_->currentText().remove(tr(" (projection)"));
    if (m.projection)
        t += QStringLiteral(" ") + year_->currentText();
    const QString plan = plan_->currentData().toString();
    return plan.isEmpty() ? tr("%1, statewide").arg(t) : tr("%1, plan %2").arg(t, plan);
}

bool MetricPicker::choose(const QString& name, const QString& plan)
{
    const qsizetype at = name.indexOf(u'@');
    const int m = metric_->findData(at < 0 ? name : name.left(at));
    const int p = plan_->findData(plan);
    const int y = at < 0 ? year_->currentIndex() : year_->findData(name.mid(at + 1).toInt());
    if (m < 0 || p < 0 || y < 0)
        return false;
    {
        const QSignalBlocker b1(metric_), b2(plan_), b3(year_);
        metric_->setCurrentIndex(m);
        plan_->setCurrentIndex(p);
        year_->setCurrentIndex(y);
    }
    year_->setEnabled(kMetrics[m].projection);
    Q_EMIT changed();
    return true;
}

} // namespace sharecast::ui
