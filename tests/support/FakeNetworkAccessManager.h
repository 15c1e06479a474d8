#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QUrl>
#include <QVector>

#include <functional>

// A QNetworkAccessManager that never touches the network: every request is answered from a
// script (queued answers, else a handler, else 202), on the next event-loop turn. Gives tests
// exact control of statuses, headers (missing, duplicated, garbled) and bodies.
class FakeNetworkAccessManager : public QNetworkAccessManager {
    Q_OBJECT
public:
    struct Answer {
        int status = 202;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        // A network failure instead of an answer (status ignored).
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        bool hang = false; // no answer at all until aborted

        void addHeader(const QByteArray& name, const QByteArray& value) {
            headers.append(qMakePair(name, value));
        }
    };
    struct Request {
        QByteArray method;
        QUrl url;
        QNetworkRequest request;
        QByteArray body;
    };
    using Handler = std::function<Answer(const Request&)>;

    explicit FakeNetworkAccessManager(QObject* parent = nullptr);

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void enqueue(const Answer& answer) { m_queue.append(answer); }
    const QVector<Request>& requests() const { return m_requests; }
    int requestCount() const { return static_cast<int>(m_requests.size()); }

    // An Okta-like answer: Date, X-Okta-Request-Id and, when limit ≥ 0, the rate-limit headers.
    static Answer okta(int status, qint64 dateEpochSeconds, int limit = -1, int remaining = -1,
                       qint64 resetEpochSeconds = -1, const QByteArray& body = {},
                       const QByteArray& requestId = {});
    static QByteArray errorBody(const QString& code, const QString& summary, const QStringList& causes = {});

signals:
    void requestReceived(int index);

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request,
                                 QIODevice* outgoingData) override;

private:
    Handler m_handler;
    QVector<Answer> m_queue;
    QVector<Request> m_requests;
};
