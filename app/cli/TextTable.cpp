#include "cli/TextTable.h"

#include <algorithm>
#include <utility>

namespace {
constexpr int ColumnGap = 2;
}

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers)) {}

void TextTable::addRow(QStringList cells) {
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

QStringList TextTable::render() const {
    QList<qsizetype> widths;
    for (const QString& header : m_headers)
        widths.append(header.size());
    for (const QStringList& row : m_rows) {
        for (qsizetype column = 0; column < widths.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    }

    const auto format = [&widths](const QStringList& cells) {
        QString text;
        for (qsizetype column = 0; column < widths.size(); ++column) {
            const bool last = column + 1 == widths.size();
            text += last ? cells.at(column) : cells.at(column).leftJustified(widths[column] + ColumnGap);
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        return text;
    };

    QStringList lines;
    lines.append(format(m_headers));
    for (const QStringList& row : m_rows)
        lines.append(format(row));
    return lines;
}
