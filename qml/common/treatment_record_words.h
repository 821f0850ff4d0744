#pragma once
// How a session's reason, course and treatment record, a follow-up's GAIS and a photo's
// view read on screen: plain words first, the clinical term after ("3 - moderate: obvious
// at social distance ... (Goodman and Baron)"). Shared by the new-session review, the
// session page, the entry list, the recovery log and the photo pages.

#include "punctum/core/model/course_plan.h"
#include "punctum/core/model/photo_view.h"
#include "punctum/core/model/recovery_entry.h"
#include "punctum/core/model/treatment_session.h"

#include <QString>
#include <QVariantList>

namespace punctum::ui {

/// "Acne scars", translated.
[[nodiscard]] QString indication_label(core::Indication indication);
/// "Acne scars (rolling scars) · scar grade 3 - moderate: ... (Goodman and Baron)"; empty
/// when no indication is recorded.
[[nodiscard]] QString indication_text(const core::TreatmentSession& session);
/// "Session 2 of 3, every 28 days · next due Tue 31 Mar" or "... · course complete"; empty
/// without a plan.
[[nodiscard]] QString course_text(const core::TreatmentSession& session,
                                  const core::CourseProgress& course, core::Date today);
/// The recorded parts of the treatment record, in the order a practitioner reads them:
/// [{label, value}] (anaesthetic, skin preparation, cartridge, device serial, endpoint,
/// antiviral prophylaxis, consent). Parts not recorded are left out.
[[nodiscard]] QVariantList record_rows(const core::TreatmentSession& session);
/// Post-care products, one a line with their lot: "SPF 50\nCica balm (lot CB-12)".
[[nodiscard]] QString product_lines(const core::TreatmentSession& session,
                                    core::ProductPhase phase);
/// "much improved (GAIS 2)".
[[nodiscard]] QString gais_text(int grade);
/// "Improvement: much improved (GAIS 2, practitioner); patient: improved (GAIS 3)"; empty
/// when neither rated.
[[nodiscard]] QString gais_summary(const core::RecoveryEntry& entry);
/// The GAIS choices for a ScorePicker: value 0..4 stands for grade 1..5.
/// {key, name, max: 4, yesNo: false, scale: "GAIS", choices: [{value, words}]}
[[nodiscard]] QVariantMap gais_scale(const QString& key, const QString& name);
/// "front", "left side", ... translated; empty for unspecified.
[[nodiscard]] QString view_label(core::PhotoView view);
/// [{key, label}] for a view picker, "" (not recorded) first.
[[nodiscard]] QVariantList view_choices();

} // namespace punctum::ui
