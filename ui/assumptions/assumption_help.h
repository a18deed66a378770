#pragma once
//! One sentence per assumption field of the workbench: what it does, and the methodology section
//! that defines it. The fields' tool tips show it, F1 opens its entry on the help page, and the
//! help page lists every entry (so that the two never disagree).

#include <QList>
#include <QString>

namespace sharecast::ui {

//! The property of a field widget that holds its help page anchor (F1 finds it on the focus chain).
inline constexpr const char* kHelpAnchorProperty = "sharecastHelpAnchor";

//! The help of one field.
struct FieldHelp {
    QString label;   //!< the field's label in the assumptions panel
    QString text;    //!< one sentence: what the field does
    QString section; //!< the methodology section, e.g. "§5"
    QString anchor;  //!< the help page's anchor of the field
};

//! The help of the field with this label (its label in the panel, without a trailing colon or
//! mnemonic &); null label when there is none.
FieldHelp fieldHelp(const QString& label);

//! Every field's help, in the order of the panel.
const QList<FieldHelp>& allFieldHelp();

//! The tool tip of a field: its sentence and section ("… (§5)").
QString fieldToolTip(const FieldHelp& help);

//! The help page of the assumptions: every field's sentence under its section, each with its
//! anchor, as HTML.
QString assumptionsHelpHtml();

} // namespace sharecast::ui
