#include "ui/report/report_renderer.h"

#include "engine/disclosure.h"
#include "engine/error.h"
#include "engine/rounding.h"
#include "engine/settlement.h"
#include "engine/statewide_totals.h"
#include "io/csv/partnerships_ledger_csv.h"
#include "io/csv/regional_rates_csv.h"
#include "io/json/scenario_edit.h"
#include "io/project/report_settings.h"
#include "io/report/report_csv.h"
#include "io/scenario/scenario_diff.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"
#include "ui/report/briefing_story.h"
#include "ui/report/report_asop.h"
#include "ui/report/report_assumptions.h"
#include "ui/report/report_chance.h"
#include "ui/report/report_charts.h"
#include "ui/report/report_drivers.h"
#include "ui/report/report_format.h"
#include "ui/report/report_partnerships.h"
#include "ui/report/report_regional.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>

namespace sharecast::ui {

using report::count;
using report::dollars;
using report::millions;
using report::Orientation;
using report::PageFlow;
using report::percent;
using report::pmpm;
using report::Table;
using report::TableColumn;
using report::TableRow;
using report::TextStyle;

namespace {

const QString kStar = QString::fromLatin1(disclosure::kMark);
const QString kSuppressedNote = QStringLiteral(
    "Small cells suppressed: figures from fewer than 11 members and counts from 1 to 10 are shown as “*”.");

QString passFail(bool passed)
{
    return passed ? QStringLiteral("passed") : QStringLiteral("failed");
}

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

QString longDate(const QDate& d)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(d, QStringLiteral("MMMM d, yyyy"));
}

QString utcTime(const QDateTime& t)
{
    return t.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" UTC");
}

//! The seven headline figures: label and value.
struct Headline {
    QString label;
    double value = 0.0;
    QString meaning;
};

//! The program net's label and meaning under the payment model (§9).
QString programNetLabel(PaymentModel model)
{
    return model == PaymentModel::Capitation ? QStringLiteral("Transfer to the state")
                                             : QStringLiteral("Program net");
}

QList<Headline> headlinesOf(const Settlement& s, PaymentModel model)
{
    const StatewideTotals t = statewideTotals(s);
    const bool capitation = model == PaymentModel::Capitation;
    return {
        {QStringLiteral("Expected cost"), t.expected,
         QStringLiteral("benchmark E fixed before the year (§2)")},
        {QStringLiteral("Actual cost"), t.actual, QStringLiteral("A (§3)")},
        {QStringLiteral("Gross savings"), t.grossSavings, QStringLiteral("G = E − A (§4)")},
        {QStringLiteral("Plan payments"), t.payments, QStringLiteral("P, shared savings paid to plans (§8)")},
        {programNetLabel(model), t.programNet,
         capitation ? QStringLiteral("T = G − P: the savings the plans hold under capitation less their "
                                     "share, returned to the state, all funds; a loss stays with the plan "
                                     "unless losses are shared (§9)")
                    : QStringLiteral("G − P, kept by the program, all funds (§8, §9)")},
        {QStringLiteral("Federal share"), t.federal, QStringLiteral("of the program net, by FMAP (§9)")},
        {QStringLiteral("State share"), t.state, QStringLiteral("of the program net (§9)")}};
}

Settlement settleScenario(const ProjectDocument& doc, const Scenario& s, bool trace)
{
    SettlementOptions o;
    o.year = doc.performanceYear(); // the reported scenario's year, as the Compare view does
    o.trace = trace;
    return settle(doc.index(), doc.quality(), s, o);
}

//! Flattened entries with each list of plain values (`a[0]`, `a[1]`, …) as one entry `a`.
std::vector<io::AssumptionEntry> mergeLists(const std::vector<io::AssumptionEntry>& entries)
{
    static const QRegularExpression element(QStringLiteral("^(.*)\\[\\d+\\]$"));
    std::vector<io::AssumptionEntry> out;
    for (const io::AssumptionEntry& e : entries) {
        const QRegularExpressionMatch m = element.match(e.key);
        if (m.hasMatch() && !out.empty() && out.back().key == m.captured(1)) {
            out.back().value += QStringLiteral(", ") + e.value;
            continue;
        }
        out.push_back(m.hasMatch() ? io::AssumptionEntry{m.captured(1), e.value} : e);
    }
    return out;
}

QString scenarioName(const Scenario& s)
{
    return s.name.empty() ? QStringLiteral("(unnamed scenario)") : text(s.name);
}

//! "quality years 2019–2024" for records with a `year`; empty for none.
template <typename Records> QString yearSpan(const QString& what, const Records& records)
{
    if (records.empty())
        return {};
    Year lo = records.front().year, hi = lo;
    for (const auto& r : records) {
        lo = std::min(lo, r.year);
        hi = std::max(hi, r.year);
    }
    return QStringLiteral("%1 years %2–%3").arg(what).arg(lo).arg(hi);
}

//! The change from a to b of two amounts rounded to cents, in whole dollars.
QString change(double a, double b)
{
    return dollars(roundTo(b, 2) - roundTo(a, 2));
}

// ---- Tables ---------------------------------------------------------------------------------
// Every table of the report is made the same way: a caption, its columns (text left-aligned,
// figures right-aligned, flags centred) and a font size; rows naming a plan whose figures may be
// suppressed; notes, to which the public version adds the small-cell note (Builder::figureTable).

//! Columns of one kind, one for each header.
QList<TableColumn> columnsOf(const QStringList& headers, Qt::Alignment align, bool wrap = false,
                             bool mono = false)
{
    QList<TableColumn> columns;
    for (const QString& header : headers)
        columns.append(TableColumn{header, align, wrap, mono});
    return columns;
}

//! Left-aligned columns of text; `wrap`: the text may wrap onto several lines (names, reasons).
QList<TableColumn> textColumns(const QStringList& headers, bool wrap = false)
{
    return columnsOf(headers, Qt::AlignLeft, wrap);
}

//! Left-aligned monospace columns (keys, digests).
QList<TableColumn> monoColumns(const QStringList& headers, bool wrap = false)
{
    return columnsOf(headers, Qt::AlignLeft, wrap, true);
}

//! Right-aligned columns of figures.
QList<TableColumn> figureColumns(const QStringList& headers)
{
    return columnsOf(headers, Qt::AlignRight);
}

//! Centred columns of flags ("yes", "passed").
QList<TableColumn> flagColumns(const QStringList& headers)
{
    return columnsOf(headers, Qt::AlignCenter);
}

//! A table with its caption (none: no caption line), columns and font size in points.
Table makeTable(const QString& caption, const QList<TableColumn>& columns, double fontPt = 7.5)
{
    Table t;
    t.caption = caption;
    t.columns = columns;
    t.fontPt = fontPt;
    return t;
}

//! A row naming a plan (or a plan and a year) in its lead cells, then its figures, each shown as
//! "*" when `hide` (the figures are suppressed in the public version).
TableRow maskedRow(QStringList lead, const QStringList& figures, bool hide, bool ruleAbove = false)
{
    for (const QString& figure : figures)
        lead << (hide ? kStar : figure);
    return TableRow{lead, false, ruleAbove};
}

// ---- The report ------------------------------------------------------------------------------

//! The report's numbered sections, in the order they appear.
enum class SectionId {
    Summary,
    Comparison, //!< only when the report compares two scenarios
    Settlement,
    Chance,
    Drivers, //!< only when the options ask for it
    Projection,
    Regional,     //!< only when the scenario configures regional rates
    Partnerships, //!< only when the project has partnerships data
    Quality,
    Assumptions,
    Provenance,
    Methodology,
    Disclosures,
    Asop,
    ProjectionByPlan, //!< the appendix: the projection's per-plan rows
    Count
};

class Builder {
public:
    Builder(ProjectDocument& doc, const ReportOptions& options, const ReportFigures& figures,
            QPaintDevice* device)
        : doc_(doc), options_(options), flow_(device), dpi_(device->logicalDpiY()),
          public_(options.suppressSmallCells), csv_(figures.csv), compare_(figures.compare),
          validity_(figures.validity), drivers_(figures.drivers), summaryDrivers_(figures.summaryDrivers),
          regional_(figures.regional), settings_(io::readReportSettings(doc.store())),
          earlier_(figures.earlier)
    {
        date_ = options.reportDate.isValid() ? options.reportDate : QDate::currentDate();
        for (const PlanSettlement& p : doc_.settlement().plans)
            if (io::isSuppressedPlan(p, csv_))
                suppressed_.insert(text(p.planId));
    }

    //! One numbered section: its title and the function that lays it out under its heading.
    struct Section {
        SectionId id;
        const char* key; //!< ReportOptions::omittedSections, `report --sections`
        const char* title;
        void (Builder::*render)(const QString& heading);
    };
    void build()
    {
        const Settlement& s = doc_.settlement();
        for (const Section& section : allSections())
            if ((section.id != SectionId::Comparison || compare_) &&
                (section.id != SectionId::Drivers || (drivers_ && options_.drivers)) &&
                (section.id != SectionId::Regional || regional_) &&
                (section.id != SectionId::Partnerships || hasPartnerships()) &&
                !options_.omittedSections.contains(QLatin1String(section.key)))
                sections_.push_back(&section);

        QString footer = QStringLiteral("Report date %1").arg(longDate(date_));
        if (doc_.isSynthetic())
            footer += QStringLiteral(" · SYNTHETIC DATA: not real Medi-Cal experience");
        flow_.setRunningText(QStringLiteral("Shared-savings briefing · %1 · performance year %2")
                                 .arg(scenarioName(doc_.scenario()))
                                 .arg(s.year),
                             doc_.title(), footer,
                             public_ ? QStringLiteral("Small cells suppressed") : QString());
        charts_ = std::make_unique<report::ReportCharts>(&doc_, suppressed_);
        flow_.setSourceLine(
            QStringLiteral("Source: Sharecast settlement and projection of %1, scenario “%2”, "
                           "performance year %3.")
                .arg(doc_.title(), scenarioName(doc_.scenario()))
                .arg(s.year));

        cover();
        for (const Section* section : sections_)
            (this->*section->render)(heading(section->id));
    }

    PageFlow& flow() { return flow_; }
    QStringList problems;

private:
    //! The suppressed plans, sorted: "P13, P99".
    QString suppressedList() const
    {
        QStringList ids = suppressed_.values();
        ids.sort();
        return ids.join(QStringLiteral(", "));
    }

    // ---- Tables -----------------------------------------------------------------------------

    //! Appends one row for each plan of the settlement: its id (and name, when `named`), then the
    //! cells `figures` gives for it, each "*" for a plan whose figures are suppressed.
    void addPlanRows(Table& t, bool named,
                     const std::function<QStringList(const PlanSettlement&)>& figures) const
    {
        for (const PlanSettlement& p : doc_.settlement().plans) {
            QStringList lead{text(p.planId)};
            if (named)
                lead << text(doc_.experience().planName(p.planId));
            t.rows.append(maskedRow(lead, figures(p), io::isSuppressedPlan(p, csv_)));
        }
    }

    //! Lays out a table of figures that may be suppressed: the public version adds the small-cell
    //! note to its notes.
    void figureTable(Table t)
    {
        if (public_)
            t.notes << kSuppressedNote;
        flow_.table(t);
    }

