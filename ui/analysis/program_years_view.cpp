#include "ui/analysis/program_years_view.h"

#include "ui/charts/program_years_chart.h"
#include "ui/document/fit_columns.h"
#include "ui/document/frozen_column_table_view.h"
#include "ui/document/program_years.h"
#include "ui/document/program_years_model.h"
#include "ui/document/project_document.h"
#include "ui/document/refresh_when_shown.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace sharecast::ui {

ProgramYearsView::ProgramYearsView(ProjectDocument* document, QWidget* parent) : QWidget(parent)
{
    program_ = new ProgramYears(document, this);

    auto* layout = new QVBoxLayout(this);
    auto* range = new QHBoxLayout;
    const Year minYear = document->index().minYear();
    const Year maxYear = document->index().maxYear();
    auto makeSpin = [&](const QString& name, Year value) {
        auto* spin = new QSpinBox;
        spin->setObjectName(name);
        spin->setRange(minYear, maxYear);
        spin->setValue(value);
        spin->setToolTip(tr("Each program year settles with the scenario's by_year terms for it; with "
                            "no baseline years given, year Y settles on Y − 1"));
        connect(spin, &QSpinBox::valueChanged, this, &ProgramYearsView::yearsEdited);
        return spin;
    };
    const bool none = program_->firstYear() > program_->lastYear();
    first_ = makeSpin(QStringLiteral("programFirstYear"), none ? maxYear : program_->firstYear());
    last_ = makeSpin(QStringLiteral("programLastYear"), none ? maxYear : program_->lastYear());
    range->addWidget(new QLabel(tr("Program years from")));
    range->addWidget(first_);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(last_);
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("programStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    range->addWidget(status_, 1);
    layout->addLayout(range);

    auto* plot = new QCustomPlot;
    plot->setObjectName(QStringLiteral("programYearsChart"));
    chart_ = new ProgramYearsChartController(program_, plot, plot);

    model_ = new ProgramYearsModel(program_, this);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model_);
    proxy->setSortRole(Qt::UserRole);
    table_ = new FrozenColumnTableView(2); // plan and name stay in view while the years scroll
    table_->setObjectName(QStringLiteral("programYearsTable"));
    table_->setModel(proxy);
    table_->setSortingEnabled(true);
    table_->sortByColumn(0, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->setVisible(false);
    new FitColumnsToContents(table_);

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(plot);
    split->addWidget(table_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(program_, &ProgramYears::changed, this, &ProgramYearsView::refreshStatus);
    // Three settlements or so: only while the view is on screen (when shown, if results came).
    auto* settle = new RefreshWhenShown(this, this, [this] { program_->recalculate(); });
    connect(document, &ProjectDocument::resultsChanged, settle, &RefreshWhenShown::request);
    refreshStatus();
}

void ProgramYearsView::yearsEdited()
{
    // Keep first <= last: the box the user did not touch follows the other.
    if (first_->value() > last_->value()) {
        const QSignalBlocker blockFirst(first_);
        const QSignalBlocker blockLast(last_);
        if (sender() == first_)
            last_->setValue(first_->value());
        else
            first_->setValue(last_->value());
    }
    program_->setYears(first_->value(), last_->value());
}

void ProgramYearsView::refreshStatus()
{
    if (!program_->error().isEmpty()) {
        status_->setStyleSheet(QStringLiteral("color: #b01e1e;"));
        status_->setText(program_->error());
        status_->setToolTip({});
        return;
    }
    const ProgramSettlement& p = program_->program();
    status_->setStyleSheet(QStringLiteral("color: #444;"));
    QString text = tr("%n program year(s) settled in %1 ms", nullptr, static_cast<int>(p.years.size()))
                       .arg(program_->lastCalculationMs(), 0, 'f', 1);
    if (!p.warnings.empty())
        text += tr(" · %n warning(s) (hover to read)", nullptr, static_cast<int>(p.warnings.size()));
    status_->setText(text);
    QString tip;
    for (const std::string& w : p.warnings)
        tip += QString::fromStdString(w) + u'\n';
    status_->setToolTip(tip.trimmed());
}

} // namespace sharecast::ui
