#pragma once

#include <QString>

// Random identifiers shaped like Okta's, so clients that log or display them see familiar values.
class SandboxIds {
public:
    static QString randomAlphanumeric(int length);
    static QString requestId(); // X-Okta-Request-Id: 20 alphanumerics
    static QString errorId();   // "oae" + 22 alphanumerics
};
