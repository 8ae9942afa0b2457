//===- Extractor.cpp - Where declarations come from; object layouts -------===//
//
// The half of the Extractor that answers "what is this declaration": part of
// Python's runtime or of the program, an object layout or a plain struct,
// an object member or not; and the extension structs it records. Python's
// headers are recognized by directory because extensions include them with
// -I, so they are not system headers to Clang. Answers are cached per TU:
// every function summary asks them again and again.
//
//===----------------------------------------------------------------------===//

#include "models/cpython/Extractor.h"
#include "models/cpython/CPythonAST.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/Stmt.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/Path.h"

#include <functional>

using namespace clang;
using llvm::StringRef;

namespace cyclint::cpython {

bool Extractor::findPythonIncludeDir() {
  for (const NamedDecl *ND :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("_object"))) {
    if (!isa<RecordDecl>(ND))
      continue;
    clang::SourceLocation L = SM.getExpansionLoc(ND->getLocation());
    if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(SM.getFileID(L)))
      PythonDir = llvm::sys::path::parent_path(FE->getName()).str();
    return true;
  }
  return false;
}

bool Extractor::isRuntime(clang::SourceLocation L) const {
  if (L.isInvalid())
    return false;
  L = SM.getExpansionLoc(L);
  if (SM.isInSystemHeader(L))
    return true;
  if (PythonDir.empty())
    return false;
  FileID FID = SM.getFileID(L);
  auto [It, Inserted] = RuntimeFiles.try_emplace(FID, false);
  if (Inserted)
    if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID))
      It->second = FE->getName().starts_with(PythonDir + "/");
  return It->second;
}

bool Extractor::isLibraryDecl(const Decl *Dl) const {
  clang::SourceLocation L = SM.getExpansionLoc(Dl->getLocation());
  if (L.isInvalid() || !SM.isInSystemHeader(L))
    return false;
  OptionalFileEntryRef FE = SM.getFileEntryRefForID(SM.getFileID(L));
  return FE && (PythonDir.empty() ||
                !FE->getName().starts_with(PythonDir + "/"));
}

std::string Extractor::usr(const Decl *Dl) {
  auto [It, Inserted] = USRs.try_emplace(Dl);
  if (!Inserted)
    return It->second;
  llvm::SmallString<128> Buf;
  if (index::generateUSRForDecl(Dl, Buf))
    return It->second = "";
  return It->second = std::string(Buf);
}

//===-- Object layouts ----------------------------------------------------===//

const RecordDecl *Extractor::recordOf(QualType T) const {
  if (T.isNull())
    return nullptr;
  const RecordDecl *RD = T.getCanonicalType()->getAsRecordDecl();
  return RD ? RD->getDefinition() : nullptr;
}

/// The record that starts an object layout: its first field or first base.
const RecordDecl *Extractor::headOf(const RecordDecl *RD) const {
  if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD))
    if (CXX->getNumBases() > 0)
      return recordOf(CXX->bases_begin()->getType());
  auto It = RD->field_begin();
  if (It == RD->field_end() || It->isBitField())
    return nullptr;
  return recordOf(It->getType());
}

bool Extractor::isObjectRecord(const RecordDecl *RD) {
  if (!RD)
    return false;
  RD = RD->getDefinition() ? RD->getDefinition() : RD;
  auto [It, Inserted] = ObjectRecords.try_emplace(RD, false);
  if (!Inserted)
    return It->second;
  bool Result = false;
  if (isRuntime(RD->getLocation()) && D.ObjectHeads.contains(recordName(RD)))
    Result = true;
  else if (RD->isCompleteDefinition() && (RD->isStruct() || RD->isClass()))
    Result = isObjectRecord(headOf(RD));
  return ObjectRecords[RD] = Result;
}

bool Extractor::isExtensionStruct(const RecordDecl *RD) {
  return RD && RD->isCompleteDefinition() && !RD->isDependentContext() &&
         isProgramDecl(RD) && isObjectRecord(RD);
}

