//===- CycleBreakers.h - Where the program breaks a cycle by hand -*- C++ -*-===//
//
// A type-level cycle the program unlinks explicitly is not a leak: an
// owner's destructor that clears one of its members (`~Client() {
// st->clearActions(); }`), directly or a few calls down, or a method the
// program calls when the work that needed the cycle is done (`commit()` pops
// the queue that kept the transaction alive). This index answers, from the
// body facts of the whole program, which function clears a member, which
// functions call which, and whether a clearing function runs on the teardown
// of an object that owns the cycle.
//
// What counts: a `clear` operation (`m.reset()`, `m = nullptr`, `m.clear()`,
// `erase`, `pop_*`) of a member of the cycle, in a function reached from a
// destructor of a class that is not on the cycle but holds it (a destructor
// of a class on the cycle never runs while the cycle holds it), or in a
// function some code calls. A clearing function nothing calls does not
// count. Calls are the body facts' `call` operations: direct, non-virtual
// calls of program functions, followed up to MaxTeardownDepth deep.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_CYCLEBREAKERS_H
#define CYCLINT_MODELS_CXX_CYCLEBREAKERS_H

#include "models/cxx/BodyFacts.h"
#include "models/cxx/StoredValues.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"

#include <map>
#include <set>
#include <vector>

namespace cyclint {

struct CycleBreak {
  enum Kind {
    None,
    OwnerTeardown, // an owner's destructor unlinks it: not a leak
    Called,        // a method the program calls unlinks it: kept alive until then
  } K = None;
  const FunctionFact *Breaker = nullptr; // the function with the clear
  const BodyOp *Clear = nullptr;
  const FunctionFact *Destructor = nullptr; // OwnerTeardown: whose teardown
};

class CycleBreakers {
public:
  static constexpr unsigned MaxTeardownDepth = 4;

  explicit CycleBreakers(const std::vector<FunctionFact> &Functions);

  /// How the program breaks a cycle through `Members` among the classes
  /// `OnCycle` (record USRs), if it does. `HoldsCycle(USR)` says whether an
  /// object of that class keeps the cycle alive (an owner).
  CycleBreak find(const std::vector<MemberKey> &Members,
                  const std::set<std::string> &OnCycle,
                  llvm::function_ref<bool(llvm::StringRef USR)> HoldsCycle) const;

private:
  std::map<MemberKey, std::vector<std::pair<const FunctionFact *, const BodyOp *>>>
      Clears;
  llvm::StringMap<std::vector<const FunctionFact *>> Callers;
};

/// True when a function is a destructor (its USR says so: `...@F@~Name#`).
bool isDestructor(const FunctionFact &F);

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_CYCLEBREAKERS_H
