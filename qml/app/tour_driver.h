#pragma once
// What the page tour's steps act through: the window (show a page, set a property on a named
// control, click it, as a person would), the session behind it, and the demo records one step
// finds for the next. Problems go into the tour's result; visit() captures a page.

#include "app/page_tour.h"
#include "settings/vault_tasks.h"
#include "vault/vault_folders.h"

#include <QObject>
#include <QString>
#include <QVariant>
#include <QVariantMap>

class QQuickWindow;

namespace punctum::ui {

class QmlMessageLog;
class VaultSession;

/// Every account in the tour's demo vaults has this passphrase.
inline constexpr const char* tour_passphrase = "page tour passphrase";

class TourDriver {
public:
    /// Records found in the demo vaults as the tour goes, for the steps after.
    struct Demo {
        qint64 client = 0;        ///< the client of the most urgent open flag
        qint64 session = 0;       ///< that flag's session
        qint64 flag = 0;          ///< that flag
        qint64 photo_session = 0; ///< a demo session with analysed photos
        qint64 new_session = 0;   ///< the session the tour signs
        QString backup_file;      ///< a backup of the clinic vault, for the restore page
        QString clinic_vault;     ///< the clinic vault's path while the patient's is open
        QString care_plan_file;   ///< a care plan issued for `session`, for the patient
        QString pairing_code;     ///< its code
        QString inbox;            ///< the clinic's inbox folder, the patient's outbox
    };

    TourDriver(QQuickWindow& window, VaultSession& session, QmlMessageLog& log, TourResult& result,
               QString temp_dir, QString screenshot_dir);

    QQuickWindow& window() { return window_; }
    VaultSession& session() { return session_; }
    /// The session's vault folders (create, restore) and tasks (backup, re-evaluation), as
    /// the pages' own VaultFolders and VaultTasks reach them.
    VaultFolders& folders() { return folders_; }
    VaultTasks& tasks() { return tasks_; }
    /// The tour's temporary folder: vaults, backup and files to add live here.
    [[nodiscard]] const QString& tempDir() const { return temp_dir_; }
    /// `name` in that folder.
    [[nodiscard]] QString tempPath(const QString& name) const;
    Demo demo;

    /// Lets the window catch up (bindings, loaders, animations) for `ms` milliseconds.
    static void settle(int ms = 300);
    void problem(const QString& text);

    /// Main.qml's showPage(name, args).
    void show(const QString& page, const QVariantMap& args = {});
    void setTheme(const QString& theme);
    /// The control named `name` anywhere in the window; a problem if there is none.
    QObject* object(const QString& name);
    /// Presses Save on the log-recovery page and waits until the entry is written (the
    /// page saves off the UI thread).
    void saveLogEntry();
    void set(const QString& name, const char* property, const QVariant& value);
    void click(const QString& name);
    /// Calls the QML function `method` (no arguments) on the control named `name`.
    void invoke(const QString& name, const char* method);

    /// The arguments of the flagged session, opened from its client.
    [[nodiscard]] QVariantMap sessionArgs() const;
    /// The arguments of the session with photos, whose photo pages go back to it.
    [[nodiscard]] QVariantMap photoArgs() const;

    /// The object name of the page the window shows now.
    [[nodiscard]] QString currentPage() const;
    /// Captures the page as `name`: collects the warnings since the last visit, checks the
    /// window shows `expected_page`, and saves a screenshot when asked for.
    void visit(const QString& name, const QString& expected_page);

private:
    QQuickWindow& window_;
    VaultSession& session_;
    VaultFolders folders_;
    VaultTasks tasks_;
    QmlMessageLog& log_;
    TourResult& result_;
    QString temp_dir_;
    QString screenshot_dir_;
};

} // namespace punctum::ui
