//===- FunctionValues.cpp - What a value may be; fills, parsers, allocations -===//
//
// The summarizer's knowledge of values: whether what a member receives is
// NULL, acyclic (None, a str or number from a known constructor), the
// caller's choice (a parameter, a PyArg_Parse* "O" output) or unknown;
// which container a fill writes to and which member a decref releases;
// what a GC allocation becomes (tracked, returned, escaped). Which API does
// what comes from the model data (cpython.yaml); the rules of combining
// values are here. A value with several sources takes the worst of them
// (`join`): one unknown source makes the value unknown, one argument makes
// it arbitrary.
//
//===----------------------------------------------------------------------===//

#include "models/cpython/CPythonAST.h"
#include "models/cpython/FunctionSummarizer.h"

using namespace clang;
using llvm::StringRef;

namespace cyclint::cpython {

//===-- Values ------------------------------------------------------------===//

PyValueKind FunctionSummarizer::join(PyValueKind A, PyValueKind B) {
  return joinPyValueKinds(A, B);
}

PyValueKind FunctionSummarizer::classify(const Expr *E, std::string &Detail,
                                         unsigned Depth) {
  if (!E || Depth > 8)
    return PyValueKind::Unknown;
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return PyValueKind::Null;
  E = strip(E);
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    PyValueKind Kind = PyValueKind::Null;
    joinSource(Kind, Detail, CO->getTrueExpr(), Depth + 1);
    joinSource(Kind, Detail, CO->getFalseExpr(), Depth + 1);
    return Kind;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf)
    if (const VarDecl *VD = X.varNamed(U))
      if (!X.isProgramDecl(VD) && M.inList("acyclicGlobals", VD->getName())) {
        Detail = VD->getNameAsString();
        return PyValueKind::Acyclic;
      }
  if (const auto *C = dyn_cast<CallExpr>(E))
    return classifyCall(C, Detail, Depth);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return classifyVariable(VD, Detail, Depth);
  return PyValueKind::Unknown;
}

/// Joins what `Source` may be into `Kind`; `Detail` names the source that
/// decides the joined kind (the parameter, not an unknown call beside it).
void FunctionSummarizer::joinSource(PyValueKind &Kind, std::string &Detail,
                                    const Expr *Source, unsigned Depth) {
  std::string SourceDetail;
  PyValueKind K = classify(Source, SourceDetail, Depth);
  PyValueKind Joined = join(Kind, K);
  if (Joined == K && !SourceDetail.empty() &&
      (Joined != Kind || Detail.empty()))
    Detail = SourceDetail;
  Kind = Joined;
}

/// A call's result: its argument for new-reference helpers (Py_NewRef, a
/// program function that only returns a parameter), acyclic for the
/// constructors the model lists, unknown otherwise.
PyValueKind FunctionSummarizer::classifyCall(const CallExpr *C,
                                             std::string &Detail,
                                             unsigned Depth) {
  const FunctionDecl *Callee = C->getDirectCallee();
  StringRef Name = Callee && Callee->getIdentifier() ? Callee->getName() : "";
  if (M.inList("passThrough", Name) && C->getNumArgs() == 1)
    return classify(C->getArg(0), Detail, Depth + 1);
  if (std::optional<unsigned> I = X.passThroughParam(Callee);
      I && *I < C->getNumArgs())
    return classify(C->getArg(*I), Detail, Depth + 1);
  bool Lookup = M.inList("attributeLookups", Name);
  if ((Lookup || M.inList("itemLookups", Name)) && C->getNumArgs() >= 1 &&
      !isSelf(strip(C->getArg(0)))) {
    // A part of the caller's object is the caller's choice too: the
    // detail reads `PyObject_GetAttr(file)`. The object's own attributes
    // are its type's (methods, members) unless Python code can set them,
    // which the instance dict and writable members already say.
    std::string Whole;
    if (classify(C->getArg(0), Whole, Depth + 1) == PyValueKind::Argument) {
      Detail = Name.str() + "(" + Whole + ")";
      return PyValueKind::Argument;
    }
  }
  Detail = Name.str();
  if (Lookup && C->getNumArgs() >= 1 &&
      isRuntimeStaticType(C->getArg(0), Depth + 1))
    return PyValueKind::Acyclic; // `int.__abs__`: owned by a static type
  return M.inList("acyclicConstructors", Name) ? PyValueKind::Acyclic
                                               : PyValueKind::Unknown;
}

