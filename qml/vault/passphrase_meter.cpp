#include "vault/passphrase_meter.h"

#include "punctum/core/security/passphrase_strength.h"
#include "punctum/storage/secure_bytes.h"

#include <QByteArray>

namespace punctum::ui {

QVariantMap PassphraseMeter::assess(const QString& passphrase) const {
    QByteArray utf8 = passphrase.toUtf8();
    const auto strength = core::assess_passphrase(
        std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    storage::wipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    static const char* const levels[] = {QT_TR_NOOP("Very weak"), QT_TR_NOOP("Weak"),
                                         QT_TR_NOOP("Fair"), QT_TR_NOOP("Good"),
                                         QT_TR_NOOP("Strong")};
    const int score = static_cast<int>(strength.level);
    return {{QStringLiteral("score"), score},
            {QStringLiteral("level"), tr(levels[score])},
            {QStringLiteral("advice"), QString::fromStdString(strength.advice)},
            {QStringLiteral("acceptable"), core::acceptable(strength)},
            {QStringLiteral("minimum"), static_cast<int>(core::minimum_passphrase_level)}};
}

} // namespace punctum::ui
