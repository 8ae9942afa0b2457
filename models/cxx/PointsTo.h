//===- PointsTo.h - Which statements link objects into cycles ---*- C++ -*-===//
//
// The points-to analysis over one function's body facts (BodyFacts.h).
// Abstract objects are allocation sites; variables point to one object or
// to none the analysis knows. It runs the operations in source order with
// strong updates (a site that runs once is one object, so a store replaces
// its member's previous target), and records each store after which the
// stored object reaches the storing one: a cycle of counted members.
//
// A cycle is reported only when it is certain to exist when the function
// returns: every allocation and store in it ran exactly once, no later store
// or clear replaced one of its edges, and none of its objects escaped to
// code the analysis does not see (which might unlink them). Anything else is
// "don't know", and says nothing.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_POINTSTO_H
#define CYCLINT_MODELS_CXX_POINTSTO_H

#include "models/cxx/BodyFacts.h"

#include <vector>

namespace cyclint {

struct StatementCycle {
  /// Indices into the function's Ops: the stores of the cycle, in cycle
  /// order, the closing store (the last one to run) first.
  std::vector<size_t> Stores;
};

std::vector<StatementCycle> findStatementCycles(const FunctionFact &F);

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_POINTSTO_H
