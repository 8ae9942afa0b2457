//===- TypeReader.cpp - Type objects, specs, member and getset tables -----===//
//
// The half of the Extractor that reads the runtime's tables from their
// static initializers: PyTypeObject definitions, PyType_Spec with their
// PyType_Slot arrays, PyMemberDef and PyGetSetDef arrays and PyModuleDefs.
// Initializers are read in their semantic form (CPythonAST.h), so
// positional and designated ones look the same; slot ids, flag bits and
// record names come from the model data, never from this file.
//
//===----------------------------------------------------------------------===//

#include "models/cpython/CPythonAST.h"
#include "models/cpython/Extractor.h"

#include "clang/AST/Expr.h"

using namespace clang;
using llvm::StringRef;

namespace cyclint::cpython {

bool Extractor::isRecordNamed(QualType T, StringRef Name) const {
  const RecordDecl *RD = recordOf(T);
  return RD && recordName(RD) == Name;
}

PySlotFact Extractor::slotValue(StringRef Slot, const Expr *E) {
  PySlotFact S;
  S.Slot = Slot.str();
  S.Loc = Loc(E->getBeginLoc());
  const Expr *X = strip(E);
  // `(traverseproc)0` is no null pointer constant in C, but no slot either.
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) ||
      X->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull)) {
    S.Kind = PySlotKind::Null;
    return S;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(X))
    if (U->getOpcode() == UO_AddrOf)
      X = strip(U->getSubExpr());
  const auto *DRE = dyn_cast<DeclRefExpr>(X);
  if (!DRE) {
    S.Kind = PySlotKind::Other;
    return S;
  }
  const ValueDecl *VD = DRE->getDecl();
  S.TargetName = VD->getNameAsString();
  bool Program = isProgramDecl(VD);
  if (const auto *FD = dyn_cast<FunctionDecl>(VD)) {
    S.Kind = Program ? PySlotKind::Function : PySlotKind::Builtin;
    S.Target = usr(FD->getCanonicalDecl());
  } else if (isa<VarDecl>(VD)) {
    if (Slot == "tp_base")
      S.Kind = Program ? PySlotKind::Type : PySlotKind::Builtin;
    else
      S.Kind = Program ? PySlotKind::Table : PySlotKind::Builtin;
    S.Target = usr(VD);
  } else {
    S.Kind = PySlotKind::Other;
  }
  return S;
}

/// `offsetof(S, f)` -> f (the last field named), with its struct.
const FieldDecl *Extractor::offsetField(const Expr *E) {
  const auto *OE = dyn_cast_or_null<OffsetOfExpr>(strip(E));
  if (!OE)
    return nullptr;
  const FieldDecl *Field = nullptr;
  for (unsigned I = 0; I < OE->getNumComponents(); ++I)
    if (OE->getComponent(I).getKind() == OffsetOfNode::Field)
      Field = OE->getComponent(I).getField();
  return Field;
}

//===-- Static types and specs --------------------------------------------===//

void Extractor::setFlags(PyTypeFact &T, const Expr *E) {
  T.FlagsLoc = Loc(E->getBeginLoc());
  Expr::EvalResult R;
  if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx)) {
    T.FlagsKnown = false;
    return;
  }
  T.FlagsKnown = true;
  T.Flags = R.Val.getInt().getZExtValue();
  interpretFlags(T);
}

void Extractor::interpretFlags(PyTypeFact &T) {
  T.HaveGC = T.Flags & M.flag("Py_TPFLAGS_HAVE_GC");
  T.HeapTypeFlag = T.Heap || (T.Flags & M.flag("Py_TPFLAGS_HEAPTYPE"));
  // Py_TPFLAGS_MANAGED_DICT's bit meant something else before 3.12.
  T.ManagedDict = Out.VersionHex >= 0x030C0000 &&
                  (T.Flags & M.flag("Py_TPFLAGS_MANAGED_DICT"));
}

void Extractor::setBasicSize(PyTypeFact &T, const Expr *E) {
  const auto *S = dyn_cast<UnaryExprOrTypeTraitExpr>(strip(E));
  if (!S || S->getKind() != UETT_SizeOf)
    return;
  const RecordDecl *RD = recordOf(S->getTypeOfArgument());
  if (isExtensionStruct(RD))
    T.StructKey = structKey(RD);
}

/// NULL, or what the runtime would put there anyway
/// (`PyObject_GenericGetAttr`): a slot that gives Python code nothing new.
bool Extractor::isSlotDefault(const Expr *Init) {
  const Expr *E = strip(Init);
  if (Init->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) ||
      E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  return FD && FD->getIdentifier() && !isProgramDecl(FD) &&
         M.inList("slotDefaults", FD->getName());
}

