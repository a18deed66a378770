#include "ui/workbench/project_settings_dialog.h"

#include "ui/workbench/form_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace sharecast::ui {

ProjectSettingsDialog::ProjectSettingsDialog(const io::ReportSettings& settings, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Project Settings"));
    setObjectName(QStringLiteral("projectSettings"));
    auto* intro =
        new QLabel(tr("What every report of this project says about who stands behind it (ASOP No. 41 "
                      "and No. 56). A field left empty is listed as unfilled in the report's checklist; "
                      "the responsible actuary's signature lines are then left blank."));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    for (const io::ReportSettingField& f : io::reportSettingFields()) {
        Field field{&f};
        const QString value = settings.*f.field;
        QWidget* editor = nullptr;
        if (f.multiline) {
            field.text = new QPlainTextEdit(value);
            field.text->setTabChangesFocus(true);
            field.text->setFixedHeight(field.text->fontMetrics().lineSpacing() * 3 + 12);
            editor = field.text;
        } else {
            field.line = new QLineEdit(value);
            editor = field.line;
        }
        editor->setObjectName(QLatin1String(f.key));
        auto* label = new QLabel(tr("%1:").arg(tr(f.label)));
        label->setBuddy(editor);
        form->addRow(label, editor);
        fields_.push_back(field);
    }
    layOutFormDialog(this, intro, form, QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    resize(640, sizeHint().height());
}

io::ReportSettings ProjectSettingsDialog::settings() const
{
    io::ReportSettings s;
    for (const Field& f : fields_)
        s.*f.spec->field = f.text ? f.text->toPlainText().trimmed() : f.line->text().trimmed();
    return s;
}

} // namespace sharecast::ui
