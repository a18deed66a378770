#pragma once
//! SHA-256 of a byte stream (the provenance digest of imported files), from OpenSSL's libcrypto
//! when the build found it (several times faster: it uses the processor's SHA instructions) and
//! from Qt's QCryptographicHash otherwise. The one home of the choice.

#include <QString>

#include <cstddef>
#include <memory>

namespace sharecast::io {

//! Incremental SHA-256.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    //! Adds bytes to the digest.
    void add(const char* data, std::size_t size);
    //! The digest of everything added, as 64 lower-case hexadecimal digits; ends the computation.
    QString hexDigest();
    //! Which implementation this build uses: "OpenSSL" or "Qt".
    static const char* backend();

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace sharecast::io
