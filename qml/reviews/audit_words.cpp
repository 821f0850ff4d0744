#include "reviews/audit_words.h"

#include <QCoreApplication>
#include <array>
#include <utility>

namespace punctum::ui {

QString audit_action_words(std::string_view action) {
    // Sized by its list: a count kept by hand silently pads with empty entries.
    using Words = std::pair<std::string_view, const char*>;
    static constexpr auto words = std::to_array<Words>({
        {"account.add", QT_TRANSLATE_NOOP("AuditWords", "Added an account")},
        {"account.passphrase", QT_TRANSLATE_NOOP("AuditWords", "Changed a passphrase")},
        {"account.recover", QT_TRANSLATE_NOOP("AuditWords", "Recovered an account with the key")},
        {"account.remove", QT_TRANSLATE_NOOP("AuditWords", "Removed an account")},
        {"account.signing_key",
         QT_TRANSLATE_NOOP("AuditWords", "Registered an account's signing key")},
        {"client.add", QT_TRANSLATE_NOOP("AuditWords", "Added a client")},
        {"client.history", QT_TRANSLATE_NOOP("AuditWords", "Updated a medical history")},
        {"consent.set", QT_TRANSLATE_NOOP("AuditWords", "Recorded a consent")},
        {"entry.add", QT_TRANSLATE_NOOP("AuditWords", "Logged a recovery entry")},
        {"export.csv", QT_TRANSLATE_NOOP("AuditWords", "Exported records as CSV")},
        {"export.fhir", QT_TRANSLATE_NOOP("AuditWords", "Exported records as a FHIR bundle")},
        {"flag.acknowledged", QT_TRANSLATE_NOOP("AuditWords", "Acknowledged a flag")},
        {"flag.dismissed", QT_TRANSLATE_NOOP("AuditWords", "Dismissed a flag")},
        {"flag.raise", QT_TRANSLATE_NOOP("AuditWords", "Raised a flag")},
        {"flag.resolved", QT_TRANSLATE_NOOP("AuditWords", "Resolved a flag")},
        {"norms.adopt", QT_TRANSLATE_NOOP("AuditWords", "Adopted a norms profile")},
        {"outcomes.recompute",
         QT_TRANSLATE_NOOP("AuditWords", "Computed the recovery outcomes of earlier sessions")},
        {"photo.add", QT_TRANSLATE_NOOP("AuditWords", "Added a photo")},
        {"photo.analyze", QT_TRANSLATE_NOOP("AuditWords", "Measured redness in a photo")},
        {"photo.export", QT_TRANSLATE_NOOP("AuditWords", "Exported a photo")},
        {"report.pdf", QT_TRANSLATE_NOOP("AuditWords", "Saved a PDF report")},
        {"review.addressed",
         QT_TRANSLATE_NOOP("AuditWords", "Marked a returned session's finding addressed")},
        {"review.return",
         QT_TRANSLATE_NOOP("AuditWords", "Returned a session to its practitioner")},
        {"review.signoff", QT_TRANSLATE_NOOP("AuditWords", "Signed a session off as reviewed")},
        {"review_note.add", QT_TRANSLATE_NOOP("AuditWords", "Added a review note")},
        {"screening.add", QT_TRANSLATE_NOOP("AuditWords", "Screened a client")},
        {"screening.attach", QT_TRANSLATE_NOOP("AuditWords", "Linked a screening to a session")},
        {"screening.override", QT_TRANSLATE_NOOP("AuditWords", "Overrode a screening")},
        {"session.add", QT_TRANSLATE_NOOP("AuditWords", "Recorded a session")},
        {"setting.change", QT_TRANSLATE_NOOP("AuditWords", "Changed a setting")},
        {"vault.backup", QT_TRANSLATE_NOOP("AuditWords", "Backed up the vault")},
        {"vault.create", QT_TRANSLATE_NOOP("AuditWords", "Created the vault")},
        {"vault.export_plaintext",
         QT_TRANSLATE_NOOP("AuditWords", "Exported the vault unencrypted")},
        {"vault.recovery_key", QT_TRANSLATE_NOOP("AuditWords", "Replaced the recovery key")},
        {"vault.restore", QT_TRANSLATE_NOOP("AuditWords", "Restored the vault from a backup")},
        {"vault.reveal_key", QT_TRANSLATE_NOOP("AuditWords", "Revealed the data key")},
        {"vault.rotate_key", QT_TRANSLATE_NOOP("AuditWords", "Re-encrypted under a new key")},
    });
    for (const auto& [name, text] : words) {
        if (name == action) {
            return QCoreApplication::translate("AuditWords", text);
        }
    }
    return QString::fromUtf8(action.data(), static_cast<qsizetype>(action.size()));
}

} // namespace punctum::ui
