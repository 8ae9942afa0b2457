//===- MemberWrites.h - Where a body writes a member, whatever the shape -*- C++ -*-===//
//
// The body extractor reads a few statement shapes precisely (`m = v`,
// `m.push_back(v)`, `m.reset()`...). Everything else that can put a value
// into a member must still be known, or the whole-program step would take a
// member for never assigned, or for holding only what the shapes it reads
// store: a member passed by non-const reference (`std::swap(m, x)`, `in >>
// m`, `init(m)`), its address taken, a reference bound to it, an element
// assigned through `m[k]`, `m.front()` or `m.at(i)`, a non-const method the
// extractor does not know (`m.assign(...)`, `m.append(x)`), and aggregate
// initialization (`Action{st}`). This finder lists them; the extractor turns
// each one it did not read itself into a store of an unknown value.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_MEMBERWRITES_H
#define CYCLINT_MODELS_CXX_MEMBERWRITES_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <vector>

namespace clang {
class Expr;
class FieldDecl;
class Stmt;
} // namespace clang

namespace cyclint {

struct MemberWrite {
  const clang::FieldDecl *Field = nullptr;
  /// The member expression written; null for an aggregate initialization.
  const clang::Expr *Written = nullptr;
  clang::SourceLocation Loc;
};

/// Every write of a member `Tracked` accepts in `Body` (lambda bodies
/// excluded: they are functions of their own), in source order. With
/// `ReturnsReference` (the function returns a non-const lvalue reference), a
/// member it returns is written by whoever holds the reference (`T &next()
/// { return next_; }` then `n->next() = m`).
std::vector<MemberWrite>
findMemberWrites(const clang::Stmt *Body,
                 llvm::function_ref<bool(const clang::FieldDecl *)> Tracked,
                 bool ReturnsReference = false);

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_MEMBERWRITES_H