/// A value that comes with no reference of its own: a parameter (the
/// caller's reference), a parsed "O" output (the argument tuple's), a
/// global (the module's or the runtime's), the result of a call the C-API
/// documents as borrowed (`borrowedResults`), or a local holding only such
/// values and never given to Py_INCREF. Py_NewRef(v) and every other call
/// return a new reference.
bool FunctionSummarizer::isBorrowedValue(const Expr *E, unsigned Depth) {
  if (!E || Depth > 8)
    return false;
  E = strip(E);
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
    return isBorrowedValue(CO->getTrueExpr(), Depth + 1) &&
           isBorrowedValue(CO->getFalseExpr(), Depth + 1);
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = C->getDirectCallee();
    return Callee && Callee->getIdentifier() &&
           M.inList("borrowedResults", Callee->getName());
  }
  // A member of a global struct (`state->handler` with `state =
  // &global_state`, or `global_state.handler`): the global owns it.
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return isGlobalStruct(ME->getBase(), ME->isArrow());
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  // A parser writes through the address of its outputs; any other use of
  // a local's address may give it a reference of its own.
  if (!VD || IncrefVars.count(VD) ||
      (AddressTaken.count(VD) && !ParsedKinds.count(VD)))
    return false;
  if (isa<ParmVarDecl>(VD) || VD->hasGlobalStorage())
    return true;
  if (!VD->isLocalVarDecl() || !Visiting.insert(VD).second)
    return false;
  bool Any = false, All = true;
  if (auto It = Sources.find(VD); It != Sources.end())
    for (const Expr *S : It->second) {
      if (S->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        continue;
      Any = true;
      All = All && isBorrowedValue(S, Depth + 1);
    }
  if (auto It = ParsedKinds.find(VD); It != ParsedKinds.end())
    Any = true; // the argument tuple's reference
  Visiting.erase(VD);
  return Any && All;
}

/// Whether `Base` (of a member access, `->` when `Arrow`) is a global
/// struct: a global variable of struct type, or a local every value of
/// which is the address of one.
bool FunctionSummarizer::isGlobalStruct(const Expr *Base, bool Arrow) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(strip(Base));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD)
    return false;
  if (!Arrow)
    return VD->hasGlobalStorage() && VD->getType()->isRecordType();
  auto It = VD->isLocalVarDecl() ? Sources.find(VD) : Sources.end();
  if (It == Sources.end() || It->second.empty() || AddressTaken.count(VD))
    return false;
  return llvm::all_of(It->second, [](const Expr *S) {
    const auto *U = dyn_cast<UnaryOperator>(strip(S));
    const auto *G = U && U->getOpcode() == UO_AddrOf
                        ? dyn_cast<DeclRefExpr>(strip(U->getSubExpr()))
                        : nullptr;
    const auto *GV = G ? dyn_cast<VarDecl>(G->getDecl()) : nullptr;
    return GV && GV->hasGlobalStorage() && GV->getType()->isRecordType();
  });
}

/// The extension struct a value's own declaration points to, through
/// casts and pass-through calls (`(PyObject *)win` with
/// `PyCursesWindowObject *win`), or "".
std::string FunctionSummarizer::valueStruct(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(passedThrough(E));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  const RecordDecl *RD = VD ? X.objectPointee(VD->getType()) : nullptr;
  if (!RD || !VD->getType()->isPointerType() ||
      VD->getType()->getPointeeType()->isPointerType())
    return "";
  if (!X.holdsNoObject(RD))
    return "";
  // The program's struct: the merge looks for its type. Another module's
  // object struct from a header the runtime ships (py_curses.h): no TU has
  // its facts, so a key no struct has.
  return X.isExtensionStruct(RD) ? X.structKey(RD)
                                 : "unseen:" + X.structKey(RD);
}

