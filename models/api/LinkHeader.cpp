#include "api/LinkHeader.h"

#include <QList>

namespace LinkHeader {

QMap<QString, QUrl> parse(const QByteArray& value) {
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
        // Parameters run until a comma outside quotes: that ends this link-value.
        int end = close + 1;
        bool quoted = false;
        while (end < size && (quoted || value.at(end) != ',')) {
            if (value.at(end) == '"')
                quoted = !quoted;
            ++end;
        }
        const QByteArray params = value.mid(close + 1, end - close - 1);
        for (const QByteArray& rawParam : params.split(';')) {
            const QByteArray param = rawParam.trimmed();
            const int eq = param.indexOf('=');
            if (eq < 0 || param.left(eq).trimmed().toLower() != "rel")
                continue;
            QByteArray rel = param.mid(eq + 1).trimmed();
            if (rel.startsWith('"') && rel.endsWith('"') && rel.size() >= 2)
                rel = rel.mid(1, rel.size() - 2);
            for (const QByteArray& name : rel.simplified().split(' ')) {
                const QString key = QString::fromLatin1(name.toLower());
                if (!key.isEmpty() && target.isValid() && !links.contains(key))
                    links.insert(key, target);
            }
        }
        pos = end + 1;
    }
    return links;
}

QUrl next(const QByteArray& value) {
    return parse(value).value(QStringLiteral("next"));
}

} // namespace LinkHeader
