// libFuzzer target: the response headers OktaJob reads on every answer. The input is split at
// '\n' into X-Rate-Limit-Limit, X-Rate-Limit-Remaining, X-Rate-Limit-Reset, Date and Link (missing
// fields are missing headers; a duplicated header arrives joined with ", " as Qt does it).
#include "FuzzCheck.h"

#include "api/HttpDate.h"
#include "api/LinkHeader.h"
#include "api/RateLimitSnapshot.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <cstddef>
#include <cstdint>

namespace {

void checkDate(const QByteArray& value) {
    const QDateTime date = HttpDate::parse(value);
    if (!date.isValid())
        return;
    FUZZ_CHECK(date.offsetFromUtc() == 0);
    // What format() writes, parse() reads back to the same second.
    const QByteArray text = HttpDate::format(date);
    FUZZ_CHECK(HttpDate::parse(text) == date);
    FUZZ_CHECK(HttpDate::format(HttpDate::parse(text)) == text);
}

void checkLinks(const QByteArray& value) {
    const QMap<QString, QUrl> links = LinkHeader::parse(value);
    for (auto it = links.cbegin(); it != links.cend(); ++it) {
        FUZZ_CHECK(!it.key().isEmpty());
        // Relation types are ASCII and case-insensitive (RFC 8288): no ASCII capital survives.
        for (const QChar c : it.key())
            FUZZ_CHECK(c < u'A' || c > u'Z');
        FUZZ_CHECK(it.value().isValid());
    }
    FUZZ_CHECK(LinkHeader::next(value) == links.value(QStringLiteral("next")));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QList<QByteArray> fields = input.split('\n');
    const auto field = [&fields](qsizetype i) {
        return fields.value(i);
    };

    const RateLimitSnapshot snapshot = RateLimitSnapshot::fromHeaders(field(0), field(1), field(2), field(3));
    if (snapshot.limit)
        FUZZ_CHECK(*snapshot.limit >= 0);
    if (snapshot.remaining)
        FUZZ_CHECK(*snapshot.remaining >= 0);
    if (snapshot.resetEpochSeconds)
        FUZZ_CHECK(*snapshot.resetEpochSeconds >= 0);
    // A Reset near 2^63 with a Date before 1970 once overflowed here
    // (regressions/fuzz_rate_limit_headers/reset-overflow-before-1970).
    if (const std::optional<qint64> wait = snapshot.secondsUntilReset())
        FUZZ_CHECK(*wait >= 0);
    snapshot.hasBudget();
    FUZZ_CHECK(snapshot.serverDate == HttpDate::parse(field(3)));

    checkDate(field(3));
    checkLinks(field(4));
    // Every field as either kind of header too: values end up in the wrong header in the wild.
    for (const QByteArray& value : fields) {
        RateLimitSnapshot::parseNumber(value, RateLimitSnapshot::Merge::Lowest);
        RateLimitSnapshot::parseNumber(value, RateLimitSnapshot::Merge::Highest);
        checkDate(value);
        checkLinks(value);
    }
    return 0;
}
