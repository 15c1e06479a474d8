// ZoneChangeDialog against the in-process sandbox org: nothing is written before "Show changes"
// has shown a valid plan with changes; bad items are listed with their number and rule; a change
// over the zone's gateway limit is refused; unblock and exempt write the right zone; editing
// after a plan withdraws it; a failed write says so; applied changes reach the History.
#include "GuiTestOrg.h"
#include "SandboxServer.h"
#include "ScriptedDialogHooks.h"

#include "ZoneChangeDialog.h"
#include "history/HistoryStore.h"
#include "profiles/OrgProfile.h"
#include "session/OrgSession.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

const QString Sandbox = QString::fromLatin1(OrgProfile::SandboxId);

// The gateway values of the sandbox zone named `name` ("198.51.100.7/32", "a-b").
QStringList gatewaysOf(const SandboxServer* sandbox, const QString& name) {
    QStringList values;
    const QJsonArray zones = sandbox->zones();
    for (const QJsonValue& zone : zones) {
        if (zone[QStringLiteral("name")].toString() != name)
            continue;
        const QJsonArray gateways = zone[QStringLiteral("gateways")].toArray();
        for (const QJsonValue& gateway : gateways)
            values.append(gateway[QStringLiteral("value")].toString());
    }
    return values;
}

int zoneHistoryCount(const HistoryStore* history) {
    int count = 0;
    for (const HistoryEntry& entry : history->entries(Sandbox))
        count += entry.kind == HistoryEntry::Kind::ZoneChange ? 1 : 0;
    return count;
}

} // namespace

class TestZoneChangeDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<GuiTestOrg> m_org;

    struct Parts {
        QComboBox* action = nullptr;
        QComboBox* zone = nullptr;
        QPlainTextEdit* addresses = nullptr;
        QPlainTextEdit* plan = nullptr;
        QLabel* status = nullptr;
        QPushButton* show = nullptr;
        QPushButton* apply = nullptr;
    };

    static Parts partsOf(ZoneChangeDialog* dialog) {
        Parts parts;
        parts.action = dialog->findChild<QComboBox*>(QStringLiteral("zoneActionCombo"));
        parts.zone = dialog->findChild<QComboBox*>(QStringLiteral("zoneNameCombo"));
        parts.addresses = dialog->findChild<QPlainTextEdit*>(QStringLiteral("zoneAddressesEdit"));
        parts.plan = dialog->findChild<QPlainTextEdit*>(QStringLiteral("zonePlanView"));
        parts.status = dialog->findChild<QLabel*>(QStringLiteral("zoneStatusLabel"));
        parts.show = dialog->findChild<QPushButton*>(QStringLiteral("showChangesButton"));
        parts.apply = dialog->findChild<QPushButton*>(QStringLiteral("applyButton"));
        return parts;
    }

    ZoneChangeDialog* openDialog(ZoneAction action, const QStringList& addresses) {
        auto* dialog = new ZoneChangeDialog(m_org->session(), m_org->history(), action, addresses);
        m_org->hooks()->showDialog(dialog);
        return dialog;
    }

    // Presses Show changes and waits for the plan.
    static void showChanges(const Parts& parts) {
        QVERIFY(parts.show->isEnabled());
        QTest::mouseClick(parts.show, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!parts.plan->toPlainText().isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(parts.show->isEnabled(), 5000);
    }

private slots:
    void init() {
        m_org = std::make_unique<GuiTestOrg>();
        QVERIFY(m_org->isValid());
        m_org->openSandbox();
        QTRY_COMPARE_WITH_TIMEOUT(m_org->session()->state(), OrgSession::State::Open, 5000);
    }

    void cleanup() { m_org.reset(); }

    void badInputNamesItemAndRuleAndDisablesApply() {
        QPointer<ZoneChangeDialog> dialog =
            openDialog(ZoneAction::Block, {QStringLiteral("198.51.100.7"), QStringLiteral("10.0.0.300")});
        const Parts parts = partsOf(dialog);
        QVERIFY(parts.action && parts.zone && parts.addresses && parts.plan && parts.status && parts.show &&
                parts.apply);
        QCOMPARE(parts.zone->currentText(), QStringLiteral("BlockedIpZone"));
        parts.addresses->appendPlainText(QStringLiteral("203.0.113.5/99"));
        QCOMPARE(dialog->addresses().size(), 3);
        QVERIFY(!parts.apply->isEnabled());

        showChanges(parts);
        const QString plan = parts.plan->toPlainText();
        QVERIFY2(plan.contains(QStringLiteral("10.0.0.300")) && plan.contains(QStringLiteral("item 2")),
                 qPrintable(plan));
        QVERIFY2(plan.contains(QStringLiteral("203.0.113.5/99")) && plan.contains(QStringLiteral("item 3")),
                 qPrintable(plan));
        QVERIFY2(plan.contains(QStringLiteral("Problems (2)")), qPrintable(plan));
        QVERIFY(!parts.apply->isEnabled());
        QVERIFY(!dialog->canApply());
        QVERIFY2(parts.status->text().contains(QStringLiteral("cannot be applied")),
                 qPrintable(parts.status->text()));
        // Nothing was written.
        QCOMPARE(gatewaysOf(m_org->sandbox(), QStringLiteral("BlockedIpZone")),
                 QStringList{QStringLiteral("203.0.113.66/32")});
        delete dialog;
    }

    void overTheGatewayLimitIsRefused() {
        QStringList many;
        for (int i = 0; i < 1000; ++i)
            many.append(QStringLiteral("198.18.%1.%2").arg(i / 200).arg(i % 200 + 1));
        QPointer<ZoneChangeDialog> dialog = openDialog(ZoneAction::Block, many);
        const Parts parts = partsOf(dialog);
        showChanges(parts);
        const QString plan = parts.plan->toPlainText();
        // 1 seeded gateway + 1,000 new ones > Okta's 1,000 for a block list zone.
        QVERIFY2(plan.contains(QStringLiteral("1,001")) || plan.contains(QStringLiteral("1001")),
                 qPrintable(plan.left(400)));
        QVERIFY2(plan.contains(QStringLiteral("Refused:")), qPrintable(plan.left(400)));
        QVERIFY(!parts.apply->isEnabled());
        QCOMPARE(gatewaysOf(m_org->sandbox(), QStringLiteral("BlockedIpZone")).size(), 1);
        delete dialog;
    }

    void blockShowsThePlanThenApplies() {
        QPointer<ZoneChangeDialog> dialog =
            openDialog(ZoneAction::Block, {QStringLiteral("198.51.100.7"), QStringLiteral("203.0.113.66"),
                                           QStringLiteral("2001:db8::7")});
        const Parts parts = partsOf(dialog);
        QSignalSpy changed(dialog.data(), &ZoneChangeDialog::zoneChanged);
        showChanges(parts);
        const QString plan = parts.plan->toPlainText();
        QVERIFY2(plan.contains(QStringLiteral("+ 198.51.100.7/32")), qPrintable(plan));
        QVERIFY2(plan.contains(QStringLiteral("+ 2001:db8::7/128")), qPrintable(plan));
        QVERIFY2(plan.contains(QStringLiteral("Already in the zone (1)")), qPrintable(plan));
        QVERIFY2(plan.contains(QStringLiteral("1 \u2192 3 of 1,000")), qPrintable(plan));
        QVERIFY(parts.apply->isEnabled());
        // Showing wrote nothing.
        QCOMPARE(gatewaysOf(m_org->sandbox(), QStringLiteral("BlockedIpZone")).size(), 1);

        QTest::mouseClick(parts.apply, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
        const QString requestId = changed.first().at(1).toString();
        QVERIFY(!requestId.isEmpty());
        QVERIFY2(parts.plan->toPlainText().contains(requestId), qPrintable(parts.plan->toPlainText()));
        QVERIFY(parts.status->text().contains(requestId));
        QVERIFY(!parts.apply->isEnabled());
        const QStringList gateways = gatewaysOf(m_org->sandbox(), QStringLiteral("BlockedIpZone"));
        QVERIFY2(gateways.contains(QStringLiteral("198.51.100.7/32")), qPrintable(gateways.join(u' ')));
        QVERIFY2(gateways.contains(QStringLiteral("2001:db8::7/128")), qPrintable(gateways.join(u' ')));
        QVERIFY(gateways.contains(QStringLiteral("203.0.113.66/32")));
        QTRY_COMPARE_WITH_TIMEOUT(zoneHistoryCount(m_org->history()), 1, 2000);
        delete dialog;
    }

    void unblockRemovesTheEntry() {
        QPointer<ZoneChangeDialog> dialog = openDialog(ZoneAction::Unblock, {QStringLiteral("203.0.113.66")});
        const Parts parts = partsOf(dialog);
        QCOMPARE(dialog->action(), ZoneAction::Unblock);
        QCOMPARE(parts.zone->currentText(), QStringLiteral("BlockedIpZone"));
        QSignalSpy changed(dialog.data(), &ZoneChangeDialog::zoneChanged);
        showChanges(parts);
        QVERIFY2(parts.plan->toPlainText().contains(QStringLiteral("\u2212 203.0.113.66/32")),
                 qPrintable(parts.plan->toPlainText()));
        QVERIFY(parts.apply->isEnabled());
        QTest::mouseClick(parts.apply, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
        QVERIFY(gatewaysOf(m_org->sandbox(), QStringLiteral("BlockedIpZone")).isEmpty());
        delete dialog;
    }

    void exemptWritesDefaultExemptIpZone() {
        QPointer<ZoneChangeDialog> dialog = openDialog(ZoneAction::Block, {QStringLiteral("198.51.100.9")});
        const Parts parts = partsOf(dialog);
        // Switching the action follows with the zone, as the admin named none.
        parts.action->setCurrentIndex(parts.action->findData(static_cast<int>(ZoneAction::Exempt)));
        QCOMPARE(dialog->action(), ZoneAction::Exempt);
        QCOMPARE(parts.zone->currentText(), QStringLiteral("DefaultExemptIpZone"));
        QSignalSpy changed(dialog.data(), &ZoneChangeDialog::zoneChanged);
        showChanges(parts);
        QVERIFY2(parts.plan->toPlainText().contains(QStringLiteral("DefaultExemptIpZone")),
                 qPrintable(parts.plan->toPlainText()));
        QVERIFY(parts.apply->isEnabled());
        QTest::mouseClick(parts.apply, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
        const QStringList exempt = gatewaysOf(m_org->sandbox(), QStringLiteral("DefaultExemptIpZone"));
        QVERIFY2(exempt.contains(QStringLiteral("198.51.100.9/32")), qPrintable(exempt.join(u' ')));
        QVERIFY(exempt.contains(QStringLiteral("192.0.2.10/32"))); // existing entries kept
        QCOMPARE(gatewaysOf(m_org->sandbox(), QStringLiteral("BlockedIpZone")).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(zoneHistoryCount(m_org->history()), 1, 2000);
        delete dialog;
    }

    void typedZoneNameIsKeptWhenTheActionChanges() {
        QPointer<ZoneChangeDialog> dialog = openDialog(ZoneAction::Block, {QStringLiteral("198.51.100.9")});
        const Parts parts = partsOf(dialog);
        parts.zone->setCurrentText(QStringLiteral("My block list"));
        parts.action->setCurrentIndex(parts.action->findData(static_cast<int>(ZoneAction::Unblock)));
        QCOMPARE(parts.zone->currentText(), QStringLiteral("My block list"));
        // An unknown zone is an error of "Show changes", never a silent default.
        QTest::mouseClick(parts.show, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(parts.status->text().contains(QStringLiteral("My block list")), 5000);
        QVERIFY2(parts.status->text().startsWith(QStringLiteral("Cannot show the changes")),
                 qPrintable(parts.status->text()));
        QVERIFY(!parts.apply->isEnabled());
        QVERIFY(parts.show->isEnabled());
        delete dialog;
    }

    void editingAfterAPlanDisablesApply() {
        QPointer<ZoneChangeDialog> dialog = openDialog(ZoneAction::Block, {QStringLiteral("198.51.100.8")});
        const Parts parts = partsOf(dialog);
        showChanges(parts);
        QVERIFY(parts.apply->isEnabled());
        parts.addresses->setFocus();
        parts.addresses->moveCursor(QTextCursor::End);
        QTest::keyClicks(parts.addresses, QStringLiteral(" 198.51.100.9"));
        QVERIFY(!parts.apply->isEnabled());
        QVERIFY(!dialog->canApply());
        QVERIFY(parts.plan->toPlainText().isEmpty());
        QVERIFY(parts.status->text().contains(QStringLiteral("Show changes")));
        // Changing the zone withdraws a plan too.
        showChanges(parts);
        QVERIFY(parts.apply->isEnabled());
        QVERIFY(parts.plan->toPlainText().contains(QStringLiteral("198.51.100.9/32")));
        parts.zone->setCurrentText(QStringLiteral("DefaultExemptIpZone"));
        QVERIFY(!parts.apply->isEnabled());
        QCOMPARE(gatewaysOf(m_org->sandbox(), QStringLiteral("BlockedIpZone")).size(), 1);
        delete dialog;
    }

    void failedWriteIsShown() {
        QPointer<ZoneChangeDialog> dialog = openDialog(ZoneAction::Block, {QStringLiteral("198.51.100.8")});
        const Parts parts = partsOf(dialog);
        showChanges(parts);
        QVERIFY(parts.apply->isEnabled());
        SandboxFault fault;
        fault.kind = SandboxFault::Kind::ServerError;
        fault.count = 10;
        fault.pathPrefix = QStringLiteral("/api/v1/zones");
        m_org->sandbox()->injectFault(fault);
        QTest::mouseClick(parts.apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(parts.status->text().contains(QStringLiteral("Applying failed")), 10000);
        QVERIFY(!parts.apply->isEnabled());
        QVERIFY(parts.show->isEnabled());
        m_org->sandbox()->clearFaults();
        QCOMPARE(gatewaysOf(m_org->sandbox(), QStringLiteral("BlockedIpZone")).size(), 1);
        delete dialog;
    }

    void closingWhileWritingIsRefused() {
        QPointer<ZoneChangeDialog> dialog = openDialog(ZoneAction::Block, {QStringLiteral("198.51.100.9")});
        const Parts parts = partsOf(dialog);
        showChanges(parts);
        // The fresh read answers, the PUT stalls: the write is in flight.
        SandboxFault fault;
        fault.kind = SandboxFault::Kind::Stall;
        fault.count = 1;
        fault.delayMs = 500;
        fault.pathPrefix = QStringLiteral("/api/v1/zones");
        QTest::mouseClick(parts.apply, Qt::LeftButton);
        m_org->sandbox()->injectFault(fault); // after the click, the read has not reached the sandbox
        auto* close = dialog->findChild<QPushButton*>(QStringLiteral("closeButton"));
        QVERIFY(close);
        QTRY_VERIFY_WITH_TIMEOUT(!close->isEnabled(), 2000);
        QTest::keyClick(dialog.data(), Qt::Key_Escape);
        QVERIFY(!dialog.isNull());
        QVERIFY(dialog->isVisible());
        QVERIFY2(parts.status->text().contains(QStringLiteral("wait for Okta's answer")),
                 qPrintable(parts.status->text()));
        // The answer arrives: shown, recorded, and the dialog can close again.
        QTRY_VERIFY_WITH_TIMEOUT(close->isEnabled(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(zoneHistoryCount(m_org->history()), 1, 2000);
        QVERIFY(gatewaysOf(m_org->sandbox(), QStringLiteral("BlockedIpZone"))
                    .contains(QStringLiteral("198.51.100.9/32")));
        QTest::keyClick(dialog.data(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 2000);
    }

    void closesWhenTheOrgCloses() {
        QPointer<ZoneChangeDialog> dialog = openDialog(ZoneAction::Block, {QStringLiteral("198.51.100.8")});
        QVERIFY(dialog->isVisible());
        m_org->session()->close();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 2000);
    }
};

QTEST_MAIN(TestZoneChangeDialog)
#include "TestZoneChangeDialog.moc"
