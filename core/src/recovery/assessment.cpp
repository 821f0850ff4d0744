// The flag rules. Every threshold comes from the norms profile or the expected course built
// from it; the only numbers here are the scales' own (a yes/no sign is 1, bleeding 3 is the
// top of its scale, "active"; redness 4 is the top of CEA, "fiery"; swelling 4 the top of
// Draize, "beyond the treated area"; bleeding 1 is "pinpoint").
//
// Over the 400-line soft limit on purpose: every rule is a method of Assessor::Step, which
// reads and moves the Assessor's private run state (firing runs, last known scores), and the
// rules are easiest to check against norms.md side by side, in one file in norms.md's order.
// Splitting them (one file per family of rules over a shared step header) would expose that
// run state to every file for no reader's gain.

#include "punctum/core/recovery/assessment.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>

namespace punctum::core {

namespace {

// Rules in the order flags of the same day are listed.
enum class Rule : std::size_t {
    lasting,
    worsening,
    pain_lasting,
    bruising_lasting,
    scabbing_lasting,
    dryness_lasting,
    bleeding_after_treatment,
    bleeding_active,
    infection_signs,
    allergic_reaction,
    blisters,
    hyperpigmentation,
    first_appearance,
    logging_gap,
};
constexpr std::size_t rule_count = 14;
constexpr std::array<std::string_view, rule_count> rule_ids{
    rules::lasting,
    rules::worsening,
    rules::pain_lasting,
    rules::bruising_lasting,
    rules::scabbing_lasting,
    rules::dryness_lasting,
    rules::bleeding_after_treatment,
    rules::bleeding_active,
    rules::infection_signs,
    rules::allergic_reaction,
    rules::blisters,
    rules::hyperpigmentation,
    rules::first_appearance,
    rules::logging_gap,
};

// Signs the norms call rare or dependent on the treatment: their first sighting gets a note.
constexpr std::array<Symptom, 3> noted_signs{Symptom::bruising, Symptom::scabbing,
                                             Symptom::bleeding};

constexpr std::uint32_t bit(std::size_t slot) {
    return std::uint32_t{1} << slot;
}

// Flag subjects: the 13 symptoms, then "infection" and "logging".
constexpr std::size_t infection_slot = symptom_count;
constexpr std::size_t logging_slot = symptom_count + 1;
constexpr std::size_t slot_count = symptom_count + 2;

constexpr std::size_t slot_of(Symptom s) {
    return static_cast<std::size_t>(s);
}

std::string slot_name(std::size_t slot) {
    if (slot == infection_slot) {
        return "infection";
    }
    if (slot == logging_slot) {
        return "logging";
    }
    return std::string(scale_of(static_cast<Symptom>(slot)).key);
}

std::size_t rule_rank(std::string_view id) {
    return static_cast<std::size_t>(std::find(rule_ids.begin(), rule_ids.end(), id) -
                                    rule_ids.begin());
}

std::size_t slot_rank(const std::string& symptom) {
    if (symptom == "infection") {
        return infection_slot;
    }
    if (symptom == "logging") {
        return logging_slot;
    }
    const auto s = symptom_from_key(symptom);
    return s ? slot_of(*s) : slot_count;
}

bool flag_before(const Flag& a, const Flag& b) {
    if (a.day != b.day) {
        return a.day < b.day;
    }
    const auto ra = rule_rank(a.rule_id);
    const auto rb = rule_rank(b.rule_id);
    if (ra != rb) {
        return ra < rb;
    }
    return slot_rank(a.symptom) < slot_rank(b.symptom);
}

// Three-valued logic: a rule fires (true), is clear (false), or cannot tell (nullopt)
// because a score it needs is unknown. Unknown never fires a rule.
using Tri = std::optional<bool>;

Tri tri_and(Tri a, Tri b) {
    if ((a && !*a) || (b && !*b)) {
        return false;
    }
    if (a && b) {
        return true;
    }
    return std::nullopt;
}

Tri tri_or(Tri a, Tri b) {
    if ((a && *a) || (b && *b)) {
        return true;
    }
    if (a && b) {
        return false;
    }
    return std::nullopt;
}

Tri is_yes(std::optional<int> v) {
    if (!v) {
        return std::nullopt;
    }
    return *v >= 1;
}

// At least `threshold`; a threshold the profile does not set never fires (false, not unknown,
// so it neither holds a run open nor lets unknown stand in for it).
Tri at_least(std::optional<int> v, std::optional<int> threshold) {
    if (!threshold) {
        return false;
    }
    if (!v) {
        return std::nullopt;
    }
    return *v >= *threshold;
}

std::string roman(int n) {
    static constexpr std::array<std::string_view, 7> numerals{"?",  "I", "II", "III",
                                                              "IV", "V", "VI"};
    return n >= 1 && n <= 6 ? std::string(numerals.at(static_cast<std::size_t>(n)))
                            : std::to_string(n);
}

std::string name_of(Symptom s) {
    return std::string(scale_of(s).name);
}

std::string lower(std::string text) {
    if (!text.empty()) {
        text.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(text.front())));
    }
    return text;
}

