//===- FunctionSummarizer.cpp - The walk over one body; roles of expressions -===//
//
// The two passes of a function summary and what each assignment and call
// means to the GC protocol: `visit(member, arg)`, a member set to NULL or
// released, a store and what it stores, a call passed `visit`, the object
// or a module's state, a type slot set at run time. What a value may be is
// FunctionValues.cpp's; this file decides where it goes. Values are
// followed through casts, Py_NewRef, conditionals and locals (all their
// assignments), never through memory: what cannot be followed is unknown.
//
//===----------------------------------------------------------------------===//

#include "models/cpython/FunctionSummarizer.h"
#include "models/cpython/CPythonAST.h"

#include "clang/AST/ParentMapContext.h"

using namespace clang;
using llvm::StringRef;

namespace cyclint::cpython {

/// The name of a call's direct callee, or "" (a function pointer).
static StringRef calleeName(const CallExpr *C) {
  const FunctionDecl *Callee = C->getDirectCallee();
  return Callee && Callee->getIdentifier() ? Callee->getName() : "";
}

FunctionSummarizer::FunctionSummarizer(Extractor &X, const FunctionDecl *FD)
    : X(X), M(X.M), D(X.D), Ctx(X.Ctx), FD(FD) {
  F.USR = X.usr(FD->getCanonicalDecl());
  F.Name = FD->getNameAsString();
  F.Loc = X.Loc(FD->getLocation());
  for (const ParmVarDecl *P : FD->parameters())
    if (isVisitProc(P->getType()))
      VisitParm = P;
  F.HasVisitParam = VisitParm;
  // The object a function works on is its first parameter, unless that
  // is a type (tp_new's `PyTypeObject *type`).
  if (FD->getNumParams() > 0) {
    QualType T = FD->getParamDecl(0)->getType();
    if (T->isPointerType() &&
        !X.isRecordNamed(T->getPointeeType(), D.TypeObjectRecord))
      SelfParm = FD->getParamDecl(0);
  }
  if (SelfParm)
    if (const RecordDecl *RD = X.objectPointee(SelfParm->getType());
        RD && X.isExtensionStruct(RD))
      F.SelfStruct = X.structKey(RD);
}

PyFunctionFact FunctionSummarizer::run() {
  // Pass 1: where each local's value comes from, and aliases.
  Collecting = true;
  TraverseStmt(FD->getBody());
  // Pass 2: everything else, with the sources known.
  Collecting = false;
  TraverseStmt(FD->getBody());
  addLocalContainerFills();
  summarizeAllocations();
  Keep = worthKeeping();
  return std::move(F);
}

/// Functions of objects are kept even when they do nothing the GC sees:
/// the merge must tell "does nothing" from "not analyzed".
bool FunctionSummarizer::worthKeeping() const {
  return F.HasVisitParam ||
         (SelfParm && X.objectPointee(SelfParm->getType())) ||
         !F.Cleared.empty() || !F.Released.empty() || !F.SelfCalls.empty() ||
         F.UnTracksSelf || F.FreesSelf || F.ReleasesType ||
         F.ClearsManagedDict || F.VisitsManagedDict || !F.StateCalls.empty() ||
         !F.Fills.empty() || !F.Stores.empty() || !F.Allocs.empty() ||
         !F.UserData.empty() || !F.MemberArgs.empty();
}

//===-- Pass 1 ------------------------------------------------------------===//

bool FunctionSummarizer::VisitVarDecl(VarDecl *VD) {
  if (Collecting && VD->hasInit() && VD->isLocalVarDecl())
    noteSource(VD, VD->getInit());
  return true;
}

void FunctionSummarizer::noteSource(const VarDecl *VD, const Expr *Value) {
  Sources[VD].push_back(Value);
  const Expr *S = strip(Value);
  if (isSelf(S))
    SelfVars.insert(VD);
  if (isTypeOf(S))
    TypeVars.insert(VD);
  if (isStateExpr(S))
    StateVars.insert(VD);
  if (const auto *U = dyn_cast<UnaryOperator>(S))
    if (U->getOpcode() == UO_AddrOf) {
      if (auto Ref = X.memberRef(U->getSubExpr()))
        MemberAliases[VD] = *Ref;
      else if (auto Plain = X.plainMemberRef(U->getSubExpr()))
        PlainAliases[VD] = *Plain;
    }
}

void FunctionSummarizer::collectAssignment(const BinaryOperator *BO,
                                           const Expr *LHS) {
  if (BO->getOpcode() != BO_Assign)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->isLocalVarDecl())
        noteSource(VD, BO->getRHS());
}