    // ---- Cover ----------------------------------------------------------------------------
    void cover()
    {
        flow_.newPage(Orientation::Portrait);
        const double s = flow_.scale();
        const QString project = doc_.title();
        const QString scenario = scenarioName(doc_.scenario());
        flow_.block(150, [=](QPainter& p, const QRectF& r) {
            p.setPen(palette::kAccent);
            p.setFont(PageFlow::font(9.5, true));
            p.drawText(QRectF(r.left(), r.top(), r.width(), 16 * s), Qt::AlignLeft | Qt::AlignTop,
                       QStringLiteral("SHARECAST  ·  ACTUARIAL BRIEFING"));
            p.setPen(QPen(palette::kAccent, 2.0 * s));
            p.drawLine(QPointF(r.left(), r.top() + 20 * s), QPointF(r.right(), r.top() + 20 * s));
            p.setFont(PageFlow::font(22, true));
            p.setPen(palette::kText);
            p.drawText(QRectF(r.left(), r.top() + 34 * s, r.width(), 60 * s),
                       Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                       QStringLiteral("Shared-savings settlement\nand five-year projection"));
            p.setFont(PageFlow::font(13));
            p.setPen(palette::kAccent);
            p.drawText(QRectF(r.left(), r.top() + 104 * s, r.width(), 44 * s),
                       Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                       QStringLiteral("Scenario: %1").arg(scenario));
        });

        Table facts = makeTable(QString(), textColumns({"Item"}) + textColumns({"Detail"}, true), 9.0);
        auto fact = [&](const QString& k, const QString& v) { facts.rows.append(TableRow{{k, v}}); };
        fact(QStringLiteral("Project"), project);
        fact(QStringLiteral("Scenario"), scenario);
        fact(QStringLiteral("Scenario source"), scenarioSource());
        if (compare_)
            fact(QStringLiteral("Compared with"),
                 scenarioName(*options_.compare) +
                     (options_.compareSource.isEmpty()
                          ? QString()
                          : QStringLiteral(" (%1)").arg(options_.compareSource)));
        fact(QStringLiteral("Performance year"), QString::number(doc_.settlement().year));
        QStringList baseline;
        for (Year y : doc_.settlement().baseline.years)
            baseline << QString::number(y);
        fact(QStringLiteral("Baseline years"), baseline.join(QStringLiteral(", ")));
        fact(QStringLiteral("Projection years"), projectionYears());
        for (const QString& line : dataAsOf())
            fact(QStringLiteral("Data as of"), line);
        fact(QStringLiteral("Report date"), longDate(date_));
        flow_.table(facts);

        if (doc_.isSynthetic())
            flow_.box(QStringLiteral("Synthetic data"), syntheticNotice(), true);
        if (public_)
            flow_.box(
                QStringLiteral("Small cells suppressed"),
                QStringLiteral(
                    "This is a public version. Figures derived from fewer than 11 members, and counts from "
                    "1 to 10, are replaced by “*” in every table and in the CSV files; a plan with fewer "
                    "than 11 members has all its figures suppressed, and so has the next-smallest plan when "
                    "it is the only one, so that no suppressed plan is the statewide total minus the plans "
                    "shown. Statewide totals include every plan."),
                true);

        // Contents (pages are known when the page is painted).
        const QFont tf = PageFlow::font(11, true), lf = PageFlow::font(9.5);
        QStringList titles;
        for (const Section* section : sections_)
            titles << heading(section->id);
        const PageFlow* flow = &flow_;
        flow_.space(6);
        flow_.block(22 + 15.0 * titles.size(), [=](QPainter& p, const QRectF& r) {
            p.setFont(tf);
            p.setPen(palette::kAccent);
            p.drawText(QRectF(r.left(), r.top(), r.width(), 18 * s), Qt::AlignLeft | Qt::AlignTop,
                       QStringLiteral("Contents"));
            p.setFont(lf);
            p.setPen(palette::kText);
            double y = r.top() + 22 * s;
            for (const QString& title : titles) {
                int page = 0;
                for (const report::TocEntry& e : flow->contents())
                    if (e.title == title)
                        page = e.page;
                const QRectF line(r.left(), y, r.width(), 15 * s);
                p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title);
                p.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QString::number(page));
                y += 15 * s;
            }
        });
    }

    QString scenarioSource() const
    {
        if (!options_.scenarioSource.isEmpty())
            return options_.scenarioSource;
        if (doc_.scenarioId()) {
            for (const io::ScenarioInfo& info : doc_.scenarios())
                if (info.id == *doc_.scenarioId())
                    return QStringLiteral("stored in the project, version %1 saved %2%3")
                        .arg(info.version)
                        .arg(utcTime(info.modified))
                        .arg(doc_.isModified() ? QStringLiteral(", with unsaved edits") : QString());
        }
        return QStringLiteral("edited in the workbench, not saved");
    }

    QString projectionYears() const
    {
        const Projection& p = doc_.projection();
        if (p.all.empty())
            return QStringLiteral("none");
        return QStringLiteral("%1–%2 (from %3 experience)")
            .arg(p.all.front().year)
            .arg(p.all.back().year)
            .arg(p.startYear);
    }

    QStringList dataAsOf() const
    {
        QStringList lines;
        for (const io::DatasetInfo& d : doc_.datasets()) {
            if (!d.active)
                continue;
            QString years;
            if (d.kind == io::DatasetKind::Experience || d.kind == io::DatasetKind::Members)
                years = QStringLiteral("experience years %1–%2")
                            .arg(doc_.index().minYear())
                            .arg(doc_.index().maxYear());
            else if (d.kind == io::DatasetKind::Quality && doc_.quality())
                years = yearSpan(QStringLiteral("quality"), doc_.quality()->records);
            else if (d.kind == io::DatasetKind::Partnerships && doc_.partnerships())
                years = yearSpan(QStringLiteral("partnership"), doc_.partnerships()->records);
            lines << QStringLiteral("%1, %2; imported %3")
                         .arg(d.provenance.sourceName, years, utcTime(d.provenance.importedAt));
        }
        return lines;
    }

    QString syntheticNotice() const
    {
        const QString notice = doc_.notice();
        return (notice.isEmpty() ? QStringLiteral("SYNTHETIC DATA.") : notice) +
               QStringLiteral(" Every plan, name and figure in this report was invented by Sharecast's "
                              "sample generator. "
                              "Do not use it to draw conclusions about any real plan, county or program.");
    }

    // ---- Executive summary ------------------------------------------------------------------
    //! The year's story in plain words (ui/report/briefing_story: no symbol, formula or section
    //! number), the savings by plan and the cost of not rebasing: one page for a director.
    void summary(const QString& title)
    {
        flow_.section(title, Orientation::Portrait);
        const int firstPage = flow_.currentPage();
        const Settlement& s = doc_.settlement();
        BriefingInputs in;
        in.settlement = &s;
        in.projection = &doc_.projection();
        in.scenario = &doc_.scenario();
        in.experience = &doc_.experience();
        in.validity = &validity_;
        in.drivers = drivers_ && options_.drivers ? &*drivers_
                     : summaryDrivers_            ? &*summaryDrivers_
                                                  : nullptr;
        for (const QString& id : suppressed_)
            in.hiddenPlans.insert(id.toStdString());
        const BriefingStory story = briefingStory(in);

        flow_.paragraph(story.headline, TextStyle::Lead);
        flow_.paragraph(story.happened + u' ' + story.money);
        flow_.heading(QStringLiteral("Rebasing or not, over the next five years"), 40);
        flow_.paragraph(story.rebasing);
        flow_.heading(QStringLiteral("What moves the result most"), 30);
        const bool quick = in.drivers && in.drivers == (summaryDrivers_ ? &*summaryDrivers_ : nullptr);
        flow_.paragraph(story.drivers +
                        (quick ? QStringLiteral(" Each assumption was moved 10 % up and down, one at a time.")
                               : QString()));
        flow_.heading(QStringLiteral("Plans needing attention"), 30);
        if (story.attention.isEmpty())
            flow_.paragraph(QStringLiteral("None: every plan passed its gates."), TextStyle::Small);
        else {
            QStringList items;
            const qsizetype shown = story.attention.size() > 3 ? 2 : story.attention.size();
            for (qsizetype i = 0; i < shown; ++i) {
                const AttentionItem& a = story.attention[i];
                items << QStringLiteral("%1: %2.").arg(a.planName, a.reasons.join(QStringLiteral("; ")));
            }
            if (shown < story.attention.size())
                items << QStringLiteral("%1 more plans: see the settlement by plan.")
                             .arg(story.attention.size() - shown);
            flow_.bullets(items, TextStyle::Small);
        }
        flow_.heading(QStringLiteral("What to watch"), 30);
        flow_.paragraph(story.watch);

        // The two charts side by side in what is left of the page.
        const double notes = 2 * 9.0 * 1.25 + (public_ ? 2 * 9.0 * 1.25 : 0.0);
        const double height = std::max(150.0, flow_.remainingPt() - 2 * 11.0 * 1.25 - notes - 16.0);
        QStringList chartNotes;
        if (public_ && !suppressed_.isEmpty())
            chartNotes << QStringLiteral("Small cells suppressed: no bars for %1 (fewer than 11 members, or "
                                         "suppressed with such a plan so that totals do not reveal it).")
                              .arg(suppressedList());
        QCustomPlot* savings = charts_->savings();
        QCustomPlot* rebasing = charts_->rebasing();
        const double dpi = dpi_, gap = 12.0 * flow_.scale();
        flow_.figure(
            QStringLiteral("Figure 1. Left: savings by plan in %1 and what the plans were paid. Right: the "
                           "program’s saving with rates rebased and not, and the yearly difference, %2–%3 "
                           "($ millions, state and federal)")
                .arg(s.year)
                .arg(story.outlook.firstYear)
                .arg(story.outlook.lastYear),
            height,
            [savings, rebasing, dpi, gap](QCPPainter& p, const QRectF& r) {
                const double w = (r.width() - gap) / 2.0;
                report::drawPlot(savings, p, QRectF(r.left(), r.top(), w, r.height()), dpi);
                report::drawPlot(rebasing, p, QRectF(r.left() + w + gap, r.top(), w, r.height()), dpi);
            },
            chartNotes);
        if (flow_.currentPage() != firstPage)
            problems << QStringLiteral("the executive summary runs over one page");
    }

    static constexpr std::size_t kSectionCount = static_cast<std::size_t>(SectionId::Count);

    //! Every section, in report order: each SectionId once, at its own place (checked when compiled).
    static const std::array<Section, kSectionCount>& allSections()
    {
        static constexpr std::array<Section, kSectionCount> kAll{{
            {SectionId::Summary, "summary", "Executive summary", &Builder::summary},
            {SectionId::Comparison, "comparison", "Scenario comparison", &Builder::comparison},
            {SectionId::Settlement, "settlement", "Settlement by plan", &Builder::settlement},
            {SectionId::Chance, "chance", "How much of this is chance", &Builder::chance},
            {SectionId::Drivers, "drivers", "What drives the result", &Builder::drivers},
            {SectionId::Projection, "projection", "Five-year projection", &Builder::projection},
            {SectionId::Regional, "regional", "Regional rates", &Builder::regional},
            {SectionId::Partnerships, "partnerships", "Partnerships: the three wins", &Builder::partnerships},
            {SectionId::Quality, "quality", "Quality results", &Builder::quality},
            {SectionId::Assumptions, "assumptions", "Assumptions", &Builder::assumptions},
            {SectionId::Provenance, "provenance", "Data provenance", &Builder::provenance},
            {SectionId::Methodology, "methodology", "Methodology summary", &Builder::methodology},
            {SectionId::Disclosures, "disclosures", "Disclosures", &Builder::disclosures},
            {SectionId::Asop, "asop", "Actuarial standards checklist (ASOP 41 and 56)", &Builder::asop},
            {SectionId::ProjectionByPlan, "appendix", "Appendix: projection by plan",
             &Builder::projectionByPlan},
        }};
        static_assert(
            [] {
                for (std::size_t i = 0; i < kAll.size(); ++i)
                    if (kAll[i].id != static_cast<SectionId>(i) || !kAll[i].key || !kAll[i].title ||
                        !kAll[i].render)
                        return false;
                return true;
            }(),
            "every SectionId needs its entry, in SectionId order");
        return kAll;
    }

