#include "ui/analysis/partnerships_view.h"

#include "engine/error.h"
#include "ui/document/fit_columns.h"
#include "ui/document/format.h"
#include "ui/document/frozen_column_table_view.h"
#include "ui/document/grouped_header_view.h"
#include "ui/document/partnership_text.h"
#include "ui/document/partnerships_model.h"
#include "ui/document/project_document.h"
#include "ui/document/refresh_when_shown.h"
#include "ui/palette.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sharecast::ui {

namespace {

//! The undo merge key of the PMPM factor's spin box: a burst of steps is one edit.
constexpr int kFactorMergeKey = 17017;

QTableView* makeTable(PartnershipsModel* model, const QString& name, QObject* owner)
{
    auto* header = new GroupedHeaderView;
    auto* table = new FrozenColumnTableView(model->leadingColumns(), nullptr, header);
    table->setObjectName(name);
    auto* proxy = new QSortFilterProxyModel(owner);
    proxy->setSourceModel(model);
    proxy->setSortRole(Qt::UserRole);
    table->setModel(proxy);
    header->setGroups(model->groups());
    table->setSortingEnabled(true);
    table->sortByColumn(0, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    table->horizontalHeader()->setMinimumSectionSize(56); // a short plan id and the sort arrow
    // The outcome's text can be long (every measure of a partner): a column of its own width,
    // the whole text in the tool tip.
    const int outcome = model->column(PartnershipsModel::Outcome);
    table->setColumnWidth(outcome, 150);
    new FitColumnsToContents(table, {outcome});
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    return table;
}

QWidget* captioned(const QString& caption, QWidget* content)
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* label = new QLabel(caption);
    label->setStyleSheet(QStringLiteral("font-weight: bold; color: %1;").arg(palette::kAccent.name()));
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace

PartnershipsView::PartnershipsView(ProjectDocument* document, QWidget* parent)
    : QWidget(parent), document_(document)
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("partnershipsStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(status_, 1);

    credit_ = new QComboBox;
    credit_->setObjectName(QStringLiteral("partnershipsOutcomeCredit"));
    credit_->addItem(tr("target: in full when the target is met"), QStringLiteral("target"));
    credit_->addItem(tr("linear: in proportion to the way to the target"), QStringLiteral("linear"));
    credit_->setToolTip(tr("partnerships.outcome_credit: how a partner earns its outcome bonus"));
    top->addWidget(new QLabel(tr("Outcome bonus earned")));
    top->addWidget(credit_);
    factor_ = new QDoubleSpinBox;
    factor_->setObjectName(QStringLiteral("partnershipsPmpmFactor"));
    factor_->setRange(0.0, 10.0);
    factor_->setDecimals(3);
    factor_->setSingleStep(0.05);
    factor_->setPrefix(QStringLiteral("× "));
    factor_->setKeyboardTracking(false); // a typed factor is one edit, when it is complete
    factor_->setToolTip(tr("partnerships.pmpm_factor: multiplies every partner's PMPM (after its terms)"));
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("PMPM factor")));
    top->addWidget(factor_);
    layout->addLayout(top);

    message_ = new QLabel;
    message_->setObjectName(QStringLiteral("partnershipsMessage"));
    message_->setWordWrap(true);
    message_->hide();
    layout->addWidget(message_);

    partnerModel_ = new PartnershipsModel(document_, PartnershipsModel::Rows::ByPartner, this);
    contractModel_ = new PartnershipsModel(document_, PartnershipsModel::Rows::ByContract, this);
    partners_ = makeTable(partnerModel_, QStringLiteral("partnershipsByPartner"), this);
    contracts_ = makeTable(contractModel_, QStringLiteral("partnershipsByContract"), this);
    planLines_ = new QTextBrowser;
    planLines_->setObjectName(QStringLiteral("partnershipsPlanLines"));
    planLines_->setOpenLinks(false);

    // The three wins by partner on top; below, the plain-language line per plan and the contracts.
    auto* details = new QTabWidget;
    details->setObjectName(QStringLiteral("partnershipsDetails"));
    details->addTab(planLines_, tr("By plan"));
    details->addTab(contracts_, tr("By contract: plan × partner × service (to the cent)"));
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(captioned(tr("The three wins by partner (hover a figure for cents; scroll right to the "
                                  "terms and type over one to try it)"),
                               partners_));
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    body_ = split;
    layout->addWidget(body_, 1);
    layout->addStretch(0);

