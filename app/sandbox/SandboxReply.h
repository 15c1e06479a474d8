#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// What a handler wants to answer, before SandboxServer adds the headers every answer carries.
struct SandboxReply {
    int status = 200;
    QByteArray body; // empty = no body (and no Content-Type)
    QList<QPair<QByteArray, QByteArray>> headers;
    bool rateLimitHeaders = true; // false only for the "429 without headers" fault

    static SandboxReply json(int status, const QJsonObject& object);
    static SandboxReply json(int status, const QJsonArray& array);
    static SandboxReply empty(int status);

    // Okta's error body: errorCode, errorSummary, errorLink (= errorCode), errorId, errorCauses.
    static QJsonObject errorBody(const QString& code, const QString& summary, const QStringList& causes = {});
    static SandboxReply error(int status, const QString& code, const QString& summary,
                              const QStringList& causes = {});

    static SandboxReply validationFailed(const QString& subject, const QStringList& causes); // 400 E0000001
    static SandboxReply malformedBody();                                                     // 400 E0000003
    static SandboxReply invalidToken();                                                      // 401 E0000011
    static SandboxReply forbidden();                                                         // 403 E0000006
    static SandboxReply notFound(const QString& what);                                       // 404 E0000007
    static SandboxReply methodNotAllowed(const QStringList& allowed);                        // 405 E0000022
    static SandboxReply rateLimited();                                                       // 429 E0000047
    static SandboxReply internalError();                                                     // 500 E0000009
};