std::string Extractor::structKey(const RecordDecl *RD) {
  RD = RD->getDefinition() ? RD->getDefinition() : RD;
  std::string Key = usr(RD);
  if (Key.empty())
    return Key;
  // Two .c files may each define their own `NodeObject`: a struct local to
  // a TU gets the TU in its key.
  SourceLocation L = Loc(RD->getLocation());
  if (L.File == MainFile || RD->isInAnonymousNamespace() ||
      RD->getParentFunctionOrMethod())
    Key += "@tu@" + MainFile;
  return Key;
}

const RecordDecl *Extractor::objectPointee(QualType T) {
  T = T.getCanonicalType();
  while (const ArrayType *AT = Ctx.getAsArrayType(T))
    T = AT->getElementType().getCanonicalType();
  if (!T->isPointerType())
    return nullptr;
  QualType P = T->getPointeeType().getCanonicalType();
  if (P->isPointerType())
    P = P->getPointeeType().getCanonicalType();
  const RecordDecl *RD = recordOf(P);
  return isObjectRecord(RD) ? RD : nullptr;
}

bool Extractor::holdsNoObject(const RecordDecl *RD) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD || !isObjectRecord(RD) || RD->field_empty() || !headOf(RD))
    return false;
  for (const FieldDecl *FD : llvm::drop_begin(RD->fields())) {
    QualType T = FD->getType().getCanonicalType();
    while (const ArrayType *AT = Ctx.getAsArrayType(T))
      T = AT->getElementType().getCanonicalType();
    if (T->isRecordType())
      return false; // an embedded struct (Py_buffer keeps its exporter)
    if (!T->isPointerType())
      continue;
    QualType P = T->getPointeeType().getCanonicalType();
    while (P->isPointerType())
      P = P->getPointeeType().getCanonicalType();
    if (P->isFunctionType() || P->isAnyCharacterType() ||
        (P->isScalarType() && !P->isVoidType()))
      continue;
    const RecordDecl *Pointee = recordOf(P);
    if (!Pointee || !isLibraryDecl(Pointee) || isObjectRecord(Pointee))
      return false;
  }
  return true;
}

/// The object member a member expression names (`self->items[i]` names
/// `items`), whatever struct declares it.
static const FieldDecl *objectField(Extractor &X, const Expr *E) {
  E = strip(E);
  while (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(E))
    E = strip(AS->getBase());
  const auto *ME = dyn_cast_or_null<MemberExpr>(E);
  if (!ME)
    return nullptr;
  const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!F || !X.objectPointee(F->getType()))
    return nullptr;
  return F;
}

std::optional<PyMemberRef> Extractor::memberRef(const Expr *E) {
  const FieldDecl *F = objectField(*this, E);
  if (!F || !isExtensionStruct(F->getParent()))
    return std::nullopt;
  return PyMemberRef{structKey(F->getParent()), F->getName().str()};
}

std::optional<PyMemberRef> Extractor::plainMemberRef(const Expr *E) {
  const FieldDecl *F = objectField(*this, E);
  const RecordDecl *Parent = F ? F->getParent() : nullptr;
  if (!Parent || isObjectRecord(Parent) || !isProgramDecl(Parent) ||
      Parent->isDependentContext())
    return std::nullopt;
  std::string Key = structKey(Parent);
  if (Key.empty())
    return std::nullopt;
  return PyMemberRef{Key, F->getName().str()};
}

std::optional<PyMemberRef> Extractor::fieldRef(const Expr *E) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(strip(E));
  const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!F || F->getName().empty() || !isExtensionStruct(F->getParent()))
    return std::nullopt;
  return PyMemberRef{structKey(F->getParent()), F->getName().str()};
}