/// One field of a static PyTypeObject initializer.
void Extractor::setStaticTypeField(PyTypeFact &T, StringRef Field,
                                   const Expr *Init) {
  if (!M.inList("internalSlots", Field) && !isSlotDefault(Init))
    T.PythonFacing = true;
  if (Field == "tp_name") {
    T.PyName = stringValue(Init).value_or("");
  } else if (Field == "tp_basicsize") {
    setBasicSize(T, Init);
  } else if (Field == "tp_flags") {
    setFlags(T, Init);
  } else if (Field == "tp_weaklistoffset") {
    if (const FieldDecl *F = offsetField(Init))
      T.WeakListField = F->getName().str();
  } else if (Field == "tp_dictoffset") {
    if (const FieldDecl *F = offsetField(Init))
      T.DictField = F->getName().str();
    // -1, other constants and values not folded mean a dict: only 0 does not.
    Expr::EvalResult R;
    T.DictOffset = !T.DictField.empty() || Init->isValueDependent() ||
                   !Init->EvaluateAsInt(R, Ctx) ||
                   R.Val.getInt().getBoolValue();
  } else if (M.isModelledSlot(Field)) {
    PySlotFact S = slotValue(Field, Init);
    if (S.Kind != PySlotKind::Null)
      T.Slots.push_back(std::move(S));
  }
}

void Extractor::addStaticType(const VarDecl *VD) {
  PyTypeFact T;
  T.USR = usr(VD);
  T.VarName = VD->getNameAsString();
  T.Loc = Loc(VD->getLocation());
  T.PythonVersion = Out.VersionHex;
  T.FlagsKnown = true; // no initializer: zero until assigned
  T.FlagsLoc = T.Loc;
  if (const InitListExpr *ILE = semanticInit(VD->getInit())) {
    llvm::StringMap<const Expr *> Inits = fieldInits(ILE);
    for (auto &[Field, Init] : Inits)
      setStaticTypeField(T, Field, Init);
    if (!Inits.count("tp_flags"))
      T.FlagsLoc = Loc(ILE->getBeginLoc());
  }
  interpretFlags(T);
  Out.Types.push_back(std::move(T));
}

const VarDecl *Extractor::varNamed(const Expr *E) {
  E = strip(E);
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf)
      E = strip(U->getSubExpr());
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// The initializer of an array variable, from its definition when the
/// spec names an earlier declaration.
const InitListExpr *Extractor::arrayInit(const VarDecl *VD) {
  if (!VD)
    return nullptr;
  const VarDecl *Def = VD->getDefinition();
  const Expr *Init = Def ? Def->getInit() : VD->getAnyInitializer();
  return semanticInit(Init);
}

void Extractor::addSpec(const VarDecl *VD) {
  const InitListExpr *ILE = semanticInit(VD->getInit());
  if (!ILE)
    return;
  PyTypeFact T;
  T.USR = usr(VD);
  T.VarName = VD->getNameAsString();
  T.Loc = Loc(VD->getLocation());
  T.Heap = true;
  T.PythonVersion = Out.VersionHex;
  llvm::StringMap<const Expr *> Inits = fieldInits(ILE);
  if (const Expr *Name = Inits.lookup("name"))
    T.PyName = stringValue(Name).value_or("");
  if (const Expr *Size = Inits.lookup("basicsize"))
    setBasicSize(T, Size);
  if (const Expr *Flags = Inits.lookup("flags")) {
    setFlags(T, Flags);
  } else {
    T.FlagsKnown = true;
    T.FlagsLoc = Loc(ILE->getBeginLoc());
  }
  interpretFlags(T);
  if (const VarDecl *SlotArray = varNamed(Inits.lookup("slots")))
    SpecSlotArrays.push_back({T.USR, SlotArray->getCanonicalDecl()});
  if (const InitListExpr *Slots = arrayInit(varNamed(Inits.lookup("slots"))))
    readSpecSlots(T, slotEntries(Slots));
  Out.Types.push_back(std::move(T));
}

Extractor::SlotEntries Extractor::slotEntries(const InitListExpr *Slots) {
  SlotEntries Result;
  for (const Expr *Entry : Slots->inits()) {
    llvm::StringMap<const Expr *> E = fieldInits(semanticInit(Entry));
    Result.push_back({E.lookup("slot"), E.lookup("pfunc"), Entry});
  }
  return Result;
}

