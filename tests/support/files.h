#pragma once
// Reading whole files and snapshotting a folder, to check that an operation changed nothing.

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace punctum::test {

/// The whole file as bytes; throws if it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
    // POSIX read rather than istreambuf_iterator, which GCC 12 at -O2 flags with a false
    // -Wnull-dereference inside libstdc++ (an error in CI builds).
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::string out;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            ::close(fd);
            throw std::runtime_error("cannot read " + path.string());
        }
        if (n == 0) {
            break;
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

inline void write_file(const std::filesystem::path& path, std::string_view contents) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (!out) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

/// Every entry below `folder` (relative path -> kind, mode and full contents): two
/// snapshots compare equal only if no file was added, removed, renamed or changed by a byte.
inline std::map<std::string, std::string> snapshot(const std::filesystem::path& folder) {
    std::map<std::string, std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        struct stat st {};
        ::lstat(entry.path().c_str(), &st);
        std::ostringstream value;
        value << "mode=" << std::oct << st.st_mode << std::dec << "\n";
        if (entry.is_regular_file()) {
            value << read_file(entry.path());
        }
        out[std::filesystem::relative(entry.path(), folder).string()] = value.str();
    }
    return out;
}

/// Names of the entries directly in `folder`, sorted.
inline std::string list_names(const std::filesystem::path& folder) {
    std::map<std::string, int> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        names[entry.path().filename().string()] = 0;
    }
    std::string out;
    for (const auto& [name, unused] : names) {
        out += name + "\n";
    }
    return out;
}

inline bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

} // namespace punctum::test
