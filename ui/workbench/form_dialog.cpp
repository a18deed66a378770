#include "ui/workbench/form_dialog.h"

#include <QDialog>
#include <QFormLayout>
#include <QVBoxLayout>

namespace sharecast::ui {

QDialogButtonBox* layOutFormDialog(QDialog* dialog, QWidget* intro, QFormLayout* form,
                                   QDialogButtonBox::StandardButtons buttons)
{
    auto* box = new QDialogButtonBox(buttons);
    QObject::connect(box, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(box);
    return box;
}

} // namespace sharecast::ui
