#include "SandboxIds.h"

#include <QRandomGenerator>

QString SandboxIds::randomAlphanumeric(int length) {
    static const QLatin1String alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString id;
    id.reserve(length);
    for (int i = 0; i < length; ++i)
        id.append(alphabet.at(
            static_cast<qsizetype>(QRandomGenerator::global()->bounded(static_cast<int>(alphabet.size())))));
    return id;
}

QString SandboxIds::requestId() {
    return randomAlphanumeric(20);
}

QString SandboxIds::errorId() {
    return QStringLiteral("oae") + randomAlphanumeric(22);
}
