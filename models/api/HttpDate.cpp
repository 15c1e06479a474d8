#include "api/HttpDate.h"

#include <QList>
#include <QTimeZone>

namespace {

const char* const Months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const Days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

int monthFromName(const QByteArray& name) {
    for (int i = 0; i < 12; ++i) {
        if (name.compare(Months[i], Qt::CaseInsensitive) == 0)
            return i + 1;
    }
    return 0;
}

// A number of minDigits..maxDigits ASCII digits and nothing else, or -1. toInt() would also take
// signs, blanks and whatever follows a NUL byte (fuzzing found "1\0...994" read as year 1).
int digits(const QByteArray& text, int minDigits, int maxDigits) {
    if (text.size() < minDigits || text.size() > maxDigits)
        return -1;
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

QTime parseTime(const QByteArray& text) {
    const QList<QByteArray> parts = text.split(':');
    if (parts.size() != 3)
        return {};
    const int h = digits(parts[0], 1, 2), m = digits(parts[1], 1, 2), s = digits(parts[2], 1, 2);
    if (h < 0 || m < 0 || s < 0)
        return {};
    return QTime(h, m, s);
}

QDateTime make(int year, int month, int day, const QByteArray& time) {
    if (year < 0 || day < 0)
        return {};
    const QDate date(year, month, day);
    const QTime t = parseTime(time);
    if (!date.isValid() || !t.isValid())
        return {};
    return QDateTime(date, t, QTimeZone::utc());
}

QList<QByteArray> words(const QByteArray& value) {
    QList<QByteArray> out;
    for (const QByteArray& w : value.simplified().split(' ')) {
        if (!w.isEmpty())
            out.append(w);
    }
    return out;
}

QDateTime parseOne(const QByteArray& value) {
    const QList<QByteArray> w = words(value);
    // Years have four digits (a two-digit year in IMF-fixdate could be off by centuries), days one
    // or two; make() refuses -1.
    // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    if (w.size() == 6 && w[0].endsWith(',') && w[5] == "GMT")
        return make(digits(w[3], 4, 4), monthFromName(w[2]), digits(w[1], 1, 2), w[4]);
    // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years are 19xx/20xx by RFC 7231's rule)
    if (w.size() == 4 && w[0].endsWith(',') && w[3] == "GMT") {
        const QList<QByteArray> dmy = w[1].split('-');
        if (dmy.size() != 3)
            return {};
        int year = dmy[2].size() == 2 ? digits(dmy[2], 2, 2) : digits(dmy[2], 4, 4);
        if (dmy[2].size() == 2 && year >= 0)
            year += year < 70 ? 2000 : 1900;
        return make(year, monthFromName(dmy[1]), digits(dmy[0], 1, 2), w[2]);
    }
    // asctime: Sun Nov  6 08:49:37 1994
    if (w.size() == 5)
        return make(digits(w[4], 4, 4), monthFromName(w[1]), digits(w[2], 1, 2), w[3]);
    return {};
}

} // namespace

namespace HttpDate {

QDateTime parse(const QByteArray& value) {
    const QByteArray trimmed = value.trimmed();
    QDateTime result = parseOne(trimmed);
    // A duplicated header joined by a proxy: "<date>, <date>"; the first one counts. IMF and
    // RFC 850 dates contain a comma themselves, so try every comma as the joint.
    for (int comma = trimmed.indexOf(','); !result.isValid() && comma >= 0;
         comma = trimmed.indexOf(',', comma + 1))
        result = parseOne(trimmed.left(comma));
    return result;
}

QByteArray format(const QDateTime& dateTime) {
    const QDateTime utc = dateTime.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QByteArray(Days[d.dayOfWeek() - 1]) + ", " + QByteArray::number(d.day()).rightJustified(2, '0') +
           ' ' + Months[d.month() - 1] + ' ' + QByteArray::number(d.year()).rightJustified(4, '0') + ' ' +
           QByteArray::number(t.hour()).rightJustified(2, '0') + ':' +
           QByteArray::number(t.minute()).rightJustified(2, '0') + ':' +
           QByteArray::number(t.second()).rightJustified(2, '0') + " GMT";
}

} // namespace HttpDate
