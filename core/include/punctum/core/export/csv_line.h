#pragma once
// One record of a CSV file as RFC 4180 writes it (UTF-8, fields joined by ',', the record
// ended by CRLF), for the exports a reviewer opens in a spreadsheet or reads in R.

#include <optional>
#include <string>
#include <string_view>

namespace punctum::core {

/// Builds one record field by field; finish() hands back the line with its CRLF.
class CsvLine {
public:
    /// A value as it is: quoted when it holds a comma, a double quote, CR or LF, with its
    /// double quotes doubled.
    CsvLine& field(std::string_view value);
    /// Free text someone typed (a name, a device, a message). As field(), but text that a
    /// spreadsheet would run as a formula (a leading = + - @, tab or CR) is prefixed with
    /// ' so that it shows as text: a record must not become a command in the reviewer's
    /// spreadsheet (OWASP, "CSV injection"). Scripts reading the file see the ' too.
    CsvLine& text(std::string_view value);
    /// A whole number, or an empty field when absent.
    CsvLine& number(std::optional<long long> value);
    /// A decimal with up to `decimals` places (trailing zeros kept), or empty when absent.
    CsvLine& decimal(std::optional<double> value, int decimals);
    /// The record, with CRLF; the line is empty again afterwards.
    [[nodiscard]] std::string finish();

private:
    void separate();
    std::string line_;
    bool first_ = true;
};

} // namespace punctum::core
