# The 30 assumptions the sensitivity benchmarks vary (sourced by bench_sensitivity.sh and
# bench_scaling.sh): trends, risk, truncation, MSR, quality, gates, sharing and FMAP.
# shellcheck disable=SC2034
keys=(trend.default.utilization trend.default.unit_cost trend.by_cos.inpatient.utilization
      trend.by_cos.inpatient.unit_cost trend.by_cos.outpatient.unit_cost trend.by_cos.professional.unit_cost
      trend.by_cos.emergency.unit_cost trend.by_cos.behavioral.unit_cost trend.by_cos.other.unit_cost
      risk_adjustment.cap_up truncation.threshold msr.rate quality.improvement_max quality.gate.min_composite
      quality.measures[0].weight quality.measures[0].threshold quality.measures[0].benchmark
      quality.measures[1].weight quality.measures[1].threshold quality.measures[1].benchmark
      quality.measures[2].weight quality.measures[2].threshold tcc_trend_gate.max_trend
      appropriateness.max_denial_rate_increase appropriateness.max_grievance_rate_increase
      sharing.tiers[1].share sharing.tiers[2].share sharing.tiers[3].share sharing.cap fmap.default)
