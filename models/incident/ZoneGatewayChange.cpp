#include "incident/ZoneGatewayChange.h"

#include "common/Translations.h"
#include "riskevents/IpAddressParser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <array>

namespace {

using Family = IpAddressParser::Family;

const QString DefaultExemptZoneName = QStringLiteral("DefaultExemptIpZone");
constexpr int AdminZoneLimit = 150;
constexpr int BlocklistZoneLimit = 1000;
constexpr int SystemZoneLimit = 5000;
constexpr int ShownInSummary = 3;

// Grouped as the language of the messages writes numbers ("1,000", German "1.000").
QString number(qsizetype value) {
    return Translations::numberLocale().toString(static_cast<qint64>(value));
}

// The addresses an entry covers, first to last; IPv4 uses bytes 0..3.
struct Span {
    Family family = Family::V4;
    std::array<quint8, 16> lo{};
    std::array<quint8, 16> hi{};

    bool operator==(const Span& other) const {
        return family == other.family && lo == other.lo && hi == other.hi;
    }
    bool contains(const Span& inner) const {
        return family == inner.family && lo <= inner.lo && inner.hi <= hi;
    }
};

struct Parsed {
    NetworkZone::Address address;
    Span span;
    QString note;          // how the input was normalised, when it was
    int prefix = -1;       // CIDRs: the prefix length given or implied
    QString singleAddress; // CIDRs with host bits set: the address typed, as /32 or /128
};

int widthOf(Family family) {
    return family == Family::V4 ? 32 : 128;
}

// Address problems in the words of the risk-event parser, where they fit an address alone.
QString addressReason(const QString& text) {
    const IpAddressParser::Result result = IpAddressParser::parse(text, true);
    switch (result.problem) {
    case IpAddressParser::Problem::None:
    case IpAddressParser::Problem::NotPublic:
        return {};
    case IpAddressParser::Problem::Missing:
        return QCoreApplication::translate("ZoneGatewayChange", "an address is missing");
    case IpAddressParser::Problem::Cidr:
    case IpAddressParser::Problem::Range:
    case IpAddressParser::Problem::Malformed:
        return QCoreApplication::translate("ZoneGatewayChange", "not an IPv4 or IPv6 address, CIDR or range");
    case IpAddressParser::Problem::SeveralValues:
        return QCoreApplication::translate(
            "ZoneGatewayChange", "several values in one item: give one address, CIDR or range per item");
    default:
        return result.reason();
    }
}

bool parseInput(const QString& input, Parsed* parsed, QString* error) {
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        *error = QCoreApplication::translate(
            "ZoneGatewayChange",
            "empty: give an IPv4 or IPv6 address, a CIDR such as 203.0.113.0/24 or a range such "
            "as 203.0.113.10-203.0.113.20");
        return false;
    }
    // "a/-1" is a CIDR with a bad prefix, not a range.
    const qsizetype dash = text.indexOf(QLatin1Char('-'));
    if (dash >= 0 && !(dash > 0 && text.at(dash - 1) == QLatin1Char('/'))) {
        const QStringList ends = text.split(QLatin1Char('-'));
        if (ends.size() != 2) {
            *error = QCoreApplication::translate("ZoneGatewayChange",
                                                 "a range has exactly two addresses joined by one '-'");
            return false;
        }
        const QString first = ends.at(0).trimmed();
        const QString last = ends.at(1).trimmed();
        const auto a = IpAddressParser::parseAddress(first);
        const auto b = IpAddressParser::parseAddress(last);
        if (!a || !b) {
            const QString which = a ? last : first;
            if (which.contains(QLatin1Char('/')))
                *error = QCoreApplication::translate("ZoneGatewayChange",
                                                     "a range's ends are single addresses, not CIDRs");
            else
                *error = QCoreApplication::translate("ZoneGatewayChange", "range end '%1': %2")
                             .arg(which, addressReason(which));
            return false;
        }
        if (a->family != b->family) {
            *error = QCoreApplication::translate("ZoneGatewayChange",
                                                 "a range's two ends must both be IPv4 or both IPv6");
            return false;
        }
        if (b->bytes < a->bytes) {
            *error = QCoreApplication::translate(
                         "ZoneGatewayChange",
                         "a range goes from the lower address to the higher one (%1 is after %2)")
                         .arg(IpAddressParser::toString(*a), IpAddressParser::toString(*b));
            return false;
        }
        parsed->span = Span{a->family, a->bytes, b->bytes};
        parsed->address = {QStringLiteral("RANGE"),
                           IpAddressParser::toString(*a) + QLatin1Char('-') + IpAddressParser::toString(*b)};
        return true;
    }
    QString addressText = text;
    QString prefixText;
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        addressText = text.left(slash).trimmed();
        prefixText = text.mid(slash + 1).trimmed();
    }
    if (addressText.contains(QLatin1Char(' ')) || addressText.contains(QLatin1Char(',')) ||
        addressText.contains(QLatin1Char(';')) || addressText.contains(QLatin1Char('\t'))) {
        *error = QCoreApplication::translate(
            "ZoneGatewayChange", "several values in one item: give one address, CIDR or range per item");
        return false;
    }
    const auto address = IpAddressParser::parseAddress(addressText);
    if (!address) {
        *error = addressReason(addressText);
        return false;
    }
    const int width = widthOf(address->family);
    int prefix = width;
    if (slash >= 0) {
        if (address->family == Family::V4 && addressText.contains(QLatin1Char(':'))) {
            *error = QCoreApplication::translate("ZoneGatewayChange",
                                                 "an IPv4-mapped IPv6 CIDR: write it as an IPv4 CIDR");
            return false;
        }
        bool ok = !prefixText.isEmpty() && prefixText.size() <= 3;
        for (QChar c : prefixText)
            ok = ok && c.isDigit() && c.unicode() < 128;
        prefix = ok ? prefixText.toInt() : -1;
        if (!ok || prefix > width) {
            *error = address->family == Family::V4
                         ? QCoreApplication::translate(
                               "ZoneGatewayChange",
                               "the prefix length after '/' must be a number from 0 to 32 for IPv4")
                         : QCoreApplication::translate(
                               "ZoneGatewayChange",
                               "the prefix length after '/' must be a number from 0 to 128 for IPv6");
            return false;
        }
    }
    Span span{address->family, {}, {}};
    for (int i = 0; i < width / 8; ++i) {
        const int bits = std::clamp(prefix - 8 * i, 0, 8);
        const quint8 mask = bits == 0 ? 0 : static_cast<quint8>(0xff << (8 - bits));
        span.lo[i] = address->bytes[i] & mask;
        span.hi[i] = address->bytes[i] | static_cast<quint8>(~mask);
    }
    IpAddressParser::Address network = *address;
    network.bytes = span.lo;
    parsed->span = span;
    parsed->address = {QStringLiteral("CIDR"),
                       IpAddressParser::toString(network) + QLatin1Char('/') + QString::number(prefix)};
    parsed->prefix = prefix;
    if (slash >= 0 && span.lo != address->bytes) {
        parsed->note =
            QCoreApplication::translate("ZoneGatewayChange", "%1 is stored as %2 (its network address)")
                .arg(text, parsed->address.value);
        parsed->singleAddress =
            IpAddressParser::toString(*address) + QLatin1Char('/') + QString::number(width);
    }
    return true;
}