//===-- Assignments -------------------------------------------------------===//

bool FunctionSummarizer::VisitBinaryOperator(BinaryOperator *BO) {
  if (BO->getOpcode() != BO_Assign && !BO->isCompoundAssignmentOp())
    return true;
  const Expr *LHS = strip(BO->getLHS());
  if (Collecting) {
    collectAssignment(BO, LHS);
    return true;
  }
  if (typeSlotAssignment(BO, LHS))
    return true;
  std::optional<PyMemberRef> Target = assignedMember(LHS);
  if (!Target && BO->getOpcode() == BO_Assign)
    noteClearedPlainMember(BO, LHS);
  if (Target && BO->getOpcode() == BO_Assign)
    noteStore(BO, *Target);
  return true;
}

std::optional<PyMemberRef>
FunctionSummarizer::derefAlias(
    const Expr *E,
    const llvm::DenseMap<const VarDecl *, PyMemberRef> &Aliases) const {
  const auto *U = dyn_cast_or_null<UnaryOperator>(strip(E));
  if (!U || U->getOpcode() != UO_Deref)
    return std::nullopt;
  const auto *DRE = dyn_cast<DeclRefExpr>(strip(U->getSubExpr()));
  if (!DRE)
    return std::nullopt;
  auto It = Aliases.find(dyn_cast<VarDecl>(DRE->getDecl()));
  if (It == Aliases.end())
    return std::nullopt;
  return It->second;
}

/// `self->x = ...`, or `*p = ...` with `p = &self->x`.
std::optional<PyMemberRef>
FunctionSummarizer::assignedMember(const Expr *LHS) const {
  if (std::optional<PyMemberRef> Ref = X.memberRef(LHS))
    return Ref;
  return derefAlias(LHS, MemberAliases);
}

/// A store into a module state's member: NULL clears it (Py_CLEAR); what
/// else it receives tells whether it only ever holds strings and numbers.
void FunctionSummarizer::noteClearedPlainMember(const BinaryOperator *BO,
                                                const Expr *LHS) {
  std::optional<PyMemberRef> Plain = X.plainMemberRef(LHS);
  if (!Plain)
    Plain = derefAlias(LHS, PlainAliases);
  if (!Plain)
    return;
  std::string Detail;
  PyValueKind Kind = classify(BO->getRHS(), Detail);
  if (Kind == PyValueKind::Null)
    F.Cleared.push_back(*Plain);
  PyStoreFact Store{*Plain, Kind, Detail, X.Loc(BO->getBeginLoc())};
  Store.NewContainer = isNewContainer(BO->getRHS());
  Store.Borrowed = Kind != PyValueKind::Null &&
                   !takesNewReference(BO->getRHS(), *Plain);
  F.Stores.push_back(std::move(Store));
  noteValueVar(BO->getRHS(), *Plain);
}

void FunctionSummarizer::noteStore(const BinaryOperator *BO,
                                   const PyMemberRef &Target) {
  std::string Detail;
  PyValueKind Kind = classify(BO->getRHS(), Detail);
  if (Kind == PyValueKind::Argument && guardedExact(BO->getRHS(), BO))
    Kind = PyValueKind::Acyclic;
  // NULL, None or a str breaks a cycle as well (Cython's clear stores None).
  if (Kind == PyValueKind::Null || Kind == PyValueKind::Acyclic)
    F.Cleared.push_back(Target);
  PyStoreFact Store{Target, Kind, Detail, X.Loc(BO->getBeginLoc())};
  Store.NewContainer = isNewContainer(BO->getRHS());
  Store.Borrowed = Kind != PyValueKind::Null &&
                   !takesNewReference(BO->getRHS(), Target);
  if (Kind == PyValueKind::Argument)
    Store.ValueStruct = valueStruct(BO->getRHS());
  F.Stores.push_back(std::move(Store));
  noteValueVar(BO->getRHS(), Target);
}

