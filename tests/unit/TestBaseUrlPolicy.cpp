// BaseUrlPolicy: which org URLs may receive our Authorization header.
#include "api/BaseUrlPolicy.h"

#include <QTest>

class TestBaseUrlPolicy : public QObject {
    Q_OBJECT
private slots:
    void accepted_data();
    void accepted();
    void plainHttpToARealHostIsRefused_data();
    void plainHttpToARealHostIsRefused();
    void refused_data();
    void refused();
    void refusalNeverEchoesCredentials_data();
    void refusalNeverEchoesCredentials();
    void nullErrorPointerIsAllowed();
    void loopbackHosts_data();
    void loopbackHosts();
    void sameOrigin_data();
    void sameOrigin();
};

void TestBaseUrlPolicy::accepted_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("bare host") << "acme.okta.com"
                               << "https://acme.okta.com";
    QTest::newRow("https") << "https://acme.okta.com"
                           << "https://acme.okta.com";
    QTest::newRow("https trailing slash") << "https://acme.okta.com/"
                                          << "https://acme.okta.com";
    QTest::newRow("bare host trailing slash") << "acme.oktapreview.com/"
                                              << "https://acme.oktapreview.com";
    QTest::newRow("emea") << "acme.okta-emea.com"
                          << "https://acme.okta-emea.com";
    QTest::newRow("custom domain with port") << "https://login.example.org:8443"
                                             << "https://login.example.org:8443";
    QTest::newRow("explicit default https port") << "https://acme.okta.com:443"
                                                 << "https://acme.okta.com";
    QTest::newRow("explicit default http port on loopback") << "http://127.0.0.1:80/"
                                                            << "http://127.0.0.1";
    QTest::newRow("upper case host") << "https://ACME.Okta.com/"
                                     << "https://acme.okta.com";
    QTest::newRow("loopback v4") << "http://127.0.0.1:8080"
                                 << "http://127.0.0.1:8080";
    QTest::newRow("loopback v4 slash") << "http://127.0.0.1:8080/"
                                       << "http://127.0.0.1:8080";
    QTest::newRow("loopback v4 other") << "http://127.45.6.7:9000"
                                       << "http://127.45.6.7:9000";
    QTest::newRow("loopback v6") << "http://[::1]:9000"
                                 << "http://[::1]:9000";
    QTest::newRow("localhost") << "http://localhost:1234"
                               << "http://localhost:1234";
    QTest::newRow("https loopback") << "https://127.0.0.1:8443"
                                    << "https://127.0.0.1:8443";
}

void TestBaseUrlPolicy::accepted() {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QString error = QStringLiteral("untouched");
    const QUrl url = BaseUrlPolicy::normalize(input, &error);
    QVERIFY2(url.isValid() && !url.isEmpty(), qPrintable(error));
    QCOMPARE(url.toString(), expected);
    QVERIFY(url.path().isEmpty());
    QVERIFY(!url.hasQuery());
    QVERIFY(!url.hasFragment());
    QVERIFY(url.userInfo().isEmpty());
}

void TestBaseUrlPolicy::plainHttpToARealHostIsRefused_data() {
    QTest::addColumn<QString>("input");
    QTest::newRow("example.com") << "http://example.com";
    QTest::newRow("okta org") << "http://acme.okta.com/";
    QTest::newRow("private address") << "http://10.0.0.1:8080";
    QTest::newRow("128.0.0.1") << "http://128.0.0.1";
    QTest::newRow("any address") << "http://0.0.0.0:8080";
    QTest::newRow("name that starts like loopback") << "http://127.0.0.1.nip.io";
    QTest::newRow("localhost subdomain") << "http://localhost.evil.example";
    QTest::newRow("localhost prefix") << "http://localhostx";
}

void TestBaseUrlPolicy::plainHttpToARealHostIsRefused() {
    QFETCH(QString, input);
    QString error;
    const QUrl url = BaseUrlPolicy::normalize(input, &error);
    QVERIFY2(url.isEmpty(), qPrintable(url.toString()));
    QVERIFY2(error.contains(QLatin1String("https"), Qt::CaseInsensitive), qPrintable(error));
}

void TestBaseUrlPolicy::refused_data() {
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   ";
    QTest::newRow("ftp") << "ftp://acme.okta.com";
    QTest::newRow("file") << "file:///etc/passwd";
    QTest::newRow("ws") << "ws://127.0.0.1:8080";
    QTest::newRow("javascript") << "javascript:alert(1)";
    QTest::newRow("user info") << "https://user:secret@acme.okta.com";
    QTest::newRow("user only") << "https://user@acme.okta.com";
    QTest::newRow("query") << "https://acme.okta.com/?x=1";
    QTest::newRow("query without slash") << "https://acme.okta.com?x=1";
    QTest::newRow("fragment") << "https://acme.okta.com/#top";
    QTest::newRow("path") << "https://acme.okta.com/api/v1";
    QTest::newRow("admin path") << "acme-admin.okta.com/admin/dashboard";
    QTest::newRow("scheme only") << "https://";
    QTest::newRow("loopback with path") << "http://127.0.0.1:8080/api";
}