/// A static type of the runtime (`&PyLong_Type`, `PyObject_Type(x)` of a
/// str or number, a local holding one): it lives as long as the
/// interpreter, and so does what it owns, so it never takes part in a
/// cycle of the program's objects.
bool FunctionSummarizer::isRuntimeStaticType(const Expr *E, unsigned Depth) {
  if (!E || Depth > 8)
    return false;
  E = strip(E);
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf) {
    const VarDecl *VD = X.varNamed(U);
    return VD && !X.isProgramDecl(VD) &&
           X.isRecordNamed(VD->getType(), D.TypeObjectRecord);
  }
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = C->getDirectCallee();
    std::string Ignored;
    return Callee && Callee->getIdentifier() && C->getNumArgs() == 1 &&
           M.inList("objectType", Callee->getName()) &&
           classify(C->getArg(0), Ignored, Depth + 1) == PyValueKind::Acyclic;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  auto It = VD && VD->isLocalVarDecl() ? Sources.find(VD) : Sources.end();
  if (It == Sources.end() || AddressTaken.count(VD) ||
      !Visiting.insert(VD).second)
    return false;
  bool All = llvm::all_of(It->second, [&](const Expr *S) {
    return isRuntimeStaticType(S, Depth + 1);
  });
  Visiting.erase(VD);
  return All;
}

/// A parameter is the caller's choice; a local is the join of everything
/// assigned to it and of what a parser wrote into it.
PyValueKind FunctionSummarizer::classifyVariable(const VarDecl *VD,
                                                 std::string &Detail,
                                                 unsigned Depth) {
  if (const auto *P = dyn_cast<ParmVarDecl>(VD)) {
    Detail = P->getNameAsString();
    // A type passed to tp_new is not cycle material the model tracks.
    if (X.isRecordNamed(P->getType()->getPointeeType(), D.TypeObjectRecord))
      return PyValueKind::Unknown;
    return PyValueKind::Argument;
  }
  if (!VD->isLocalVarDecl() || !Visiting.insert(VD).second)
    return PyValueKind::Unknown;
  PyValueKind Kind = PyValueKind::Null;
  bool Any = false;
  if (auto It = Sources.find(VD); It != Sources.end())
    for (const Expr *S : It->second) {
      Any = true;
      joinSource(Kind, Detail, S, Depth + 1);
    }
  if (auto It = ParsedKinds.find(VD); It != ParsedKinds.end()) {
    Any = true;
    Kind = join(Kind, It->second.first);
    if (It->second.first != PyValueKind::Null)
      Detail = It->second.second;
  }
  Visiting.erase(VD);
  return Any ? Kind : PyValueKind::Unknown;
}

