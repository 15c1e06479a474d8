#pragma once

#include "cli/CliCommand.h"

struct OktaResult;

// `zones list`: every page of GET /api/v1/zones as a table, or Okta's objects with --json.
class ZonesListCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Name = "zones list";
    static constexpr const char* Synopsis = "[--filter EXPR]";
    static constexpr const char* Summary =
        QT_TRANSLATE_NOOP("ZonesListCommand", "List the org's network zones.");

    using CliCommand::CliCommand;

    QList<QCommandLineOption> options() const override;
    bool configure(const QCommandLineParser& parser, QString* error) override;

protected:
    void start() override;

private:
    void onListed(const OktaResult& result);

    QString m_filter;
};