void TestBaseUrlPolicy::refused() {
    QFETCH(QString, input);
    QString error;
    const QUrl url = BaseUrlPolicy::normalize(input, &error);
    QVERIFY2(url.isEmpty(), qPrintable(url.toString()));
    QVERIFY2(!error.isEmpty(), "a refusal must say why");
    // The reason never echoes a password from the user info.
    QVERIFY(!error.contains(QLatin1String("secret")));
}

void TestBaseUrlPolicy::refusalNeverEchoesCredentials_data() {
    // Whatever the reason for refusing, the message (shown and logged) must not carry the
    // password a user pasted into the URL.
    QTest::addColumn<QString>("input");
    QTest::newRow("https user info") << "https://admin:s3cretPassw0rd@acme.okta.com";
    QTest::newRow("https user info with path") << "https://admin:s3cretPassw0rd@acme.okta.com/api/v1";
    QTest::newRow("plain http user info") << "http://admin:s3cretPassw0rd@example.com";
    QTest::newRow("ftp user info") << "ftp://admin:s3cretPassw0rd@acme.okta.com";
    QTest::newRow("invalid host with user info") << "https://admin:s3cretPassw0rd@acme okta.com";
}

void TestBaseUrlPolicy::refusalNeverEchoesCredentials() {
    QFETCH(QString, input);
    QString error;
    QVERIFY(BaseUrlPolicy::normalize(input, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY2(!error.contains(QLatin1String("s3cretPassw0rd")), qPrintable(error));
}

void TestBaseUrlPolicy::nullErrorPointerIsAllowed() {
    QVERIFY(BaseUrlPolicy::normalize(QStringLiteral("http://example.com"), nullptr).isEmpty());
    QCOMPARE(BaseUrlPolicy::normalize(QStringLiteral("acme.okta.com"), nullptr),
             QUrl(QStringLiteral("https://acme.okta.com")));
}

void TestBaseUrlPolicy::loopbackHosts_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
    QTest::newRow("127.255.255.254") << "127.255.255.254" << true;
    QTest::newRow("::1") << "::1" << true;
    QTest::newRow("localhost") << "localhost" << true;
    QTest::newRow("LOCALHOST") << "LOCALHOST" << true;
    QTest::newRow("128.0.0.1") << "128.0.0.1" << false;
    QTest::newRow("0.0.0.0") << "0.0.0.0" << false;
    QTest::newRow("::") << "::" << false;
    QTest::newRow("10.0.0.1") << "10.0.0.1" << false;
    QTest::newRow("example.com") << "example.com" << false;
    QTest::newRow("127.0.0.1.nip.io") << "127.0.0.1.nip.io" << false;
    QTest::newRow("localhost.example") << "localhost.example" << false;
    QTest::newRow("empty") << "" << false;
}

void TestBaseUrlPolicy::loopbackHosts() {
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(BaseUrlPolicy::isLoopbackHost(host), loopback);
}

void TestBaseUrlPolicy::sameOrigin_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("base");
    QTest::addColumn<bool>("same");

    QTest::newRow("same with path") << "https://acme.okta.com/api/v1/zones?after=x"
                                    << "https://acme.okta.com" << true;
    QTest::newRow("explicit 443") << "https://acme.okta.com:443/api/v1/zones"
                                  << "https://acme.okta.com" << true;
    QTest::newRow("explicit 443 on base") << "https://acme.okta.com/api/v1/zones"
                                          << "https://acme.okta.com:443" << true;
    QTest::newRow("explicit 80") << "http://127.0.0.1:80/api/v1/zones"
                                 << "http://127.0.0.1" << true;
    QTest::newRow("loopback same port") << "http://127.0.0.1:8080/api/v1/zones?after=x"
                                        << "http://127.0.0.1:8080" << true;
    QTest::newRow("host case") << "https://ACME.okta.com/x"
                               << "https://acme.okta.com" << true;
    QTest::newRow("other port") << "https://acme.okta.com:8443/api"
                                << "https://acme.okta.com" << false;
    QTest::newRow("loopback other port") << "http://127.0.0.1:8081/api"
                                         << "http://127.0.0.1:8080" << false;
    QTest::newRow("scheme downgrade") << "http://acme.okta.com/api"
                                      << "https://acme.okta.com" << false;
    QTest::newRow("other host") << "https://evil.example/api"
                                << "https://acme.okta.com" << false;
    QTest::newRow("subdomain") << "https://x.acme.okta.com/api"
                               << "https://acme.okta.com" << false;
    QTest::newRow("suffix host") << "https://acme.okta.com.evil.example/api"
                                 << "https://acme.okta.com" << false;
    QTest::newRow("loopback scheme downgrade") << "http://127.0.0.1:8443/api"
                                               << "https://127.0.0.1:8443" << false;
    QTest::newRow("loopback by another name") << "https://localhost:8443/api"
                                              << "https://127.0.0.1:8443" << false;
    QTest::newRow("relative") << "/api/v1/zones"
                              << "https://acme.okta.com" << false;
}

void TestBaseUrlPolicy::sameOrigin() {
    QFETCH(QString, url);
    QFETCH(QString, base);
    QFETCH(bool, same);
    QCOMPARE(BaseUrlPolicy::isSameOrigin(QUrl(url), QUrl(base)), same);
}

QTEST_GUILESS_MAIN(TestBaseUrlPolicy)
#include "TestBaseUrlPolicy.moc"
