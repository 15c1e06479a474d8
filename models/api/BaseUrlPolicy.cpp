#include "api/BaseUrlPolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

bool BaseUrlPolicy::isLoopbackHost(const QString& host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

namespace {
// The input as it may appear in a message: a password typed into the URL must not be echoed.
QString withoutUserInfo(const QString& input) {
    const int scheme = input.indexOf(QLatin1String("://"));
    const int start = scheme < 0 ? 0 : scheme + 3;
    int end = input.indexOf(QLatin1Char('/'), start);
    if (end < 0)
        end = input.size();
    if (end == start)
        return input;
    const int at = input.lastIndexOf(QLatin1Char('@'), end - 1);
    if (at < start)
        return input;
    return input.left(start) + input.mid(at + 1);
}
} // namespace

QUrl BaseUrlPolicy::normalize(const QString& rawInput, QString* error) {
    const QString input = withoutUserInfo(rawInput.trimmed());
    auto refuse = [error](const QString& reason) {
        if (error)
            *error = reason;
        return QUrl();
    };
    QString text = rawInput.trimmed();
    if (text.isEmpty())
        return refuse(QCoreApplication::translate("BaseUrlPolicy", "The org URL is empty."));
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return refuse(
            QCoreApplication::translate("BaseUrlPolicy", "'%1' is not a valid org URL.").arg(input));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return refuse(
            QCoreApplication::translate("BaseUrlPolicy", "'%1': only https:// org URLs are supported.")
                .arg(input));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return refuse(
            QCoreApplication::translate("BaseUrlPolicy",
                                        "'%1': plain http would send the token unencrypted; use https:// "
                                        "(http is only allowed for a loopback host such as the sandbox org).")
                .arg(input));
    if (!url.userInfo().isEmpty())
        return refuse(QCoreApplication::translate("BaseUrlPolicy",
                                                  "'%1': the org URL must not contain a user name "
                                                  "or password.")
                          .arg(url.host()));
    if (url.hasQuery() || url.hasFragment())
        return refuse(QCoreApplication::translate("BaseUrlPolicy",
                                                  "'%1': the org URL must not have a query or "
                                                  "fragment.")
                          .arg(input));
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return refuse(QCoreApplication::translate("BaseUrlPolicy", "'%1': give the org's address only (like "
                                                                   "https://acme.okta.com), without a path.")
                          .arg(input));
    QUrl origin;
    origin.setScheme(scheme);
    origin.setHost(url.host().toLower());
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    origin.setPort(url.port() == defaultPort ? -1 : url.port());
    return origin;
}

bool BaseUrlPolicy::isSameOrigin(const QUrl& url, const QUrl& base) {
    auto defaultPort = [](const QUrl& u) {
        return u.port(u.scheme() == QLatin1String("https") ? 443 : 80);
    };
    return url.scheme().compare(base.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(base.host(), Qt::CaseInsensitive) == 0 && defaultPort(url) == defaultPort(base);
}
