#include "secrets/MemorySecretStore.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

// Records each answer of a SecretStore call; `count` must end at exactly one.
struct Answer {
    int count = 0;
    SecretResult result;
    SecretStore::Callback callback() {
        return [this](const SecretResult& r) {
            ++count;
            result = r;
        };
    }
};

class TestMemorySecretStore : public QObject {
    Q_OBJECT
private slots:
    void writeReadOverwriteRemove();
    void answersAreAsynchronous();
    void readMissingIsNotFound();
    void removeMissingSucceeds();
    void profilesAreScoped();
    void removeProfileRemovesEveryKind();
    void oversizedSecretIsRefused();
    void invalidProfileIdIsRefused();
    void destroyedContextDropsAnswer();
    void forcedErrorIsReported();
    void describesItselfAsSessionOnly();
    void kindNamesRoundTrip();
    void entryKeyIsScoped();
};

void TestMemorySecretStore::writeReadOverwriteRemove() {
    MemorySecretStore store;
    Answer written;
    store.write(QStringLiteral("p1"), SecretKind::ApiToken, "token-1", this, written.callback());
    QTRY_COMPARE(written.count, 1);
    QVERIFY(written.result.ok);

    Answer readBack;
    store.read(QStringLiteral("p1"), SecretKind::ApiToken, this, readBack.callback());
    QTRY_COMPARE(readBack.count, 1);
    QVERIFY(readBack.result.ok);
    QCOMPARE(readBack.result.value, QByteArray("token-1"));

    Answer overwritten;
    store.write(QStringLiteral("p1"), SecretKind::ApiToken, "token-2", this, overwritten.callback());
    QTRY_COMPARE(overwritten.count, 1);
    Answer readAgain;
    store.read(QStringLiteral("p1"), SecretKind::ApiToken, this, readAgain.callback());
    QTRY_COMPARE(readAgain.count, 1);
    QCOMPARE(readAgain.result.value, QByteArray("token-2"));

    Answer removed;
    store.remove(QStringLiteral("p1"), SecretKind::ApiToken, this, removed.callback());
    QTRY_COMPARE(removed.count, 1);
    QVERIFY(removed.result.ok);
    Answer gone;
    store.read(QStringLiteral("p1"), SecretKind::ApiToken, this, gone.callback());
    QTRY_COMPARE(gone.count, 1);
    QCOMPARE(gone.result.errorKind, SecretError::NotFound);
    QCOMPARE(store.size(), 0);
}

void TestMemorySecretStore::answersAreAsynchronous() {
    MemorySecretStore store;
    Answer answer;
    store.write(QStringLiteral("p1"), SecretKind::ApiToken, "x", this, answer.callback());
    QCOMPARE(answer.count, 0); // never from inside the call
    QTRY_COMPARE(answer.count, 1);
    QTest::qWait(0);
    QCOMPARE(answer.count, 1);
}

void TestMemorySecretStore::readMissingIsNotFound() {
    MemorySecretStore store;
    Answer answer;
    store.read(QStringLiteral("nobody"), SecretKind::PrivateKey, this, answer.callback());
    QTRY_COMPARE(answer.count, 1);
    QVERIFY(!answer.result.ok);
    QCOMPARE(answer.result.errorKind, SecretError::NotFound);
    QVERIFY(answer.result.value.isEmpty());
}

void TestMemorySecretStore::removeMissingSucceeds() {
    MemorySecretStore store;
    Answer answer;
    store.remove(QStringLiteral("nobody"), SecretKind::ClientSecret, this, answer.callback());
    QTRY_COMPARE(answer.count, 1);
    QVERIFY(answer.result.ok);
}

void TestMemorySecretStore::profilesAreScoped() {
    MemorySecretStore store;
    Answer a, b;
    store.write(QStringLiteral("p1"), SecretKind::ApiToken, "one", this, a.callback());
    store.write(QStringLiteral("p2"), SecretKind::ApiToken, "two", this, b.callback());
    QTRY_COMPARE(b.count, 1);
    Answer r1, r2, r3;
    store.read(QStringLiteral("p1"), SecretKind::ApiToken, this, r1.callback());
    store.read(QStringLiteral("p2"), SecretKind::ApiToken, this, r2.callback());
    store.read(QStringLiteral("p1"), SecretKind::ClientSecret, this, r3.callback());
    QTRY_COMPARE(r3.count, 1);
    QCOMPARE(r1.result.value, QByteArray("one"));
    QCOMPARE(r2.result.value, QByteArray("two"));
    QCOMPARE(r3.result.errorKind, SecretError::NotFound);
}