/// Whether the store of `Value` into `Target` takes a reference of its
/// own: anything but a borrowed value (a parameter, a parsed "O", a global,
/// a `borrowedResults` call) does, and so does a Py_INCREF of the value's
/// local or of the member anywhere in the function.
bool FunctionSummarizer::takesNewReference(const Expr *Value,
                                           const PyMemberRef &Target) {
  return IncrefMembers.count(Target) || !isBorrowedValue(Value);
}

/// `self->items = list` with `list` a local: fills of `list` are fills of
/// the member (addLocalContainerFills).
void FunctionSummarizer::noteValueVar(const Expr *Value,
                                      const PyMemberRef &Target) {
  const auto *DRE = dyn_cast<DeclRefExpr>(strip(Value));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (VD && VD->isLocalVarDecl())
    StoredLocals.push_back({VD, Target});
}

void FunctionSummarizer::addLocalContainerFills() {
  for (const auto &[VD, Target] : StoredLocals) {
    auto It = LocalFills.find(VD);
    if (It == LocalFills.end())
      continue;
    for (PyFillFact Fill : It->second) {
      Fill.Member = Target;
      F.Fills.push_back(std::move(Fill));
    }
  }
}

/// True when `Value` is a variable that the store `At` only receives after
/// an exact type check for a type whose instances hold no object
/// (`if (PyUnicode_CheckExact(v)) self->x = v;`): no subclass, so no
/// `__dict__`. `PyUnicode_Check` admits subclasses and does not count.
bool FunctionSummarizer::guardedExact(const Expr *Value, const Stmt *At) {
  Value = passedThrough(Value); // Py_NewRef(v)
  const auto *DRE = dyn_cast<DeclRefExpr>(Value);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V)
    return false;
  const Stmt *Child = At;
  for (unsigned Depth = 0; Child && Depth < 32; ++Depth) {
    auto Parents = Ctx.getParents(*Child);
    const Stmt *Parent = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (const auto *If = dyn_cast_or_null<IfStmt>(Parent))
      if (If->getThen() == Child && checksExactType(If->getCond(), V))
        return true;
    Child = Parent;
  }
  return false;
}

/// `Py_IS_TYPE(v, &PyUnicode_Type)` (what the *_CheckExact macros expand
/// to), `Py_TYPE(v) == &T`, or either side of `&&`.
bool FunctionSummarizer::checksExactType(const Expr *Cond, const VarDecl *V) {
  Cond = strip(Cond);
  auto IsVar = [&](const Expr *E) {
    const auto *D = dyn_cast<DeclRefExpr>(strip(E));
    return D && D->getDecl() == V;
  };
  auto IsAtomicType = [&](const Expr *E) {
    const VarDecl *T = X.varNamed(E);
    return T && !X.isProgramDecl(T) && D.AcyclicTypes.contains(T->getName());
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (BO->getOpcode() == BO_LAnd)
      return checksExactType(BO->getLHS(), V) ||
             checksExactType(BO->getRHS(), V);
    if (BO->getOpcode() != BO_EQ)
      return false;
    const auto *C = dyn_cast<CallExpr>(strip(BO->getLHS()));
    return C && C->getNumArgs() == 1 && isTypeOf(C) && IsVar(C->getArg(0)) &&
           IsAtomicType(BO->getRHS());
  }
  const auto *C = dyn_cast<CallExpr>(Cond);
  const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
  return Callee && Callee->getIdentifier() && C->getNumArgs() == 2 &&
         M.inList("exactTypeChecks", Callee->getName()) &&
         IsVar(C->getArg(0)) && IsAtomicType(C->getArg(1));
}

