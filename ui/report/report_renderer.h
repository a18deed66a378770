#pragma once
//! The stakeholder briefing: a PDF (or printed) report of one scenario's settlement, projection,
//! quality results, assumptions, data provenance, methodology and disclosures, optionally
//! compared with a second scenario; and the CSV files that accompany it.

#include "engine/regional_rates.h"
#include "engine/scenario.h"
#include "engine/settlement.h"
#include "engine/validity.h"
#include "io/report/report_csv.h"
#include "io/report/sensitivity_table.h"
#include "ui/report/report_drivers.h"
#include "ui/report/report_layout.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

class QPagedPaintDevice;

namespace sharecast::ui {

class ProjectDocument;

//! What to put in a report and how.
struct ReportOptions {
    bool suppressSmallCells = false; //!< public briefing: small cells suppressed and marked
    QDate reportDate;                //!< the date printed on the report; today when null
    QString scenarioSource;          //!< where the scenario came from (e.g. "bundled preset …");
                                     //!< derived from the document when empty
    QString projectFile;             //!< the project's file as the user knows it; the document's
                                     //!< path when empty (a report may read a private snapshot)
    std::optional<Scenario> compare; //!< a second scenario: adds the comparison section
    QString compareSource;           //!< where the second scenario came from
    //! Adds the section "What drives the result" (methodology §14) and sensitivity.csv.
    std::optional<ReportDrivers> drivers;
    //! An earlier version to report the material changes against (ASOP 41 §3.5): the scenario
    //! diff and the change of the headline figures; none: the checklist says so.
    std::optional<Scenario> earlier;
    QString earlierSource; //!< "version 2 of 'X', saved …"
    //! Sections left out (reportSections() keys); the cover and its contents list the others.
    QStringList omittedSections;
};

//! A section the report can hold: its key (`report --sections`) and its title.
struct ReportSection {
    QString key;
    QString title;
    bool always; //!< in every report (optional ones appear only when their figures exist)
};

//! Every section, in report order.
QList<ReportSection> reportSections();

//! Checks `keys` against reportSections(); throws InputError naming an unknown key.
void checkSectionKeys(const QStringList& keys);

//! What a rendered report holds (for the command line and the tests).
struct ReportInfo {
    int pages = 0;
    QList<report::TocEntry> sections; //!< every section with its first page
    QStringList problems;             //!< layout problems (a table too wide, an overfull summary)
};

//! What a report computes beyond the document's results, once for the PDF and its CSV files:
//! the compared settlement, the public version's suppression (chosen once for every table) and
//! the §13 Monte Carlo with the scenario's draws and seed.
struct ReportFigures {
    std::optional<Settlement> compare;
    io::ReportCsvOptions csv;
    Validity validity; //!< closed forms and Monte Carlo, with each draw's statewide sums
    std::optional<io::SensitivityTable> drivers; //!< the tornado, when the options ask for it
    //! Without it, the executive summary's top three drivers: the program net over every numeric
    //! assumption ±10 % (empty when one of them cannot be varied).
    std::optional<io::SensitivityTable> summaryDrivers;
    std::optional<RegionalRates> regional; //!< when the scenario configures regional_rates
    std::optional<Settlement> earlier;     //!< ReportOptions::earlier settled on the same data
};

//! The figures of a report of the document's current results. Throws sharecast::InputError when
//! the results could not be calculated, no public version can be made, the comparison fails, or
//! the tornado cannot be made (a bad key, metric or range, or a plan a public report suppresses).
ReportFigures reportFigures(const ProjectDocument& document, const ReportOptions& options);

//! The headline figures of the executive summary exactly as printed, in order: label and text
//! ("Expected cost" → "$62,712,345,678"). Statewide figures are sums of the plans' figures
//! rounded to cents (what `sharecast settle` writes), printed to the dollar and in $ millions.
QList<QPair<QString, QString>> reportHeadlines(const ProjectDocument& document);

//! Lays out and paints the report of the document's current scenario and results onto device
//! (a QPdfWriter or a QPrinter; the fonts are registered first). Throws sharecast::InputError
//! when the document's results could not be calculated or the comparison scenario fails.
ReportInfo renderReport(ProjectDocument& document, const ReportOptions& options, QPagedPaintDevice* device);
//! The same with figures already computed by reportFigures() for these options.
ReportInfo renderReport(ProjectDocument& document, const ReportOptions& options, const ReportFigures& figures,
                        QPagedPaintDevice* device);

//! The report as PDF bytes: QPdfWriter at 300 dpi, US Letter, DejaVu fonts embedded. Throws as
//! renderReport(); an empty result means painting failed.
QByteArray renderReportPdf(ProjectDocument& document, const ReportOptions& options,
                           ReportInfo* info = nullptr);
//! The same with figures already computed by reportFigures() for these options.
QByteArray renderReportPdf(ProjectDocument& document, const ReportOptions& options,
                           const ReportFigures& figures, ReportInfo* info = nullptr);

//! The CSV files of the report, name and bytes: settlement.csv, projection.csv, assumptions.csv,
//! trace.csv, validity.csv (`sharecast validity`'s, suppressed in a public report),
//! comparison.csv with a comparison scenario, sensitivity.csv (`sharecast sensitivity`'s) with
//! the section "What drives the result", regional_rates.csv (`sharecast rates --regional`'s)
//! when the scenario configures regional rates, and partnerships_ledger.csv (`sharecast
//! partnerships`'s) when the project has a partnership ledger for the year; these two only when the
//! report is not public.
QList<QPair<QString, QByteArray>> reportCsvFiles(const ProjectDocument& document,
                                                 const ReportOptions& options);
//! The same with figures already computed by reportFigures() for these options.
QList<QPair<QString, QByteArray>> reportCsvFiles(const ProjectDocument& document,
                                                 const ReportOptions& options, const ReportFigures& figures);

} // namespace sharecast::ui
