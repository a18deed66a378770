#pragma once
//! The one layout of the workbench's form dialogs: an introduction, a form, the buttons.

#include <QDialogButtonBox>

class QDialog;
class QFormLayout;
class QWidget;

namespace sharecast::ui {

//! Lays out `dialog` as intro over form over a button box of `buttons` (accept and reject wired
//! to the dialog's) and returns the box, for renaming a button.
QDialogButtonBox* layOutFormDialog(QDialog* dialog, QWidget* intro, QFormLayout* form,
                                   QDialogButtonBox::StandardButtons buttons);

} // namespace sharecast::ui
