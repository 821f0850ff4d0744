#pragma once
// A passphrase typed into a QML field, handed to storage as guarded bytes. The field's own
// QString is QML's to clear (the forms clear it at once); the UTF-8 copy made here is wiped
// before it is freed.

#include "punctum/storage/secure_bytes.h"

#include <QByteArray>
#include <QString>

namespace punctum::ui {

[[nodiscard]] inline storage::SecureBytes secret_from(const QString& text) {
    QByteArray utf8 = text.toUtf8();
    auto secret = storage::SecureBytes::from(
        std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    storage::wipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return secret;
}

} // namespace punctum::ui
