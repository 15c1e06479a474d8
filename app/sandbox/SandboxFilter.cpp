#include "SandboxFilter.h"

#include <QList>

namespace {

struct Token {
    enum class Kind { Open, Close, String, Word, End };
    Kind kind = Kind::End;
    QString text;
};

bool tokenize(const QString& text, QList<Token>* tokens, QString* error) {
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
            tokens->append({c == QLatin1Char('(') ? Token::Kind::Open : Token::Kind::Close, QString(c)});
            ++i;
        } else if (c == QLatin1Char('"')) {
            QString value;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                const QChar d = text.at(i++);
                if (d == QLatin1Char('\\') && i < text.size()) {
                    value.append(text.at(i++));
                } else if (d == QLatin1Char('"')) {
                    closed = true;
                    break;
                } else {
                    value.append(d);
                }
            }
            if (!closed) {
                *error = QStringLiteral("unterminated string");
                return false;
            }
            tokens->append({Token::Kind::String, value});
        } else {
            const qsizetype start = i;
            while (i < text.size() && !text.at(i).isSpace() && text.at(i) != QLatin1Char('(') &&
                   text.at(i) != QLatin1Char(')') && text.at(i) != QLatin1Char('"'))
                ++i;
            tokens->append({Token::Kind::Word, text.mid(start, i - start)});
        }
    }
    tokens->append({Token::Kind::End, QString()});
    return true;
}

} // namespace

class SandboxFilter::Parser {
public:
    Parser(const QList<Token>& tokens, const QStringList& attributes)
        : m_tokens(tokens)
        , m_attributes(attributes) {}

    std::optional<Node> parseAll(QString* error) {
        std::optional<Node> node = parseOr();
        if (node && peek().kind != Token::Kind::End)
            fail(QStringLiteral("unexpected '%1'").arg(peek().text));
        if (!m_error.isEmpty()) {
            *error = m_error;
            return std::nullopt;
        }
        return node;
    }

private:
    const Token& peek() const { return m_tokens.at(m_position); }
    const Token& next() { return m_tokens.at(m_position < m_tokens.size() - 1 ? m_position++ : m_position); }
    bool isKeyword(const QString& keyword) const {
        return peek().kind == Token::Kind::Word && peek().text.compare(keyword, Qt::CaseInsensitive) == 0;
    }
    void fail(const QString& message) {
        if (m_error.isEmpty())
            m_error = message;
    }

    std::optional<Node> parseOr() {
        std::optional<Node> first = parseAnd();
        if (!first || !isKeyword(QStringLiteral("or")))
            return first;
        Node node;
        node.kind = Node::Kind::Or;
        node.children.push_back(std::move(*first));
        while (isKeyword(QStringLiteral("or"))) {
            next();
            std::optional<Node> more = parseAnd();
            if (!more)
                return std::nullopt;
            node.children.push_back(std::move(*more));
        }
        return node;
    }

    std::optional<Node> parseAnd() {
        std::optional<Node> first = parsePrimary();
        if (!first || !isKeyword(QStringLiteral("and")))
            return first;
        Node node;
        node.kind = Node::Kind::And;
        node.children.push_back(std::move(*first));
        while (isKeyword(QStringLiteral("and"))) {
            next();
            std::optional<Node> more = parsePrimary();
            if (!more)
                return std::nullopt;
            node.children.push_back(std::move(*more));
        }
        return node;
    }

    std::optional<Node> parsePrimary() {
        if (peek().kind == Token::Kind::Open) {
            next();
            std::optional<Node> inner = parseOr();
            if (!inner)
                return std::nullopt;
            if (peek().kind != Token::Kind::Close) {
                fail(QStringLiteral("missing ')'"));
                return std::nullopt;
            }
            next();
            return inner;
        }
        const Token attribute = next();
        if (attribute.kind != Token::Kind::Word) {
            fail(attribute.kind == Token::Kind::End
                     ? QStringLiteral("expression ends too early")
                     : QStringLiteral("expected an attribute, got '%1'").arg(attribute.text));
            return std::nullopt;
        }
        if (!m_attributes.contains(attribute.text)) {
            fail(QStringLiteral("unsupported attribute '%1' (supported: %2)")
                     .arg(attribute.text, m_attributes.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        const Token op = next();
        const QString opName = op.text.toLower();
        if (op.kind != Token::Kind::Word ||
            (opName != QLatin1String("eq") && opName != QLatin1String("sw"))) {
            fail(QStringLiteral("unsupported operator '%1' (supported: eq, sw)").arg(op.text));
            return std::nullopt;
        }
        const Token literal = next();
        Node node;
        node.attribute = attribute.text;
        node.op = opName;
        if (literal.kind == Token::Kind::String) {
            node.value = literal.text;
        } else if (literal.kind == Token::Kind::Word &&
                   (literal.text == QLatin1String("true") || literal.text == QLatin1String("false"))) {
            if (opName == QLatin1String("sw")) {
                fail(QStringLiteral("'sw' needs a quoted string"));
                return std::nullopt;
            }
            node.value = literal.text == QLatin1String("true");
        } else {
            fail(QStringLiteral("expected a quoted string or true/false after '%1 %2'")
                     .arg(attribute.text, op.text));
            return std::nullopt;
        }
        return node;
    }

    const QList<Token>& m_tokens;
    const QStringList& m_attributes;
    qsizetype m_position = 0;
    QString m_error;
};

std::optional<SandboxFilter> SandboxFilter::parse(const QString& text, const QStringList& attributes,
                                                  QString* error) {
    QString message;
    QList<Token> tokens;
    std::optional<Node> root;
    if (tokenize(text, &tokens, &message))
        root = Parser(tokens, attributes).parseAll(&message);
    if (!root) {
        if (error)
            *error = QStringLiteral("unsupported filter expression '%1': %2").arg(text, message);
        return std::nullopt;
    }
    SandboxFilter expression;
    expression.m_root = std::move(*root);
    return expression;
}

bool SandboxFilter::matches(const QJsonObject& object) const {
    return evaluate(m_root, object);
}

bool SandboxFilter::evaluate(const Node& node, const QJsonObject& object) {
    switch (node.kind) {
    case Node::Kind::And:
        for (const Node& child : node.children) {
            if (!evaluate(child, object))
                return false;
        }
        return true;
    case Node::Kind::Or:
        for (const Node& child : node.children) {
            if (evaluate(child, object))
                return true;
        }
        return false;
    case Node::Kind::Compare:
        break;
    }
    QJsonValue actual = object;
    for (const QString& part : node.attribute.split(QLatin1Char('.')))
        actual = actual.toObject().value(part);
    if (node.op == QLatin1String("sw"))
        return actual.isString() && actual.toString().startsWith(node.value.toString());
    return actual == node.value;
}
