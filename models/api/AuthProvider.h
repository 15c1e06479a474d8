#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

// Supplies the Authorization header for a request. Asynchronous so that an OAuth provider can
// fetch or refresh a token first; an API-token provider answers at once.
class AuthProvider : public QObject {
    Q_OBJECT
public:
    struct Authorization {
        QByteArray headerValue; // e.g. "SSWS …"; empty with `error` set on failure
        QString error;
        QList<QPair<QByteArray, QByteArray>> extraHeaders; // e.g. a DPoP proof
    };
    using Callback = std::function<void(const Authorization&)>;

    using QObject::QObject;
    ~AuthProvider() override;

    // Short name for the status bar and logs: "API token", "OAuth service app".
    virtual QString methodName() const = 0;
    // Calls `done` exactly once, possibly later from the event loop.
    virtual void authorize(const QByteArray& method, const QUrl& url, const Callback& done) = 0;
    // Told when the server answered 401 so cached credentials can be dropped.
    virtual void invalidate() {}
    // True when invalidate() can lead to fresh credentials (OAuth), so one 401 is retried once.
    virtual bool canRefresh() const { return false; }
};
