#include "auth/Base64Url.h"

namespace Base64Url {

QByteArray encode(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> decode(const QByteArray& text) {
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    // A single character left over cannot encode a whole byte.
    if (text.size() % 4 == 1)
        return std::nullopt;
    const QByteArray decoded = QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding);
    // Re-encoding catches non-zero unused bits in the last character (a second spelling).
    if (encode(decoded) != text)
        return std::nullopt;
    return decoded;
}

} // namespace Base64Url
