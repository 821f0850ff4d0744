#include "punctum/core/security/passphrase_strength.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace punctum::core {

namespace {

// The passwords guessers try first (the top of the public breach lists), plus the words
// anyone would guess for this app. Compared after lower-casing and undoing common
// look-alike digits ("p4ssw0rd"), so they need not be listed twice.
constexpr std::array<std::string_view, 72> common_passwords = {
    "password",   "passw0rd", "123456",   "12345678", "123456789", "1234567890",    "qwerty",
    "qwertyuiop", "abc123",   "111111",   "123123",   "letmein",   "iloveyou",      "admin",
    "welcome",    "monkey",   "dragon",   "football", "baseball",  "sunshine",      "princess",
    "master",     "shadow",   "trustno1", "superman", "batman",    "michael",       "jennifer",
    "jordan",     "hunter",   "freedom",  "whatever", "starwars",  "computer",      "secret",
    "login",      "hello",    "charlie",  "donald",   "ashley",    "bailey",        "access",
    "flower",     "mustang",  "soccer",   "hockey",   "killer",    "pepper",        "ginger",
    "summer",     "winter",   "spring",   "autumn",   "cheese",    "orange",        "banana",
    "chocolate",  "internet", "changeme", "default",  "zaq12wsx",  "1q2w3e4r",      "asdfgh",
    "zxcvbn",     "qazwsx",   "punctum",  "clinic",   "patient",   "microneedling", "skincare",
    "doctor",     "nurse"};

constexpr std::array<std::string_view, 4> keyboard_rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm",
                                                           "1234567890"};

char undo_lookalike(char c) {
    switch (c) {
    case '0':
        return 'o';
    case '1':
        return 'i';
    case '3':
        return 'e';
    case '4':
        return 'a';
    case '5':
        return 's';
    case '7':
        return 't';
    case '@':
        return 'a';
    case '$':
        return 's';
    default:
        return c;
    }
}

bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii(char c) {
    return static_cast<unsigned char>(c) < 0x80;
}

// Whether `c` continues a run after `p`: the same key again, the next or previous letter
// or digit ("abc", "321"), or the neighbouring key on a keyboard row ("qwe", "asd").
bool continues_run(char p, char c) {
    if (c == p) {
        return true;
    }
    const bool same_class = (is_lower(p) && is_lower(c)) || (is_digit(p) && is_digit(c));
    if (same_class && (c - p == 1 || p - c == 1)) {
        return true;
    }
    return std::any_of(keyboard_rows.begin(), keyboard_rows.end(), [&](std::string_view row) {
        const auto i = row.find(p);
        const auto j = row.find(c);
        return i != std::string_view::npos && j != std::string_view::npos &&
               (i + 1 == j || j + 1 == i);
    });
}

// Wipes the lower-cased copies: they held the passphrase.
void wipe(std::string& text) {
    volatile char* p = text.data();
    for (std::size_t i = 0; i < text.size(); ++i) {
        p[i] = 0;
    }
    text.clear();
}

PassphraseLevel level_of(double bits) {
    if (bits < 28) {
        return PassphraseLevel::very_weak;
    }
    if (bits < 36) {
        return PassphraseLevel::weak;
    }
    if (bits < 50) {
        return PassphraseLevel::fair;
    }
    if (bits < 64) {
        return PassphraseLevel::good;
    }
    return PassphraseLevel::strong;
}

} // namespace

std::string_view to_string(PassphraseLevel level) {
    switch (level) {
    case PassphraseLevel::very_weak:
        return "Very weak";
    case PassphraseLevel::weak:
        return "Weak";
    case PassphraseLevel::fair:
        return "Fair";
    case PassphraseLevel::good:
        return "Good";
    case PassphraseLevel::strong:
        return "Strong";
    }
    return "Very weak";
}

