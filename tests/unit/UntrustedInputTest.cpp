//===- UntrustedInputTest.cpp - Malformed facts, models, config, baseline --===//
//
// The contract the fuzz targets (fuzz/, docs/FUZZING.md) check, pinned on
// the inputs they found and on hand-written ones: every malformed input of
// an untrusted format gives one error line naming its file (and the JSON
// path or YAML line), never a crash; a facts file that reads merges without
// a crash. Regression tests are named after what the input does.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"
#include "checks/Checks.h"
#include "core/Baseline.h"
#include "core/Config.h"
#include "core/Facts.h"
#include "core/InputError.h"
#include "core/Program.h"
#include "models/Runtimes.h"
#include "models/cxx/RecordFacts.h"

#include "llvm/Support/FormatVariadic.h"

#include <gtest/gtest.h>

using namespace cyclint;
using namespace llvm;

namespace {

/// A "cxx" section of the current format version holding `Body`.
std::string cxxSection(StringRef Body) {
  return "{\"version\": " + std::to_string(CxxFactsVersion) + ", " +
         Body.str() + "}";
}

/// The message of `E`, which must be one line naming `Name`.
std::string oneLine(Error E, StringRef Name = "in.json") {
  EXPECT_TRUE(bool(E)) << "expected an error";
  std::string M = toString(std::move(E));
  EXPECT_EQ(M.find('\n'), std::string::npos) << M;
  EXPECT_NE(M.find(Name.str()), std::string::npos) << M;
  return M;
}

/// Envelope around one section.
std::string withSection(StringRef Name, StringRef Section) {
  return (R"({"format": "cyclint-facts", "version": 4, "mainFile": "/src/a.cpp",
             "directory": "/src", "sections": {")" +
          Name + "\": " + Section + "}}")
      .str();
}

/// Reads `Text` as a facts file; if it reads, merges it and runs every check.
Expected<size_t> readAndMerge(StringRef Text) {
  RuntimeList Runtimes = cyclint::testing::builtinRuntimeList();
  auto Facts = parseFacts(Text, "in.json", Runtimes);
  if (!Facts)
    return Facts.takeError();
  std::vector<TUFacts> TUs;
  TUs.push_back(std::move(*Facts));
  Program P = Program::build(Runtimes, std::move(TUs));
  auto Checks = createChecks(builtinChecks(), "*", CheckOptions());
  if (!Checks)
    return Checks.takeError();
  std::vector<Finding> Found;
  for (const std::unique_ptr<Check> &C : Checks->Enabled)
    C->run(P, Found);
  return Found.size();
}

TEST(UntrustedInputTest, FactsErrorsNameTheFileAndThePath) {
  RuntimeList Runtimes = cyclint::testing::builtinRuntimeList();
  std::string M = oneLine(
      parseFacts("{\"format\": 1}", "in.json", Runtimes).takeError());
  EXPECT_NE(M.find("facts.format"), std::string::npos) << M;
  oneLine(parseFacts("{", "in.json", Runtimes).takeError());
  M = oneLine(parseFacts(withSection("cxx", cxxSection(R"("records": 7)")),
                         "in.json", Runtimes)
                  .takeError());
  EXPECT_NE(M.find("sections.cxx.records"), std::string::npos) << M;
}

TEST(UntrustedInputTest, ConfigErrorsNameTheFileAndTheLine) {
  oneLine(parseConfig("Checks: '*'\nCheckOptions: [1]\n", "cfg.yaml")
              .takeError(),
          "cfg.yaml:2:");
  oneLine(parseConfig("HeaderFilterRegex: '('\n", "cfg.yaml").takeError(),
          "cfg.yaml:1:");
}

TEST(UntrustedInputTest, BaselineErrorsNameTheFile) {
  oneLine(Baseline::parse("[]", "base.json").takeError(), "base.json");
  oneLine(Baseline::parse(R"({"format": "cyclint-baseline", "version": 1,
                              "findings": [3]})",
                          "base.json")
              .takeError(),
          "base.json");
}

TEST(UntrustedInputTest, ModelErrorsNameTheFileAndTheLine) {
  RuntimeList Runtimes = cyclint::testing::builtinRuntimeList();
  oneLine(addModelText(Runtimes, "runtime: cpython\nbogus: 1\n", "m.yaml"),
          "m.yaml:1:1:");
  oneLine(addModelText(Runtimes, "runtime: pybind11\n[\n", "m.yaml"),
          "m.yaml");
  oneLine(addModelText(Runtimes, "types: {\n", "m.yaml"), "m.yaml");
  // The routing quotes the runtime's name: escaped, on one line.
  oneLine(addModelText(Runtimes, "runtime: \"a\\nb\"\n", "m.yaml"),
          "m.yaml: unknown runtime 'a\\nb'");
}

// Found by the facts fuzzer: the merge resolved the first record's fields
// against the second definition and dereferenced a field that was not there.
TEST(UntrustedInputTest, TwoRecordsWithOneUSRAreRefusedNotMerged) {
  // A struct defined at `Line` whose one member is a shared_ptr to `Target`.
  auto Record = [](StringRef USR, StringRef Line, StringRef Target) {
    return formatv(R"({{"usr": "{0}", "name": "{0}", "tag": "struct",
        "loc": {{"file": "/src/a.cpp", "line": {1}, "col": 1},
        "polymorphic": false, "bases": [], "fields": [{{"name": "m",
        "type": "std::shared_ptr<T>",
        "loc": {{"file": "/src/a.cpp", "line": {1}, "col": 5},
        "edges": [{{"kind": "strong", "target": "{2}",
                   "via": ["std::shared_ptr"]}]}]})",
                   USR, Line, Target)
        .str();
  };
  auto Section = [](StringRef Records) {
    return withSection("cxx",
                       cxxSection((R"("records": [)" + Records + "]").str()));
  };
  std::string Dup = Record("c:@S@A", "1", "c:@S@B") + ", " +
                    Record("c:@S@A", "5", "c:@S@A") + ", " +
                    Record("c:@S@B", "9", "c:@S@A");
  auto Merged = readAndMerge(Section(Dup));
  std::string M = oneLine(Merged.takeError());
  EXPECT_NE(M.find("facts.sections.cxx.records[1].usr"), std::string::npos)
      << M;
  // Without the second A, the A <-> B cycle reads, merges and is found.
  auto Good = readAndMerge(Section(Record("c:@S@A", "1", "c:@S@B") + ", " +
                                   Record("c:@S@B", "9", "c:@S@A")));
  ASSERT_TRUE(bool(Good)) << toString(Good.takeError());
  EXPECT_EQ(*Good, 1u);
}

// Found by the config fuzzer: an unknown key that spans lines was quoted
// with its newlines, splitting the error.
TEST(UntrustedInputTest, MultiLineKeyGivesOneLine) {
  std::string M = oneLine(
      parseConfig("HeaderFilterRegex: 'x'bogus:k\n\n  - y\n", "cfg.yaml")
          .takeError(),
      "cfg.yaml:1:");
  EXPECT_NE(M.find("\\n"), std::string::npos) << M;
  EXPECT_EQ(escapeForOneLine("a\nb\x01" "c\td"), "a\\nb\\x01c d");
}

} // namespace
