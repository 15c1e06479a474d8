#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>

class QCommandLineParser;

// The options every command understands (--org, --sandbox, --profile, --json, --timeout). They may come
// before or after the command words, so both parsers feed the same instance; later wins.
class GlobalOptions {
    Q_DECLARE_TR_FUNCTIONS(GlobalOptions)

public:
    static QList<QCommandLineOption> definitions();

    void readFrom(const QCommandLineParser& parser);
    // Checks what cannot be seen option by option; false with a usage message.
    bool validate(QString* error);

    QString orgUrl() const { return m_orgUrl; }
    bool useSandbox() const { return m_sandbox; }
    // The stored profile to connect with (name or id); empty without --profile.
    QString profile() const { return m_profile; }
    bool hasOrg() const { return !m_orgUrl.isEmpty() || m_sandbox || !m_profile.isEmpty(); }
    bool json() const { return m_json; }
    // 0 when --timeout was not given (keep the client's default).
    int timeoutMs() const { return m_timeoutMs; }

private:
    QString m_orgUrl;
    bool m_orgGiven = false;
    bool m_sandbox = false;
    QString m_profile;
    bool m_profileGiven = false;
    bool m_json = false;
    QString m_timeoutText;
    bool m_timeoutGiven = false;
    int m_timeoutMs = 0;
};
