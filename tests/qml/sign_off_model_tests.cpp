// Sign-off in the app (issue 14 item 3), over a real vault: the reviewer's buttons and the
// refusals storage sends back, the sessions-under-review row's sign-off words, the
// practitioner's returned sessions with the finding and who returned it (gone once marked
// addressed), and the incomplete-records list, each model under QAbstractItemModelTester.

#include "common/vault_session.h"
#include "flags/returned_sessions_model.h"
#include "reviews/incomplete_records_model.h"
#include "reviews/session_review_model.h"
#include "reviews/sign_off_actions.h"
#include "session_fixture.h"

#include "punctum/core/demo/demo_clinic.h"
#include "punctum/storage/demo_writer.h"
#include "punctum/storage/vault.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace punctum;

namespace {
constexpr const char* passphrase = "sign-off model tests passphrase";
constexpr const char* staff = "sign-off staff passphrase";

/// The sessions of client `id`, newest first.
std::vector<core::SessionId> sessions_of(storage::Vault& v, std::int64_t id) {
    std::vector<core::SessionId> out;
    if (auto s = v.sessions().of_client(core::ClientId{id})) {
        for (const auto& session : *s) {
            out.push_back(session.id);
        }
    }
    return out;
}

/// The row of `session` in a model with a sessionId role; -1 when absent.
int row_of(const QAbstractListModel& model, qint64 session) {
    const int role = model.roleNames().key("sessionId");
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.data(model.index(r), role).toLongLong() == session) {
            return r;
        }
    }
    return -1;
}
} // namespace

class SignOffModelTests : public QObject {
    Q_OBJECT

private:
    test::SessionFixture f_;
    core::SessionId admins_; ///< treated by the admin, returned by the reviewer
    core::SessionId pats_;   ///< treated by the practitioner

    storage::Vault& vault() { return *f_.session->vault(); }

    void fetchAll(QAbstractListModel& model) {
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
    }

    /// Signs in as `name` on the same folder, runs `write`, closes again.
    void as(const char* name, const std::function<void(storage::Vault&)>& write) {
        auto opened = storage::Vault::open(f_.folder().toStdString(), name,
                                           storage::SecureBytes::from(staff), f_.clock);
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        write(**opened);
    }

private slots:
    void initTestCase() {
        storage::NewVault options;
        options.display_name = "Dr Admin";
        f_.open(
            passphrase,
            [&](storage::Vault& v) {
                const auto today = core::date_of(f_.clock.now());
                QVERIFY(storage::add_demo_client(v, core::demo_client(5, 0, today)));
                for (const auto& [name, role] :
                     {std::pair{"rev", core::Role::reviewer}, {"pat", core::Role::practitioner}}) {
                    QVERIFY(v.accounts()
                                .add(name, std::string(name) == "rev" ? "Rev Reviewer" : "Pat",
                                     role, storage::SecureBytes::from(staff),
                                     storage::KdfParams::minimum_for_tests())
                                .ok());
                }
            },
            options);
        // The practitioner treats a client of their own; the reviewer returns the admin's.
        f_.close();
        f_.session.reset();
        as("pat", [&](storage::Vault& v) {
            QVERIFY(storage::add_demo_client(v, core::demo_client(5, 1, f_.today())));
        });
        as("rev", [&](storage::Vault& v) {
            admins_ = sessions_of(v, 1).front();
            pats_ = sessions_of(v, 2).front();
            QVERIFY(v.reviews().return_to_practitioner(admins_, "Add the cartridge lot.").ok());
        });
        f_.session = std::make_unique<ui::VaultSession>(f_.clock);
        f_.session->setKdf(storage::KdfParams::minimum_for_tests());
        ui::VaultSession::setInstance(f_.session.get());
        f_.session->setVaultPath(f_.folder());
        f_.session->unlock("admin", passphrase);
        QVERIFY(f_.session->waitUntilIdle(30000));
        QVERIFY2(f_.session->unlocked(), qPrintable(f_.session->error()));
    }

    void cleanupTestCase() { f_.close(); }

