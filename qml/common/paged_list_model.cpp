#include "common/paged_list_model.h"

namespace punctum::ui {

int PagedListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : loaded();
}

bool PagedListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !resetting_ && !fetching_ && loaded() < total_;
}

void PagedListModel::fetchMore(const QModelIndex& parent) {
    // Views and testers may ask for more from inside rowsInserted: one fetch at a time.
    if (parent.isValid() || resetting_ || fetching_) {
        return;
    }
    fetching_ = true;
    (void)take_page(true);
    fetching_ = false;
}

void PagedListModel::reload() {
    if (!may_read()) {
        return;
    }
    // The first page is read inside the reset, so views never see a half-filled model.
    beginResetModel();
    clear_rows();
    total_ = count_rows();
    (void)take_page(false);
    // Views react to the reset by asking for more rows; let them ask once it is over.
    resetting_ = true;
    endResetModel();
    resetting_ = false;
    emit totalCountChanged();
}

} // namespace punctum::ui
