#include "ui/report/report_drivers_choice.h"

#include "io/json/scenario_edit.h"
#include "io/report/sensitivity_table.h"
#include "ui/report/report_renderer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QVBoxLayout>

namespace sharecast::ui {

ReportDriversChoice::ReportDriversChoice(const Scenario& scenario, QWidget* parent)
    : QWidget(parent),
      include_(new QCheckBox(tr("Add “What drives the result”: a tornado of the assumptions"))),
      metric_(new QComboBox), keys_(new QListWidget)
{
    include_->setObjectName(QStringLiteral("reportDrivers"));
    metric_->setObjectName(QStringLiteral("reportDriversMetric"));
    keys_->setObjectName(QStringLiteral("reportDriversKeys"));
    const std::pair<const char*, QString> metrics[] = {
        {"program_net", tr("Program net")},     {"plan_payment", tr("Plan payments")},
        {"gross_savings", tr("Gross savings")}, {"state_share", tr("State share")},
        {"federal_share", tr("Federal share")}, {"expected", tr("Expected cost")},
        {"actual", tr("Actual cost")}};
    for (const auto& [name, label] : metrics)
        metric_->addItem(label, QString::fromLatin1(name));
    std::vector<std::string> keys;
    try {
        keys = io::scenarioNumberKeys(scenario);
    } catch (const std::exception&) {
        keys.clear(); // a scenario that cannot be written has no keys to offer
    }
    for (const std::string& k : keys) {
        auto* item = new QListWidgetItem(QString::fromStdString(k), keys_);
        // A key whose ±10 % the scenario rules refuse (baseline weights that must sum to 1, say)
        // would stop the report: it is listed, unticked and disabled, with the reason.
        try {
            const io::SensitivityRow range = io::sensitivityRange(scenario, io::SensitivityKey{k, {}, {}});
            (void)io::withScenarioNumber(scenario, k, range.low);
            (void)io::withScenarioNumber(scenario, k, range.high);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        } catch (const std::exception& e) {
            item->setFlags(Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            item->setToolTip(QString::fromUtf8(e.what()));
        }
    }
    keys_->setMinimumHeight(150);

    auto* details = new QWidget;
    auto* form = new QFormLayout(details);
    form->setContentsMargins(20, 0, 0, 0);
    form->addRow(tr("Metric:"), metric_);
    form->addRow(tr("Assumptions:"), keys_);
    auto* note =
        new QLabel(tr("Each ticked assumption is moved ±10 % with every other as it stands; the "
                      "report shows the 15 that move the metric most, sensitivity.csv all of them."));
    note->setWordWrap(true);
    form->addRow(note);
    details->setEnabled(false);
    connect(include_, &QCheckBox::toggled, details, &QWidget::setEnabled);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 6);
    layout->addWidget(include_);
    layout->addWidget(details);
}

void insertAboveButtons(QMessageBox& box, QWidget* widget)
{
    auto* grid = qobject_cast<QGridLayout*>(box.layout());
    if (!grid) {
        box.layout()->addWidget(widget);
        return;
    }
    // Insert the row above the buttons, which move one row down.
    for (int i = 0; i < grid->count(); ++i) {
        auto* buttons = qobject_cast<QDialogButtonBox*>(grid->itemAt(i)->widget());
        if (!buttons)
            continue;
        int row = 0, column = 0, rows = 0, columns = 0;
        grid->getItemPosition(i, &row, &column, &rows, &columns);
        delete grid->takeAt(i);
        grid->addWidget(widget, row, 0, 1, grid->columnCount());
        grid->addWidget(buttons, row + 1, column, rows, columns);
        return;
    }
    grid->addWidget(widget, grid->rowCount(), 0, 1, grid->columnCount());
}

void ReportDriversChoice::addTo(QMessageBox& box)
{
    insertAboveButtons(box, this);
}

void ReportDriversChoice::apply(ReportOptions& options) const
{
    options.drivers.reset();
    if (!include_->isChecked())
        return;
    ReportDrivers d;
    d.metric = metric_->currentData().toString().toStdString();
    for (int i = 0; i < keys_->count(); ++i)
        if (keys_->item(i)->checkState() == Qt::Checked)
            d.keys.push_back(io::SensitivityKey{keys_->item(i)->text().toStdString(), {}, {}});
    if (!d.keys.empty())
        options.drivers = d;
}

} // namespace sharecast::ui
