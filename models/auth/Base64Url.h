#pragma once

#include <QByteArray>

#include <optional>

// base64url without padding (RFC 7515 section 2), as JWS and JWK use it. Decoding is strict:
// padding, whitespace, characters of the standard alphabet and non-canonical trailing bits are
// refused, so that one byte string has exactly one accepted spelling.
namespace Base64Url {
QByteArray encode(const QByteArray& data);
std::optional<QByteArray> decode(const QByteArray& text);
} // namespace Base64Url
