#include "api/LinkHeader.h"

#include <QList>

namespace LinkHeader {

QMap<QString, QUrl> parse(const QByteArray& value)
{
    QMap<QString, QUrl> links;
    int pos = 0;
    const int size = value.size();
    while (pos < size) {
        const int open = value.indexOf('<', pos);
        if (open < 0)
            break;
        const int close = value.indexOf('>', open + 1);
        if (close < 0)
            break;
        const QUrl target = QUrl::fromEncoded(value.mid(open + 1, close - open - 1).trimmed());
        // Parameters run until the next link, which starts with '<' after a comma.
        int end = value.indexOf('<', close + 1);
        if (end < 0)
            end = size;
        const QByteArray params = value.mid(close + 1, end - close - 1);
        for (const QByteArray& rawParam : params.split(';')) {
            const QByteArray param = rawParam.trimmed();
            const int eq = param.indexOf('=');
            if (eq < 0 || param.left(eq).trimmed().toLower() != "rel")
                continue;
            QByteArray rel = param.mid(eq + 1).trimmed();
            while (rel.endsWith(',') || rel.endsWith(' '))
                rel.chop(1);
            if (rel.startsWith('"') && rel.endsWith('"') && rel.size() >= 2)
                rel = rel.mid(1, rel.size() - 2);
            for (const QByteArray& name : rel.simplified().split(' ')) {
                const QString key = QString::fromLatin1(name.toLower());
                if (!key.isEmpty() && target.isValid() && !links.contains(key))
                    links.insert(key, target);
            }
        }
        pos = end;
    }
    return links;
}

QUrl next(const QByteArray& value)
{
    return parse(value).value(QStringLiteral("next"));
}

} // namespace LinkHeader
