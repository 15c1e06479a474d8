// MessageRules: Okta's message rule (<= 512 of [A-Za-z0-9 ._-]) and the explicit clean action.
#include "riskevents/MessageRules.h"

#include <QTest>

class TestMessageRules : public QObject {
    Q_OBJECT
private slots:
    void valid_data();
    void valid();
    void badCharacter_data();
    void badCharacter();
    void tooLong();
    void tooLongAndBadCharacter();
    void clean_data();
    void clean();
};

void TestMessageRules::valid_data() {
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString();
    QTest::newRow("word") << "Scanner";
    QTest::newRow("every allowed kind") << "Az09 ._-";
    QTest::newRow("feed text") << "IPsum listed on 3 blocklists";
    QTest::newRow("spaces at the ends") << "  kept as given  ";
    QTest::newRow("512 characters") << QString(512, u'x');
}

void TestMessageRules::valid() {
    QFETCH(QString, message);
    QVERIFY(MessageRules::isValid(message));
    QVERIFY(MessageRules::check(message).isEmpty());
    QCOMPARE(MessageRules::clean(message), message); // clean leaves valid messages alone
}

void TestMessageRules::badCharacter_data() {
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("reason");
    const QString rule =
        QStringLiteral("message may only contain letters, digits, space, '.', '_' and '-': found ");
    QTest::newRow("comma") << "Brute force, SSH" << rule + "',' at position 12";
    QTest::newRow("quote") << "He said \"hi\""
                           << rule + "'\"' at position 9 (2 characters not allowed in all)";
    QTest::newRow("slash and colon") << "see http://x"
                                     << rule + "':' at position 9 (3 characters not allowed in all)";
    QTest::newRow("tab") << "a\tb" << rule + "U+0009 (tab) at position 2";
    QTest::newRow("line break") << "first\nsecond" << rule + "U+000A (line break) at position 6";
    QTest::newRow("carriage return") << "x\r" << rule + "U+000D (carriage return) at position 2";
    QTest::newRow("NUL") << QString::fromUtf16(u"a\0b", 3) << rule + "U+0000 (NUL) at position 2";
    QTest::newRow("accent") << QStringLiteral("Caf\u00e9")
                            << rule + QStringLiteral("'\u00e9' (U+00E9) at position 4");
    QTest::newRow("emoji, one character")
        << QStringLiteral("ok \U0001F600") << rule + QStringLiteral("'\U0001F600' (U+1F600) at position 4");
    QTest::newRow("invalid UTF-8") << QStringLiteral("x\ufffd")
                                   << rule +
                                          "U+FFFD (invalid UTF-8 or a replacement character) at position 2";
    QTest::newRow("hash") << "#1" << rule + "'#' at position 1";
    QTest::newRow("at") << "a@b" << rule + "'@' at position 2";
    QTest::newRow("control") << QStringLiteral("a\u0007") << rule + "U+0007 at position 2";
}

void TestMessageRules::badCharacter() {
    QFETCH(QString, message);
    QFETCH(QString, reason);
    QVERIFY(!MessageRules::isValid(message));
    const auto violations = MessageRules::check(message);
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first().problem, MessageRules::Problem::BadCharacter);
    QCOMPARE(violations.first().reason, reason);
}

void TestMessageRules::tooLong() {
    const auto violations = MessageRules::check(QString(513, u'x'));
    QCOMPARE(violations.size(), 1);
    QCOMPARE(violations.first().problem, MessageRules::Problem::TooLong);
    QCOMPARE(violations.first().reason, QStringLiteral("message is longer than 512 characters (513)"));
}

// One reason per problem: both rules broken, two violations.
void TestMessageRules::tooLongAndBadCharacter() {
    const auto violations = MessageRules::check(QString(600, u'x') + QLatin1Char(','));
    QCOMPARE(violations.size(), 2);
    QCOMPARE(violations[0].problem, MessageRules::Problem::TooLong);
    QCOMPARE(violations[1].problem, MessageRules::Problem::BadCharacter);
    QVERIFY(violations[1].reason.contains(QStringLiteral("position 601")));
}

void TestMessageRules::clean_data() {
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("cleaned");
    QTest::newRow("comma") << "Brute force, SSH"
                           << "Brute force SSH";
    QTest::newRow("accents folded") << QStringLiteral("Caf\u00e9 \u00c5ngstr\u00f6m") << "Cafe Angstrom";
    QTest::newRow("ligature") << QStringLiteral("\ufb01le") << "file";
    QTest::newRow("url") << "see http://x.y/z"
                         << "see http x.y z";
    QTest::newRow("tab and line break") << "a\tb\r\nc"
                                        << "a b c";
    QTest::newRow("leading and trailing") << ", leading; trailing!"
                                          << "leading trailing";
    QTest::newRow("emoji") << QStringLiteral("\U0001F600 smile") << "smile";
    QTest::newRow("only bad") << "!!!"
                              << "";
    QTest::newRow("cut to 512") << QString(600, u'y') + QLatin1Char('!') << QString(512, u'y');
}

void TestMessageRules::clean() {
    QFETCH(QString, message);
    QFETCH(QString, cleaned);
    const QString result = MessageRules::clean(message);
    QCOMPARE(result, cleaned);
    QVERIFY(MessageRules::isValid(result));
}

QTEST_APPLESS_MAIN(TestMessageRules)
#include "TestMessageRules.moc"