// What an admin types is read strictly, where a slip would block far more than meant: a CIDR
// with host bits set (203.0.113.7/2 is a quarter of IPv4) or a /0. Entries already in the zone
// are read leniently (spanOf), as Okta accepts them. Empty when `parsed` is acceptable.
QString strictProblem(const QString& text, const Parsed& parsed) {
    if (parsed.prefix == 0)
        return QCoreApplication::translate(
            "ZoneGatewayChange", "a /0 prefix matches every address; name the addresses or networks instead");
    if (!parsed.singleAddress.isEmpty())
        return QCoreApplication::translate(
                   "ZoneGatewayChange",
                   "host bits are set after the prefix: write %1 for the network, or %2 for the one address")
            .arg(parsed.address.value, parsed.singleAddress);
    Q_UNUSED(text)
    return {};
}

// An entry already in the zone: read leniently (a CIDR without a prefix is one address); an
// entry that cannot be read covers nothing and is kept as it is.
std::optional<Span> spanOf(const NetworkZone::Address& address) {
    Parsed parsed;
    QString ignored;
    if (!parseInput(address.value, &parsed, &ignored))
        return std::nullopt;
    return parsed.span;
}

QString zoneLabel(const NetworkZone& zone) {
    return zone.name.isEmpty() ? zone.id : zone.name;
}

