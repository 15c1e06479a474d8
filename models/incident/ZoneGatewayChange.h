#pragma once

#include "incident/ZoneAction.h"
#include "threatinsight/NetworkZone.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What a block / unblock / exempt / unexempt does to one IP zone's gateways, computed from the
// zone as last read and the admin's input before anything is written, so it can be shown and
// confirmed. Pure: no network. Inputs are single IPv4/IPv6 addresses (stored as /32 or /128
// CIDRs), CIDRs (host bits must be zero, no /0) or "a.b.c.d-e.f.g.h" ranges.
class ZoneGatewayChange {
    Q_DECLARE_TR_FUNCTIONS(ZoneGatewayChange)
public:
    // One input the change cannot use: `item` is 1-based in the admin's list.
    struct Problem {
        int item = 0;
        QString input;
        QString message; // "'10.0.0.300' (item 2): not an IPv4 or IPv6 address, CIDR or range"
    };

    static ZoneGatewayChange plan(const NetworkZone& zone, ZoneAction action, const QStringList& inputs);

    // Okta's gateway limits: 150 entries for admin-created IP zones, 1000 for BLOCKLIST zones,
    // 5000 for the default system IP zones (DefaultExemptIpZone).
    static int gatewayLimit(const NetworkZone& zone);
    // One address as a gateway entry; nullopt and the rule broken in `error`.
    static std::optional<NetworkZone::Address> parseAddress(const QString& text, QString* error);

    ZoneAction action() const { return m_action; }
    const NetworkZone& zone() const { return m_zone; }
    // No problem with any input, the zone can take this action, and the limit holds.
    bool isValid() const { return m_problems.isEmpty() && m_refusal.isEmpty(); }
    // Why the whole change is refused (zone not IP, wrong usage, over the limit), empty if not.
    QString refusal() const { return m_refusal; }
    const QList<Problem>& problems() const { return m_problems; }
    // Every message (refusal first, then each problem), one line each.
    QStringList errors() const;

    // Entries this change adds (Block/Exempt) or removes (Unblock/Unexempt), in input order,
    // without duplicates.
    const QList<NetworkZone::Address>& changed() const { return m_changed; }
    // Inputs that need no change: already in the zone (adding) or not in it (removing).
    const QList<NetworkZone::Address>& unchanged() const { return m_unchanged; }
    // Adding: inputs already inside a wider entry of the zone or of the input ("203.0.113.7/32 is
    // already covered by 203.0.113.0/24"), one line each. Removing such an input is a problem
    // instead: the addresses would stay in the zone.
    const QStringList& coveredNotes() const { return m_coveredNotes; }
    // Inputs given more than once, even written differently ("'203.0.113.7/32' (item 2) is the
    // same as item 1: listed once"), one line each, so no item goes unmentioned.
    const QStringList& normalisationNotes() const { return m_normalisationNotes; }
    bool hasChanges() const { return !m_changed.isEmpty(); }
    int gatewaysBefore() const { return int(m_zone.gateways.size()); }
    int gatewaysAfter() const { return int(m_resulting.size()); }
    const QList<NetworkZone::Address>& resultingGateways() const { return m_resulting; }

    // The PUT body: the zone's raw object with the resulting gateways; read-only fields
    // (id, created, lastUpdated, _links) dropped; `useAsExemptList: true` for DefaultExemptIpZone.
    QJsonObject requestBody() const;
    // "BlockedIpZone: add 3 (198.51.100.7/32, …); 1 already there; 12 → 15 of 1,000 gateways."
    QString summary() const;

private:
    NetworkZone m_zone;
    ZoneAction m_action = ZoneAction::Block;
    QString m_refusal;
    QList<Problem> m_problems;
    QList<NetworkZone::Address> m_changed;
    QList<NetworkZone::Address> m_unchanged;
    QStringList m_coveredNotes;
    QStringList m_normalisationNotes;
    int m_covered = 0; // adding: inputs inside a wider entry
    QList<NetworkZone::Address> m_resulting;
};
