#include "strict_json.h"

#include <cmath>

namespace punctum::core {

StrictObject::StrictObject(const nlohmann::json& value, std::string path)
    : object_(value), path_(std::move(path)) {
    if (!object_.is_object()) {
        throw StrictJsonError(StrictJsonError::Kind::bad_value, path_ + " must be a JSON object.");
    }
}

const nlohmann::json& StrictObject::raw(const std::string& key) {
    if (!object_.contains(key)) {
        throw StrictJsonError(StrictJsonError::Kind::missing, field(key) + " is missing.");
    }
    read_.insert(key);
    return object_.at(key);
}

std::string StrictObject::text(const std::string& key) {
    const auto& v = raw(key);
    if (!v.is_string()) {
        throw StrictJsonError(StrictJsonError::Kind::bad_value, field(key) + " must be text.");
    }
    return v.get<std::string>();
}

std::string StrictObject::text_or(const std::string& key, const std::string& fallback) {
    return has(key) ? text(key) : fallback;
}

int StrictObject::integer(const std::string& key, int min, int max) {
    const auto& v = raw(key);
    if (!v.is_number_integer() || v.get<long long>() < min || v.get<long long>() > max) {
        throw StrictJsonError(StrictJsonError::Kind::bad_value,
                              field(key) + " must be a whole number from " + std::to_string(min) +
                                  " to " + std::to_string(max) + ".");
    }
    return static_cast<int>(v.get<long long>());
}

int StrictObject::integer_or(const std::string& key, int fallback, int min, int max) {
    return has(key) ? integer(key, min, max) : fallback;
}

double StrictObject::number(const std::string& key, double min, double max) {
    const auto& v = raw(key);
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < min ||
        v.get<double>() > max) {
        throw StrictJsonError(StrictJsonError::Kind::bad_value,
                              field(key) + " must be a number from " + std::to_string(min) +
                                  " to " + std::to_string(max) + ".");
    }
    return v.get<double>();
}

bool StrictObject::boolean(const std::string& key) {
    const auto& v = raw(key);
    if (!v.is_boolean()) {
        throw StrictJsonError(StrictJsonError::Kind::bad_value,
                              field(key) + " must be true or false.");
    }
    return v.get<bool>();
}

StrictObject StrictObject::object(const std::string& key) {
    return {raw(key), field(key)};
}

const nlohmann::json& StrictObject::array(const std::string& key) {
    const auto& v = raw(key);
    if (!v.is_array()) {
        throw StrictJsonError(StrictJsonError::Kind::bad_value, field(key) + " must be a list.");
    }
    return v;
}

void StrictObject::finish() const {
    for (const auto& [key, value] : object_.items()) {
        if (read_.count(key) == 0) {
            throw StrictJsonError(StrictJsonError::Kind::unknown,
                                  field(key) + " is not a known field. Check its spelling.");
        }
    }
}

} // namespace punctum::core
