#include "secrets/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QCryptographicHash>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace {

// The main entry starts with a format byte: the secret itself follows, or a chunk header.
constexpr char InlineTag = 'I';
constexpr char ChunkedTag = 'C';
constexpr int MaxParts =
    int((SecretStore::MaxSecretSize + KeychainSecretStore::ChunkSize - 1) / KeychainSecretStore::ChunkSize);

QString partKey(const QString& key, int index) {
    return key + u'#' + QString::number(index);
}

QByteArray sha256Hex(const QByteArray& data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

struct ChunkHeader {
    int count = 0;
    qsizetype size = 0;
    QByteArray sha256;
};

// "C<count> <size> <sha256 hex>"
std::optional<ChunkHeader> parseHeader(const QByteArray& entry) {
    if (entry.isEmpty() || entry.front() != ChunkedTag)
        return std::nullopt;
    const QList<QByteArray> fields = entry.mid(1).split(' ');
    if (fields.size() != 3)
        return std::nullopt;
    bool countOk = false;
    bool sizeOk = false;
    ChunkHeader header{fields[0].toInt(&countOk), fields[1].toLongLong(&sizeOk), fields[2]};
    if (!countOk || !sizeOk || header.count < 1 || header.count > MaxParts || header.size < 0 ||
        header.size > SecretStore::MaxSecretSize || header.sha256.size() != 64)
        return std::nullopt;
    return header;
}

QString unavailableMessage(const QString& detail) {
    return KeychainSecretStore::tr(
               "No system keychain is available (%1). On Linux, ThreatDesk needs a Secret Service "
               "such as GNOME Keyring or KWallet, running and unlocked.")
        .arg(detail);
}

// QtKeychain's error (whose text never carries secret bytes) as ours.
SecretResult translate(const QKeychain::Job& job, QByteArray value) {
    switch (job.error()) {
    case QKeychain::NoError:
        return SecretResult::success(std::move(value));
    case QKeychain::EntryNotFound:
        return SecretResult::failure(SecretError::NotFound, KeychainSecretStore::tr("No secret is stored."));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretResult::failure(SecretError::Unavailable, unavailableMessage(job.errorString()));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretResult::failure(
            SecretError::Unavailable,
            KeychainSecretStore::tr("Access to the system keychain was denied; it may be locked (%1).")
                .arg(job.errorString()));
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // libsecret reports a missing Secret Service as a plain D-Bus error.
    const QString text = job.errorString();
    if (text.contains(QLatin1String("org.freedesktop.secrets")) ||
        text.contains(QLatin1String("ServiceUnknown")) || text.contains(QLatin1String("D-Bus")))
        return SecretResult::failure(SecretError::Unavailable, unavailableMessage(text));
    return SecretResult::failure(SecretError::Other,
                                 KeychainSecretStore::tr("System keychain error: %1").arg(text));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent)
    : KeychainSecretStore(QStringLiteral("ThreatDesk"), parent) {}

KeychainSecretStore::KeychainSecretStore(QString service, QObject* parent)
    : SecretStore(parent)
    , m_service(std::move(service)) {}

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::description() const {
    return tr("System keychain: secrets are kept by the operating system's credential store.");
}

void KeychainSecretStore::enqueue(Operation run, Callback answer) {
    m_pending.push_back({std::move(run), std::move(answer)});
    runNext();
}

void KeychainSecretStore::runNext() {
    if (m_running || m_pending.empty())
        return;
    Pending next = std::move(m_pending.front());
    m_pending.pop_front();
    m_running = true;
    auto settled = std::make_shared<bool>(false); // the queue moves on once per operation
    next.run([this, settled, answer = std::move(next.answer)](const SecretResult& result) {
        if (*settled)
            return;
        *settled = true;
        m_running = false;
        answer(result);
        runNext();
    });
}

void KeychainSecretStore::runJob(QKeychain::Job* job, Callback done) {
    // The job has no parent and deletes itself when it finishes: QtKeychain's backends keep a
    // raw pointer to it until then, so it must outlive a timeout and this store.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);

    // `watch` holds our side of the job; deleting it drops a late answer.
    auto* watch = new QObject(this);
    auto* timer = new QTimer(watch);
    timer->setSingleShot(true);
    QPointer<QKeychain::Job> jobGuard(job);
    auto settle = [watch, timer, jobGuard] {
        timer->stop();
        if (jobGuard)
            QObject::disconnect(jobGuard, nullptr, watch, nullptr);
        QObject::disconnect(timer, nullptr, watch, nullptr);
        watch->deleteLater();
    };
    connect(job, &QKeychain::Job::finished, watch, [settle, done](QKeychain::Job* finished) {
        QByteArray value;
        if (auto* reader = qobject_cast<QKeychain::ReadPasswordJob*>(finished))
            value = reader->binaryData();
        settle();
        done(translate(*finished, std::move(value)));
    });
    const auto timeout = m_jobTimeout;
    connect(timer, &QTimer::timeout, watch, [settle, done, timeout] {
        settle();
        done(SecretResult::failure(SecretError::Timeout,
                                   tr("The system keychain did not answer within %1 ms; the operation "
                                      "may still complete later.")
                                       .arg(timeout.count())));
    });
    timer->start(m_jobTimeout);
    job->start();
}

void KeychainSecretStore::readEntry(const QString& key, Callback done) {
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runJob(job, std::move(done));
}

void KeychainSecretStore::writeEntry(const QString& key, const QByteArray& data, Callback done) {
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(data);
    runJob(job, std::move(done));
}

void KeychainSecretStore::deleteEntry(const QString& key, Callback done) {
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    // Some backends report a missing entry, others do not: removal is idempotent either way.
    runJob(job, [done](const SecretResult& result) {
        done(result.errorKind == SecretError::NotFound ? SecretResult::success() : result);
    });
}

void KeychainSecretStore::read(const QString& profileId, SecretKind kind, const QObject* context,
                               Callback done) {
    Callback answer = guarded(context, std::move(done));
    if (auto failure = checkProfileId(profileId))
        return deliverLater(answer, *failure);
    const QString key = entryKey(profileId, kind);
    enqueue([this, key](Callback finished) { readSecret(key, std::move(finished)); }, answer);
}

void KeychainSecretStore::readSecret(const QString& key, Callback answer) {
    readEntry(key, [this, key, answer](const SecretResult& result) {
        if (!result.ok)
            return answer(result);
        const QByteArray& entry = result.value;
        if (!entry.isEmpty() && entry.front() == InlineTag)
            return answer(SecretResult::success(entry.mid(1)));
        if (auto header = parseHeader(entry))
            return readParts(key, 1, header->count, {}, header->size, header->sha256, answer);
        answer(SecretResult::failure(SecretError::Other,
                                     tr("The stored secret has an unknown format; store it again.")));
    });
}

void KeychainSecretStore::readParts(const QString& key, int index, int count, QByteArray assembled,
                                    qsizetype size, QByteArray sha256, Callback done) {
    if (index > count) {
        if (assembled.size() != size || sha256Hex(assembled) != sha256)
            return done(SecretResult::failure(SecretError::Other,
                                              tr("The stored secret is incomplete or corrupted; store "
                                                 "it again.")));
        return done(SecretResult::success(std::move(assembled)));
    }
    readEntry(partKey(key, index), [this, key, index, count, assembled, size, sha256,
                                    done](const SecretResult& result) mutable {
        if (result.errorKind == SecretError::NotFound)
            return done(SecretResult::failure(SecretError::Other,
                                              tr("Part %1 of %2 of the stored secret is missing; store "
                                                 "it again.")
                                                  .arg(index)
                                                  .arg(count)));
        if (!result.ok)
            return done(result);
        assembled.append(result.value);
        readParts(key, index + 1, count, std::move(assembled), size, std::move(sha256), std::move(done));
    });
}

void KeychainSecretStore::write(const QString& profileId, SecretKind kind, const QByteArray& secret,
                                const QObject* context, Callback done) {
    Callback answer = guarded(context, std::move(done));
    if (auto failure = checkProfileId(profileId))
        return deliverLater(answer, *failure);
    if (auto failure = checkSize(secret))
        return deliverLater(answer, *failure);
    const QString key = entryKey(profileId, kind);
    enqueue([this, key, secret](Callback finished) { writeSecret(key, secret, std::move(finished)); },
            answer);
}

void KeychainSecretStore::writeSecret(const QString& key, const QByteArray& secret, Callback answer) {
    // Old parts beyond the new count hold old secret bytes: remove them once the new entry is in.
    auto finish = [this, key, answer](int partCount) {
        purgeParts(key, partCount + 1, [answer](const SecretResult& purged) {
            if (purged.ok)
                return answer(SecretResult::success());
            answer(SecretResult::failure(purged.errorKind,
                                         tr("The secret was stored, but older parts of it could not be "
                                            "removed: %1")
                                             .arg(purged.error)));
        });
    };

    if (secret.size() < ChunkSize) {
        writeEntry(key, InlineTag + secret, [finish, answer](const SecretResult& result) {
            if (!result.ok)
                return answer(result);
            finish(0);
        });
        return;
    }
    // Parts first, header last: a reader never sees a header whose parts are not written yet.
    const int count = int((secret.size() + ChunkSize - 1) / ChunkSize);
    const QByteArray header = ChunkedTag + QByteArray::number(count) + ' ' +
                              QByteArray::number(secret.size()) + ' ' + sha256Hex(secret);
    writeParts(key, 1, secret, [this, key, header, count, finish, answer](const SecretResult& result) {
        if (!result.ok)
            return answer(result);
        writeEntry(key, header, [count, finish, answer](const SecretResult& written) {
            if (!written.ok)
                return answer(written);
            finish(count);
        });
    });
}

void KeychainSecretStore::writeParts(const QString& key, int index, QByteArray secret, Callback done) {
    const qsizetype offset = qsizetype(index - 1) * ChunkSize;
    if (offset >= secret.size())
        return done(SecretResult::success());
    const QByteArray part = secret.mid(offset, ChunkSize);
    writeEntry(partKey(key, index), part,
               [this, key, index, secret = std::move(secret), done](const SecretResult& result) mutable {
                   if (!result.ok)
                       return done(result);
                   writeParts(key, index + 1, std::move(secret), std::move(done));
               });
}

void KeychainSecretStore::deleteParts(const QString& key, int index, int count, Callback done) {
    if (index > count)
        return done(SecretResult::success());
    deleteEntry(partKey(key, index), [this, key, index, count, done](const SecretResult& result) {
        if (!result.ok)
            return done(result);
        deleteParts(key, index + 1, count, done);
    });
}

void KeychainSecretStore::purgeParts(const QString& key, int index, Callback done) {
    // Parts are written in order, so stale or orphaned ones are contiguous from `index` on. A
    // read tells whether one exists (libsecret does not report deleting a missing entry).
    if (index > MaxParts)
        return done(SecretResult::success());
    readEntry(partKey(key, index), [this, key, index, done](const SecretResult& result) {
        if (result.errorKind == SecretError::NotFound)
            return done(SecretResult::success());
        if (!result.ok)
            return done(result);
        deleteEntry(partKey(key, index), [this, key, index, done](const SecretResult& deleted) {
            if (!deleted.ok)
                return done(deleted);
            purgeParts(key, index + 1, done);
        });
    });
}

void KeychainSecretStore::removeEntry(const QString& key, Callback done) {
    readEntry(key, [this, key, done](const SecretResult& result) {
        if (!result.ok && result.errorKind != SecretError::NotFound)
            return done(result);
        const bool exists = result.ok;
        const auto header = exists ? parseHeader(result.value) : std::nullopt;
        const int count = header ? header->count : 0;
        // Parts before the main entry, so an interruption never leaves parts without a header
        // that points at them.
        deleteParts(key, 1, count, [this, key, count, exists, done](const SecretResult& deleted) {
            if (!deleted.ok)
                return done(deleted);
            purgeParts(key, count + 1, [this, key, exists, done](const SecretResult& purged) {
                if (!purged.ok || !exists)
                    return done(purged);
                deleteEntry(key, done);
            });
        });
    });
}

void KeychainSecretStore::remove(const QString& profileId, SecretKind kind, const QObject* context,
                                 Callback done) {
    Callback answer = guarded(context, std::move(done));
    if (auto failure = checkProfileId(profileId))
        return deliverLater(answer, *failure);
    const QString key = entryKey(profileId, kind);
    enqueue([this, key](Callback finished) { removeEntry(key, std::move(finished)); }, answer);
}

void KeychainSecretStore::removeProfile(const QString& profileId, const QObject* context, Callback done) {
    Callback answer = guarded(context, std::move(done));
    if (auto failure = checkProfileId(profileId))
        return deliverLater(answer, *failure);
    enqueue(
        [this, profileId](Callback finished) {
            removeKinds(profileId, 0, SecretResult::success(), std::move(finished));
        },
        answer);
}

void KeychainSecretStore::removeKinds(const QString& profileId, int index, SecretResult firstError,
                                      Callback done) {
    // Every kind is attempted even after a failure, so as much as possible is removed.
    if (index >= allSecretKinds().size())
        return done(firstError);
    removeEntry(entryKey(profileId, allSecretKinds().at(index)), [this, profileId, index, firstError,
                                                                  done](const SecretResult& result) {
        removeKinds(profileId, index + 1, firstError.ok && !result.ok ? result : firstError, done);
    });
}

void KeychainSecretStore::checkAvailable(const QObject* context, Callback done) {
    Callback answer = guarded(context, std::move(done));
    // A key no profile can have (profile ids never contain ':'); "not found" means it works.
    enqueue(
        [this](Callback finished) {
            readEntry(QStringLiteral("threatdesk:availability-check"),
                      [finished](const SecretResult& result) {
                          if (result.ok || result.errorKind == SecretError::NotFound)
                              return finished(SecretResult::success());
                          finished(SecretResult::failure(result.errorKind, result.error));
                      });
        },
        answer);
}