/// A new container the program makes: PyDict_New(), or a local holding
/// one (and nothing but NULL otherwise).
bool FunctionSummarizer::isNewContainer(const Expr *E, unsigned Depth) {
  if (!E || Depth > 8)
    return false;
  E = strip(E);
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = C->getDirectCallee();
    return Callee && Callee->getIdentifier() &&
           M.inList("containerConstructors", Callee->getName());
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  auto It = VD ? Sources.find(VD) : Sources.end();
  if (It == Sources.end() || AddressTaken.count(VD))
    return false;
  bool Any = false;
  for (const Expr *S : It->second) {
    if (S->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      continue;
    if (!isNewContainer(S, Depth + 1))
      return false;
    Any = true;
  }
  return Any;
}

//===-- Members behind locals ---------------------------------------------===//

/// The member `E` names according to `SourceMember` (`self->m`), or a
/// local every assignment of which names the same member; otherwise none.
template <typename SourceMemberFn>
static std::optional<PyMemberRef> memberOrLocalAlias(
    const llvm::DenseMap<const VarDecl *, std::vector<const Expr *>> &Sources,
    const Expr *E, SourceMemberFn SourceMember) {
  if (auto Ref = SourceMember(E))
    return Ref;
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  auto It = VD ? Sources.find(VD) : Sources.end();
  if (It == Sources.end())
    return std::nullopt;
  std::optional<PyMemberRef> Result;
  for (const Expr *S : It->second) {
    std::optional<PyMemberRef> Ref = SourceMember(S);
    if (!Ref || (Result && !(*Result == *Ref)))
      return std::nullopt;
    Result = Ref;
  }
  return Result;
}

/// The member whose container a fill writes to: `self->attrs`, or a
/// local every assignment of which is that member.
std::optional<PyMemberRef>
FunctionSummarizer::containerMember(const Expr *E) {
  return memberOrLocalAlias(Sources, E,
                            [&](const Expr *S) { return X.memberRef(S); });
}

/// The member a decref releases: `self->m`, or a local every assignment
/// of which is that member (`_py_tmp = self->m`) or reads it through its
/// address (`_tmp_old_op = *_tmp_op_ptr`, Py_CLEAR in 3.12+).
std::optional<PyMemberRef>
FunctionSummarizer::releasedMember(const Expr *E) {
  return memberOrLocalAlias(Sources, E, [&](const Expr *S) {
    std::optional<PyMemberRef> Ref = X.memberRef(S);
    return Ref ? Ref : derefAlias(S, MemberAliases);
  });
}

/// A module state's member a decref releases (Py_CLEAR(st->cache)).
std::optional<PyMemberRef>
FunctionSummarizer::releasedPlainMember(const Expr *E) {
  return memberOrLocalAlias(Sources, E, [&](const Expr *S) {
    std::optional<PyMemberRef> Ref = X.plainMemberRef(S);
    return Ref ? Ref : derefAlias(S, PlainAliases);
  });
}

/// `PyDict_SetItem(self->attrs, key, value)`: what the member's container
/// keeps from now on (cpython.yaml `containerFills`). A fill of a new
/// container a local holds waits for a store of that local into a member.
void FunctionSummarizer::noteFill(const CallExpr *C, StringRef Name) {
  for (const CPythonModelData::ContainerFill &Fill : D.ContainerFills) {
    if (Fill.Name != Name || Fill.Container >= (int)C->getNumArgs())
      continue;
    const Expr *Container = C->getArg(Fill.Container);
    std::optional<PyMemberRef> Target = containerMember(Container);
    const auto *DRE = dyn_cast<DeclRefExpr>(strip(Container));
    const auto *Local = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    // A helper filling the container its caller passes: the call sites
    // say which member holds it (PyMemberArgFact).
    std::optional<unsigned> Param =
        Target ? std::nullopt : parameterIndex(Container);
    if (!Target && !Param && !(Local && isNewContainer(Container)))
      return;
    PyFillFact Out;
    if (Target)
      Out.Member = *Target;
    if (Param)
      Out.ContainerParam = *Param;
    Out.Api = Name.str();
    Out.Loc = X.Loc(C->getBeginLoc());
    Out.Value = PyValueKind::Null;
    for (int I : Fill.Values) {
      if (I >= (int)C->getNumArgs())
        continue;
      std::optional<unsigned> ValueParam =
          Param ? parameterIndex(C->getArg(I)) : std::nullopt;
      if (ValueParam) {
        Out.ValueParams.push_back(*ValueParam);
        continue;
      }
      std::string Detail;
      PyValueKind K = classify(C->getArg(I), Detail);
      // The detail of the value that decides the kind (the last one on
      // a tie: a dict's value rather than its key).
      PyValueKind Joined = join(Out.Value, K);
      if (Joined == K && !Detail.empty())
        Out.Detail = Detail;
      Out.Value = Joined;
    }
    if (Target || Param)
      F.Fills.push_back(std::move(Out));
    else
      LocalFills[Local].push_back(std::move(Out));
    return;
  }
}

/// `E` through casts and pass-through calls (`Py_NewRef(key)`, the model's
/// `passThrough`): the value they hand on.
const Expr *FunctionSummarizer::passedThrough(const Expr *E) const {
  E = strip(E);
  while (const auto *C = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee || !Callee->getIdentifier() || C->getNumArgs() != 1 ||
        !M.inList("passThrough", Callee->getName()))
      return E;
    E = strip(C->getArg(0));
  }
  return E;
}

