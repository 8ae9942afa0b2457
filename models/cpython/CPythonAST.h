//===- CPythonAST.h - How the CPython model looks at expressions -*- C++ -*-===//
//
// Internal to models/cpython/: the few stateless ways the table reader
// (Extractor) and the function summarizer look through an expression or an
// initializer. They live in one place so that both readers agree on what
// "the same value" means (through which casts, which initializer form).
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CPYTHON_CPYTHONAST_H
#define CYCLINT_MODELS_CPYTHON_CPYTHONAST_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace cyclint::cpython {

/// `E` without parentheses, casts and C++ temporaries: `(PyObject *)self`
/// and `self` are the same value to the model.
inline const clang::Expr *strip(const clang::Expr *E) {
  while (E) {
    const clang::Expr *Next = E->IgnoreParenCasts();
    if (const auto *EWC = llvm::dyn_cast<clang::ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    if (const auto *MTE = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(Next))
      Next = MTE->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// A C string literal, through casts: `(char *)"next"`.
inline std::optional<std::string> stringValue(const clang::Expr *E) {
  if (const auto *S = llvm::dyn_cast_or_null<clang::StringLiteral>(strip(E)))
    if (S->getCharByteWidth() == 1)
      return S->getString().str();
  return std::nullopt;
}

/// The declared name of a record: the typedef of an anonymous struct, else
/// the qualified tag name.
inline std::string recordName(const clang::RecordDecl *RD) {
  if (RD->getIdentifier())
    return RD->getQualifiedNameAsString();
  if (const clang::TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getQualifiedNameAsString();
  return "(anonymous)";
}

/// The semantic form of an initializer list: designated, positional and
/// PyVarObject_HEAD_INIT initializers then look the same.
inline const clang::InitListExpr *semanticInit(const clang::Expr *E) {
  const auto *ILE = llvm::dyn_cast_or_null<clang::InitListExpr>(
      E ? E->IgnoreImplicit() : nullptr);
  if (!ILE)
    return nullptr;
  if (!ILE->isSemanticForm())
    ILE = ILE->getSemanticForm();
  return ILE;
}

/// The initializer of each named field of a record initializer; fields left
/// out (implicitly zero) are absent.
inline llvm::StringMap<const clang::Expr *>
fieldInits(const clang::InitListExpr *ILE) {
  llvm::StringMap<const clang::Expr *> Inits;
  const clang::RecordDecl *RD =
      ILE ? ILE->getType()->getAsRecordDecl() : nullptr;
  if (!RD)
    return Inits;
  unsigned I = 0;
  for (const clang::FieldDecl *F : RD->fields()) {
    if (I >= ILE->getNumInits())
      break;
    const clang::Expr *Init = ILE->getInit(I++);
    if (Init && !llvm::isa<clang::ImplicitValueInitExpr>(Init))
      Inits[F->getName()] = Init;
  }
  return Inits;
}

} // namespace cyclint::cpython

#endif // CYCLINT_MODELS_CPYTHON_CPYTHONAST_H