public:
    static const std::array<Section, kSectionCount>& sectionTable() { return allSections(); }

private:
    //! The number of a section this report has (1 for the first); 0 when the report leaves it out.
    int sectionNumber(SectionId id) const
    {
        for (std::size_t i = 0; i < sections_.size(); ++i)
            if (sections_[i]->id == id)
                return static_cast<int>(i) + 1;
        return 0;
    }

    //! How the text refers to a section: "Section 3", or by its title when this report leaves it out.
    QString sectionRef(SectionId id) const
    {
        if (const int n = sectionNumber(id))
            return QStringLiteral("Section %1").arg(n);
        return QStringLiteral("the section “%1” (not in this report)")
            .arg(QString::fromUtf8(allSections()[static_cast<std::size_t>(id)].title));
    }

    //! A section's heading, as the contents list it: "3  Settlement by plan".
    QString heading(SectionId id) const
    {
        return QStringLiteral("%1  %2")
            .arg(sectionNumber(id))
            .arg(QString::fromUtf8(allSections()[static_cast<std::size_t>(id)].title));
    }

    // ---- Comparison -------------------------------------------------------------------------
    void comparison(const QString& title)
    {
        flow_.section(title, Orientation::Portrait);
        const Settlement& a = doc_.settlement();
        const Settlement& b = *compare_;
        const QString nameA = scenarioName(doc_.scenario()), nameB = scenarioName(*options_.compare);
        flow_.paragraph(
            QStringLiteral(
                "Scenario A is “%1” (performance year %2); scenario B is “%3” (performance year %4). "
                "Both settle the same data. Differences are B − A.")
                .arg(nameA)
                .arg(a.year)
                .arg(nameB)
                .arg(b.year));
        const PaymentModel model = doc_.scenario().paymentModel;
        const QList<Headline> ha = headlinesOf(a, model), hb = headlinesOf(b, model);
        const int n = sectionNumber(SectionId::Comparison);
        Table t = makeTable(
            QStringLiteral("Table %1.1. Statewide figures, A and B").arg(n),
            textColumns({"Figure"}) + figureColumns({"Scenario A", "Scenario B", "Change (B − A)"}), 8.0);
        for (int i = 0; i < ha.size(); ++i)
            t.rows.append(TableRow{
                {ha[i].label, dollars(ha[i].value), dollars(hb[i].value), change(ha[i].value, hb[i].value)}});
        auto eligibleCount = [](const Settlement& s) {
            int eligible = 0;
            for (const PlanSettlement& p : s.plans)
                eligible += p.eligible ? 1 : 0;
            return eligible;
        };
        t.rows.append(TableRow{{QStringLiteral("Eligible plans"), QString::number(eligibleCount(a)),
                                QString::number(eligibleCount(b)),
                                QString::number(eligibleCount(b) - eligibleCount(a))}});
        figureTable(t);

        std::map<std::string, std::pair<const PlanSettlement*, const PlanSettlement*>> plans;
        for (const PlanSettlement& p : a.plans)
            plans[p.planId].first = &p;
        for (const PlanSettlement& p : b.plans)
            plans[p.planId].second = &p;
        Table pt =
            makeTable(QStringLiteral("Table %1.2. Plan payments and program net by plan, A and B").arg(n),
                      textColumns({"Plan"}) + flagColumns({"Eligible A / B"}) +
                          figureColumns({"Payment A", "Payment B", "Change", "Program net A", "Program net B",
                                         "Change"}));
        for (const auto& [id, pair] : plans) {
            const auto [pa, pb] = pair;
            const bool hide =
                (pa && io::isSuppressedPlan(*pa, csv_)) || (pb && io::isSuppressedPlan(*pb, csv_));
            auto yes = [](const PlanSettlement* p) {
                return p ? (p->eligible ? QStringLiteral("yes") : QStringLiteral("no")) : QStringLiteral("—");
            };
            auto money = [](const PlanSettlement* p, double x) {
                return p ? dollars(x) : QStringLiteral("—");
            };
            const double payA = pa ? pa->payment.payment : 0.0, payB = pb ? pb->payment.payment : 0.0;
            const double netA = pa ? pa->programNet : 0.0, netB = pb ? pb->programNet : 0.0;
            pt.rows.append(
                maskedRow({text(id)},
                          {yes(pa) + QStringLiteral(" / ") + yes(pb), money(pa, payA), money(pb, payB),
                           change(payA, payB), money(pa, netA), money(pb, netB), change(netA, netB)},
                          hide));
        }
        pt.rows.append(TableRow{{QStringLiteral("Statewide"), QString(), dollars(ha[3].value),
                                 dollars(hb[3].value), change(ha[3].value, hb[3].value), dollars(ha[4].value),
                                 dollars(hb[4].value), change(ha[4].value, hb[4].value)},
                                true});
        figureTable(pt);

        // Assumptions that differ, by JSON key (lists of plain values compared whole).
        const std::vector<io::AssumptionEntry> ea = mergeLists(io::flattenScenario(doc_.scenario()));
        const std::vector<io::AssumptionEntry> eb = mergeLists(io::flattenScenario(*options_.compare));
        std::map<QString, std::pair<QString, QString>> keys;
        QStringList order;
        for (const io::AssumptionEntry& e : ea) {
            keys[e.key].first = e.value;
            order << e.key;
        }
        for (const io::AssumptionEntry& e : eb) {
            if (!keys.count(e.key))
                order << e.key;
            keys[e.key].second = e.value;
        }
        Table dt = makeTable(
            QStringLiteral("Table %1.3. Assumptions that differ (JSON key; values as in the scenario files)")
                .arg(n),
            monoColumns({"Key"}, true) + textColumns({"A", "B"}, true));
        for (const QString& k : order) {
            const auto& [va, vb] = keys[k];
            if (va == vb || k == u"description")
                continue;
            auto shown = [](const QString& v) {
                if (v.isNull())
                    return QStringLiteral("(absent)");
                return v.size() > 160 ? v.left(157) + QStringLiteral("…") : v;
            };
            dt.rows.append(TableRow{{k, shown(va), shown(vb)}});
        }
        if (dt.rows.isEmpty())
            flow_.paragraph(QStringLiteral("The two scenarios have the same assumptions."));
        else
            flow_.table(dt);
    }

    // ---- Settlement ---------------------------------------------------------------------------
    void settlement(const QString& title)
    {
        flow_.section(title, Orientation::Landscape);
        const Settlement& s = doc_.settlement();
        const int n = sectionNumber(SectionId::Settlement);
        flow_.paragraph(
            QStringLiteral(
                "Each plan’s settlement for performance year %1 on the %2 baseline, as “sharecast settle” "
                "computes it (one row per plan of its output, split into two tables). Money is shown "
                "to the dollar; the CSV file carries cents.")
                .arg(s.year)
                .arg(baselineText()),
            TextStyle::Small);
        const StatewideTotals tot = statewideTotals(s);

        // The statewide figures with their symbols and sections (the summary tells them in words).
        const PaymentModel model = doc_.scenario().paymentModel;
        Table h = makeTable(
            QStringLiteral("Table %1.1. Statewide settlement, performance year %2").arg(n).arg(s.year),
            textColumns({"Figure"}) + figureColumns({"$ millions", "Dollars"}) +
                textColumns({"Meaning"}, true),
            8.5);
        for (const Headline& x : headlinesOf(s, model))
            h.rows.append(TableRow{{x.label, millions(x.value), dollars(x.value), x.meaning},
                                   x.label == programNetLabel(model)});
        h.notes << QStringLiteral(
            "Statewide figures are the sums of the plan figures below as “sharecast settle” "
            "writes them (each rounded to the cent), shown to the dollar and in $ millions.");
        figureTable(h);

        Table a = makeTable(QStringLiteral("Table %1.2. Costs and savings by plan").arg(n),
                            textColumns({"Plan"}) + textColumns({"Name"}, true) +
                                figureColumns({"Members (average)", "Expected cost", "Actual cost",
                                               "Gross savings", "Savings rate", "MSR", "MLR"}));
        addPlanRows(a, true, [](const PlanSettlement& p) {
            return QStringList{count(p.members),
                               dollars(p.expected),
                               dollars(p.actual),
                               dollars(p.grossSavings),
                               p.savingsRate ? percent(*p.savingsRate) : QStringLiteral("n/a"),
                               percent(p.msr.rate),
                               percent(p.mlr.rate)};
        });
        a.rows.append(
            TableRow{{QStringLiteral("Statewide"), QString(), count(tot.members), dollars(tot.expected),
                      dollars(tot.actual), dollars(tot.grossSavings),
                      tot.expected != 0.0 ? percent(tot.grossSavings / tot.expected) : QStringLiteral("n/a"),
                      QString(), QString()},
                     true});
        a.notes << QStringLiteral(
            "Members: average enrollment N = member months / 12 over the settled cells. Expected cost "
            "E (§2), actual cost A (§3), gross savings G = E − A (§4; resource-use savings under that "
            "basis, §7), savings rate S = G / E. MSR and MLR: minimum savings and loss rates (§5).");
        figureTable(a);

        Table b = makeTable(
            QStringLiteral("Table %1.3. Eligibility, plan payments and the federal/state split by plan")
                .arg(n),
            textColumns({"Plan"}) + figureColumns({"Quality score"}) +
                flagColumns({"Quality gate", "TCC trend gate", "Guardrail", "Eligible"}) +
                figureColumns({"Share rate", "Plan payment", "Program net", "Federal share", "State share"}));
        addPlanRows(b, false, [](const PlanSettlement& p) {
            return QStringList{
                p.quality.composite ? formatNumber(*p.quality.composite, 1) : QStringLiteral("NA"),
                passFail(p.quality.gatePassed),
                p.tccTrend.enabled ? passFail(p.tccTrend.passed) : QStringLiteral("off"),
                p.appropriateness.enabled
                    ? (p.appropriateness.tripped ? QStringLiteral("tripped") : QStringLiteral("ok"))
                    : QStringLiteral("off"),
                p.eligible ? QStringLiteral("yes") : QStringLiteral("no"),
                percent(p.shareRate, 1),
                dollars(p.payment.payment),
                dollars(p.programNet),
                dollars(p.split.federal),
                dollars(p.split.state)};
        });
        b.rows.append(TableRow{{QStringLiteral("Statewide"), QString(), QString(), QString(), QString(),
                                QString(), QString(), dollars(tot.payments), dollars(tot.programNet),
                                dollars(tot.federal), dollars(tot.state)},
                               true});
        b.notes << QStringLiteral(
            "Quality score: composite Q on 0–100 (§6; NA when too few measures are reportable). Gates "
            "(§6, §8): “off” when the scenario does not use the gate; the guardrail “tripped” when "
            "denials or grievances rose beyond the limits. Share rate ρ (§8). Plan payment P: positive "
            "to the plan, negative owed by it. Program net G − P (payment model ffs), or under capitation "
            "the transfer T from the plan to the state (G − P, or 0 for a loss when losses are not "
            "shared), split by FMAP into federal and state shares (§9).");
        figureTable(b);

        // Why plans were not paid.
        QStringList reasons;
        for (const PlanSettlement& p : s.plans) {
            if (io::isSuppressedPlan(p, csv_))
                continue;
            QStringList why;
            if (!p.quality.gatePassed && !p.quality.gateReason.empty())
                why << QStringLiteral("quality gate: %1").arg(text(p.quality.gateReason));
            if (p.tccTrend.enabled && !p.tccTrend.passed && !p.tccTrend.reason.empty())
                why << QStringLiteral("TCC trend gate: %1").arg(text(p.tccTrend.reason));
            if (p.appropriateness.enabled && p.appropriateness.tripped && !p.appropriateness.reason.empty())
                why << QStringLiteral("guardrail: %1").arg(text(p.appropriateness.reason));
            if (!why.isEmpty())
                reasons << QStringLiteral("%1 — %2").arg(text(p.planId), why.join(QStringLiteral("; ")));
        }
        if (!reasons.isEmpty()) {
            flow_.heading(QStringLiteral("Gate results"), 40);
            flow_.bullets(reasons, TextStyle::Small);
        }
        furtherTools(n);
        federalLimits(n);
    }

    void federalLimits(int n)
    {
        const Scenario& sc = doc_.scenario();
        if (!sc.federalLimits.enabled)
            return;
        Table t = makeTable(
            QStringLiteral("Table %1.5. Federal limits by plan (flagged, not applied)").arg(n),
            textColumns({"Plan"}) +
                figureColumns({"Capitation revenue", "Payment / revenue", "Community Supports / revenue"}) +
                textColumns({"Flags"}, true));
        int flagged = 0;
        addPlanRows(t, false, [&sc, &flagged](const PlanSettlement& p) {
            const FederalLimitsResult* f = p.federalLimits ? &*p.federalLimits : nullptr;
            if (!f || f->noRevenue)
                return QStringList{QStringLiteral("—"), QStringLiteral("NA"), QStringLiteral("NA"),
                                   QStringLiteral("no capitation revenue: not checked")};
            QStringList flags;
            if (f->incentiveExceeded)
                flags << QStringLiteral("payment above %1 of capitation (42 CFR 438.6(b)(2))")
                             .arg(percent(sc.federalLimits.incentiveMax));
            if (f->ilosExceeded)
                flags << QStringLiteral("Community Supports above %1 (42 CFR 438.16(c))")
                             .arg(percent(sc.federalLimits.ilosMax));
            else if (f->ilosEvaluationDue)
                flags << QStringLiteral("evaluation due above %1 (42 CFR 438.16(e))")
                             .arg(percent(sc.federalLimits.ilosEvaluation));
            flagged += flags.isEmpty() ? 0 : 1;
            return QStringList{dollars(f->revenue), percent(*f->incentiveRatio), percent(*f->ilosRatio),
                               flags.isEmpty() ? QStringLiteral("within every limit") : flags.join(u"; ")};
        });
        t.notes
            << QStringLiteral(
                   "Incentive arrangements may not pay more than 105 % of the capitation attributable to the "
                   "enrollees (42 CFR 438.6(b)(2)); in lieu of services (Community Supports) may not cost "
                   "more than "
                   "5 % of capitation, and above 1.5 % the state owes CMS a retrospective evaluation (42 CFR "
                   "438.16). The 85 % medical loss ratio floor (42 CFR 438.8) is the MLR remittance. %1 "
                   "plan(s) "
                   "flagged.")
                   .arg(flagged);
        figureTable(t);
    }

    QString baselineText() const
    {
        const BaselineSpec& b = doc_.settlement().baseline;
        QStringList parts;
        for (std::size_t i = 0; i < b.years.size(); ++i)
            parts << QStringLiteral("%1 (%2)")
                         .arg(b.years[i])
                         .arg(i < b.weights.size() ? report::exactPercent(b.weights[i])
                                                   : QStringLiteral("equal"));
        return parts.join(QStringLiteral(", "));
    }

    void furtherTools(int n)
    {
        const Scenario& sc = doc_.scenario();
        if (sc.corridors.empty() && !sc.blend && !sc.mlrRemittance.enabled)
            return;
        QStringList headers;
        for (const Corridor& c : sc.corridors)
            headers << QStringLiteral("Corridor %1").arg(text(c.name));
        if (sc.blend)
            headers << QStringLiteral("Blend true-up");
        if (sc.mlrRemittance.enabled)
            headers << QStringLiteral("Medical loss ratio") << QStringLiteral("MLR remittance");
        Table t = makeTable(
            QStringLiteral("Table %1.4. Risk corridors, blend true-up and MLR remittance by plan (§12)")
                .arg(n),
            textColumns({"Plan"}) + figureColumns(headers));
        addPlanRows(t, false, [&sc](const PlanSettlement& p) {
            QStringList cells;
            for (const CorridorResult& c : p.corridors)
                cells << dollars(c.settlement);
            if (sc.blend)
                cells << (p.blend ? dollars(p.blend->trueUp) : QStringLiteral("—"));
            if (sc.mlrRemittance.enabled) {
                const bool has = p.mlrRemittance.has_value();
                cells << (has && p.mlrRemittance->ratio ? percent(*p.mlrRemittance->ratio)
                                                        : QStringLiteral("NA"))
                      << (has ? dollars(p.mlrRemittance->remittance) : QStringLiteral("—"));
            }
            return cells;
        });
        t.notes << QStringLiteral(
            "Corridor settlement: positive, the state pays the plan. Blend true-up: positive, paid to the "
            "plan. MLR remittance: owed by the plan below the minimum medical loss ratio.");
        figureTable(t);
    }

    // ---- How much of this is chance (§13) ------------------------------------------------------
    void chance(const QString& title)
    {
        flow_.section(title, Orientation::Landscape);
        const int n = sectionNumber(SectionId::Chance);
        const report::ChanceInputs in{validity_, doc_.settlement(), doc_.scenario(), doc_.experience(), csv_};
        flow_.paragraph(report::chanceSummary(in), TextStyle::Lead);
        flow_.paragraph(report::chanceMethod(in), TextStyle::Small);

        const QString source =
            QStringLiteral("Source: Sharecast §13 validity, %1 draws, seed %2 (validity.csv).")
                .arg(count(static_cast<double>(validity_.draws)))
                .arg(validity_.seed);
        QStringList intervalNotes{
            QStringLiteral("Dot: the savings rate S; whisker: its %1 interval; dash: the plan’s MSR. An "
                           "interval that contains the MSR (highlighted) means the plan’s result is within "
                           "chance of it.")
                .arg(report::confidenceLevel(validity_)),
            source};
        if (public_ && !suppressed_.isEmpty())
            intervalNotes.prepend(
                QStringLiteral("Small cells suppressed: nothing is drawn for %1.").arg(suppressedList()));
        auto intervals = std::shared_ptr<QCustomPlot>(
            report::chanceIntervalPlot(report::chanceIntervals(in), report::confidenceLevel(validity_)));
        const double dpi = dpi_;
        flow_.figure(
            QStringLiteral("Figure %1.1. Savings rate by plan with its %2 interval, against the MSR, "
                           "performance year %3")
                .arg(n)
                .arg(report::confidenceLevel(validity_))
                .arg(doc_.settlement().year),
            230,
            [intervals, dpi](QCPPainter& p, const QRectF& r) {
                report::drawPlot(intervals.get(), p, r, dpi);
            },
            intervalNotes);

        if (io::isValidityTotalWithheld(validity_, csv_))
            flow_.paragraph(
                QStringLiteral("The statewide payment distribution is withheld in this public "
                               "version: with the plans shown it would reveal a suppressed plan."),
                TextStyle::Note);
        else {
            auto payments = std::shared_ptr<QCustomPlot>(report::chancePaymentPlot(
                validity_.chanceTotals, validity_.aroundTotals, statewideTotals(doc_.settlement()).payments));
            flow_.figure(
                QStringLiteral("Figure %1.2. Statewide plan payments by chance and around this year’s "
                               "results, %2 draws")
                    .arg(n)
                    .arg(count(static_cast<double>(validity_.draws))),
                230,
                [payments, dpi](QCPPainter& p, const QRectF& r) {
                    report::drawPlot(payments.get(), p, r, dpi);
                },
                {QStringLiteral("By chance: every plan’s savings rate is pure noise (S = σZ); around the "
                                "result: S = observed S + σZ. The dashed line is the payment made."),
                 source});
        }
        figureTable(report::chanceTable(in, QStringLiteral("Table %1.1. How much of each plan’s result is "
                                                           "chance, performance year %2")
                                                .arg(n)
                                                .arg(doc_.settlement().year)));
    }

    // ---- What drives the result (§14) -----------------------------------------------------------
    void drivers(const QString& title)
    {
        flow_.section(title, Orientation::Portrait);
        const int n = sectionNumber(SectionId::Drivers);
        const io::SensitivityTable& t = *drivers_;
        const int shown = options_.drivers->shown;
        flow_.paragraph(report::driversSummary(t, shown), TextStyle::Lead);
        flow_.paragraph(report::driversMethod(t, *options_.drivers, doc_.settlement().year),
                        TextStyle::Small);
        const std::vector<report::TornadoBar> bars = report::tornadoBars(t, shown);
        if (!bars.empty()) {
            const QString metric = report::metricLabel(t.metric);
            auto tornado = std::shared_ptr<QCustomPlot>(report::tornadoPlot(bars, t.metricBase, metric));
            const double dpi = dpi_;
            flow_.figure(
                QStringLiteral("Figure %1.1. What moves %2 most: each assumption at its low and high "
                               "value, performance year %3")
                    .arg(n)
                    .arg(metric.at(0).toLower() + metric.mid(1))
                    .arg(doc_.settlement().year),
                std::min(420.0, 70.0 + 20.0 * static_cast<double>(bars.size())),
                [tornado, dpi](QCPPainter& p, const QRectF& r) {
                    report::drawPlot(tornado.get(), p, r, dpi);
                },
                {QStringLiteral("Bars run from the result as the scenario stands (dashed line) to the "
                                "result with one assumption at its low or high value, printed at the "
                                "end of each bar; largest swing at the top."),
                 QStringLiteral("Source: Sharecast §14 sensitivity of %1 (sensitivity.csv).")
                     .arg(QString::fromStdString(t.metric.name()))});
        }
        flow_.table(report::driversTable(
            t, shown,
            QStringLiteral("Table %1.1. %2 with each assumption at its low and high value")
                .arg(n)
                .arg(report::metricLabel(t.metric))));
    }

    // ---- Regional rates ---------------------------------------------------------------------
    void regional(const QString& title)
    {
        flow_.section(title, Orientation::Portrait);
        const int n = sectionNumber(SectionId::Regional);
        const RegionalRates& r = *regional_;
        const Projection& pr = doc_.projection();
        if (public_) {
            flow_.paragraph(
                QStringLiteral("Withheld in the public version: regional rates are figures by plan "
                               "and county, cells smaller than the disclosure rule allows. The "
                               "full report and regional_rates.csv hold them."),
                TextStyle::Lead);
            return;
        }
        flow_.paragraph(report::regionalSummary(r, *doc_.scenario().regionalRates), TextStyle::Lead);
        flow_.paragraph(QStringLiteral("The rates are those the projection pays under the arrangement (§10, "
                                       "§11): the non-rebased gross rate, or the rebased one for a plan "
                                       "failing a blocking gate, per plan, county, rate cell and rate year "
                                       "%1–%2, weighted by projected member months. Money to the dollar; "
                                       "regional_rates.csv carries cents, every plan and every year.")
                            .arg(pr.startYear + 1)
                            .arg(pr.startYear + pr.horizon),
                        TextStyle::Small);
        if (QCustomPlot* plot = charts_->regionalRates()) {
            const double dpi = dpi_;
            flow_.figure(QStringLiteral("Figure %1.1. Winners and losers: change in capitation dollars over "
                                        "the rate years by county (top) and by plan (bottom), $ millions")
                             .arg(n),
                         320.0, [plot, dpi](QCPPainter& p, const QRectF& rect) {
                             report::drawPlot(plot, p, rect, dpi);
                         });
        }
        flow_.table(report::regionalCountiesTable(
            r, QStringLiteral("Table %1.1. Change in capitation dollars by county, all rate years").arg(n)));
        flow_.table(report::regionalGroupsTable(
            r, QStringLiteral("Table %1.2. Regional means and scale by region, rate cell and year").arg(n)));
        if (!r.warnings.empty()) {
            QStringList w;
            for (const std::string& x : r.warnings)
                w << text(x);
            flow_.paragraph(QStringLiteral("Warnings: %1.").arg(w.join(QStringLiteral("; "))),
                            TextStyle::Note);
        }
    }

    // ---- Partnerships -------------------------------------------------------------------------
    //! The project has partnerships data: a ledger, or the reason there is none for the year.
    bool hasPartnerships() const { return doc_.partnershipLedger() || !doc_.partnershipError().isEmpty(); }

    void partnerships(const QString& title)
    {
        flow_.section(title, Orientation::Landscape);
        const int n = sectionNumber(SectionId::Partnerships);
        const PartnershipLedger* ledger = doc_.partnershipLedger();
        if (!ledger) {
            flow_.paragraph(QStringLiteral("No partnership ledger for %1: %2")
                                .arg(doc_.settlement().year)
                                .arg(doc_.partnershipError()),
                            TextStyle::Warning);
            return;
        }
        const report::PartnershipSuppression suppression = report::partnershipSuppression(*ledger, public_);
        flow_.paragraph(report::partnershipsSummary(*ledger, suppression), TextStyle::Lead);
        flow_.paragraph(report::partnershipsExplanation(), TextStyle::Small);
        flow_.heading(QStringLiteral("By plan"), 60.0);
        flow_.bullets(report::partnershipPlanLines(*ledger, suppression, [this](const std::string& id) {
            return text(doc_.experience().planName(id));
        }));
        Table wins = report::partnershipWinsTable(
            *ledger, suppression,
            QStringLiteral("Table %1.1. The three wins by partner, %2").arg(n).arg(ledger->year));
        Table revenue = report::partnershipRevenueTable(
            *ledger, suppression,
            QStringLiteral("Table %1.2. The partners’ revenue by source and who funds it, %2")
                .arg(n)
                .arg(ledger->year));
        if (suppression.any()) {
            wins.notes << kSuppressedNote;
            revenue.notes << kSuppressedNote;
        }
        flow_.table(wins);
        flow_.table(revenue);
        if (QCustomPlot* plot = charts_->fundingFlows()) {
            if (suppression.any()) {
                flow_.paragraph(
                    QStringLiteral("The funding-flow figure is withheld in the public version: it "
                                   "shows the money of partners whose figures are small cells."),
                    TextStyle::Note);
            } else {
                const double dpi = dpi_;
                flow_.figure(
                    QStringLiteral("Figure %1.1. Where the partners’ money comes from, %2: funders → "
                                   "funding streams → plans → partners (band widths are dollars; PATH "
                                   "and other grants reach partners without passing through a plan)")
                        .arg(n)
                        .arg(ledger->year),
                    330.0,
                    [plot, dpi](QCPPainter& p, const QRectF& rect) { report::drawPlot(plot, p, rect, dpi); });
            }
        }
        if (!ledger->warnings.empty()) {
            QStringList w;
            for (const std::string& x : ledger->warnings)
                w << text(x);
            flow_.paragraph(QStringLiteral("Warnings: %1.").arg(w.join(QStringLiteral("; "))),
                            TextStyle::Note);
        }
    }

    // ---- Projection ---------------------------------------------------------------------------
    void projection(const QString& title)
    {
        flow_.section(title, Orientation::Landscape);
        const Projection& pr = doc_.projection();
        const int n = sectionNumber(SectionId::Projection);
        const ProjectionSpec& spec = doc_.scenario().projection;
        flow_.paragraph(
            QStringLiteral(
                "The %1-year projection from %2 experience (§11): the counterfactual cost without the "
                "plans’ utilization change, the projected cost with it, and capitation rates rebased "
                "on projected experience versus not rebased (Straw Proposal 7, §10) with a %3-year rate "
                "lag, %4 administrative load and %5 underwriting gain. Money to the dollar; PMPM rates "
                "to the cent.")
                .arg(pr.horizon)
                .arg(pr.startYear)
                .arg(spec.rateLag)
                .arg(report::exactPercent(spec.adminLoad), report::exactPercent(spec.underwritingGain)),
            TextStyle::Small);

        QStringList years;
        for (const ProjectionYear& y : pr.all)
            years << QString::number(y.year);
        Table all =
            makeTable(QStringLiteral("Table %1.1. Statewide projection, all plans (the ALL rows)").arg(n),
                      textColumns({"Item"}) + figureColumns(years), 8.0);
        struct Item {
            const char* label;
            std::function<QString(const ProjectionYear&)> value;
        };
        const std::vector<Item> items = {
            {"Member months", [](const ProjectionYear& y) { return count(y.memberMonths); }},
            {"Counterfactual cost", [](const ProjectionYear& y) { return dollars(y.counterfactualCost); }},
            {"Projected cost (with investment)",
             [](const ProjectionYear& y) { return dollars(y.projectedCost); }},
            {"Care-management investment", [](const ProjectionYear& y) { return dollars(y.investment); }},
            {"Benchmark", [](const ProjectionYear& y) { return dollars(y.benchmark); }},
            {"Gross savings", [](const ProjectionYear& y) { return dollars(y.grossSavings); }},
            {"Plan payments", [](const ProjectionYear& y) { return dollars(y.payment.payment); }},
            {"Gross rate, rebased (PMPM)", [](const ProjectionYear& y) { return pmpm(y.rateRebased); }},
            {"Gross rate, not rebased (PMPM)",
             [](const ProjectionYear& y) { return pmpm(y.rateNonRebased); }},
            {"Rate impact of not rebasing", [](const ProjectionYear& y) { return dollars(y.rateImpact); }},
            {"Plan margin, rebased", [](const ProjectionYear& y) { return dollars(y.marginRebased); }},
            {"Plan margin, not rebased", [](const ProjectionYear& y) { return dollars(y.marginNonRebased); }},
            {"State cost (all funds), rebased",
             [](const ProjectionYear& y) { return dollars(y.stateCostRebased); }},
            {"State cost (all funds), not rebased",
             [](const ProjectionYear& y) { return dollars(y.stateCostNonRebased); }},
            {"Federal share, not rebased",
             [](const ProjectionYear& y) { return dollars(y.federalShareNonRebased); }},
            {"Net state saving, not rebased",
             [](const ProjectionYear& y) { return dollars(y.netStateSavingNonRebased); }},
            {"Net state saving, rebased",
             [](const ProjectionYear& y) { return dollars(y.netStateSavingRebased); }}};
        for (const Item& it : items) {
            QStringList row{QString::fromUtf8(it.label)};
            for (std::size_t i = 0; i < pr.all.size(); ++i)
                row << (io::isProjectionTotalWithheld(pr, i, csv_) ? kStar : it.value(pr.all[i]));
            all.rows.append(
                TableRow{row, QLatin1String(it.label) == QLatin1String("Net state saving, not rebased")});
        }
        all.notes
            << (doc_.scenario().paymentModel == PaymentModel::Capitation
                    ? QStringLiteral(
                          "Rates of the ALL rows are member-month weighted. Rate impact = (non-rebased − "
                          "rebased gross rate) × member months. Payment model capitation: each year is "
                          "settled and the plans return T = G − P to the state, so the state cost not "
                          "rebased is revenue − T and the plan margin gives up T; rebased, the state "
                          "pays the lower rate and nothing is settled. Net state saving = counterfactual "
                          "program cost − state cost, all funds (§11).")
                    : QStringLiteral(
                          "Rates of the ALL rows are member-month weighted. Rate impact = (non-rebased − "
                          "rebased gross rate) × member months. Payment model ffs: state cost not "
                          "rebased = revenue + plan payments − gross savings; rebased = revenue. Net "
                          "state saving = counterfactual program cost − state cost, all funds (§11)."));
        all.notes << QStringLiteral("The projection of each plan is in Section %1 and in projection.csv.")
                         .arg(sectionNumber(SectionId::ProjectionByPlan));
        flow_.table(all);
    }

    // ---- Appendix: the projection by plan ------------------------------------------------------
    void projectionByPlan(const QString& title)
    {
        flow_.section(title, Orientation::Landscape);
        const Projection& pr = doc_.projection();
        const int n = sectionNumber(SectionId::ProjectionByPlan);
        flow_.paragraph(
            QStringLiteral("Each plan’s projection, the rows of projection.csv that the statewide "
                           "projection of Section %1 adds up. Money to the dollar; PMPM rates to "
                           "the cent.")
                .arg(sectionNumber(SectionId::Projection)),
            TextStyle::Small);
        Table a =
            makeTable(QStringLiteral("Table %1.1. Projection by plan: cost and savings").arg(n),
                      textColumns({"Plan"}) +
                          figureColumns({"Year", "Member months", "Counterfactual cost", "Projected cost",
                                         "Investment", "Benchmark", "Gross savings", "Plan payment"}));
        Table b = makeTable(
            QStringLiteral("Table %1.2. Projection by plan: rates, margins and state cost").arg(n),
            textColumns({"Plan"}) +
                figureColumns({"Year", "Rate rebased (PMPM)", "Rate not rebased (PMPM)", "Rate impact",
                               "Margin rebased", "Margin not rebased", "State cost rebased",
                               "State cost not rebased", "Federal share not rebased",
                               "Net state saving not rebased", "Net state saving rebased"}));
        for (const PlanProjection& plan : pr.plans) {
            bool first = true;
            for (const ProjectionYear& y : plan.years) {
                const QStringList lead{text(plan.planId), QString::number(y.year)};
                const bool hide = io::isSuppressedProjectionRow(plan.planId, y, csv_);
                a.rows.append(
                    maskedRow(lead,
                              {count(y.memberMonths), dollars(y.counterfactualCost), dollars(y.projectedCost),
                               dollars(y.investment), dollars(y.benchmark), dollars(y.grossSavings),
                               dollars(y.payment.payment)},
                              hide, first));
                b.rows.append(maskedRow(
                    lead,
                    {pmpm(y.rateRebased), pmpm(y.rateNonRebased), dollars(y.rateImpact),
                     dollars(y.marginRebased), dollars(y.marginNonRebased), dollars(y.stateCostRebased),
                     dollars(y.stateCostNonRebased), dollars(y.federalShareNonRebased),
                     dollars(y.netStateSavingNonRebased), dollars(y.netStateSavingRebased)},
                    hide, first));
                first = false;
            }
        }
        figureTable(a);
        figureTable(b);
    }

    // ---- Quality ------------------------------------------------------------------------------
    void quality(const QString& title)
    {
        flow_.section(title, Orientation::Landscape);
        const Settlement& s = doc_.settlement();
        const QualitySpec& spec = doc_.scenario().quality;
        const int n = sectionNumber(SectionId::Quality);
        if (spec.measures.empty()) {
            flow_.paragraph(QStringLiteral(
                "The scenario names no quality measures: there is no quality step (§6); the quality "
                "gate passes and quality-scaled sharing uses a score of 100."));
            return;
        }
        flow_.paragraph(
            QStringLiteral(
                "Composite quality scores for %1 (§6): each measure scores attainment from its threshold "
                "(0 points) to its benchmark (100 points) and improvement over %2, combined as %3. A "
                "rate is reportable with a denominator of at least %4; the composite needs %5 reportable "
                "measures. The gate %6.")
                .arg(s.year)
                .arg(s.year - 1)
                .arg(spec.scoring == QualityScoring::Max          ? QStringLiteral("the higher of the two")
                     : spec.scoring == QualityScoring::Blend      ? QStringLiteral("a blend")
                     : spec.scoring == QualityScoring::Attainment ? QStringLiteral("attainment only")
                                                                  : QStringLiteral("improvement only"))
                .arg(spec.minDenominator)
                .arg(spec.minMeasures)
                .arg(spec.gateEnabled ? QStringLiteral("requires a composite of at least %1 and every gating "
                                                       "measure at or above its minimum")
                                            .arg(formatNumber(spec.minComposite, 1))
                                      : QStringLiteral("is disabled")),
            TextStyle::Small);

        Table a =
            makeTable(QStringLiteral("Table %1.1. Composite and quality gate by plan, %2").arg(n).arg(s.year),
                      textColumns({"Plan", "Name"}) + figureColumns({"Composite", "Reportable measures"}) +
                          flagColumns({"Quality gate"}) + textColumns({"Reason"}, true));
        addPlanRows(a, true, [&spec](const PlanSettlement& p) {
            return QStringList{
                p.quality.composite ? formatNumber(*p.quality.composite, 1) : QStringLiteral("NA"),
                QStringLiteral("%1 of %2").arg(p.quality.reportableMeasures).arg(spec.measures.size()),
                passFail(p.quality.gatePassed), text(p.quality.gateReason)};
        });
        figureTable(a);

        QStringList ids;
        for (const QualityMeasure& q : spec.measures)
            ids << text(q.id);
        Table m =
            makeTable(QStringLiteral("Table %1.2. Measure rates by plan, %2 (percent)").arg(n).arg(s.year),
                      textColumns({"Plan"}) + figureColumns(ids));
        addPlanRows(m, false, [&](const PlanSettlement& p) {
            QStringList rates;
            const std::vector<bool> hidden = io::suppressedMeasures(p, s.year, csv_);
            for (std::size_t i = 0; i < spec.measures.size(); ++i) {
                const MeasureScore* score = i < p.quality.measures.size() ? &p.quality.measures[i] : nullptr;
                if (!score || !score->rate) {
                    rates << QStringLiteral("NR");
                    continue;
                }
                if (hidden[i]) {
                    rates << kStar;
                    continue;
                }
                rates << formatNumber(100.0 * *score->rate, 1) +
                             (score->gatePassed ? QString() : QStringLiteral(" ✗"));
            }
            return rates;
        });
        m.notes
            << QStringLiteral(
                   "NR: not reportable (denominator below %1, or not reported). ✗: below the measure’s gate "
                   "minimum, which fails the quality gate.")
                   .arg(spec.minDenominator);
        QStringList names;
        for (const QualityMeasure& q : spec.measures)
            names << QStringLiteral("%1 %2 (%3 is better)")
                         .arg(text(q.id), text(q.name),
                              q.direction == Direction::Higher ? QStringLiteral("higher")
                                                               : QStringLiteral("lower"));
        m.notes << QStringLiteral("Measures: ") + names.join(QStringLiteral("; ")) + u'.';
        figureTable(m);
    }

    // ---- Assumptions --------------------------------------------------------------------------
    void assumptions(const QString& title)
    {
        flow_.section(title, Orientation::Portrait);
        const report::AssumptionDescription d =
            report::describeAssumptions(doc_.scenario(), doc_.index().maxYear());
        if (!d.uncoveredKeys.isEmpty())
            problems << QStringLiteral("assumptions without a readable label: %1")
                            .arg(d.uncoveredKeys.join(QStringLiteral(", ")));
        const int n = sectionNumber(SectionId::Assumptions);
        flow_.paragraph(
            QStringLiteral(
                "Every value of the scenario “%1”, in the order of its JSON form (methodology §1.5); the "
                "key of each value in that form is shown beside it and in assumptions.csv. Rates are "
                "annual unless stated.")
                .arg(d.name),
            TextStyle::Small);
        if (!d.description.isEmpty()) {
            flow_.heading(QStringLiteral("Description of the scenario (its stated sources)"), 40);
            flow_.paragraph(d.description, TextStyle::Small);
        }
        int table = 0;
        assumptionSources(n, table);
        for (const report::AssumptionGroup& g : d.groups) {
            if (!g.items.isEmpty()) {
                Table t = makeTable(QStringLiteral("Table %1.%2. %3").arg(n).arg(++table).arg(g.title),
                                    textColumns({"Assumption", "Value"}, true) + monoColumns({"Key"}, true));
                for (const report::AssumptionItem& it : g.items)
                    t.rows.append(TableRow{{it.label, it.value, it.key}});
                flow_.table(t);
            }
            for (const report::AssumptionTable& at : g.tables) {
                Table t = makeTable(
                    QStringLiteral("Table %1.%2. %3 (key %4)").arg(n).arg(++table).arg(at.title, at.key),
                    textColumns(at.headers, true));
                for (const QStringList& r : at.rows)
                    t.rows.append(TableRow{r});
                flow_.table(t);
            }
        }
    }

    // ---- Provenance ---------------------------------------------------------------------------
    void provenance(const QString& title)
    {
        flow_.section(title, Orientation::Portrait);
        const int n = sectionNumber(SectionId::Provenance);
        flow_.paragraph(
            QStringLiteral(
                "The figures come from the datasets marked “in use” in project %1. Each was imported "
                "whole (methodology §0: an import either succeeds whole or changes nothing); the "
                "SHA-256 digest identifies the exact file that was read.")
                .arg(QFileInfo(options_.projectFile.isEmpty() ? doc_.path() : options_.projectFile)
                         .fileName()),
            TextStyle::Small);
        Table t = makeTable(QStringLiteral("Table %1.1. Datasets").arg(n),
                            textColumns({"Dataset"}) + textColumns({"File"}, true) +
                                figureColumns({"Records", "Bytes"}) + textColumns({"Imported"}) +
                                flagColumns({"In use"}));
        Table h = makeTable(QStringLiteral("Table %1.2. SHA-256 digests").arg(n),
                            textColumns({"File"}, true) + monoColumns({"SHA-256"}));
        QStringList summaries;
        for (const io::DatasetInfo& d : doc_.datasets()) {
            t.rows.append(TableRow{{io::toString(d.kind), d.provenance.sourceName,
                                    count(static_cast<double>(d.provenance.rowCount)),
                                    count(static_cast<double>(d.provenance.sourceSize)),
                                    utcTime(d.provenance.importedAt),
                                    d.active ? QStringLiteral("yes") : QStringLiteral("no")}});
            h.rows.append(TableRow{{d.provenance.sourceName, d.provenance.sha256}});
            if (!d.provenance.summary.isEmpty())
                summaries << QStringLiteral("%1: %2").arg(d.provenance.sourceName, d.provenance.summary);
            for (const QString& w : d.provenance.warnings)
                summaries << QStringLiteral("%1, warning: %2").arg(d.provenance.sourceName, w);
        }
        flow_.table(t);
        flow_.table(h);
        if (!summaries.isEmpty()) {
            flow_.heading(QStringLiteral("Import summaries"), 40);
            flow_.bullets(summaries, TextStyle::Small);
        }
        const std::vector<std::string>& warnings = doc_.settlement().warnings;
        if (!warnings.empty()) {
            flow_.heading(QStringLiteral("Settlement warnings"), 40);
            QStringList w;
            for (const std::string& x : warnings)
                w << text(x);
            flow_.bullets(w, TextStyle::Small);
        }
        if (doc_.isSynthetic())
            flow_.box(QStringLiteral("Synthetic data"), syntheticNotice(), true);
    }

    // ---- Methodology --------------------------------------------------------------------------
    void methodology(const QString& title)
    {
        flow_.section(title, Orientation::Portrait);
        const int n = sectionNumber(SectionId::Methodology);
        flow_.paragraph(
            QStringLiteral(
                "Sharecast implements the Sharecast calculation specification v2; section numbers (§) "
                "refer to it. The project’s docs/methodology.md records every choice made where the "
                "specification is silent. Money is computed in double precision and rounded once, to "
                "the cent, when written (§0, §9a)."),
            TextStyle::Small);
        Table t = makeTable(QStringLiteral("Table %1.1. The steps of a settlement and a projection").arg(n),
                            textColumns({"Step"}) + textColumns({"What is computed"}, true) +
                                textColumns({"Section"}));
        const QList<QStringList> steps = {
            {"Expected cost",
             "Per plan, cell and included category of service: base-year PMPM (truncated when enabled), "
             "trended to the performance year, times program-change and capped risk-adjustment factors, "
             "weighted over the baseline years; times the year’s member months.",
             "§2"},
            {"Actual cost",
             "Included cost of the performance year, less the excess over the truncation threshold when "
             "enabled, over the same cells.",
             "§3"},
            {"Savings", "Gross savings G = E − A, savings rate S = G / E, members N = member months / 12.",
             "§4"},
            {"Thresholds",
             "Minimum savings rate (and loss rate) by method: none, fixed, elected, confidence interval "
             "z·cv/√N, or the MSSP table.",
             "§5"},
            {"Quality",
             "Attainment and improvement per measure, weighted composite Q, gate on the composite and on "
             "gating measures.",
             "§6"},
            {"Resource use",
             "IHA-style savings from utilization rates against the prior year, risk-adjusted where exposure "
             "is member years.",
             "§7"},
            {"Eligibility and sharing",
             "TCC trend gate and appropriateness guardrail; sharing rate ρ by quality scaling; payment P = "
             "min(basis · ρ · (1 − reduction), cap · E); shared losses when enabled.",
             "§8"},
            {"Federal and state split",
             "Program net G − P spread over cells by expected cost, federal share by the FMAP of each rate "
             "cell.",
             "§9"},
            {"Rates",
             "Gross capitation rate from base-year experience (lag), rebased on actual experience versus not "
             "rebased (counterfactual), with administrative load and underwriting gain.",
             "§10"},
            {"Projection",
             "Member months, counterfactual and projected cost, benchmark, savings and payments for each "
             "projection year; rates on both paths, plan margins, state cost and its federal share.",
             "§11"},
            {"Further tools",
             "Risk corridors, blended-rate true-up and MLR remittance, when the scenario configures them.",
             "§12"}};
        for (const QStringList& s : steps)
            t.rows.append(TableRow{s});
        flow_.table(t);
        flow_.heading(QStringLiteral("Rounding and totals"), 40);
        flow_.paragraph(
            QStringLiteral(
                "Plan figures are rounded to the cent once, as the CSV files write them (ties away from "
                "zero); rates to ten decimals and members to six. Statewide totals are sums of the "
                "plans’ rounded figures, so they equal the sum of the settlement CSV’s column. Tables "
                "show money to the dollar and the executive summary also in $ millions; percentages are "
                "shown to two decimals."),
            TextStyle::Small);
        flow_.heading(QStringLiteral("Explaining a figure"), 40);
        flow_.paragraph(
            QStringLiteral(
                "Every result carries its trace: per cell and base year the weights, member months, "
                "truncation and risk factors, and per category of service the base PMPM, trend and "
                "program-change factors; per gate the values compared; per payment its basis, rate, "
                "reduction and cap. trace.csv holds the trace in long form (plan, step, item, value), "
                "and “sharecast settle --explain PLAN” prints one plan’s trace."),
            TextStyle::Small);
    }

    // ---- Disclosures --------------------------------------------------------------------------
    void disclosures(const QString& title)
    {
        flow_.section(title, Orientation::Portrait);
        flow_.heading(QStringLiteral("Intended users and use"), 40);
        // The project's own words when its settings give them (File ▸ Project Settings).
        if (!settings_.intendedUsers.trimmed().isEmpty() || !settings_.purpose.trimmed().isEmpty()) {
            if (!settings_.intendedUsers.trimmed().isEmpty())
                flow_.paragraph(QStringLiteral("Intended users: %1.").arg(sentence(settings_.intendedUsers)));
            if (!settings_.purpose.trimmed().isEmpty())
                flow_.paragraph(QStringLiteral("Purpose: %1.").arg(sentence(settings_.purpose)));
            flow_.paragraph(
                QStringLiteral("It is not a rate certification, does not set or certify capitation rates, "
                               "and should not be used for other purposes. Readers should consider it "
                               "in its entirety."));
        } else {
            flow_.paragraph(QStringLiteral(
                "This briefing is intended for the actuaries and policy staff of the state Medicaid agency "
                "and of its contracted managed care plans, and for stakeholders they brief, to understand "
                "the settlement of a shared-savings arrangement under the stated assumptions. It is not "
                "a rate certification, does not set or certify capitation rates, and should not be used "
                "for other purposes. Readers should consider it in its entirety."));
        }
        flow_.heading(QStringLiteral("Reliance on data"), 40);
        flow_.paragraph(
            QStringLiteral(
                "The results rely on the experience and quality data listed in %1, as provided. "
                "The data were checked for completeness and internal consistency on import (file, "
                "line, column and value of every error; nothing half-loaded) but were not audited. If "
                "the data are inaccurate or incomplete, the results may be too.")
                .arg(sectionRef(SectionId::Provenance)));
        if (!settings_.reliance.trimmed().isEmpty())
            flow_.paragraph(QStringLiteral("Reliance on others: %1.").arg(sentence(settings_.reliance)));
        if (!settings_.conflicts.trimmed().isEmpty()) {
            flow_.heading(QStringLiteral("Conflicts of interest"), 40);
            flow_.paragraph(QStringLiteral("%1.").arg(sentence(settings_.conflicts)));
        }
        flow_.heading(QStringLiteral("Limitations"), 40);
        flow_.bullets(
            {QStringLiteral(
                 "The expected cost is a benchmark built from baseline experience, trend and adjustments; "
                 "it is not a prediction of what cost would have been."),
             QStringLiteral(
                 "Savings from small populations are subject to random variation; the minimum savings rate "
                 "guards against paying for chance only to the degree the scenario sets it."),
             QStringLiteral(
                 "The five-year projection assumes the utilization change, enrollment growth and trends "
                 "of the scenario; actual experience will differ, and the difference may be material."),
             QStringLiteral("Quality composites depend on reportable measures; plans with too few reportable "
                            "measures have no composite and fail the gate."),
             QStringLiteral(
                 "Figures are computed to the cent for traceability; that precision is not a statement of "
                 "their accuracy.")});
        if (doc_.isSynthetic()) {
            flow_.heading(QStringLiteral("Synthetic data"), 40);
            flow_.box(QString(), syntheticNotice(), true);
        }
        if (public_) {
            flow_.heading(QStringLiteral("Small-cell suppression"), 40);
            flow_.paragraph(
                QStringLiteral(
                    "This public version suppresses figures derived from fewer than 11 members and counts "
                    "from 1 to 10 (shown as “*”). Statewide totals include every plan. So that no suppressed "
                    "figure can be recovered by subtracting the figures shown from a total, it applies "
                    "complementary suppression: when only one plan with members would be suppressed, the "
                    "plan with the fewest members after it is suppressed too (here: %1); likewise the "
                    "smallest other cell of a plan whose cell is suppressed, and the smallest other measure "
                    "of a composite whose measure is suppressed. A statewide projection year that would "
                    "still reveal a plan is withheld.")
                    .arg(suppressed_.isEmpty() ? QStringLiteral("no plan") : suppressedList()));
        }
        flow_.heading(QStringLiteral("Actuarial statement"), 40);
        flow_.paragraph(
            QStringLiteral(
                "The results in this report depend on the assumptions of the scenario set out in %1 "
                "and on the methodology summarised in %2. Different assumptions would produce "
                "different results, and actual results will differ from projected ones. The "
                "assumptions are those of the scenario named on the cover; their stated sources are "
                "part of %1. This report was produced by software from those inputs; a "
                "qualified actuary should review the data, the assumptions and the results before they "
                "are relied on, in keeping with the Actuarial Standards of Practice that apply to "
                "actuarial communications (ASOP No. 41) and to data quality (ASOP No. 23).")
                .arg(sectionRef(SectionId::Assumptions), sectionRef(SectionId::Methodology)));
        signature();
    }

    //! A setting's text as the body of a sentence: trimmed, without a final full stop.
    static QString sentence(const QString& text)
    {
        QString t = text.trimmed();
        while (t.endsWith(u'.'))
            t.chop(1);
        return t;
    }

    //! The responsible actuary's block under the actuarial statement: name, credentials and
    //! qualification from the project settings, and the lines to sign; blank lines to fill by hand
    //! when the project names no actuary.
    void signature()
    {
        const io::ReportSettings& st = settings_;
        flow_.heading(QStringLiteral("Responsible actuary"), 60);
        const QString line = QStringLiteral("______________________________");
        if (st.actuaryName.trimmed().isEmpty()) {
            flow_.paragraph(QStringLiteral("Name and credentials: %1%1").arg(line));
            flow_.paragraph(QStringLiteral("Organization: %1%1").arg(line));
            flow_.paragraph(QStringLiteral("Qualification: %1%1").arg(line));
        } else {
            QStringList who{st.actuaryName.trimmed()};
            if (!st.actuaryCredentials.trimmed().isEmpty())
                who << st.actuaryCredentials.trimmed();
            flow_.paragraph(who.join(QStringLiteral(", ")));
            if (!st.actuaryOrganization.trimmed().isEmpty())
                flow_.paragraph(st.actuaryOrganization.trimmed());
            if (!st.qualificationStatement.trimmed().isEmpty())
                flow_.paragraph(st.qualificationStatement.trimmed(), TextStyle::Small);
        }
        flow_.space(10);
        flow_.paragraph(QStringLiteral("Signature: %1        Date: ______________").arg(line));
    }

    //! The inputs of the ASOP checklist, from the project, the scenario and this report's sections.
    //! `earlierDiff`: the scenario keys changed since ReportOptions::earlier (when it is given).
    report::AsopInputs asopInputs(const std::vector<io::ScenarioDifference>& earlierDiff) const
    {
        report::AsopInputs in;
        in.settings = settings_;
        in.scenario = &doc_.scenario();
        for (const io::DatasetInfo& d : doc_.datasets())
            if (d.active)
                in.datasets.append(report::AsopDataset{io::toString(d.kind), d.provenance.sourceName,
                                                       d.provenance.sha256, d.provenance.importedAt});
        in.informationDate = date_;
        in.softwareVersion = QCoreApplication::applicationVersion().isEmpty()
                                 ? QStringLiteral("(version not set)")
                                 : QCoreApplication::applicationVersion();
        in.scenarioVersion = scenarioSource();
        in.hasChance = sectionNumber(SectionId::Chance) != 0;
        // A tornado of the assumptions: the section on drivers, or the summary's quick one
        // (every numeric assumption ±10 %) that names the top three.
        in.hasDrivers =
            sectionNumber(SectionId::Drivers) != 0 ||
            (sectionNumber(SectionId::Summary) != 0 && summaryDrivers_ && !summaryDrivers_->rows.empty());
        in.partnerships = hasPartnerships();
        if (doc_.scenarioId())
            for (const io::ScenarioInfo& info : doc_.scenarios())
                if (info.id == *doc_.scenarioId())
                    in.earlierExists = info.version > 1 || doc_.isModified();
        if (options_.earlier && earlier_) {
            in.earlier = earlierName();
            in.earlierDifferences = static_cast<int>(earlierDiff.size());
        }
        return in;
    }

    //! How the report names ReportOptions::earlier ("version 2 of “X”, saved …").
    QString earlierName() const
    {
        return options_.earlierSource.isEmpty() ? scenarioName(*options_.earlier) : options_.earlierSource;
    }

    // ---- ASOP 41 / 56 checklist -----------------------------------------------------------------
    void asop(const QString& title)
    {
        flow_.section(title, Orientation::Portrait);
        const int n = sectionNumber(SectionId::Asop);
        const bool hasEarlier = options_.earlier && earlier_;
        const std::vector<io::ScenarioDifference> diff =
            hasEarlier ? io::diffScenarios(*options_.earlier, doc_.scenario())
                       : std::vector<io::ScenarioDifference>{};
        const QList<report::AsopItem> items = report::asopChecklist(asopInputs(diff));
        const QStringList unfilled = report::unfilledItems(items);
        flow_.paragraph(
            QStringLiteral(
                "What an actuary signing this report discloses under the Actuarial Standards of Practice "
                "on actuarial communications (ASOP No. 41) and on modeling (ASOP No. 56), where this "
                "report does it, and what is still missing. Project settings (File ▸ Project "
                "Settings, or “sharecast settings”) name the responsible actuary, the intended users, "
                "the purpose, the reliance on others and any conflict of interest; the scenario's "
                "assumption_sources name who set each group of assumptions."),
            TextStyle::Small);
        if (unfilled.isEmpty())
            flow_.box(
                QStringLiteral("Checklist complete"),
                QStringLiteral("Every item below is filled from the project, the scenario or this report."),
                false);
        else
            flow_.box(QStringLiteral("Unfilled: %1 of %2 items").arg(unfilled.size()).arg(items.size()),
                      QStringLiteral("Supply these before the report is signed: %1.")
                          .arg(unfilled.join(QStringLiteral("; "))),
                      true);
        Table t = makeTable(QStringLiteral("Table %1.1. ASOP 41 and 56 disclosures").arg(n),
                            textColumns({"Item"}, true) + textColumns({"Standard", "Status"}) +
                                textColumns({"What the report says"}, true),
                            7.5);
        for (const report::AsopItem& i : items)
            t.rows.append(TableRow{{i.item, i.standard, report::statusText(i.status), i.detail},
                                   i.status == report::AsopStatus::Unfilled});
        if (std::any_of(items.cbegin(), items.cend(),
                        [](const report::AsopItem& i) { return i.status == report::AsopStatus::Standard; }))
            t.notes << QStringLiteral(
                "“Standard wording”: Sharecast's own text, shown because the project sets none; "
                "replace it in the project settings where it does not fit.");
        flow_.table(t);

        // Material changes since the earlier version.
        // With an earlier version, the heading keeps its tables' start with it; else one sentence follows.
        flow_.heading(QStringLiteral("Material changes since the previous version"), hasEarlier ? 140 : 40);
        if (!hasEarlier) {
            flow_.paragraph(
                QStringLiteral("No earlier version was chosen to compare with (File ▸ Export Report, "
                               "or “sharecast report --since”)."),
                TextStyle::Small);
            return;
        }
        const QString earlier = earlierName();
        const QList<Headline> before = headlinesOf(*earlier_, options_.earlier->paymentModel);
        const QList<Headline> now = headlinesOf(doc_.settlement(), doc_.scenario().paymentModel);
        Table h =
            makeTable(QStringLiteral("Table %1.2. Headline figures against %2").arg(n).arg(earlier),
                      textColumns({"Figure"}) + figureColumns({"Earlier", "This report", "Change"}), 8.0);
        for (int i = 0; i < now.size() && i < before.size(); ++i)
            h.rows.append(TableRow{{now[i].label, dollars(before[i].value), dollars(now[i].value),
                                    dollars(now[i].value - before[i].value)}});
        h.notes << QStringLiteral("Both settled on the same data, performance year %1.")
                       .arg(doc_.settlement().year);
        flow_.table(h);
        if (diff.empty()) {
            flow_.paragraph(QStringLiteral("The assumptions are the same as in %1.").arg(earlier),
                            TextStyle::Small);
            return;
        }
        Table d = makeTable(QStringLiteral("Table %1.3. Assumptions changed since %2").arg(n).arg(earlier),
                            monoColumns({"Key"}, true) + textColumns({"Earlier", "This report"}, true), 7.0);
        for (const io::ScenarioDifference& x : diff)
            d.rows.append(TableRow{{x.key, x.left, x.right}});
        flow_.table(d);
    }

    //! Who set each assumption group (the scenario's assumption_sources), for the assumptions section.
    void assumptionSources(int sectionNumberOfAssumptions, int& table)
    {
        const Scenario& sc = doc_.scenario();
        const QStringList material = report::materialAssumptionGroups(sc, hasPartnerships());
        QStringList groups = material;
        for (const auto& [group, source] : sc.assumptionSources)
            if (!groups.contains(QString::fromStdString(group)))
                groups << QString::fromStdString(group);
        Table t = makeTable(
            QStringLiteral("Table %1.%2. Who set the assumptions (source and owner by group)")
                .arg(sectionNumberOfAssumptions)
                .arg(++table),
            monoColumns({"Group"}) + textColumns({"Part of the methodology", "Source", "Owner"}, true), 7.5);
        int missing = 0;
        for (const QString& g : groups) {
            const auto it = sc.assumptionSources.find(g.toStdString());
            const bool has =
                it != sc.assumptionSources.end() && (!it->second.source.empty() || !it->second.owner.empty());
            missing += has ? 0 : 1;
            t.rows.append(
                TableRow{{g, report::assumptionGroupTitle(g),
                          has ? (it->second.source.empty() ? QStringLiteral("—") : text(it->second.source))
                              : QStringLiteral("not recorded"),
                          has ? (it->second.owner.empty() ? QStringLiteral("—") : text(it->second.owner))
                              : QStringLiteral("not recorded")},
                         !has});
        }
        if (missing)
            t.notes << QStringLiteral(
                           "%1 group%2 without a recorded source or owner (bold): record them under the "
                           "scenario's assumption_sources.")
                           .arg(missing)
                           .arg(missing == 1 ? QString() : QStringLiteral("s"));
        flow_.table(t);
    }

    ProjectDocument& doc_;
    const ReportOptions& options_;
    PageFlow flow_;
    double dpi_;
    bool public_;
    io::ReportCsvOptions csv_;
    QDate date_;
    const std::optional<Settlement>& compare_;
    const Validity& validity_;
    const std::optional<io::SensitivityTable>& drivers_;
    const std::optional<io::SensitivityTable>& summaryDrivers_;
    const std::optional<RegionalRates>& regional_;
    QSet<QString> suppressed_;
    std::vector<const Section*> sections_; //!< the sections this report has, in order
    std::unique_ptr<report::ReportCharts> charts_;
    io::ReportSettings settings_;
    const std::optional<Settlement>& earlier_;
};