/// The index of the parameter `E` is, through casts and pass-through calls
/// (`Py_NewRef(key)`), or nullopt.
std::optional<unsigned>
FunctionSummarizer::parameterIndex(const Expr *E) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(passedThrough(E));
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!P || P->getDeclContext() != FD)
    return std::nullopt;
  return P->getFunctionScopeIndex();
}

/// `_subcache(self->cache, key)`: a member passed by value to a program
/// function, with what each argument is. The function's fills of that
/// parameter (`PyDict_SetItem(cache, key, sub)`) fill the member's
/// container; the merge joins them (PythonProgram::addFillReasons).
void FunctionSummarizer::noteMemberArgs(const CallExpr *C) {
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!Callee || !X.isProgramDecl(Callee) || Callee->isVariadic())
    return;
  std::vector<PyMemberArgFact> Found;
  for (unsigned I = 0; I < C->getNumArgs() && I < Callee->getNumParams(); ++I)
    if (std::optional<PyMemberRef> Ref = containerMember(C->getArg(I))) {
      PyMemberArgFact A;
      A.CalleeUSR = X.usr(Callee->getCanonicalDecl());
      A.CalleeName = Callee->getNameAsString();
      A.Param = I;
      A.Member = *Ref;
      A.Loc = X.Loc(C->getBeginLoc());
      Found.push_back(std::move(A));
    }
  if (Found.empty())
    return;
  std::vector<PyArgValueFact> Args;
  for (const Expr *Arg : C->arguments()) {
    PyArgValueFact V;
    V.Value = classify(Arg, V.Detail);
    Args.push_back(std::move(V));
  }
  for (PyMemberArgFact &A : Found) {
    A.Args = Args;
    F.MemberArgs.push_back(std::move(A));
  }
}

//===-- Argument parsers --------------------------------------------------===//

/// What an output receives, as a value (nullopt: not an object).
static std::optional<PyValueKind> outputKind(FormatArgument A) {
  switch (A) {
  case FormatArgument::Plain:
    return std::nullopt;
  case FormatArgument::Object:
  case FormatArgument::TypedObject:
    return PyValueKind::Argument;
  case FormatArgument::Acyclic:
    return PyValueKind::Acyclic;
  case FormatArgument::Unknown:
    return PyValueKind::Unknown;
  }
  return PyValueKind::Unknown;
}

/// What each pointer argument after a PyArg_Parse* format receives, in
/// order (cpython.yaml `argFormat`); nullopt on formats the model does not
/// understand.
static std::optional<std::vector<FormatArgument>>
parseFormat(const CPythonModel &M, StringRef Fmt) {
  const CPythonModelData &D = M.data();
  std::vector<FormatArgument> Outs;
  while (!Fmt.empty()) {
    if (StringRef(D.FormatStop).contains(Fmt.front()))
      break;
    if (StringRef(D.FormatSkip).contains(Fmt.front())) {
      Fmt = Fmt.drop_front();
      continue;
    }
    const CPythonModelData::FormatUnit *U = M.formatUnit(Fmt);
    if (!U)
      return std::nullopt;
    llvm::append_range(Outs, U->Arguments);
    Fmt = Fmt.drop_front(U->Name.size());
  }
  return Outs;
}

