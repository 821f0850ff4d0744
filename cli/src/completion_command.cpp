// completion bash: a bash completion script written from CLI11's own command tree, so it
// names exactly the commands and options this binary parses and can never drift from them.
// Hidden from --help (an empty group); the build installs its output (cli/CMakeLists.txt).

#include "commands.h"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace punctum::cli {
namespace {

/// What the script knows about one command: the words after it and the values they take.
struct CommandSpec {
    std::string path; ///< "vault init"; empty for punctum-cli itself
    std::vector<std::string> subcommands;
    std::vector<std::string> options;      ///< every name, --long and -s
    std::vector<std::string> takes_value;  ///< the names of options that take a value
    std::vector<std::string> file_options; ///< ... whose value is a file or folder
    std::vector<std::pair<std::string, std::string>> choices; ///< name, "a b c"
    bool file_positional = false; ///< a positional that is text (a file, or "-")
};

/// Only words bash can take as they are; a name CLI11 accepted always is one.
bool plain_word(const std::string& word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == ':';
    });
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// A path's value: named so (--vault, --out, --passphrase-file, --profile), or described as
/// a file ("--from: Backup file"). Dates and ids never are.
bool names_a_file(const CLI::Option& opt) {
    static const std::vector<std::string> words{"file", "dir",   "folder", "out",
                                                "path", "vault", "profile"};
    for (const auto& name : opt.get_lnames()) {
        std::istringstream parts(name);
        std::string part;
        while (std::getline(parts, part, '-')) {
            if (std::find(words.begin(), words.end(), part) != words.end()) {
                return true;
            }
        }
    }
    std::istringstream description(lower(opt.get_description()));
    std::string word;
    while (description >> word) {
        if (word == "file") {
            return true;
        }
    }
    return false;
}

/// "a b" from a type name ending in ":{a,b}" (CLI::IsMember), or empty.
std::string choices_of(const CLI::Option& opt) {
    const auto type = opt.get_type_name();
    const auto open = type.rfind(":{");
    if (open == std::string::npos || type.back() != '}') {
        return {};
    }
    std::istringstream items(type.substr(open + 2, type.size() - open - 3));
    std::string item;
    std::string out;
    while (std::getline(items, item, ',')) {
        if (!plain_word(item)) {
            return {};
        }
        out += (out.empty() ? "" : " ") + item;
    }
    return out;
}

void collect(CLI::App& app, const std::string& path, std::vector<CommandSpec>& specs) {
    CommandSpec spec;
    spec.path = path;
    for (CLI::App* sub : app.get_subcommands({})) {
        if (plain_word(sub->get_name())) {
            spec.subcommands.push_back(sub->get_name());
        }
    }
    const CLI::Option* help = app.get_help_ptr();
    const CLI::Option* help_all = app.get_help_all_ptr();
    for (const CLI::Option* opt : app.get_options()) {
        if (opt == help || opt == help_all) {
            continue;
        }
        if (!opt->nonpositional()) {
            spec.file_positional =
                spec.file_positional || opt->get_type_name().rfind("TEXT", 0) == 0;
            continue;
        }
        std::vector<std::string> names;
        for (const auto& l : opt->get_lnames()) {
            names.push_back("--" + l);
        }
        for (const auto& s : opt->get_snames()) {
            names.push_back("-" + s);
        }
        const bool value = opt->get_items_expected_max() > 0;
        const bool file = value && names_a_file(*opt);
        const auto choices = value ? choices_of(*opt) : std::string{};
        for (const auto& name : names) {
            if (!plain_word(name)) {
                continue;
            }
            spec.options.push_back(name);
            if (value) {
                spec.takes_value.push_back(name);
            }
            if (file) {
                spec.file_options.push_back(name);
            }
            if (!choices.empty()) {
                spec.choices.emplace_back(name, choices);
            }
        }
    }
    specs.push_back(spec);
    for (CLI::App* sub : app.get_subcommands({})) {
        if (plain_word(sub->get_name())) {
            collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), specs);
        }
    }
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