//! The report's XMP metadata: title, subject, creator tool and language (English, United States).
QByteArray briefingXmp(const QString& title, const QString& project)
{
    const QString xmp = QStringLiteral(
        "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'>\n"
        "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n"
        "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' "
        "xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmlns:pdf='http://ns.adobe.com/pdf/1.3/'>\n"
        "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>%1</rdf:li></rdf:Alt></dc:title>\n"
        "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>%2</rdf:li></rdf:Alt></dc:description>\n"
        "<dc:language><rdf:Bag><rdf:li>en-US</rdf:li></rdf:Bag></dc:language>\n"
        "<dc:format>application/pdf</dc:format>\n"
        "<xmp:CreatorTool>Sharecast</xmp:CreatorTool>\n"
        "<pdf:Producer>Sharecast (Qt)</pdf:Producer>\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        "<?xpacket end='w'?>");
    return xmp
        .arg(title.toHtmlEscaped(), QStringLiteral("Shared-savings settlement and five-year projection of %1")
                                        .arg(project)
                                        .toHtmlEscaped())
        .toUtf8();
}

} // namespace

QList<ReportSection> reportSections()
{
    QList<ReportSection> out;
    for (const auto& section : Builder::sectionTable()) {
        const SectionId id = section.id;
        const bool optional = id == SectionId::Comparison || id == SectionId::Drivers ||
                              id == SectionId::Regional || id == SectionId::Partnerships;
        out.append(
            ReportSection{QString::fromLatin1(section.key), QString::fromUtf8(section.title), !optional});
    }
    return out;
}

