#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <QUrl>

class QNetworkReply;
class QNetworkRequest;

// Debug logging of every HTTP exchange with Okta, in the category "threatdesk.http" (off by
// default; QT_LOGGING_RULES="threatdesk.http.debug=true" turns it on). Secrets never reach the
// log: Authorization values keep only their scheme, DPoP proofs and cookies are dropped, form
// fields and JSON members that carry credentials are replaced, and success bodies are logged by
// size only (a token answer is a secret as a whole).
class HttpTrace {
public:
    static const QLoggingCategory& category();
    static constexpr const char* Redacted = "<redacted>";

    // "SSWS <redacted>", "Bearer <redacted>", "DPoP <redacted>" for Authorization; "<redacted>"
    // for DPoP, Cookie and similar; any other header unchanged.
    static QByteArray redactHeader(const QByteArray& name, const QByteArray& value);
    // application/x-www-form-urlencoded: the values of credential fields replaced.
    static QByteArray redactForm(const QByteArray& body);
    // JSON text with the values of credential members replaced (at any depth); a text that is not
    // JSON gives only its size, since it cannot be redacted reliably.
    static QByteArray redactJson(const QByteArray& body);
    // The URL without user info and with credential query parameters replaced.
    static QString redactUrl(const QUrl& url);
    // True for form fields, JSON members and query parameters that carry credentials.
    static bool isSecretField(const QString& name);

    // One line per request sent and per answer received; cheap when the category is off.
    static void request(const QByteArray& method, const QNetworkRequest& request, const QByteArray& body);
    static void answer(const QByteArray& method, const QUrl& url, QNetworkReply* reply,
                       const QByteArray& body, const QString& detail = {});
};