// The walk over the words typed so far: options and their values are stepped over, a known
// subcommand name descends into it, anything else is a positional. Then the word under the
// cursor is completed as the value of the option before it (its choices, or file names), as
// an option of the command reached, or as one of its subcommands (and file names where the
// command takes a file).
constexpr const char* bash_driver = R"bash(_punctum_cli() {
    local cur=${COMP_WORDS[COMP_CWORD]} path="" word pending="" i=1
    local subs opts vals files pos
    while (( i < COMP_CWORD )); do
        word=${COMP_WORDS[i]}
        _punctum_cli_spec "$path"
        if [[ -n $pending ]]; then
            pending=""
        elif [[ $word == -* ]]; then
            [[ " $vals " == *" $word "* ]] && pending=$word
        elif [[ " $subs " == *" $word "* ]]; then
            path=${path:+$path }$word
        fi
        (( i++ ))
    done
    _punctum_cli_spec "$path"
    COMPREPLY=()
    local IFS=$'\n'
    if [[ -n $pending ]]; then
        if [[ " $files " == *" $pending "* ]]; then
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
        else
            COMPREPLY=($(IFS=' '; compgen -W "$(_punctum_cli_choices "$path" "$pending")" -- "$cur"))
        fi
        return 0
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(IFS=' '; compgen -W "$opts" -- "$cur"))
        return 0
    fi
    COMPREPLY=($(IFS=' '; compgen -W "$subs" -- "$cur"))
    if [[ $pos == 1 ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY+=($(compgen -f -- "$cur"))
    fi
    return 0
}
complete -F _punctum_cli punctum-cli
)bash";

void print_bash(CLI::App& root) {
    std::vector<CommandSpec> specs;
    collect(root, "", specs);
    std::ostream& out = std::cout;
    out << "# bash completion for punctum-cli, written by `punctum-cli completion bash` from its\n"
           "# own command tree. Do not edit: run that command again.\n\n"
           "# _punctum_cli_spec PATH: the subcommands, options, options taking a value, options\n"
           "# taking a file, and whether a text positional is taken (pos=1), of one command.\n"
           "_punctum_cli_spec() {\n"
           "    subs=\"\" opts=\"\" vals=\"\" files=\"\" pos=0\n"
           "    case \"$1\" in\n";
    for (const auto& s : specs) {
        out << "    \"" << s.path << "\")\n"
            << "        subs=\"" << joined(s.subcommands) << "\"\n"
            << "        opts=\"" << joined(s.options) << "\"\n"
            << "        vals=\"" << joined(s.takes_value) << "\"\n"
            << "        files=\"" << joined(s.file_options) << "\"\n"
            << "        pos=" << (s.file_positional ? 1 : 0) << " ;;\n";
    }
    out << "    esac\n}\n\n"
           "# _punctum_cli_choices PATH OPTION: the values OPTION accepts, when it names them.\n"
           "_punctum_cli_choices() {\n"
           "    case \"$1|$2\" in\n";
    for (const auto& s : specs) {
        for (const auto& [name, values] : s.choices) {
            out << "    \"" << s.path << "|" << name << "\") echo \"" << values << "\" ;;\n";
        }
    }
    out << "    esac\n}\n\n" << bash_driver;
}

} // namespace

void add_completion_command(CLI::App& app, CliContext& ctx) {
    auto* completion = app.add_subcommand("completion", "Print a shell completion script");
    completion->group(""); // hidden from --help; the manual page documents it
    completion->require_subcommand(1);
    auto* bash = completion->add_subcommand(
        "bash", "The bash completion script (source it, or install it as "
                "bash-completion/completions/punctum-cli)");
    bash->group("Subcommands"); // a subcommand inherits its parent's (empty) group
    CLI::App* root = &app;
    bash->callback([root, &ctx] {
        print_bash(*root);
        ctx.exit_code = exit_ok;
    });
}

} // namespace punctum::cli
