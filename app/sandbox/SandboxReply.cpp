#include "SandboxReply.h"

#include "SandboxIds.h"

#include <QJsonDocument>

SandboxReply SandboxReply::json(int status, const QJsonObject& object) {
    SandboxReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

SandboxReply SandboxReply::json(int status, const QJsonArray& array) {
    SandboxReply reply;
    reply.status = status;
    reply.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return reply;
}

SandboxReply SandboxReply::empty(int status) {
    SandboxReply reply;
    reply.status = status;
    return reply;
}

QJsonObject SandboxReply::errorBody(const QString& code, const QString& summary, const QStringList& causes) {
    QJsonArray causeArray;
    for (const QString& cause : causes)
        causeArray.append(QJsonObject{{QStringLiteral("errorSummary"), cause}});
    return QJsonObject{{QStringLiteral("errorCode"), code},
                       {QStringLiteral("errorSummary"), summary},
                       {QStringLiteral("errorLink"), code},
                       {QStringLiteral("errorId"), SandboxIds::errorId()},
                       {QStringLiteral("errorCauses"), causeArray}};
}

SandboxReply SandboxReply::error(int status, const QString& code, const QString& summary,
                                 const QStringList& causes) {
    return json(status, errorBody(code, summary, causes));
}

SandboxReply SandboxReply::validationFailed(const QString& subject, const QStringList& causes) {
    return error(400, QStringLiteral("E0000001"), QStringLiteral("Api validation failed: ") + subject,
                 causes);
}

SandboxReply SandboxReply::malformedBody() {
    return error(400, QStringLiteral("E0000003"), QStringLiteral("The request body was not well-formed."));
}

SandboxReply SandboxReply::invalidToken() {
    return error(401, QStringLiteral("E0000011"), QStringLiteral("Invalid token provided"));
}

SandboxReply SandboxReply::forbidden() {
    return error(403, QStringLiteral("E0000006"),
                 QStringLiteral("You do not have permission to perform the requested action"));
}

SandboxReply SandboxReply::notFound(const QString& what) {
    return error(404, QStringLiteral("E0000007"), QStringLiteral("Not found: Resource not found: ") + what);
}

SandboxReply SandboxReply::methodNotAllowed(const QStringList& allowed) {
    SandboxReply reply = error(405, QStringLiteral("E0000022"),
                               QStringLiteral("The endpoint does not support the provided HTTP method"));
    reply.headers.append({QByteArrayLiteral("Allow"), allowed.join(QStringLiteral(", ")).toLatin1()});
    return reply;
}

SandboxReply SandboxReply::rateLimited() {
    return error(429, QStringLiteral("E0000047"),
                 QStringLiteral("API call exceeded rate limit due to too many requests."));
}

SandboxReply SandboxReply::internalError() {
    return error(500, QStringLiteral("E0000009"), QStringLiteral("Internal Server Error"));
}
