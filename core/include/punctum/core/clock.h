#pragma once
// Time is injected so day offsets, waiting periods and auto-lock can be tested.

#include <chrono>

namespace punctum::core {

using TimePoint = std::chrono::sys_seconds;

/// Where "now" comes from. The app and CLI use SystemClock; tests use FixedClock.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual TimePoint now() const = 0;
};

/// The wall clock, in whole seconds (UTC).
class SystemClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override {
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    }
};

/// A clock that stays where it is put; tests move it on explicitly.
class FixedClock final : public Clock {
public:
    explicit FixedClock(TimePoint t) : now_(t) {}
    [[nodiscard]] TimePoint now() const override { return now_; }
    void set(TimePoint t) { now_ = t; }
    void advance(std::chrono::seconds by) { now_ += by; }

private:
    TimePoint now_;
};

} // namespace punctum::core
