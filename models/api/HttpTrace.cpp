#include "api/HttpTrace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcHttpTrace, "threatdesk.http", QtInfoMsg)

namespace {
// Logged error bodies are for reading, not archiving: a few lines are enough.
constexpr qsizetype MaxLoggedBody = 2048;

QJsonValue redactValue(const QJsonValue& value) {
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (HttpTrace::isSecretField(it.key()))
                it.value() = QLatin1String(HttpTrace::Redacted);
            else
                it.value() = redactValue(it.value());
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = redactValue(*it);
        return array;
    }
    return value;
}

QByteArray sizeOnly(qsizetype size) {
    return "(" + QByteArray::number(size) + " bytes)";
}

QByteArray headerList(const QList<QPair<QByteArray, QByteArray>>& headers) {
    QByteArray text;
    for (const auto& header : headers) {
        if (!text.isEmpty())
            text += "; ";
        text += header.first + ": " + HttpTrace::redactHeader(header.first, header.second);
    }
    return text;
}
} // namespace

const QLoggingCategory& HttpTrace::category() {
    return lcHttpTrace();
}

bool HttpTrace::isSecretField(const QString& name) {
    // OAuth form fields and token answers (RFC 6749, 7521, 7523), plus the private members of a
    // JWK (RFC 7518 section 6) in case a key ever travels in a body.
    static const QSet<QString> secretNames{QStringLiteral("client_assertion"),
                                           QStringLiteral("assertion"),
                                           QStringLiteral("client_secret"),
                                           QStringLiteral("access_token"),
                                           QStringLiteral("refresh_token"),
                                           QStringLiteral("id_token"),
                                           QStringLiteral("token"),
                                           QStringLiteral("password"),
                                           QStringLiteral("code"),
                                           QStringLiteral("code_verifier"),
                                           QStringLiteral("d"),
                                           QStringLiteral("p"),
                                           QStringLiteral("q"),
                                           QStringLiteral("dp"),
                                           QStringLiteral("dq"),
                                           QStringLiteral("qi"),
                                           QStringLiteral("k")};
    return secretNames.contains(name.toLower());
}

QByteArray HttpTrace::redactHeader(const QByteArray& name, const QByteArray& value) {
    const QByteArray lower = name.toLower();
    if (lower == "authorization" || lower == "proxy-authorization") {
        // The scheme says which sign-in was used; everything after it is the credential.
        const QByteArray trimmed = value.trimmed();
        const int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.left(space) + ' ' + Redacted : QByteArray(Redacted);
    }
    if (lower == "dpop" || lower == "cookie" || lower == "set-cookie" || lower == "x-okta-session-token")
        return Redacted;
    return value;
}

QByteArray HttpTrace::redactForm(const QByteArray& body) {
    QList<QByteArray> fields = body.split('&');
    for (QByteArray& field : fields) {
        const int equals = field.indexOf('=');
        const QByteArray rawName = equals < 0 ? field : field.left(equals);
        const QString name = QUrl::fromPercentEncoding(QByteArray(rawName).replace('+', ' '));
        if (isSecretField(name))
            field = rawName + '=' + Redacted;
    }
    return fields.join('&');
}

QByteArray HttpTrace::redactJson(const QByteArray& body) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return sizeOnly(body.size());
    const QJsonValue redacted =
        redactValue(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()));
    const QByteArray text = redacted.isObject()
                                ? QJsonDocument(redacted.toObject()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(redacted.toArray()).toJson(QJsonDocument::Compact);
    if (text.size() > MaxLoggedBody)
        return text.left(MaxLoggedBody) + "... " + sizeOnly(body.size());
    return text;
}

QString HttpTrace::redactUrl(const QUrl& url) {
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
        for (auto& item : items) {
            if (isSecretField(QUrl::fromPercentEncoding(item.first.toUtf8())))
                item.second = QLatin1String(Redacted);
        }
        query.setQueryItems(items);
        copy.setQuery(query);
    }
    return copy.toString(QUrl::FullyEncoded);
}

void HttpTrace::request(const QByteArray& method, const QNetworkRequest& request, const QByteArray& body) {
    if (!lcHttpTrace().isDebugEnabled())
        return;
    QList<QPair<QByteArray, QByteArray>> headers;
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray& name : names)
        headers.append({name, request.rawHeader(name)});
    const QByteArray contentType = request.header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (!contentType.isEmpty() && !request.hasRawHeader("Content-Type"))
        headers.append({QByteArrayLiteral("Content-Type"), contentType});
    // Form bodies are token requests: worth reading, once redacted. JSON bodies (risk events,
    // zones) are logged by size: they hold no credential but can be megabytes.
    QByteArray bodyText = sizeOnly(body.size());
    if (contentType.startsWith("application/x-www-form-urlencoded"))
        bodyText = redactForm(body) + ' ' + bodyText;
    qCDebug(lcHttpTrace).noquote().nospace() << "-> " << method << ' ' << redactUrl(request.url()) << " ["
                                             << headerList(headers) << "] body " << bodyText;
}

void HttpTrace::answer(const QByteArray& method, const QUrl& url, QNetworkReply* reply,
                       const QByteArray& body, const QString& detail) {
    if (!lcHttpTrace().isDebugEnabled() || !reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const char* name :
         {"X-Okta-Request-Id", "X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset", "Date",
          "Content-Type", "DPoP-Nonce", "Link", "WWW-Authenticate", "Set-Cookie"}) {
        if (reply->hasRawHeader(name))
            headers.append({QByteArray(name), reply->rawHeader(name)});
    }
    if (reply->hasRawHeader("Location")) // a redirect target may carry a token in its query
        headers.append({QByteArrayLiteral("Location"),
                        redactUrl(QUrl(QString::fromLatin1(reply->rawHeader("Location")))).toUtf8()});
    // A success body may be a token answer, and is otherwise bulk data: its size is enough. Error
    // bodies explain what went wrong and are logged with credential members replaced.
    QByteArray bodyText = sizeOnly(body.size());
    if (status >= 300 && !body.isEmpty())
        bodyText = redactJson(body);
    QString problem = detail;
    if (problem.isEmpty() && reply->error() != QNetworkReply::NoError)
        problem = reply->errorString();
    qCDebug(lcHttpTrace).noquote().nospace()
        << "<- " << status << ' ' << method << ' ' << redactUrl(url) << " [" << headerList(headers)
        << "] body " << bodyText << (problem.isEmpty() ? QString() : QStringLiteral(" error: ") + problem);
}
