//===- StoredValues.h - What the program stores into each member -*- C++ -*-===//
//
// The type level says what a member *may* hold: any subclass of the class
// its type names. The program's function bodies say what it *does* hold:
// the classes of the objects every store into it puts there. This pass
// computes, over the body facts of the whole program (BodyFacts.h), for each
// member written anywhere, the set of classes stored into it, or that some
// store's value is not known (a parameter, a call result, a member passed by
// reference: the "don't know" that keeps today's "any subclass").
//
// Values are followed through local variables, `this` (the method's class or
// any subclass of it) and loads of other members (a fixed point over the
// program), flow-insensitively: every store counts, whatever path reaches it.
// A parameter is not followed into its callers: a caller the program does
// not show (another library, a callback, a virtual call) may pass anything.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_STOREDVALUES_H
#define CYCLINT_MODELS_CXX_STOREDVALUES_H

#include "models/cxx/BodyFacts.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cyclint {

/// A class of stored objects: exactly `USR`, or `USR` or any subclass (what
/// `shared_from_this()` in a method of `USR` may be).
struct StoredClass {
  std::string USR;
  bool OrSubclass = false;
  friend bool operator<(const StoredClass &A, const StoredClass &B) {
    return std::tie(A.USR, A.OrSubclass) < std::tie(B.USR, B.OrSubclass);
  }
  friend bool operator==(const StoredClass &A, const StoredClass &B) {
    return A.USR == B.USR && A.OrSubclass == B.OrSubclass;
  }
};

/// Where a store was read, for the notes: the function and the statement.
struct StoreSite {
  const FunctionFact *Function = nullptr;
  SourceLocation Loc;
};

struct MemberStores {
  std::set<StoredClass> Classes;
  /// Some store's value is not followed: the member may hold anything.
  bool Unknown = false;
  /// Some store's value is an object that existed before (`this`, what a
  /// member held), not one just made: the stores that link objects back.
  bool Existing = false;
  StoreSite FirstKnown;   // the first store of a followed value
  StoreSite FirstUnknown; // the first store the analysis does not follow
};

using MemberKey = std::pair<std::string, std::string>; // record USR, field

/// Every member that some function body stores into (clears excluded).
/// `DefaultInitialized` says which members hold a value from their default
/// member initializer: a load of one is not followed.
std::map<MemberKey, MemberStores>
storedValues(const std::vector<FunctionFact> &Functions,
             llvm::function_ref<bool(const MemberKey &)> DefaultInitialized);

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_STOREDVALUES_H