void Extractor::addStruct(const RecordDecl *RD) {
  PyStructFact S;
  S.Key = structKey(RD);
  if (S.Key.empty())
    return;
  S.Name = recordName(RD);
  S.Loc = Loc(RD->getLocation());
  if (const RecordDecl *Head = headOf(RD)) {
    if (isExtensionStruct(Head))
      S.BaseKey = structKey(Head);
    else
      S.BuiltinBase = recordName(Head);
  }
  // The head (PyObject_HEAD, or the base struct by value) is the first
  // field unless a C++ base plays that part.
  const auto *CXX = dyn_cast<CXXRecordDecl>(RD);
  bool SkipFirst = !CXX || CXX->getNumBases() == 0;
  for (const FieldDecl *F : RD->fields()) {
    if (SkipFirst) {
      SkipFirst = false;
      continue;
    }
    const RecordDecl *Target = objectPointee(F->getType());
    if (!Target || F->getName().empty())
      continue;
    PyObjectMemberFact Mem;
    Mem.Name = F->getName().str();
    Mem.Type = F->getType().getAsString(Ctx.getPrintingPolicy());
    Mem.Loc = Loc(F->getLocation());
    if (isExtensionStruct(Target))
      Mem.TargetStruct = structKey(Target);
    if (!RD->isInvalidDecl())
      Mem.Offset = Ctx.getASTRecordLayout(RD).getFieldOffset(
                       F->getFieldIndex()) / 8;
    S.Members.push_back(std::move(Mem));
  }
  Out.Structs.push_back(std::move(S));
}

//===-- Program helpers ---------------------------------------------------===//

/// `inline PyObject *xnewref(PyObject *o) { Py_XINCREF(o); return o; }`,
/// cppy's `incref`: a body that only counts references and returns the
/// same parameter on every path. nullopt for anything else, or a body not
/// seen. Memoized per TU (with a recursion guard).
std::optional<unsigned>
Extractor::passThroughParam(const FunctionDecl *Callee) {
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  if (!Def || !Def->hasBody() || !isProgramDecl(Def))
    return std::nullopt;
  if (auto It = PassThrough.find(Def); It != PassThrough.end())
    return It->second;
  PassThrough[Def] = std::nullopt; // recursion guard
  std::optional<unsigned> Result;
  bool Ok = true;
  unsigned Returns = 0;
  // The parameter a return statement gives back, through Py_NewRef & co.
  auto ReturnedParam = [&](const ReturnStmt *R) -> const ParmVarDecl * {
    const Expr *V = strip(R->getRetValue());
    while (const auto *C = dyn_cast_or_null<CallExpr>(V)) {
      const FunctionDecl *F = C->getDirectCallee();
      if (!F || !F->getIdentifier() || C->getNumArgs() != 1 ||
          !M.inList("passThrough", F->getName()))
        break;
      V = strip(C->getArg(0));
    }
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(V);
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    return P && P->getDeclContext() == Def ? P : nullptr;
  };
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S || !Ok)
      return;
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      ++Returns;
      const ParmVarDecl *P = ReturnedParam(R);
      if (!P || (Result && *Result != P->getFunctionScopeIndex()))
        Ok = false;
      else
        Result = P->getFunctionScopeIndex();
      return;
    }
    // Only reference counting besides the return: anything else (a
    // store, a call that may replace the object) is not a plain helper.
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *F = C->getDirectCallee();
      if (!F || !F->getIdentifier() || !M.inList("harmless", F->getName())) {
        Ok = false;
        return;
      }
    }
    if (isa<BinaryOperator>(S) && cast<BinaryOperator>(S)->isAssignmentOp()) {
      Ok = false;
      return;
    }
    for (const Stmt *Child : S->children())
      Walk(Child);
  };
  Walk(Def->getBody());
  if (!Ok || Returns == 0)
    Result = std::nullopt;
  PassThrough[Def] = Result;
  return Result;
}

} // namespace cyclint::cpython
