#pragma once
//! Walking the workbench as a user does: a menu's action found by its text, the window shown and
//! active so that keys go to its widgets.

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QString>
#include <QTest>

namespace sharecast::testing {

//! A menu action of the main window by the start of its text (without the & mnemonic):
//! "Undo" finds "Undo Change the plan share".
inline QAction* menuAction(QMainWindow& w, const QString& menu, const QString& text)
{
    for (QAction* m : w.menuBar()->actions())
        if (m->text().remove(u'&') == menu && m->menu())
            for (QAction* a : m->menu()->actions())
                if (a->text().remove(u'&').startsWith(text))
                    return a;
    return nullptr;
}

//! Shows the window and waits until it is active (keyboard focus goes to its widgets).
inline bool showActive(QWidget& w)
{
    w.show();
    w.activateWindow();
    return QTest::qWaitForWindowActive(&w);
}

} // namespace sharecast::testing
