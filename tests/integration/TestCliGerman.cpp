// The command line in German (LANGUAGE=de): help, usage errors and validation messages come from
// the app's catalogue, while --json and --version stay as scripts read them, in every language.
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace CliTest;

namespace {

const QStringList German{QStringLiteral("LANGUAGE=de")};
const QStringList English{QStringLiteral("LANGUAGE=en")};

// Every key of a JSON value, with its path ("rejected[].field"), so two reports can be compared
// by shape whatever their texts say.
QStringList keysOf(const QJsonValue& value, const QString& path = {}) {
    QStringList keys;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
            keys.append(key);
            keys.append(keysOf(it.value(), key));
        }
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            keys.append(keysOf(item, path + QStringLiteral("[]")));
    }
    keys.removeDuplicates();
    keys.sort();
    return keys;
}

} // namespace

class TestCliGerman : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void helpIsGerman();
    void usageErrorIsGerman();
    void validationMessagesAreGermanAndNameLineAndField();
    void jsonIsTheSameInEveryLanguage();
    void englishStaysEnglish();
    void versionStaysEnglish();

private:
    QTemporaryDir m_dir;
    QString m_badCsv;
};

void TestCliGerman::initTestCase() {
    QVERIFY2(QFileInfo(binary("threatdesk")).isExecutable(), qPrintable(binary("threatdesk")));
    // The German catalogue must have been built next to the binary, or the tests below would
    // fail for a missing file rather than a missing translation.
    const QString catalogue =
        QFileInfo(binary("threatdesk"))
            .dir()
            .filePath(QStringLiteral("../share/threatdesk/translations/threatdesk_app_de.qm"));
    QVERIFY2(QFileInfo::exists(catalogue), qPrintable(catalogue));
    QVERIFY(m_dir.isValid());
    m_badCsv = m_dir.filePath(QStringLiteral("bad.csv"));
    QFile file(m_badCsv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Line 2 is fine, line 3 has no usable IP address, line 4 an unknown risk level.
    file.write("ip,riskLevel,message\n"
               "8.8.8.8,HIGH,brute force\n"
               "not-an-ip,LOW,\n"
               "1.1.1.1,SEVERE,\n");
}

void TestCliGerman::helpIsGerman() {
    RUN_CLI(run, {QStringLiteral("--help")}, {}, {}, German);
    EXPECT_EXIT(run, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("Aufruf: threatdesk")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Befehle:")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Globale Optionen")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Exit-Codes:")), qPrintable(run.out));
    // Command and option names are never translated.
    QVERIFY(run.out.contains(QStringLiteral("risk validate")));
    QVERIFY(run.out.contains(QStringLiteral("--sandbox")));
    QVERIFY(!run.out.contains(QStringLiteral("Usage:")));
    QVERIFY(!run.out.contains(QStringLiteral("Commands:")));

    RUN_CLI(command, {QStringLiteral("risk"), QStringLiteral("send"), QStringLiteral("--help")}, {}, {},
            German);
    EXPECT_EXIT(command, 0);
    QVERIFY2(command.out.contains(QStringLiteral("Optionen:")), qPrintable(command.out));
    QVERIFY2(command.out.contains(QStringLiteral("--dry-run")), qPrintable(command.out));
}

void TestCliGerman::usageErrorIsGerman() {
    RUN_CLI(run, {QStringLiteral("--colour"), QStringLiteral("zones"), QStringLiteral("list")}, {}, {},
            German);
    EXPECT_EXIT(run, 2);
    QVERIFY2(run.err.contains(QStringLiteral("Unbekannte Option 'colour'")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("threatdesk --help")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("Unknown option")), qPrintable(run.err));

    RUN_CLI(command, {QStringLiteral("risk"), QStringLiteral("frobnicate")}, {}, {}, German);
    EXPECT_EXIT(command, 2);
    QVERIFY2(command.err.contains(QStringLiteral("Unterbefehl 'frobnicate'")), qPrintable(command.err));
}

void TestCliGerman::validationMessagesAreGermanAndNameLineAndField() {
    RUN_CLI(run, {QStringLiteral("risk"), QStringLiteral("validate"), m_badCsv}, {}, {}, German);
    EXPECT_EXIT(run, 1);
    QVERIFY2(run.out.contains(QStringLiteral("Zeilen 3, gültig 1")), qPrintable(run.out));
    // Line and field stay visible: the field is the CSV column, never translated.
    QVERIFY2(run.out.contains(QStringLiteral("Zeile 3: ip 'not-an-ip' abgelehnt")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Zeile 4: riskLevel 'SEVERE' abgelehnt")), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QStringLiteral("rejected")), qPrintable(run.out));

    // A validation message of the options, before any file is read.
    RUN_CLI(level,
            {QStringLiteral("risk"), QStringLiteral("validate"), QStringLiteral("--default-level"),
             QStringLiteral("severe"), m_badCsv},
            {}, {}, German);
    EXPECT_EXIT(level, 2);
    QVERIFY2(level.err.contains(
                 QStringLiteral("--default-level 'severe' ist keine der Stufen LOW, MEDIUM, HIGH.")),
             qPrintable(level.err));
}

void TestCliGerman::jsonIsTheSameInEveryLanguage() {
    const QStringList arguments{QStringLiteral("--json"), QStringLiteral("risk"), QStringLiteral("validate"),
                                m_badCsv};
    RUN_CLI(german, arguments, {}, {}, German);
    RUN_CLI(english, arguments, {}, {}, English);
    EXPECT_EXIT(german, 1);
    EXPECT_EXIT(english, 1);
    const QJsonDocument de = parseJson(german.out);
    const QJsonDocument en = parseJson(english.out);
    QVERIFY2(de.isObject(), qPrintable(german.out));
    QVERIFY2(en.isObject(), qPrintable(english.out));
    QCOMPARE(keysOf(de.object()), keysOf(en.object()));
    QVERIFY(keysOf(de.object()).contains(QStringLiteral("rejected[].field")));
    // Machine values (counts, lines, fields, values, levels) are the same too; only the
    // human-readable reasons may differ.
    for (const QString& key :
         {QStringLiteral("rows"), QStringLiteral("valid"), QStringLiteral("rejectedRows"),
          QStringLiteral("mergedRows"), QStringLiteral("byLevel"), QStringLiteral("subjects")})
        QCOMPARE(de.object().value(key), en.object().value(key));
    const QJsonArray rejectedDe = de.object().value(QStringLiteral("rejected")).toArray();
    const QJsonArray rejectedEn = en.object().value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejectedDe.size(), rejectedEn.size());
    for (qsizetype i = 0; i < rejectedDe.size(); ++i) {
        for (const QString& key : {QStringLiteral("line"), QStringLiteral("field"), QStringLiteral("value")})
            QCOMPARE(rejectedDe.at(i).toObject().value(key), rejectedEn.at(i).toObject().value(key));
    }
}

void TestCliGerman::englishStaysEnglish() {
    RUN_CLI(help, {QStringLiteral("--help")}, {}, {}, English);
    EXPECT_EXIT(help, 0);
    QVERIFY2(help.out.startsWith(QStringLiteral("Usage: threatdesk")), qPrintable(help.out));
    QVERIFY(help.out.contains(QStringLiteral("Commands:")));

    RUN_CLI(usage, {QStringLiteral("--colour"), QStringLiteral("zones"), QStringLiteral("list")}, {}, {},
            English);
    EXPECT_EXIT(usage, 2);
    QVERIFY2(usage.err.contains(QStringLiteral("Unknown option 'colour'")), qPrintable(usage.err));
    QVERIFY2(usage.err.contains(QStringLiteral("Run 'threatdesk --help' for usage.")), qPrintable(usage.err));

    RUN_CLI(run, {QStringLiteral("risk"), QStringLiteral("validate"), m_badCsv}, {}, {}, English);
    EXPECT_EXIT(run, 1);
    QVERIFY2(run.out.contains(QStringLiteral("rows 3, valid 1")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("line 3: rejected ip 'not-an-ip'")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("line 4: rejected riskLevel 'SEVERE'")), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QStringLiteral("Zeile")), qPrintable(run.out));
}

void TestCliGerman::versionStaysEnglish() {
    RUN_CLI(german, {QStringLiteral("--version")}, {}, {}, German);
    RUN_CLI(english, {QStringLiteral("--version")}, {}, {}, English);
    EXPECT_EXIT(german, 0);
    QCOMPARE(german.out, english.out);
    QVERIFY2(german.out.startsWith(QStringLiteral("threatdesk " THREATDESK_VERSION "\n")),
             qPrintable(german.out));
    QVERIFY2(german.out.contains(QStringLiteral("License: ")), qPrintable(german.out));
}

QTEST_GUILESS_MAIN(TestCliGerman)
#include "TestCliGerman.moc"
