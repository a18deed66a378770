//! libFuzzer target over the members.csv reader (core/io/csv/members_csv.h), which aggregates
//! member rows into experience cells; built and run by tests/fuzz/build_and_run.sh members_csv.
//! Each input is read as a whole file and a few bytes at a time, which must end the same way (see
//! fuzz_csv_support.h); an InputError is a correct refusal, anything else (a crash, a sanitizer
//! report, another exception, a difference, a figure that is not finite) is a finding. The
//! aggregation options are the importer's defaults (every COS counts towards a member's cost) for
//! an input of even length, and only the COS "inpatient" for one of odd length, so that the
//! included-COS path is exercised too at no extra cost per input.

#include "fuzz_csv_support.h"
#include "io/csv/members_csv.h"

#include <QString>

#include <cstddef>
#include <cstdint>

namespace {

sharecast::fuzz::Digest readMembers(QIODevice& device, const sharecast::io::MemberAggregationOptions& options)
{
    const sharecast::io::MemberImport m =
        sharecast::io::readMembersCsv(device, QStringLiteral("members.csv"), options);
    sharecast::fuzz::Digest d;
    d << static_cast<long long>(m.rows) << static_cast<long long>(m.blankRiskScores)
      << static_cast<long long>(m.blankAmounts) << m.cells.sourceName;
    for (const std::string& name : m.cells.cosNames)
        d << name;
    for (const std::string& name : m.cells.utilNames)
        d << name;
    d << static_cast<long long>(m.cells.cells.size());
    for (const sharecast::ExperienceCell& c : m.cells.cells) {
        d << c.planId << c.region << c.rateCell << static_cast<long long>(c.year) << c.memberMonths
          << c.riskScore << c.excessOverThreshold << static_cast<long long>(c.sourceLine);
        for (const double v : c.cost)
            d << v;
        for (const double v : c.util)
            d << v;
    }
    d << m.aggregates.truncationThreshold;
    for (const std::string& cos : m.aggregates.includedCos)
        d << cos;
    for (const sharecast::io::MemberCellAggregate& a : m.aggregates.cells)
        d << a.planId << a.region << a.rateCell << static_cast<long long>(a.year)
          << static_cast<long long>(a.members) << a.memberMonths << a.costSum << a.costSumSquares
          << a.excessSum;
    return d;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    sharecast::io::MemberAggregationOptions options;
    if (size % 2 == 1)
        options.includedCos = std::vector<std::string>{"inpatient"};
    sharecast::fuzz::readBothWays(data, size,
                                  [&](QIODevice& device) { return readMembers(device, options); });
    return 0;
}
