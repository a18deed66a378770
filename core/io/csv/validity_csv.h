#pragma once
//! `sharecast validity`'s outputs (methodology §13): the per-plan table with its ALL row, and the
//! projection fan.

#include "engine/validity.h"

#include <QByteArray>
#include <QStringList>

namespace sharecast::io {

//! plan_id, members, cv, sigma, msr, mlr, savings_rate, ci_low, ci_high, p_false_reward,
//! p_false_penalty, power, members_needed, chance_payment_mean, chance_payment_p95, payment_p05,
//! payment_p50, payment_p95.
QStringList validityColumns();

//! One row per plan, then ALL (the Monte Carlo columns of the statewide sum, the others empty).
//! Rates and probabilities to 10 decimals, money to cents, members to 6, NA empty.
QByteArray validityCsv(const Validity& validity);

//! year, metric, p05, p50, p95: per projection year the rows gross_savings, plan_payment,
//! rate_impact and net_state_saving_nonrebased of the ALL total, money to cents.
QByteArray projectionFanCsv(const ProjectionFan& fan);

} // namespace sharecast::io
