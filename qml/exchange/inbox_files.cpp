#include "exchange/inbox_files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace punctum::ui::inbox {

bool is_report_name(const QString& name) {
    if (!name.endsWith(QLatin1String(report_suffix)) ||
        name.size() == QLatin1String(report_suffix).size()) {
        return false;
    }
    // Sync engines write under a hidden or marked name and rename when whole: Syncthing
    // ".syncthing.<name>.tmp", Nextcloud ".~<name>" or "<name>.part". The suffix test already
    // drops the endings; a leading dot or tilde marks the rest.
    return !name.startsWith(QLatin1Char('.')) && !name.startsWith(QLatin1Char('~'));
}

QString move_into(const QString& file, const QString& folder, QString* error) {
    if (!QDir().mkpath(folder)) {
        if (error != nullptr) {
            *error = QCoreApplication::translate("ExchangeInbox", "Cannot create the folder %1.")
                         .arg(QDir::toNativeSeparators(folder));
        }
        return {};
    }
    const QFileInfo info(file);
    QString name = info.fileName();
    QString stem = name;
    QString suffix;
    if (name.endsWith(QLatin1String(report_suffix))) {
        suffix = QLatin1String(report_suffix);
        stem.chop(suffix.size());
    }
    const QDir target(folder);
    // A report of the same name may have been processed before (a patient's app names its
    // reports by date): keep both.
    for (int n = 2; QFileInfo::exists(target.filePath(name)); ++n) {
        name = QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(suffix);
    }
    const QString moved = target.filePath(name);
    if (!QFile::rename(file, moved)) {
        if (error != nullptr) {
            *error = QCoreApplication::translate("ExchangeInbox", "Cannot move %1 into %2.")
                         .arg(info.fileName(), QDir::toNativeSeparators(folder));
        }
        return {};
    }
    return moved;
}

bool write_reason(const QString& moved, const QString& reason) {
    QSaveFile out(moved + QStringLiteral(".reason.txt"));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) {
        return false;
    }
    out.write(reason.toUtf8());
    out.write("\n");
    return out.commit();
}

} // namespace punctum::ui::inbox
