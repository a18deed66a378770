//! The stakeholder briefing and its CSV files, built from the synthetic statewide sample through
//! `runReportCommand` (as `sharecast report` runs it): the PDF has its sections on the pages its
//! contents say, the headline figures exactly as an independent settlement formats them, the
//! CSV files round-trip to the engine's numbers, a public report shows no count below 11, and
//! bad input writes nothing.

#include "cli/cli.h"
#include "engine/experience_index.h"
#include "engine/rounding.h"
#include "engine/settlement.h"
#include "engine/validity.h"
#include "io/csv/csv_reader.h"
#include "io/csv/experience_csv.h"
#include "io/csv/experience_export.h"
#include "io/csv/validity_csv.h"
#include "io/project/importer.h"
#include "io/project/member_moments.h"
#include "io/project/project_store.h"
#include "io/project/scenario_store.h"
#include "io/report/report_csv.h"
#include "io/scenario/presets.h"
#include "io/scenario/scenario_source.h"
#include "ui/document/format.h"
#include "ui/document/project_document.h"
#include "ui/report/report_assumptions.h"
#include "ui/report/report_preview.h"
#include "ui/report/report_renderer.h"

#include "tests/ui/pdf_text.h"
#include "tests/ui/plain_reading.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <map>
#include <optional>

using namespace sharecast;

