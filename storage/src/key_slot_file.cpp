#include "key_slot_file.h"

#include "file_io.h"

#include <nlohmann/json.hpp>

namespace punctum::storage {

std::string_view to_string(VaultKind kind) {
    return kind == VaultKind::clinic ? "clinic" : "personal";
}

std::optional<VaultKind> vault_kind_from_string(std::string_view text) {
    if (text == "clinic") {
        return VaultKind::clinic;
    }
    if (text == "personal") {
        return VaultKind::personal;
    }
    return std::nullopt;
}

const KeySlot* KeySlotFile::find_account(std::string_view account) const {
    for (const auto& s : slots) {
        if (s.kind == "passphrase" && s.account == account) {
            return &s;
        }
    }
    return nullptr;
}

const KeySlot* KeySlotFile::find_recovery() const {
    for (const auto& s : slots) {
        if (s.kind == "recovery") {
            return &s;
        }
    }
    return nullptr;
}

std::string KeySlotFile::associated_data(const KeySlot& slot) const {
    std::string ad =
        "punctum-key-slot|" + vault_id + "|" + slot.id + "|" + slot.kind + "|" + slot.account;
    if (!slot.signing_key.empty()) {
        ad += "|ed25519:" + crypto::to_hex(slot.signing_key);
    }
    return ad;
}

namespace {

StorageError not_a_vault(const std::string& why) {
    return {StorageErrc::not_a_vault,
            "The vault's key file is not readable (" + why +
                "). If this is a Punctum vault, restore it from a backup."};
}

} // namespace

StorageResult<KeySlotFile> read_key_slots(const std::filesystem::path& path) {
    auto text = read_small_file(path, 1U << 20U);
    if (!text) {
        if (text.error().code == StorageErrc::io) {
            return fail(StorageErrc::not_a_vault,
                        "No Punctum vault here: " + path.parent_path().string() +
                            " has no key file. Choose a vault folder, or create a vault.");
        }
        return text.failure();
    }
    return parse_key_slots(text.value());
}

StorageResult<KeySlotFile> parse_key_slots(std::string_view text) {
    const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object()) {
        return Failure<StorageError>{not_a_vault("not JSON")};
    }
    try {
        KeySlotFile file;
        if (json.value("magic", std::string{}) != "punctum-vault") {
            return Failure<StorageError>{not_a_vault("no Punctum header")};
        }
        file.format = json.at("format").get<int>();
        if (file.format > KeySlotFile::current_format) {
            return fail(StorageErrc::newer_version,
                        "This vault was made by a newer version of Punctum (key file format " +
                            std::to_string(file.format) +
                            "). Update Punctum to open it; nothing was changed.");
        }
        file.vault_id = json.at("vault_id").get<std::string>();
        const auto kind = vault_kind_from_string(json.at("kind").get<std::string>());
        if (!kind) {
            return Failure<StorageError>{not_a_vault("unknown vault kind")};
        }
        file.kind = *kind;
        file.cipher_page_size = json.at("cipher_page_size").get<int>();
        for (const auto& js : json.at("slots")) {
            KeySlot slot;
            slot.id = js.at("id").get<std::string>();
            slot.kind = js.at("kind").get<std::string>();
            slot.account = js.value("account", std::string{});
            slot.kdf.opslimit = js.at("kdf").at("opslimit").get<std::uint64_t>();
            slot.kdf.memlimit = js.at("kdf").at("memlimit").get<std::size_t>();
            if (js.at("kdf").at("algorithm").get<std::string>() != "argon2id13" &&
                slot.kind == "passphrase") {
                return Failure<StorageError>{not_a_vault("unknown key derivation")};
            }
            auto salt = crypto::from_hex(js.at("salt").get<std::string>());
            auto public_key = crypto::from_hex(js.at("public_key").get<std::string>());
            auto wrapped = crypto::from_hex(js.at("wrapped_secret").get<std::string>());
            auto sealed = crypto::from_hex(js.at("sealed_data_key").get<std::string>());
            if (!salt || !public_key || !wrapped || !sealed) {
                return Failure<StorageError>{not_a_vault("damaged key slot")};
            }
            slot.salt = std::move(*salt);
            slot.public_key = std::move(*public_key);
            slot.wrapped_secret = std::move(*wrapped);
            slot.sealed_key = std::move(*sealed);
            if (const auto signing = js.find("signing_key"); signing != js.end()) {
                auto key = crypto::from_hex(signing->get<std::string>());
                if (!key || key->size() != 32) {
                    return Failure<StorageError>{not_a_vault("damaged signing key")};
                }
                slot.signing_key = std::move(*key);
            }
            file.slots.push_back(std::move(slot));
        }
        return file;
    } catch (const nlohmann::json::exception& e) {
        return Failure<StorageError>{
            not_a_vault(std::string("missing or wrong field: ") + e.what())};
    }
}

StorageResult<void> write_key_slots(const std::filesystem::path& path, const KeySlotFile& file) {
    return write_file_atomically(path, serialize_key_slots(file));
}

std::string serialize_key_slots(const KeySlotFile& file) {
    nlohmann::json json;
    json["magic"] = "punctum-vault";
    json["format"] = KeySlotFile::current_format;
    json["vault_id"] = file.vault_id;
    json["kind"] = std::string(to_string(file.kind));
    json["cipher_page_size"] = file.cipher_page_size;
    json["cipher"] = "sqlcipher-3 raw key (AES-256-CBC, HMAC-SHA1 pages)";
    auto& slots = json["slots"] = nlohmann::json::array();
    for (const auto& s : file.slots) {
        slots.push_back({{"id", s.id},
                         {"kind", s.kind},
                         {"account", s.account},
                         {"kdf",
                          {{"algorithm", s.kind == "passphrase" ? "argon2id13" : "blake2b"},
                           {"opslimit", s.kdf.opslimit},
                           {"memlimit", s.kdf.memlimit}}},
                         {"salt", crypto::to_hex(s.salt)},
                         {"public_key", crypto::to_hex(s.public_key)},
                         {"wrapped_secret", crypto::to_hex(s.wrapped_secret)},
                         {"sealed_data_key", crypto::to_hex(s.sealed_key)}});
        if (!s.signing_key.empty()) {
            slots.back()["signing_key"] = crypto::to_hex(s.signing_key);
        }
    }
    return json.dump(2) + "\n";
}

} // namespace punctum::storage
