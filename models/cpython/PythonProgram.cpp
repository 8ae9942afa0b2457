//===- PythonProgram.cpp - Merging CPython facts, applying the runtime's rules -===//
//
// The merge of every TU's CPython facts (build, one pass per runtime rule)
// and the simple queries the checks ask of it (member content, owned
// members; the slot summaries are in SlotSummaries.cpp). TUs arrive sorted
// (Program::build sorts them): the first definition of a struct, type,
// table or function wins, so the merge is deterministic. The runtime's flag
// bits come from the model passed to build, never from a global.
//
//===----------------------------------------------------------------------===//

#include "models/cpython/PythonProgram.h"
#include "models/cpython/CPythonModel.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <functional>

namespace cyclint {

const PySlotFact *PyType::ownSlot(llvm::StringRef Name) const {
  for (const PySlotFact &S : Fact.Slots)
    if (S.Slot == Name)
      return &S;
  return nullptr;
}

static std::optional<PySlotFact> optionalSlot(const PySlotFact *S) {
  if (!S)
    return std::nullopt;
  return *S;
}

//===-- Building: one pass per rule ----------------------------------------===//

/// What the merge collects from every TU besides the program's own tables,
/// for the passes after it.
struct PythonProgram::Collected {
  std::vector<PySlotAssignmentFact> Assignments;
  std::set<std::string> RuntimeBases;
  std::vector<PyMemberTableFact> MemberTables;
  std::vector<PyGetSetTableFact> GetSetTables;
};

/// What a member's content depends on besides its reasons, by member index.
struct PythonProgram::MemberEvidence {
  std::vector<bool> Writable, Stored, OnlyAcyclic;
};

PythonProgram PythonProgram::build(std::vector<PythonTUFacts> TUs,
                                   const CPythonModel &Model) {
  PythonProgram P;
  Collected In = P.mergeTUs(TUs);
  P.applySlotAssignments(std::move(In.Assignments));
  P.linkBases(In.RuntimeBases);
  P.inheritSlots(Model);
  P.indexMembers();
  P.indexFieldStores(Model);
  P.computeContent(In);
  P.indexCallResults();
  return P;
}

/// Every TU's facts, the first definition of a struct, type, table or
/// function winning (TUs arrive sorted, so the winner is deterministic).
PythonProgram::Collected
PythonProgram::mergeTUs(std::vector<PythonTUFacts> &TUs) {
  Collected In;
  llvm::StringMap<bool> SeenTables;
  for (PythonTUFacts &TU : TUs) {
    for (PyStructFact &S : TU.Structs)
      if (StructByKey.try_emplace(S.Key, Structs.size()).second)
        Structs.push_back({std::move(S), -1});
    for (PyTypeFact &T : TU.Types)
      if (TypeByUSR.try_emplace(T.USR, Types.size()).second) {
        PyType Type;
        Type.Fact = std::move(T);
        Types.push_back(std::move(Type));
      }
    for (PyFunctionFact &F : TU.Functions)
      if (FunctionByUSR.try_emplace(F.USR, Functions.size()).second)
        Functions.push_back(std::move(F));
    for (PyMemberTableFact &T : TU.MemberTables)
      if (SeenTables.try_emplace("m" + T.USR, true).second)
        In.MemberTables.push_back(std::move(T));
    for (PyGetSetTableFact &T : TU.GetSetTables)
      if (SeenTables.try_emplace("g" + T.USR, true).second)
        In.GetSetTables.push_back(std::move(T));
    for (PyModuleFact &M : TU.Modules)
      if (SeenTables.try_emplace("d" + M.USR, true).second)
        Modules.push_back(std::move(M));
    llvm::append_range(In.Assignments, TU.SlotAssignments);
    In.RuntimeBases.insert(TU.SpecsWithRuntimeBases.begin(),
                           TU.SpecsWithRuntimeBases.end());
  }
  return In;
}

/// Slots set at run time, in source order per type: the last assignment
/// wins; flags set with `|=` accumulate; anything not folded makes the
/// flags unknown.
void PythonProgram::applySlotAssignments(
    std::vector<PySlotAssignmentFact> Assignments) {
  llvm::stable_sort(Assignments, [](const PySlotAssignmentFact &A,
                                    const PySlotAssignmentFact &B) {
    return std::tie(A.TypeUSR, A.Slot.Loc) < std::tie(B.TypeUSR, B.Slot.Loc);
  });
  for (const PySlotAssignmentFact &A : Assignments) {
    auto It = TypeByUSR.find(A.TypeUSR);
    if (It == TypeByUSR.end())
      continue;
    PyTypeFact &T = Types[It->second].Fact;
    if (A.Slot.Slot == "tp_flags") {
      uint64_t Value = 0;
      bool Known = !A.Slot.Target.empty() &&
                   !llvm::StringRef(A.Slot.Target).getAsInteger(10, Value);
      if (A.Op == PySlotOp::Set && Known)
        T.Flags = Value;
      else if (A.Op == PySlotOp::Or && Known)
        T.Flags |= Value;
      else
        T.FlagsKnown = false;
      T.FlagsLoc = A.Slot.Loc;
      continue;
    }
    llvm::erase_if(T.Slots,
                   [&](const PySlotFact &S) { return S.Slot == A.Slot.Slot; });
    if (A.Op == PySlotOp::Set && A.Slot.Kind != PySlotKind::Null)
      T.Slots.push_back(A.Slot);
  }
}

/// Structs to their base structs; types to their struct and their base
/// type (a program type, a runtime type, or unknown).
void PythonProgram::linkBases(const std::set<std::string> &RuntimeBases) {
  for (PyStruct &S : Structs)
    if (!S.Fact.BaseKey.empty())
      if (auto It = StructByKey.find(S.Fact.BaseKey); It != StructByKey.end())
        S.Base = It->second;
  for (PyType &T : Types) {
    if (auto It = StructByKey.find(T.Fact.StructKey); It != StructByKey.end())
      T.Struct = It->second;
    if (const PySlotFact *B = T.ownSlot("tp_base")) {
      if (B->Kind == PySlotKind::Type) {
        if (auto It = TypeByUSR.find(B->Target); It != TypeByUSR.end())
          T.Base = It->second;
        else
          T.BaseUnknown = true;
      } else if (B->Kind == PySlotKind::Builtin) {
        if (B->TargetName != "PyBaseObject_Type")
          T.BuiltinBase = B->TargetName;
      } else {
        T.BaseUnknown = true;
      }
    }
    if (RuntimeBases.count(T.Fact.USR))
      T.BaseUnknown = true;
  }
  for (const PyType &T : Types)
    for (const PySlotFact &S : T.Fact.Slots)
      if (S.Kind == PySlotKind::Function)
        SlotFunctions.insert(S.Target);
}

/// CPython's inheritance, base first (memoized; a base cycle is a bug in
/// the program that we ignore: the type's base becomes unknown).
void PythonProgram::inheritSlots(const CPythonModel &Model) {
  FlagBits Bits{Model.flag("Py_TPFLAGS_HAVE_GC"),
                Model.flag("Py_TPFLAGS_HEAPTYPE"),
                Model.flag("Py_TPFLAGS_MANAGED_DICT"),
                Model.flag("Py_TPFLAGS_BASETYPE")};
  std::vector<int> State(Types.size(), 0); // 0 new, 1 busy, 2 done
  std::function<void(unsigned)> Resolve = [&](unsigned I) {
    if (State[I] != 0)
      return;
    State[I] = 1;
    PyType &T = Types[I];
    const PyType *Base = nullptr;
    if (T.Base >= 0) {
      Resolve(T.Base);
      if (State[T.Base] == 2)
        Base = &Types[T.Base];
      else
        T.BaseUnknown = true;
    }
    inheritGCGroup(I, Base, Bits);
    inheritLayout(I, Base);
    markSubclassGC(Types[I], Bits);
    Types[I].Subclassable =
        !Types[I].Fact.FlagsKnown || (Types[I].Fact.Flags & Bits.BaseType);
    markOpaque(Types[I], Model);
    State[I] = 2;
  };
  for (unsigned I = 0; I < Types.size(); ++I)
    Resolve(I);
}

/// HAVE_GC, tp_traverse and tp_clear are inherited as a group, and only
/// when the subtype sets none of the three (typeobject.c,
/// inherit_special).
void PythonProgram::inheritGCGroup(unsigned I, const PyType *Base,
                                   const FlagBits &Bits) {
  PyType &T = Types[I];
  const PySlotFact *OwnTraverse = T.ownSlot("tp_traverse");
  const PySlotFact *OwnClear = T.ownSlot("tp_clear");
  // Flags may have changed at run time: read the bits again.
  T.Fact.HaveGC = T.Fact.Flags & Bits.HaveGC;
  T.Fact.HeapTypeFlag = T.Fact.Heap || (T.Fact.Flags & Bits.HeapType);
  // The bit means a managed dict only since 3.12 (PythonVersion).
  T.Fact.ManagedDict = T.Fact.FlagsKnown &&
                       T.Fact.PythonVersion >= 0x030C0000 &&
                       (T.Fact.Flags & Bits.ManagedDict);
  bool OwnGC = T.Fact.HaveGC;
  T.Traverse = optionalSlot(OwnTraverse);
  T.Clear = optionalSlot(OwnClear);
  T.TraverseFrom = OwnTraverse ? I : -1;
  T.ClearFrom = OwnClear ? I : -1;
  T.HaveGC = OwnGC;
  T.GCKnown = T.Fact.FlagsKnown;
  bool InheritsGroup = !OwnGC && !OwnTraverse && !OwnClear;
  if (Base) {
    if (InheritsGroup && Base->HaveGC) {
      T.HaveGC = true;
      T.Traverse = Base->Traverse;
      T.Clear = Base->Clear;
      T.TraverseFrom = Base->TraverseFrom;
      T.ClearFrom = Base->ClearFrom;
    }
    if (InheritsGroup)
      T.GCKnown = T.GCKnown && Base->GCKnown;
  } else if (InheritsGroup && (T.BaseUnknown || !T.BuiltinBase.empty())) {
    T.GCKnown = false; // a runtime type or a base chosen at run time
  }
}

/// A static base whose own traverse runs for its heap subclasses only
/// (PyType::SubclassGC). A runtime tp_new (PyType_GenericNew) lets Python
/// code make direct instances, which the collector never sees: not one.
void PythonProgram::markSubclassGC(PyType &T, const FlagBits &Bits) {
  const PySlotFact *New = T.ownSlot("tp_new");
  T.SubclassGC = !T.Fact.Heap && T.GCKnown && !T.HaveGC &&
                 T.ownSlot("tp_traverse") && (T.Fact.Flags & Bits.BaseType) &&
                 !(New && New->Kind == PySlotKind::Builtin);
}

/// PyType::Opaque: every slot, also those set at run time, is bookkeeping.
void PythonProgram::markOpaque(PyType &T, const CPythonModel &Model) {
  T.Opaque = !T.Fact.PythonFacing && T.Base < 0 && !T.BaseUnknown &&
             T.BuiltinBase.empty() && !T.Fact.DictOffset &&
             llvm::all_of(T.Fact.Slots, [&](const PySlotFact &S) {
               return Model.inList("internalSlots", S.Slot);
             });
}

/// tp_dealloc when unset, the weak-list and dict offsets, and the struct of
/// a subtype that does not name its own.
void PythonProgram::inheritLayout(unsigned I, const PyType *Base) {
  PyType &T = Types[I];
  if (const PySlotFact *D = T.ownSlot("tp_dealloc")) {
    T.Dealloc = *D;
    T.DeallocFrom = I;
  } else if (Base) {
    T.Dealloc = Base->Dealloc;
    T.DeallocFrom = Base->DeallocFrom;
  }
  T.WeakListField = T.Fact.WeakListField;
  T.DictField = T.Fact.DictField;
  if (Base) {
    if (T.WeakListField.empty())
      T.WeakListField = Base->WeakListField;
    if (T.DictField.empty())
      T.DictField = Base->DictField;
    if (T.Struct < 0 && T.Fact.StructKey.empty())
      T.Struct = Base->Struct;
  }
}

void PythonProgram::indexMembers() {
  for (unsigned SI = 0; SI < Structs.size(); ++SI)
    for (const PyObjectMemberFact &Mem : Structs[SI].Fact.Members) {
      PyMemberInfo Info;
      Info.Ref = {Structs[SI].Fact.Key, Mem.Name};
      Info.StructName = Structs[SI].Fact.Name;
      Info.Fact = Mem;
      MemberByRef[Info.Ref] = Members.size();
      Members.push_back(std::move(Info));
    }
}

/// What each member may hold: the reasons it may hold any object, then the
/// verdict.
void PythonProgram::computeContent(const Collected &In) {
  MemberEvidence E;
  E.Writable.assign(Members.size(), false);
  E.Stored.assign(Members.size(), false);
  E.OnlyAcyclic.assign(Members.size(), true);
  addWritableReasons(In.MemberTables, E);
  addStoreReasons(In.GetSetTables, E);
  addFillReasons();
  addInstanceDictReasons();
  markBorrowedLinks(E);
  settleContent(E);
}

/// A PyMemberDef entry that is an object type and not READONLY: Python code
/// can store any object there.
void PythonProgram::addWritableReasons(
    const std::vector<PyMemberTableFact> &MemberTables, MemberEvidence &E) {
  for (const PyMemberTableFact &T : MemberTables)
    for (const PyMemberDefFact &Def : T.Entries) {
      auto It = MemberByRef.find(Def.Member);
      if (It == MemberByRef.end() || !Def.ObjectType || Def.ReadOnly)
        continue;
      E.Writable[It->second] = true;
      Members[It->second].Reasons.push_back({PyContentReason::WritableMember,
                                             Def.Attribute, T.Name, "",
                                             Def.Loc, "", ""});
    }
}

/// Stores of an argument (in a setter: of the attribute's value); any
/// store that is not acyclic keeps the member from being acyclic.
void PythonProgram::addStoreReasons(
    const std::vector<PyGetSetTableFact> &GetSetTables, MemberEvidence &E) {
  std::map<std::string, std::string> Setters; // setter USR -> attribute
  for (const PyGetSetTableFact &T : GetSetTables)
    for (const PyGetSetFact &G : T.Entries)
      if (!G.SetterUSR.empty())
        Setters.emplace(G.SetterUSR, G.Attribute);
  for (const PyFunctionFact &F : Functions)
    for (const PyStoreFact &S : F.Stores) {
      auto It = MemberByRef.find(S.Member);
      if (It == MemberByRef.end())
        continue;
      E.Stored[It->second] = true;
      if (S.Value == PyValueKind::Argument && unseenEmptyStruct(S.ValueStruct)) {
        E.OnlyAcyclic[It->second] = false; // don't know
        continue;
      }
      if (S.Value == PyValueKind::Argument && closedEmptyStruct(S.ValueStruct))
        continue; // its instances hold nothing: acyclic
      if (S.Value == PyValueKind::Argument) {
        auto Setter = Setters.find(F.USR);
        if (Setter != Setters.end())
          Members[It->second].Reasons.push_back({PyContentReason::Setter,
                                                 Setter->second, F.Name,
                                                 S.Detail, S.Loc, "", ""});
        else
          Members[It->second].Reasons.push_back(
              {PyContentReason::Argument, "", F.Name, S.Detail, S.Loc, "", ""});
      }
      if (S.Value == PyValueKind::Argument || S.Value == PyValueKind::Unknown)
        E.OnlyAcyclic[It->second] = false;
    }
}

/// An object struct with no object member (own or inherited) whose type
/// no TU defines (`PyCursesWindowObject`, from another module's capsule):
/// what its instances can hold is unknown, so a member storing one is not
/// "any object". With the type in view the usual rules decide.
bool PythonProgram::unseenEmptyStruct(const std::string &Key) const {
  if (Key.empty())
    return false;
  auto It = StructByKey.find(Key);
  if (It == StructByKey.end())
    return true;
  return emptyStruct(It->second) &&
         llvm::none_of(Types, [&](const PyType &T) {
           return T.Struct == (int)It->second;
         });
}

/// No object member, own or inherited.
bool PythonProgram::emptyStruct(unsigned Index) const {
  for (int S = Index; S >= 0; S = Structs[S].Base)
    if (!Structs[S].Fact.Members.empty())
      return false;
  return true;
}

/// An object struct with no object member whose every type is in view and
/// closed: Python code cannot subclass it (no __dict__ can be added), it
/// has no instance dict, and no struct of the program extends it. A value
/// of that struct (a parameter `TokenObject *token`) holds nothing, so
/// storing it closes no cycle. A subclassable type is the look-alike: a
/// subclass instance has a __dict__.
bool PythonProgram::closedEmptyStruct(const std::string &Key) const {
  auto It = Key.empty() ? StructByKey.end() : StructByKey.find(Key);
  if (It == StructByKey.end() || !emptyStruct(It->second))
    return false;
  int Index = It->second;
  for (const PyStruct &S : Structs)
    for (int B = S.Base; B >= 0; B = Structs[B].Base)
      if (B == Index)
        return false; // a larger layout may be behind the pointer
  bool Typed = false;
  for (const PyType &T : Types) {
    if (T.Struct != Index) {
      // A subtype of a type of this struct whose layout is not this one
      // (bounded: a base cycle, a bug of the program, is kept as it is).
      size_t Steps = 0;
      for (int B = T.Base; B >= 0 && Steps++ < Types.size();
           B = Types[B].Base)
        if (Types[B].Struct == Index)
          return false;
      continue;
    }
    if (T.Subclassable || T.BaseUnknown || T.Fact.DictOffset ||
        !T.DictField.empty() || T.Fact.ManagedDict)
      return false;
    Typed = true;
  }
  return Typed;
}

/// Containers the program makes and fills: a member that holds a
/// PyDict_New() dict (stored anywhere in the program) into which some
/// function puts an object the caller chose can hold any object. Fills of
/// values the model cannot tell about add nothing; a member never known to
/// hold a container the program made stays as it was.
void PythonProgram::addFillReasons() {
  std::map<PyMemberRef, const PyStoreFact *> MadeContainers;
  for (const PyFunctionFact &F : Functions)
    for (const PyStoreFact &S : F.Stores)
      if (S.NewContainer)
        MadeContainers.try_emplace(S.Member, &S);
  for (const PyFunctionFact &F : Functions)
    for (const PyFillFact &Fill : F.Fills) {
      auto It = MemberByRef.find(Fill.Member);
      auto Made = MadeContainers.find(Fill.Member);
      if (It == MemberByRef.end() || Made == MadeContainers.end() ||
          Fill.Value != PyValueKind::Argument)
        continue;
      Members[It->second].Reasons.push_back(
          {PyContentReason::Filled, "", F.Name, Fill.Detail, Fill.Loc,
           Fill.Api, Made->second->Detail});
    }
  // Helpers given the member (`_subcache(self->cache, key)`): their fills
  // of that parameter, with the parameters they keep read at the call.
  // One level: a helper passing the container on is not followed.
  for (const PyFunctionFact &F : Functions)
    for (const PyMemberArgFact &A : F.MemberArgs) {
      auto It = MemberByRef.find(A.Member);
      auto Made = MadeContainers.find(A.Member);
      auto Callee = FunctionByUSR.find(A.CalleeUSR);
      if (It == MemberByRef.end() || Made == MadeContainers.end() ||
          Callee == FunctionByUSR.end())
        continue;
      for (const PyFillFact &Fill : Functions[Callee->second].Fills) {
        if (Fill.ContainerParam != A.Param)
          continue;
        PyValueKind Value = Fill.Value;
        std::string Detail = Fill.Detail;
        for (int P : Fill.ValueParams) {
          if (P < 0 || P >= (int)A.Args.size()) {
            Value = PyValueKind::Unknown; // a variadic helper: don't know
            continue;
          }
          PyValueKind Joined = joinPyValueKinds(Value, A.Args[P].Value);
          if (Joined == A.Args[P].Value && Joined != Value)
            Detail = A.Args[P].Detail;
          Value = Joined;
        }
        if (Value != PyValueKind::Argument)
          continue;
        Members[It->second].Reasons.push_back(
            {PyContentReason::Filled, "", F.Name, Detail, A.Loc,
             Fill.Api + " in '" + A.CalleeName + "'", Made->second->Detail});
      }
    }
}

/// The member tp_dictoffset names is the instance `__dict__`.
void PythonProgram::addInstanceDictReasons() {
  for (const PyType &T : Types) {
    if (T.DictField.empty() || T.Struct < 0)
      continue;
    for (int S = T.Struct; S >= 0; S = Structs[S].Base) {
      auto It = MemberByRef.find({Structs[S].Fact.Key, T.DictField});
      if (It == MemberByRef.end())
        continue;
      Members[It->second].Reasons.push_back(
          {PyContentReason::InstanceDict, "__dict__", T.Fact.VarName, "",
           T.Fact.Loc, "", ""});
      break;
    }
  }
}

/// A member the program never releases, never visits and does not expose
/// as a writable attribute is a borrowed link, not a reference the object
/// owns, when it points to a program object struct (a linked list's
/// prev/next) or when every store into it is borrowed (a parameter kept
/// without Py_INCREF): the model cannot tell what it holds, so it stays
/// unknown.
void PythonProgram::markBorrowedLinks(const MemberEvidence &E) {
  for (unsigned I = 0; I < Members.size(); ++I) {
    PyMemberInfo &Info = Members[I];
    if (E.Writable[I])
      continue;
    auto It = Fields.find(Info.Ref);
    bool Counted = It != Fields.end() && It->second.Counted;
    if ((!Info.Fact.TargetStruct.empty() && !Counted) ||
        isBorrowedField(Info.Ref))
      Info.BorrowedLink = true;
  }
}

void PythonProgram::settleContent(const MemberEvidence &E) {
  for (unsigned I = 0; I < Members.size(); ++I) {
    PyMemberInfo &Info = Members[I];
    llvm::stable_sort(Info.Reasons,
                      [](const PyContentReason &A, const PyContentReason &B) {
                        return std::tie(A.Kind, A.Loc) < std::tie(B.Kind, B.Loc);
                      });
    if (Info.BorrowedLink)
      Info.Content = PyContent::Unknown;
    else if (!Info.Reasons.empty())
      Info.Content = PyContent::Arbitrary;
    else if (E.Stored[I] && E.OnlyAcyclic[I] && !E.Writable[I])
      Info.Content = PyContent::Acyclic;
    else
      Info.Content = PyContent::Unknown;
  }
}

void PythonProgram::indexCallResults() {
  for (unsigned FI = 0; FI < Functions.size(); ++FI)
    for (unsigned AI = 0; AI < Functions[FI].Allocs.size(); ++AI)
      if (!Functions[FI].Allocs[AI].Callee.empty())
        CallResults.push_back({FI, AI});
}

/// What every field receives, and whether the program counts it.
void PythonProgram::indexFieldStores(const CPythonModel &Model) {
  for (const PyFunctionFact &F : Functions) {
    for (const PyMemberRef &R : F.Released)
      Fields[R].Counted = true;
    for (const PyMemberRef &R : F.Visited)
      Fields[R].Counted = true;
    for (const PyStoreFact &S : F.Stores) {
      FieldStores &Out = Fields[S.Member];
      if (S.Value == PyValueKind::Acyclic && Out.PlainAcyclic == 0)
        Out.PlainAcyclic = 1;
      else if (S.Value != PyValueKind::Null && S.Value != PyValueKind::Acyclic)
        Out.PlainAcyclic = -1;
      if (S.Value == PyValueKind::Null)
        continue;
      (S.Borrowed ? Out.Borrowed : Out.Owned) = true;
      if (S.Value == PyValueKind::Acyclic)
        continue;
      if (S.NewContainer && Model.inList("clearableContainers", S.Detail)) {
        if (Out.Container.empty())
          Out.Container = S.Detail;
      } else {
        Out.OnlyClearable = false;
      }
    }
  }
}

bool PythonProgram::onlyAcyclicStores(const PyMemberRef &Ref) const {
  auto It = Fields.find(Ref);
  return !MemberByRef.count(Ref) && It != Fields.end() &&
         It->second.PlainAcyclic == 1;
}

bool PythonProgram::isBorrowedField(const PyMemberRef &Ref) const {
  auto It = Fields.find(Ref);
  return It != Fields.end() && It->second.Borrowed && !It->second.Owned &&
         !It->second.Counted;
}

std::string PythonProgram::clearableContainer(const PyMemberRef &Ref) const {
  auto It = Fields.find(Ref);
  if (It == Fields.end() || !It->second.OnlyClearable)
    return "";
  if (auto M = MemberByRef.find(Ref); M != MemberByRef.end())
    for (const PyContentReason &R : Members[M->second].Reasons)
      if (R.Kind != PyContentReason::Filled)
        return ""; // Python code or a caller can put anything there
  return It->second.Container;
}

//===-- Queries -----------------------------------------------------------===//

const PyFunctionFact *PythonProgram::function(llvm::StringRef USR) const {
  auto It = FunctionByUSR.find(USR);
  return It == FunctionByUSR.end() ? nullptr : &Functions[It->second];
}

const PyMemberInfo *PythonProgram::member(const PyMemberRef &Ref) const {
  auto It = MemberByRef.find(Ref);
  return It == MemberByRef.end() ? nullptr : &Members[It->second];
}

/// Weak-reference lists are borrowed: CPython never counts the references in
/// them. The field named by tp_weaklistoffset is one; so is any member whose
/// name says so, as types may set the offset at run time.
static bool isWeakList(llvm::StringRef Field, llvm::StringRef Declared) {
  std::string Lower = Field.lower();
  return Field == Declared ||
         llvm::StringRef(Lower).contains("weakreflist") ||
         llvm::StringRef(Lower).contains("weaklist") ||
         llvm::StringRef(Lower).contains("weakrefs");
}

std::vector<const PyMemberInfo *>
PythonProgram::ownedMembers(const PyType &T) const {
  std::vector<const PyMemberInfo *> Result;
  std::vector<int> Chain;
  for (int S = T.Struct; S >= 0 && Chain.size() < 64; S = Structs[S].Base)
    Chain.push_back(S);
  for (auto It = Chain.rbegin(); It != Chain.rend(); ++It)
    for (const PyObjectMemberFact &Mem : Structs[*It].Fact.Members) {
      if (isWeakList(Mem.Name, T.WeakListField))
        continue;
      if (const PyMemberInfo *Info = member({Structs[*It].Fact.Key, Mem.Name}))
        Result.push_back(Info);
    }
  return Result;
}

bool PythonProgram::isSlotFunction(llvm::StringRef USR) const {
  return SlotFunctions.count(USR.str());
}

std::vector<std::pair<const PyFunctionFact *, const PyAllocFact *>>
PythonProgram::callResults(llvm::StringRef USR) const {
  std::vector<std::pair<const PyFunctionFact *, const PyAllocFact *>> Result;
  for (auto [FI, AI] : CallResults)
    if (Functions[FI].Allocs[AI].Callee == USR)
      Result.push_back({&Functions[FI], &Functions[FI].Allocs[AI]});
  return Result;
}

} // namespace cyclint
