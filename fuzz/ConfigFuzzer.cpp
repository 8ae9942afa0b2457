//===- ConfigFuzzer.cpp - libFuzzer target: .cyclint.yaml ------------------===//
//
// What the CLI does with an untrusted configuration file: reads it, builds
// every check with its Checks and CheckOptions (where option values are
// parsed), and writes it back as --dump-config does. A configuration that
// reads must read again from what writeConfig() made of it.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "checks/Checks.h"
#include "core/Config.h"

#include <cstdlib>

using namespace llvm;
using namespace cyclint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text((const char *)Data, Size);
  auto C = parseConfig(Text, fuzz::InputName);
  if (fuzz::expectOneLine(C.takeError()))
    return 0;
  (void)C->modelPaths();
  CheckOptions Options;
  for (const auto &[Key, Value] : C->CheckOptions)
    Options.set(Key, Value);
  auto Checks =
      createChecks(builtinChecks(), C->Checks.value_or("*"), Options);
  if (!Checks)
    consumeError(Checks.takeError()); // the CLI words these; not one file's

  std::string Written;
  raw_string_ostream OS(Written);
  writeConfig(OS, *C);
  auto Again = parseConfig(Written, fuzz::InputName);
  if (!Again) {
    errs() << "writeConfig wrote what readConfig refuses: "
           << toString(Again.takeError()) << "\n"
           << Written << "\n";
    abort();
  }
  if (Again->Checks != C->Checks || Again->CheckOptions != C->CheckOptions ||
      Again->HeaderFilterRegex != C->HeaderFilterRegex ||
      Again->Models != C->Models) {
    errs() << "writeConfig does not round-trip:\n" << Written << "\n";
    abort();
  }
  return 0;
}
