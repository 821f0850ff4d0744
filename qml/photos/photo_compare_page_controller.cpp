#include "photos/photo_compare_page_controller.h"

#include "common/display_text.h"
#include "common/treatment_record_words.h"
#include "common/vault_session.h"
#include "photos/photo_image_cache.h"
#include "photos/photo_image_provider.h"
#include "photos/photo_words.h"

#include "punctum/core/photo/alignment.h"
#include "punctum/core/photo/photo_import.h"
#include "punctum/core/photo/warp.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <cstdint>
#include <vector>

namespace punctum::ui {

namespace {

// What the worker needs, copied out of the vault on the GUI thread.
struct Job {
    std::vector<std::uint8_t> before, after;
    int before_orientation = 1, after_orientation = 1;
    int before_width = 0, before_height = 0;
};

QString trimmed_note(const std::string& note) {
    QString text = QString::fromStdString(note).trimmed();
    while (text.endsWith(QLatin1Char('.'))) {
        text.chop(1);
    }
    return text;
}

PhotoComparePageController::Outcome align_and_warp(const Job& job, const core::Progress& progress) {
    PhotoComparePageController::Outcome out;
    auto alignment = core::photo::align_photos(job.before, job.before_orientation, job.after,
                                               job.after_orientation);
    if (!core::report(progress, 1, 2)) {
        return out; // the page is closing
    }
    if (!alignment) {
        out.text = QCoreApplication::translate("PhotoComparePageController",
                                               "Could not align these photos: %1. Shown unaligned.")
                       .arg(trimmed_note(alignment.error().message));
        return out;
    }
    if (!alignment->aligned) {
        out.text = QCoreApplication::translate("PhotoComparePageController",
                                               "Could not align these photos: %1. Shown unaligned.")
                       .arg(trimmed_note(alignment->note));
        return out;
    }
    // The slider shows the before preview; the warped after photo is drawn at that size.
    auto warped =
        core::photo::warp_to_before(job.after, job.after_orientation, *alignment, job.before_width,
                                    job.before_height, core::photo::preview_long_side);
    if (!warped) {
        out.text = QCoreApplication::translate("PhotoComparePageController",
                                               "Could not align these photos: %1. Shown unaligned.")
                       .arg(trimmed_note(warped.error().message));
        return out;
    }
    out.aligned = true;
    out.quality = alignment->quality;
    out.text =
        QCoreApplication::translate("PhotoComparePageController", "Aligned, match quality %1")
            .arg(alignment->quality, 0, 'f', 2);
    out.warped = PhotoImageProvider::to_qimage(*warped);
    return out;
}

} // namespace

PhotoComparePageController::PhotoComparePageController(QObject* parent) : SessionObject(parent) {}

// aligning_ (a LongTask) cancels a running alignment and waits for its worker, which stops
// before warping: leaving the page waits at most for one alignment step.
PhotoComparePageController::~PhotoComparePageController() = default;

int PhotoComparePageController::index_of(qint64 id) const {
    for (int i = 0; i < photos_.size(); ++i) {
        if (photos_[i].toMap().value(QStringLiteral("photoId")).toLongLong() == id) {
            return i;
        }
    }
    return -1;
}

void PhotoComparePageController::setSessionId(qint64 id) {
    if (id == session_id_) {
        return;
    }
    session_id_ = id;
    photos_.clear();
    views_.clear();
    before_id_ = after_id_ = 0;
    auto* session = vaultSession();
    if (session != nullptr && session->vault() != nullptr && id > 0) {
        if (auto list = session->vault()->photos().of_session(core::SessionId{id})) {
            std::vector<core::PhotoView> views;
            for (const auto& p : *list) {
                QString where = p.area.empty()
                                    ? QString()
                                    : QStringLiteral(", ") + QString::fromStdString(p.area);
                if (p.view != core::PhotoView::unspecified) {
                    where += QStringLiteral(", ") + view_label(p.view);
                }
                photos_ << QVariantMap{
                    {QStringLiteral("photoId"), QVariant::fromValue(p.id)},
                    {QStringLiteral("label"),
                     tr("Day %1, %2%3").arg(p.day).arg(list_date(p.taken_on, today()), where)},
                    {QStringLiteral("view"), QString::fromUtf8(core::to_string(p.view).data())}};
                views_.emplace_back(p.id, p.view);
                views.push_back(p.view);
            }
            // Default: the earliest and the latest photo of one view, the widest view of
            // the recovery that compares like with like.
            if (const auto pair = core::default_compare_pair(views)) {
                before_id_ = list->at(pair->first).id;
                after_id_ = list->at(pair->second).id;
            } else if (!list->empty()) {
                before_id_ = after_id_ = list->front().id;
            }
        }
    }
    emit sessionIdChanged();
    pairUpdated();
}

void PhotoComparePageController::setBeforeId(qint64 id) {
    if (id != before_id_) {
        before_id_ = id;
        pairUpdated();
    }
}

void PhotoComparePageController::setAfterId(qint64 id) {
    if (id != after_id_) {
        after_id_ = id;
        pairUpdated();
    }
}

QVariantMap PhotoComparePageController::describe(qint64 id) {
    auto* session = vaultSession();
    if (session == nullptr || session->vault() == nullptr || id <= 0) {
        return {};
    }
    auto& photos = session->vault()->photos();
    auto info = photos.get(id);
    if (!info) {
        return {};
    }
    QString label = tr("Day %1, %2").arg(info->day).arg(list_date(info->taken_on, today()));
    if (info->view != core::PhotoView::unspecified) {
        label += QStringLiteral(", ") + view_label(info->view);
    }
    return {{QStringLiteral("photoId"), QVariant::fromValue(id)},
            {QStringLiteral("day"), info->day},
            {QStringLiteral("label"), label},
            {QStringLiteral("redness"), redness_sentence(latest_analysis(photos, id))},
            {QStringLiteral("source"), QStringLiteral("image://vaultphoto/%1/preview").arg(id)}};
}

core::PhotoView PhotoComparePageController::view_of(qint64 id) const {
    for (const auto& [photo, view] : views_) {
        if (photo == id) {
            return view;
        }
    }
    return core::PhotoView::unspecified;
}

QString PhotoComparePageController::viewNote() const {
    const auto before = view_of(before_id_);
    const auto after = view_of(after_id_);
    if (!core::views_differ(before, after)) {
        return {};
    }
    return tr("These photos show different views (%1 and %2): redness and texture read "
              "differently from another angle. Compare photos of the same view.")
        .arg(view_label(before), view_label(after));
}

void PhotoComparePageController::matchView() {
    if (match_id_ > 0) {
        setAfterId(match_id_);
    }
}

void PhotoComparePageController::pairUpdated() {
    // The latest other photo of the before photo's view, offered when the pair differs.
    match_id_ = 0;
    const auto before = view_of(before_id_);
    if (core::views_differ(before, view_of(after_id_))) {
        for (const auto& [photo, view] : views_) {
            if (photo != before_id_ && view == before) {
                match_id_ = photo;
            }
        }
    }
    before_ = describe(before_id_);
    after_ = describe(after_id_);
    emit pairChanged();
    startAlignment();
}

void PhotoComparePageController::startAlignment() {
    aligned_ = false;
    quality_ = 0;
    aligned_source_.clear();
    quality_text_.clear();
    auto* session = vaultSession();
    if (before_.isEmpty() || after_.isEmpty() || session == nullptr ||
        session->vault() == nullptr) {
        busy_ = false;
        emit alignmentChanged();
        return;
    }
    if (before_id_ == after_id_) {
        busy_ = false;
        quality_text_ = tr("The same photo on both sides: choose two different photos.");
        aligned_source_ = after_.value(QStringLiteral("source")).toString();
        emit alignmentChanged();
        return;
    }
    auto& photos = session->vault()->photos();
    auto before_info = photos.get(before_id_);
    auto after_info = photos.get(after_id_);
    auto before_bytes = photos.picture(before_id_, storage::PhotoSize::original);
    auto after_bytes = photos.picture(after_id_, storage::PhotoSize::original);
    if (!before_info || !after_info || !before_bytes || !after_bytes) {
        busy_ = false;
        quality_text_ = tr("Could not read these photos from the vault. Shown unaligned.");
        aligned_source_ = after_.value(QStringLiteral("source")).toString();
        emit alignmentChanged();
        return;
    }
    Job job{std::move(*before_bytes), std::move(*after_bytes), before_info->orientation,
            after_info->orientation,  before_info->width,      before_info->height};
    busy_ = true;
    emit alignmentChanged();
    if (aligning_.running()) {
        realign_ = true; // the pair changed while aligning: start again once that ends
        return;
    }
    QPointer<PhotoComparePageController> self(this);
    aligning_.start(tr("Aligning the photos"),
                    [self, job = std::move(job)](const core::Progress& progress) {
                        auto out = std::make_shared<Outcome>(align_and_warp(job, progress));
                        return std::function<void()>([self, out] {
                            if (self) {
                                self->finished(*out);
                            }
                        });
                    });
}

void PhotoComparePageController::finished(const Outcome& out) {
    if (realign_) {
        realign_ = false;
        startAlignment();
        return;
    }
    busy_ = false;
    aligned_ = out.aligned;
    quality_ = out.quality;
    quality_text_ = out.text;
    if (out.aligned && !out.warped.isNull()) {
        const QString key = QStringLiteral("aligned/%1/%2").arg(before_id_).arg(after_id_);
        PhotoImageCache::put(key, out.warped);
        aligned_source_ = QStringLiteral("image://vaultphoto/") + key;
    } else {
        aligned_source_ = after_.value(QStringLiteral("source")).toString();
    }
    emit alignmentChanged();
}

bool PhotoComparePageController::waitUntilIdle(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (busy_ && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return !busy_;
}

} // namespace punctum::ui
