#pragma once

#include "cli/CliCommand.h"
#include "incident/ZoneAction.h"
#include "threatinsight/NetworkZone.h"

#include <QByteArray>
#include <QStringList>

class HistoryStore;
class QSocketNotifier;
class ZoneGatewayChange;
class ZoneGatewayEditor;

// `zones block|unblock|exempt|unexempt IP_OR_CIDR...`: the shared body of the four commands
// (ZonesBlockCommand etc. only pick the action). Checks every input before connecting, prints
// the plan (each entry added / removed / already there, notes, N → M of LIMIT gateways), then
// stops (--dry-run), applies (--yes), asks on a terminal, or refuses without one. Applying
// re-reads the zone and PUTs it whole (ZoneGatewayEditor), and is recorded in the history.
class ZonesChangeCommand : public CliCommand {
    Q_OBJECT
public:
    static constexpr const char* Synopsis = "IP_OR_CIDR... [--zone NAME] [--yes] [--dry-run]";

    explicit ZonesChangeCommand(ZoneAction action, QObject* parent = nullptr);
    ~ZonesChangeCommand() override;

    QList<QCommandLineOption> options() const override;
    bool configure(const QCommandLineParser& parser, QString* error) override;
    // Bad inputs are reported without connecting to any org.
    bool needsOrg() const override { return m_problems.isEmpty(); }
    int maxArguments() const override { return 100000; }

protected:
    void start() override;

private:
    void onPlanned(const ZoneGatewayChange& change);
    void printPlan(const ZoneGatewayChange& change);
    void askToApply(const QString& zoneName);
    void onStandardInput();
    void onAnswer(const QString& answer);
    void onApplied(const ZoneGatewayChange& change, const NetworkZone& zone, const QString& requestId);
    void onFailed(const QString& message);
    // stdout in text mode; stderr with --json, so stdout stays one JSON document.
    void say(const QString& text);

    ZoneAction m_action;
    QStringList m_inputs;
    QStringList m_problems; // "'x' (item 2): rule", found by configure()
    QString m_zone;
    bool m_yes = false;
    bool m_dryRun = false;
    ZoneGatewayEditor* m_editor = nullptr;
    HistoryStore* m_history = nullptr;
    QSocketNotifier* m_stdin = nullptr;
    QByteArray m_answer;
};
