#pragma once
// The tests/qml fixture, as vault_fixture.h is for tests/storage: a real vault in a temporary
// folder, filled by the test, then opened in a VaultSession signed in as "admin" on a fixed
// day (24 Nov 2026), installed as the session the adapters use.

#include "common/vault_session.h"
#include "settings/vault_tasks.h"
#include "vault/vault_folders.h"

#include "punctum/storage/vault.h"

#include <QTemporaryDir>
#include <QtTest>
#include <functional>
#include <memory>

namespace punctum::test {

struct SessionFixture {
    QTemporaryDir dir;
    core::FixedClock clock{std::chrono::sys_days{
        core::Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{24}}}};
    std::unique_ptr<ui::VaultSession> session;
    /// Who signs in: the options' first account ("admin" by default; "me" for a patient).
    QString account = QStringLiteral("admin");

    [[nodiscard]] QString folder() const { return dir.filePath("vault"); }
    [[nodiscard]] core::Date today() const { return core::date_of(clock.now()); }

    /// Creates the vault with `options` (the cheap key derivation), lets `fill` write to it,
    /// closes it and opens it in `session` as `account`. Failures are QtTest failures: check
    /// QTest::currentTestFailed() after the call.
    void open(const char* passphrase, const std::function<void(storage::Vault&)>& fill = {},
              storage::NewVault options = {}) {
        QVERIFY(dir.isValid());
        options.kdf = storage::KdfParams::minimum_for_tests();
        auto created = storage::Vault::create(
            folder().toStdString(), storage::SecureBytes::from(passphrase), options, clock);
        QVERIFY2(created, created ? "" : created.error().message.c_str());
        if (fill) {
            fill(*created->vault);
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        created->vault.reset();
        session = std::make_unique<ui::VaultSession>(clock);
        session->setKdf(storage::KdfParams::minimum_for_tests());
        ui::VaultSession::setInstance(session.get());
        session->setVaultPath(folder());
        session->unlock(account, passphrase);
        QVERIFY(session->waitUntilIdle(30000));
        QVERIFY2(session->unlocked(), qPrintable(session->error()));
    }

    /// Locks the vault and uninstalls the session.
    void close() {
        if (session) {
            session->lock();
        }
        ui::VaultSession::setInstance(nullptr);
    }
};

/// The vault tasks over `session` (backup, re-evaluation, key changes), as the Settings page
/// has them: made once, a child of the session.
inline ui::VaultTasks& tasks_of(ui::VaultSession& session) {
    auto* tasks = session.findChild<ui::VaultTasks*>();
    if (tasks == nullptr) {
        tasks = new ui::VaultTasks(&session);
        tasks->setVaultSession(&session);
    }
    return *tasks;
}

/// The vault folders over `session` (open, create, restore), as the vault pages have them.
inline ui::VaultFolders& folders_of(ui::VaultSession& session) {
    auto* folders = session.findChild<ui::VaultFolders*>();
    if (folders == nullptr) {
        folders = new ui::VaultFolders(&session);
        folders->setVaultSession(&session);
    }
    return *folders;
}

} // namespace punctum::test
