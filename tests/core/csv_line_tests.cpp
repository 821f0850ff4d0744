// One CSV record as RFC 4180 writes it, and free text kept from running as a formula in
// the spreadsheet a reviewer opens the export in.

#include "punctum/core/export/csv_line.h"

#include <catch2/catch.hpp>

using punctum::core::CsvLine;

TEST_CASE("core: a CSV field is quoted only when it must be, its quotes doubled", "[core][csv]") {
    CsvLine line;
    CHECK(line.field("plain").field("a,b").field("say \"hi\"").field("two\r\nlines").finish() ==
          "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n");
    CHECK(line.field("").field("").finish() == ",\r\n");            // the line starts afresh
    CHECK(line.field("Zoë Ødegård").finish() == "Zoë Ødegård\r\n"); // UTF-8 as it is
}

TEST_CASE("core: numbers are written plainly, absent ones as an empty field", "[core][csv]") {
    CsvLine line;
    CHECK(line.number(-3)
              .number(std::nullopt)
              .decimal(1.25, 1)
              .decimal(std::nullopt, 1)
              .decimal(0.5, 2)
              .finish() == "-3,,1.2,,0.50\r\n");
}

TEST_CASE("core: free text a spreadsheet would run as a formula is shown as text", "[core][csv]") {
    CsvLine line;
    for (const char* formula : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
        INFO(formula);
        const std::string out = line.text(formula).finish();
        CHECK((out.rfind("'", 0) == 0 || out.rfind("\"'", 0) == 0));
    }
    CHECK(line.text("=HYPERLINK(\"x\"), pen").finish() == "\"'=HYPERLINK(\"\"x\"\"), pen\"\r\n");
    CHECK(line.text("Dr. Lee").finish() == "Dr. Lee\r\n");
    CHECK(line.field("-1").finish() == "-1\r\n"); // a value, not free text, is left alone
}
