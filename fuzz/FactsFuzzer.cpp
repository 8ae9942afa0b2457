//===- FactsFuzzer.cpp - libFuzzer target: facts files and their merge ----===//
//
// What `--import-facts` does with one untrusted file: parse it as a facts
// file with every built-in runtime, and when it reads, merge it (twice, as
// two TUs, so that the merge meets duplicates) and run every check on the
// result. Built four times (fuzz/CMakeLists.txt): `facts` takes whole files;
// `facts-<runtime>` takes one runtime's section and wraps it in an envelope,
// so that mutations land in the section rather than in the envelope.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "checks/Checks.h"
#include "core/Facts.h"
#include "core/Program.h"
#include "models/Runtimes.h"

#include "llvm/Support/JSON.h"

using namespace llvm;
using namespace cyclint;

namespace {

RuntimeList createRuntimes() {
  RuntimeList Runtimes;
  for (const RuntimeInfo &R : builtinRuntimes())
    Runtimes.push_back(R.Create());
  return Runtimes;
}

/// The facts file under test, as text.
std::string factsText(StringRef Data) {
#ifdef CYCLINT_FUZZ_SECTION
  auto Section = json::parse(Data);
  if (!Section) {
    consumeError(Section.takeError());
    return Data.str(); // still exercises the JSON reader's error path
  }
  json::Object Envelope{
      {"format", "cyclint-facts"},
      {"version", FactsFormatVersion},
      {"mainFile", "/src/a.cpp"},
      {"directory", "/src"},
      {"sections", json::Object{{CYCLINT_FUZZ_SECTION, std::move(*Section)}}}};
  std::string Text;
  raw_string_ostream(Text) << json::Value(std::move(Envelope));
  return Text;
#else
  return Data.str();
#endif
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const RuntimeList Runtimes = createRuntimes();
  std::string Text = factsText(StringRef((const char *)Data, Size));

  auto First = parseFacts(Text, fuzz::InputName, Runtimes);
  if (fuzz::expectOneLine(First.takeError()))
    return 0;
  // A file that reads once reads twice.
  auto Second = parseFacts(Text, fuzz::InputName, Runtimes);
  if (!Second) {
    errs() << "facts read once but not twice: "
           << toString(Second.takeError()) << "\n";
    abort();
  }
  Second->MainFile += ".copy";
  std::vector<TUFacts> TUs;
  TUs.push_back(std::move(*First));
  TUs.push_back(std::move(*Second));
  Program P = Program::build(Runtimes, std::move(TUs));

  auto Checks = createChecks(builtinChecks(), "*", CheckOptions());
  if (!Checks) {
    errs() << toString(Checks.takeError()) << "\n";
    abort();
  }
  std::vector<Finding> Found;
  for (const std::unique_ptr<Check> &C : Checks->Enabled)
    C->run(P, Found);
  return 0;
}
