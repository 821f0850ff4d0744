#pragma once
// Secrets (passphrases, keys) live in libsodium's guarded memory: locked against swap,
// surrounded by guard pages, wiped on free. Never copy them into std::string or QString.

#include <cstddef>
#include <span>
#include <string_view>

namespace punctum::storage {

/// A fixed-size buffer of secret bytes in sodium_malloc memory. Move-only.
class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    /// Copies `text` in; the caller wipes its own copy.
    [[nodiscard]] static SecureBytes from(std::string_view text);
    ~SecureBytes();
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    [[nodiscard]] unsigned char* data() { return data_; }
    [[nodiscard]] const unsigned char* data() const { return data_; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] std::span<const unsigned char> bytes() const { return {data_, size_}; }
    /// The bytes as characters, for passing a passphrase on without copying it.
    [[nodiscard]] std::string_view view() const;

private:
    unsigned char* data_ = nullptr;
    std::size_t size_ = 0;
};

/// Wipes ordinary memory that briefly held a secret.
void wipe(void* data, std::size_t size);

} // namespace punctum::storage
