#include "ui/report/report_sections_choice.h"

#include "io/project/scenario_store.h"
#include "ui/document/project_document.h"
#include "ui/report/report_drivers_choice.h"
#include "ui/report/report_renderer.h"

#include <QComboBox>
#include <QFormLayout>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>

namespace sharecast::ui {

ReportSectionsChoice::ReportSectionsChoice(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), sections_(new QListWidget), earlier_(new QComboBox)
{
    sections_->setObjectName(QStringLiteral("reportSections"));
    earlier_->setObjectName(QStringLiteral("reportEarlierVersion"));
    for (const ReportSection& s : reportSections()) {
        auto* item =
            new QListWidgetItem(s.always ? s.title : tr("%1 (when it has figures)").arg(s.title), sections_);
        item->setData(Qt::UserRole, s.key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
    }
    sections_->setMinimumHeight(120);
    sections_->setToolTip(tr("Untick a section to leave it out; Space ticks or unticks the selected one."));

    earlier_->addItem(tr("No earlier version"), 0);
    if (document_ && document_->scenarioId()) {
        try {
            io::ScenarioStore store(document_->store());
            const io::ScenarioInfo info = store.info(*document_->scenarioId());
            // With unsaved edits, the saved version itself is the previous one.
            const int newest = document_->isModified() ? info.version : info.version - 1;
            for (const io::ScenarioVersionInfo& v : store.history(info.id))
                if (v.version <= newest)
                    earlier_->addItem(tr("Version %1 of “%2”, saved %3")
                                          .arg(v.version)
                                          .arg(info.name, QLocale().toString(v.savedAt.toLocalTime(),
                                                                             QLocale::ShortFormat)),
                                      v.version);
            earlier_->setCurrentIndex(earlier_->count() - 1); // the most recent earlier version
        } catch (const std::exception&) {
            // A project whose history cannot be read offers no earlier version.
        }
    }
    earlier_->setToolTip(
        tr("The report's ASOP checklist lists the assumptions changed since this version and the "
           "change of the headline figures."));

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 6, 0, 6);
    form->addRow(tr("&Sections:"), sections_);
    form->addRow(tr("&Changes since:"), earlier_);
}

void ReportSectionsChoice::addTo(QMessageBox& box)
{
    insertAboveButtons(box, this);
}

void ReportSectionsChoice::apply(ReportOptions& options) const
{
    options.omittedSections.clear();
    for (int i = 0; i < sections_->count(); ++i)
        if (sections_->item(i)->checkState() != Qt::Checked)
            options.omittedSections << sections_->item(i)->data(Qt::UserRole).toString();
    options.earlier.reset();
    options.earlierSource.clear();
    const int version = earlier_->currentData().toInt();
    if (version < 1 || !document_ || !document_->scenarioId())
        return;
    io::ScenarioStore store(document_->store());
    options.earlier = store.load(*document_->scenarioId(), version);
    options.earlierSource =
        earlier_->currentText().replace(QStringLiteral("Version"), QStringLiteral("version"));
}

} // namespace sharecast::ui
