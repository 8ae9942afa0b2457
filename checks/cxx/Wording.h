//===- Wording.h - The words of the C++ ownership checks --------*- C++ -*-===//
//
// Every message the C++ checks print is phrased here, so that all of them
// name members as `Class::member` and describe an edge the same way.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_CXX_WORDING_H
#define CYCLINT_CHECKS_CXX_WORDING_H

#include "models/cxx/OwnershipGraph.h"

#include <string>
#include <vector>

namespace cyclint {

namespace wording {
/// `'Child::parent' (std::shared_ptr) keeps 'Parent' alive`, with the
/// inheritance and polymorphism the step went through.
std::string edgeNote(const OwnershipGraph &G, const MemberStep &Step);
/// `Child -> Parent -> Child`
std::string cyclePath(const OwnershipGraph &G,
                      const std::vector<MemberStep> &Cycle);
/// The warning at the member to weaken (the cycle's first step) in a cycle
/// nothing frees.
std::string neverFreedCycle(const OwnershipGraph &G,
                            const std::vector<MemberStep> &Cycle);

/// CPython extension types (checks/Python*Check.cpp). Members are named
/// `Struct::member`, types by their variable (`NodeType`, `Node_spec`).
} // namespace wording
} // namespace cyclint

#endif // CYCLINT_CHECKS_CXX_WORDING_H
