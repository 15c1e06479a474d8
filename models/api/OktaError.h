#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

// An error body as Okta sends it on /api/v1/* ({"errorCode","errorSummary","errorLink",
// "errorId","errorCauses":[{"errorSummary"}]}) or, on /oauth2/*, the OAuth shape
// ({"error","error_description"}), which lands in errorCode/errorSummary.
struct OktaError {
    QString errorCode;
    QString errorSummary;
    QString errorLink;
    QString errorId;
    QStringList errorCauses;

    static std::optional<OktaError> fromJson(const QByteArray& body);
    bool isEmpty() const { return errorCode.isEmpty() && errorSummary.isEmpty(); }
};