const CPythonModelData::ArgParser *
FunctionSummarizer::parserOf(const CallExpr *C) const {
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return nullptr;
  for (const CPythonModelData::ArgParser &P : D.ArgParsers)
    if (P.Name == Callee->getName())
      return &P;
  return nullptr;
}

bool FunctionSummarizer::isParserOutput(const CallExpr *C,
                                        const Expr *Arg) const {
  const CPythonModelData::ArgParser *P = parserOf(C);
  if (!P)
    return false;
  for (unsigned I = P->Outputs; I < C->getNumArgs(); ++I)
    if (C->getArg(I) == Arg)
      return true;
  return false;
}

/// PyArg_ParseTuple(args, "OU", &a, &self->name): what each output gets.
void FunctionSummarizer::collectParserOutputs(const CallExpr *C) {
  const CPythonModelData::ArgParser *P = parserOf(C);
  if (!P || (int)C->getNumArgs() < P->Outputs)
    return;
  // Outputs beyond what the format says (or of a format not understood)
  // are unknown objects.
  std::vector<FormatArgument> Arguments;
  unsigned NumOutputs = C->getNumArgs() - P->Outputs;
  if (P->Format < 0) {
    Arguments.assign(NumOutputs, FormatArgument::Object);
  } else if (std::optional<std::string> Fmt =
                 stringValue(C->getArg(P->Format))) {
    if (auto Parsed = parseFormat(M, *Fmt))
      Arguments = std::move(*Parsed);
  }
  std::string Detail = C->getDirectCallee()->getNameAsString();
  for (unsigned I = 0; I < NumOutputs; ++I) {
    PyValueKind Kind = PyValueKind::Unknown;
    if (I < Arguments.size()) {
      std::optional<PyValueKind> Output = outputKind(Arguments[I]);
      if (!Output)
        continue;
      Kind = *Output;
      // "O!": the object has the type named by the previous argument.
      if (Arguments[I] == FormatArgument::TypedObject && I > 0)
        if (const VarDecl *T = X.varNamed(C->getArg(P->Outputs + I - 1)))
          if (!X.isProgramDecl(T) && D.AcyclicTypes.contains(T->getName()) &&
              M.inList("finalTypes", T->getName()))
            Kind = PyValueKind::Acyclic; // no subclass can add a __dict__
    }
    noteParserOutput(C->getArg(P->Outputs + I), Kind, Detail);
  }
}

/// `&self->name` (a store once the summary is done) or `&local`.
void FunctionSummarizer::noteParserOutput(const Expr *Arg, PyValueKind Kind,
                                          const std::string &Detail) {
  const auto *U = dyn_cast<UnaryOperator>(strip(Arg));
  if (!U || U->getOpcode() != UO_AddrOf)
    return;
  if (auto Ref = X.memberRef(U->getSubExpr())) {
    ParsedMembers.push_back({*Ref, Kind, Detail, X.Loc(Arg->getBeginLoc())});
  } else if (const VarDecl *VD = X.varNamed(U)) {
    auto &Slot = ParsedKinds[VD];
    Slot.first = ParsedKinds.count(VD) ? join(Slot.first, Kind) : Kind;
    Slot.second = Detail;
  }
}

//===-- Allocations -------------------------------------------------------===//