void TestMemorySecretStore::removeProfileRemovesEveryKind() {
    MemorySecretStore store;
    for (SecretKind kind : allSecretKinds()) {
        store.write(QStringLiteral("p1"), kind, secretKindName(kind).toUtf8(), this, {});
        store.write(QStringLiteral("p2"), kind, "keep", this, {});
    }
    Answer removed;
    store.removeProfile(QStringLiteral("p1"), this, removed.callback());
    QTRY_COMPARE(removed.count, 1);
    QVERIFY(removed.result.ok);
    QCOMPARE(store.size(), allSecretKinds().size());
    for (SecretKind kind : allSecretKinds()) {
        Answer gone, kept;
        store.read(QStringLiteral("p1"), kind, this, gone.callback());
        store.read(QStringLiteral("p2"), kind, this, kept.callback());
        QTRY_COMPARE(kept.count, 1);
        QCOMPARE(gone.result.errorKind, SecretError::NotFound);
        QCOMPARE(kept.result.value, QByteArray("keep"));
    }
}

void TestMemorySecretStore::oversizedSecretIsRefused() {
    MemorySecretStore store;
    Answer atLimit;
    store.write(QStringLiteral("p1"), SecretKind::PrivateKey, QByteArray(SecretStore::MaxSecretSize, 'k'),
                this, atLimit.callback());
    QTRY_COMPARE(atLimit.count, 1);
    QVERIFY(atLimit.result.ok);

    Answer tooLarge;
    store.write(QStringLiteral("p1"), SecretKind::PrivateKey, QByteArray(SecretStore::MaxSecretSize + 1, 'k'),
                this, tooLarge.callback());
    QTRY_COMPARE(tooLarge.count, 1);
    QCOMPARE(tooLarge.result.errorKind, SecretError::TooLarge);
    QVERIFY(tooLarge.result.error.contains(QString::number(SecretStore::MaxSecretSize)));
    // The previous secret is untouched.
    Answer readBack;
    store.read(QStringLiteral("p1"), SecretKind::PrivateKey, this, readBack.callback());
    QTRY_COMPARE(readBack.count, 1);
    QCOMPARE(readBack.result.value.size(), SecretStore::MaxSecretSize);
}

void TestMemorySecretStore::invalidProfileIdIsRefused() {
    MemorySecretStore store;
    const QStringList invalid{QString(), QStringLiteral("a:b"), QStringLiteral("a#1"), QStringLiteral("a b"),
                              QString(129, u'x')};
    for (const QString& id : invalid) {
        QVERIFY2(!SecretStore::isValidProfileId(id), qPrintable(id));
        Answer answer;
        store.write(id, SecretKind::ApiToken, "x", this, answer.callback());
        QTRY_COMPARE(answer.count, 1);
        QCOMPARE(answer.result.errorKind, SecretError::Other);
    }
    QCOMPARE(store.size(), 0);
    QVERIFY(SecretStore::isValidProfileId(QStringLiteral("{0f8fad5b-d9cb-469f-a165-70867728950e}")));
}

void TestMemorySecretStore::destroyedContextDropsAnswer() {
    MemorySecretStore store;
    Answer answer;
    auto context = std::make_unique<QObject>();
    store.write(QStringLiteral("p1"), SecretKind::ApiToken, "x", context.get(), answer.callback());
    context.reset();
    Answer later;
    store.read(QStringLiteral("p1"), SecretKind::ApiToken, this, later.callback());
    QTRY_COMPARE(later.count, 1); // answers are delivered in order, so the first was dropped
    QCOMPARE(answer.count, 0);
    QCOMPARE(later.result.value, QByteArray("x")); // the write itself happened
}

void TestMemorySecretStore::forcedErrorIsReported() {
    MemorySecretStore store;
    store.setForcedError(SecretError::Unavailable);
    Answer available, written;
    store.checkAvailable(this, available.callback());
    store.write(QStringLiteral("p1"), SecretKind::ApiToken, "x", this, written.callback());
    QTRY_COMPARE(written.count, 1);
    QCOMPARE(available.result.errorKind, SecretError::Unavailable);
    QCOMPARE(written.result.errorKind, SecretError::Unavailable);
    QCOMPARE(store.size(), 0);
    store.setForcedError(std::nullopt);
    Answer again;
    store.checkAvailable(this, again.callback());
    QTRY_COMPARE(again.count, 1);
    QVERIFY(again.result.ok);
}

void TestMemorySecretStore::describesItselfAsSessionOnly() {
    MemorySecretStore store;
    QVERIFY(!store.isPersistent());
    QVERIFY(store.description().contains(QStringLiteral("Session only")));
}

void TestMemorySecretStore::kindNamesRoundTrip() {
    QCOMPARE(allSecretKinds().size(), 3);
    for (SecretKind kind : allSecretKinds())
        QCOMPARE(secretKindFromName(secretKindName(kind)), std::optional<SecretKind>(kind));
    QCOMPARE(secretKindFromName(u"nope"), std::nullopt);
}

void TestMemorySecretStore::entryKeyIsScoped() {
    QCOMPARE(SecretStore::entryKey(QStringLiteral("p1"), SecretKind::PrivateKey),
             QStringLiteral("threatdesk:p1:privateKey"));
}

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "TestMemorySecretStore.moc"
