//! The Excel workbook of a report without LibreOffice: what the command line accepts and refuses
//! (`report --xlsx`, `--audit-plan`), the workbench's export (an .xlsx file, written whole or not
//! at all), the audit sheet's default plan and its sheet names. The formulas themselves are
//! checked by app_tst_xlsx_libreoffice.

#include "cli/cli.h"
#include "io/report/audit_sheet.h"
#include "io/report/csv_sheet.h"
#include "sample_project.h"
#include "ui/report/report_workbook.h"
#include "ui/workbench/main_window.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace sharecast;

namespace {

struct Run {
    int code;
    QString out, err;
};

Run runCli(const QStringList& args)
{
    const cli::CommandResult r = cli::execute(args);
    return {r.exitCode, r.out, r.err};
}

bool isZip(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(4) == QByteArray("PK\x03\x04", 4);
}

} // namespace

class TestReportWorkbook : public QObject {
    Q_OBJECT

private:
    QTemporaryDir tmp_;
    QString project_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        testing::isolateUserFiles(QDir(tmp_.path()));
        project_ = testing::makeSampleProject(QDir(tmp_.path()));
    }

    void commandLineWritesTheWorkbookWithoutAPdf()
    {
        const QString xlsx = tmp_.filePath(QStringLiteral("a.xlsx"));
        const Run r = runCli({QStringLiteral("report"), QStringLiteral("--project"), project_,
                              QStringLiteral("--scenario"), QStringLiteral("preset:straw-proposal-7"),
                              QStringLiteral("--xlsx"), xlsx});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("wrote %1").arg(xlsx)));
        QVERIFY(isZip(xlsx));
    }

    void commandLineRefusals_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("neither --pdf nor --xlsx")
            << QStringList{} << 2 << QStringLiteral("--pdf OUT.pdf, --xlsx");
        QTest::newRow("--audit-plan without --xlsx")
            << QStringList{QStringLiteral("--pdf"), QStringLiteral("@/x.pdf"), QStringLiteral("--audit-plan"),
                           QStringLiteral("X")}
            << 2 << QStringLiteral("--audit-plan goes with --xlsx");
        QTest::newRow("public") << QStringList{QStringLiteral("--xlsx"), QStringLiteral("@/x.xlsx"),
                                               QStringLiteral("--public")}
                                << 2 << QStringLiteral("not in a --public report");
        QTest::newRow("unknown plan")
            << QStringList{QStringLiteral("--xlsx"), QStringLiteral("@/x.xlsx"),
                           QStringLiteral("--audit-plan"), QStringLiteral("NO-SUCH-PLAN")}
            << 2 << QStringLiteral("audit plan 'NO-SUCH-PLAN' is not in the settlement");
        QTest::newRow("missing folder")
            << QStringList{QStringLiteral("--xlsx"), QStringLiteral("@/missing/x.xlsx")} << 2
            << QStringLiteral("the folder does not exist");
    }

    void commandLineRefusals()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        QFETCH(QString, message);
        const QString dir = tmp_.filePath(QStringLiteral("refused"));
        QDir().mkpath(dir);
        for (QString& a : extra)
            a.replace(QStringLiteral("@"), dir);
        const Run r =
            runCli(QStringList{QStringLiteral("report"), QStringLiteral("--project"), project_,
                               QStringLiteral("--scenario"), QStringLiteral("preset:straw-proposal-7")} +
                   extra);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(QDir(dir).entryList(QDir::Files).isEmpty()); // nothing written, not even the PDF
    }

    void workbenchExport()
    {
        auto doc = ui::ProjectDocument::open(project_);
        doc->recalculate();
        const Settlement& s = doc->settlement();
        QVERIFY(!s.plans.empty());

        // The default audit plan: the first plan paid, else the first plan.
        const std::string first = io::defaultAuditPlan(s);
        const auto paid = std::find_if(s.plans.begin(), s.plans.end(),
                                       [](const PlanSettlement& p) { return p.payment.payment != 0.0; });
        QCOMPARE(first, paid != s.plans.end() ? paid->planId : s.plans.front().planId);

        const QString path = tmp_.filePath(QStringLiteral("workbench.xlsx"));
        QCOMPARE(ui::exportReportWorkbook(*doc, path, {}), QString());
        QVERIFY(isZip(path));
        const qint64 size = QFileInfo(path).size();

        // A failed export names the file and leaves the previous one as it was.
        const QString problem = ui::exportReportWorkbook(*doc, path, {"NO-SUCH-PLAN"});
        QVERIFY2(problem.contains(QStringLiteral("NO-SUCH-PLAN")), qPrintable(problem));
        QCOMPARE(QFileInfo(path).size(), size);
        const QString missing = tmp_.filePath(QStringLiteral("no/such/folder/w.xlsx"));
        const QString unwritable = ui::exportReportWorkbook(*doc, missing, {});
        QVERIFY2(unwritable.contains(missing), qPrintable(unwritable));
        QVERIFY(!QFileInfo::exists(missing));
    }

    //! File ▸ Export to Excel… asks for the audit sheet's plan (the first plan paid proposed), then
    //! the file, writes the workbook and says so in the status bar.
    void workbenchMenu()
    {
        ui::MainWindow w;
        QVERIFY(w.openProject(project_));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction* action = nullptr;
        for (QAction* menu : w.menuBar()->actions())
            if (menu->text().remove(u'&') == QLatin1String("File"))
                for (QAction* a : menu->menu()->actions())
                    if (a->text().remove(u'&').startsWith(QLatin1String("Export to Excel")))
                        action = a;
        QVERIFY(action);
        const QString path = tmp_.filePath(QStringLiteral("menu.xlsx"));
        QString proposed;
        QTimer::singleShot(0, &w, [&] {
            auto* ask = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(ask);
            proposed = ask->textValue();
            QTimer::singleShot(0, &w, [&] {
                auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                QVERIFY(name);
                name->setText(path);
                QTest::keyClick(name, Qt::Key_Return);
            });
            ask->accept();
        });
        action->trigger();
        QTRY_VERIFY(QFileInfo::exists(path));
        QVERIFY(isZip(path));
        QCOMPARE(proposed.toStdString(), io::defaultAuditPlan(w.document()->settlement()));
        QVERIFY2(w.statusBar()->currentMessage().contains(path), qPrintable(w.statusBar()->currentMessage()));
    }

    void sheetNamesAndColumnFormats()
    {
        QCOMPARE(ui::auditSheetName("A"), QStringLiteral("Audit A"));
        QCOMPARE(ui::auditSheetName("a/b:c"), QStringLiteral("Audit a_b_c"));
        QCOMPARE(ui::auditSheetName(std::string(40, 'x')).size(), 31);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("plan_payment")), io::XlsxStyle::Money);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("federal_share")), io::XlsxStyle::Money);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("share_rate")), io::XlsxStyle::Percent);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("msr")), io::XlsxStyle::Percent);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("members")), io::XlsxStyle::Members);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("rate_rebased_pmpm")), io::XlsxStyle::Money);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("quality_score")), io::XlsxStyle::Plain);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("year")), io::XlsxStyle::Plain);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("mlr_remittance")), io::XlsxStyle::Money);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("mlr_b")), io::XlsxStyle::Percent);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("savings_rate_difference")), io::XlsxStyle::Percent);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("net_state_saving_nonrebased")), io::XlsxStyle::Money);
        QCOMPARE(io::csvColumnStyle(QStringLiteral("members_needed")), io::XlsxStyle::Plain);
    }
};

QTEST_MAIN(TestReportWorkbook)
#include "tst_report_workbook.moc"
