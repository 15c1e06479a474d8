#pragma once

#include <QString>
#include <QUrl>

// Which org URLs the client may talk to: https anywhere, plain http only to a loopback host
// (the sandbox org). The token must never travel in clear text over a real network.
class BaseUrlPolicy {
public:
    // Accepts "acme.okta.com", "https://acme.okta.com/" or "http://127.0.0.1:8080"; gives the
    // normalised origin (scheme, host, port; no path) or an empty URL and a reason.
    static QUrl normalize(const QString& input, QString* error);
    static bool isLoopbackHost(const QString& host);
    // True when `url` has the same scheme, host and port as `base` (paging links must not
    // send our Authorization header anywhere else).
    static bool isSameOrigin(const QUrl& url, const QUrl& base);
};
