//! Help where the user is, project settings and the report dialog's choices, walked through the
//! real workbench: tool tips on every assumption field, F1 on a field and on a tab, File ▸
//! Project Settings, the Compare tab's differing assumptions, a chart copied to the clipboard, and
//! the report dialog's sections.

#include "io/project/project_store.h"
#include "io/project/report_settings.h"
#include "io/project/scenario_store.h"
#include "io/scenario/presets.h"
#include "tests/ui/menu_walk.h"
#include "tests/ui/pdf_text.h"
#include "tests/ui/sample_project.h"
#include "ui/analysis/compare_view.h"
#include "ui/assumptions/assumption_help.h"
#include "ui/document/project_document.h"
#include "ui/workbench/help_browser.h"
#include "ui/workbench/main_window.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>

#include <qcustomplot.h>

using namespace sharecast;
using testing::menuAction;
using testing::showActive;

class TestHelpAndSettings : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

    //! A fresh copy of the sample project under name.
    QString freshCopy(const QString& name) const
    {
        return testing::freshCopy(project_, QDir(dir_.path()), name);
    }

    //! The field of the assumptions panel labelled `label`.
    static QWidget* field(ui::MainWindow& w, const QString& label)
    {
        for (QLabel* l : w.findChildren<QLabel*>())
            if (l->text() == label && l->buddy())
                return l->buddy();
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        testing::isolateUserFiles(QDir(dir_.path()));
        project_ = testing::makeSampleProject(QDir(dir_.path()));
    }

    void everyAssumptionFieldExplainsItself()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        auto* panel = w.findChild<QWidget*>(QStringLiteral("assumptions"));
        QVERIFY(panel);
        int fields = 0;
        QStringList missing;
        for (QGroupBox* box : panel->findChildren<QGroupBox*>()) {
            // The scenario's name and description, and the per-measure weights (each named by its
            // measure), are not assumptions with a methodology section of their own.
            if (box->title() == QLatin1String("Scenario") ||
                box->title().startsWith(QLatin1String("Quality measure weights")))
                continue;
            auto* form = qobject_cast<QFormLayout*>(box->layout());
            QVERIFY(form);
            for (int row = 0; row < form->rowCount(); ++row) {
                QLayoutItem* item = form->itemAt(row, QFormLayout::FieldRole);
                if (!item)
                    item = form->itemAt(row, QFormLayout::SpanningRole);
                QWidget* f = item ? item->widget() : nullptr;
                if (!f || qobject_cast<QLabel*>(f) || qobject_cast<QSlider*>(f) || !f->isEnabledTo(panel))
                    continue;
                ++fields;
                if (!f->toolTip().contains(u'§') || f->property(ui::kHelpAnchorProperty).toString().isEmpty())
                    missing << QStringLiteral("%1 row %2 (%3)")
                                   .arg(box->title())
                                   .arg(row)
                                   .arg(f->metaObject()->className());
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
        QVERIFY2(fields >= 60, qPrintable(QString::number(fields)));
        // One field's words, from the help table (ui/assumptions/assumption_help.cpp).
        QWidget* msr = field(w, QStringLiteral("Fixed MSR"));
        QVERIFY(msr);
        QCOMPARE(
            msr->toolTip().section(u'\n', 0, 0),
            QStringLiteral("Savings below this share of expected cost are treated as noise and not shared. "
                           "(§5; F1 for help)"));
    }

    void f1OpensTheHelpOfWhatHasTheFocus()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.resize(1400, 900);
        QVERIFY(showActive(w));

        // On an assumption field: its entry on the assumptions page.
        QWidget* msr = field(w, QStringLiteral("Fixed MSR"));
        QVERIFY(msr);
        msr->setFocus();
        QTRY_VERIFY(msr->hasFocus());
        QTest::keyClick(msr, Qt::Key_F1);
        auto* help = w.findChild<ui::HelpBrowser*>();
        QVERIFY(help);
        QTRY_VERIFY(help->isVisible());
        QCOMPARE(help->page(), ui::HelpTopic::Assumptions);
        QVERIFY(help->browser()->toPlainText().contains(QStringLiteral(
            "Savings below this share of expected cost are treated as noise and not shared.")));
        QVERIFY(help->browser()->verticalScrollBar()->value() > 0); // scrolled to the entry, not the top

        // On the Partnerships tab: the methodology's section on partnerships.
        QWidget* partnerships = nullptr;
        for (QTabWidget* t : w.findChildren<QTabWidget*>())
            for (int i = 0; i < t->count(); ++i)
                if (t->tabText(i).remove(u'&') == QLatin1String("Partnerships")) {
                    t->setCurrentIndex(i);
                    partnerships = t->widget(i);
                }
        QVERIFY(partnerships);
        w.activateWindow();
        partnerships->setFocus();
        QTRY_VERIFY(partnerships->hasFocus() || partnerships->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
        QTRY_COMPARE(help->page(), ui::HelpTopic::Methodology);
        QVERIFY(help->browser()->textCursor().block().text().startsWith(
            QStringLiteral("Partnerships: the three wins")));

        // The topic of a widget outside any explained tab: the guide.
        QCOMPARE(ui::helpTopicFor(nullptr).page, ui::HelpTopic::Guide);
    }

    void projectSettingsThroughTheMenu()
    {
        const QString copy = freshCopy(QStringLiteral("settings.sharecast"));
        {
            ui::MainWindow w;
            QVERIFY(w.openProject(copy));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QAction* settings = menuAction(w, QStringLiteral("File"), QStringLiteral("Project Settings"));
            QVERIFY(settings);
            bool answered = false;
            QTimer::singleShot(0, &w, [&] {
                QDialog* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("actuary_name"));
                auto* qualification =
                    dialog->findChild<QPlainTextEdit*>(QStringLiteral("qualification_statement"));
                QVERIFY(name && qualification);
                QTest::keyClicks(name, QStringLiteral("Jane Doe"));
                qualification->setPlainText(QStringLiteral("I meet the qualification standards."));
                dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
                answered = true;
            });
            settings->trigger();
            QVERIFY(answered);
        }
        // Stored in the project: a new reading of the file sees it.
        const auto store = io::ProjectStore::openForReading(copy);
        const io::ReportSettings s = io::readReportSettings(*store);
        QCOMPARE(s.actuaryName, QStringLiteral("Jane Doe"));
        QCOMPARE(s.qualificationStatement, QStringLiteral("I meet the qualification standards."));
        QCOMPARE(s.purpose, QString());
    }

    void compareListsTheAssumptionsThatDiffer()
    {
        const QString copy = freshCopy(QStringLiteral("compare.sharecast"));
        {
            auto store = io::ProjectStore::open(copy);
            io::ScenarioStore scenarios(*store);
            Scenario a = io::loadPreset(QStringLiteral("straw-proposal-7"));
            a.name = "A";
            Scenario b = a;
            b.name = "B";
            b.msr.rate = 0.01;
            b.sharing.cap = 0.05;
            scenarios.add(a);
            scenarios.add(b);
        }
        ui::MainWindow w;
        QVERIFY(w.openProject(copy));
        ui::CompareView* view = w.compareView();
        QVERIFY(view);
        // The workbench stored its own scenario in the copy when the sample was first opened; A and
        // B are compared, A the reference.
        QList<qint64> ids;
        for (const QString& name : {QStringLiteral("A"), QStringLiteral("B")})
            for (const io::ScenarioInfo& i : w.document()->scenarios())
                if (i.name == name)
                    ids << i.id;
        QCOMPARE(ids.size(), 2);
        view->compare(ids);
        const QList<ui::DifferingAssumption>& d = view->differingAssumptions();
        QStringList keys;
        for (const ui::DifferingAssumption& x : d)
            keys << x.key;
        // The name differs too; the two terms changed by hand, with both values as JSON writes them.
        QCOMPARE(keys, QStringList({"name", "msr.rate", "sharing.cap"}));
        QCOMPARE(d[1].values, QStringList({"0.005", "0.01"}));
        QCOMPARE(d[2].values, QStringList({"0.1", "0.05"}));
        auto* table = view->findChild<QTableWidget*>(QStringLiteral("compareAssumptions"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("msr.rate"));
        auto* tabs = view->findChild<QTabWidget*>(QStringLiteral("compareLowerTabs"));
        QCOMPARE(tabs->tabText(1).remove(u'&'), QStringLiteral("Assumptions that differ (3)"));
    }

    void aChartCopiesItselfAsAnImage()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.resize(1400, 900);
        QVERIFY(showActive(w));
        QCustomPlot* chart = w.chart();
        QVERIFY(chart);
        QApplication::clipboard()->clear();
        for (QTabWidget* t : w.findChildren<QTabWidget*>())
            if (const int i = t->indexOf(chart); i >= 0)
                t->setCurrentIndex(i);
        QTRY_VERIFY(chart->isVisible());
        QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(chart->width() / 2, chart->height() / 2));
        QTRY_VERIFY(chart->hasFocus());
        QAction* copy = menuAction(w, QStringLiteral("Edit"), QStringLiteral("Copy"));
        QVERIFY(copy);
        copy->trigger();
        const QImage image = QApplication::clipboard()->image();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), chart->size() * 2); // twice the on-screen resolution
    }

    void theReportDialogChoosesSections()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction* save = menuAction(w, QStringLiteral("File"), QStringLiteral("Save Report as PDF"));
        QVERIFY(save);
        const QString pdf = dir_.filePath(QStringLiteral("sections.pdf"));
        QFile::remove(pdf);
        int listedInDialog = 0;
        QTimer::singleShot(0, &w, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            auto* sections = box->findChild<QListWidget*>(QStringLiteral("reportSections"));
            QVERIFY(sections);
            listedInDialog = sections->count();
            for (int i = 0; i < sections->count(); ++i)
                if (sections->item(i)->data(Qt::UserRole).toString() == QLatin1String("quality") ||
                    sections->item(i)->data(Qt::UserRole).toString() == QLatin1String("methodology"))
                    sections->item(i)->setCheckState(Qt::Unchecked);
            // No earlier version of the preset scenario in the project: only "none" is offered.
            QCOMPARE(box->findChild<QComboBox*>(QStringLiteral("reportEarlierVersion"))->count(), 1);
            QTimer::singleShot(0, &w, [&] {
                auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                name->setText(pdf);
                QTest::keyClick(name, Qt::Key_Return);
            });
            box->findChild<QPushButton*>(QStringLiteral("internalReport"))->click();
        });
        save->trigger();
        QTRY_VERIFY(QFile::exists(pdf));
        QCOMPARE(listedInDialog, 15);
        const QString text = testing::pdfText(pdf);
        // In the contents ("3  Settlement by plan  5") or not; a left-out section is still named
        // where the text refers to it ("the section “Methodology summary” (not in this report)").
        const auto listed = [&text](const QString& title) {
            return QRegularExpression(QStringLiteral("\\d\\s+") + QRegularExpression::escape(title) +
                                      QStringLiteral("\\s+\\d"))
                .match(text)
                .hasMatch();
        };
        QVERIFY(listed(QStringLiteral("Settlement by plan")));
        QVERIFY(!listed(QStringLiteral("Quality results")));
        QVERIFY(!listed(QStringLiteral("Methodology summary")));
        QVERIFY(text.contains(QStringLiteral("Actuarial standards checklist (ASOP 41 and 56)")));
    }
};

QTEST_MAIN(TestHelpAndSettings)
#include "tst_help_and_settings.moc"
