//===- CaptureCycleCheck.h - cyclint-capture-cycle --------------*- C++ -*-===//
//
// Finds a callable that keeps its owner alive: a lambda, a `std::bind`
// result or a thread holding a strong reference to an object (a captured
// `shared_from_this()`, a copied `shared_ptr`), stored where that object
// keeps it (its own `std::function` member, a container or signal it owns,
// a member of something it owns, in a callee as well). The cycles come from
// the points-to analysis over function bodies (models/cxx/PointsTo.h): a
// closure is an object that keeps what it captured. Documentation:
// docs/checks/capture-cycle.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_CXX_CAPTURECYCLECHECK_H
#define CYCLINT_CHECKS_CXX_CAPTURECYCLECHECK_H

#include "core/Check.h"
#include "models/cxx/OwnershipGraph.h"

namespace cyclint {

class CaptureCycleCheck : public ViewCheck<OwnershipGraph> {
public:
  CaptureCycleCheck(llvm::StringRef Name, const CheckOptions &Options)
      : ViewCheck(Name, Options) {}
  void check(const OwnershipGraph &G, std::vector<Finding> &Out) override;
  /// Cycles through a member marked CYCLINT_STRONG_BACK_LINK are broken by
  /// hand: counted hidden, never reported.
  bool honoursStrongBackLinks() const override { return true; }
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_CXX_CAPTURECYCLECHECK_H