namespace {

using testing::pdfText;

//! The number of pages pdfinfo reports.
int pdfPages(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {pdf});
    if (!p.waitForFinished(60000))
        return -1;
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                                          .match(QString::fromUtf8(p.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

//! A CSV file as a header and rows of fields (through the project's own RFC 4180 reader).
struct CsvTable {
    QStringList header;
    QList<QStringList> rows;
    int column(const QString& name) const { return static_cast<int>(header.indexOf(name)); }
};

CsvTable readCsv(const QString& path)
{
    CsvTable t;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return t;
    io::CsvReader reader(f, path.toStdString());
    bool first = true;
    while (reader.next()) {
        QStringList fields;
        for (std::string_view v : reader.fields())
            fields << QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
        if (first)
            t.header = fields;
        else
            t.rows << fields;
        first = false;
    }
    return t;
}

//! An independent settlement of the project's active data under a scenario.
struct EngineRun {
    ExperienceData experience;
    QualityData quality;
    std::unique_ptr<ExperienceIndex> index;
    Settlement settlement;
    Projection projection;
};

std::unique_ptr<EngineRun> engineRun(const QString& projectPath, const Scenario& scenario)
{
    auto run = std::make_unique<EngineRun>();
    const auto store = io::ProjectStore::open(projectPath);
    run->experience = store->loadExperience(store->activeDataset(io::DatasetKind::Experience)->id);
    run->quality = store->loadQuality(store->activeDataset(io::DatasetKind::Quality)->id);
    run->index = std::make_unique<ExperienceIndex>(run->experience);
    SettlementOptions o;
    o.year = scenario.performanceYear ? *scenario.performanceYear : run->index->maxYear();
    o.trace = false;
    run->settlement = settle(*run->index, &run->quality, scenario, o);
    run->projection = project(*run->index, &run->quality, scenario, {});
    return run;
}

//! "$1,234" / "−$1,234" from a total of cents, as a reader of the settlement CSV would write it.
QString wholeDollars(double total)
{
    const QString s = ui::formatNumber(total, 0);
    return s.startsWith(QStringLiteral("−")) ? QStringLiteral("−$") + s.mid(1) : QStringLiteral("$") + s;
}

//! Σ of the values each rounded to cents, summed as whole cents (independent of the report code).
double centsTotal(const std::vector<double>& values)
{
    long long cents = 0;
    for (double v : values)
        cents += std::llround(std::stod(formatMoney(v)) * 100.0);
    return static_cast<double>(cents) / 100.0;
}

const QStringList kSections = {"Executive summary",
                               "Settlement by plan",
                               "How much of this is chance",
                               "Five-year projection",
                               "Partnerships: the three wins", // the sample has partnerships
                               "Quality results",
                               "Assumptions",
                               "Data provenance",
                               "Methodology summary",
                               "Disclosures",
                               "Actuarial standards checklist (ASOP 41 and 56)",
                               "Appendix: projection by plan"};

//! Text with every run of white space (line breaks and layout columns) as one space.
QString flowing(const QString& text)
{
    return QString(text).replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
}

//! The file's bytes (empty when it cannot be read).
QByteArray fileBytes(const QString& name)
{
    QFile f(name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

//! A probability as the report's prose writes it, from an independent formatting of the value.
QString proseProbability(double p)
{
    if (p < 0.0005)
        return QStringLiteral("less than 0.1 %");
    if (p >= 0.9995)
        return QStringLiteral("more than 99.9 %");
    return QString::number(100.0 * p, 'f', 1) + QStringLiteral(" %");
}

//! Members as the report's prose writes them: "2.7 million", "5,685".
QString proseMembers(double n)
{
    return n >= 1e6 ? QString::number(n / 1e6, 'f', 1) + QStringLiteral(" million") : ui::formatNumber(n, 0);
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;      //!< the synthetic sample, marked synthetic
    QString smallProject_; //!< the sample plus a plan of about 5 members (P99)

    QString path(const QString& name) const { return dir_.filePath(name); }

    static int report(const QStringList& args) { return cli::execute(QStringList{"report"} + args).exitCode; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        for (const char* tool : {"pdftotext", "pdfinfo"})
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                     "the PDF checks need poppler-utils (pdftotext, pdfinfo)");
        struct {
            QString outDir, projectPath;
        } sample{path(QStringLiteral("sample")), path(QStringLiteral("sample.sharecast"))};
        QCOMPARE(cli::execute({"generate-sample", "--out", sample.outDir, "--project", sample.projectPath})
                     .exitCode,
                 0);
        project_ = sample.projectPath;

        // A cell at `1 / divisor` of its size: every count and amount divided.
        auto shrunk = [](ExperienceCell c, double divisor) {
            c.memberMonths /= divisor;
            for (double& v : c.cost)
                v /= divisor;
            for (double& v : c.util)
                v /= divisor;
            for (double* v :
                 {&c.capitationRevenue, &c.adminCost, &c.claimsDenied, &c.claimsTotal, &c.grievances})
                *v /= divisor;
            return c;
        };
        // A copy of plan P13 at a thousandth of its size: about 5 members, so public reports must
        // suppress it.
        ExperienceData data = io::readExperienceFile(sample.outDir + QStringLiteral("/experience.csv"));
        std::vector<ExperienceCell> tiny;
        for (const ExperienceCell& c : data.cells)
            if (c.planId == "P13") {
                tiny.push_back(shrunk(c, 1000.0));
                tiny.back().planId = "P99";
            }
        // And one cell of plan P01 (its largest county's children) in a county of its own at a
        // hundred-thousandth of the size, about one member: the plan is shown, so that cell needs
        // a complement among P01's cells.
        std::optional<std::string> firstKey;
        for (const ExperienceCell& c : data.cells) {
            if (c.planId != "P01")
                continue;
            const std::string key = c.region + "|" + c.rateCell;
            if (!firstKey)
                firstKey = key;
            if (key != *firstKey)
                continue;
            tiny.push_back(shrunk(c, 1.0e5));
            tiny.back().region = "Tiny County";
        }
        QVERIFY(!tiny.empty());
        data.cells.insert(data.cells.end(), tiny.begin(), tiny.end());
        data.planNames["P99"] = "Tiny Test Plan";
        QFile out(path(QStringLiteral("small-experience.csv")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(io::experienceCsv(data));
        out.close();
        smallProject_ = path(QStringLiteral("small.sharecast"));
        auto store = io::ProjectStore::create(smallProject_);
        io::ImportRequest r;
        r.experiencePath = out.fileName();
        r.qualityPath = sample.outDir + QStringLiteral("/quality.csv");
        io::importFiles(*store, r);
    }

    //! The briefing has its sections, on the pages its contents list, and numbered pages.
    void pdfHasSectionsAndPages()
    {
        const QString pdf = path(QStringLiteral("briefing.pdf"));
        const QByteArray before = fileBytes(project_);
        QCOMPARE(report({"--project", project_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf}), 0);
        // The command only read the project (a workbench document would have added a scenario).
        QCOMPARE(fileBytes(project_), before);
        {
            const auto store = io::ProjectStore::open(project_);
            QVERIFY(io::ScenarioStore(*store).list().isEmpty());
        }

        // The same report through the library gives the layout's own page count and contents.
        auto doc = ui::ProjectDocument::open(project_);
        ui::ReportInfo info;
        const QByteArray bytes = ui::renderReportPdf(*doc, {}, &info);
        QVERIFY(!bytes.isEmpty());
        QVERIFY2(info.problems.isEmpty(), qPrintable(info.problems.join(QStringLiteral("; "))));
        QCOMPARE(info.sections.size(), kSections.size());

        const int pages = pdfPages(pdf);
        QCOMPARE(pages, info.pages);
        const QStringList pageTexts = pdfText(pdf).split(u'\f', Qt::SkipEmptyParts);
        QCOMPARE(pageTexts.size(), pages);

        // Cover, then a one-page executive summary, then each section in order on its page.
        QVERIFY(pageTexts[0].contains(QStringLiteral("Shared-savings settlement")));
        QVERIFY(pageTexts[0].contains(QStringLiteral("Scenario: Medi-Cal Straw Proposal 7")));
        QVERIFY(pageTexts[0].contains(QStringLiteral("SYNTHETIC DATA")));
        QVERIFY(pageTexts[0].contains(QStringLiteral("Data as of")));
        QVERIFY(pageTexts[0].contains(QStringLiteral("experience years 2019–2024")));
        int previous = 1;
        for (int i = 0; i < kSections.size(); ++i) {
            const ui::report::TocEntry& e = info.sections[i];
            QVERIFY2(e.title.endsWith(kSections[i]), qPrintable(e.title));
            QVERIFY(e.page > previous);
            QVERIFY2(pageTexts[e.page - 1].contains(QStringLiteral("%1  %2").arg(i + 1).arg(kSections[i])) ||
                         pageTexts[e.page - 1].contains(QStringLiteral("%1 %2").arg(i + 1).arg(kSections[i])),
                     qPrintable(kSections[i]));
            // The cover's contents list the same page.
            QVERIFY(pageTexts[0].contains(QRegularExpression(QRegularExpression::escape(kSections[i]) +
                                                             QStringLiteral("\\s+%1\\s*\\n").arg(e.page))));
            previous = e.page;
        }
        QCOMPARE(info.sections[0].page, 2);
        QCOMPARE(info.sections[1].page, 3); // the executive summary is one page
        // The statewide projection is one page; the plans' rows are in the appendix at the end.
        const qsizetype projectionAt = kSections.indexOf(QStringLiteral("Five-year projection"));
        QCOMPARE(info.sections[projectionAt + 1].page, info.sections[projectionAt].page + 1);
        // Running header and "Page N of M" on every page after the cover, none on the cover.
        QVERIFY(!pageTexts[0].contains(QStringLiteral("Page 1 of")));
        for (int i = 1; i < pages; ++i) {
            QVERIFY2(pageTexts[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages)),
                     qPrintable(QString::number(i)));
            QVERIFY(pageTexts[i].contains(QStringLiteral("Shared-savings briefing")));
        }
        // Landscape pages for the wide tables (settlement has 18 figures per plan).
        QProcess p;
        p.start(QStringLiteral("pdfinfo"), {"-f", "1", "-l", QString::number(pages), pdf});
        QVERIFY(p.waitForFinished(60000));
        const QString sizes = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(sizes.contains(QStringLiteral("Page    %1 size:  792 x 612").arg(info.sections[1].page)));
        QVERIFY(sizes.contains(QStringLiteral("Page    1 size:  612 x 792")));
        // A table broken across pages repeats its caption and header.
        const QString all = pageTexts.join(QStringLiteral("\f"));
        QVERIFY(all.contains(QStringLiteral("Projection by plan: cost and savings (continued)")));
        for (const QString& t : pageTexts)
            if (t.contains(QStringLiteral("cost and savings (continued)")))
                QVERIFY(t.contains(QStringLiteral("Counterfactual cost")));
    }

    //! "How much of this is chance": the paragraph's probabilities are §13's, computed here from N,
    //! c and σ with Boost.Math; validity.csv is the engine's and `sharecast validity`'s, byte for byte.
    void chanceSectionMatchesTheEngine()
    {
        const QString out = path(QStringLiteral("chance"));
        const QString pdf = path(QStringLiteral("chance.pdf"));
        QCOMPARE(report({"--project", project_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf,
                         "--csv", out}),
                 0);
        const Scenario scenario = io::loadPreset(QStringLiteral("straw-proposal-7"));
        const auto run = engineRun(project_, scenario);
        const QString text = flowing(pdfText(pdf));
        QVERIFY(text.contains(QStringLiteral("How much of this is chance")));
        QVERIFY(text.contains(QStringLiteral("With no true savings, a plan the size of")));
        // The sample's experience is a cell file: c is msr.cv, and the section says so.
        QVERIFY(text.contains(
            QStringLiteral("is the assumed coefficient of variation 2.50 (msr.cv) for every plan")));
        QVERIFY(text.contains(QStringLiteral("Monte Carlo of 10,000 draws with seed 1")));

        // σ = c · √(1/N + Σ_b w_b² / N_b) over the plan's settled cells (§13), then 1 − Φ(m/σ).
        const double c = scenario.msr.cv;
        auto membersIn = [&](const PlanSettlement& p, Year y) {
            double mm = 0.0;
            for (const CellResult& cell : p.cells)
                for (const ExperienceCell& e : run->experience.cells)
                    if (e.planId == p.planId && e.year == y && e.region == *cell.region &&
                        e.rateCell == *cell.rateCell)
                        mm += e.memberMonths;
            return mm / 12.0;
        };
        auto falseReward = [&](const PlanSettlement& p) {
            const std::vector<Year>& years = scenario.baseline.years;
            double weights = 0.0, term = 0.0;
            for (std::size_t i = 0; i < years.size(); ++i)
                if (membersIn(p, years[i]) > 0.0)
                    weights += scenario.baseline.weights[i];
            for (std::size_t i = 0; i < years.size(); ++i)
                if (const double nb = membersIn(p, years[i]); nb > 0.0) {
                    const double w = scenario.baseline.weights[i] / weights;
                    term += w * w / nb;
                }
            const double sigma = c * std::sqrt(1.0 / p.members + term);
            return boost::math::cdf(boost::math::complement(boost::math::normal(), p.msr.rate / sigma));
        };
        const PlanSettlement* largest = nullptr;
        const PlanSettlement* smallest = nullptr;
        for (const PlanSettlement& p : run->settlement.plans) {
            if (!largest || p.members > largest->members)
                largest = &p;
            if (!smallest || p.members < smallest->members)
                smallest = &p;
        }
        QVERIFY(largest && smallest && largest != smallest);
        const double pSmall = falseReward(*smallest);
        QVERIFY2(pSmall > 0.01, "the smallest plan's figure is a number, not a bound");
        // "Name (P01, 2.7 million members) would clear its 0.50 % MSR by chance …".
        auto planAndSize = [](const PlanSettlement& p) {
            return QRegularExpression::escape(QString::fromStdString(p.planId)) + QStringLiteral(", ") +
                   QRegularExpression::escape(proseMembers(p.members)) + QStringLiteral(" members\\)");
        };
        const QRegularExpression large(QStringLiteral("a plan the size of [^;]*\\(") + planAndSize(*largest) +
                                       QStringLiteral(" would clear its ") +
                                       QRegularExpression::escape(ui::formatPercent(largest->msr.rate, 2)) +
                                       QStringLiteral(" MSR by chance ") +
                                       QRegularExpression::escape(proseProbability(falseReward(*largest))) +
                                       QStringLiteral(" of the time"));
        QVERIFY2(text.contains(large), qPrintable(large.pattern()));
        const QRegularExpression small(
            QStringLiteral("; the smallest plan, [^;(]*\\(") + planAndSize(*smallest) + QStringLiteral(", ") +
            QRegularExpression::escape(proseProbability(pSmall)) + QStringLiteral(" of the time"));
        QVERIFY2(text.contains(small), qPrintable(small.pattern()));

        // validity.csv: the engine's own, with the scenario's draws and seed.
        const auto store = io::ProjectStore::open(project_);
        const std::optional<MemberMoments> moments = io::activeMemberMoments(*store);
        MonteCarloOptions mc;
        mc.draws = scenario.uncertainty.draws;
        mc.seed = scenario.uncertainty.seed;
        const Validity v =
            assessValidity(run->settlement, *run->index, scenario, moments ? &*moments : nullptr, mc);
        const QByteArray csv = fileBytes(out + QStringLiteral("/validity.csv"));
        QVERIFY(!csv.isEmpty());
        QCOMPARE(csv, io::validityCsv(v));
        // … which is what `sharecast validity` writes for the same project, scenario and year.
        const QString validityOut = path(QStringLiteral("validity.csv"));
        const cli::CommandResult r =
            cli::execute({"validity", "--project", project_, "--scenario", "preset:straw-proposal-7",
                          "--year", QString::number(run->settlement.year), "--out", validityOut});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(csv, fileBytes(validityOut));
        // The statewide payment figures of the paragraph are the ALL row's.
        QVERIFY(text.contains(QStringLiteral("would pay plans %1 a year on average (95th percentile %2)")
                                  .arg(ui::formatMillions(roundTo(v.all.chanceMean, 2), 1),
                                       ui::formatMillions(roundTo(v.all.chanceP95, 2), 1))));
    }

    //! A public report's chance section and validity.csv do not give the small plan away: its row
    //! and its complement's are starred, and the ALL row minus the plans shown is not its figure.
    void publicChanceSectionHidesTheSmallPlan()
    {
        const QString out = path(QStringLiteral("public-chance"));
        const QString pdf = path(QStringLiteral("public-chance.pdf"));
        QCOMPARE(report({"--project", smallProject_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf,
                         "--csv", out, "--public"}),
                 0);
        const Scenario scenario = io::loadPreset(QStringLiteral("straw-proposal-7"));
        const auto run = engineRun(smallProject_, scenario);
        MonteCarloOptions mc;
        mc.draws = scenario.uncertainty.draws;
        mc.seed = scenario.uncertainty.seed;
        const Validity v = assessValidity(run->settlement, *run->index, scenario, nullptr, mc);
        const PlanValidity* tiny = nullptr;
        for (const PlanValidity& p : v.plans)
            if (p.planId == "P99")
                tiny = &p;
        QVERIFY(tiny);

        const CsvTable vt = readCsv(out + QStringLiteral("/validity.csv"));
        QCOMPARE(vt.header, io::validityColumns());
        QCOMPARE(vt.rows.size(), static_cast<int>(v.plans.size()) + 1);
        QStringList starred;
        double shownMean = 0.0;
        for (const QStringList& row : vt.rows.mid(0, vt.rows.size() - 1)) {
            if (row[1] == u"*") {
                starred << row[0];
                for (int i = 1; i < row.size(); ++i)
                    QCOMPARE(row[i], QStringLiteral("*"));
                continue;
            }
            shownMean += row[vt.column("chance_payment_mean")].toDouble();
        }
        QVERIFY2(starred.contains(QStringLiteral("P99")) && starred.size() >= 2,
                 qPrintable(starred.join(u',')));
        const QStringList& all = vt.rows.back();
        QCOMPARE(all[0], QStringLiteral("ALL"));
        // The ALL mean (a sum over plans) minus the plans shown is the suppressed plans' sum: it
        // must not be the small plan's alone, unless it is withheld (or there is nothing to hide,
        // both being never paid).
        double complements = 0.0;
        for (const PlanValidity& p : v.plans)
            if (p.planId != "P99" && starred.contains(QString::fromStdString(p.planId)))
                complements += p.payment.chanceMean;
        if (all[vt.column("chance_payment_mean")] != u"*") {
            const double residual = all[vt.column("chance_payment_mean")].toDouble() - shownMean;
            QVERIFY2(std::abs(residual - roundTo(tiny->payment.chanceMean + complements, 2)) <
                         0.05 * starred.size(),
                     qPrintable(QString::number(residual, 'f', 2)));
            QVERIFY2(complements != 0.0 || tiny->payment.chanceMean == 0.0,
                     "a complement that hides nothing");
        } else {
            QVERIFY(complements == 0.0 && tiny->payment.chanceMean != 0.0);
        }

        // The PDF: the paragraph speaks of the plans shown, never of the small plan, and none of
        // its figures appears.
        const QString text = flowing(pdfText(pdf));
        QVERIFY(text.contains(QStringLiteral("the smallest plan shown, ")));
        QVERIFY(!text.contains(QStringLiteral("the smallest plan shown, P99")));
        QVERIFY(!text.contains(QStringLiteral("(P99, ")));
        int tinyRows = 0;
        const QRegularExpression tinyLine(QStringLiteral("^\\s*P99\\s.*$"),
                                          QRegularExpression::MultilineOption);
        for (const QString& page : pdfText(pdf).split(u'\f')) {
            if (!page.contains(QStringLiteral("How much of each plan’s result is chance")))
                continue;
            for (auto it = tinyLine.globalMatch(page); it.hasNext();) {
                const QString line = it.next().captured(0);
                ++tinyRows;
                QVERIFY2(line.count(u'*') >= 11, qPrintable(line));
                QVERIFY2(!QString(line)
                              .remove(QStringLiteral("P99"))
                              .contains(QRegularExpression(QStringLiteral("\\d"))),
                         qPrintable(line));
            }
        }
        QCOMPARE(tinyRows, 1);
    }

    //! The statewide validity figures are withheld exactly when one suppressed plan stands alone.
    void validityTotalWithheldWhenItRevealsAPlan()
    {
        Validity v;
        for (const auto& [id, members] : {std::pair{"A", 5.0}, std::pair{"B", 20.0}, std::pair{"C", 30.0}}) {
            PlanValidity p;
            p.planId = id;
            p.members = members;
            p.payment.chanceMean = 100.0;
            v.plans.push_back(p);
        }
        v.monteCarloDone = true;
        v.all.chanceMean = 1234.5;
        io::ReportCsvOptions o;
        QVERIFY(!io::isValidityTotalWithheld(v, o));
        QCOMPARE(io::reportValidityCsv(v, o), io::validityCsv(v));
        o.suppressSmallCells = true; // A suppressed alone: ALL minus B and C would be A
        QVERIFY(io::isValidityTotalWithheld(v, o));
        QVERIFY(io::reportValidityCsv(v, o).contains("\nALL,*,*,"));
        o.suppressedPlans = {"A", "B"}; // with its complement, ALL gives only their sum
        QVERIFY(!io::isValidityTotalWithheld(v, o));
        const QByteArray csv = io::reportValidityCsv(v, o);
        QVERIFY(csv.contains("\nA,*,*,") && csv.contains("\nB,*,*,") && !csv.contains("\nC,*"));
        QVERIFY(csv.contains(",1234.50,"));
        v.plans[1].payment = PaymentDistribution{}; // B is never paid: ALL minus C would be A again
        QVERIFY(io::isValidityTotalWithheld(v, o));
    }

    //! The executive summary is one page a director reads in a minute: no symbol, formula, section
    //! sign or unexplained acronym (tests/ui/plain_reading.h), and its sentences carry the year's
    //! figures as a reader of settlement.csv works them out: the plans, how many could share and
    //! were paid, the savings, the payments, what the program keeps and the state's part of it.
    void executiveSummaryReadsPlainly()
    {
        const QString out = path(QStringLiteral("plain"));
        const QString pdf = path(QStringLiteral("plain.pdf"));
        QCOMPARE(report({"--project", project_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf,
                         "--csv", out}),
                 0);
        const QStringList pages = pdfText(pdf).split(u'\f');
        const QString summary = flowing(pages.value(1));
        QVERIFY(summary.contains(QStringLiteral("Executive summary")));
        const QStringList problems = testing::plainReadingProblems(summary);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(problems.join(QStringLiteral(", ")) + QStringLiteral("\n") + summary));

        const CsvTable st = readCsv(out + QStringLiteral("/settlement.csv"));
        double saved = 0.0, paid = 0.0, kept = 0.0, state = 0.0;
        int eligible = 0, paidPlans = 0;
        for (const QStringList& row : st.rows) {
            saved += row[st.column("gross_savings")].toDouble();
            paid += row[st.column("plan_payment")].toDouble();
            kept += row[st.column("program_net")].toDouble();
            state += row[st.column("state_share")].toDouble();
            eligible += row[st.column("eligible")] == u"1" || row[st.column("eligible")] == u"true" ? 1 : 0;
            paidPlans += row[st.column("plan_payment")].toDouble() > 0.0 ? 1 : 0;
        }
        auto millions = [](double x) {
            return QStringLiteral("$") + QString::number(std::fabs(x) / 1e6, 'f', 1) +
                   QStringLiteral(" million");
        };
        QVERIFY2(saved > 0.0 && paidPlans > 0 && eligible >= paidPlans,
                 "the sample saves and pays some plans");
        for (const QString& expected :
             {QStringLiteral("of %1 plans cost").arg(st.rows.size()),
              QStringLiteral("%1 of the %2 plans met every condition to share in savings, and %3 of them")
                  .arg(eligible)
                  .arg(st.rows.size())
                  .arg(paidPlans),
              QStringLiteral("%1 (").arg(millions(saved)),
              QStringLiteral("paid: %1 in all").arg(millions(paid)),
              QStringLiteral("return %1 to the program, %2 of it the state’s")
                  .arg(millions(kept), millions(state)),
              QStringLiteral("Source: Sharecast settlement")})
            QVERIFY2(summary.contains(expected), qPrintable(expected + QStringLiteral("\n") + summary));
        // Plans by name on the savings chart and in the plans needing attention, not by code.
        QVERIFY2(summary.contains(QStringLiteral("Golden Poppy Health Plan")), qPrintable(summary));

        // The short list of plans needing attention starts with the blocked plan (a failed gate or
        // the guardrail: not eligible) that has the most savings at stake.
        QString blocked;
        double stake = -1.0;
        for (const QStringList& row : st.rows) {
            const bool notEligible =
                row[st.column("eligible")] == u"0" || row[st.column("eligible")] == u"false";
            const double g = std::fabs(row[st.column("gross_savings")].toDouble());
            if (notEligible && g > stake) {
                stake = g;
                blocked = row[st.column("plan_id")];
            }
        }
        QVERIFY(!blocked.isEmpty());
        const auto doc = ui::ProjectDocument::open(project_);
        const QString name = QString::fromStdString(doc->experience().planName(blocked.toStdString()));
        QVERIFY2(summary.contains(QStringLiteral("Plans needing attention • ") + name + u':'),
                 qPrintable(name + QStringLiteral("\n") + summary));
    }

    //! The settlement section's statewide table prints the figures exactly as `sharecast settle`
    //! adds up (the executive summary tells them in words: executiveSummaryReadsPlainly).
    void headlineFiguresMatchTheEngine()
    {
        const QString pdf = path(QStringLiteral("headline.pdf"));
        QCOMPARE(report({"--project", project_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf}), 0);
        const QStringList pages = pdfText(pdf).split(u'\f');
        QString summary;
        for (const QString& page : pages)
            if (page.contains(QStringLiteral("Statewide settlement, performance year 2024")))
                summary = page;
        QVERIFY(!summary.isEmpty());

        const auto run = engineRun(project_, io::loadPreset(QStringLiteral("straw-proposal-7")));
        std::vector<double> e, a, g, p, n, f, s;
        for (const PlanSettlement& plan : run->settlement.plans) {
            e.push_back(plan.expected);
            a.push_back(plan.actual);
            g.push_back(plan.grossSavings);
            p.push_back(plan.payment.payment);
            n.push_back(plan.programNet);
            f.push_back(plan.split.federal);
            s.push_back(plan.split.state);
        }
        const std::vector<std::pair<QString, double>> figures = {{"Expected cost", centsTotal(e)},
                                                                 {"Actual cost", centsTotal(a)},
                                                                 {"Gross savings", centsTotal(g)},
                                                                 {"Plan payments", centsTotal(p)},
                                                                 {"Transfer to the state", centsTotal(n)},
                                                                 {"Federal share", centsTotal(f)},
                                                                 {"State share", centsTotal(s)}};
        for (const auto& [label, total] : figures) {
            const QString dollars = wholeDollars(total);
            const QString millions = ui::formatMillions(total, 1);
            const QRegularExpression row(QRegularExpression::escape(label) + QStringLiteral("\\s+") +
                                         QRegularExpression::escape(millions) + QStringLiteral("\\s+") +
                                         QRegularExpression::escape(dollars) + QStringLiteral("\\s"));
            QVERIFY2(summary.contains(row),
                     qPrintable(QStringLiteral("%1: %2 / %3").arg(label, millions, dollars)));
        }
        // Sanity: the sample's published magnitude (docs/sample-data.md: gross savings about $474 M
        // with LTC, ECM and Community Supports priced as add-ons).
        QVERIFY(std::fabs(centsTotal(g) / 1e6 - 474.0) < 5.0);
        // The library's list of headline texts agrees.
        auto doc = ui::ProjectDocument::open(project_);
        doc->setScenario(io::loadPreset(QStringLiteral("straw-proposal-7")), QStringLiteral("test"));
        doc->recalculate();
        const auto headlines = ui::reportHeadlines(*doc);
        QCOMPARE(headlines.size(), 7);
        QCOMPARE(headlines[0].second, wholeDollars(centsTotal(e)));
        QCOMPARE(headlines[6].second, wholeDollars(centsTotal(s)));
    }

    //! The CSV files read back to the engine's figures; settlement.csv is `sharecast settle`'s.
    void csvFilesRoundTrip()
    {
        const QString out = path(QStringLiteral("csv"));
        const QString pdf = path(QStringLiteral("csv.pdf"));
        QCOMPARE(report({"--project", project_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf,
                         "--csv", out}),
                 0);
        const Scenario scenario = io::loadPreset(QStringLiteral("straw-proposal-7"));
        const auto run = engineRun(project_, scenario);

        // Settlement: every plan, every money column to the cent, rates and members.
        const CsvTable st = readCsv(out + QStringLiteral("/settlement.csv"));
        QCOMPARE(st.header.size(), 25); // 18 + the federal limits' 7 (the preset flags them)
        QCOMPARE(st.rows.size(), static_cast<int>(run->settlement.plans.size()));
        const std::vector<std::pair<const char*, double PlanSettlement::*>> money = {
            {"expected", &PlanSettlement::expected},
            {"actual", &PlanSettlement::actual},
            {"gross_savings", &PlanSettlement::grossSavings},
            {"program_net", &PlanSettlement::programNet}};
        for (int i = 0; i < st.rows.size(); ++i) {
            const PlanSettlement& p = run->settlement.plans[static_cast<std::size_t>(i)];
            const QStringList& row = st.rows[i];
            QCOMPARE(row[st.column("plan_id")], QString::fromStdString(p.planId));
            for (const auto& [column, member] : money) {
                const double v = row[st.column(QString::fromLatin1(column))].toDouble();
                QVERIFY2(std::fabs(v - p.*member) <= 0.005 + 1e-9, column);
            }
            QVERIFY(std::fabs(row[st.column("plan_payment")].toDouble() - p.payment.payment) <= 0.005 + 1e-9);
            QVERIFY(std::fabs(row[st.column("federal_share")].toDouble() - p.split.federal) <= 0.005 + 1e-9);
            QVERIFY(std::fabs(row[st.column("state_share")].toDouble() - p.split.state) <= 0.005 + 1e-9);
            QVERIFY(std::fabs(row[st.column("members")].toDouble() - p.members) <= 5e-7);
            QVERIFY(std::fabs(row[st.column("share_rate")].toDouble() - p.shareRate) <= 5e-11);
            QCOMPARE(row[st.column("eligible")], p.eligible ? QStringLiteral("1") : QStringLiteral("0"));
        }
        // Byte for byte what `sharecast settle --project P --scenario preset:straw-proposal-7
        // --year 2024` writes (the report settles the latest year of the data, as the workbench).
        const QString settleOut = path(QStringLiteral("settle.csv"));
        const cli::CommandResult settled =
            cli::execute({"settle", "--project", project_, "--scenario", "preset:straw-proposal-7", "--year",
                          QString::number(run->index->maxYear()), "--out", settleOut});
        QVERIFY2(settled.exitCode == 0, qPrintable(settled.err));
        QFile a(out + QStringLiteral("/settlement.csv")), b(settleOut);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());

        // Projection: the ALL rows against the engine.
        const CsvTable pt = readCsv(out + QStringLiteral("/projection.csv"));
        int allRows = 0;
        for (const QStringList& row : pt.rows) {
            if (row[0] != u"ALL")
                continue;
            const ProjectionYear& y = run->projection.all[static_cast<std::size_t>(allRows++)];
            QCOMPARE(row[pt.column("year")].toInt(), y.year);
            QVERIFY(std::fabs(row[pt.column("benchmark")].toDouble() - y.benchmark) <= 0.005 + 1e-6);
            QVERIFY(std::fabs(row[pt.column("rate_impact")].toDouble() - y.rateImpact) <= 0.005 + 1e-6);
            QVERIFY(std::fabs(row[pt.column("net_state_saving_nonrebased")].toDouble() -
                              y.netStateSavingNonRebased) <= 0.005 + 1e-6);
        }
        QCOMPARE(allRows, static_cast<int>(run->projection.all.size()));
        QCOMPARE(pt.rows.size(), allRows * (1 + static_cast<int>(run->projection.plans.size())));

        // Assumptions: one row per leaf of the JSON form, with its value.
        const CsvTable at = readCsv(out + QStringLiteral("/assumptions.csv"));
        QCOMPARE(at.header, (QStringList{"key", "value"}));
        QCOMPARE(at.rows.size(), static_cast<int>(io::flattenScenario(scenario).size()));
        std::map<QString, QString> values;
        for (const QStringList& row : at.rows)
            values[row[0]] = row[1];
        QCOMPARE(values["trend.by_cos.inpatient.unit_cost"], QStringLiteral("0.035"));
        QCOMPARE(values["baseline.weights[2]"], QStringLiteral("0.6"));
        QCOMPARE(values["quality.measures[7].id"], QStringLiteral("CBP"));
        QCOMPARE(values["fmap.by_rate_cell.ACA Expansion"], QStringLiteral("0.9"));
        QCOMPARE(values["sharing.cap"], QStringLiteral("0.1"));
        QCOMPARE(values["blend"], QStringLiteral("null"));

        // Trace: long format, each plan's payment and expected cost as settled.
        const CsvTable tt = readCsv(out + QStringLiteral("/trace.csv"));
        QCOMPARE(tt.header, (QStringList{"plan_id", "step", "item", "value"}));
        int payments = 0, cells = 0;
        for (const QStringList& row : tt.rows) {
            if (row[1] == u"sharing" && row[2] == u"payment") {
                const PlanSettlement* p = nullptr;
                for (const PlanSettlement& x : run->settlement.plans)
                    if (QString::fromStdString(x.planId) == row[0])
                        p = &x;
                QVERIFY(p);
                QCOMPARE(row[3], QString::fromStdString(formatMoney(p->payment.payment)));
                ++payments;
            }
            if (row[1] == u"benchmark" && row[2].endsWith(QStringLiteral(".cos[inpatient].trend_factor")))
                ++cells;
        }
        QCOMPARE(payments, static_cast<int>(run->settlement.plans.size()));
        QVERIFY(cells > 100);
    }

    //! A public report suppresses the small plan everywhere and shows no count below 11.
    void publicReportHasNoSmallCounts()
    {
        const QString out = path(QStringLiteral("public"));
        const QString pdf = path(QStringLiteral("public.pdf"));
        QCOMPARE(report({"--project", smallProject_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf,
                         "--csv", out, "--public"}),
                 0);
        const auto run = engineRun(smallProject_, io::loadPreset(QStringLiteral("straw-proposal-7")));
        const PlanSettlement* tiny = nullptr;
        for (const PlanSettlement& p : run->settlement.plans)
            if (p.planId == "P99")
                tiny = &p;
        QVERIFY(tiny);
        QVERIFY(tiny->members > 0.0 && tiny->members < 11.0);

        // CSV count columns: nothing from 1 to 10 members (or member months below 132).
        auto smallCount = [](const QString& v, double perMember) {
            bool ok = false;
            const double x = v.toDouble(&ok);
            return ok && x > 0.0 && x / perMember < 11.0;
        };
        const CsvTable st = readCsv(out + QStringLiteral("/settlement.csv"));
        bool sawTiny = false;
        for (const QStringList& row : st.rows) {
            QVERIFY2(!smallCount(row[st.column("members")], 1.0), qPrintable(row[0]));
            if (row[0] == u"P99") {
                sawTiny = true;
                for (int c = 1; c < row.size(); ++c)
                    QCOMPARE(row[c], QStringLiteral("*"));
            }
        }
        QVERIFY(sawTiny);
        const CsvTable pt = readCsv(out + QStringLiteral("/projection.csv"));
        for (const QStringList& row : pt.rows)
            QVERIFY2(!smallCount(row[pt.column("member_months")], 12.0), qPrintable(row.join(u',')));
        const CsvTable tt = readCsv(out + QStringLiteral("/trace.csv"));
        int suppressedCells = 0;
        for (const QStringList& row : tt.rows) {
            if (row[2].endsWith(QStringLiteral("member_months")))
                QVERIFY2(!smallCount(row[3], 12.0), qPrintable(row.join(u',')));
            if (row[2].endsWith(QStringLiteral(".members")) || row[2] == u"members")
                QVERIFY2(!smallCount(row[3], 1.0), qPrintable(row.join(u',')));
            if (row[0] == u"P99" && !row[3].isEmpty())
                QCOMPARE(row[3], QStringLiteral("*"));
            suppressedCells += row[3] == u"*" ? 1 : 0;
        }
        QVERIFY(suppressedCells > 0);

        // The PDF: marked on the cover and at the tables; the member columns show no small count.
        const QStringList pages = pdfText(pdf).split(u'\f');
        QVERIFY(pages[0].contains(QStringLiteral("Small cells suppressed")));
        const QString all = pages.join(u'\f');
        QVERIFY(all.count(QStringLiteral("Small cells suppressed: figures from fewer than 11 members")) >= 7);
        for (int i = 1; i < pages.size(); ++i)
            if (pages[i].contains(QStringLiteral("Page ")))
                QVERIFY(pages[i].contains(QStringLiteral("Small cells suppressed")));
        const QRegularExpression planRow(QStringLiteral("^\\s*(P\\d\\d)\\s+(.*)$"),
                                         QRegularExpression::MultilineOption);
        int tinyRows = 0;
        for (const QString& page : pages) {
            const bool settlementTable = page.contains(QStringLiteral("Costs and savings by plan"));
            const bool projectionTable =
                page.contains(QStringLiteral("Projection by plan: cost and savings"));
            for (auto it = planRow.globalMatch(page); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                QStringList tokens =
                    m.captured(2).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
                if (m.captured(1) == u"P99") {
                    ++tinyRows;
                    // No figure of the small plan: every numeric token is suppressed.
                    for (const QString& t : tokens)
                        QVERIFY2(!t.contains(QRegularExpression(QStringLiteral("\\d"))) ||
                                     t.contains(QRegularExpression(QStringLiteral("^20\\d\\d$"))),
                                 qPrintable(m.captured(0)));
                }
                if (settlementTable) {
                    // Plan, name words, then members: the first token that is a number or "*".
                    for (const QString& t : tokens) {
                        if (t == u"*")
                            break;
                        if (t.contains(QRegularExpression(QStringLiteral("^[\\d,]+$")))) {
                            QVERIFY2(QString(t).remove(u',').toDouble() >= 11.0, qPrintable(m.captured(0)));
                            break;
                        }
                    }
                }
                if (projectionTable && tokens.size() >= 2 && tokens[0].startsWith(QStringLiteral("20")) &&
                    tokens[1].contains(QRegularExpression(QStringLiteral("^[\\d,]+$"))))
                    QVERIFY2(QString(tokens[1]).remove(u',').toDouble() / 12.0 >= 11.0,
                             qPrintable(m.captured(0)));
            }
        }
        QVERIFY(tinyRows >= 3); // settlement (two tables), quality, projection
        // Its figures appear nowhere.
        for (double figure : {tiny->expected, tiny->actual, tiny->split.federal}) {
            if (roundTo(figure, 2) == 0.0)
                continue; // $0 (a loss the plan bears under capitation) reveals nothing
            const QRegularExpression amount(QRegularExpression::escape(wholeDollars(roundTo(figure, 2))) +
                                            QStringLiteral("(?![\\d,])"));
            QVERIFY2(!all.contains(amount), qPrintable(amount.pattern()));
        }
    }

    //! Complementary suppression: the totals a public report shows, minus the plans it shows, never
    //! give back the small plan (projection ALL rows, the statewide settlement, a plan's cells).
    void publicReportResistsSubtraction()
    {
        const QString out = path(QStringLiteral("public-subtraction"));
        const QString pdf = path(QStringLiteral("public-subtraction.pdf"));
        QCOMPARE(report({"--project", smallProject_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf,
                         "--csv", out, "--public"}),
                 0);
        const auto run = engineRun(smallProject_, io::loadPreset(QStringLiteral("straw-proposal-7")));
        const PlanSettlement* tiny = nullptr;
        double statewideExpected = 0.0, statewideActual = 0.0;
        for (const PlanSettlement& p : run->settlement.plans) {
            if (p.planId == "P99")
                tiny = &p;
            statewideExpected += roundTo(p.expected, 2);
            statewideActual += roundTo(p.actual, 2);
        }
        QVERIFY(tiny);

        // Settlement: the statewide expected and actual cost (the Settlement section's statewide table) minus
        // the plans the CSV shows is not the small plan's: a second plan is suppressed with it.
        const CsvTable st = readCsv(out + QStringLiteral("/settlement.csv"));
        QStringList starred;
        double shownExpected = 0.0, shownActual = 0.0;
        for (const QStringList& row : st.rows) {
            if (row[st.column("expected")] == u"*") {
                starred << row[0];
                continue;
            }
            shownExpected += row[st.column("expected")].toDouble();
            shownActual += row[st.column("actual")].toDouble();
        }
        QVERIFY2(starred.contains(QStringLiteral("P99")), qPrintable(starred.join(u',')));
        QVERIFY2(starred.size() >= 2, qPrintable(starred.join(u',')));
        QVERIFY(std::abs((statewideExpected - shownExpected) - roundTo(tiny->expected, 2)) > 1000.0);
        QVERIFY(std::abs((statewideActual - shownActual) - roundTo(tiny->actual, 2)) > 1000.0);
        // The complement is suppressed in the PDF too: none of its figures appears.
        const QString text = pdfText(pdf);
        for (const PlanSettlement& p : run->settlement.plans) {
            if (!starred.contains(QString::fromStdString(p.planId)))
                continue;
            for (double figure : {p.expected, p.actual}) {
                const QRegularExpression amount(QRegularExpression::escape(wholeDollars(roundTo(figure, 2))) +
                                                QStringLiteral("(?![\\d,])"));
                QVERIFY2(!text.contains(amount), qPrintable(QString::fromStdString(p.planId) +
                                                            QStringLiteral(": ") + amount.pattern()));
            }
        }
        QVERIFY(text.contains(QStringLiteral("complementary suppression")));

        // Projection: each year's ALL row minus the plan rows shown is not the small plan's year.
        const CsvTable pt = readCsv(out + QStringLiteral("/projection.csv"));
        std::map<QString, std::map<QString, double>> shown; // year -> column -> Σ shown
        std::map<QString, QStringList> allRows;
        std::map<QString, int> hiddenPlans;
        const QStringList columns{"member_months", "counterfactual_cost", "projected_cost", "benchmark"};
        for (const QStringList& row : pt.rows) {
            const QString year = row[1];
            if (row[0] == u"ALL") {
                allRows[year] = row;
                continue;
            }
            if (row[2] == u"*") {
                ++hiddenPlans[year];
                continue;
            }
            for (const QString& c : columns)
                shown[year][c] += row[pt.column(c)].toDouble();
        }
        const PlanProjection* tinyProjection = nullptr;
        for (const PlanProjection& p : run->projection.plans)
            if (p.planId == "P99")
                tinyProjection = &p;
        QVERIFY(tinyProjection);
        QCOMPARE(static_cast<int>(allRows.size()), static_cast<int>(tinyProjection->years.size()));
        for (const ProjectionYear& y : tinyProjection->years) {
            const QString year = QString::number(y.year);
            QVERIFY2(hiddenPlans[year] >= 2, qPrintable(year));
            const QStringList& all = allRows[year];
            if (all[2] == u"*")
                continue; // withheld
            const double tinyValues[] = {y.memberMonths, y.counterfactualCost, y.projectedCost, y.benchmark};
            for (int i = 0; i < columns.size(); ++i) {
                const double residual = all[pt.column(columns[i])].toDouble() - shown[year][columns[i]];
                QVERIFY2(std::abs(residual - tinyValues[i]) > 1.0,
                         qPrintable(year + u' ' + columns[i] + u' ' + QString::number(residual, 'f', 2)));
            }
        }

        // The trace: within a plan that is shown, a suppressed cell never stands alone (the plan's
        // expected cost minus the cells shown would be that cell's).
        const CsvTable tt = readCsv(out + QStringLiteral("/trace.csv"));
        std::map<QString, int> hiddenCells, cells;
        for (const QStringList& row : tt.rows)
            if (row[1] == u"benchmark" && row[2].startsWith(QStringLiteral("cell[")) &&
                row[2].endsWith(QStringLiteral("].expected"))) {
                ++cells[row[0]];
                hiddenCells[row[0]] += row[3] == u"*" ? 1 : 0;
            }
        for (const auto& [plan, hidden] : hiddenCells)
            if (!starred.contains(plan))
                QVERIFY2(hidden != 1, qPrintable(plan));
    }

    //! A public report of data whose only plan is small cannot be made: every total is that plan.
    void publicReportOfOneSmallPlanIsRefused()
    {
        Settlement s;
        PlanSettlement small;
        small.planId = "A";
        small.members = 5.0;
        PlanSettlement empty;
        empty.planId = "B";
        s.plans = {small, empty};
        QVERIFY_THROWS_EXCEPTION(InputError, io::reportCsvOptions(true, s, nullptr, nullptr));
        QVERIFY(io::reportCsvOptions(false, s, nullptr, nullptr).suppressedPlans.empty());
        // With a second plan of members the small one gets a complement.
        PlanSettlement other;
        other.planId = "C";
        other.members = 20.0;
        s.plans.push_back(other);
        const io::ReportCsvOptions o = io::reportCsvOptions(true, s, nullptr, nullptr);
        QCOMPARE(o.suppressedPlans, (std::set<std::string>{"A", "C"}));
    }

    //! Two scenarios side by side: statewide figures and plan payments with their differences.
    void comparisonReport()
    {
        const QString out = path(QStringLiteral("compare"));
        const QString pdf = path(QStringLiteral("compare.pdf"));
        QCOMPARE(report({"--project", project_, "--scenario", "preset:straw-proposal-7", "--compare",
                         "preset:iha-vbp4p", "--pdf", pdf, "--csv", out}),
                 0);
        const auto a = engineRun(project_, io::loadPreset(QStringLiteral("straw-proposal-7")));
        const auto b = engineRun(project_, io::loadPreset(QStringLiteral("iha-vbp4p")));
        std::vector<double> pa, pb;
        for (const PlanSettlement& p : a->settlement.plans)
            pa.push_back(p.payment.payment);
        for (const PlanSettlement& p : b->settlement.plans)
            pb.push_back(p.payment.payment);
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("Scenario comparison")));
        const QRegularExpression row(
            QStringLiteral("Plan payments\\s+") + QRegularExpression::escape(wholeDollars(centsTotal(pa))) +
            QStringLiteral("\\s+") + QRegularExpression::escape(wholeDollars(centsTotal(pb))) +
            QStringLiteral("\\s+") +
            QRegularExpression::escape(wholeDollars(centsTotal(pb) - centsTotal(pa))));
        QVERIFY2(text.contains(row), qPrintable(row.pattern()));
        QVERIFY(text.contains(QStringLiteral("Assumptions that differ")));
        QVERIFY(text.contains(QStringLiteral("savings_basis")));

        const CsvTable ct = readCsv(out + QStringLiteral("/comparison.csv"));
        QCOMPARE(ct.rows.front()[0], QStringLiteral("ALL"));
        QCOMPARE(ct.rows.front()[ct.column("plan_payment_a")],
                 QString::fromStdString(formatMoney(centsTotal(pa))));
        QCOMPARE(ct.rows.front()[ct.column("plan_payment_b")],
                 QString::fromStdString(formatMoney(centsTotal(pb))));
        QCOMPARE(ct.rows.size(), 1 + static_cast<int>(a->settlement.plans.size()));
    }

    //! With regional_rates the report has the section "Regional rates" and --csv writes
    //! regional_rates.csv, byte for byte what `sharecast rates --regional` writes; a public report
    //! withholds both; every regional_rates key has a readable label.
    void regionalRatesSection()
    {
        Scenario s = io::loadPreset(QStringLiteral("straw-proposal-7"));
        s.regionalRates = RegionalRatesSpec{{{"Bay Area", {"Alameda", "Santa Clara", "Bay Area Region"}},
                                             {"Valley", {"Fresno", "Kern", "Nowhere"}}},
                                            0.5,
                                            {{"Alameda", 1.02}},
                                            true};
        const QString scenario = path(QStringLiteral("regional.json"));
        io::writeScenarioToFile(s, scenario);
        const QString out = path(QStringLiteral("regional"));
        const QString pdf = path(QStringLiteral("regional.pdf"));
        QCOMPARE(report({"--project", project_, "--scenario", scenario, "--pdf", pdf, "--csv", out}), 0);
        const QString text = pdfText(pdf).simplified(); // phrases may wrap
        QVERIFY(text.contains(QStringLiteral("Regional rates move each county’s rate 50 % of the way")));
        QVERIFY(text.contains(QStringLiteral("Winners and losers")));
        QVERIFY(text.contains(QStringLiteral("Regional means and scale by region, rate cell and year")));
        QVERIFY(text.contains(QStringLiteral("names county Nowhere, which has no rates")));
        const QString cli = path(QStringLiteral("regional-cli.csv"));
        QCOMPARE(
            cli::execute({"rates", "--regional", "--project", project_, "--scenario", scenario, "--out", cli})
                .exitCode,
            0);
        QFile a(out + QStringLiteral("/regional_rates.csv")), b(cli);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray bytes = a.readAll();
        QVERIFY(bytes.count('\n') > 100);
        QCOMPARE(bytes, b.readAll());
        QVERIFY(ui::report::describeAssumptions(s, 2024).uncoveredKeys.isEmpty());

        const QString publicOut = path(QStringLiteral("regional-public"));
        const QString publicPdf = path(QStringLiteral("regional-public.pdf"));
        QCOMPARE(report({"--project", project_, "--scenario", scenario, "--pdf", publicPdf, "--csv",
                         publicOut, "--public"}),
                 0);
        QVERIFY(
            pdfText(publicPdf).contains(QStringLiteral("Withheld in the public version: regional rates")));
        QVERIFY(!QFile::exists(publicOut + QStringLiteral("/regional_rates.csv")));
        QVERIFY(QFile::exists(publicOut + QStringLiteral("/settlement.csv")));
    }

    //! Every value of every bundled preset has a readable label in the assumptions section.
    void assumptionsAreComplete()
    {
        for (const QString& name : io::presetNames()) {
            const Scenario s = io::loadPreset(name);
            const ui::report::AssumptionDescription d = ui::report::describeAssumptions(s, 2024);
            QVERIFY2(d.uncoveredKeys.isEmpty(),
                     qPrintable(name + QStringLiteral(": ") + d.uncoveredKeys.join(u',')));
            QCOMPARE(d.flattenedKeys, static_cast<int>(io::flattenScenario(s).size()));
            int shown = 0;
            for (const auto& g : d.groups)
                shown += static_cast<int>(g.items.size() + g.tables.size());
            QVERIFY(shown > 20);
        }
        QCOMPARE(ui::report::exactPercent(0.035), QStringLiteral("3.5 %"));
        QCOMPARE(ui::report::exactPercent(-0.02), QStringLiteral("−2 %"));
        QCOMPARE(ui::report::exactPercent(0.1 + 0.2), QStringLiteral("30 %"));
    }

    //! Bad input exits 2 and writes nothing; an unwritable output exits 1.
    void badInputWritesNothing()
    {
        const QString pdf = path(QStringLiteral("never.pdf"));
        QCOMPARE(report({"--project", project_, "--scenario", "preset:straw-proposal-7"}), 2);
        QCOMPARE(report({"--project", project_, "--scenario", "no such scenario", "--pdf", pdf, "--csv",
                         path(QStringLiteral("never"))}),
                 2);
        QCOMPARE(report({"--project", path(QStringLiteral("missing.sharecast")), "--scenario",
                         "preset:straw-proposal-7", "--pdf", pdf}),
                 2);
        QCOMPARE(report({"--project", project_, "--scenario", "preset:nope", "--pdf", pdf}), 2);
        QCOMPARE(
            report({"--project", project_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf, "--bogus"}),
            2);
        QCOMPARE(report({"--project", project_, "--scenario", "preset:straw-proposal-7", "--pdf",
                         path(QStringLiteral("no/such/folder/x.pdf"))}),
                 2);
        QVERIFY(!QFile::exists(pdf));
        QVERIFY(!QFile::exists(path(QStringLiteral("never"))));
        // A project that is not one.
        QFile junk(path(QStringLiteral("junk.sharecast")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a database");
        junk.close();
        QCOMPARE(
            report({"--project", junk.fileName(), "--scenario", "preset:straw-proposal-7", "--pdf", pdf}), 2);
        QVERIFY(!QFile::exists(pdf));
        // An output that cannot be written: the CSV folder is a file path under a file.
        QCOMPARE(report({"--project", project_, "--scenario", "preset:straw-proposal-7", "--pdf", pdf,
                         "--csv", junk.fileName() + QStringLiteral("/sub")}),
                 1);
        QVERIFY(!QFile::exists(pdf));
    }

    //! The workbench's preview paints the same report onto a printer, landscape tables rotated.
    void previewPaintsOntoAPrinter()
    {
        auto doc = ui::ProjectDocument::open(project_);
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString pdf = path(QStringLiteral("printed.pdf"));
        printer.setOutputFileName(pdf);
        QString error;
        const ui::ReportInfo info = ui::printReport(doc.get(), &printer, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(info.pages > 10);
        QCOMPARE(pdfPages(pdf), info.pages);
        QProcess p;
        p.start(QStringLiteral("pdfinfo"), {"-f", "1", "-l", QString::number(info.pages), pdf});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY(!QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("792 x 612")));
        QVERIFY(pdfText(pdf).contains(QStringLiteral("Settlement by plan")));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
