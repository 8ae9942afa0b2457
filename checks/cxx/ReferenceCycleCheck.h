//===- ReferenceCycleCheck.h - cyclint-reference-cycle ----------*- C++ -*-===//
//
// Finds the statement that links objects into a cycle of counted members
// (`node2->next = node1` after `node1->next = node2`, `child->parent =
// shared_from_this()` after `children.push_back(child)`), with the
// points-to analysis over function bodies (models/cxx/PointsTo.h). Cycles
// through a callable's captures are cyclint-capture-cycle's; a cycle of the
// types with the same members is left to this check by
// cyclint-ownership-cycle. Documentation: docs/checks/reference-cycle.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_CXX_REFERENCECYCLECHECK_H
#define CYCLINT_CHECKS_CXX_REFERENCECYCLECHECK_H

#include "core/Check.h"
#include "models/cxx/OwnershipGraph.h"

namespace cyclint {

class ReferenceCycleCheck : public ViewCheck<OwnershipGraph> {
public:
  ReferenceCycleCheck(llvm::StringRef Name, const CheckOptions &Options)
      : ViewCheck(Name, Options) {}
  void check(const OwnershipGraph &G, std::vector<Finding> &Out) override;
  /// Cycles through a member marked CYCLINT_STRONG_BACK_LINK are broken by
  /// hand: counted hidden, never reported.
  bool honoursStrongBackLinks() const override { return true; }
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_CXX_REFERENCECYCLECHECK_H
