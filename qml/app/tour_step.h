#pragma once
// One step of the page tour: bring the app to a page in a given state, capture it under a
// name, then check what the capture should have shown. The steps run in table order; each
// builds on the state the ones before left (the vault created, the client found, ...).

#include <span>

namespace punctum::ui {

class TourDriver;

struct TourStep {
    const char* name; ///< the page's name in the tour and its screenshot's file name
    const char* page; ///< the objectName the window must show when it is captured
    /// Gets the app there. Returns false when it cannot (a problem is recorded): the page is
    /// then not captured. Null: capture what the step before left.
    bool (*prepare)(TourDriver&) = nullptr;
    /// Checks after the capture, and undoes what must not carry on (a dialog left open).
    void (*check)(TourDriver&) = nullptr;
};

/// Creating the vaults, the needs-attention queue, clients, a session and its photos, and
/// logging recovery (tour_steps_clinic.cpp).
[[nodiscard]] std::span<const TourStep> clinic_tour_steps();
/// A new session from screening to signing, and its first follow-up (tour_steps_session.cpp).
[[nodiscard]] std::span<const TourStep> new_session_tour_steps();
/// Incomplete records, a session returned with a finding, and that finding in its
/// practitioner's Needs attention (tour_steps_signoff.cpp).
[[nodiscard]] std::span<const TourStep> sign_off_tour_steps();
/// Settings, a long task, reviews, the dark theme, a reviewer and a patient's vault
/// (tour_steps_roles.cpp).
[[nodiscard]] std::span<const TourStep> roles_tour_steps();
/// Locking, unlocking and restoring a backup (tour_steps_roles.cpp).
[[nodiscard]] std::span<const TourStep> locking_tour_steps();
/// A care plan issued on a session with its pairing code, and the inbox folder in settings
/// (tour_steps_exchange.cpp).
[[nodiscard]] std::span<const TourStep> exchange_clinic_tour_steps();
/// The patient's My clinic page: opening that care plan, sending a report into the outbox.
[[nodiscard]] std::span<const TourStep> exchange_patient_tour_steps();

} // namespace punctum::ui
