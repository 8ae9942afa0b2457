//===- Runtimes.cpp - The runtimes that ship with cyclint -----------------===//

#include "models/Runtimes.h"

#include "RuntimeHeaders.inc" // generated from models/Runtimes.def

namespace cyclint {

const std::vector<RuntimeInfo> &builtinRuntimes() {
  static const std::vector<RuntimeInfo> Runtimes = {
#define CYCLINT_RUNTIME(Name, Class)                                           \
  {[] { return std::unique_ptr<Runtime>(new Class()); }},
#include "models/Runtimes.def"
#undef CYCLINT_RUNTIME
  };
  return Runtimes;
}

} // namespace cyclint