/// What the function does with the object held by the variables `Vars`.
PyObjectStatus FunctionSummarizer::statusOf(
    const llvm::SmallPtrSetImpl<const VarDecl *> &Vars) {
  auto Names = [&](const Expr *E) {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E));
    return DRE && Vars.count(dyn_cast<VarDecl>(DRE->getDecl()));
  };
  bool Tracked = false, Escaped = false, Returned = false;
  for (const CallExpr *C : Calls) {
    const FunctionDecl *Callee = C->getDirectCallee();
    StringRef Name = Callee && Callee->getIdentifier() ? Callee->getName() : "";
    for (const Expr *Arg : C->arguments()) {
      if (!Names(Arg))
        continue;
      if (M.inList("gcTrack", Name))
        Tracked = true;
      else if (!M.inList("harmless", Name))
        Escaped = true;
    }
  }
  for (const Expr *R : Returns)
    if (Names(R))
      Returned = true;
  for (const VarDecl *V : Vars)
    if (AddressTaken.count(V) || !V->isLocalVarDecl())
      Escaped = true;
  // Stored into memory: `self->child = obj`, `*out = obj`.
  for (const Stmt *S : StoredValues)
    if (Names(cast<Expr>(S)))
      Escaped = true;
  if (Tracked)
    return PyObjectStatus::Tracked;
  if (Escaped)
    return PyObjectStatus::Escaped;
  if (Returned)
    return PyObjectStatus::Returned;
  return PyObjectStatus::Untracked;
}

/// Values stored anywhere but a local variable.
void FunctionSummarizer::collectStoredValues() {
  struct StoreFinder : RecursiveASTVisitor<StoreFinder> {
    std::vector<const Stmt *> &Out;
    explicit StoreFinder(std::vector<const Stmt *> &Out) : Out(Out) {}
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->getOpcode() != BO_Assign)
        return true;
      const auto *DRE = dyn_cast<DeclRefExpr>(strip(BO->getLHS()));
      const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if (!VD || !VD->isLocalVarDecl())
        Out.push_back(BO->getRHS());
      return true;
    }
    bool VisitInitListExpr(InitListExpr *ILE) {
      for (Expr *E : ILE->inits())
        Out.push_back(E);
      return true;
    }
  } Finder(StoredValues);
  Finder.TraverseStmt(FD->getBody());
}

/// The locals holding a call's result, and their copies.
void FunctionSummarizer::varsHolding(
    const CallExpr *C, llvm::SmallPtrSetImpl<const VarDecl *> &Vars) {
  for (auto &[VD, Exprs] : Sources)
    for (const Expr *S : Exprs)
      if (strip(S) == C)
        Vars.insert(VD);
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (auto &[VD, Exprs] : Sources)
      for (const Expr *S : Exprs)
        if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(S)))
          if (Vars.count(dyn_cast<VarDecl>(DRE->getDecl())) &&
              Vars.insert(VD).second)
            Changed = true;
  }
}

/// GC allocations (untracked until PyObject_GC_Track) and objects a program
/// function returns, with what this function does with them.
void FunctionSummarizer::summarizeAllocations() {
  collectStoredValues();
  for (const CallExpr *C : Calls) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      continue;
    bool GC = M.inList("gcAllocUntracked", Callee->getName());
    bool ProgramCall = !GC && X.isProgramDecl(Callee) &&
                       X.objectPointee(Callee->getReturnType());
    if (!GC && !ProgramCall)
      continue;
    PyAllocFact A;
    A.GCAlloc = GC;
    A.Loc = X.Loc(C->getBeginLoc());
    A.CalleeName = Callee->getNameAsString();
    if (ProgramCall)
      A.Callee = X.usr(Callee->getCanonicalDecl());
    if (GC && C->getNumArgs() > 0)
      if (const VarDecl *T = typeVar(C->getArg(0)))
        if (X.isProgramDecl(T))
          A.TypeUSR = X.usr(T);
    llvm::SmallPtrSet<const VarDecl *, 4> Vars;
    varsHolding(C, Vars);
    if (!Vars.empty())
      A.Status = statusOf(Vars);
    else if (llvm::is_contained(Returns, C))
      A.Status = PyObjectStatus::Returned;
    else if (ProgramCall)
      continue; // passed on directly: nothing to say
    else
      A.Status = PyObjectStatus::Escaped;
    F.Allocs.push_back(std::move(A));
  }
  for (PyStoreFact &S : ParsedMembers)
    F.Stores.push_back(std::move(S));
}

} // namespace cyclint::cpython
