#include "api/OktaResult.h"

#include <QCoreApplication>

QString OktaResult::outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::Success:
        return QStringLiteral("success");
    case Outcome::HttpError:
        return QStringLiteral("http-error");
    case Outcome::NetworkError:
        return QStringLiteral("network-error");
    case Outcome::Timeout:
        return QStringLiteral("timeout");
    case Outcome::InvalidResponse:
        return QStringLiteral("invalid-response");
    case Outcome::NotSent:
        return QStringLiteral("not-sent");
    }
    return QStringLiteral("unknown");
}

QString OktaResult::describe() const {
    QString text;
    const QString what = QStringLiteral("%1 %2").arg(QString::fromLatin1(method), url.path());
    switch (outcome) {
    case Outcome::Success:
        text = QCoreApplication::translate("OktaResult", "%1: HTTP %2").arg(what).arg(httpStatus);
        break;
    case Outcome::HttpError:
        text = QCoreApplication::translate("OktaResult", "%1 failed: HTTP %2").arg(what).arg(httpStatus);
        if (!error.isEmpty()) {
            text +=
                QLatin1Char(' ') + QStringLiteral("%1 %2").arg(error.errorCode, error.errorSummary).trimmed();
            if (!error.errorCauses.isEmpty())
                text += QStringLiteral(" (%1)").arg(error.errorCauses.join(QStringLiteral("; ")));
        } else if (!detail.isEmpty()) {
            text += QStringLiteral(" ") + detail;
        }
        break;
    case Outcome::NetworkError:
        text = QCoreApplication::translate("OktaResult", "%1 failed: network error: %2").arg(what, detail);
        break;
    case Outcome::Timeout:
        text =
            QCoreApplication::translate("OktaResult", "%1 failed: no answer in time (%2)").arg(what, detail);
        break;
    case Outcome::InvalidResponse:
        // An unreadable error answer still has a status worth naming (a 403 is not a 500).
        text = httpStatus >= 300
                   ? QCoreApplication::translate("OktaResult", "%1 failed: HTTP %2, unexpected answer: %3")
                         .arg(what, QString::number(httpStatus), detail)
                   : QCoreApplication::translate("OktaResult", "%1 failed: unexpected answer: %2")
                         .arg(what, detail);
        break;
    case Outcome::NotSent:
        text = QCoreApplication::translate("OktaResult", "%1 not sent: %2").arg(what, detail);
        break;
    }
    if (!requestId.isEmpty())
        text += QCoreApplication::translate("OktaResult", " [request id %1]").arg(requestId);
    return text;
}
