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

QTime parseTime(const QByteArray& text) {
    const QList<QByteArray> parts = text.split(':');
    if (parts.size() != 3)
        return {};
    bool okH = false, okM = false, okS = false;
    const int h = parts[0].toInt(&okH), m = parts[1].toInt(&okM), s = parts[2].toInt(&okS);
    if (!okH || !okM || !okS)
        return {};
    return QTime(h, m, s);
}

QDateTime make(int year, int month, int day, const QByteArray& time) {
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
    bool ok = false;
    // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    if (w.size() == 6 && w[0].endsWith(',') && w[5] == "GMT") {
        if (w[3].size() != 4)
            return {}; // a two-digit year here is not IMF-fixdate; guessing could be off by centuries
        const int day = w[1].toInt(&ok);
        const int year = ok ? w[3].toInt(&ok) : 0;
        return ok ? make(year, monthFromName(w[2]), day, w[4]) : QDateTime();
    }
    // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years are 19xx/20xx by RFC 7231's rule)
    if (w.size() == 4 && w[0].endsWith(',') && w[3] == "GMT") {
        const QList<QByteArray> dmy = w[1].split('-');
        if (dmy.size() != 3)
            return {};
        const int day = dmy[0].toInt(&ok);
        int year = ok ? dmy[2].toInt(&ok) : 0;
        if (!ok)
            return {};
        if (dmy[2].size() == 2)
            year += year < 70 ? 2000 : 1900;
        return make(year, monthFromName(dmy[1]), day, w[2]);
    }
    // asctime: Sun Nov  6 08:49:37 1994
    if (w.size() == 5) {
        const int day = w[2].toInt(&ok);
        const int year = ok ? w[4].toInt(&ok) : 0;
        return ok ? make(year, monthFromName(w[1]), day, w[3]) : QDateTime();
    }
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
           ' ' + Months[d.month() - 1] + ' ' + QByteArray::number(d.year()) + ' ' +
           QByteArray::number(t.hour()).rightJustified(2, '0') + ':' +
           QByteArray::number(t.minute()).rightJustified(2, '0') + ':' +
           QByteArray::number(t.second()).rightJustified(2, '0') + " GMT";
}

} // namespace HttpDate
