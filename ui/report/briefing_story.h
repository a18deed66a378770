#pragma once
//! The year's story in plain words for a state Medicaid director, built from the engine's figures:
//! what happened, who keeps what (state and federal), what not rebasing means over the projection
//! compared with rebasing, what moves the result most, the plans that need attention and what to
//! watch. One home for the workbench's Overview tab and the report's executive summary: no symbol,
//! formula, section sign or unexplained acronym, money as "$126.9 million", rates in percent.

#include "engine/experience.h"
#include "engine/projection.h"
#include "engine/scenario.h"
#include "engine/settlement.h"
#include "engine/validity.h"
#include "io/report/sensitivity_table.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <set>
#include <string>

namespace sharecast::ui {

//! What the story is told from. Validity and drivers are optional: without them the story says
//! nothing about chance or says that what drives the result was not analysed.
struct BriefingInputs {
    const Settlement* settlement = nullptr;
    const Projection* projection = nullptr;
    const Scenario* scenario = nullptr;
    const ExperienceData* experience = nullptr; //!< for plan names; null: the plan ids
    const Validity* validity = nullptr;         //!< closed forms of the same settlement
    const io::SensitivityTable* drivers = nullptr;
    std::set<std::string> hiddenPlans; //!< plans a public briefing does not name (small cells)
};

//! One plan needing attention: its name and why, in words.
struct AttentionItem {
    std::string planId;
    QString planName;
    QStringList reasons; //!< "failed the quality gate: Controlling Blood Pressure at 59.51 % …"
};

//! The five-year consequence of not rebasing, summed over the projection years (all funds).
struct RebasingOutlook {
    int firstYear = 0, lastYear = 0;
    double costNotRebased = 0.0; //!< Σ program cost when rates are not rebased (the arrangement)
    double costRebased = 0.0;    //!< Σ program cost when rates are rebased (no arrangement)
    double rateImpact = 0.0;     //!< Σ extra rates paid for not rebasing
    double returned = 0.0;       //!< Σ program net of the yearly settlements (returned or kept)
    //! costNotRebased − costRebased: positive, not rebasing costs the program more.
    double extraCost() const { return costNotRebased - costRebased; }
};

//! The story, sentence by sentence.
struct BriefingStory {
    QString headline; //!< one line: "2024: $532.0 million saved; 6 plans paid $126.9 million"
    QString happened; //!< the year's settlement
    QString money;    //!< who keeps what: the program, the state and the federal government
    QString rebasing; //!< the projection: not rebasing against rebasing, in one sentence
    QString drivers;  //!< the three assumptions that move the result most, or that none were analysed
    QString watch;    //!< what to watch
    QList<AttentionItem> attention; //!< gates and guardrail first, then chance; each by savings at stake
    RebasingOutlook outlook;
    bool hasProjection = false;
};

//! Money in words for a briefing: "$126.9 million", "$62.71 billion", "$950,000" (whole dollars
//! below a million); the absolute value, since sentences say "more" or "less".
QString briefingMoney(double dollars);

//! An assumption key in words: "msr.rate" → "the minimum savings rate", "trend.by_cos.inpatient.
//! unit_cost" → "the inpatient unit-cost trend"; quality measures by their names.
QString assumptionInWords(const std::string& key, const Scenario& scenario);

//! The story of the inputs' settlement and projection.
BriefingStory briefingStory(const BriefingInputs& in);

} // namespace sharecast::ui
