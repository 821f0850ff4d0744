#include "punctum/storage/secure_bytes.h"

#include <cstring>
#include <new>
#include <sodium.h>

namespace punctum::storage {

SecureBytes::SecureBytes(std::size_t size) {
    if (size == 0) {
        return;
    }
    // sodium_malloc needs an initialised library; sodium_init is idempotent and thread-safe.
    static const bool initialised = sodium_init() >= 0;
    if (!initialised) {
        throw std::bad_alloc();
    }
    data_ = static_cast<unsigned char*>(sodium_malloc(size));
    if (data_ == nullptr) {
        throw std::bad_alloc(); // out of locked memory: nothing sensible to do but stop
    }
    size_ = size;
}

SecureBytes SecureBytes::from(std::string_view text) {
    SecureBytes out(text.size());
    if (!text.empty()) {
        std::memcpy(out.data_, text.data(), text.size());
    }
    return out;
}

SecureBytes::~SecureBytes() {
    if (data_ != nullptr) {
        sodium_free(data_); // wipes before freeing
    }
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept : data_(other.data_), size_(other.size_) {
    other.data_ = nullptr;
    other.size_ = 0;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept {
    if (this != &other) {
        if (data_ != nullptr) {
            sodium_free(data_);
        }
        data_ = other.data_;
        size_ = other.size_;
        other.data_ = nullptr;
        other.size_ = 0;
    }
    return *this;
}

std::string_view SecureBytes::view() const {
    return {reinterpret_cast<const char*>(data_), size_};
}

void wipe(void* data, std::size_t size) {
    if (data != nullptr && size > 0) {
        sodium_memzero(data, size);
    }
}

} // namespace punctum::storage