/// Slot arrays filled in at run time before PyType_FromSpec: entries
/// written with constant indices replace the initialized ones (the array
/// as a whole, as the last write leaves it: the model does not order the
/// writes against the PyType_FromSpec call). An array also written with an
/// index that is not constant keeps what it had, and its spec's base is
/// unknown.
void Extractor::applySlotWrites() {
  for (auto &[Spec, Array] : SpecSlotArrays) {
    if (SlotArraysWrittenAnywhere.count(Array)) {
      Out.SpecsWithRuntimeBases.push_back(Spec);
      continue;
    }
    if (!SlotArraysWritten.count(Array))
      continue;
    auto T = llvm::find_if(Out.Types,
                           [&](const PyTypeFact &T) { return T.USR == Spec; });
    if (T == Out.Types.end())
      continue;
    const InitListExpr *Init = arrayInit(Array);
    SlotEntries Entries = Init ? slotEntries(Init) : SlotEntries();
    for (const SlotWrite &W : SlotWrites) {
      if (W.Array != Array)
        continue;
      if (W.Index >= (int64_t)Entries.size())
        Entries.resize(W.Index + 1);
      SlotEntry &E = Entries[W.Index];
      (W.Field == "slot" ? E.Id : E.Fn) = W.Value;
      E.At = W.Value;
    }
    T->Slots.clear();
    T->PythonFacing = false;
    T->WeakListField.clear();
    T->DictField.clear();
    readSpecSlots(*T, Entries);
  }
}

/// `{Py_tp_traverse, Node_traverse}, ...`: the entries whose id the model
/// knows (cpython.yaml `slots`).
void Extractor::readSpecSlots(PyTypeFact &T, const SlotEntries &Entries) {
  for (const auto &[Id, Fn, At] : Entries) {
    Expr::EvalResult R;
    if (!Id || !Fn || Id->isValueDependent() || !Id->EvaluateAsInt(R, Ctx))
      continue;
    int64_t SlotId = R.Val.getInt().getExtValue();
    std::string Name = M.slotName(SlotId);
    if (!M.inList("internalSlots", Name) && !isSlotDefault(Fn))
      T.PythonFacing = true; // an unnamed id is some protocol slot
    if (Name.empty())
      continue;
    PySlotFact S = slotValue(Name, Fn);
    S.Loc = Loc(At->getBeginLoc());
    if (S.Kind == PySlotKind::Null)
      continue;
    if (Name == "tp_members")
      if (const InitListExpr *Table = arrayInit(varNamed(Fn)))
        readSpecialMembers(T, Table);
    T.Slots.push_back(std::move(S));
  }
}

/// 3.12+: `{"__weaklistoffset__", Py_T_PYSSIZET, offsetof(S, f), ...}`.
void Extractor::readSpecialMembers(PyTypeFact &T, const InitListExpr *Table) {
  for (const Expr *Entry : Table->inits()) {
    llvm::StringMap<const Expr *> E = fieldInits(semanticInit(Entry));
    std::string Name = stringValue(E.lookup("name")).value_or("");
    const FieldDecl *F = offsetField(E.lookup("offset"));
    if (!F)
      continue;
    if (Name == D.WeakListOffsetMember)
      T.WeakListField = F->getName().str();
    else if (Name == D.DictOffsetMember) {
      T.DictField = F->getName().str();
      T.DictOffset = true;
    }
  }
}

//===-- Member, getset and module tables ----------------------------------===//

void Extractor::addMemberTable(const VarDecl *VD, const InitListExpr *ILE) {
  PyMemberTableFact T;
  T.USR = usr(VD);
  T.Name = VD->getNameAsString();
  for (const Expr *Entry : ILE->inits()) {
    llvm::StringMap<const Expr *> E = fieldInits(semanticInit(Entry));
    const FieldDecl *F = offsetField(E.lookup("offset"));
    if (!F || !isExtensionStruct(F->getParent()))
      continue;
    PyMemberDefFact Def;
    Def.Attribute = stringValue(E.lookup("name")).value_or("");
    Expr::EvalResult R;
    if (const Expr *Ty = E.lookup("type"))
      if (!Ty->isValueDependent() && Ty->EvaluateAsInt(R, Ctx))
        Def.TypeCode = R.Val.getInt().getExtValue();
    if (const Expr *Fl = E.lookup("flags"))
      if (!Fl->isValueDependent() && Fl->EvaluateAsInt(R, Ctx))
        Def.Flags = R.Val.getInt().getExtValue();
    Def.ObjectType = M.isObjectMemberType(Def.TypeCode);
    Def.ReadOnly = Def.Flags & D.ReadOnlyFlag;
    Def.Member = {structKey(F->getParent()), F->getName().str()};
    Def.Loc = Loc(Entry->getBeginLoc());
    T.Entries.push_back(std::move(Def));
  }
  Out.MemberTables.push_back(std::move(T));
}

void Extractor::addGetSetTable(const VarDecl *VD, const InitListExpr *ILE) {
  PyGetSetTableFact T;
  T.USR = usr(VD);
  T.Name = VD->getNameAsString();
  for (const Expr *Entry : ILE->inits()) {
    llvm::StringMap<const Expr *> E = fieldInits(semanticInit(Entry));
    std::optional<std::string> Name = stringValue(E.lookup("name"));
    if (!Name)
      continue;
    PyGetSetFact G;
    G.Attribute = *Name;
    G.Loc = Loc(Entry->getBeginLoc());
    if (const Expr *Set = E.lookup("set")) {
      PySlotFact S = slotValue("set", Set);
      if (S.Kind == PySlotKind::Function) {
        G.SetterUSR = S.Target;
        G.SetterName = S.TargetName;
      }
    }
    T.Entries.push_back(std::move(G));
  }
  Out.GetSetTables.push_back(std::move(T));
}

