//! libFuzzer target over the totals.csv reader (core/io/csv/totals_csv.h); built and run by
//! tests/fuzz/build_and_run.sh totals_csv. Each input is read as a whole file and a few bytes at a
//! time, which must end the same way (see fuzz_csv_support.h); an InputError is a correct refusal,
//! anything else (a crash, a sanitizer report, another exception, a difference, a figure that is
//! not finite) is a finding.

#include "fuzz_csv_support.h"
#include "io/csv/totals_csv.h"

#include <QString>

#include <cstddef>
#include <cstdint>

namespace {

sharecast::fuzz::Digest readTotals(QIODevice& device)
{
    const sharecast::TotalsData data = sharecast::io::readTotalsCsv(device, QStringLiteral("totals.csv"));
    sharecast::fuzz::Digest d;
    d << data.sourceName << static_cast<long long>(data.records.size());
    for (const sharecast::TotalsRecord& r : data.records)
        d << r.entityId << r.expected << r.actual << r.members << r.qualityScore
          << static_cast<long long>(r.qualityGate)
          << (r.electedMsr ? std::optional<double>(*r.electedMsr) : std::nullopt)
          << static_cast<long long>(r.sourceLine);
    return d;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    sharecast::fuzz::readBothWays(data, size, readTotals);
    return 0;
}
