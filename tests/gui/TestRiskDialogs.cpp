// The two dialogs of the Risk events screen on their own: the request preview (exact JSON,
// request selector, copy to the clipboard) and the import summary (counts, hint, the table of
// rejected and merged rows, capped).
#include "ImportSummaryDialog.h"
#include "RequestPreviewDialog.h"
#include "riskevents/ImportResult.h"
#include "riskevents/RiskSendSession.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

namespace {

QVector<RiskSubject> subjectsOf(int n) {
    QVector<RiskSubject> subjects;
    for (int i = 0; i < n; ++i) {
        RiskSubject s;
        s.ip = QStringLiteral("203.0.%1.%2").arg(i / 256).arg(i % 256);
        s.level = i % 2 ? RiskLevel::High : RiskLevel::Low;
        s.message = i % 3 ? QStringLiteral("say \"hi\", {x}: [y]") : QString();
        s.sourceLine = i + 2;
        subjects.append(s);
    }
    return subjects;
}

BatchPlanner::Options fixedOptions() {
    BatchPlanner::Options options;
    options.timestamp = QDateTime(QDate(2026, 11, 21), QTime(3, 12), QTimeZone::utc());
    return options;
}

ValidationIssue issue(qint64 line, ValidationIssue::Kind kind, const QString& field, const QString& value,
                      const QString& reason) {
    ValidationIssue i;
    i.kind = kind;
    i.line = line;
    i.field = field;
    i.value = value;
    i.reason = reason;
    return i;
}

} // namespace