std::string label_of(Symptom s, int v) {
    const auto labels = scale_of(s).labels;
    const auto i = static_cast<std::size_t>(std::max(0, v));
    return i < labels.size() ? std::string(labels[i]) : std::to_string(v);
}

std::string days_text(int first, int last) {
    return first == last ? "day " + std::to_string(first)
                         : "days " + std::to_string(first) + "-" + std::to_string(last);
}

} // namespace

bool DayEntry::empty() const {
    return std::none_of(scores.begin(), scores.end(), [](const auto& v) { return v.has_value(); });
}

DayEntry day_entry(const RecoveryEntry& entry, Date treated_on) {
    DayEntry d;
    d.day = days_between(treated_on, entry.observed_on);
    d.scores = entry.scores;
    return d;
}

// One entry's pass over the rules.
struct Assessor::Step {
    Assessor& a;
    const DayEntry& e;
    const RecoveryNorms& r = a.profile_->recovery;
    std::uint32_t concerns = 0; ///< slots this entry raised a watch or urgent flag for

    [[nodiscard]] bool firing(Rule rule, std::size_t slot) const {
        return a.firing_.at(static_cast<std::size_t>(rule) * slot_count + slot);
    }
    void set_firing(Rule rule, std::size_t slot, bool on) {
        a.firing_.at(static_cast<std::size_t>(rule) * slot_count + slot) = on;
    }

    void raise(Rule rule, std::size_t slot, Severity severity, int day, std::string message,
               const std::string& source_key) {
        Flag f;
        f.rule_id = std::string(rule_ids.at(static_cast<std::size_t>(rule)));
        f.severity = severity;
        f.symptom = slot_name(slot);
        f.day = day;
        f.message = std::move(message);
        f.source_key = source_key;
        f.source = a.profile_->cite(source_key);
        f.profile_id = a.profile_->id;
        f.profile_version = a.profile_->version;
        if (severity != Severity::info) {
            concerns |= bit(slot);
        }
        // One flag per (rule, symptom, day), even when a day has several entries.
        const auto [first, last] =
            std::equal_range(a.flags_.begin(), a.flags_.end(), f, flag_before);
        if (first == last) {
            a.flags_.insert(last, std::move(f));
        }
    }

    // A rule raises a flag on the first entry of a run in which it fires, not on every
    // later day it keeps firing: re-raising daily would flood a clinic's queue with one
    // problem. A run ends when an entry shows the rule clear; unknown neither fires nor
    // ends a run. A later run raises a new flag (e.g. redness that comes back).
    // `message` is only called when a flag is raised: words cost more than the rules.
    template <typename Message>
    void consider(Rule rule, std::size_t slot, Tri fires, Severity severity, const Message& message,
                  const std::string& source_key) {
        if (!fires) {
            return;
        }
        if (!*fires) {
            set_firing(rule, slot, false);
            return;
        }
        if (!firing(rule, slot)) {
            set_firing(rule, slot, true);
            raise(rule, slot, severity, e.day, message(), source_key);
        }
    }

    [[nodiscard]] Tri above_after(Symptom s, int after_day) const {
        const auto v = e.score(s);
        if (!v) {
            return std::nullopt;
        }
        return e.day > after_day && *v > 0;
    }