void checkSectionKeys(const QStringList& keys)
{
    QStringList known;
    for (const ReportSection& s : reportSections())
        known << s.key;
    for (const QString& k : keys)
        if (!known.contains(k))
            throw InputError(QStringLiteral("unknown report section '%1' (sections: %2)")
                                 .arg(k, known.join(QStringLiteral(", ")))
                                 .toStdString());
}

QList<QPair<QString, QString>> reportHeadlines(const ProjectDocument& document)
{
    QList<QPair<QString, QString>> out;
    for (const Headline& h : headlinesOf(document.settlement(), document.scenario().paymentModel))
        out.append({h.label, dollars(h.value)});
    return out;
}

ReportFigures reportFigures(const ProjectDocument& document, const ReportOptions& options)
{
    if (!document.calculationError().isEmpty())
        throw InputError(document.calculationError().toStdString());
    ReportFigures f;
    if (options.compare)
        f.compare = settleScenario(document, *options.compare, false);
    if (options.earlier && !options.omittedSections.contains(QStringLiteral("asop")))
        f.earlier = settleScenario(document, *options.earlier, false); // only the checklist uses it
    f.csv = io::reportCsvOptions(options.suppressSmallCells, document.settlement(), &document.projection(),
                                 document.quality(), f.compare ? &*f.compare : nullptr);
    f.validity = report::withMonteCarlo(document.validity(), document.settlement(), document.scenario());
    if (options.drivers)
        f.drivers = report::driversTornado(document, *options.drivers, f.csv);
    else if (!options.omittedSections.contains(QStringLiteral("summary"))) {
        // The summary's top three: every numeric assumption ±10 %, leaving out one that the
        // scenario's rules do not let move so far (a take-up at 100 %, a baseline weight that
        // must add up to 1 with the others).
        ReportDrivers quick;
        for (const std::string& k : io::scenarioNumberKeys(document.scenario()))
            quick.keys.push_back(io::SensitivityKey{k, {}, {}});
        while (!quick.keys.empty() && !f.summaryDrivers) {
            try {
                f.summaryDrivers = report::driversTornado(document, quick, f.csv);
            } catch (const InputError& e) {
                // The refused key: "(with KEY = value)" in the reason, else the column.
                static const QRegularExpression with(QStringLiteral("\\(with ([^ ]+) = "));
                const QRegularExpressionMatch m = with.match(QString::fromStdString(e.reason()));
                const std::string refused = m.hasMatch() ? m.captured(1).toStdString() : e.where().column;
                const auto kept =
                    std::remove_if(quick.keys.begin(), quick.keys.end(), [&](const io::SensitivityKey& k) {
                        return !refused.empty() && (k.key == refused || k.key.rfind(refused + "[", 0) == 0);
                    });
                if (kept == quick.keys.end())
                    break; // not a key's refusal: the summary says the drivers were not analysed
                quick.keys.erase(kept, quick.keys.end());
            }
        }
    }
    if (const std::optional<RegionalRatesSpec>& spec = document.scenario().regionalRates)
        f.regional = computeRegionalRates(RegionalRatesInput{&*spec, paidRates(document.projection())});
    return f;
}

