#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A plain-text table with left-aligned, space-padded columns, for terminals and grep alike.
class TextTable {
public:
    explicit TextTable(QStringList headers);

    void addRow(QStringList cells);
    int rowCount() const { return m_rows.size(); }
    // One string per line, header first; trailing spaces are trimmed.
    QStringList render() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};
