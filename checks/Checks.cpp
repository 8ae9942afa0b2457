//===- Checks.cpp - The check registry ------------------------------------===//
//
// A check class may declare `static std::vector<OptionAlias> aliases()` for
// the command-line flags it owns; checks without aliases inherit the empty
// list from Check.
//
//===----------------------------------------------------------------------===//

#include "checks/Checks.h"

#include "CheckHeaders.inc" // generated from checks/Checks.def

namespace cyclint {

const std::vector<CheckInfo> &builtinChecks() {
  static const std::vector<CheckInfo> Checks = {
#define CYCLINT_CHECK(Family, Name, Class)                                     \
  {Name, #Family,                                                              \
   [](llvm::StringRef N, const CheckOptions &O) -> std::unique_ptr<Check> {    \
     return std::make_unique<Class>(N, O);                                     \
   },                                                                          \
   Class::aliases()},
#include "checks/Checks.def"
#undef CYCLINT_CHECK
  };
  return Checks;
}

} // namespace cyclint