    void returnedSessionsShowTheFindingUntilAddressed() {
        ui::ReturnedSessionsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVaultSession(f_.session.get());
        QCOMPARE(model.count(), 1);
        const auto at = model.index(0);
        QCOMPARE(model.data(at, ui::ReturnedSessionsModel::SessionIdRole).toLongLong(),
                 admins_.value);
        QCOMPARE(model.data(at, ui::ReturnedSessionsModel::FindingRole).toString(),
                 QStringLiteral("Add the cartridge lot."));
        QCOMPARE(model.data(at, ui::ReturnedSessionsModel::ReturnedByRole).toString(),
                 QStringLiteral("Rev Reviewer"));

        ui::SessionReviewModel reviews;
        reviews.setVaultSession(f_.session.get());
        fetchAll(reviews);
        const int row = row_of(reviews, admins_.value);
        QVERIFY(row >= 0);
        QCOMPARE(
            reviews.data(reviews.index(row), ui::SessionReviewModel::SignOffWordsRole).toString(),
            QStringLiteral("Returned to practitioner"));

        QVERIFY(model.markAddressed(admins_.value, QStringLiteral("Lot added.")));
        QCOMPARE(model.count(), 0); // the write reloaded it
        QVERIFY(model.error().isEmpty());
        fetchAll(reviews);
        QCOMPARE(reviews
                     .data(reviews.index(row_of(reviews, admins_.value)),
                           ui::SessionReviewModel::SignOffWordsRole)
                     .toString(),
                 QStringLiteral("Finding addressed, review again"));
        // Nothing left to address: storage says so, and the model keeps the sentence.
        QVERIFY(!model.markAddressed(admins_.value, {}));
        QVERIFY(model.error().contains(QStringLiteral("no returned finding")));
    }

    void signOffRefusesOwnWorkAndTakesOthers() {
        ui::SignOffActions actions;
        actions.setVaultSession(f_.session.get());
        QVERIFY(actions.canSignOff()); // an admin may sign off
        QVERIFY(!actions.signOff(admins_.value, QStringLiteral("Mine.")));
        QVERIFY(actions.error().contains(QStringLiteral("someone else")));
        QCOMPARE(actions.errorSessionId(), admins_.value);
        QVERIFY(!actions.returnSession(pats_.value, QStringLiteral("   ")));
        QVERIFY(actions.error().contains(QStringLiteral("needs a finding")));
        QVERIFY(actions.signOff(pats_.value, QStringLiteral("Record complete.")));
        QVERIFY(actions.error().isEmpty());

        ui::SessionReviewModel reviews;
        reviews.setVaultSession(f_.session.get());
        fetchAll(reviews);
        const int row = row_of(reviews, pats_.value);
        QVERIFY(row >= 0);
        QCOMPARE(reviews.data(reviews.index(row), ui::SessionReviewModel::SignOffRole).toString(),
                 QStringLiteral("reviewed"));
        QCOMPARE(
            reviews.data(reviews.index(row), ui::SessionReviewModel::SignOffWordsRole).toString(),
            QStringLiteral("Reviewed"));
        // The buttons hide on the admin's own sessions (storage refuses them anyway).
        QVERIFY(!reviews.data(reviews.index(row), ui::SessionReviewModel::OwnSessionRole).toBool());
        QVERIFY(reviews
                    .data(reviews.index(row_of(reviews, admins_.value)),
                          ui::SessionReviewModel::OwnSessionRole)
                    .toBool());
    }

    void incompleteRecordsSayWhatIsMissing() {
        ui::IncompleteRecordsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVaultSession(f_.session.get());
        QVERIFY(model.error().isEmpty());
        // Demo clients never answered the photo consent question.
        QVERIFY(model.count() > 0);
        QVERIFY(!model.capped());
        for (int r = 0; r < model.count(); ++r) {
            const auto at = model.index(r);
            const auto words = model.data(at, ui::IncompleteRecordsModel::MissingRole).toString();
            QVERIFY2(words.contains(QStringLiteral("photo consent answer")), qPrintable(words));
            QVERIFY(words.at(0).isUpper());
            QVERIFY(model.data(at, ui::IncompleteRecordsModel::MissingItemsRole)
                        .toStringList()
                        .contains(QStringLiteral("consent_answer")));
        }
    }
};

QTEST_MAIN(SignOffModelTests)
#include "sign_off_model_tests.moc"
