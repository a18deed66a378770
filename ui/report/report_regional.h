#pragma once
//! The report's section "Regional rates" (docs/methodology.md "Regional rates"), present when
//! the scenario configures regional_rates: the lead sentence written from the figures, the
//! groups' trace and the change by county.

#include "engine/regional_rates.h"
#include "ui/report/report_layout.h"

#include <QString>

namespace sharecast::ui::report {

//! The lead paragraph: how many counties in how many regions, the blend, budget neutrality, the
//! county that gains most and the one that loses most (dollars over the rate years), and the
//! counties left out.
QString regionalSummary(const RegionalRates& rates, const RegionalRatesSpec& spec);

//! Per region, rate cell and year: cells, member months, regional mean, scale k, old and new
//! capitation dollars (the engine's trace).
Table regionalGroupsTable(const RegionalRates& rates, const QString& caption);

//! Per county: its region, old capitation dollars over the rate years, the change and the change
//! as a share of the old.
Table regionalCountiesTable(const RegionalRates& rates, const QString& caption);

} // namespace sharecast::ui::report
