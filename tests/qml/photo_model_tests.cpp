// The photo adapters over a real demo vault with analysed photos: the gallery under
// QAbstractItemModelTester, the image provider's sizes, the compare pair aligned and warped
// to the before photo's size, the viewer's words and regions and a new measurement, the
// chart's photo axis, and photos saved with an entry (and a bad file refused before Save).

#include "common/vault_session.h"
#include "photos/photo_compare_page_controller.h"
#include "photos/photo_gallery_model.h"
#include "photos/photo_image_provider.h"
#include "photos/photo_viewer_page_controller.h"
#include "recovery/log_recovery_page_controller.h"
#include "recovery/recovery_chart_data.h"
#include "session_fixture.h"

#include "app/photo_tour.h"

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/core/photo/synthetic_photo.h"
#include "punctum/storage/demo_writer.h"
#include "punctum/storage/vault.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>
#include <cmath>

using namespace punctum;

class PhotoModelTests : public QObject {
    Q_OBJECT

private:
    test::SessionFixture f_;
    qint64 session_id_ = 0;

    static constexpr const char* passphrase = "photo model tests passphrase";

    storage::Vault& vault() { return *f_.session->vault(); }

private slots:
    void initTestCase() {
        f_.open(passphrase, [&](storage::Vault& v) {
            const auto today = core::date_of(f_.clock.now());
            for (int i = 0; i < 3; ++i) {
                storage::DemoPhotos photos;
                photos.enabled = i == 1;
                QVERIFY(storage::add_demo_client(v, core::demo_client(5, i, today), photos));
            }
        });
        QVERIFY(!QTest::currentTestFailed());
        session_id_ = ui::session_with_photos(vault());
        QVERIFY(session_id_ > 0);
    }

    void cleanupTestCase() { f_.close(); }

