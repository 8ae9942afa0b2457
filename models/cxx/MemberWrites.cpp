//===- MemberWrites.cpp - Where a body writes a member --------------------===//
//
// Top-down: each construct that writes its operand (an assignment's left
// side, the object of a non-const method, an argument bound to a non-const
// lvalue reference, `&x`, a non-const reference's initializer) peels the
// accessors that return a reference into a container (`[]`, `front()`,
// `at()`) down to a member expression. Accessors that only read (`->`, `*`,
// `get()`, `find()`, `begin()`) are not writes by themselves; a write through
// an iterator they return is not seen (docs/checks/ownership-cycle.md).
//
//===----------------------------------------------------------------------===//

#include "models/cxx/MemberWrites.h"

#include "core/ASTValues.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace cyclint {
namespace {

/// Non-const methods that hand out access without writing anything
/// themselves; a write through the reference they return is caught where it
/// happens (peel() below), one through an iterator is not.
bool onlyGivesAccess(const CXXMethodDecl *MD) {
  if (const auto *Conv = dyn_cast<CXXConversionDecl>(MD))
    return Conv->getConversionType()->isBooleanType();
  if (MD->isOverloadedOperator())
    return MD->getOverloadedOperator() == OO_Subscript ||
           MD->getOverloadedOperator() == OO_Arrow ||
           MD->getOverloadedOperator() == OO_Star ||
           MD->getOverloadedOperator() == OO_Call;
  if (!MD->getDeclName().isIdentifier())
    return false;
  return llvm::StringSwitch<bool>(MD->getName())
      .Cases("begin", "end", "rbegin", "rend", "find", "front", "back", true)
      .Cases("at", "top", "data", "get", "lower_bound", "upper_bound", true)
      .Cases("equal_range", "count", "contains", "size", "empty", true)
      .Default(false);
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(llvm::function_ref<bool(const FieldDecl *)> Tracked,
         std::vector<MemberWrite> &Out, bool ReturnsReference)
      : Tracked(Tracked), Out(Out), ReturnsReference(ReturnsReference) {}

  bool VisitReturnStmt(ReturnStmt *R) {
    if (ReturnsReference && R->getRetValue())
      written(R->getRetValue());
    return true;
  }

  // An aggregate's semantic initializer list is implicit code.
  bool shouldVisitImplicitCode() const { return true; }

  // A lambda's body runs as a function of its own and is read as one.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      written(B->getLHS());
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->getOpcode() == UO_AddrOf)
      written(U->getSubExpr());
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    QualType T = V->getType();
    if (!V->getInit() || !T->isLValueReferenceType() ||
        T.getNonReferenceType().isConstQualified())
      return true;
    written(V->getInit());
    // `auto &[next] = *node;`: each name is the member itself.
    if (const auto *D = dyn_cast<DecompositionDecl>(V))
      for (const BindingDecl *B : D->bindings())
        if (const Expr *E = B->getBinding())
          written(E);
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD)
      return true;
    unsigned First = 0; // the first argument that is a parameter
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
      if (isa<CXXOperatorCallExpr>(C) && MD->isInstance()) {
        First = 1;
        if (C->getNumArgs() && !MD->isConst() && !onlyGivesAccess(MD))
          written(C->getArg(0));
      } else if (const auto *M = dyn_cast<CXXMemberCallExpr>(C)) {
        if (!MD->isConst() && !MD->isStatic() && !onlyGivesAccess(MD))
          written(M->getImplicitObjectArgument());
      }
    }
    for (unsigned I = First; I < C->getNumArgs(); ++I)
      if (I - First < FD->getNumParams() &&
          bindsNonConstReference(FD->getParamDecl(I - First)->getType()))
        written(C->getArg(I));
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    const CXXConstructorDecl *Ctor = C->getConstructor();
    for (unsigned I = 0; Ctor && I < C->getNumArgs(); ++I)
      if (I < Ctor->getNumParams() &&
          bindsNonConstReference(Ctor->getParamDecl(I)->getType()))
        written(C->getArg(I));
    return true;
  }

  bool VisitInitListExpr(InitListExpr *L) {
    if (L->isSemanticForm())
      aggregate(L->getType(), L->inits(), L->getBeginLoc());
    return true;
  }

  bool VisitCXXParenListInitExpr(CXXParenListInitExpr *L) {
    aggregate(L->getType(), L->getInitExprs(), L->getBeginLoc());
    return true;
  }

private:
  static bool bindsNonConstReference(QualType T) {
    return T->isLValueReferenceType() &&
           !T.getNonReferenceType().isConstQualified();
  }

  /// `Record{a, b}`: each field given a value that is not empty.
  void aggregate(QualType T, llvm::ArrayRef<Expr *> Inits, SourceLocation At) {
    const auto *RD = T->getAsRecordDecl();
    if (!RD || RD->isUnion())
      return;
    unsigned I = 0;
    if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD))
      I = CXX->getNumBases();
    for (const FieldDecl *F : RD->fields()) {
      if (F->isUnnamedBitField())
        continue;
      if (I >= Inits.size())
        break;
      const Expr *Init = Inits[I++];
      if (Tracked(F) && Init && !isNullValue(Init))
        Out.push_back({F, nullptr, Init ? Init->getBeginLoc() : At});
    }
  }

  /// Peels reference-returning accessors down to a member, if any.
  void written(const Expr *E) {
    for (;;) {
      E = E->IgnoreParenImpCasts();
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
          Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
        E = Op->getArg(0);
        continue;
      }
      if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
        E = A->getBase();
        continue;
      }
      if (const auto *M = dyn_cast<CXXMemberCallExpr>(E))
        if (const CXXMethodDecl *MD = M->getMethodDecl())
          if (MD->getDeclName().isIdentifier() &&
              (MD->getName() == "front" || MD->getName() == "back" ||
               MD->getName() == "at" || MD->getName() == "top")) {
            E = M->getImplicitObjectArgument();
            continue;
          }
      break;
    }
    const auto *ME = dyn_cast<MemberExpr>(E);
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (F && Tracked(F))
      Out.push_back({F, ME, ME->getBeginLoc()});
  }

  llvm::function_ref<bool(const FieldDecl *)> Tracked;
  std::vector<MemberWrite> &Out;
  bool ReturnsReference;
};

} // namespace

std::vector<MemberWrite>
findMemberWrites(const Stmt *Body,
                 llvm::function_ref<bool(const FieldDecl *)> Tracked,
                 bool ReturnsReference) {
  std::vector<MemberWrite> Out;
  if (Body)
    Finder(Tracked, Out, ReturnsReference)
        .TraverseStmt(const_cast<Stmt *>(Body));
  return Out;
}

} // namespace cyclint
