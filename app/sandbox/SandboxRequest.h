#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

// A copy of what the sandbox needs from one HTTP request. Qt's request object lives only as long
// as its connection, and a stalled answer is processed after the handler has returned.
struct SandboxRequest {
    QString method;           // "GET", "POST", ...
    QString path;             // decoded path, e.g. "/api/v1/zones/nzo..."
    QString rawQuery;         // as sent, percent-encoded, without '?'
    QUrlQuery query;          // decoded; '+' already read as a space, as form encoding means it
    QByteArray authorization; // the Authorization header, empty if absent
    QByteArray dpop;          // the DPoP proof header, empty if absent
    QByteArray contentType;   // the Content-Type header, empty if absent
    QByteArray body;
    QString requestId;   // the X-Okta-Request-Id this request is answered with
    QString userAgent;   // the User-Agent header, empty if absent
    QString peerAddress; // the caller's address ("127.0.0.1"), for System Log client.ipAddress
};
