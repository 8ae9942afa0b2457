//===- PointsTo.h - Which statements link objects into cycles ---*- C++ -*-===//
//
// The points-to analysis over one function's body facts (BodyFacts.h), with
// the facts of the program functions it calls applied at each call (in any
// TU, a few calls deep). Abstract objects are allocation sites; variables
// point to one object or to none the analysis knows. It runs the operations
// in source order with strong updates (a site that runs once is one object,
// so a store replaces its member's previous target), and records each link
// after which the stored object reaches the storing one: a cycle of counted
// members.
//
// A cycle is reported only when it is certain to exist when the function
// returns: every allocation and link in it ran exactly once, no later store
// or clear replaced one of its links, and none of its objects escaped to
// code the analysis does not see (which might unlink them). A call whose
// callee has no facts (a declaration only, a library, a function pointer),
// or that recurses or nests too deep, is such code. Anything else is
// "don't know", and says nothing.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_POINTSTO_H
#define CYCLINT_MODELS_CXX_POINTSTO_H

#include "models/cxx/BodyFacts.h"

#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace cyclint {

/// Function facts by USR: the callees whose facts a call applies.
using FunctionIndex = llvm::StringMap<const FunctionFact *>;

/// One link of a cycle: object `From` keeps `To` alive through the member
/// of `Store` (an op of `Function`), made by op `TopOp` of the analyzed
/// function (the store itself, or the call that led to it).
struct StatementLink {
  size_t TopOp = 0;
  const FunctionFact *Function = nullptr;
  size_t Store = 0;
  std::string From, To; // the objects, as a diagnostic names them
};

struct StatementCycle {
  /// In cycle order, the closing link (the last one made) first.
  std::vector<StatementLink> Links;
};

std::vector<StatementCycle> findStatementCycles(const FunctionFact &F,
                                                const FunctionIndex &Callees);

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_POINTSTO_H
