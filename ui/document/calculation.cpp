#include "ui/document/calculation.h"

#include "engine/error.h"

#include <QElapsedTimer>

namespace sharecast::ui {

namespace {

//! Stops a superseded calculation between two steps.
void checkCancel(const std::atomic<bool>* cancel)
{
    if (cancel && cancel->load())
        throw CalculationSuperseded{};
}

//! The ledger of the settlement just made (docs/methodology.md, "Partnerships").
void addPartnershipLedger(CalculationResults& r, const PartnershipData* data, const Scenario& scenario)
{
    if (!data || !r.error.isEmpty())
        return;
    try {
        r.partnershipLedger = partnershipLedger(*data, r.settlement, scenario);
    } catch (const InputError& e) {
        r.partnershipError = QString::fromStdString(e.what());
    }
}

} // namespace

CalculationResults calculateResults(const CalculationData& data, const Scenario& scenario,
                                    const std::atomic<bool>* cancel)
{
    QElapsedTimer timer;
    timer.start();
    CalculationResults r;
    try {
        SettlementOptions options;
        options.year = defaultPerformanceYear(scenario, *data.index);
        checkCancel(cancel);
        r.settlement = settle(*data.index, data.quality, scenario, options);
        checkCancel(cancel);
        r.projection = project(*data.index, data.quality, scenario);
        checkCancel(cancel);
        r.validity = validityClosedForms(r.settlement, *data.index, scenario, data.moments);
    } catch (const InputError& e) {
        r = CalculationResults{};
        r.error = QString::fromStdString(e.what());
    }
    checkCancel(cancel);
    addPartnershipLedger(r, data.partnerships, scenario);
    r.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return r;
}

} // namespace sharecast::ui
