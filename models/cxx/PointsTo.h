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

/// One operation of one function.
using OpRef = std::pair<const FunctionFact *, size_t>;

/// One link of a cycle: object `From` keeps `To` alive through the member
/// of `Store` (an op of `Function`), made by op `TopOp` of the analyzed
/// function (the store itself, or the call that led to it).
struct StatementLink {
  size_t TopOp = 0;
  const FunctionFact *Function = nullptr;
  size_t Store = 0;
  std::string From, To; // the objects, as a diagnostic names them
  /// The calls from the analyzed function down to the store, then the
  /// store: what makes two reports of one link the same.
  std::vector<OpRef> Chain;

  /// The operation that made the link (a store, insert or load).
  const BodyOp &op() const { return Function->Ops[Store]; }
};

struct StatementCycle {
  /// In cycle order, the closing link (the last one made) first.
  std::vector<StatementLink> Links;
  /// Through `this` or a parameter, or through objects they keep alive:
  /// objects the caller still holds, so code elsewhere may break the cycle
  /// later.
  bool Outside = false;
};

std::vector<StatementCycle> findStatementCycles(const FunctionFact &F,
                                                const FunctionIndex &Callees);

/// True when one of the cycle's links is a callable keeping what it
/// captured (a store into a closure: BodyFacts.h's ClosureType).
bool throughCapture(const StatementCycle &C);

/// A cycle the program's code makes, found in `Function`.
struct ProgramCycle {
  const FunctionFact *Function = nullptr;
  StatementCycle Cycle;
};

/// Every statement cycle of the program, each once:
///  * a cycle through `this` or parameters is dropped when some function
///    (but a destructor of one of its records, which cannot run while the
///    cycle holds) clears or overwrites one of its members with an unknown
///    value: the program breaks such links by hand, and whether it does for
///    this cycle is not known;
///  * a cycle that one call makes entirely is reported in the callee, when
///    the callee's own analysis reports it (`connect(a, b)` once, in
///    `connect`, not again at each caller).
std::vector<ProgramCycle>
findProgramCycles(const std::vector<FunctionFact> &Functions);

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_POINTSTO_H
