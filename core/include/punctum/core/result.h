#pragma once
// Result<T, E>: a value or an error, so that no exception crosses a library boundary.
// Modelled on std::expected (C++23), which the compilers we support do not have yet.

#include <cassert>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace punctum {

/// An error: a module's code plus a message that says what was wrong and what to do.
template <typename Code> struct Error {
    Code code;
    std::string message;
};

/// Wraps an error on its way into a Result, as std::unexpected does.
template <typename E> struct Failure { E error; };

template <typename Code> [[nodiscard]] Failure<Error<Code>> fail(Code code, std::string message) {
    return {Error<Code>{code, std::move(message)}};
}

/// A value of type T, or an error of type E.
template <typename T, typename E> class [[nodiscard]] Result {
public:
    using value_type = T;
    using error_type = E;

    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {} // NOLINT: implicit
    template <typename F>
    Result(Failure<F> failure) // NOLINT: implicit, like std::unexpected
        : state_(std::in_place_index<1>, E(std::move(failure.error))) {}

    [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    [[nodiscard]] T& value() & {
        assert(ok());
        return std::get<0>(state_);
    }
    [[nodiscard]] const T& value() const& {
        assert(ok());
        return std::get<0>(state_);
    }
    [[nodiscard]] T&& value() && {
        assert(ok());
        return std::get<0>(std::move(state_));
    }
    [[nodiscard]] const E& error() const {
        assert(!ok());
        return std::get<1>(state_);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    /// The error as a Failure, to pass it up unchanged: `return r.failure();`.
    [[nodiscard]] Failure<E> failure() const { return {error()}; }

private:
    std::variant<T, E> state_;
};

/// A Result that carries no value: success, or an error.
template <typename E> class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    template <typename F>
    Result(Failure<F> failure) // NOLINT: implicit, like std::unexpected
        : error_(E(std::move(failure.error))), ok_(false) {}

    [[nodiscard]] bool ok() const noexcept { return ok_; }
    explicit operator bool() const noexcept { return ok_; }
    [[nodiscard]] const E& error() const {
        assert(!ok_);
        return error_;
    }
    [[nodiscard]] Failure<E> failure() const { return {error()}; }

private:
    E error_{};
    bool ok_ = true;
};

} // namespace punctum
