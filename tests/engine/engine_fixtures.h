#pragma once
//! Small helpers shared by the engine test suites: experience data built in code, optional
//! values in data tables, and tolerance comparisons that print every input on failure.

#include "engine/experience.h"
#include "engine/scenario.h"

#include <QString>
#include <QTest>

#include <cmath>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace fixtures {

//! "Not available" in a data table column of doubles (a rate that is NA, a missing elected MSR).
inline constexpr double NA = std::numeric_limits<double>::quiet_NaN();

inline std::optional<double> opt(double v)
{
    return std::isnan(v) ? std::nullopt : std::optional<double>(v);
}

//! Builds an ExperienceData cell by cell. Costs and utilization counts are given in the order of
//! the COS and util names passed to the constructor; shorter lists are padded with zeros.
class ExperienceBuilder {
public:
    ExperienceBuilder(std::vector<std::string> cos, std::vector<std::string> util = {})
    {
        data_.sourceName = "experience (in code)";
        data_.cosNames = std::move(cos);
        data_.utilNames = std::move(util);
    }

    //! Adds one cell; further fields are set through the returned reference, which is valid only
    //! until the next add().
    sharecast::ExperienceCell& add(const std::string& plan, const std::string& region,
                                   const std::string& rateCell, int year, double memberMonths,
                                   std::vector<double> cost, double riskScore = 1.0)
    {
        sharecast::ExperienceCell c;
        c.planId = plan;
        c.region = region;
        c.rateCell = rateCell;
        c.year = year;
        c.memberMonths = memberMonths;
        c.riskScore = riskScore;
        cost.resize(data_.cosNames.size(), 0.0);
        c.cost = std::move(cost);
        c.util.assign(data_.utilNames.size(), 0.0);
        data_.cells.push_back(std::move(c));
        return data_.cells.back();
    }

    //! Sets utilization counts of the last added cell (by the util names' order).
    ExperienceBuilder& util(std::vector<double> counts)
    {
        counts.resize(data_.utilNames.size(), 0.0);
        data_.cells.back().util = std::move(counts);
        return *this;
    }

    const sharecast::ExperienceData& data() const { return data_; }

private:
    sharecast::ExperienceData data_;
};

//! |actual − expected| <= tolerance, printing both and the tolerance on failure.
inline bool near(double actual, double expected, double tolerance)
{
    if (std::isnan(expected))
        return std::isnan(actual);
    return std::fabs(actual - expected) <= tolerance;
}

inline QByteArray describe(const char* what, double actual, double expected, double tolerance)
{
    return QByteArray(what) + ": actual " + QByteArray::number(actual, 'g', 17) + ", expected " +
           QByteArray::number(expected, 'g', 17) + ", tolerance " + QByteArray::number(tolerance, 'g', 3);
}

} // namespace fixtures

//! QVERIFY2 of |actual − expected| <= tol with both values and the tolerance in the message.
#define FIX_COMPARE_NEAR(what, actual, expected, tol)                                                        \
    do {                                                                                                     \
        const double fixActual_ = (actual);                                                                  \
        const double fixExpected_ = (expected);                                                              \
        QVERIFY2(fixtures::near(fixActual_, fixExpected_, (tol)),                                            \
                 fixtures::describe(what, fixActual_, fixExpected_, (tol)).constData());                     \
    } while (false)
