#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

// Installs ThreatDesk's translation catalogues (one per layer) and Qt's own for a locale. The
// .qm files live in share/threatdesk/translations beside bin/ (build tree, Linux and Windows
// installs) or in the bundle's Resources/translations (macOS).
class Translations {
public:
    // Loads every catalogue found for the locale's UI languages (LANGUAGE, LC_ALL, LC_MESSAGES,
    // LANG on Unix) and installs it on the application. Returns the files loaded; none for
    // English, which is the source language.
    static QStringList install(QCoreApplication* app, const QLocale& locale = QLocale());
    // The same, looking only in `directories` (tests, whose binaries are not in bin/).
    static QStringList install(QCoreApplication* app, const QLocale& locale, const QStringList& directories);

    // Where the catalogues are looked for, first match wins.
    static QStringList searchPaths();

    // The catalogue base names, e.g. "threatdesk_ui" (then "_de.qm").
    static QStringList catalogues();

    // The locale counts are written in: that of the installed catalogues (German "1.000"), or
    // English ("1,000") when none is installed, whatever the system's number settings.
    static QLocale numberLocale();
};