    // The score rose above the last entry that reported it; unknown if either is unknown.
    [[nodiscard]] Tri rising(Symptom s) const {
        const auto v = e.score(s);
        const auto prev = a.last_known_.at(slot_of(s));
        if (!v || !prev) {
            return std::nullopt;
        }
        return *v > *prev;
    }

    [[nodiscard]] bool seen(Symptom s) const { return (a.seen_ & bit(slot_of(s))) != 0; }

    [[nodiscard]] std::string score_text(Symptom s) const {
        return std::to_string(e.score(s).value_or(0));
    }
    [[nodiscard]] std::string previous_text(Symptom s) const {
        return std::to_string(a.last_known_.at(slot_of(s)).value_or(0));
    }

    [[nodiscard]] std::string still(Symptom s, int resolve_by, const std::string& norm) const {
        return name_of(s) + " is still " + score_text(s) + " on day " + std::to_string(e.day) +
               "; " + norm + " settles by day " + std::to_string(resolve_by) + ".";
    }

    void lasting_rules() {
        for (const Symptom s : {Symptom::erythema, Symptom::edema}) {
            const auto* x = a.course_.find(s);
            consider(
                Rule::lasting, slot_of(s), above_after(s, x->resolve_by_day), Severity::watch,
                [&] {
                    return still(s, x->resolve_by_day,
                                 "the usual course for " + describe_treatment(a.facts_));
                },
                x->source_keys.front());
        }
        const auto* bruising = a.course_.find(Symptom::bruising);
        consider(
            Rule::bruising_lasting, slot_of(Symptom::bruising),
            above_after(Symptom::bruising, bruising->resolve_by_day), Severity::watch,
            [&] { return still(Symptom::bruising, bruising->resolve_by_day, "bruising usually"); },
            bruising->source_keys.front());
        const auto* scabbing = a.course_.find(Symptom::scabbing);
        consider(
            Rule::scabbing_lasting, slot_of(Symptom::scabbing),
            above_after(Symptom::scabbing, scabbing->resolve_by_day), Severity::watch,
            [&] {
                return still(Symptom::scabbing, scabbing->resolve_by_day,
                             "scabbing after " + describe_treatment(a.facts_) + " usually");
            },
            scabbing->source_keys.front());
        const auto* dryness = a.course_.find(Symptom::dryness);
        consider(
            Rule::dryness_lasting, slot_of(Symptom::dryness),
            above_after(Symptom::dryness, dryness->resolve_by_day), Severity::info,
            [&] { return still(Symptom::dryness, dryness->resolve_by_day, "it usually"); },
            dryness->source_keys.front());
    }

    // Redness, swelling or pain rising after the peak day; bruising or scabbing rising after
    // it, once it has been seen (its first sighting is a note, not a rise).
    void worsening_rule() {
        for (const Symptom s : {Symptom::erythema, Symptom::edema, Symptom::pain}) {
            consider(
                Rule::worsening, slot_of(s), tri_and(e.day > a.course_.peak_day, rising(s)),
                Severity::watch,
                [&] {
                    return name_of(s) + " rose from " + previous_text(s) + " to " + score_text(s) +
                           " on day " + std::to_string(e.day) + ", after the usual peak on day " +
                           std::to_string(a.course_.peak_day) +
                           "; getting worse after the peak is a warning sign.";
                },
                r.worsening_source);
        }
        for (const Symptom s : {Symptom::bruising, Symptom::scabbing}) {
            consider(
                Rule::worsening, slot_of(s),
                tri_and(e.day > a.course_.peak_day && seen(s), rising(s)), Severity::watch,
                [&] {
                    return name_of(s) + " rose from " + previous_text(s) + " to " + score_text(s) +
                           " on day " + std::to_string(e.day) + "; " + lower(name_of(s)) +
                           " that gets worse after it first shows is a warning sign.";
                },
                a.course_.find(s)->source_keys.front());
        }
    }

