#pragma once
//! File ▸ Project Settings: the report settings a signed report prints (the responsible actuary
//! and qualification statement, intended users, purpose, reliance on others, conflicts of
//! interest), kept in the project so that every report of it carries them.

#include "io/project/report_settings.h"

#include <QDialog>

#include <vector>

class QLineEdit;
class QPlainTextEdit;

namespace sharecast::ui {

class ProjectSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ProjectSettingsDialog(const io::ReportSettings& settings, QWidget* parent = nullptr);

    //! The settings as the form holds them.
    io::ReportSettings settings() const;

private:
    struct Field {
        const io::ReportSettingField* spec;
        QLineEdit* line = nullptr;
        QPlainTextEdit* text = nullptr;
    };
    std::vector<Field> fields_;
};

} // namespace sharecast::ui
