#include "exchange_keys.h"

#include "file_io.h"
#include "punctum/core/date.h"
#include "signing.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace punctum::storage::detail {

namespace ex = core::exchange;

std::optional<ClinicIdentity> load_clinic_identity(Connection& db) {
    Statement st(db, "SELECT box_public, box_secret, sign_public, sign_secret "
                     "FROM exchange_identity WHERE id = 1");
    if (!st.step()) {
        return std::nullopt;
    }
    return ClinicIdentity{st.blob(0), st.secret_blob(1), st.blob(2), st.secret_blob(3)};
}

ClinicIdentity clinic_identity(VaultContext& ctx) {
    if (auto existing = load_clinic_identity(*ctx.db)) {
        return std::move(*existing);
    }
    auto box = crypto::box_keypair();
    auto sign = signing::generate();
    Statement st(*ctx.db, "INSERT INTO exchange_identity (id, box_public, box_secret, "
                          "sign_public, sign_secret, created_at, created_by) "
                          "VALUES (1, ?, ?, ?, ?, ?, ?)");
    st.bind_blob(1, box.public_key)
        .bind_blob(2, box.secret_key.bytes())
        .bind_blob(3, sign.public_key)
        .bind_blob(4, sign.secret_key.bytes())
        .bind(5, core::format_timestamp(ctx.clock.now()))
        .bind(6, ctx.account.id.value)
        .run();
    ctx.record("exchange.identity", "vault",
               "box:" + hex(box.public_key) + "|sign:" + hex(sign.public_key));
    return {std::move(box.public_key), std::move(box.secret_key), std::move(sign.public_key),
            std::move(sign.secret_key)};
}

crypto::Bytes key_id(std::span<const unsigned char> box_public) {
    auto d = crypto::digest({reinterpret_cast<const char*>(box_public.data()), box_public.size()});
    d.resize(16);
    return d;
}

crypto::Bytes binding(const SecureBytes& pairing_secret,
                      std::span<const unsigned char> sign_public) {
    crypto::Bytes message{'p', 'u', 'n', 'c', 't', 'u', 'm', '-',
                          'b', 'i', 'n', 'd', '-', 'v', '1'};
    message.insert(message.end(), sign_public.begin(), sign_public.end());
    auto mac = crypto::mac(pairing_secret, message);
    mac.resize(32);
    return mac;
}

Failure<StorageError> refuse(std::string message) {
    return fail(StorageErrc::rejected, std::move(message));
}

StorageResult<crypto::Bytes> read_exchange_file(const std::filesystem::path& file,
                                                ex::FileKind kind) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return Failure<StorageError>{from_errno(errno, "opening " + file.filename().string())};
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        return Failure<StorageError>{from_errno(errno, "reading " + file.filename().string())};
    }
    if (!S_ISREG(info.st_mode)) {
        return fail(StorageErrc::invalid_input, file.filename().string() + " is not a file.");
    }
    const auto size = static_cast<std::uint64_t>(info.st_size);
    const auto read_at = [&](crypto::Bytes& into, std::uint64_t from) -> bool {
        std::size_t done = 0;
        while (done < into.size()) {
            const auto n = ::pread(fd, into.data() + done, into.size() - done,
                                   static_cast<off_t>(from + done));
            if (n <= 0) {
                if (n < 0 && errno == EINTR) {
                    continue;
                }
                return false;
            }
            done += static_cast<std::size_t>(n);
        }
        return true;
    };
    crypto::Bytes start(
        std::min<std::uint64_t>(size, ex::fixed_prefix_size + ex::max_header_size + 8));
    if (!read_at(start, 0)) {
        return Failure<StorageError>{
            from_errno(errno == 0 ? EIO : errno, "reading " + file.filename().string())};
    }
    auto prefix = ex::read_prefix(start, size);
    if (!prefix) {
        return refuse(prefix.error().message);
    }
    if (prefix->kind != kind) {
        return refuse(kind == ex::FileKind::care_plan
                          ? "This is a recovery report, not a care plan: the clinic imports it."
                          : "This is a care plan, not a recovery report: the patient opens it "
                            "with their pairing code.");
    }
    crypto::Bytes whole(size);
    if (!read_at(whole, 0)) {
        return Failure<StorageError>{
            from_errno(errno == 0 ? EIO : errno, "reading " + file.filename().string())};
    }
    return whole;
}

std::string utf8_prefix(const std::string& text, std::size_t max) {
    if (text.size() <= max) {
        return text;
    }
    while (max > 0 && (static_cast<unsigned char>(text[max]) & 0xC0) == 0x80) {
        --max;
    }
    return text.substr(0, max);
}

std::string hex(std::span<const unsigned char> bytes) {
    return crypto::to_hex(bytes);
}

std::optional<crypto::Bytes> unhex(std::string_view text, std::size_t size) {
    auto bytes = crypto::from_hex(text);
    if (!bytes || bytes->size() != size) {
        return std::nullopt;
    }
    return bytes;
}

SecureBytes secret_from_hex(std::string_view text) {
    auto bytes = crypto::from_hex(text);
    SecureBytes out(bytes ? bytes->size() : 0);
    if (bytes) {
        std::copy(bytes->begin(), bytes->end(), out.data());
        wipe(bytes->data(), bytes->size());
    }
    return out;
}

} // namespace punctum::storage::detail
