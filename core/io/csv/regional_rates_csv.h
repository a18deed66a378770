#pragma once
//! Regional rates as CSV (`sharecast rates --regional`, the report's regional_rates.csv).

#include "engine/regional_rates.h"

#include <QByteArray>
#include <QStringList>

namespace sharecast::io {

//! The header: plan_id, county, region, rate_cell, year, member_months, old_pmpm, regional_pmpm,
//! adjustment, scale, new_pmpm, change_pmpm, change_dollars.
QStringList regionalRatesColumns();

//! The whole CSV, one row per plan, county, rate cell and year (RegionalRates' order): money
//! and PMPMs to cents, member months to 6 decimals, the adjustment and scale to 10; a county in
//! no region has an empty region, regional_pmpm, adjustment and scale.
QByteArray regionalRatesCsv(const RegionalRates& rates);

} // namespace sharecast::io