QString limitReason(const NetworkZone& zone) {
    if (zone.usage == QLatin1String("BLOCKLIST"))
        return QCoreApplication::translate("ZoneGatewayChange", "Okta's limit for BLOCKLIST zones");
    if (zone.system)
        return QCoreApplication::translate("ZoneGatewayChange", "Okta's limit for system IP zones");
    return QCoreApplication::translate("ZoneGatewayChange", "Okta's limit for IP zones created by an admin");
}

QString valuesList(const QList<NetworkZone::Address>& addresses) {
    QStringList shown;
    for (qsizetype i = 0; i < addresses.size() && i < ShownInSummary; ++i)
        shown.append(addresses.at(i).value);
    if (addresses.size() > ShownInSummary)
        shown.append(QCoreApplication::translate("ZoneGatewayChange", "+%1 more")
                         .arg(number(addresses.size() - ShownInSummary)));
    return shown.join(QStringLiteral(", "));
}

} // namespace

int ZoneGatewayChange::gatewayLimit(const NetworkZone& zone) {
    if (zone.usage == QLatin1String("BLOCKLIST"))
        return BlocklistZoneLimit;
    return zone.system ? SystemZoneLimit : AdminZoneLimit;
}

std::optional<NetworkZone::Address> ZoneGatewayChange::parseAddress(const QString& text, QString* error) {
    Parsed parsed;
    QString problem;
    if (!parseInput(text, &parsed, &problem)) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    problem = strictProblem(text, parsed);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return parsed.address;
}