PassphraseStrength assess_passphrase(std::string_view passphrase) {
    PassphraseStrength out;
    // Characters, not bytes: a UTF-8 continuation byte is part of the character before it.
    std::size_t length = 0;
    bool lower = false, upper = false, digit = false, other = false, non_ascii = false;
    for (const char c : passphrase) {
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++length;
        }
        if (is_lower(c)) {
            lower = true;
        } else if (is_upper(c)) {
            upper = true;
        } else if (is_digit(c)) {
            digit = true;
        } else if (is_ascii(c)) {
            other = true;
        } else {
            non_ascii = true;
        }
    }
    if (length == 0) {
        out.advice = "Type a passphrase: four unrelated words work well.";
        return out;
    }

    std::string folded(passphrase);
    std::transform(folded.begin(), folded.end(), folded.begin(),
                   [](char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; });
    std::string plain = folded;
    std::transform(plain.begin(), plain.end(), plain.begin(), undo_lookalike);

    // The whole thing is a common password, give or take digits and symbols at its ends.
    const auto first = folded.find_first_not_of("0123456789!?.,;:-_*#+=~ \t\"'");
    const auto last = folded.find_last_not_of("0123456789!?.,;:-_*#+=~ \t\"'");
    const std::string_view core_word =
        first == std::string::npos ? std::string_view(folded)
                                   : std::string_view(plain).substr(first, last - first + 1);
    const auto is_common = [](std::string_view word) {
        return std::find(common_passwords.begin(), common_passwords.end(), word) !=
               common_passwords.end();
    };
    if (is_common(core_word) || is_common(folded)) {
        out.advice = "This is one of the most common passwords, so it is guessed first: "
                     "choose four unrelated words instead.";
        wipe(folded);
        wipe(plain);
        return out;
    }

    // Characters that a guesser gets almost free: runs, and all but one of each common word.
    double effective = 0.0;
    std::size_t run_chars = 0;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if ((static_cast<unsigned char>(folded[i]) & 0xC0U) == 0x80U) {
            continue;
        }
        if (i > 0 && is_ascii(folded[i]) && continues_run(folded[i - 1], folded[i])) {
            ++run_chars;
            effective += 0.25;
        } else {
            effective += 1.0;
        }
    }
    bool contains_common = false;
    for (const auto word : common_passwords) {
        if (word.size() >= 4 && plain.find(word) != std::string::npos) {
            contains_common = true;
            effective -= static_cast<double>(word.size()) - 1.5;
        }
    }
    effective = std::max(effective, 1.0);

    int pool = 0;
    pool += lower ? 26 : 0;
    pool += upper ? 26 : 0;
    pool += digit ? 10 : 0;
    pool += other ? 33 : 0;
    pool += non_ascii ? 100 : 0;
    out.bits = effective * std::log2(static_cast<double>(std::max(pool, 2)));
    out.level = level_of(out.bits);
    if (length < 8) {
        out.level = PassphraseLevel::very_weak;
    } else if (length < recommended_passphrase_length) {
        out.level = std::min(out.level, PassphraseLevel::fair);
    }

    if (length < recommended_passphrase_length) {
        out.advice = "Too short: use at least 12 characters, or four unrelated words.";
    } else if (out.level < minimum_passphrase_level && contains_common) {
        out.advice = "It is built on a common password, which guessers try first: add a few "
                     "unrelated words.";
    } else if (out.level < minimum_passphrase_level && run_chars * 3 >= length) {
        out.advice = "Repeats, sequences such as abc or 123 and keyboard runs such as qwerty "
                     "are guessed quickly: use unrelated words instead.";
    } else if (out.level < minimum_passphrase_level) {
        out.advice = "Make it longer: add another unrelated word or two.";
    } else if (out.level == PassphraseLevel::good) {
        out.advice = "Good: this would take a long time to guess. Another word makes it "
                     "stronger still.";
    } else {
        out.advice = "Strong: hard to guess. Keep it somewhere safe; nobody can reset it "
                     "without the recovery key.";
    }
    wipe(folded);
    wipe(plain);
    return out;
}

} // namespace punctum::core
