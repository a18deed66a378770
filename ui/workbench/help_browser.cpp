#include "ui/workbench/help_browser.h"

#include "ui/assumptions/assumption_help.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QHBoxLayout>
#include <QListWidget>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

namespace sharecast::ui {

namespace {

//! A Markdown page from the resources, without its images (screenshots that live beside the
//! sources, not in the application).
QString markdownPage(const QString& resource)
{
    QFile f(resource);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("# Help\n\nThis page (%1) is missing from the application.").arg(resource);
    QString text = QString::fromUtf8(f.readAll());
    static const QRegularExpression image(QStringLiteral("^!\\[[^\\]]*\\]\\([^)]*\\)\\s*$"),
                                          QRegularExpression::MultilineOption);
    text.remove(image);
    return text;
}

//! The methodology heading (docs/methodology.md) that explains a workbench tab, by its title.
QString methodologyHeadingOfTab(const QString& tab)
{
    static const QList<std::pair<QString, QString>> headings = {
        {QStringLiteral("Partnerships"), QStringLiteral("Partnerships: the three wins")},
        {QStringLiteral("Funding flows"), QStringLiteral("Funding flows")},
        {QStringLiteral("Program years"), QStringLiteral("Program years")},
        {QStringLiteral("Sensitivity"), QStringLiteral("What drives the result in the report")},
        {QStringLiteral("Uncertainty"), QStringLiteral("How much of a result is chance")},
        {QStringLiteral("Regional rates"), QStringLiteral("Regional rates")},
    };
    for (const auto& [title, heading] : headings)
        if (tab.startsWith(title))
            return heading;
    return {};
}

} // namespace

HelpTopic helpTopicFor(const QWidget* focus)
{
    for (const QWidget* w = focus; w; w = w->parentWidget()) {
        const QString anchor = w->property(kHelpAnchorProperty).toString();
        if (!anchor.isEmpty())
            return {HelpTopic::Assumptions, anchor};
        if (w->objectName() == QLatin1String("assumptions") ||
            w->objectName() == QLatin1String("assumptionsDock"))
            return {HelpTopic::Assumptions, {}};
        // The tab the focus is on: the innermost tab whose title the methodology explains.
        if (const auto* tabs = qobject_cast<const QTabWidget*>(
                w->parentWidget() ? w->parentWidget()->parentWidget() : nullptr)) {
            const int i = tabs->indexOf(const_cast<QWidget*>(w));
            if (i >= 0) {
                const QString heading = methodologyHeadingOfTab(tabs->tabText(i).remove(u'&'));
                if (!heading.isEmpty())
                    return {HelpTopic::Methodology, heading};
            }
        }
    }
    return {HelpTopic::Guide, QStringLiteral("The workbench")};
}

HelpBrowser::HelpBrowser(QWidget* parent)
    : QDialog(parent), pages_(new QListWidget), browser_(new QTextBrowser)
{
    setObjectName(QStringLiteral("helpBrowser"));
    setWindowTitle(tr("Sharecast Help"));
    pages_->addItems({tr("Guide to the workbench"), tr("Assumptions"), tr("Methodology")});
    pages_->setMaximumWidth(200);
    browser_->setOpenExternalLinks(true);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(pages_);
    layout->addWidget(browser_, 1);
    resize(980, 720);
    connect(pages_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && (!loaded_ || static_cast<int>(page_) != row))
            loadPage(static_cast<HelpTopic::Page>(row));
    });
}

void HelpBrowser::loadPage(HelpTopic::Page page)
{
    page_ = page;
    loaded_ = true;
    switch (page) {
    case HelpTopic::Guide:
        browser_->setMarkdown(markdownPage(QStringLiteral(":/sharecast/help/guide.md")));
        break;
    case HelpTopic::Assumptions: browser_->setHtml(assumptionsHelpHtml()); break;
    case HelpTopic::Methodology:
        browser_->setMarkdown(markdownPage(QStringLiteral(":/sharecast/help/methodology.md")));
        break;
    }
    const QSignalBlocker block(pages_);
    pages_->setCurrentRow(static_cast<int>(page));
}

void HelpBrowser::showTopic(const HelpTopic& topic)
{
    if (!loaded_ || topic.page != page_)
        loadPage(topic.page);
    browser_->verticalScrollBar()->setValue(0);
    if (!topic.place.isEmpty()) {
        if (topic.page == HelpTopic::Assumptions) {
            browser_->scrollToAnchor(topic.place);
        } else {
            // A Markdown heading: the first block that starts with its text.
            QTextDocument* doc = browser_->document();
            for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
                if (b.blockFormat().headingLevel() > 0 && b.text().startsWith(topic.place)) {
                    const QRectF r = doc->documentLayout()->blockBoundingRect(b);
                    browser_->verticalScrollBar()->setValue(static_cast<int>(r.top()));
                    QTextCursor c(b);
                    browser_->setTextCursor(c);
                    break;
                }
        }
    }
    show();
    raise();
    activateWindow();
}

} // namespace sharecast::ui
