//===- BaselineFuzzer.cpp - libFuzzer target: baseline files ---------------===//
//
// What `--baseline FILE` does with an untrusted baseline: reads it and
// filters a fixed list of findings through it.
//
//===----------------------------------------------------------------------===//

#include "FuzzSupport.h"

#include "core/Baseline.h"

using namespace llvm;
using namespace cyclint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text((const char *)Data, Size);
  auto B = Baseline::parse(Text, fuzz::InputName);
  if (fuzz::expectOneLine(B.takeError()))
    return 0;
  std::vector<Finding> Findings(2);
  Findings[0].CheckName = "ownership-cycle";
  Findings[0].Warning.Loc.File = "/src/a.h";
  Findings[0].Warning.Message = "cycle";
  Findings[1].CheckName = "reference-cycle";
  Findings[1].Warning.Loc.File = "/elsewhere/b.c";
  B->filter(Findings, "/src");
  (void)B->fixed();
  return 0;
}