/// `NodeType.tp_x = ...`: a program type's slot (or flags) set at run time.
/// True when the assignment is to a type object, recorded or not.
bool FunctionSummarizer::typeSlotAssignment(const BinaryOperator *BO,
                                            const Expr *LHS) {
  const auto *ME = dyn_cast<MemberExpr>(LHS);
  if (!ME)
    return false;
  const VarDecl *T = typeVar(strip(ME->getBase()));
  if (!T || !X.isProgramDecl(T))
    return false;
  StringRef Field = ME->getMemberDecl()->getName();
  PySlotAssignmentFact A;
  A.TypeUSR = X.usr(T);
  A.Op = BO->getOpcode() == BO_Assign     ? PySlotOp::Set
         : BO->getOpcode() == BO_OrAssign ? PySlotOp::Or
                                          : PySlotOp::Other;
  if (Field == "tp_flags") {
    A.Slot.Slot = "tp_flags";
    A.Slot.Kind = PySlotKind::Flags;
    A.Slot.Loc = X.Loc(BO->getBeginLoc());
    Expr::EvalResult R;
    const Expr *RHS = BO->getRHS();
    if (!RHS->isValueDependent() && RHS->EvaluateAsInt(R, Ctx))
      A.Slot.Target = std::to_string(R.Val.getInt().getZExtValue());
  } else if (M.isModelledSlot(Field) || !M.inList("internalSlots", Field)) {
    // Other fields are recorded too: a protocol slot set at run time
    // (`T.tp_iter = ...`) makes the type one Python code can use.
    A.Slot = X.slotValue(Field, BO->getRHS());
    A.Slot.Loc = X.Loc(BO->getBeginLoc());
  } else {
    return true;
  }
  X.Out.SlotAssignments.push_back(std::move(A));
  return true;
}

//===-- Calls -------------------------------------------------------------===//

bool FunctionSummarizer::VisitCallExpr(CallExpr *C) {
  if (Collecting) {
    collectParserOutputs(C);
    noteIncref(C, calleeName(C));
    return true;
  }
  Calls.push_back(C);
  StringRef Name = calleeName(C);
  if (noteVisitCall(C) || noteManagedDictCall(Name))
    return true;
  noteFill(C, Name);
  noteMemberArgs(C);
  noteUserData(C, Name);
  CallArguments Args = readArguments(C, Name);
  noteStateCall(C, Name);
  if (Args.PassesVisit) {
    llvm::append_range(F.Visited, Args.Members);
    if (Args.PassesSelf || Args.Members.empty())
      F.VisitDelegates.push_back(callee(C));
    return true;
  }
  noteReleases(C, Name);
  if (Args.PassesSelf)
    noteSelfCall(C, Name);
  return true;
}

/// `visit(member, arg)` (Py_VISIT).
bool FunctionSummarizer::noteVisitCall(const CallExpr *C) {
  if (!VisitParm || !isVisitParm(C->getCallee()))
    return false;
  const Expr *Arg = C->getNumArgs() ? C->getArg(0) : nullptr;
  std::optional<PyMemberRef> Ref = Arg ? X.memberRef(Arg) : std::nullopt;
  if (!Ref && Arg)
    Ref = aliasedMember(Arg);
  if (Ref) {
    F.Visited.push_back(*Ref);
  } else if (Arg && isTypeOf(strip(Arg))) {
    F.VisitsType = true;
  } else {
    F.VisitsOther = true;
    // A module state's member (m_traverse): not an object's member,
    // so still "other" for the type checks.
    if (auto Plain = Arg ? X.plainMemberRef(Arg) : std::nullopt)
      F.Visited.push_back(*Plain);
  }
  return true;
}

