#pragma once

#include "riskevents/RiskLevel.h"

#include <QString>

// One validated subject, ready to send: the ip is canonical (IPv4 dotted quad, IPv6 RFC 5952,
// IPv4-mapped IPv6 as IPv4), the message already checked against Okta's rules.
struct RiskSubject {
    QString ip;
    RiskLevel level = RiskLevel::Medium;
    QString message;
    qint64 sourceLine = 0; // 1-based physical line where the row starts; 0 when typed by hand
};