    connect(partnerModel_, &PartnershipsModel::editRefused, this,
            [this](const QString& reason) { showMessage(reason, true); });
    connect(credit_, &QComboBox::activated, this, [this] {
        Scenario s = document_->scenario();
        s.partnerships.outcomeCredit = credit_->currentData().toString() == QLatin1String("linear")
                                           ? OutcomeCredit::Linear
                                           : OutcomeCredit::Target;
        document_->setScenario(s, tr("Outcome credit: %1").arg(credit_->currentData().toString()));
    });
    connect(factor_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        Scenario s = document_->scenario();
        s.partnerships.pmpmFactor = v;
        try {
            s.validate();
        } catch (const InputError& e) {
            showMessage(QString::fromStdString(e.what()), true);
            return;
        }
        document_->setScenario(s, tr("PMPM factor × %1").arg(v), kFactorMergeKey);
    });
    connect(document_, &ProjectDocument::scenarioChanged, this, &PartnershipsView::refreshControls);
    // The statewide line and the per-plan lines are written when the view is on screen.
    auto* lines = new RefreshWhenShown(this, this, [this] { refresh(); });
    connect(document_, &ProjectDocument::resultsChanged, lines, &RefreshWhenShown::request);
    refreshControls();
    refresh();
}

void PartnershipsView::showMessage(const QString& text, bool error)
{
    message_->setStyleSheet(error ? QStringLiteral("color: %1;").arg(palette::kError.name()) : QString());
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void PartnershipsView::refreshControls()
{
    const PartnershipSpec& p = document_->scenario().partnerships;
    const QSignalBlocker blockCredit(credit_);
    const QSignalBlocker blockFactor(factor_);
    credit_->setCurrentIndex(p.outcomeCredit == OutcomeCredit::Linear ? 1 : 0);
    factor_->setValue(p.pmpmFactor);
}

void PartnershipsView::refresh()
{
    showMessage({}, false);
    const PartnershipLedger* ledger = document_->partnershipLedger();
    const bool hasData = ledger != nullptr;
    body_->setVisible(hasData);
    credit_->setEnabled(hasData);
    factor_->setEnabled(hasData);
    if (!ledger) {
        QString text;
        if (!document_->partnershipError().isEmpty())
            text = tr("No partnership ledger for %1: %2")
                       .arg(document_->performanceYear())
                       .arg(document_->partnershipError());
        else if (!document_->calculationError().isEmpty())
            text = tr("No partnership ledger: the settlement could not be calculated (%1)")
                       .arg(document_->calculationError());
        else
            text =
                tr("This project has no partnerships data. Import a partnerships.csv (one row per plan × "
                   "partner × service × year; docs/methodology.md, “Partnerships”) to see the three wins of "
                   "each MCP–CBO partnership and where their money comes from.");
        status_->setStyleSheet(document_->partnershipError().isEmpty() &&
                                       document_->calculationError().isEmpty()
                                   ? QStringLiteral("color: #444;")
                                   : QStringLiteral("color: %1;").arg(palette::kError.name()));
        status_->setText(text);
        status_->setToolTip({});
        planLines_->clear();
        return;
    }
    status_->setStyleSheet(QStringLiteral("color: #444;"));
    const LedgerAmounts& a = ledger->statewide;
    QString text =
        tr("Performance year %1 · %n partner(s)", nullptr, static_cast<int>(ledger->partners.size()))
            .arg(ledger->year) +
        tr(" · %n contract(s)", nullptr, static_cast<int>(ledger->lines.size())) +
        tr(" · plans paid partners %1, grants %2, MCP value %3")
            .arg(formatCompactDollars(a.planPayments()), formatCompactDollars(a.grants()),
                 formatCompactDollars(a.mcpValue()));
    if (!ledger->warnings.empty())
        text += tr(" · %n warning(s) (hover to read)", nullptr, static_cast<int>(ledger->warnings.size()));
    status_->setText(text);
    QString tip;
    for (const std::string& w : ledger->warnings)
        tip += QString::fromStdString(w) + u'\n';
    status_->setToolTip(tip.trimmed());

    QString html;
    for (const PlanPartnerships& plan : ledger->plans) {
        const PlanPartnershipLine line =
            planPartnershipLine(plan, QString::fromStdString(document_->experience().planName(plan.planId)));
        html += line.flagged
                    ? QStringLiteral("<p style=\"margin:2px 0; color:%1;\">⚑ %2</p>")
                          .arg(palette::kError.name(), line.text.toHtmlEscaped())
                    : QStringLiteral("<p style=\"margin:2px 0;\">%1</p>").arg(line.text.toHtmlEscaped());
    }
    planLines_->setHtml(html);
}

} // namespace sharecast::ui
