#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

struct OktaResult;

// Everything a command prints goes through here: results on stdout (text or JSON), warnings,
// usage errors and Okta failures on stderr, so that stdout stays machine-readable and the
// mapping from an outcome to an exit code lives in one place.
class CliOutput {
    Q_DECLARE_TR_FUNCTIONS(CliOutput)

public:
    CliOutput();

    void setJson(bool json) { m_json = json; }
    bool isJson() const { return m_json; }

    void line(const QString& text = {});
    // Text printed as is (it carries its own line ends).
    void text(const QString& text);
    void lines(const QStringList& text);
    void json(const QJsonObject& object);
    void json(const QJsonArray& array);

    void warning(const QString& text);
    // Progress of a long operation, on stderr so stdout stays the result.
    void progress(const QString& text);
    void error(const QString& text);
    // An indented continuation line under the previous error or warning.
    void errorDetail(const QString& text);
    // Prints the message and a pointer to --help; returns ExitCode::Usage.
    int usageError(const QString& text);
    // Prints what failed with Okta's summary, one line per cause and the request id; returns
    // the exit code the outcome maps to.
    int failure(const QString& what, const OktaResult& result);

    static int exitCodeFor(const OktaResult& result);

private:
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
};
