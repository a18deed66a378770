#include "ui/workbench/database_import_dialog.h"

#include "ui/workbench/form_dialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace sharecast::ui {

namespace {

// The remembered fields (never the password).
constexpr const char* kUrlKey = "databaseImport/url";
constexpr const char* kTableKey = "databaseImport/table";
constexpr const char* kColumnMapKey = "databaseImport/columnMap";
constexpr const char* kWhereKey = "databaseImport/where";

QLineEdit* field(const char* name, const QString& text, const QString& placeholder)
{
    auto* edit = new QLineEdit(text);
    edit->setObjectName(QLatin1String(name));
    edit->setPlaceholderText(placeholder);
    return edit;
}

} // namespace

DatabaseImportDialog::DatabaseImportDialog(double truncation, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Import from Database"));
    setObjectName(QStringLiteral("databaseImport"));
    const QSettings settings;
    auto* intro = new QLabel(
        tr("Member rows are aggregated to cells in the database by one SQL statement; only the cells are "
           "read. The password is used for this import only and never saved; left empty, PGPASSWORD or "
           "~/.pgpass is used."));
    intro->setWordWrap(true);
    url_ = field("url", settings.value(QLatin1String(kUrlKey)).toString(),
                 QStringLiteral("postgresql://user@host:5432/database"));
    table_ =
        field("table", settings.value(QLatin1String(kTableKey)).toString(), QStringLiteral("schema.members"));
    columnMap_ = field("columnMap", settings.value(QLatin1String(kColumnMapKey)).toString(),
                       tr("optional: JSON, members.csv column → table column"));
    where_ =
        field("where", settings.value(QLatin1String(kWhereKey)).toString(), tr("optional SQL condition"));
    password_ = field("password", QString(), QString());
    password_->setEchoMode(QLineEdit::Password);
    truncation_ = new QDoubleSpinBox;
    truncation_->setObjectName(QStringLiteral("truncation"));
    truncation_->setRange(1.0, 1e12);
    truncation_->setDecimals(2);
    truncation_->setValue(truncation);

    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Column map"), columnMap_->text(),
                                                          tr("JSON files (*.json)"));
        if (!path.isEmpty())
            columnMap_->setText(path);
    });
    auto* mapRow = new QHBoxLayout;
    mapRow->addWidget(columnMap_);
    mapRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("Connection &URL:"), url_);
    form->addRow(tr("&Table:"), table_);
    auto* mapLabel = new QLabel(tr("&Column map:"), this);
    mapLabel->setBuddy(columnMap_); // a row of a layout gets no buddy by itself: Alt+C, not "&C"
    form->addRow(mapLabel, mapRow);
    form->addRow(tr("&WHERE:"), where_);
    form->addRow(tr("T&runcation per member:"), truncation_);
    form->addRow(tr("&Password:"), password_);

    layOutFormDialog(this, intro, form, QDialogButtonBox::Ok | QDialogButtonBox::Cancel)
        ->button(QDialogButtonBox::Ok)
        ->setText(tr("Import"));
    resize(600, sizeHint().height());
}

io::WarehouseSource DatabaseImportDialog::source() const
{
    io::WarehouseSource s;
    s.url = url_->text().trimmed();
    s.table = table_->text().trimmed();
    s.columnMapPath = columnMap_->text().trimmed();
    s.where = where_->text().trimmed();
    s.password = password_->text();
    return s;
}

double DatabaseImportDialog::truncation() const
{
    return truncation_->value();
}

void DatabaseImportDialog::remember() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kUrlKey), url_->text().trimmed());
    settings.setValue(QLatin1String(kTableKey), table_->text().trimmed());
    settings.setValue(QLatin1String(kColumnMapKey), columnMap_->text().trimmed());
    settings.setValue(QLatin1String(kWhereKey), where_->text().trimmed());
}

} // namespace sharecast::ui