    // Pain is expected for hours; still strong after the day it should have settled by.
    // Pain that comes back is `worsening` (rising after the peak day).
    void pain_lasting_rule() {
        const auto v = e.score(Symptom::pain);
        const int by = a.course_.find(Symptom::pain)->resolve_by_day;
        consider(
            Rule::pain_lasting, slot_of(Symptom::pain),
            tri_and(e.day > by, at_least(v, r.pain_lasting_score)), Severity::watch,
            [&] {
                return "Pain is " + score_text(Symptom::pain) + " on day " + std::to_string(e.day) +
                       "; pain after treatment usually settles within hours (by day " +
                       std::to_string(by) + "). Pain of " +
                       std::to_string(r.pain_lasting_score.value_or(0)) +
                       " or more after that is the clinic's threshold for a look.";
            },
            r.pain_source);
    }

    void bleeding_rules() {
        const auto v = e.score(Symptom::bleeding);
        consider(
            Rule::bleeding_after_treatment, slot_of(Symptom::bleeding),
            v ? Tri(e.day > r.bleeding_after_day && *v >= 1) : std::nullopt, Severity::watch,
            [&] {
                const std::string expected =
                    r.bleeding_after_day == 0
                        ? "only on the treatment day"
                        : "only up to day " + std::to_string(r.bleeding_after_day);
                return "Bleeding (" + label_of(Symptom::bleeding, v.value_or(0)) + ") on day " +
                       std::to_string(e.day) + "; pinpoint bleeding is expected " + expected + ".";
            },
            r.bleeding_source);
        const int active = scale_of(Symptom::bleeding).max; // 3, "active bleeding"
        consider(
            Rule::bleeding_active, slot_of(Symptom::bleeding), v ? Tri(*v >= active) : std::nullopt,
            Severity::urgent,
            [&] {
                return "Active bleeding on day " + std::to_string(e.day) +
                       ": contact the client now.";
            },
            r.bleeding_source);
    }

    // The signs of infection an entry shows, each true, false or unknown.
    struct InfectionSigns {
        Tri pus, fever, warm_red, pain_red, itch_red, itch_warm, warm_marked, warm_pain;

        [[nodiscard]] Tri any() const {
            return tri_or(tri_or(tri_or(pus, fever), tri_or(warm_red, pain_red)),
                          tri_or(tri_or(itch_red, itch_warm), tri_or(warm_marked, warm_pain)));
        }
    };

    // Pus or fever on any day. After infection_after_day: warmth or itching with rising
    // redness, rising pain with rising redness, itching with warmth (norms.md, Itching), and
    // warmth with marked redness or strong pain, which need no earlier entry: a first
    // check-in can show them.
    void infection_rule() {
        const Tri late = e.day > r.infection_after_day;
        const Tri warm = is_yes(e.score(Symptom::warmth));
        const Tri itchy = is_yes(e.score(Symptom::itching));
        const Tri redness_up = rising(Symptom::erythema);
        const auto after = [&](Tri x, Tri y) { return tri_and(late, tri_and(x, y)); };
        const InfectionSigns signs{
            is_yes(e.score(Symptom::pus)),
            is_yes(e.score(Symptom::fever)),
            after(warm, redness_up),
            after(rising(Symptom::pain), redness_up),
            after(itchy, redness_up),
            after(itchy, warm),
            after(warm, at_least(e.score(Symptom::erythema), r.infection_redness_score)),
            after(warm, at_least(e.score(Symptom::pain), r.infection_pain_score)),
        };
        consider(
            Rule::infection_signs, infection_slot, signs.any(), Severity::urgent,
            [&] { return infection_message(signs); }, r.infection_source);
    }

