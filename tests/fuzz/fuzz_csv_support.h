#pragma once
//! What the CSV fuzz targets (tests/fuzz/fuzz_*_csv.cpp) share. Each input is read twice by the
//! reader under test:
//! - from a QBuffer, a random-access device of known size like the QFile the importer and the
//!   command line open;
//! - from a sequential device that hands the bytes out a few at a time, like a pipe
//!   (`--experience /dev/stdin`): records then straddle the reads, which reaches CsvReader's
//!   "need more bytes" paths that a 1 MiB block never reaches with inputs of at most 64 KiB.
//! Both must end the same way: the same data loaded (compared through a digest that spells out
//! every field, doubles exactly) or the same InputError message. Every number loaded must be
//! finite (engine/input_bounds.h: the readers refuse figures that would overflow). Any other
//! exception, a sanitizer report, a difference or a non-finite figure is a finding.

#include "engine/error.h"

#include <QBuffer>
#include <QByteArray>
#include <QIODevice>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace sharecast::fuzz {

//! A read-only sequential device over bytes that returns at most a few bytes per read, the
//! sizes cycling through a fixed list (so that a run is reproducible).
class TrickleDevice : public QIODevice {
public:
    explicit TrickleDevice(const QByteArray& bytes) : bytes_(bytes)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return bytes_.size() - pos_ + QIODevice::bytesAvailable(); }
    bool waitForReadyRead(int) override { return false; } // everything there is has been offered

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        static constexpr qint64 kSizes[] = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 4096};
        const qint64 n = std::min({maxSize, bytes_.size() - pos_, kSizes[calls_++ % std::size(kSizes)]});
        std::copy_n(bytes_.constData() + pos_, n, data);
        pos_ += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray bytes_;
    qint64 pos_ = 0;
    std::size_t calls_ = 0;
};

[[noreturn]] inline void finding(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "%s\n%s\n", what, detail.c_str());
    std::abort();
}

//! Spells out what a reader loaded: every field, doubles in hexadecimal (exact). A number that
//! is not finite is a finding.
class Digest {
public:
    Digest& operator<<(std::string_view text)
    {
        out_ += std::to_string(text.size());
        out_ += ':';
        out_ += text;
        out_ += ' ';
        return *this;
    }
    Digest& operator<<(long long v)
    {
        out_ += std::to_string(v);
        out_ += ' ';
        return *this;
    }
    Digest& operator<<(double v)
    {
        if (!std::isfinite(v))
            finding("a loaded figure is not finite", out_);
        char buf[64];
        const auto result = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::hex);
        out_.append(buf, result.ptr);
        out_ += ' ';
        return *this;
    }
    Digest& operator<<(std::optional<double> v)
    {
        if (!v) {
            out_ += "none ";
            return *this;
        }
        return *this << *v;
    }
    Digest& operator<<(std::optional<long long> v)
    {
        if (!v) {
            out_ += "none ";
            return *this;
        }
        return *this << *v;
    }
    const std::string& text() const { return out_; }

private:
    std::string out_;
};

//! How one read ended: the digest of what was loaded, or the message of the InputError.
struct Outcome {
    bool loaded = false;
    std::string text;
};

//! Runs read(device), which returns a Digest of what it loaded; an InputError is a refusal.
template <typename Read> Outcome attempt(QIODevice& device, Read& read)
{
    try {
        return Outcome{true, read(device).text()};
    } catch (const InputError& e) {
        return Outcome{false, e.what()};
    }
}

//! Reads the fuzzer's bytes from a buffer and from a trickling device with read(QIODevice&)
//! (returning a Digest) and checks that both end the same way.
template <typename Read> void readBothWays(const std::uint8_t* data, std::size_t size, Read read)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    const Outcome whole = attempt(buffer, read);

    TrickleDevice trickle(bytes);
    const Outcome pieces = attempt(trickle, read);

    if (whole.loaded != pieces.loaded || whole.text != pieces.text)
        finding("mismatch: the input read from a buffer and read a few bytes at a time ended differently",
                "buffer (" + std::string(whole.loaded ? "loaded" : "refused") + "): " + whole.text +
                    "\ntrickle (" + (pieces.loaded ? "loaded" : "refused") + "): " + pieces.text);
}

} // namespace sharecast::fuzz
