#include "ui/document/partnerships_model.h"

#include "engine/error.h"
#include "io/json/key_path.h"
#include "io/json/scenario_edit.h"
#include "ui/document/format.h"
#include "ui/document/partnership_text.h"
#include "ui/document/project_document.h"
#include "ui/palette.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <set>

namespace sharecast::ui {

namespace {

struct FieldInfo {
    const char* header;
    const char* tip;
};

// The column titles (two short lines, so that the columns stay narrow) and what each means.
const FieldInfo kFieldInfo[PartnershipsModel::kFields] = {
    {"Engaged\nmembers", "Members engaged by the partner in the year"},
    {"Outcome\n(change)", "The outcome measure and its change from the baseline (actual − baseline)"},
    {"Outcome\ncredit", "Whether the target was met, and the share of the bonus earned"},
    {"Avoided\nper 1,000", "Cost the plan estimates the service avoided, per 1,000 engaged members"},
    {"Avoided\ncost kept",
     "Avoided cost × the share of it the plan keeps after the shared-savings settlement"},
    {"Paid to\npartner", "What the plan pays the partner: PMPM + outreach + outcome bonus + pass-through"},
    {"MCP\nvalue", "Avoided cost the plan keeps − its payments to the partner"},
    {"PMPM\nrevenue", "Engaged member months × PMPM"},
    {"Outreach\nrevenue", "Outreach attempts × fee, at most the cap"},
    {"Outcome\nbonus", "The bonus earned: bonus offered × outcome credit"},
    {"Pass-\nthrough",
     "Pass-through share × the plan's shared-savings payment (nothing when it received none)"},
    {"Grants", "IPP, PATH and other grants"},
    {"Operating\ncost", "The partner's cost of delivering the service"},
    {"Sustain-\nability",
     "Operating revenue without grants ÷ operating cost (100 %: the service pays for itself)"},
    {"Grant\nmonths", "Months of operating cost the grants cover: 12 × grants ÷ operating cost"},
    {"Gap when\ngrants end",
     "The yearly shortfall once grants end: operating cost − operating revenue, if positive"},
    {"PMPM", "Paid per engaged member month, in force (after the scenario's terms and PMPM factor)"},
    {"Outreach\nfee", "Paid per billable outreach attempt"},
    {"Outreach\ncap", "The year's most in outreach fees (none: no cap)"},
    {"Bonus\noffered", "Outcome bonus offered: paid in full when the target is met (linear credit: in part)"},
    {"Pass-\nthrough %", "Share of the plan's shared-savings payment passed to the partner"},
};

const char* termName(PartnershipTerm t)
{
    switch (t) {
    case PartnershipTerm::Pmpm: return "pmpm";
    case PartnershipTerm::OutreachFee: return "outreach_fee";
    case PartnershipTerm::OutreachCap: return "outreach_cap";
    case PartnershipTerm::OutcomeBonus: return "outcome_bonus";
    case PartnershipTerm::SavingsPassThrough: return "savings_pass_through";
    }
    return "";
}

std::optional<PartnershipTerm> termOf(int field)
{
    switch (field) {
    case PartnershipsModel::Pmpm: return PartnershipTerm::Pmpm;
    case PartnershipsModel::OutreachFee: return PartnershipTerm::OutreachFee;
    case PartnershipsModel::OutreachCap: return PartnershipTerm::OutreachCap;
    case PartnershipsModel::OutcomeBonusOffered: return PartnershipTerm::OutcomeBonus;
    case PartnershipsModel::PassThroughShare: return PartnershipTerm::SavingsPassThrough;
    default: return std::nullopt;
    }
}

std::optional<double>& termIn(PartnershipTerms& t, PartnershipTerm term)
{
    switch (term) {
    case PartnershipTerm::Pmpm: return t.pmpm;
    case PartnershipTerm::OutreachFee: return t.outreachFee;
    case PartnershipTerm::OutreachCap: return t.outreachCap;
    case PartnershipTerm::OutcomeBonus: return t.outcomeBonus;
    case PartnershipTerm::SavingsPassThrough: return t.savingsPassThrough;
    }
    return t.pmpm;
}

//! A term of a contract line as in force; nullopt for an outreach cap that is none.
std::optional<double> lineTerm(const PartnershipLine& l, PartnershipTerm term)
{
    switch (term) {
    case PartnershipTerm::Pmpm: return l.pmpm;
    case PartnershipTerm::OutreachFee: return l.outreachFee;
    case PartnershipTerm::OutreachCap: return l.outreachCap;
    case PartnershipTerm::OutcomeBonus: return l.outcomeBonusOffered;
    case PartnershipTerm::SavingsPassThrough: return l.passThroughShare;
    }
    return std::nullopt;
}

QString termText(std::optional<double> v, PartnershipTerm term)
{
    if (!v)
        return QObject::tr("no cap");
    if (term == PartnershipTerm::SavingsPassThrough)
        return formatPercent(*v, 1);
    QString s = formatDollars(*v); // whole dollars without the cents
    if (s.endsWith(QStringLiteral(".00")))
        s.chop(3);
    return s;
}

//! The shortest plain text of v that reads back as v (what an editor starts from).
QString editText(double v)
{
    for (int d = 0; d <= 10; ++d) {
        const QString t = QString::number(v, 'f', d);
        if (t.toDouble() == v)
            return t;
    }
    return QString::number(v, 'g', 17);
}

//! A typed number: "$1,250.50", "10 %", "−3"; nullopt when it is not one.
std::optional<double> readTyped(QString t)
{
    t.remove(u'$').remove(u',').remove(u'%').remove(u' ');
    t.replace(QChar(0x2212), u'-');
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

//! Money in a partner row ($k, $M) or a contract row (cents).
QString money(double v, bool compact)
{
    return compact ? formatCompactDollars(v) : formatDollars(v);
}

} // namespace

std::string partnershipTermKey(const std::string& partnerId, PartnershipTerm term)
{
    return io::memberPath(io::memberPath(io::memberPath("partnerships", "terms"), partnerId), termName(term));
}

Scenario withPartnershipTerm(const Scenario& scenario, const std::string& partnerId, PartnershipTerm term,
                             std::optional<double> value)
{
    Scenario s = scenario;
    PartnershipTerms& terms = s.partnerships.terms[partnerId];
    if (!value) {
        termIn(terms, term).reset();
        if (terms == PartnershipTerms{})
            s.partnerships.terms.erase(partnerId);
        s.validate();
        return s;
    }
    // The number goes in by its key path, as every other edit of a scenario number does.
    return io::withScenarioNumber(s, partnershipTermKey(partnerId, term), *value);
}

PartnershipsModel::PartnershipsModel(ProjectDocument* document, Rows rows, QObject* parent)
    : QAbstractTableModel(parent), document_(document), rows_(rows)
{
    // New results change the figures, seldom the rows: then the figures are refreshed in place,
    // the terms' columns left out, so that an editor open on a term (the next one typed while the
    // last recalculates) keeps what is being typed. (The views repaint every cell all the same.)
    connect(document_, &ProjectDocument::resultsChanged, this, [this] {
        const int rows = rowCount();
        if (rows == shownRows_ && rows > 0) {
            Q_EMIT dataChanged(index(0, 0), index(rows - 1, column(GapAfterGrants)));
            return;
        }
        beginResetModel();
        shownRows_ = rows;
        endResetModel();
    });
    shownRows_ = rowCount();
}

int PartnershipsModel::rowCount(const QModelIndex& parent) const
{
    const PartnershipLedger* l = document_->partnershipLedger();
    if (parent.isValid() || !l)
        return 0;
    return static_cast<int>(rows_ == Rows::ByPartner ? l->partners.size() : l->lines.size());
}

int PartnershipsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : leadingColumns() + kFields;
}

const PartnershipLine* PartnershipsModel::line(int row) const
{
    const PartnershipLedger* l = document_->partnershipLedger();
    if (!l || rows_ != Rows::ByContract || row < 0 || row >= static_cast<int>(l->lines.size()))
        return nullptr;
    return &l->lines[static_cast<std::size_t>(row)];
}

const PartnerTotals* PartnershipsModel::partner(int row) const
{
    const PartnershipLedger* l = document_->partnershipLedger();
    if (!l || rows_ != Rows::ByPartner || row < 0 || row >= static_cast<int>(l->partners.size()))
        return nullptr;
    return &l->partners[static_cast<std::size_t>(row)];
}

QString PartnershipsModel::partnerId(int row) const
{
    if (const PartnerTotals* p = partner(row))
        return QString::fromStdString(p->partnerId);
    if (const PartnershipLine* l = line(row))
        return QString::fromStdString(l->partnerId);
    return {};
}

const LedgerAmounts* PartnershipsModel::amounts(int row) const
{
    if (const PartnerTotals* p = partner(row))
        return &p->amounts;
    if (const PartnershipLine* l = line(row))
        return &l->amounts;
    return nullptr;
}

std::vector<const PartnershipLine*> PartnershipsModel::linesOf(int row) const
{
    std::vector<const PartnershipLine*> out;
    if (const PartnershipLine* l = line(row))
        out.push_back(l);
    else if (const PartnerTotals* p = partner(row))
        for (const PartnershipLine& l : document_->partnershipLedger()->lines)
            if (l.partnerId == p->partnerId)
                out.push_back(&l);
    return out;
}

QList<HeaderGroup> PartnershipsModel::groups() const
{
    const int l = leadingColumns();
    return {
        {tr("Member"), l + Engaged, l + AvoidedPerThousand, QColor(0xe3, 0xef, 0xdc),
         tr("The member's win: members engaged, the outcome and the cost avoided")},
        {tr("Plan (MCP)"), l + AvoidedKept, l + McpValue, QColor(0xdc, 0xe6, 0xf1),
         tr("The plan's win: avoided cost it keeps after the shared-savings settlement, less its "
            "payments to the partner")},
        {tr("CBO"), l + PmpmRevenue, l + GapAfterGrants, QColor(0xfb, 0xe8, 0xd8),
         tr("The partner's win: operating revenue by source, grants, cost and sustainability")},
        {tr("Terms%1").arg(rows_ == Rows::ByPartner ? tr(" (type to edit)") : QString()), l + Pmpm,
         l + PassThroughShare, QColor(0xfd, 0xf6, 0xdc),
         tr("The contract terms in force. In the partner rows each is editable: the scenario's "
            "partnerships.terms, for every contract of the partner (clear a cell for the data's value).")},
    };
}

QVariant PartnershipsModel::termValue(int row, Field f, int role) const
{
    const PartnershipTerm term = *termOf(f);
    const std::vector<const PartnershipLine*> lines = linesOf(row);
    if (lines.empty())
        return {};
    // The value in force: one for every contract of the row, or the range they span.
    std::set<std::optional<double>> values;
    for (const PartnershipLine* l : lines)
        values.insert(lineTerm(*l, term));
    const std::optional<double> first = *values.begin();
    const std::optional<double> last = *values.rbegin();
    const std::string id = lines.front()->partnerId;
    const auto& terms = document_->scenario().partnerships.terms;
    const auto set = terms.find(id);
    std::optional<double> scenarioValue;
    if (set != terms.end()) {
        PartnershipTerms t = set->second;
        scenarioValue = termIn(t, term);
    }
    switch (role) {
    case Qt::DisplayRole: {
        // (No cap sorts first: it is said last, "$1,500.00 or no cap".)
        const bool noCap = !first;
        std::optional<double> low = first;
        if (noCap) {
            auto it = values.begin();
            low = ++it == values.end() ? std::nullopt : *it;
        }
        if (!low)
            return termText(std::nullopt, term);
        QString shown = *low == *last
                            ? termText(low, term)
                            : QStringLiteral("%1–%2").arg(termText(low, term), termText(last, term));
        return noCap ? tr("%1 or no cap").arg(shown) : shown;
    }
    case Qt::UserRole: return first ? QVariant(*first) : QVariant(-1.0);
    case Qt::EditRole: {
        // What the scenario sets, else the data's value when it is one (the PMPM before the factor).
        std::optional<double> v = scenarioValue;
        if (!v && values.size() == 1 && first) {
            v = first;
            if (term == PartnershipTerm::Pmpm && document_->scenario().partnerships.pmpmFactor != 0.0)
                v = *v / document_->scenario().partnerships.pmpmFactor;
        }
        if (!v)
            return QString();
        return editText(term == PartnershipTerm::SavingsPassThrough ? *v * 100.0 : *v);
    }
    case Qt::FontRole:
        if (scenarioValue) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::BackgroundRole:
        return rows_ == Rows::ByPartner ? QVariant(QBrush(QColor(0xfd, 0xf9, 0xea))) : QVariant();
    case Qt::ToolTipRole: {
        const QString key = QString::fromStdString(partnershipTermKey(id, term));
        QString tip = QString::fromUtf8(kFieldInfo[f].tip);
        if (scenarioValue)
            tip += tr("\nSet by the scenario: %1 = %2").arg(key, editText(*scenarioValue));
        else
            tip += tr("\nFrom the partnerships data");
        if (term == PartnershipTerm::Pmpm && document_->scenario().partnerships.pmpmFactor != 1.0)
            tip += tr("\nShown after the PMPM factor × %1; a value typed is the PMPM before it")
                       .arg(editText(document_->scenario().partnerships.pmpmFactor));
        if (rows_ == Rows::ByPartner)
            tip += tr("\nType a value to set %1 for every contract of the partner; clear the cell to use "
                      "the data's values%2")
                       .arg(key, term == PartnershipTerm::SavingsPassThrough ? tr(" (in %)") : QString());
        return tip;
    }
    default: return {};
    }
}

QVariant PartnershipsModel::memberValue(int row, Field f, int role) const
{
    const std::vector<const PartnershipLine*> lines = linesOf(row);
    if (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::ToolTipRole)
        return {};
    if (f == Outcome) {
        QStringList texts;
        for (const PartnershipLine* l : lines)
            if (!l->outcomeMeasure.empty())
                texts << outcomeText(*l);
        texts.removeDuplicates();
        if (role == Qt::ToolTipRole)
            return texts.isEmpty() ? QString::fromUtf8(kFieldInfo[f].tip) : texts.join(u'\n');
        return texts.isEmpty() ? QStringLiteral("—") : texts.join(QStringLiteral("; "));
    }
    // Credit: one contract's, or how many of the partner's outcome terms were met.
    int terms = 0, met = 0;
    double credit = 0.0;
    for (const PartnershipLine* l : lines)
        if (!l->outcomeMeasure.empty()) {
            ++terms;
            met += l->outcomeMet.value_or(false) ? 1 : 0;
            credit += l->outcomeCredit;
        }
    if (role == Qt::UserRole)
        return terms ? credit / terms : -1.0;
    if (lines.size() == 1)
        return creditText(*lines.front());
    if (role == Qt::ToolTipRole) {
        QStringList tips;
        for (const PartnershipLine* l : lines)
            if (!l->outcomeMeasure.empty())
                tips << QStringLiteral("%1 · %2: %3")
                            .arg(QString::fromStdString(l->planId), QString::fromStdString(l->service),
                                 creditText(*l));
        return tips.isEmpty() ? QString::fromUtf8(kFieldInfo[f].tip) : tips.join(u'\n');
    }
    return terms ? tr("%1 of %2 met").arg(met).arg(terms) : QStringLiteral("—");
}

QVariant PartnershipsModel::data(const QModelIndex& index, int role) const
{
    const LedgerAmounts* a = index.isValid() ? amounts(index.row()) : nullptr;
    if (!a)
        return {};
    const int c = index.column();
    const int lead = leadingColumns();
    if (role == Qt::TextAlignmentRole)
        return c < lead || c == lead + Outcome ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                               : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (c < lead) {
        if (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::ToolTipRole)
            return {};
        if (const PartnerTotals* p = partner(index.row())) {
            if (role == Qt::ToolTipRole) {
                QStringList plans, services;
                for (const std::string& s : p->plans)
                    plans << QString::fromStdString(s);
                for (const std::string& s : p->services)
                    services << QString::fromStdString(s);
                return tr("%1 (%2)\nplans: %3\nservices: %4")
                    .arg(QString::fromStdString(p->partnerName), QString::fromStdString(p->partnerId),
                         plans.join(QStringLiteral(", ")), services.join(QStringLiteral(", ")));
            }
            return QString::fromStdString(p->partnerName);
        }
        const PartnershipLine* l = line(index.row());
        switch (c) {
        case 0:
            return role == Qt::ToolTipRole
                       ? QVariant(QString::fromStdString(document_->experience().planName(l->planId)))
                       : QVariant(QString::fromStdString(l->planId));
        case 1:
            return role == Qt::ToolTipRole ? QVariant(QString::fromStdString(l->partnerId))
                                           : QVariant(QString::fromStdString(l->partnerName));
        default:
            return role == Qt::ToolTipRole ? QVariant(tr("partnerships.csv line %1").arg(l->sourceLine))
                                           : QVariant(QString::fromStdString(l->service));
        }
    }
    const Field f = static_cast<Field>(c - lead);
    if (termOf(f))
        return termValue(index.row(), f, role);
    if (f == Outcome || f == Credit)
        return memberValue(index.row(), f, role);

    // A figure: its number, its text (money when none is set), red when it counts against the win
    // it measures.
    const bool compact = rows_ == Rows::ByPartner;
    std::optional<double> value;
    QString text;
    bool bad = false;
    switch (f) {
    case Engaged:
        value = a->membersEngaged;
        text = formatNumber(a->membersEngaged, 0);
        break;
    case AvoidedPerThousand:
        if (const std::optional<Dollars> v = a->avoidedPerThousand())
            value = *v;
        break;
    case AvoidedKept: value = a->avoidedCostKept; break;
    case PlanPayments: value = a->planPayments(); break;
    case McpValue:
        value = a->mcpValue();
        bad = *value < 0.0;
        break;
    case PmpmRevenue: value = a->pmpmRevenue; break;
    case OutreachRevenue: value = a->outreachRevenue; break;
    case OutcomeBonus: value = a->outcomeBonus; break;
    case PassThrough: value = a->passThrough; break;
    case Grants: value = a->grants(); break;
    case OperatingCost: value = a->operatingCost; break;
    case Sustainability:
        if (const std::optional<Rate> v = a->sustainability()) {
            value = *v;
            text = formatPercent(*v, 0);
            bad = *v < 1.0;
        }
        break;
    case GrantMonths:
        if (const std::optional<double> v = a->grantMonths()) {
            value = *v;
            text = formatNumber(*v, 1);
        }
        break;
    case GapAfterGrants:
        value = a->gapAfterGrants();
        bad = *value > 0.0;
        break;
    default: break;
    }
    switch (role) {
    case Qt::UserRole: return value ? QVariant(*value) : QVariant(-1e300);
    case Qt::DisplayRole:
        if (!value)
            return QStringLiteral("—");
        return text.isEmpty() ? money(*value, compact) : text;
    case Qt::ForegroundRole: return bad ? QVariant(QBrush(palette::kError)) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = QString::fromUtf8(kFieldInfo[f].tip);
        if (value && text.isEmpty())
            tip = formatDollars(*value) + u'\n' + tip;
        if (f == Grants)
            tip += tr("\nIPP %1 · PATH %2 · other %3")
                       .arg(formatDollars(a->grantIpp), formatDollars(a->grantPath),
                            formatDollars(a->grantOther));
        if (f == OutreachRevenue)
            for (const PartnershipLine* l : linesOf(index.row()))
                if (l->outreachCapped)
                    tip += tr("\n%1 · %2: capped at %3 (attempts × fee %4)")
                               .arg(QString::fromStdString(l->planId), QString::fromStdString(l->service),
                                    formatDollars(l->outreachCap.value_or(0.0)),
                                    formatDollars(l->outreachUncapped));
        if (f == AvoidedKept)
            for (const PartnershipLine* l : linesOf(index.row()))
                tip += tr("\n%1: avoided %2 × kept share %3")
                           .arg(QString::fromStdString(l->planId), formatDollars(l->amounts.avoidedCost),
                                formatPercent(l->keptShare, 1));
        if (f == PlanPayments || f == PassThrough)
            tip += tr("\nFunds: federal %1 · state %2 (at the plan's FMAP)")
                       .arg(formatDollars(a->federal), formatDollars(a->state));
        return tip;
    }
    default: return {};
    }
}

