#include "SandboxTime.h"

#include <QDateTime>
#include <QRegularExpression>

#include <array>

QByteArray SandboxTime::httpDate(qint64 msecsSinceEpoch) {
    // Formatted by hand: QLocale and Qt::RFC2822Date would give another form or another language.
    static constexpr std::array<const char*, 7> days{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC);
    const QDate date = time.date();
    const QTime clock = time.time();
    return QString::asprintf("%s, %02d %s %04d %02d:%02d:%02d GMT",
                             days.at(static_cast<std::size_t>(date.dayOfWeek() - 1)), date.day(),
                             months.at(static_cast<std::size_t>(date.month() - 1)), date.year(), clock.hour(),
                             clock.minute(), clock.second())
        .toLatin1();
}

QString SandboxTime::isoTimestamp(qint64 msecsSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

std::optional<qint64> SandboxTime::parseStrictUtc(const QString& text) {
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt(),
                     match.captured(7).isEmpty() ? 0 : match.captured(7).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
}

std::optional<qint64> SandboxTime::parseIso8601(const QString& text) {
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toMSecsSinceEpoch();
}
