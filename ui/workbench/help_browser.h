#pragma once
//! The help shipped with the application (no network, no browser): the workbench guide (the
//! README), every assumption field's help, and the methodology (docs/methodology.md), opened by
//! F1 at the page and place of what has the focus.

#include <QDialog>
#include <QString>

class QListWidget;
class QTextBrowser;
class QWidget;

namespace sharecast::ui {

//! A place in the help: a page and, on it, an anchor (HTML pages) or a heading's text (the
//! Markdown pages), empty for the top.
struct HelpTopic {
    enum Page { Guide, Assumptions, Methodology };
    Page page = Guide;
    QString place;
};

//! The help topic of a widget that has the focus: an assumption field's entry, the methodology's
//! heading of a tab (Partnerships, Program years, …), else the guide's workbench section.
HelpTopic helpTopicFor(const QWidget* focus);

class HelpBrowser : public QDialog {
    Q_OBJECT
public:
    explicit HelpBrowser(QWidget* parent = nullptr);

    //! Shows the page and scrolls to the place (the top when it is not found).
    void showTopic(const HelpTopic& topic);

    //! The page shown and its text (for the tests).
    HelpTopic::Page page() const { return page_; }
    QTextBrowser* browser() const { return browser_; }

private:
    void loadPage(HelpTopic::Page page);

    QListWidget* pages_;
    QTextBrowser* browser_;
    HelpTopic::Page page_ = HelpTopic::Guide;
    bool loaded_ = false;
};

} // namespace sharecast::ui