    [[nodiscard]] std::string infection_message(const InfectionSigns& s) const {
        std::vector<std::string> found;
        const auto add = [&](Tri sign, const std::string& words) {
            if (sign.value_or(false)) {
                found.push_back(words);
            }
        };
        const std::string redness = "redness rising from " + previous_text(Symptom::erythema) +
                                    " to " + score_text(Symptom::erythema);
        add(s.pus, "pus");
        add(s.fever, "fever or chills");
        add(s.warm_red, "warmth with " + redness);
        add(s.pain_red, "pain rising from " + previous_text(Symptom::pain) + " to " +
                            score_text(Symptom::pain) + " with " + redness);
        add(s.itch_red, "itching with " + redness);
        add(s.itch_warm, "itching with warmth");
        add(s.warm_marked, "warmth with marked redness (" + score_text(Symptom::erythema) + ")");
        add(s.warm_pain, "warmth with pain of " + score_text(Symptom::pain) + " (" +
                             std::to_string(r.infection_pain_score.value_or(0)) +
                             " or more is the clinic's threshold)");
        std::string text = "Possible infection on day " + std::to_string(e.day) + ": ";
        for (std::size_t i = 0; i < found.size(); ++i) {
            text += (i == 0 ? "" : "; ") + found[i];
        }
        return text +
               ". Pus or fever are signs of infection on any day; warmth, itching, more redness "
               "or pain are after day " +
               std::to_string(r.infection_after_day) +
               " (a day the clinic chose: no source ties these signs to a day). Contact the "
               "client today.";
    }

    // Swelling beyond the treated area is not part of the usual course at any depth; severe
    // redness is (on the treatment day after deep needling), but not with marked itching.
    void allergy_rule() {
        if (r.allergy_source.empty()) {
            return;
        }
        const int beyond = scale_of(Symptom::edema).max; // Draize 4: beyond the treated area
        const auto edema = e.score(Symptom::edema);
        consider(
            Rule::allergic_reaction, slot_of(Symptom::edema),
            edema ? Tri(*edema >= beyond) : std::nullopt, Severity::watch,
            [&] {
                return "Swelling beyond the treated area (" + score_text(Symptom::edema) +
                       ") on day " + std::to_string(e.day) +
                       ": not part of the usual course at any depth. Possible allergic "
                       "reaction; ask about hives, itching and any product put on the skin.";
            },
            r.allergy_source);
        const int fiery = scale_of(Symptom::erythema).max; // CEA 4: severe, fiery redness
        const auto redness = e.score(Symptom::erythema);
        consider(
            Rule::allergic_reaction, slot_of(Symptom::itching),
            tri_and(redness ? Tri(*redness >= fiery) : std::nullopt,
                    at_least(e.score(Symptom::itching), r.allergy_itching_score)),
            Severity::watch,
            [&] {
                return "Severe redness (" + score_text(Symptom::erythema) + ") with " +
                       label_of(Symptom::itching, e.score(Symptom::itching).value_or(0)) +
                       " itching on day " + std::to_string(e.day) +
                       ": possible allergic reaction. Itching of " +
                       std::to_string(r.allergy_itching_score.value_or(0)) +
                       " or more with severe redness is the clinic's threshold; ask about any "
                       "product put on the skin.";
            },
            r.allergy_source);
    }

    void blisters_rule() {
        const bool early = e.day <= r.blisters_window_days;
        consider(
            Rule::blisters, slot_of(Symptom::blisters), is_yes(e.score(Symptom::blisters)),
            early ? Severity::urgent : Severity::watch,
            [&] {
                const std::string window = std::to_string(r.blisters_window_days);
                const std::string day = "Blisters on day " + std::to_string(e.day);
                return early ? day + ", within " + window +
                                   " days of treatment (the clinic's window for cold sores): "
                                   "possible cold-sore (HSV) reactivation. Contact the client "
                                   "today."
                             : day + ", later than the " + window +
                                   " days in which the clinic looks for cold-sore reactivation; "
                                   "not part of the usual course.";
            },
            r.blisters_source);
    }

    void pigmentation_rule() {
        consider(
            Rule::hyperpigmentation, slot_of(Symptom::hyperpigmentation),
            is_yes(e.score(Symptom::hyperpigmentation)), Severity::watch,
            [&] {
                const int threshold = r.pigmentation_higher_risk_fitzpatrick;
                const std::string types = "types " + roman(threshold) + " and above";
                std::string text = "Darker patches on day " + std::to_string(e.day) +
                                   ": possible post-inflammatory hyperpigmentation. ";
                const auto& fitz = a.facts_.fitzpatrick;
                if (!fitz) {
                    return text + "Skin type not recorded; the risk is higher for " + types + ".";
                }
                if (*fitz >= threshold) {
                    return text + "Skin type " + roman(*fitz) + ": more concern, the risk is " +
                           "higher for " + types + ".";
                }
                return text + "Skin type " + roman(*fitz) + ": the risk is higher for " + types +
                       ", lower here.";
            },
            r.pigmentation_source);
    }

