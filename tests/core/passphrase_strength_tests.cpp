// The passphrase meter: common passwords and runs are weak whatever their length, short ones
// are never good, unrelated words are strong, and each level comes with its one sentence.

#include "punctum/core/security/passphrase_strength.h"

#include <catch2/catch.hpp>

#include <string>

namespace core = punctum::core;
using core::PassphraseLevel;

TEST_CASE("core: an empty passphrase is very weak and says what to type") {
    const auto s = core::assess_passphrase("");
    CHECK(s.level == PassphraseLevel::very_weak);
    CHECK(s.advice == "Type a passphrase: four unrelated words work well.");
    CHECK_FALSE(core::acceptable(s));
}

TEST_CASE("core: the most common passwords are very weak, look-alikes and end digits too") {
    for (const char* text : {"password", "Password", "P4ssw0rd", "password123!", "qwertyuiop",
                             "123456789", "iloveyou", "Punctum2026"}) {
        INFO(text);
        const auto s = core::assess_passphrase(text);
        CHECK(s.level == PassphraseLevel::very_weak);
        CHECK(s.advice == "This is one of the most common passwords, so it is guessed first: "
                          "choose four unrelated words instead.");
    }
}

TEST_CASE("core: under 12 characters is never better than fair, and says too short") {
    const auto short_but_varied = core::assess_passphrase("Tr0ub4d&x!");
    CHECK(short_but_varied.level <= PassphraseLevel::fair);
    CHECK(short_but_varied.advice ==
          "Too short: use at least 12 characters, or four unrelated words.");
    CHECK_FALSE(core::acceptable(short_but_varied));
    CHECK(core::assess_passphrase("k7#Qz").level == PassphraseLevel::very_weak);
}

TEST_CASE("core: repeats, sequences and keyboard runs count for little") {
    for (const char* text :
         {"aaaaaaaaaaaaaaaa", "abcdefghijklmnop", "1234567890123456", "qwertyasdfghzxcv"}) {
        INFO(text);
        const auto s = core::assess_passphrase(text);
        CHECK(s.level < core::minimum_passphrase_level);
        CHECK_FALSE(core::acceptable(s));
    }
    CHECK(core::assess_passphrase("aaaaaaaaaaaaaaaa").advice ==
          "Repeats, sequences such as abc or 123 and keyboard runs such as qwerty are guessed "
          "quickly: use unrelated words instead.");
}

TEST_CASE("core: a long passphrase built on a common password says so") {
    const auto s = core::assess_passphrase("password password");
    CHECK(s.level < core::minimum_passphrase_level);
    CHECK(s.advice == "It is built on a common password, which guessers try first: add a few "
                      "unrelated words.");
}

TEST_CASE("core: unrelated words are strong, a varied 12 characters is good") {
    const auto words = core::assess_passphrase("correct horse battery staple");
    CHECK(words.level == PassphraseLevel::strong);
    CHECK(core::acceptable(words));
    CHECK(words.advice == "Strong: hard to guess. Keep it somewhere safe; nobody can reset it "
                          "without the recovery key.");

    const auto varied = core::assess_passphrase("mT9-vek2Lor7");
    CHECK(varied.level >= PassphraseLevel::good);
    CHECK(core::acceptable(varied));
}

TEST_CASE("core: the level only grows as good words are added") {
    std::string text = "lantern";
    auto previous = core::assess_passphrase(text).bits;
    for (const char* word : {" otter", " gravel", " mosaic"}) {
        text += word;
        const auto now = core::assess_passphrase(text).bits;
        CHECK(now > previous);
        previous = now;
    }
    CHECK(core::assess_passphrase(text).level == PassphraseLevel::strong);
}

TEST_CASE("core: each level has its word") {
    CHECK(core::to_string(PassphraseLevel::very_weak) == "Very weak");
    CHECK(core::to_string(PassphraseLevel::weak) == "Weak");
    CHECK(core::to_string(PassphraseLevel::fair) == "Fair");
    CHECK(core::to_string(PassphraseLevel::good) == "Good");
    CHECK(core::to_string(PassphraseLevel::strong) == "Strong");
}
