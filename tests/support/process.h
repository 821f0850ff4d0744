#pragma once
// Runs a program as a child process (posix_spawn, arguments passed as a vector: no shell, so
// nothing in an argument is ever interpreted), feeding it /dev/null on stdin and capturing
// its stdout, stderr and exit code.

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ; // NOLINT: POSIX

namespace punctum::test {

struct ProcessResult {
    int exit_code = -1; ///< the child's exit status, or 128 + signal if it was killed
    std::string out;
    std::string err;
};

/// The current environment as NAME=value strings, without the variables named in `drop`.
inline std::vector<std::string> environment_without(const std::vector<std::string>& drop) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string_view var(*e);
        bool keep = true;
        for (const auto& name : drop) {
            if (var.size() > name.size() && var.substr(0, name.size()) == name &&
                var[name.size()] == '=') {
                keep = false;
            }
        }
        if (keep) {
            env.emplace_back(var);
        }
    }
    return env;
}

namespace detail {

struct Pipe {
    int read = -1;
    int write = -1;
    Pipe() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
        }
        read = fds[0];
        write = fds[1];
    }
    ~Pipe() {
        close_read();
        close_write();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    void close_read() {
        if (read >= 0) {
            ::close(read);
            read = -1;
        }
    }
    void close_write() {
        if (write >= 0) {
            ::close(write);
            write = -1;
        }
    }
};

struct FileActions {
    posix_spawn_file_actions_t actions{};
    FileActions() { posix_spawn_file_actions_init(&actions); }
    ~FileActions() { posix_spawn_file_actions_destroy(&actions); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
};

inline std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> out;
    out.reserve(strings.size() + 1);
    for (auto& s : strings) {
        out.push_back(s.data());
    }
    out.push_back(nullptr);
    return out;
}

} // namespace detail

/// Runs `program` with `args` (argv[1..]) and exactly the environment `env`. A child that
/// runs longer than `timeout` is killed (exit_code 128 + SIGKILL).
inline ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                                 const std::vector<std::string>& env,
                                 std::chrono::seconds timeout = std::chrono::seconds{120}) {
    detail::Pipe out;
    detail::Pipe err;
    detail::FileActions fa;
    posix_spawn_file_actions_addopen(&fa.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa.actions, out.write, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&fa.actions, err.write, STDERR_FILENO);

    std::vector<std::string> argv_strings{program};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<std::string> env_strings(env);
    auto argv = detail::c_strings(argv_strings);
    auto envp = detail::c_strings(env_strings);

    pid_t pid = 0;
    const int rc =
        ::posix_spawn(&pid, program.c_str(), &fa.actions, nullptr, argv.data(), envp.data());
    if (rc != 0) {
        throw std::runtime_error("posix_spawn " + program + ": " + std::strerror(rc));
    }
    out.close_write();
    err.close_write();

    ProcessResult result;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool killed = false;
    pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_fds = 2;
    while (open_fds > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            ::kill(pid, SIGKILL);
            killed = true;
            break;
        }
        const int n = ::poll(fds, 2, static_cast<int>(left.count()));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            break;
        }
        for (std::size_t i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) {
                continue;
            }
            char buf[4096];
            const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                fds[i].fd = -1; // closed by the child (or broken): stop watching it
                --open_fds;
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.exit_code = 128 + WTERMSIG(status);
    }
    if (killed) {
        result.err += "\n[test harness: killed after timeout]";
    }
    return result;
}

} // namespace punctum::test
