#include "common/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

#include <algorithm>

namespace {
// Set once at start-up, before any message is formatted.
QLocale g_numberLocale(QLocale::English);
} // namespace

QLocale Translations::numberLocale() {
    return g_numberLocale;
}

QStringList Translations::catalogues() {
    return {QStringLiteral("threatdesk_models"), QStringLiteral("threatdesk_ui"),
            QStringLiteral("threatdesk_app")};
}

QStringList Translations::searchPaths() {
    const QString bin = QCoreApplication::applicationDirPath();
    return {QDir::cleanPath(bin + QStringLiteral("/../share/threatdesk/translations")),
            QDir::cleanPath(bin + QStringLiteral("/../Resources/translations")),
            QDir::cleanPath(bin + QStringLiteral("/translations"))};
}

QStringList Translations::install(QCoreApplication* app, const QLocale& locale) {
    return install(app, locale, searchPaths());
}

QStringList Translations::install(QCoreApplication* app, const QLocale& locale,
                                  const QStringList& directories) {
    QStringList loaded;
    const auto load = [&](const QString& name, const QStringList& candidates) {
        for (const QString& directory : candidates) {
            // The translator is owned by the application: it must outlive every tr() call.
            auto* translator = new QTranslator(app);
            if (translator->load(locale, name, QStringLiteral("_"), directory)) {
                app->installTranslator(translator);
                loaded.append(translator->filePath());
                return;
            }
            delete translator;
        }
    };
    for (const QString& catalogue : catalogues())
        load(catalogue, directories);
    // Only a real translation changes the number format; English plurals alone keep "1,000".
    const bool translated = std::any_of(loaded.cbegin(), loaded.cend(), [](const QString& file) {
        return !file.endsWith(QLatin1String("_en.qm"));
    });
    g_numberLocale = translated ? QLocale(locale.language(), locale.territory()) : QLocale(QLocale::English);
    g_numberLocale.setNumberOptions(QLocale::DefaultNumberOptions);
    // Qt's own strings (standard buttons, file dialogs), from the Qt installation or a deployed
    // copy next to ours; only worth loading when one of ours matched.
    if (!loaded.isEmpty())
        load(QStringLiteral("qtbase"),
             QStringList{QLibraryInfo::path(QLibraryInfo::TranslationsPath)} + directories);
    return loaded;
}