class TestRiskDialogs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void previewShowsTheExactJsonAndCopiesIt() {
        const QVector<RiskSubject> subjects = subjectsOf(2500);
        int total = 0;
        const QVector<QByteArray> bodies =
            RiskSendSession::previewBodies(subjects, fixedOptions(), 2, &total);
        QCOMPARE(total, 3);
        RequestPreviewDialog dialog(bodies, total, static_cast<int>(subjects.size()));
        QCOMPARE(dialog.objectName(), QStringLiteral("requestPreviewDialog"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        auto* summary = dialog.findChild<QLabel*>(QStringLiteral("previewSummary"));
        QVERIFY(summary);
        QCOMPARE(summary->text(), QStringLiteral("3 requests, 2,500 subjects; showing the first 2"));

        auto* text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("previewText"));
        QVERIFY(text);
        QVERIFY(text->isReadOnly());
        QVERIFY(QFontInfo(text->font()).fixedPitch());
        // Pretty-printed, and the same JSON as the body.
        QVERIFY(text->toPlainText().count(QLatin1Char('\n')) > 1000);
        QVERIFY2(text->toPlainText().contains(QStringLiteral("\"riskLevel\": \"HIGH\"")),
                 qPrintable(text->toPlainText().left(400)));
        QCOMPARE(QJsonDocument::fromJson(text->toPlainText().toUtf8()), QJsonDocument::fromJson(bodies[0]));
        QCOMPARE(dialog.currentBody(), bodies[0]);

        auto* selector = dialog.findChild<QComboBox*>(QStringLiteral("requestSelector"));
        QVERIFY(selector);
        QVERIFY(selector->isVisible());
        QCOMPARE(selector->count(), 2);
        QCOMPARE(selector->itemText(1), QStringLiteral("Request 2 of 3"));
        selector->setCurrentIndex(1);
        QCOMPARE(dialog.currentRequest(), 1);
        QCOMPARE(QJsonDocument::fromJson(text->toPlainText().toUtf8()), QJsonDocument::fromJson(bodies[1]));

        // Copy: the shown request's body, byte for byte as it would be sent.
        QApplication::clipboard()->clear();
        auto* copy = dialog.findChild<QPushButton*>(QStringLiteral("copyButton"));
        QVERIFY(copy);
        QVERIFY(!copy->accessibleName().isEmpty());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), QString::fromUtf8(bodies[1]));

        // Close closes.
        QSignalSpy finished(&dialog, &QDialog::finished);
        auto* close = dialog.findChild<QPushButton*>(QStringLiteral("closeButton"));
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!dialog.isVisible());
    }

    void previewOfOneRequestNeedsNoSelector() {
        int total = 0;
        const QVector<QByteArray> bodies =
            RiskSendSession::previewBodies(subjectsOf(5), fixedOptions(), 10, &total);
        QCOMPARE(total, 1);
        RequestPreviewDialog dialog(bodies, total, 5);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("previewSummary"))->text(),
                 QStringLiteral("1 request, 5 subjects"));
        QVERIFY(!dialog.findChild<QComboBox*>(QStringLiteral("requestSelector"))->isVisible());
        QCOMPARE(QJsonDocument::fromJson(dialog.displayedText().toUtf8()).array().size(), 1);
        QVERIFY(
            dialog.displayedText().contains(QStringLiteral("\"timestamp\": \"2026-11-21T03:12:00.000Z\"")));
    }

    void prettyPrintingKeepsOrderAndStrings() {
        // (No raw string literal: moc misreads the braces inside one.)
        const QByteArray json = "[{\"subjects\":[{\"ip\":\"1.2.3.4\",\"riskLevel\":\"LOW\","
                                "\"message\":\"a,\\\"{b}\\\": [c]\"}],\"e\":[],\"n\":1.50}]";
        const QString pretty = RequestPreviewDialog::prettyPrinted(json);
        QCOMPARE(pretty, QStringLiteral("[\n"
                                        "  {\n"
                                        "    \"subjects\": [\n"
                                        "      {\n"
                                        "        \"ip\": \"1.2.3.4\",\n"
                                        "        \"riskLevel\": \"LOW\",\n"
                                        "        \"message\": \"a,\\\"{b}\\\": [c]\"\n"
                                        "      }\n"
                                        "    ],\n"
                                        "    \"e\": [],\n"
                                        "    \"n\": 1.50\n"
                                        "  }\n"
                                        "]"));
        QCOMPARE(QJsonDocument::fromJson(pretty.toUtf8()), QJsonDocument::fromJson(json));
    }

    void importSummaryListsEveryIssue() {
        ImportResult result;
        result.rows = 6;
        result.valid = 3;
        result.rejected = 2;
        result.merged = 1;
        result.perLevel = {1, 1, 1};
        result.hint = QStringLiteral("import it as a plain list");
        const QString longValue = QString(200, QLatin1Char('x'));
        result.issues = {
            issue(3, ValidationIssue::Kind::Rejected, QStringLiteral("ip"), QStringLiteral("10.0.0.0/8"),
                  QStringLiteral("CIDR ranges are not accepted: give a single address")),
            issue(5, ValidationIssue::Kind::Rejected, QStringLiteral("message"), longValue,
                  QStringLiteral("message is longer than 512 characters")),
            issue(7, ValidationIssue::Kind::Merged, QStringLiteral("ip"), QStringLiteral("1.2.3.4"),
                  QStringLiteral("same ip as line 2: merged")),
        };
        ImportSummaryDialog dialog(result);
        QCOMPARE(dialog.objectName(), QStringLiteral("importSummaryDialog"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("summaryLabel"))->text(), result.summary());
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("hintLabel"))->text().contains(result.hint));
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("moreLabel")));

        auto* table = dialog.findChild<QTableView*>(QStringLiteral("issueTable"));
        QVERIFY(table);
        QAbstractItemModel* model = table->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->columnCount(), 5);
        QCOMPARE(model->headerData(3, Qt::Horizontal).toString(), QStringLiteral("Value"));
        QCOMPARE(model->index(0, 0).data().toLongLong(), 3);
        QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("rejected"));
        QCOMPARE(model->index(0, 2).data().toString(), QStringLiteral("ip"));
        QCOMPARE(model->index(0, 3).data().toString(), QStringLiteral("10.0.0.0/8"));
        QCOMPARE(model->index(0, 4).data().toString(), result.issues[0].reason);
        // A long value is cut for the table; its tooltip keeps it whole.
        const QString shown = model->index(1, 3).data().toString();
        QCOMPARE(shown.size(), ImportSummaryDialog::MaxValueLength);
        QVERIFY(shown.endsWith(QChar(0x2026)));
        QCOMPARE(model->index(1, 3).data(Qt::ToolTipRole).toString(), longValue);
        QCOMPARE(model->index(2, 1).data().toString(), QStringLiteral("merged"));
        QCOMPARE(model->index(2, 0).data().toLongLong(), 7);

        QSignalSpy finished(&dialog, &QDialog::finished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("closeButton")), Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
    }

    void importSummaryCapsTheList() {
        ImportResult result;
        const int count = ImportSummaryDialog::MaxListedIssues + 5;
        result.rows = count;
        result.rejected = count;
        for (int i = 0; i < count; ++i)
            result.issues.append(issue(i + 2, ValidationIssue::Kind::Rejected, QStringLiteral("riskLevel"),
                                       QStringLiteral("SEVERE"),
                                       QStringLiteral("riskLevel must be LOW, MEDIUM or HIGH")));
        ImportSummaryDialog dialog(result);
        auto* table = dialog.findChild<QTableView*>(QStringLiteral("issueTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), ImportSummaryDialog::MaxListedIssues);
        auto* more = dialog.findChild<QLabel*>(QStringLiteral("moreLabel"));
        QVERIFY(more);
        QVERIFY2(more->text().startsWith(QStringLiteral("5 more not listed")), qPrintable(more->text()));
    }

    void importSummaryOfAnUnusableInput() {
        ImportResult result;
        result.error = QStringLiteral("line 1: no column named ip (columns: address, level)");
        result.hint = QStringLiteral("rename the column \"address\" to \"ip\"");
        ImportSummaryDialog dialog(result);
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("summaryLabel"))->text(), result.error);
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("hintLabel"))->text().contains(result.hint));
        QVERIFY(!dialog.findChild<QTableView*>(QStringLiteral("issueTable")));
    }
};

QTEST_MAIN(TestRiskDialogs)
#include "TestRiskDialogs.moc"
