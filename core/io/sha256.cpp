#include "io/sha256.h"

#include <stdexcept>

#if defined(SHARECAST_HAVE_OPENSSL)
#include <openssl/evp.h>
#else
#include <QCryptographicHash>
#endif

namespace sharecast::io {

#if defined(SHARECAST_HAVE_OPENSSL)

struct Sha256::State {
    EVP_MD_CTX* ctx = nullptr;
    ~State() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : state_(std::make_unique<State>())
{
    state_->ctx = EVP_MD_CTX_new();
    if (state_->ctx == nullptr || EVP_DigestInit_ex(state_->ctx, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 is not available from libcrypto");
}

void Sha256::add(const char* data, std::size_t size)
{
    EVP_DigestUpdate(state_->ctx, data, size);
}

QString Sha256::hexDigest()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(state_->ctx, digest, &length);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(length)).toHex());
}

const char* Sha256::backend()
{
    return "OpenSSL";
}

#else

struct Sha256::State {
    QCryptographicHash hash{QCryptographicHash::Sha256};
};

Sha256::Sha256() : state_(std::make_unique<State>()) {}

void Sha256::add(const char* data, std::size_t size)
{
    state_->hash.addData(QByteArrayView(data, static_cast<qsizetype>(size)));
}

QString Sha256::hexDigest()
{
    return QString::fromLatin1(state_->hash.result().toHex());
}

const char* Sha256::backend()
{
    return "Qt";
}

#endif

Sha256::~Sha256() = default;

} // namespace sharecast::io
