//! libFuzzer target over the quality.csv reader (core/io/csv/quality_csv.h); built and run by
//! tests/fuzz/build_and_run.sh quality_csv. Each input is read as a whole file and a few bytes at
//! a time, which must end the same way (see fuzz_csv_support.h); an InputError is a correct
//! refusal, anything else (a crash, a sanitizer report, another exception, a difference, a figure
//! that is not finite) is a finding.

#include "fuzz_csv_support.h"
#include "io/csv/quality_csv.h"

#include <QString>

#include <cstddef>
#include <cstdint>

namespace {

sharecast::fuzz::Digest readQuality(QIODevice& device)
{
    const sharecast::QualityData data = sharecast::io::readQualityCsv(device, QStringLiteral("quality.csv"));
    sharecast::fuzz::Digest d;
    d << data.sourceName << static_cast<long long>(data.records.size());
    for (const sharecast::QualityRecord& r : data.records) {
        d << r.planId << static_cast<long long>(r.year) << r.measureId << r.numerator << r.denominator
          << (r.rate ? std::optional<double>(*r.rate) : std::nullopt) << static_cast<long long>(r.sourceLine);
        if (r.rate && !(*r.rate >= 0.0 && *r.rate <= 1.0))
            sharecast::fuzz::finding("a rate outside [0, 1] was loaded", d.text());
        if (r.numerator && !(*r.numerator >= 0 && *r.numerator <= *r.denominator))
            sharecast::fuzz::finding("a numerator outside [0, denominator] was loaded", d.text());
    }
    return d;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    sharecast::fuzz::readBothWays(data, size, readQuality);
    return 0;
}
