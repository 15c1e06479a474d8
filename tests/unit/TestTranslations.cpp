#include "common/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

// The committed .ts catalogues (resources/translations): every text the code marks for
// translation is in them, translated, with the same placeholders, accelerators and framing as the
// English, and the built .qm files say the same.
namespace {

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // "unfinished", "vanished", "obsolete" or empty (finished)
    QStringList translations;

    QString key() const {
        return context + QLatin1Char('|') + source + QLatin1Char('|') + comment +
               (numerus ? QStringLiteral("|n") : QString());
    }
    QString where() const { return QStringLiteral("[%1] \"%2\"").arg(context, source.left(80)); }
};

struct TsCatalogue {
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsCatalogue readTs(const QString& path) {
    TsCatalogue catalogue;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        catalogue.error = file.errorString();
        return catalogue;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            catalogue.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage{};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.translations.append(xml.readElementText());
            } else {
                message.translations.append(xml.readElementText());
            }
            catalogue.messages.append(message);
        }
    }
    if (xml.hasError())
        catalogue.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return catalogue;
}

// %1…%99, %L1 and %n, sorted, so that reordering in a translation is fine.
QStringList placeholders(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    found.sort();
    return found;
}

// Keyboard accelerators: a single '&' before a letter ("&&" is a literal ampersand).
int accelerators(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("(?<!&)&(?!&)\\w"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    int count = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

QString leading(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^\\s*"));
    return pattern.match(text).captured(0);
}

QString trailing(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("[\\s:…]*$"));
    return pattern.match(text).captured(0);
}

int numerusForms(const QString& language) {
    // German and English: singular and plural.
    return language.startsWith(QLatin1String("de")) || language.startsWith(QLatin1String("en")) ? 2 : 0;
}

// threatdesk_<catalogue>_<language>.ts -> the lupdate project of the target it belongs to.
QString projectFor(const QString& tsFileName) {
    static const QRegularExpression pattern(QStringLiteral("^threatdesk_(\\w+)_[a-z]{2}(_[A-Z]{2})?\\.ts$"));
    const QString catalogue = pattern.match(tsFileName).captured(1);
    if (catalogue.isEmpty())
        return {};
    const QString target = catalogue == QLatin1String("app") ? QStringLiteral("threatdesk")
                                                             : QStringLiteral("threatdesk_") + catalogue;
    return QStringLiteral(THREATDESK_LUPDATE_PROJECT_DIR "/") + target + QStringLiteral("_project.json");
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private:
    static QStringList tsFiles() {
        return QDir(QStringLiteral(THREATDESK_TS_DIR))
            .entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
    }
    static void addCatalogueRows() {
        QTest::addColumn<QString>("fileName");
        for (const QString& name : tsFiles())
            QTest::newRow(qPrintable(name)) << name;
    }
    static TsCatalogue load(const QString& fileName) {
        return readTs(QStringLiteral(THREATDESK_TS_DIR "/") + fileName);
    }

private slots:
    void everyLayerHasAGermanCatalogue() {
        const QStringList files = tsFiles();
        for (const char* name : {"threatdesk_models_de.ts", "threatdesk_ui_de.ts", "threatdesk_app_de.ts",
                                 "threatdesk_models_en.ts", "threatdesk_ui_en.ts", "threatdesk_app_en.ts"})
            QVERIFY2(files.contains(QLatin1String(name)), name);
    }

    void everyMessageIsTranslated_data() { addCatalogueRows(); }
    void everyMessageIsTranslated() {
        QFETCH(QString, fileName);
        const TsCatalogue catalogue = load(fileName);
        QVERIFY2(catalogue.error.isEmpty(), qPrintable(catalogue.error));
        QVERIFY2(fileName.contains(QLatin1Char('_') + catalogue.language.left(2) + QLatin1Char('.')) ||
                     fileName.contains(QLatin1Char('_') + catalogue.language + QLatin1Char('.')),
                 qPrintable(
                     QStringLiteral("language \"%1\" does not match the file name").arg(catalogue.language)));
        QVERIFY(!catalogue.messages.isEmpty());
        QStringList problems;
        for (const TsMessage& message : catalogue.messages) {
            if (!message.type.isEmpty())
                problems.append(QStringLiteral("%1: marked %2").arg(message.where(), message.type));
            else if (message.translations.isEmpty() || message.translations.contains(QString()))
                problems.append(QStringLiteral("%1: no translation").arg(message.where()));
            else if (message.numerus && message.translations.size() != numerusForms(catalogue.language))
                problems.append(QStringLiteral("%1: %2 plural forms, %3 expected")
                                    .arg(message.where())
                                    .arg(message.translations.size())
                                    .arg(numerusForms(catalogue.language)));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size()) +
                                                problems.mid(0, 25).join(QLatin1Char('\n'))));
    }

    void translationsKeepPlaceholdersAcceleratorsAndFraming_data() { addCatalogueRows(); }
    void translationsKeepPlaceholdersAcceleratorsAndFraming() {
        QFETCH(QString, fileName);
        const TsCatalogue catalogue = load(fileName);
        QStringList problems;
        for (const TsMessage& message : catalogue.messages) {
            for (const QString& translation : message.translations) {
                if (translation.isEmpty())
                    continue;
                if (placeholders(translation) != placeholders(message.source))
                    problems.append(QStringLiteral("%1: placeholders %2 in \"%3\"")
                                        .arg(message.where(),
                                             placeholders(translation).join(QLatin1Char(',')),
                                             translation.left(80)));
                if (accelerators(translation) != accelerators(message.source))
                    problems.append(QStringLiteral("%1: accelerators differ in \"%2\"")
                                        .arg(message.where(), translation));
                if (leading(translation) != leading(message.source) ||
                    trailing(translation) != trailing(message.source))
                    problems.append(
                        QStringLiteral("%1: leading/trailing spaces, colon or ellipsis differ in \"%2\"")
                            .arg(message.where(), translation.left(80)));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size()) +
                                                problems.mid(0, 25).join(QLatin1Char('\n'))));
    }

    // lupdate run afresh on the code finds exactly the committed messages: nothing a user sees is
    // left out of the catalogue, and nothing stale is kept.
    void catalogueMatchesTheCode_data() { addCatalogueRows(); }
    void catalogueMatchesTheCode() {
        QFETCH(QString, fileName);
        const QString project = projectFor(fileName);
        QVERIFY2(QFile::exists(project), qPrintable(project));
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString extracted = directory.filePath(fileName);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        QStringList arguments{QStringLiteral("-project"),     project,
                              QStringLiteral("-ts"),          extracted,
                              QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                              QStringLiteral("none")};
        // English is the source language: its catalogue holds only the plural forms.
        if (fileName.endsWith(QLatin1String("_en.ts")))
            arguments.append(QStringLiteral("-pluralonly"));
        lupdate.start(QStringLiteral(THREATDESK_LUPDATE), arguments);
        QVERIFY2(lupdate.waitForFinished(60000), qPrintable(lupdate.errorString()));
        const QString output = QString::fromLocal8Bit(lupdate.readAll());
        QCOMPARE(lupdate.exitCode(), 0);
        // A tr() lupdate cannot place would silently stay English.
        QVERIFY2(!output.contains(QLatin1String("without context")), qPrintable(output));

        const TsCatalogue fresh = readTs(extracted);
        const TsCatalogue committed = load(fileName);
        QVERIFY2(fresh.error.isEmpty(), qPrintable(fresh.error));
        QSet<QString> freshKeys;
        for (const TsMessage& message : fresh.messages)
            freshKeys.insert(message.key());
        QSet<QString> committedKeys;
        for (const TsMessage& message : committed.messages)
            committedKeys.insert(message.key());
        QStringList missing = QSet<QString>(freshKeys).subtract(committedKeys).values();
        QStringList stale = QSet<QString>(committedKeys).subtract(freshKeys).values();
        missing.sort();
        stale.sort();
        QVERIFY2(missing.isEmpty() && stale.isEmpty(),
                 qPrintable(QStringLiteral("Run the update_translations target and translate. %1 missing, %2 "
                                           "stale.\nMissing: %3\nStale: %4")
                                .arg(missing.size())
                                .arg(stale.size())
                                .arg(missing.mid(0, 15).join(QStringLiteral("\n  ")),
                                     stale.mid(0, 15).join(QStringLiteral("\n  ")))));
    }

    // What the app does at start: the catalogues of the UI language are found and installed, so
    // translate() answers in German; and an English locale gets only the plural forms.
    void installLoadsTheCataloguesOfTheLocale() {
        const QStringList directories{QStringLiteral(THREATDESK_QM_DIR)};
        QStringList loaded =
            Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany), directories);
        for (const QString& catalogue : Translations::catalogues())
            QVERIFY2(
                loaded.contains(QStringLiteral(THREATDESK_QM_DIR "/") + catalogue + QStringLiteral("_de.qm")),
                qPrintable(loaded.join(QLatin1Char(','))));
        const TsCatalogue german = load(QStringLiteral("threatdesk_ui_de.ts"));
        const auto message =
            std::find_if(german.messages.cbegin(), german.messages.cend(), [](const TsMessage& m) {
                return !m.numerus && m.type.isEmpty() && m.comment.isEmpty() &&
                       !m.translations.value(0).isEmpty();
            });
        QVERIFY(message != german.messages.cend());
        QCOMPARE(QCoreApplication::translate(qPrintable(message->context), qPrintable(message->source)),
                 message->translations.constFirst());
        const auto removeAll = [] {
            for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
                QCoreApplication::removeTranslator(translator);
                delete translator;
            }
        };
        removeAll();
        QCOMPARE(QCoreApplication::translate(qPrintable(message->context), qPrintable(message->source)),
                 message->source);

        loaded = Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates), directories);
        QVERIFY2(loaded.contains(QStringLiteral(THREATDESK_QM_DIR "/threatdesk_ui_en.qm")),
                 qPrintable(loaded.join(QLatin1Char(','))));
        QCOMPARE(QCoreApplication::translate("RiskEventsPage", "Exported %Ln row(s) to %1.", nullptr, 1),
                 QStringLiteral("Exported 1 row to %1."));
        QCOMPARE(QCoreApplication::translate("RiskEventsPage", "Exported %Ln row(s) to %1.", nullptr, 3),
                 QStringLiteral("Exported 3 rows to %1."));
        removeAll();
        QVERIFY(Translations::install(qApp, QLocale(QLocale::Swahili), directories).isEmpty());
    }

    // The .qm the app loads gives the catalogue's text for every message.
    void builtCatalogueMatchesTheSource_data() { addCatalogueRows(); }
    void builtCatalogueMatchesTheSource() {
        QFETCH(QString, fileName);
        const TsCatalogue catalogue = load(fileName);
        QTranslator translator;
        const QString qm = QStringLiteral(THREATDESK_QM_DIR "/") + QFileInfo(fileName).completeBaseName() +
                           QStringLiteral(".qm");
        QVERIFY2(translator.load(qm), qPrintable(qm));
        int checked = 0;
        for (const TsMessage& message : catalogue.messages) {
            if (!message.type.isEmpty() || message.translations.isEmpty())
                continue;
            const QByteArray context = message.context.toUtf8();
            const QByteArray source = message.source.toUtf8();
            const QByteArray comment = message.comment.toUtf8();
            const char* disambiguation = message.comment.isEmpty() ? nullptr : comment.constData();
            if (message.numerus) {
                QCOMPARE(translator.translate(context.constData(), source.constData(), disambiguation, 1),
                         message.translations.constFirst());
                QCOMPARE(translator.translate(context.constData(), source.constData(), disambiguation, 5),
                         message.translations.constLast());
            } else {
                QCOMPARE(translator.translate(context.constData(), source.constData(), disambiguation),
                         message.translations.constFirst());
            }
            ++checked;
        }
        QVERIFY(checked > 0);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
