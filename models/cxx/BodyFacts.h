//===- BodyFacts.h - What function bodies do with counted pointers -*- C++ -*-===//
//
// The statement level of the C++ runtime: per function, the operations on
// abstract objects that can link them into a cycle, in source order. It is a
// deliberately small language, so that the points-to analysis over it
// (PointsTo.h) is linear and its "don't know" is explicit:
//
//   alloc   var := a new object (make_shared, allocate_shared, a counted
//           pointer constructed from `new T`, ... for every runtime the model
//           knows: a factory of a strong smart pointer to a program record)
//   assign  var := var2 (a copy or move of a counted pointer), or var := ?
//           (any other value: the variable stands for an unknown object)
//   store   var->Record::field := var2, where the member holds its target
//           strongly (the model's classification of the field)
//   insert  var->Record::field gains var2 as an element (`push_back`,
//           `emplace`, `insert`, `m[k] = v`: keys and values of a container
//           of counted pointers); earlier elements stay
//   clear   var->Record::field := null (`= nullptr`, `.reset()`), or a
//           container member loses its elements (`clear()`, `erase(...)`:
//           which ones is not followed, so all)
//   escape  var is handed to code the analysis does not see (a library
//           call, a function pointer, a lambda): from here on it may be
//           linked or unlinked anywhere, so nothing about it is certain
//   load    var := var2->Record::field, for a member the code dereferences
//           (`timer_->start(cb)`): the object the member holds; when
//           nothing in the function set it, what it held before the
//           function ran
//   call    a program function with the objects of its arguments (`args`:
//           the object a method is called on, then one per parameter); the
//           whole-program step applies the callee's own facts, in any TU
//
// Parameters and `this` are variables too: a function's `params` name them
// by position ([this, p0, p1, ...]), so a call binds its arguments to the
// callee's variables whatever TU each was read in.
//
// Every operation records whether it runs exactly once per call of the
// function (not in a loop, not under a condition): only such operations can
// prove a cycle. Variables are named `name@line:col` of their declaration.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_BODYFACTS_H
#define CYCLINT_MODELS_CXX_BODYFACTS_H

#include "core/SourceLocation.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <vector>

namespace cyclint {

enum class BodyOpKind { Alloc, Assign, Store, Insert, Clear, Escape, Call, Load };

llvm::StringRef bodyOpKindName(BodyOpKind Kind);
std::optional<BodyOpKind> parseBodyOpKind(llvm::StringRef Name);

struct BodyOp {
  BodyOpKind Kind = BodyOpKind::Escape;
  std::string Var;   // alloc/assign: the target; store/clear/escape: the object
  std::string Value; // assign/store: the source variable (empty: unknown);
                     // load: the object whose member is read
  std::string Record, Field; // store/clear: the member (record USR, name)
  std::string Type;  // alloc: the allocated record's USR
  std::string Method; // insert: the container method (`push_back`, `[]`);
                      // call: the callee's qualified name
  std::string Callee; // call: the callee's USR
  std::vector<std::string> Args; // call: [object, arg0, ...]; "" unknown
  bool Once = true;  // runs exactly once per call (no loop, no condition)
  SourceLocation Loc;
};

struct FunctionFact {
  std::string USR;
  std::string Name; // qualified, for humans
  SourceLocation Loc;
  /// An instance method's class (its `this`), as a record USR; empty for
  /// other functions and for classes that are not program records.
  std::string Record;
  /// The variables of `this` and each parameter, by position ("" for one
  /// that holds no counted pointer).
  std::vector<std::string> Params;
  std::vector<BodyOp> Ops; // source order
};

llvm::json::Value toJSON(const FunctionFact &F);
bool fromJSON(const llvm::json::Value &V, FunctionFact &F, llvm::json::Path P);

/// The `type` of an `alloc` that makes a callable (a lambda's closure, a
/// `std::bind` result, a `std::thread` running one); its `store`s (record
/// empty, field the capture's name) are what it keeps alive.
inline constexpr const char *ClosureType = "<closure>";

/// The name a diagnostic uses for a variable: `node1` of `node1@12:8`.
inline llvm::StringRef displayVar(llvm::StringRef Var) {
  return Var.split('@').first;
}

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_BODYFACTS_H