ReportInfo renderReport(ProjectDocument& document, const ReportOptions& options, QPagedPaintDevice* device)
{
    return renderReport(document, options, reportFigures(document, options), device);
}

ReportInfo renderReport(ProjectDocument& document, const ReportOptions& options, const ReportFigures& figures,
                        QPagedPaintDevice* device)
{
    if (!document.calculationError().isEmpty())
        throw InputError(document.calculationError().toStdString());
    report::PageFlow::registerFonts();
    Builder builder(document, options, figures, device);
    builder.build();
    ReportInfo info;
    info.pages = builder.flow().pageCount();
    info.sections = builder.flow().contents();
    info.problems = builder.problems + builder.flow().problems();
    if (!builder.flow().paint(device))
        info.pages = 0;
    return info;
}

QByteArray renderReportPdf(ProjectDocument& document, const ReportOptions& options, ReportInfo* info)
{
    return renderReportPdf(document, options, reportFigures(document, options), info);
}

QByteArray renderReportPdf(ProjectDocument& document, const ReportOptions& options,
                           const ReportFigures& figures, ReportInfo* info)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ReportInfo result;
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(300);
        // What Qt 6.4's QPdfWriter allows: the title and creator (Info dictionary), PDF 1.4, 1.6 or
        // PDF/A-1b, and the document's XMP metadata (where the language is declared as dc:language).
        // It writes no structure tree (no tagged PDF, headings or alternate text for figures) and no
        // /Lang entry in the catalog; docs/report-accessibility.md says what that means.
        const QString title = QStringLiteral("Shared-savings briefing: %1, performance year %2")
                                  .arg(scenarioName(document.scenario()))
                                  .arg(document.settlement().year);
        writer.setCreator(QStringLiteral("Sharecast"));
        writer.setTitle(title);
        writer.setDocumentXmpMetadata(briefingXmp(title, document.title()));
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        result = renderReport(document, options, figures, &writer);
    }
    if (info)
        *info = result;
    return result.pages > 0 ? buffer.data() : QByteArray();
}