void Extractor::addModule(const VarDecl *VD) {
  const InitListExpr *ILE = semanticInit(VD->getInit());
  if (!ILE)
    return;
  PyModuleFact Mod;
  Mod.USR = usr(VD);
  Mod.VarName = VD->getNameAsString();
  Mod.Loc = Loc(VD->getLocation());
  llvm::StringMap<const Expr *> Inits = fieldInits(ILE);
  if (const Expr *Name = Inits.lookup("m_name"))
    Mod.PyName = stringValue(Name).value_or("");
  const RecordDecl *State = nullptr;
  if (const Expr *Size = Inits.lookup("m_size")) {
    Expr::EvalResult R;
    if (!Size->isValueDependent() && Size->EvaluateAsInt(R, Ctx)) {
      Mod.SizeKnown = true;
      Mod.Size = R.Val.getInt().getExtValue();
    }
    if (const auto *S = dyn_cast<UnaryExprOrTypeTraitExpr>(strip(Size)))
      if (S->getKind() == UETT_SizeOf)
        State = recordOf(S->getTypeOfArgument());
  } else {
    Mod.SizeKnown = true; // zero-initialized
  }
  for (const char *Slot : {"m_traverse", "m_clear", "m_free"})
    if (const Expr *Init = Inits.lookup(Slot)) {
      PySlotFact S = slotValue(Slot, Init);
      if (S.Kind != PySlotKind::Null)
        Mod.Slots.push_back(std::move(S));
    }
  Modules.push_back({std::move(Mod), State});
}

/// The object members of a module's state struct.
void Extractor::setModuleState(PyModuleFact &Mod, const RecordDecl *RD) {
  if (!RD || isObjectRecord(RD) || !isProgramDecl(RD))
    return;
  Mod.StateStruct = structKey(RD);
  Mod.StateStructName = recordName(RD);
  Mod.StateLoc = Loc(RD->getLocation());
  for (const FieldDecl *F : RD->fields()) {
    if (!objectPointee(F->getType()) || F->getName().empty())
      continue;
    PyObjectMemberFact Mem;
    Mem.Name = F->getName().str();
    Mem.Type = F->getType().getAsString(Ctx.getPrintingPolicy());
    Mem.Loc = Loc(F->getLocation());
    Mod.StateMembers.push_back(std::move(Mem));
  }
}

/// A state not named by `m_size = sizeof(S)` is the one struct
/// PyModule_GetState's result is converted to, if the TU converts it to
/// exactly one: only known once the whole TU is walked.
void Extractor::finishModules() {
  for (auto &[Mod, State] : Modules) {
    if (!State && StateCasts.size() == 1)
      State = StateCasts.front();
    if (Mod.SizeKnown && Mod.Size > 0)
      setModuleState(Mod, State);
    Out.Modules.push_back(std::move(Mod));
  }
}

void Extractor::noteStateCast(const RecordDecl *RD) {
  if (RD && StateCastSet.insert(RD).second)
    StateCasts.push_back(RD);
}

void Extractor::visitVar(const VarDecl *VD) {
  if (!VD->isThisDeclarationADefinition() || VD->isInvalidDecl() ||
      VD->getType()->isDependentType())
    return;
  // C: `static PyTypeObject NodeType;` before the initialized definition
  // is a tentative definition. It only stands for the object when the TU
  // has no real definition (then the type is zero until filled at run
  // time), and then only once.
  if (VD->isThisDeclarationADefinition() == VarDecl::TentativeDefinition &&
      (VD->getDefinition() || VD->getActingDefinition() != VD))
    return;
  QualType T = VD->getType();
  if (isRecordNamed(T, D.TypeObjectRecord))
    return addStaticType(VD);
  if (isRecordNamed(T, D.SpecRecord))
    return addSpec(VD);
  if (isRecordNamed(T, D.ModuleDefRecord))
    return addModule(VD);
  const ArrayType *AT = Ctx.getAsArrayType(T);
  const InitListExpr *ILE = AT ? semanticInit(VD->getInit()) : nullptr;
  if (!ILE)
    return;
  if (isRecordNamed(AT->getElementType(), D.MemberDefRecord))
    addMemberTable(VD, ILE);
  else if (isRecordNamed(AT->getElementType(), D.GetSetDefRecord))
    addGetSetTable(VD, ILE);
}

} // namespace cyclint::cpython