QVariant PartnershipsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const int lead = leadingColumns();
    if (section < lead) {
        static const char* const kPartner[] = {"Partner"};
        static const char* const kContract[] = {"Plan", "Partner", "Service"};
        const char* title = rows_ == Rows::ByPartner ? kPartner[0] : kContract[section];
        if (role == Qt::DisplayRole)
            return tr(title);
        if (role == Qt::ToolTipRole)
            return rows_ == Rows::ByPartner
                       ? tr("The community-based organization (hover a name for its plans "
                            "and services)")
                       : QVariant();
        return {};
    }
    const int f = section - lead;
    if (role == Qt::DisplayRole)
        return tr(kFieldInfo[f].header);
    if (role == Qt::ToolTipRole)
        return tr(kFieldInfo[f].tip);
    return {};
}

Qt::ItemFlags PartnershipsModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && rows_ == Rows::ByPartner && termOf(index.column() - leadingColumns()))
        f |= Qt::ItemIsEditable;
    return f;
}

bool PartnershipsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const PartnerTotals* p = index.isValid() && role == Qt::EditRole ? partner(index.row()) : nullptr;
    const std::optional<PartnershipTerm> term = p ? termOf(index.column() - leadingColumns()) : std::nullopt;
    if (!term)
        return false;
    const QString typed = value.toString().trimmed();
    if (typed == data(index, Qt::EditRole).toString())
        return true; // the editor closed on the value it opened with: no edit
    std::optional<double> v;
    if (!typed.isEmpty()) {
        v = readTyped(typed);
        if (!v) {
            Q_EMIT editRefused(
                tr("%1: “%2” is not a number")
                    .arg(headerData(index.column(), Qt::Horizontal).toString().replace(u'\n', u' '), typed));
            return false;
        }
        if (*term == PartnershipTerm::SavingsPassThrough)
            *v /= 100.0;
    }
    const QString name = QString::fromStdString(p->partnerName);
    const QString what = headerData(index.column(), Qt::Horizontal).toString().replace(u'\n', u' ');
    try {
        const Scenario s = withPartnershipTerm(document_->scenario(), p->partnerId, *term, v);
        if (s == document_->scenario())
            return true; // the value in force typed again: no edit
        document_->setScenario(s, v ? tr("%1: %2 %3").arg(name, what, termText(v, *term))
                                    : tr("%1: %2 from the data").arg(name, what));
    } catch (const InputError& e) {
        Q_EMIT editRefused(QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

} // namespace sharecast::ui
