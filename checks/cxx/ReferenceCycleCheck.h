//===- ReferenceCycleCheck.h - cyclint-reference-cycle ----------*- C++ -*-===//
//
// Finds the statement that links objects into a cycle of counted members
// (`node2->next = node1` after `node1->next = node2`), with the points-to
// analysis over function bodies (models/cxx/PointsTo.h). It reports only
// cycles through one member (Node::next): the cycles a self-referential type
// can form, which cyclint-ownership-cycle leaves alone because the type
// alone is a list or a tree; cycles through two or more members are that
// check's. Documentation: docs/checks/reference-cycle.md.
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
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_CXX_REFERENCECYCLECHECK_H
