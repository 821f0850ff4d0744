#pragma once
// The one lazy list model: rows come a page at a time as the view scrolls (canFetchMore /
// fetchMore), and reload() starts again from the first page inside a model reset, so views
// never see a half-filled model. The client list, the flag queue, the audit trail and the
// session review derive from PagedRows<Row> and say only how to count and read a page.

#include "common/session_bound.h"

#include <iterator>
#include <vector>

namespace punctum::ui {

class PagedListModel : public VaultListModel {
    Q_OBJECT
    /// Rows there are in all (not only those loaded).
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)

public:
    [[nodiscard]] int totalCount() const { return total_; }
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

public slots:
    /// Starts again from the first page (after a write, a lock or a new filter).
    void reload() override;

signals:
    void totalCountChanged();

protected:
    explicit PagedListModel(QObject* parent) : VaultListModel(parent) {}
    /// False leaves the rows as they are (a task holds the vault; its end reloads).
    [[nodiscard]] virtual bool may_read() const { return true; }
    /// Called inside the reset, before the first page: how many rows there are in all
    /// (0 when locked or the filter is invalid).
    [[nodiscard]] virtual int count_rows() = 0;

private:
    [[nodiscard]] virtual int loaded() const = 0;
    virtual void clear_rows() = 0;
    /// Appends the page after the loaded rows (announcing the insertion when `announce`);
    /// returns how many rows came.
    virtual int take_page(bool announce) = 0;

    int total_ = 0;
    bool resetting_ = false;
    bool fetching_ = false;
};

template <typename Row> class PagedRows : public PagedListModel {
protected:
    using PagedListModel::PagedListModel;
    /// The page starting at `offset`; empty when locked or past the end.
    [[nodiscard]] virtual std::vector<Row> page_at(int offset) const = 0;
    [[nodiscard]] const Row& row_at(const QModelIndex& index) const {
        return rows_.at(static_cast<std::size_t>(index.row()));
    }
    [[nodiscard]] const std::vector<Row>& rows() const { return rows_; }

private:
    [[nodiscard]] int loaded() const final { return static_cast<int>(rows_.size()); }
    void clear_rows() final { rows_.clear(); }
    int take_page(bool announce) final {
        auto page = page_at(loaded());
        const int count = static_cast<int>(page.size());
        if (count == 0) {
            return 0;
        }
        const int first = loaded();
        if (announce) {
            beginInsertRows({}, first, first + count - 1);
        }
        std::move(page.begin(), page.end(), std::back_inserter(rows_));
        if (announce) {
            endInsertRows();
        }
        return count;
    }

    std::vector<Row> rows_;
};

} // namespace punctum::ui
