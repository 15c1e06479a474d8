#include "gui/GuiApplication.h"

#include "DialogHooks.h"
#include "MainWindow.h"
#include "RiskEventsPage.h"
#include "SandboxServer.h"
#include "common/SystemClock.h"
#include "history/HistoryStore.h"
#include "profiles/ProfileStore.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"
#include "session/OrgSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QScreen>
#include <QTimer>

#include <cstdio>

const QStringList& GuiApplication::guiOnlyOptions() {
    static const QStringList options = {QStringLiteral("--import"), QStringLiteral("--screenshots"),
                                        QStringLiteral("--quit-when-shown")};
    return options;
}

bool GuiApplication::takesValue(const QString& option) {
    return option == QLatin1String("--import") || option == QLatin1String("--screenshots");
}

GuiApplication::GuiApplication() = default;

GuiApplication::~GuiApplication() {
    // The window's pages hold jobs of the session's client, which talks to the sandbox.
    m_window.reset();
    m_session.reset();
    m_sandbox.reset();
}

int GuiApplication::start() {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("ThreatDesk: Okta ThreatInsight and IP risk events."));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"), tr("Open the built-in sandbox org."));
    const QCommandLineOption profile(QStringLiteral("profile"), tr("Open this profile (name or id)."),
                                     tr("name"));
    const QCommandLineOption import(QStringLiteral("import"),
                                    tr("Import this CSV or text file into Risk events."), tr("file"));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                         tr("Save a screenshot of each screen into this folder, then quit."),
                                         tr("folder"));
    const QCommandLineOption quitWhenShown(QStringLiteral("quit-when-shown"),
                                           tr("Quit as soon as the window is shown (start-up benchmark)."));
    parser.addOptions({sandbox, profile, import, screenshots, quitWhenShown});
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "threatdesk: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "threatdesk: %s\n",
                     qPrintable(tr("unexpected argument '%1'; see 'threatdesk --help'.")
                                    .arg(parser.positionalArguments().constFirst())));
        return 2;
    }

    QNetworkProxyFactory::setUseSystemConfiguration(true);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_profiles = std::make_unique<ProfileStore>();
    m_keychain = std::make_unique<KeychainSecretStore>();
    m_history = std::make_unique<HistoryStore>(HistoryStore::defaultBaseDirectory());
    m_hooks = std::make_unique<DialogHooks>();
    m_session = std::make_unique<OrgSession>(m_nam.get(), m_profiles.get(), m_keychain.get());
    m_session->setSandboxStarter([this](QUrl* baseUrl, QString* token, QString* error) {
        return startSandbox(baseUrl, token, error);
    });

    QString profileId;
    if (parser.isSet(sandbox) || parser.isSet(screenshots)) {
        profileId = QString::fromLatin1(OrgProfile::SandboxId);
    } else if (parser.isSet(profile)) {
        const QString wanted = parser.value(profile).trimmed();
        for (const OrgProfile& candidate : m_profiles->profiles()) {
            if (candidate.id == wanted || candidate.displayName.compare(wanted, Qt::CaseInsensitive) == 0) {
                profileId = candidate.id;
                break;
            }
        }
        if (profileId.isEmpty()) {
            std::fprintf(
                stderr, "threatdesk: %s\n",
                qPrintable(tr("no profile named '%1'; see 'threatdesk profiles list'.").arg(wanted)));
            return 2;
        }
    }

    m_window = std::make_unique<MainWindow>(m_session.get(), m_history.get(), m_hooks.get(),
                                            SystemClock::instance(), m_history->runsDirectory());
    m_window->show();
    if (parser.isSet(quitWhenShown)) {
        // Queued behind the first expose and paint of the window. The time goes to stdout so
        // tests/bench/run_gui.sh can measure start → shown without the teardown.
        QTimer::singleShot(0, qApp, [] {
            std::printf("shown-at-us %lld\n",
                        static_cast<long long>(QDateTime::currentMSecsSinceEpoch()) * 1000);
            std::fflush(stdout);
            QCoreApplication::quit();
        });
        return -1;
    }
    m_window->start(profileId);
    if (parser.isSet(import)) {
        m_window->showPage(MainWindow::RiskEvents);
        m_window->riskEventsPage()->importFile(parser.value(import));
    }
    if (parser.isSet(screenshots))
        takeScreenshots(parser.value(screenshots));
    else
        checkKeychain();
    return -1;
}

bool GuiApplication::startSandbox(QUrl* baseUrl, QString* token, QString* error) {
    if (!m_sandbox) {
        auto server = std::make_unique<SandboxServer>();
        if (!server->start(error))
            return false;
        m_sandbox = std::move(server);
    }
    *baseUrl = m_sandbox->baseUrl();
    *token = m_sandbox->token();
    return true;
}

void GuiApplication::checkKeychain() {
    m_keychain->checkAvailable(this, [this](const SecretResult& result) {
        if (result.ok || !m_window)
            return;
        DialogHooks::Question question;
        question.objectName = QStringLiteral("keychainUnavailableDialog");
        question.icon = QMessageBox::Warning;
        question.title = tr("No system keychain");
        question.text = tr("The system keychain cannot be used: %1").arg(result.error);
        question.informativeText =
            tr("ThreatDesk never writes tokens or keys to a file. Keep secrets in memory for this session "
               "only? You will type them again next time. The sandbox org works either way.");
        question.buttons = QMessageBox::Yes | QMessageBox::No;
        question.defaultButton = QMessageBox::Yes;
        m_hooks->ask(m_window.get(), question, [this](QMessageBox::StandardButton button) {
            if (button != QMessageBox::Yes)
                return;
            m_sessionSecrets = std::make_unique<MemorySecretStore>();
            m_session->setSecretStore(m_sessionSecrets.get());
        });
    });
}

void GuiApplication::takeScreenshots(const QString& directory) {
    // A documentation tool, not a user flow: it waits fixed times for the sandbox's answers.
    QDir().mkpath(directory);
    struct Shot {
        MainWindow::Page page;
        const char* file;
    };
    static const Shot shots[] = {{MainWindow::ThreatInsight, "threatinsight.png"},
                                 {MainWindow::RiskEvents, "risk-events.png"},
                                 {MainWindow::History, "history.png"},
                                 {MainWindow::Detections, "detections.png"}};
    int delay = 2500;
    for (const Shot& shot : shots) {
        QTimer::singleShot(delay, this, [this, shot] { m_window->showPage(shot.page); });
        QTimer::singleShot(delay + 800, this, [this, shot, directory] {
            const QString path = QDir(directory).filePath(QLatin1String(shot.file));
            if (!m_window->grab().save(path))
                std::fprintf(stderr, "threatdesk: %s\n", qPrintable(tr("cannot write %1").arg(path)));
            else
                std::fprintf(stdout, "%s\n", qPrintable(path));
        });
        delay += 1600;
    }
    QTimer::singleShot(delay, qApp, &QCoreApplication::quit);
}
