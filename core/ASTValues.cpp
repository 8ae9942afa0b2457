//===- ASTValues.cpp - Which object an expression denotes -----------------===//

#include "core/ASTValues.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace cyclint {

const Expr *peelValue(const Expr *E, bool ExplicitCasts) {
  while (E) {
    const Expr *Before = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (ExplicitCasts && isa<CStyleCastExpr, CXXNamedCastExpr>(E))
      E = cast<ExplicitCastExpr>(E)->getSubExpr();
    if (E == Before)
      return E;
  }
  return E;
}

} // namespace cyclint
