//! libFuzzer target over the scenario file loader (core/io/scenario/scenario_file.h); built and run by
//! tests/fuzz/build_and_run.sh. Each input is tried twice:
//! - as a whole file, which exercises the header checks (magic, version, length, digest);
//! - as a payload behind a correct header, since a mutated file almost never carries a matching
//!   SHA-256 digest: this is how the fuzzer reaches the Boost archive reader and validation.
//! Every failure must be an InputError; a scenario that loads must save and load back equal.
//! Anything else (a crash, a sanitizer report, another exception, a mismatch) is a finding.

#include "engine/error.h"
#include "engine/scenario.h"
#include "io/scenario/scenario_file.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

//! Decodes bytes; on success checks that encode → decode gives the same scenario.
void decodeAndRoundTrip(const QByteArray& bytes)
{
    sharecast::Scenario scenario;
    try {
        scenario = sharecast::io::decodeScenarioFile(bytes, QStringLiteral("fuzz.sharecast-scenario"));
    } catch (const sharecast::InputError&) {
        return; // the expected outcome for almost every input
    }
    // A loaded scenario is valid and finite, so saving it must succeed and load back equal;
    // an exception here escapes and is reported by libFuzzer.
    const QByteArray again = sharecast::io::encodeScenarioFile(scenario);
    if (!(sharecast::io::decodeScenarioFile(again, QStringLiteral("again.sharecast-scenario")) == scenario)) {
        std::fprintf(stderr, "round trip mismatch: a loaded scenario did not save and load back equal\n");
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    decodeAndRoundTrip(bytes);
    decodeAndRoundTrip(sharecast::io::scenarioFileFromPayload(bytes));
    return 0;
}