QList<QPair<QString, QByteArray>> reportCsvFiles(const ProjectDocument& document,
                                                 const ReportOptions& options)
{
    return reportCsvFiles(document, options, reportFigures(document, options));
}

QList<QPair<QString, QByteArray>> reportCsvFiles(const ProjectDocument& document, const ReportOptions&,
                                                 const ReportFigures& figures)
{
    if (!document.calculationError().isEmpty())
        throw InputError(document.calculationError().toStdString());
    const io::ReportCsvOptions& csv = figures.csv;
    QList<QPair<QString, QByteArray>> files;
    files.append({QStringLiteral("settlement.csv"),
                  io::reportSettlementCsv(document.settlement(), document.scenario(), csv)});
    files.append({QStringLiteral("projection.csv"), io::reportProjectionCsv(document.projection(), csv)});
    files.append({QStringLiteral("assumptions.csv"), io::assumptionsCsv(document.scenario())});
    files.append({QStringLiteral("trace.csv"), io::traceCsv(document.settlement(), csv)});
    files.append({QStringLiteral("validity.csv"), io::reportValidityCsv(figures.validity, csv)});
    if (figures.compare)
        files.append({QStringLiteral("comparison.csv"),
                      io::comparisonCsv(document.settlement(), *figures.compare, csv)});
    if (figures.drivers)
        files.append({QStringLiteral("sensitivity.csv"), io::sensitivityCsv(*figures.drivers)});
    if (figures.regional && !csv.suppressSmallCells)
        files.append({QStringLiteral("regional_rates.csv"), io::regionalRatesCsv(*figures.regional)});
    if (const PartnershipLedger* ledger = document.partnershipLedger(); ledger && !csv.suppressSmallCells)
        files.append({QStringLiteral("partnerships_ledger.csv"), io::partnershipLedgerCsv(*ledger)});
    return files;
}

} // namespace sharecast::ui