    void galleryListsTheSessionsPhotosWithTheirRedness() {
        ui::PhotoGalleryModel model;
        model.setVaultSession(f_.session.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setSessionId(session_id_);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.count(), 3);
        int last_day = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            const auto i = model.index(r);
            const int day = model.data(i, ui::PhotoGalleryModel::DayRole).toInt();
            QVERIFY(day >= last_day);
            last_day = day;
            QVERIFY(model.data(i, ui::PhotoGalleryModel::AnalysedRole).toBool());
            const double delta = model.data(i, ui::PhotoGalleryModel::DeltaAStarRole).toDouble();
            QVERIFY(std::isfinite(delta));
            QVERIFY(model.data(i, ui::PhotoGalleryModel::CalibratedRole).toBool());
            QVERIFY(model.data(i, ui::PhotoGalleryModel::RednessRole)
                        .toString()
                        .startsWith(QStringLiteral("Redness ")));
            QCOMPARE(model.data(i, ui::PhotoGalleryModel::ThumbnailRole).toString(),
                     QStringLiteral("image://vaultphoto/%1/thumbnail")
                         .arg(model.data(i, ui::PhotoGalleryModel::PhotoIdRole).toLongLong()));
        }
        // The demo's redness settles: the first day's photo is redder than the last's.
        QVERIFY(model.data(model.index(0), ui::PhotoGalleryModel::DeltaAStarRole).toDouble() >
                model.data(model.index(2), ui::PhotoGalleryModel::DeltaAStarRole).toDouble());
        // Another client's session without photos: an empty gallery, no error.
        model.setSessionId(session_id_ + 100000);
        QCOMPARE(model.rowCount(), 0);
    }

    void providerServesStoredPicturesInMemory() {
        const qint64 id = ui::first_photo(vault(), session_id_);
        auto info = vault().photos().get(id);
        QVERIFY(info);
        QCOMPARE(info->width, 1200); // the demo's synthetic photos
        const QImage thumb =
            ui::PhotoImageProvider::image(f_.session.get(), QStringLiteral("%1/thumbnail").arg(id));
        QCOMPARE(thumb.size(), QSize(256, 192));
        const QImage preview =
            ui::PhotoImageProvider::image(f_.session.get(), QStringLiteral("%1/preview").arg(id));
        QCOMPARE(preview.size(), QSize(info->width, info->height));
        // Scaled to fit a requested size, aspect kept.
        QCOMPARE(ui::PhotoImageProvider::image(
                     f_.session.get(), QStringLiteral("%1/preview").arg(id), QSize(300, 300))
                     .size(),
                 QSize(300, 225));
        // Originals never go to the screen; unknown photos give nothing.
        QVERIFY(
            ui::PhotoImageProvider::image(f_.session.get(), QStringLiteral("%1/original").arg(id))
                .isNull());
        QVERIFY(ui::PhotoImageProvider::image(f_.session.get(), QStringLiteral("999999/preview"))
                    .isNull());
        QVERIFY(
            ui::PhotoImageProvider::image(f_.session.get(), QStringLiteral("nonsense")).isNull());
    }

    void compareAlignsAndWarpsIntoTheBeforeFrame() {
        ui::PhotoComparePageController pair;
        pair.setVaultSession(f_.session.get());
        pair.setSessionId(session_id_);
        QCOMPARE(pair.photos().size(), 3);
        // Default: the earliest and the latest.
        QCOMPARE(pair.beforeIndex(), 0);
        QCOMPARE(pair.afterIndex(), 2);
        QVERIFY(pair.busy());
        QVERIFY(pair.waitUntilIdle(60000));
        QVERIFY2(pair.aligned(), qPrintable(pair.qualityText()));
        QVERIFY(pair.quality() > 0.6);
        QVERIFY(pair.qualityText().startsWith(QStringLiteral("Aligned, match quality 0.")));
        QCOMPARE(pair.alignedSource(), QStringLiteral("image://vaultphoto/aligned/%1/%2")
                                           .arg(pair.beforeId())
                                           .arg(pair.afterId()));
        const QImage before = ui::PhotoImageProvider::image(
            f_.session.get(), QStringLiteral("%1/preview").arg(pair.beforeId()));
        const QImage warped = ui::PhotoImageProvider::image(
            f_.session.get(),
            pair.alignedSource().mid(QStringLiteral("image://vaultphoto/").size()));
        QVERIFY(!warped.isNull());
        QCOMPARE(warped.size(), before.size());
        QCOMPARE(pair.before().value(QStringLiteral("day")).toInt(),
                 vault().photos().get(pair.beforeId())->day);
        QVERIFY(pair.after()
                    .value(QStringLiteral("redness"))
                    .toString()
                    .startsWith(QStringLiteral("Redness difference: ")));

        // The same photo twice is not an alignment.
        pair.setAfterId(pair.beforeId());
        QVERIFY(pair.waitUntilIdle(1000));
        QVERIFY(!pair.aligned());
        QVERIFY(!pair.qualityText().isEmpty());
    }

    void viewerShowsTheAnalysisAndMeasuresAgain() {
        const qint64 id = ui::first_photo(vault(), session_id_);
        ui::PhotoViewerPageController photo;
        photo.setVaultSession(f_.session.get());
        photo.setPhotoId(id);
        QVERIFY(photo.found());
        QVERIFY(photo.analysed());
        QVERIFY2(photo.rednessText().startsWith(QStringLiteral("Redness difference: ")),
                 qPrintable(photo.rednessText()));
        QVERIFY(photo.rednessText().endsWith(QStringLiteral("calibrated with colour chart")));
        QCOMPARE(photo.treatedPolygon().size(), 4);
        QCOMPARE(photo.referencePolygon().size(), 4);
        const auto corner = photo.treatedPolygon().front().toMap();
        QVERIFY(corner.value(QStringLiteral("x")).toDouble() > 0.0);
        QVERIFY(corner.value(QStringLiteral("x")).toDouble() < 1.0);

        const auto before = vault().photos().analyses(id);
        QVERIFY(before);
        QVERIFY(photo.measure(photo.suggestedTreated(), photo.suggestedReference()));
        QVERIFY(photo.error().isEmpty());
        QCOMPARE(vault().photos().analyses(id)->size(), before->size() + 1);
        // Too small to measure: refused in words, nothing stored.
        QVERIFY(!photo.measure(QRectF(0.1, 0.1, 0.001, 0.001), photo.suggestedReference()));
        QVERIFY(!photo.error().isEmpty());
        QCOMPARE(vault().photos().analyses(id)->size(), before->size() + 1);
    }

    void chartCarriesPhotoRednessOnItsOwnAxis() {
        ui::RecoveryChartData chart;
        chart.setVaultSession(f_.session.get());
        chart.setSessionId(session_id_);
        const auto points = chart.photoPoints();
        QCOMPARE(points.size(), 3);
        for (const auto& p : points) {
            const auto m = p.toMap();
            const double value = m.value(QStringLiteral("deltaAStar")).toDouble();
            QVERIFY(value >= chart.photoAxisMin());
            QVERIFY(value <= chart.photoAxisMax());
            QVERIFY(m.value(QStringLiteral("calibrated")).toBool());
            QVERIFY(
                m.value(QStringLiteral("words")).toString().contains(QStringLiteral("delta a*")));
        }
        // Whole steps of 5 around 0, at least 0..10.
        QVERIFY(chart.photoAxisMin() <= 0.0);
        QCOMPARE(std::fmod(chart.photoAxisMin(), 5.0), 0.0);
        QVERIFY(chart.photoAxisMax() >= 10.0);
    }

    void manyPhotosAreCheckedAsALongTaskThatCanBeCancelled() {
        // Three files on disk, as a file dialog or a drop hands them over.
        core::photo::SyntheticPhotoSpec spec;
        spec.width = 640;
        spec.height = 480;
        const auto jpeg = core::photo::synthetic_skin_photo(spec);
        QList<QUrl> urls;
        for (const char* name : {"a.jpg", "b.jpg", "c.jpg"}) {
            QFile out(f_.dir.filePath(name));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(reinterpret_cast<const char*>(jpeg.data()), static_cast<qint64>(jpeg.size()));
            urls << QUrl::fromLocalFile(out.fileName());
        }
        urls << QUrl::fromLocalFile(f_.dir.filePath("missing.jpg"));

        ui::LogRecoveryPageController log;
        log.setVaultSession(f_.session.get());
        log.setSessionId(session_id_);
        QCOMPARE(log.addPhotoFiles(urls), 0); // listed when the task ends
        QVERIFY(f_.session->task()->running());
        QVERIFY(f_.session->task()->waitUntilDone(30000));
        QCOMPARE(log.pendingPhotos().size(), 4);
        QCOMPARE(log.acceptedPhotos(), 3);
        QVERIFY(log.pendingPhotos()
                    .at(3)
                    .toMap()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("could not be read")));

        // Cancelled before the first check: nothing is listed.
        ui::LogRecoveryPageController cancelled;
        cancelled.setVaultSession(f_.session.get());
        cancelled.setSessionId(session_id_);
        f_.session->task()->holdAtFirstReportForTests(true);
        QCOMPARE(cancelled.addPhotoFiles(urls), 0);
        QTRY_VERIFY(f_.session->task()->hasReported());
        f_.session->task()->cancel();
        QVERIFY(f_.session->task()->waitUntilDone(30000));
        f_.session->task()->holdAtFirstReportForTests(false);
        QCOMPARE(cancelled.pendingPhotos().size(), 0);
    }

    void photosAreSavedWithTheEntryAndBadFilesRefused() {
        ui::LogRecoveryPageController log;
        log.setVaultSession(f_.session.get());
        log.setSessionId(session_id_);
        core::photo::SyntheticPhotoSpec spec;
        spec.width = 640;
        spec.height = 480;
        QVERIFY(log.addPhotoBytes(QStringLiteral("cheek.jpg"),
                                  core::photo::synthetic_skin_photo(spec)));
        QVERIFY(!log.addPhotoBytes(QStringLiteral("notes.jpg"), {'n', 'o', 't', 'e', 's'}));
        QCOMPARE(log.pendingPhotos().size(), 2);
        QCOMPARE(log.acceptedPhotos(), 1);
        const auto good = log.pendingPhotos().at(0).toMap();
        const auto bad = log.pendingPhotos().at(1).toMap();
        QVERIFY(good.value(QStringLiteral("accepted")).toBool());
        QVERIFY(!bad.value(QStringLiteral("accepted")).toBool());
        QVERIFY(!bad.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(bad.value(QStringLiteral("source")).toString().isEmpty());
        // The pending thumbnail is served from memory.
        const QImage thumb = ui::PhotoImageProvider::image(
            f_.session.get(), good.value(QStringLiteral("source"))
                                  .toString()
                                  .mid(QStringLiteral("image://vaultphoto/").size()));
        QCOMPARE(thumb.size(), QSize(256, 192));

        // A refused file can be dismissed; the good photo stays.
        log.removePhoto(bad.value(QStringLiteral("key")).toInt());
        QCOMPARE(log.pendingPhotos().size(), 1);

        const auto count = vault().photos().of_session(core::SessionId{session_id_})->size();
        QVariantMap scores;
        scores.insert(QStringLiteral("erythema"), 1);
        const bool saved =
            log.save(scores, QString(), QStringLiteral("clinician")) && log.waitUntilSaved();
        const QString error = log.error();
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(vault().photos().of_session(core::SessionId{session_id_})->size(), count + 1);
        QCOMPARE(log.pendingPhotos().size(), 0);
        QVERIFY(ui::PhotoImageProvider::image(
                    f_.session.get(), good.value(QStringLiteral("source"))
                                          .toString()
                                          .mid(QStringLiteral("image://vaultphoto/").size()))
                    .isNull());
    }
};

QTEST_MAIN(PhotoModelTests)
#include "photo_model_tests.moc"
