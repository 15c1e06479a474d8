// The Risk events page after a sandbox fault stops a run: it says why (the stop explanation
// with Okta's answer), how many subjects are accepted, rejected and pending (adding up to the
// rows sent), marks the pending rows with the reason, and offers Retry pending, which finishes
// the run once the fault is gone.
#include "GuiTestOrg.h"
#include "RiskEventsPage.h"
#include "RiskSubjectTableModel.h"
#include "SandboxServer.h"
#include "ScriptedDialogHooks.h"
#include "api/OktaClient.h"
#include "common/SystemClock.h"
#include "history/HistoryStore.h"
#include "riskevents/RiskSendSession.h"
#include "session/OrgSession.h"

#include <QAction>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <memory>

namespace {

using Status = RiskSubjectTableModel::RowStatus;
const QString RiskPath = QStringLiteral("/api/v1/risk/events/ip");
constexpr int Rows = 2500;
constexpr int MaxAttempts = 3;
constexpr int RunTimeoutMs = 60000; // back-offs and timeouts are wall-clock time; CI is slow

} // namespace

class TestRiskEventsFaults : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void faultStopsTheRunAndRetryFinishesIt_data();
    void faultStopsTheRunAndRetryFinishesIt();

private:
    QAction* action(const QString& name) const;
    RiskSubjectTableModel* model() const;
    template <typename T> T* child(const QString& name) const { return m_page->findChild<T*>(name); }

    std::unique_ptr<GuiTestOrg> m_org;
    std::unique_ptr<RiskEventsPage> m_page;
};

void TestRiskEventsFaults::init() {
    m_org = std::make_unique<GuiTestOrg>();
    QVERIFY(m_org->isValid());
    m_page = std::make_unique<RiskEventsPage>(m_org->session(), m_org->history(), m_org->hooks(),
                                              SystemClock::instance(), m_org->journalBase());
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(model());
}

void TestRiskEventsFaults::cleanup() {
    m_page.reset();
    m_org.reset();
}

QAction* TestRiskEventsFaults::action(const QString& name) const {
    for (QAction* a : m_page->pageActions())
        if (a->objectName() == name)
            return a;
    return nullptr;
}

RiskSubjectTableModel* TestRiskEventsFaults::model() const {
    auto* view = m_page->findChild<QTableView*>(QStringLiteral("riskTable"));
    return view ? qobject_cast<RiskSubjectTableModel*>(view->model()) : nullptr;
}

void TestRiskEventsFaults::faultStopsTheRunAndRetryFinishesIt_data() {
    QTest::addColumn<QString>("fault"); // on the risk-events path; used up by the run's retries
    QTest::addColumn<int>("transferTimeoutMs");
    QTest::addColumn<QString>("says");
    QTest::newRow("persistent 500") << QStringLiteral("500:%1").arg(MaxAttempts) << 30000
                                    << QStringLiteral("HTTP 500");
    QTest::newRow("stall past the timeout")
        << QStringLiteral("stall:%1:60000").arg(MaxAttempts) << 5000 << QStringLiteral("no answer in time");
}

void TestRiskEventsFaults::faultStopsTheRunAndRetryFinishesIt() {
    QFETCH(QString, fault);
    QFETCH(int, transferTimeoutMs);
    QFETCH(QString, says);

    m_org->openSandbox();
    QTRY_COMPARE_WITH_TIMEOUT(m_org->session()->state(), OrgSession::State::Open, 10000);
    QVERIFY(m_org->sandbox());
    QTRY_VERIFY(action(QStringLiteral("sendAction"))->isEnabled());
    m_org->session()->client()->setTransferTimeoutMs(transferTimeoutMs);
    // Short back-off so the test does not wait through the app's real one.
    auto* sendSession = m_page->findChild<RiskSendSession*>();
    QVERIFY(sendSession);
    SendScheduler::Options options;
    options.maxAttempts = MaxAttempts;
    options.backoffBaseMs = 50;
    options.backoffMaxMs = 200;
    sendSession->setSchedulerOptions(options);
    QString error;
    std::optional<SandboxFault> parsed = SandboxFault::parse(fault + QLatin1Char(':') + RiskPath, &error);
    QVERIFY2(parsed, qPrintable(error));
    m_org->sandbox()->injectFault(*parsed);

    m_page->importFile(m_org->writeAdminRows(Rows));
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().rows, Rows, 10000);
    QTRY_VERIFY(!child<QProgressBar>(QStringLiteral("importProgress"))->isVisible());
    action(QStringLiteral("sendAction"))->trigger();
    QVERIFY(m_page->isSending());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isSending(), RunTimeoutMs);

    // It says what happened and how many subjects are where; the numbers add up.
    const QString status = child<QLabel>(QStringLiteral("sendStatusLabel"))->text();
    QVERIFY2(status.startsWith(QLatin1String("Stopped")), qPrintable(status));
    QVERIFY2(status.contains(says), qPrintable(status));
    QVERIFY2(status.contains(QLatin1String("still pending")), qPrintable(status));
    QVERIFY2(status.contains(QLatin1String("Retry pending")), qPrintable(status));
    const RiskSubjectTableModel::Counts counts = model()->counts();
    const int accepted = counts.count(Status::Accepted);
    const int rejected = counts.count(Status::Rejected);
    const int pending = counts.count(Status::Pending);
    QCOMPARE(accepted + rejected + pending, Rows);
    QCOMPARE(pending, Rows); // the first request never got through, so nothing after it went
    const QString countsText = child<QLabel>(QStringLiteral("sendCountsLabel"))->text();
    QVERIFY2(countsText.contains(QStringLiteral("%1 pending").arg(QLocale().toString(pending))),
             qPrintable(countsText));
    QCOMPARE(child<QProgressBar>(QStringLiteral("sendProgress"))->value(), accepted + rejected);
    QCOMPARE(m_org->sandbox()->acceptedRiskSubjects().size(), accepted);

    // The rows of the request that failed carry the reason.
    int explained = 0;
    for (int row = 0; row < model()->rowCount(); ++row)
        explained +=
            model()->index(row, RiskSubjectTableModel::ReasonColumn).data().toString().contains(says);
    QVERIFY2(explained > 0, "no pending row says why");

    // Retry is offered and, the fault used up, finishes the run.
    auto* retry = child<QPushButton>(QStringLiteral("retryPendingButton"));
    QTRY_VERIFY(retry->isVisible());
    QVERIFY(action(QStringLiteral("retryPendingAction"))->isEnabled());
    retry->click();
    QTRY_COMPARE_WITH_TIMEOUT(model()->counts().count(Status::Accepted), Rows, RunTimeoutMs);
    QTRY_VERIFY(!m_page->isSending());
    QVERIFY2(child<QLabel>(QStringLiteral("sendStatusLabel"))->text().startsWith(QLatin1String("Done")),
             qPrintable(child<QLabel>(QStringLiteral("sendStatusLabel"))->text()));
    QVERIFY(!retry->isVisible());
    QCOMPARE(m_org->sandbox()->acceptedRiskSubjects().size(), Rows);
}

QTEST_MAIN(TestRiskEventsFaults)
#include "TestRiskEventsFaults.moc"