ZoneGatewayChange ZoneGatewayChange::plan(const NetworkZone& zone, ZoneAction action,
                                          const QStringList& inputs) {
    ZoneGatewayChange change;
    change.m_zone = zone;
    change.m_action = action;
    change.m_resulting = zone.gateways;

    QList<Parsed> wanted;
    QList<int> wantedItems; // the 1-based item of each wanted input
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const int item = static_cast<int>(i + 1);
        Parsed parsed;
        QString error;
        if (!parseInput(inputs.at(i), &parsed, &error) ||
            !(error = strictProblem(inputs.at(i), parsed)).isEmpty()) {
            change.m_problems.append(
                {item, inputs.at(i),
                 tr("'%1' (item %2): %3").arg(inputs.at(i).trimmed()).arg(item).arg(error)});
            continue;
        }
        // The same addresses twice (even written differently) are one entry, and the plan says so.
        const auto same = std::find_if(wanted.cbegin(), wanted.cend(),
                                       [&parsed](const Parsed& other) { return other.span == parsed.span; });
        if (same != wanted.cend()) {
            change.m_normalisationNotes.append(tr("'%1' (item %2) is the same as item %3: listed once")
                                                   .arg(inputs.at(i).trimmed())
                                                   .arg(item)
                                                   .arg(wantedItems.at(same - wanted.cbegin())));
            continue;
        }
        wanted.append(parsed);
        wantedItems.append(item);
    }

    const QString name = zoneLabel(zone);
    const bool blocking = ZoneActions::isBlocking(action);
    const bool blocklist = zone.usage == QLatin1String("BLOCKLIST");
    const QString usage = zone.usage.isEmpty() ? QStringLiteral("POLICY") : zone.usage;
    if (!zone.isIpZone()) {
        change.m_refusal = tr("%1 is a %2 zone: only IP zones have gateways to change (dynamic zones match "
                              "locations, ASNs or proxy types)")
                               .arg(name, zone.type);
        return change;
    }
    if (blocking && !blocklist) {
        change.m_refusal =
            (action == ZoneAction::Block
                 ? tr("%1 is a %2 zone: blocking needs a BLOCKLIST zone such as BlockedIpZone")
                 : tr("%1 is a %2 zone: unblocking needs a BLOCKLIST zone such as BlockedIpZone"))
                .arg(name, usage);
    } else if (!blocking && blocklist) {
        change.m_refusal =
            (action == ZoneAction::Exempt
                 ? tr("%1 is a BLOCKLIST zone: exempting needs a POLICY IP zone such as DefaultExemptIpZone")
                 : tr("%1 is a BLOCKLIST zone: unexempting needs a POLICY IP zone such as "
                      "DefaultExemptIpZone"))
                .arg(name);
    }

    // Okta refuses any PUT of the exempt zone that carries proxies; never drop them silently.
    if (change.m_refusal.isEmpty() && zone.name == DefaultExemptZoneName && !zone.proxies.isEmpty())
        change.m_refusal =
            tr("%1 has proxies (%2), which Okta does not allow there: remove them in the Admin "
               "Console first, then try again")
                .arg(name, number(zone.proxies.size()));

    QList<std::optional<Span>> existing;
    existing.reserve(zone.gateways.size());
    for (const NetworkZone::Address& gateway : zone.gateways)
        existing.append(spanOf(gateway));

    if (ZoneActions::adds(action)) {
        for (const Parsed& input : std::as_const(wanted)) {
            qsizetype equal = -1;
            qsizetype wider = -1;
            for (qsizetype i = 0; i < existing.size(); ++i) {
                if (!existing.at(i))
                    continue;
                if (*existing.at(i) == input.span && equal < 0)
                    equal = i;
                else if (existing.at(i)->contains(input.span) && wider < 0)
                    wider = i;
            }
            if (equal >= 0) {
                change.m_unchanged.append(input.address);
                continue;
            }
            if (wider >= 0) {
                ++change.m_covered;
                change.m_coveredNotes.append(
                    tr("%1 is already covered by %2 in %3: not added")
                        .arg(input.address.value, zone.gateways.at(wider).value, name));
                continue;
            }
            // A wider input of the same list covers it: one entry is enough.
            const auto coveringInput =
                std::find_if(wanted.cbegin(), wanted.cend(), [&input](const Parsed& other) {
                    return !(other.span == input.span) && other.span.contains(input.span);
                });
            if (coveringInput != wanted.cend()) {
                ++change.m_covered;
                change.m_coveredNotes.append(tr("%1 is inside %2, also given: not added separately")
                                                 .arg(input.address.value, coveringInput->address.value));
                continue;
            }
            change.m_changed.append(input.address);
            change.m_resulting.append(input.address);
        }
        const int limit = gatewayLimit(zone);
        if (change.m_refusal.isEmpty() && change.hasChanges() && change.gatewaysAfter() > limit) {
            change.m_refusal =
                tr("%1 holds at most %2 gateways (%3): it has %4, adding %5 would make %6")
                    .arg(name, number(limit), limitReason(zone), number(change.gatewaysBefore()),
                         number(change.m_changed.size()), number(change.gatewaysAfter()));
        }
        return change;
    }

    QList<bool> removed(zone.gateways.size(), false);
    for (qsizetype w = 0; w < wanted.size(); ++w) {
        const Parsed& input = wanted.at(w);
        const int item = wantedItems.at(w);
        bool matched = false;
        qsizetype wider = -1;
        QStringList narrower;
        for (qsizetype i = 0; i < existing.size(); ++i) {
            if (!existing.at(i))
                continue;
            if (*existing.at(i) == input.span) {
                matched = true;
                if (!removed[i]) {
                    removed[i] = true;
                    change.m_changed.append(zone.gateways.at(i));
                }
            } else if (existing.at(i)->contains(input.span)) {
                if (wider < 0)
                    wider = i;
            } else if (input.span.contains(*existing.at(i))) {
                narrower.append(zone.gateways.at(i).value);
            }
        }
        if (matched)
            continue;
        // Never widen or narrow a removal on the admin's behalf, and never report "done" while
        // the addresses would still be blocked (or exempt): the plan cannot be applied as asked.
        const QString typed = inputs.at(item - 1).trimmed();
        if (wider >= 0) {
            change.m_problems.append(
                {item, typed,
                 tr("'%1' (item %2): %3 is inside %4, which stays: remove %4 itself to take the whole "
                    "entry out of %5")
                     .arg(typed)
                     .arg(item)
                     .arg(input.address.value, zone.gateways.at(wider).value, name)});
            continue;
        }
        if (!narrower.isEmpty()) {
            change.m_problems.append(
                {item, typed,
                 tr("'%1' (item %2): %3 is not an entry of %4; the narrower entries "
                    "inside it would stay: %5 (name them to remove them)")
                     .arg(typed)
                     .arg(item)
                     .arg(input.address.value, name, narrower.join(QStringLiteral(", ")))});
            continue;
        }
        change.m_unchanged.append(input.address);
    }
    change.m_resulting.clear();
    for (qsizetype i = 0; i < zone.gateways.size(); ++i) {
        if (!removed.at(i))
            change.m_resulting.append(zone.gateways.at(i));
    }
    return change;
}

