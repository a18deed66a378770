#pragma once
//! Readable text of a plan's settlement trace: how every figure of its row came about.

#include "projection.h"
#include "settlement.h"
#include "validity.h"

#include <string>

namespace sharecast {

//! The trace of one plan as indented text (for `settle --explain` and the workbench).
std::string explainPlan(const Settlement& settlement, const PlanSettlement& plan, const Scenario& scenario);

//! One plan's projection in one year as indented text (for `project --explain PLAN YEAR`);
//! empty when the plan or year is not in the projection.
std::string explainProjection(const Projection& projection, const std::string& planId, Year year,
                              const Scenario& scenario);

//! How much of one plan's result is chance (§13): c and where it comes from, σ with its parts
//! (the performance year's 1/N and each base year's w_b²/N_b), the probabilities, the interval,
//! the members needed and, when the Monte Carlo has run, the payment's distribution.
std::string explainValidity(const Validity& validity, const PlanValidity& plan);

//! The statewide figures of the workbench's headlines.
enum class StatewideFigure { Expected, Actual, GrossSavings, Payments, ProgramNet, Federal, State };

//! How a statewide figure comes about: its definition, each plan's amount in cents and their
//! sum (the total foots with the plan rows, §9a).
std::string explainStatewide(const Settlement& settlement, StatewideFigure figure, PaymentModel model);

//! The plan with this id, or null.
const PlanSettlement* findPlan(const Settlement& settlement, const std::string& planId);

} // namespace sharecast
