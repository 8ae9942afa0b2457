//===- ModelFuzzer.cpp - libFuzzer target: one runtime's model files ------===//
//
// What `--model FILE` (and `Models:` in .cyclint.yaml) does with an untrusted
// model document: hands it to the runtime CYCLINT_FUZZ_RUNTIME names, on top
// of that runtime's built-in model. The cxx target goes through the routing
// by `runtime:` key (addModelText), as cxx is its default; the others call
// their runtime directly, so that a mutated key does not send the input away.
// A fresh runtime per input: models accumulate, and a run reads few files.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "core/Runtime.h"
#include "models/Runtimes.h"

#include <cstdlib>

using namespace llvm;
using namespace cyclint;

/// The registry entry of CYCLINT_FUZZ_RUNTIME. Only that runtime is created
/// per input: each one reads its built-in model when created, which costs
/// more than most inputs.
static const RuntimeInfo &targetInfo() {
  for (const RuntimeInfo &Info : builtinRuntimes())
    if (Info.Create()->name() == CYCLINT_FUZZ_RUNTIME)
      return Info;
  errs() << "no runtime '" << CYCLINT_FUZZ_RUNTIME << "'\n";
  abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const RuntimeInfo &Info = targetInfo();
  StringRef Text((const char *)Data, Size);
  RuntimeList Runtimes;
  Runtimes.push_back(Info.Create());
  if (StringRef(CYCLINT_FUZZ_RUNTIME) == "cxx")
    fuzz::expectOneLine(addModelText(Runtimes, Text, fuzz::InputName));
  else
    fuzz::expectOneLine(Runtimes[0]->addModelText(Text, fuzz::InputName));
  return 0;
}