/// A local that only ever holds one member's value (`PyObject *o =
/// (PyObject *)self->x; Py_VISIT(o);`): visiting it visits the member.
std::optional<PyMemberRef>
FunctionSummarizer::aliasedMember(const Expr *E) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(strip(E));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  auto It = VD && VD->isLocalVarDecl() ? Sources.find(VD) : Sources.end();
  if (It == Sources.end() || AddressTaken.count(VD))
    return std::nullopt;
  std::optional<PyMemberRef> Result;
  for (const Expr *S : It->second) {
    if (S->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      continue;
    std::optional<PyMemberRef> Ref = X.memberRef(S);
    if (!Ref || (Result && !(*Result == *Ref)))
      return std::nullopt;
    Result = Ref;
  }
  return Result;
}

/// The managed instance dict (3.12+): the runtime visits/clears it.
bool FunctionSummarizer::noteManagedDictCall(StringRef Name) {
  if (M.inList("visitManagedDict", Name)) {
    F.VisitsManagedDict = true;
    return true;
  }
  if (M.inList("clearManagedDict", Name)) {
    F.ClearsManagedDict = true;
    return true;
  }
  return false;
}

/// What a call is passed; a member passed by address is cleared or set
/// through it (Py_CLEAR in 3.12+, a helper) with a value the model cannot
/// tell, unless it is an output of an argument parser.
FunctionSummarizer::CallArguments
FunctionSummarizer::readArguments(const CallExpr *C, StringRef Name) {
  CallArguments Args;
  for (const Expr *Arg : C->arguments()) {
    if (VisitParm && isVisitParm(Arg))
      Args.PassesVisit = true;
    if (isSelf(strip(Arg)))
      Args.PassesSelf = true;
    if (auto Ref = X.memberRef(Arg))
      Args.Members.push_back(*Ref);
    const auto *U = dyn_cast<UnaryOperator>(strip(Arg));
    if (!U || U->getOpcode() != UO_AddrOf || isParserOutput(C, Arg))
      continue;
    if (auto Ref = X.memberRef(U->getSubExpr())) {
      F.Cleared.push_back(*Ref);
      F.Stores.push_back({*Ref, PyValueKind::Unknown, Name.str(),
                          X.Loc(Arg->getBeginLoc())});
    } else if (auto Plain = X.plainMemberRef(U->getSubExpr())) {
      F.Cleared.push_back(*Plain);
      F.Stores.push_back({*Plain, PyValueKind::Unknown, Name.str(),
                          X.Loc(Arg->getBeginLoc())});
    }
  }
  return Args;
}

/// A program function given the module's state (a state clear helper).
void FunctionSummarizer::noteStateCall(const CallExpr *C, StringRef Name) {
  const FunctionDecl *Callee = C->getDirectCallee();
  if (Callee && X.isProgramDecl(Callee) && !M.inList("moduleState", Name) &&
      llvm::any_of(C->arguments(),
                   [&](const Expr *A) { return isStateExpr(strip(A)); }))
    F.StateCalls.push_back(callee(C));
}

/// Py_DECREF(Py_TYPE(self)) releases the type (heap types); Py_DECREF of
/// `self->m`, or of a local holding it (Py_CLEAR, Py_SETREF): the program
/// counts the reference the member holds.
void FunctionSummarizer::noteReleases(const CallExpr *C, StringRef Name) {
  if (!M.inList("decref", Name) || C->getNumArgs() != 1)
    return;
  if (isTypeOf(strip(C->getArg(0))))
    F.ReleasesType = true;
  if (auto Ref = releasedMember(C->getArg(0)))
    F.Released.push_back(*Ref);
  else if (auto Plain = releasedPlainMember(C->getArg(0)))
    F.Released.push_back(*Plain);
}