    // The first time bruising, scabbing or bleeding is reported above 0: a note on what is
    // usual for this treatment and when to worry. Pinpoint bleeding on the treatment day is
    // the procedure itself (the intended endpoint after deep needling): seen, not noted. When
    // another rule already raised a concern about the sign on this entry, that flag says it.
    void first_appearance_rule() {
        for (const Symptom s : noted_signs) {
            const auto v = e.score(s);
            if (!v || *v <= 0 || seen(s)) {
                continue;
            }
            a.seen_ |= bit(slot_of(s));
            const bool procedure =
                s == Symptom::bleeding && *v <= 1 && e.day <= r.bleeding_after_day;
            if (procedure || (concerns & bit(slot_of(s))) != 0) {
                continue;
            }
            const auto usual = usual_sign(s, a.facts_, *a.profile_);
            raise(Rule::first_appearance, slot_of(s), Severity::info, e.day,
                  name_of(s) + " first seen on day " + std::to_string(e.day) + " (" +
                      label_of(s, *v) + ") after " + describe_treatment(a.facts_) + ". " +
                      usual.text,
                  usual.source_key);
        }
    }

    // A run of days 1..logging_days without a check-in, once a later check-in shows it was
    // a gap and not the end of the log. An entry reporting nothing is not a check-in.
    void logging_rule() {
        if (e.empty()) {
            return;
        }
        const int first = std::max(a.last_check_in_ + 1, 1);
        const int last = std::min(e.day - 1, r.logging_days);
        if (first <= last) {
            // No source sets a check-in window (the profile's logging_note says so): it is
            // the clinic's choice, the week in which Chu 2021 finds the short-lived effects
            // settle (the redness ceiling), which is the source it cites.
            raise(Rule::logging_gap, logging_slot, Severity::info, first,
                  "No check-in on " + days_text(first, last) + " in the first " +
                      std::to_string(r.logging_days) +
                      " days after treatment (the check-in window the clinic chose).",
                  r.redness_ceiling_source);
        }
        a.last_check_in_ = std::max(a.last_check_in_, e.day);
    }

    void run() {
        lasting_rules();
        worsening_rule();
        pain_lasting_rule();
        bleeding_rules();
        infection_rule();
        allergy_rule();
        blisters_rule();
        pigmentation_rule();
        first_appearance_rule(); // after every rule that can raise a concern about a sign
        logging_rule();
        for (std::size_t i = 0; i < e.scores.size(); ++i) {
            if (e.scores.at(i)) {
                a.last_known_.at(i) = e.scores.at(i);
            }
        }
    }
};

Assessor::Assessor(SessionFacts facts, const NormsProfile& profile)
    : facts_(std::move(facts)), profile_(&profile), course_(expected_course(facts_, profile)) {
    reset();
}

void Assessor::reset() {
    flags_.clear();
    last_known_ = {};
    firing_.assign(rule_count * slot_count, false);
    last_check_in_ = 0;
    seen_ = 0;
}

void Assessor::apply(const DayEntry& entry) {
    Step{*this, entry}.run();
}

void Assessor::add(const DayEntry& entry) {
    if (entries_.empty() || entry.day >= entries_.back().day) {
        entries_.push_back(entry);
        apply(entries_.back());
        return;
    }
    // A late entry for an earlier day: replay everything in day order.
    entries_.push_back(entry);
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const DayEntry& x, const DayEntry& y) { return x.day < y.day; });
    reset();
    for (const auto& e : entries_) {
        apply(e);
    }
}

std::vector<Flag> assess(std::span<const DayEntry> entries, const SessionFacts& facts,
                         const NormsProfile& profile) {
    std::vector<DayEntry> ordered(entries.begin(), entries.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const DayEntry& x, const DayEntry& y) { return x.day < y.day; });
    Assessor assessor(facts, profile);
    for (const auto& e : ordered) {
        assessor.add(e);
    }
    return assessor.flags();
}

} // namespace punctum::core
