#pragma once

#include "api/OktaError.h"
#include "api/RateLimitSnapshot.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QMetaType>
#include <QString>
#include <QUrl>

// The outcome of one call to Okta, whatever happened. Every field a user or support may need
// is here: status, Okta's error, the request id and the rate-limit budget the answer carried.
struct OktaResult {
    enum class Outcome {
        Success,         // 2xx, body parsed when there was one
        HttpError,       // non-2xx answer; `error` holds Okta's error (or a synthesized one)
        NetworkError,    // no usable answer: refused, reset, TLS failure, DNS...
        Timeout,         // no progress within the transfer timeout
        InvalidResponse, // 2xx but the body was not the JSON we expect, or too large
        NotSent          // refused before sending (bad base URL, no credentials...)
    };

    Outcome outcome = Outcome::NotSent;
    int httpStatus = 0;
    QByteArray method;
    QUrl url;
    QJsonDocument body;
    OktaError error;
    QString requestId;
    RateLimitSnapshot rateLimit;
    QUrl nextPage;  // Link rel="next", when the answer is one page of a list
    QString detail; // network error text, parse problem or refusal reason; never a secret

    bool isSuccess() const { return outcome == Outcome::Success; }
    bool isRateLimited() const { return httpStatus == 429; }
    // One line for humans: what failed, Okta's summary and causes, and the request id.
    QString describe() const;
    static QString outcomeName(Outcome outcome);
};

Q_DECLARE_METATYPE(OktaResult)
