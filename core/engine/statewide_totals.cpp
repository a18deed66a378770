#include "statewide_totals.h"

#include "rounding.h"

#include <cmath>

namespace sharecast {

Dollars sumOfCents(const std::vector<Dollars>& values)
{
    // Whole cents as integers, so the total is exactly the sum of the written amounts.
    long long cents = 0;
    for (const Dollars v : values)
        cents += static_cast<long long>(std::llround(roundTo(v, 2) * 100.0));
    return static_cast<Dollars>(cents) / 100.0;
}

StatewideTotals statewideTotals(const Settlement& settlement)
{
    std::vector<Dollars> e, a, g, p, n, f, st;
    StatewideTotals t;
    for (const PlanSettlement& plan : settlement.plans) {
        e.push_back(plan.expected);
        a.push_back(plan.actual);
        g.push_back(plan.grossSavings);
        p.push_back(plan.payment.payment);
        n.push_back(plan.programNet);
        f.push_back(plan.split.federal);
        st.push_back(plan.split.state);
        t.members += plan.members;
    }
    t.expected = sumOfCents(e);
    t.actual = sumOfCents(a);
    t.grossSavings = sumOfCents(g);
    t.payments = sumOfCents(p);
    t.programNet = sumOfCents(n);
    t.federal = sumOfCents(f);
    t.state = sumOfCents(st);
    return t;
}

} // namespace sharecast
