#pragma once
// Reading outside JSON strictly: every field is named when it is missing, has the wrong
// type or range, or is not known at all. Internal to core; callers turn StrictJsonError
// into their module's error at the boundary.

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>
#include <string>

namespace punctum::core {

class StrictJsonError : public std::runtime_error {
public:
    enum class Kind { missing, unknown, bad_value, undefined_reference };
    StrictJsonError(Kind kind, const std::string& message)
        : std::runtime_error(message), kind_(kind) {}
    [[nodiscard]] Kind kind() const { return kind_; }

private:
    Kind kind_;
};

/// One JSON object being read; `finish()` refuses fields nobody asked for.
class StrictObject {
public:
    StrictObject(const nlohmann::json& value, std::string path);

    [[nodiscard]] bool has(const std::string& key) const { return object_.contains(key); }
    [[nodiscard]] const nlohmann::json& raw(const std::string& key);
    [[nodiscard]] std::string text(const std::string& key);
    [[nodiscard]] std::string text_or(const std::string& key, const std::string& fallback);
    [[nodiscard]] int integer(const std::string& key, int min, int max);
    [[nodiscard]] int integer_or(const std::string& key, int fallback, int min, int max);
    [[nodiscard]] double number(const std::string& key, double min, double max);
    [[nodiscard]] bool boolean(const std::string& key);
    [[nodiscard]] StrictObject object(const std::string& key);
    [[nodiscard]] const nlohmann::json& array(const std::string& key);
    [[nodiscard]] std::string field(const std::string& key) const { return path_ + "." + key; }
    [[nodiscard]] const std::string& path() const { return path_; }
    /// The object itself, for an object whose keys are data (a map), not fields.
    [[nodiscard]] const nlohmann::json& whole() const { return object_; }
    void finish() const;

private:
    const nlohmann::json& object_;
    std::string path_;
    std::set<std::string> read_;
};

} // namespace punctum::core
