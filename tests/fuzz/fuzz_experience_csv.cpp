//! libFuzzer target over the experience.csv reader (core/io/csv/experience_csv.h); built and run
//! by tests/fuzz/build_and_run.sh experience_csv. Each input is read as a whole file and a few
//! bytes at a time, which must end the same way (see fuzz_csv_support.h); an InputError is a
//! correct refusal, anything else (a crash, a sanitizer report, another exception, a difference,
//! a figure that is not finite) is a finding.

#include "fuzz_csv_support.h"
#include "io/csv/experience_csv.h"

#include <QString>

#include <cstddef>
#include <cstdint>

namespace {

sharecast::fuzz::Digest readExperience(QIODevice& device)
{
    sharecast::io::ImportSummary summary;
    const sharecast::ExperienceData data =
        sharecast::io::readExperienceCsv(device, QStringLiteral("experience.csv"), &summary);
    sharecast::fuzz::Digest d;
    d << data.sourceName << static_cast<long long>(data.cosNames.size());
    for (const std::string& name : data.cosNames)
        d << name;
    d << static_cast<long long>(data.utilNames.size());
    for (const std::string& name : data.utilNames)
        d << name;
    for (const auto& [plan, name] : data.planNames)
        d << plan << name;
    d << static_cast<long long>(data.cells.size());
    for (const sharecast::ExperienceCell& c : data.cells) {
        d << c.planId << c.region << c.rateCell << static_cast<long long>(c.year) << c.memberMonths
          << c.riskScore << c.excessOverThreshold << c.capitationRevenue << c.adminCost << c.claimsDenied
          << c.claimsTotal << c.grievances << static_cast<long long>(c.sourceLine);
        for (const double v : c.cost)
            d << v;
        for (const double v : c.util)
            d << v;
    }
    d << static_cast<long long>(summary.rows) << static_cast<long long>(summary.cells)
      << static_cast<long long>(summary.plans) << static_cast<long long>(summary.cosCount);
    for (const sharecast::Year y : summary.years)
        d << static_cast<long long>(y);
    for (const sharecast::io::BlankCount& b : summary.blanks)
        d << b.column << static_cast<long long>(b.count);
    for (const std::string& w : summary.warnings)
        d << w;
    return d;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    sharecast::fuzz::readBothWays(data, size, readExperience);
    return 0;
}