/// `lib_set_callback(self->db, trampoline, Py_NewRef(cb))`: a C library
/// function given a handle the object keeps (a pointer field of its struct,
/// by value) and a new reference to a caller's object as a `void *`
/// argument keeps that reference where no traverse can visit it.
void FunctionSummarizer::noteUserData(const CallExpr *C, StringRef Name) {
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!Callee || !X.isLibraryDecl(Callee))
    return;
  std::optional<PyMemberRef> Handle;
  for (const Expr *Arg : C->arguments()) {
    const auto *ME = dyn_cast<MemberExpr>(strip(Arg));
    if (ME && isSelf(strip(ME->getBase())) &&
        ME->getType()->isPointerType() && !X.objectPointee(ME->getType()))
      if ((Handle = X.fieldRef(ME)))
        break;
  }
  if (!Handle)
    return;
  unsigned N = std::min(C->getNumArgs(), Callee->getNumParams());
  for (unsigned I = 0; I < N; ++I) {
    const Expr *Arg = strip(C->getArg(I));
    if (!Callee->getParamDecl(I)->getType()->isVoidPointerType() ||
        !X.objectPointee(Arg->getType()) || !isNewReference(Arg))
      continue;
    std::string Detail;
    if (classify(Arg, Detail) != PyValueKind::Argument)
      continue;
    F.UserData.push_back({*Handle, PyValueKind::Argument, Detail, Name.str(),
                          X.Loc(C->getBeginLoc())});
  }
}

/// Py_NewRef(v), or a local given to Py_INCREF in this function.
bool FunctionSummarizer::isNewReference(const Expr *E) const {
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    return Callee && Callee->getIdentifier() &&
           M.inList("newRef", Callee->getName());
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && IncrefVars.count(VD);
}

/// Py_INCREF(v) or Py_INCREF(self->m) (pass 1).
void FunctionSummarizer::noteIncref(const CallExpr *C, StringRef Name) {
  if (!M.inList("incref", Name) || C->getNumArgs() != 1)
    return;
  const Expr *Arg = strip(C->getArg(0));
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      IncrefVars.insert(VD);
  if (auto Ref = X.memberRef(Arg))
    IncrefMembers.insert(*Ref);
  else if (auto Plain = X.plainMemberRef(Arg))
    IncrefMembers.insert(*Plain);
}

/// A call passed the object itself: untracking, freeing, or a helper or
/// slot (of a base, of its own type) that the merge follows.
void FunctionSummarizer::noteSelfCall(const CallExpr *C, StringRef Name) {
  if (M.inList("gcUnTrack", Name)) {
    F.UnTracksSelf = true;
  } else if (M.inList("freeMemory", Name)) {
    F.FreesSelf = true;
  } else if (M.inList("harmless", Name) || M.inList("decref", Name) ||
             M.inList("gcTrack", Name) || M.inList("typeOf", Name)) {
    // nothing to follow
  } else {
    PyCalleeFact Target = callee(C);
    if (Target.Slot == "tp_free")
      F.FreesSelf = true;
    else
      F.SelfCalls.push_back(std::move(Target));
  }
}

bool FunctionSummarizer::VisitReturnStmt(ReturnStmt *R) {
  if (!Collecting && R->getRetValue())
    Returns.push_back(strip(R->getRetValue()));
  return true;
}

bool FunctionSummarizer::VisitUnaryOperator(UnaryOperator *U) {
  if (!Collecting && U->getOpcode() == UO_AddrOf)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(U->getSubExpr())))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        AddressTaken.insert(VD);
  return true;
}

//===-- Roles of expressions ----------------------------------------------===//

/// `visitproc`, through typedefs, or any `int (*)(PyObject *, void *)`.
bool FunctionSummarizer::isVisitProc(QualType T) const {
  for (QualType Q = T; !Q.isNull();) {
    const auto *TT = Q->getAs<TypedefType>();
    if (!TT)
      break;
    if (TT->getDecl()->getName() == D.VisitProcTypedef)
      return true;
    Q = TT->getDecl()->getUnderlyingType();
  }
  const auto *PT = T.getCanonicalType()->getAs<PointerType>();
  const auto *FT =
      PT ? PT->getPointeeType()->getAs<FunctionProtoType>() : nullptr;
  return FT && FT->getNumParams() == 2 &&
         FT->getReturnType()->isIntegerType() &&
         X.objectPointee(FT->getParamType(0)) &&
         FT->getParamType(1)->isVoidPointerType();
}

bool FunctionSummarizer::isVisitParm(const Expr *E) const {
  E = strip(E);
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(E);
      U && U->getOpcode() == UO_Deref) // Cython: `(*v)(p->x, a)`
    E = strip(U->getSubExpr());
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  return DRE && DRE->getDecl() == VisitParm;
}

