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

bool isNullValue(const Expr *E) {
  E = peelValue(E);
  if (!E)
    return false;
  if (const auto *D = dyn_cast<CXXDefaultInitExpr>(E))
    return isNullValue(D->getExpr());
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr, ImplicitValueInitExpr,
          CXXScalarValueInitExpr>(E))
    return true;
  if (const auto *L = dyn_cast<InitListExpr>(E))
    return L->getNumInits() == 0 ||
           (L->getNumInits() == 1 && isNullValue(L->getInit(0)));
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return C->getNumArgs() == 0 ||
           (C->getNumArgs() == 1 && isNullValue(C->getArg(0)));
  if (const auto *I = dyn_cast<IntegerLiteral>(E))
    return I->getValue() == 0; // `0` as a null pointer constant
  return false;
}

} // namespace cyclint
