#pragma once
// What the inbox did lately, newest first, for the "Recent imports" list: each report
// imported (how many entries, new urgent flags), recognised as already imported, or refused
// with the reason. Kept in memory for the open vault only (it names clients), at most
// `capacity` rows.

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <deque>

namespace punctum::ui {

class RecentImportsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use ExchangeInbox.recent")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    /// One report the inbox handled.
    struct Row {
        QString file;    ///< the report's file name as it arrived
        QString when;    ///< "Tue 3 Dec, 14:05"
        QString outcome; ///< "imported" | "already" | "refused" | "failed"
        QString message; ///< a sentence: what happened, or why it was refused
        QString client;  ///< the client it was merged into; empty when refused
        qint64 session = 0;
        int entries = 0;
        int newUrgent = 0;
    };

    enum Role {
        FileRole = Qt::UserRole + 1,
        WhenRole,
        OutcomeRole,
        OutcomeWordRole, ///< "Imported", "Already imported", "Refused", "Not imported yet"
        MessageRole,
        ClientRole,
        SessionRole,
        EntriesRole,
        NewUrgentRole,
    };
    Q_ENUM(Role)

    static constexpr int capacity = 20;

    explicit RecentImportsModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Puts `row` first, dropping the oldest past `capacity`.
    void prepend(Row row);
    void clear();
    [[nodiscard]] const Row& at(int row) const { return rows_.at(static_cast<std::size_t>(row)); }

signals:
    void countChanged();

private:
    std::deque<Row> rows_;
};

} // namespace punctum::ui