bool FunctionSummarizer::isSelf(const Expr *E) const {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  if (!DRE)
    return false;
  const ValueDecl *V = DRE->getDecl();
  return (SelfParm && V == SelfParm) || SelfVars.count(dyn_cast<VarDecl>(V));
}

/// Py_TYPE(x), x->ob_type, or a local holding one of those.
bool FunctionSummarizer::isTypeOf(const Expr *E) const {
  if (const auto *C = dyn_cast_or_null<CallExpr>(E))
    if (const FunctionDecl *Callee = C->getDirectCallee())
      return Callee->getIdentifier() && M.inList("typeOf", Callee->getName());
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    return ME->getMemberDecl()->getName() == "ob_type";
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return TypeVars.count(dyn_cast<VarDecl>(DRE->getDecl()));
  return false;
}

bool FunctionSummarizer::isTypeParm(const Expr *E) const {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  return DRE && isa<ParmVarDecl>(DRE->getDecl()) &&
         X.isRecordNamed(DRE->getType()->getPointeeType(),
                         D.TypeObjectRecord);
}

/// A named PyTypeObject variable, or null.
const VarDecl *FunctionSummarizer::typeVar(const Expr *E) const {
  const VarDecl *VD = X.varNamed(E);
  return VD && X.isRecordNamed(VD->getType(), D.TypeObjectRecord) ? VD
                                                                   : nullptr;
}

/// Where a call goes: a function, or the slot of a type it names, of a
/// base (`->tp_base->tp_x`), of the object's own type.
PyCalleeFact FunctionSummarizer::callee(const CallExpr *C) {
  PyCalleeFact Out;
  if (const FunctionDecl *Callee = C->getDirectCallee()) {
    Out.Kind = X.isProgramDecl(Callee) ? PyCalleeKind::Function
                                       : PyCalleeKind::Builtin;
    Out.USR = X.usr(Callee->getCanonicalDecl());
    Out.Name = Callee->getNameAsString();
    return Out;
  }
  Out.Kind = PyCalleeKind::Unknown;
  const auto *ME = dyn_cast<MemberExpr>(strip(C->getCallee()));
  if (!ME)
    return Out;
  Out.Slot = ME->getMemberDecl()->getNameAsString();
  const Expr *Base = strip(ME->getBase());
  if (const VarDecl *T = typeVar(Base)) {
    Out.Kind = X.isProgramDecl(T) ? PyCalleeKind::TypeSlot
                                  : PyCalleeKind::Builtin;
    Out.USR = X.usr(T);
    Out.Name = T->getNameAsString();
  } else if (const auto *Inner = dyn_cast<MemberExpr>(Base);
             Inner && Inner->getMemberDecl()->getName() == "tp_base") {
    Out.Kind = PyCalleeKind::BaseSlot;
    if (const VarDecl *T = typeVar(strip(Inner->getBase()))) {
      Out.USR = X.usr(T);
      Out.Name = T->getNameAsString();
    }
  } else if (isTypeOf(Base) || isTypeParm(Base)) {
    Out.Kind = PyCalleeKind::SelfSlot;
  }
  return Out;
}

/// A module's state: PyModule_GetState(...), a program function returning
/// a pointer to a plain struct that is passed the first parameter
/// (`get_module_state(module)`), or a local holding one of those.
bool FunctionSummarizer::isStateExpr(const Expr *E) const {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return StateVars.count(dyn_cast<VarDecl>(DRE->getDecl()));
  const auto *C = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier())
    return false;
  if (M.inList("moduleState", Callee->getName()))
    return true;
  QualType R = Callee->getReturnType();
  if (!X.isProgramDecl(Callee) || !R->isPointerType())
    return false;
  const RecordDecl *RD = X.recordOf(R->getPointeeType());
  return RD && !X.isObjectRecord(RD) &&
         llvm::any_of(C->arguments(),
                      [&](const Expr *A) { return isSelf(strip(A)); });
}

} // namespace cyclint::cpython