QStringList ZoneGatewayChange::errors() const {
    QStringList lines;
    if (!m_refusal.isEmpty())
        lines.append(m_refusal);
    for (const Problem& problem : m_problems)
        lines.append(problem.message);
    return lines;
}

QJsonObject ZoneGatewayChange::requestBody() const {
    QJsonObject body = m_zone.raw;
    for (const char* readOnly : {"id", "created", "lastUpdated", "_links"})
        body.remove(QLatin1String(readOnly));
    // A zone built by hand (tests, callers without the raw object) still names what Okta needs.
    if (!body.contains(QLatin1String("type")))
        body.insert(QStringLiteral("type"), m_zone.type);
    if (!body.contains(QLatin1String("name")))
        body.insert(QStringLiteral("name"), m_zone.name);
    if (!body.contains(QLatin1String("usage")) && !m_zone.usage.isEmpty())
        body.insert(QStringLiteral("usage"), m_zone.usage);
    if (!body.contains(QLatin1String("status")) && !m_zone.status.isEmpty())
        body.insert(QStringLiteral("status"), m_zone.status);
    QJsonArray gateways;
    for (const NetworkZone::Address& gateway : m_resulting)
        gateways.append(
            QJsonObject{{QStringLiteral("type"), gateway.type}, {QStringLiteral("value"), gateway.value}});
    body.insert(QStringLiteral("gateways"), gateways);
    // Okta refuses a replace of the default exempt zone without it.
    if (m_zone.name == DefaultExemptZoneName)
        body.insert(QStringLiteral("useAsExemptList"), true);
    return body;
}

QString ZoneGatewayChange::summary() const {
    const bool adding = ZoneActions::adds(m_action);
    QStringList parts;
    if (hasChanges())
        parts.append((adding ? tr("add %1 (%2)") : tr("remove %1 (%2)"))
                         .arg(number(m_changed.size()), valuesList(m_changed)));
    else
        parts.append(tr("nothing to change"));
    if (!m_unchanged.isEmpty())
        parts.append(
            (adding ? tr("%1 already there") : tr("%1 not in the zone")).arg(number(m_unchanged.size())));
    if (m_covered > 0)
        parts.append(tr("%1 covered by a wider entry").arg(number(m_covered)));
    const QString limit = number(gatewayLimit(m_zone));
    if (hasChanges())
        parts.append(
            tr("%1 \u2192 %2 of %3 gateways").arg(number(gatewaysBefore()), number(gatewaysAfter()), limit));
    else
        parts.append(tr("%1 of %2 gateways").arg(number(gatewaysBefore()), limit));
    QString text =
        zoneLabel(m_zone) + QStringLiteral(": ") + parts.join(QStringLiteral("; ")) + QLatin1Char('.');
    if (m_zone.status == QLatin1String("INACTIVE"))
        text += tr(" The zone is INACTIVE: its entries take effect only once it is activated.");
    return text;
}
