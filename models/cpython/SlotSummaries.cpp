//===- SlotSummaries.cpp - What a traverse, clear or dealloc does ---------===//
//
// PythonProgram's slot summaries: a type's traverse, clear or dealloc (or a
// module's m_traverse/m_clear) followed through helpers, base slots and
// slots of other types across TUs, into the members it visits or clears
// and what it does to the object. A function on another struct laid out
// like the type's (two structs from one macro) reaches the type's members
// at the same offsets. Anything that cannot be followed makes the summary
// unknown (`Known == false`).
//
//===----------------------------------------------------------------------===//

#include "models/cpython/PythonProgram.h"

#include "llvm/ADT/STLExtras.h"

#include <functional>

namespace cyclint {

std::optional<PySlotFact> PythonProgram::effectiveSlot(const PyType &T,
                                                       llvm::StringRef Name) const {
  if (Name == "tp_traverse")
    return T.Traverse;
  if (Name == "tp_clear")
    return T.Clear;
  if (Name == "tp_dealloc")
    return T.Dealloc;
  const PyType *Cur = &T;
  for (unsigned Depth = 0; Cur && Depth < 64; ++Depth) {
    if (const PySlotFact *S = Cur->ownSlot(Name))
      return *S;
    Cur = Cur->Base >= 0 ? &Types[Cur->Base] : nullptr;
  }
  return std::nullopt;
}

static int declaringType(const std::vector<PyType> &Types, int I,
                         llvm::StringRef Name) {
  const PyType &T = Types[I];
  if (Name == "tp_traverse")
    return T.TraverseFrom;
  if (Name == "tp_clear")
    return T.ClearFrom;
  if (Name == "tp_dealloc")
    return T.DeallocFrom;
  return I;
}

void PythonProgram::summarize(const PyType &Ctx,
                              const std::optional<PySlotFact> &Slot,
                              llvm::StringRef SlotName, PySlotSummary &S,
                              std::set<std::string> &Seen) const {
  if (!Slot)
    return;
  if (Slot->Kind == PySlotKind::Function) {
    if (const PyFunctionFact *F = function(Slot->Target)) {
      follow(Ctx, *F, SlotName, S, Seen);
      return;
    }
  } else if (Slot->Kind == PySlotKind::Builtin && SlotName == "tp_dealloc") {
    S.FreesSelf = true; // a runtime deallocator: frees, never releases a type
    return;
  }
  S.Known = false;
  if (S.Unresolved.empty())
    S.Unresolved = Slot->TargetName;
}

void PythonProgram::follow(const PyType &Ctx, const PyFunctionFact &F,
                           llvm::StringRef SlotName, PySlotSummary &S,
                           std::set<std::string> &Seen) const {
  if (!Seen.insert(F.USR).second)
    return;
  if (SlotName == "tp_traverse")
    addSharedLayout(Ctx, F, F.Visited, S.Members);
  else if (SlotName == "tp_clear")
    addSharedLayout(Ctx, F, F.Cleared, S.Members);
  S.Released.insert(F.Released.begin(), F.Released.end());
  S.VisitsType |= F.VisitsType;
  S.FreesSelf |= F.FreesSelf;
  S.ReleasesType |= F.ReleasesType;
  S.UnTracksSelf |= F.UnTracksSelf;
  S.VisitsManagedDict |= F.VisitsManagedDict;
  S.ClearsManagedDict |= F.ClearsManagedDict;
  const std::vector<PyCalleeFact> &Callees =
      SlotName == "tp_traverse" ? F.VisitDelegates : F.SelfCalls;
  for (const PyCalleeFact &C : Callees)
    followCallee(Ctx, C, SlotName, S, Seen);
}

/// `Members` (visited or cleared by `F`) into `Out`. A function that works
/// on another struct laid out like `Ctx`'s (`FutureObj_traverse((FutureObj
/// *)task, ...)`, both structs from one macro) reaches `Ctx`'s members at
/// the same offsets.
void PythonProgram::addSharedLayout(const PyType &Ctx, const PyFunctionFact &F,
                                    const std::vector<PyMemberRef> &Members,
                                    std::set<PyMemberRef> &Out) const {
  Out.insert(Members.begin(), Members.end());
  if (F.SelfStruct.empty() || Ctx.Struct < 0)
    return;
  std::vector<const PyMemberInfo *> Own = ownedMembers(Ctx);
  if (llvm::any_of(Own, [&](const PyMemberInfo *M) {
        return M->Ref.Struct == F.SelfStruct;
      }))
    return; // the function's struct is the type's own (or a base)
  // Laid out alike: every object member of the function's struct has one
  // of the same type at the same offset in the type's (a shared prefix;
  // weak-reference lists are not owned members, so they are left out).
  auto Counterpart = [&](const PyObjectMemberFact &Mem) -> const PyMemberInfo * {
    for (const PyMemberInfo *M : Own)
      if (Mem.Offset >= 0 && M->Fact.Offset == Mem.Offset &&
          M->Fact.Type == Mem.Type)
        return M;
    return nullptr;
  };
  auto It = StructByKey.find(F.SelfStruct);
  if (It == StructByKey.end() ||
      !llvm::all_of(Structs[It->second].Fact.Members,
                    [&](const PyObjectMemberFact &Mem) {
                      return Counterpart(Mem) != nullptr ||
                             llvm::StringRef(Mem.Name).contains_insensitive(
                                 "weak");
                    }))
    return;
  for (const PyMemberRef &R : Members)
    if (const PyMemberInfo *Shared =
            R.Struct == F.SelfStruct ? member(R) : nullptr)
      if (const PyMemberInfo *M = Counterpart(Shared->Fact))
        Out.insert(M->Ref);
}

void PythonProgram::followCallee(const PyType &Ctx, const PyCalleeFact &C,
                                 llvm::StringRef SlotName, PySlotSummary &S,
                                 std::set<std::string> &Seen) const {
  auto Fail = [&] {
    S.Known = false;
    if (S.Unresolved.empty())
      S.Unresolved = C.Name.empty() ? C.Slot : C.Name;
  };
  auto FollowSlotOf = [&](int TypeIndex) {
    int From = declaringType(Types, TypeIndex, C.Slot);
    std::optional<PySlotFact> Slot = effectiveSlot(Types[TypeIndex], C.Slot);
    if (!Slot) {
      // The runtime's own slot (object's dealloc frees the memory).
      if (C.Slot == "tp_dealloc")
        S.FreesSelf = true;
      return;
    }
    summarize(Types[From >= 0 ? From : TypeIndex], Slot, SlotName, S, Seen);
  };
  if (C.Kind == PyCalleeKind::Function) {
    if (const PyFunctionFact *F = function(C.USR))
      follow(Ctx, *F, SlotName, S, Seen);
    else
      Fail();
  } else if (C.Kind == PyCalleeKind::Builtin) {
    if (C.Slot == "tp_dealloc" || C.Slot == "tp_free")
      S.FreesSelf = true;
  } else if (C.Kind == PyCalleeKind::TypeSlot) {
    auto It = TypeByUSR.find(C.USR);
    if (It == TypeByUSR.end())
      return Fail();
    FollowSlotOf(It->second);
  } else if (C.Kind == PyCalleeKind::BaseSlot) {
    const PyType *Of = &Ctx;
    if (!C.USR.empty()) {
      auto It = TypeByUSR.find(C.USR);
      if (It == TypeByUSR.end())
        return Fail();
      Of = &Types[It->second];
    }
    if (Of->Base >= 0)
      return FollowSlotOf(Of->Base);
    if (Of->BaseUnknown)
      return Fail();
    if (!Of->BuiltinBase.empty() && SlotName != "tp_dealloc")
      return; // a runtime type's slot: it knows nothing of our members
    if (C.Slot == "tp_dealloc" || C.Slot == "tp_free")
      S.FreesSelf = true;
  } else {
    Fail();
  }
}

static PySlotSummary startSummary(const PythonProgram &P,
                                  const std::optional<PySlotFact> &Slot) {
  PySlotSummary S;
  S.Known = Slot.has_value() && Slot->Kind == PySlotKind::Function;
  if (Slot) {
    S.Function = Slot->TargetName;
    if (const PyFunctionFact *F = P.function(Slot->Target))
      S.FunctionLoc = F->Loc;
    else
      S.Known = false;
  }
  return S;
}

PySlotSummary PythonProgram::traverseSummary(const PyType &T) const {
  PySlotSummary S = startSummary(*this, T.Traverse);
  std::set<std::string> Seen;
  if (S.Known)
    summarize(Types[T.TraverseFrom], T.Traverse, "tp_traverse", S, Seen);
  return S;
}

PySlotSummary PythonProgram::clearSummary(const PyType &T) const {
  PySlotSummary S = startSummary(*this, T.Clear);
  std::set<std::string> Seen;
  if (S.Known)
    summarize(Types[T.ClearFrom], T.Clear, "tp_clear", S, Seen);
  return S;
}

PySlotSummary PythonProgram::deallocSummary(const PyType &T) const {
  PySlotSummary S = startSummary(*this, T.Dealloc);
  std::set<std::string> Seen;
  if (S.Known)
    summarize(Types[T.DeallocFrom], T.Dealloc, "tp_dealloc", S, Seen);
  return S;
}

PySlotSummary PythonProgram::moduleSummary(const PyModuleFact &M,
                                           llvm::StringRef Slot) const {
  PySlotSummary S;
  const PySlotFact *SlotFact = nullptr;
  for (const PySlotFact &F : M.Slots)
    if (F.Slot == Slot)
      SlotFact = &F;
  if (!SlotFact)
    return S;
  S.Function = SlotFact->TargetName;
  const PyFunctionFact *Start =
      SlotFact->Kind == PySlotKind::Function ? function(SlotFact->Target) : nullptr;
  if (!Start) {
    S.Unresolved = SlotFact->TargetName;
    return S;
  }
  S.Known = true;
  S.FunctionLoc = Start->Loc;
  bool Traverse = Slot == "m_traverse";
  std::set<std::string> Seen;
  std::function<void(const PyFunctionFact &)> Follow =
      [&](const PyFunctionFact &F) {
        if (!Seen.insert(F.USR).second)
          return;
        const std::vector<PyMemberRef> &Members =
            Traverse ? F.Visited : F.Cleared;
        S.Members.insert(Members.begin(), Members.end());
        std::vector<PyCalleeFact> Callees =
            Traverse ? F.VisitDelegates : F.SelfCalls;
        if (!Traverse)
          llvm::append_range(Callees, F.StateCalls);
        for (const PyCalleeFact &C : Callees) {
          if (C.Kind == PyCalleeKind::Builtin)
            continue; // the runtime knows nothing of the state
          const PyFunctionFact *Next =
              C.Kind == PyCalleeKind::Function ? function(C.USR) : nullptr;
          if (!Next) {
            S.Known = false;
            if (S.Unresolved.empty())
              S.Unresolved = C.Name.empty() ? C.Slot : C.Name;
            continue;
          }
          Follow(*Next);
        }
      };
  Follow(*Start);
  return S;
}

} // namespace cyclint
