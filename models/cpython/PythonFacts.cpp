//===- PythonFacts.cpp - The CPython section of the JSON fact format -------===//
//
// Serialization of PythonTUFacts (docs/FACTS.md, "python"). Empty fields are
// left out of the file and read back as their defaults; a field of the wrong
// type is an error naming its path.
//
//===----------------------------------------------------------------------===//

#include "models/cpython/PythonFacts.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>

using namespace llvm;

namespace cyclint {

StringRef pyValueKindName(PyValueKind K) {
  switch (K) {
  case PyValueKind::Null:
    return "null";
  case PyValueKind::Acyclic:
    return "acyclic";
  case PyValueKind::Argument:
    return "argument";
  case PyValueKind::Unknown:
    return "unknown";
  }
  llvm_unreachable("unhandled value kind");
}

StringRef pyObjectStatusName(PyObjectStatus S) {
  switch (S) {
  case PyObjectStatus::Tracked:
    return "tracked";
  case PyObjectStatus::Untracked:
    return "untracked";
  case PyObjectStatus::Returned:
    return "returned";
  case PyObjectStatus::Escaped:
    return "escaped";
  }
  llvm_unreachable("unhandled object status");
}

StringRef pySlotKindName(PySlotKind K) {
  switch (K) {
  case PySlotKind::Function:
    return "function";
  case PySlotKind::Type:
    return "type";
  case PySlotKind::Table:
    return "table";
  case PySlotKind::Builtin:
    return "builtin";
  case PySlotKind::Null:
    return "null";
  case PySlotKind::Flags:
    return "flags";
  case PySlotKind::Other:
    return "other";
  }
  llvm_unreachable("unhandled slot kind");
}

StringRef pyCalleeKindName(PyCalleeKind K) {
  switch (K) {
  case PyCalleeKind::BaseSlot:
    return "base-slot";
  case PyCalleeKind::Builtin:
    return "builtin";
  case PyCalleeKind::Function:
    return "function";
  case PyCalleeKind::SelfSlot:
    return "self-slot";
  case PyCalleeKind::TypeSlot:
    return "type-slot";
  case PyCalleeKind::Unknown:
    return "unknown";
  }
  llvm_unreachable("unhandled callee kind");
}

StringRef pySlotOpName(PySlotOp Op) {
  switch (Op) {
  case PySlotOp::Set:
    return "set";
  case PySlotOp::Or:
    return "or";
  case PySlotOp::Other:
    return "other";
  }
  llvm_unreachable("unhandled slot operation");
}

/// The enumerator whose spelling is `Name`: every enum here is small and
/// contiguous from 0 up to `Last`.
template <typename E>
static std::optional<E> parseEnum(StringRef Name, E Last,
                                  StringRef (*Spelling)(E)) {
  for (unsigned I = 0; I <= unsigned(Last); ++I)
    if (Spelling(E(I)) == Name)
      return E(I);
  return std::nullopt;
}

std::optional<PyValueKind> parsePyValueKind(StringRef Name) {
  return parseEnum(Name, PyValueKind::Unknown, pyValueKindName);
}

PyValueKind joinPyValueKinds(PyValueKind A, PyValueKind B) {
  auto Rank = [](PyValueKind K) {
    switch (K) {
    case PyValueKind::Null:
      return 0;
    case PyValueKind::Acyclic:
      return 1;
    case PyValueKind::Unknown:
      return 2;
    case PyValueKind::Argument:
      return 3;
    }
    return 2;
  };
  return Rank(A) >= Rank(B) ? A : B;
}
std::optional<PyObjectStatus> parsePyObjectStatus(StringRef Name) {
  return parseEnum(Name, PyObjectStatus::Escaped, pyObjectStatusName);
}
std::optional<PySlotKind> parsePySlotKind(StringRef Name) {
  return parseEnum(Name, PySlotKind::Other, pySlotKindName);
}
std::optional<PyCalleeKind> parsePyCalleeKind(StringRef Name) {
  return parseEnum(Name, PyCalleeKind::Unknown, pyCalleeKindName);
}
std::optional<PySlotOp> parsePySlotOp(StringRef Name) {
  return parseEnum(Name, PySlotOp::Other, pySlotOpName);
}

template <typename T> static void sortUnique(std::vector<T> &V) {
  llvm::sort(V);
  V.erase(std::unique(V.begin(), V.end()), V.end());
}

template <typename T> static void sortByUSR(std::vector<T> &V) {
  llvm::stable_sort(V, [](const T &A, const T &B) { return A.USR < B.USR; });
  V.erase(std::unique(V.begin(), V.end(),
                      [](const T &A, const T &B) { return A.USR == B.USR; }),
          V.end());
}

void PythonTUFacts::canonicalize() {
  llvm::stable_sort(Structs, [](const PyStructFact &A, const PyStructFact &B) {
    return A.Key < B.Key;
  });
  Structs.erase(std::unique(Structs.begin(), Structs.end(),
                            [](const PyStructFact &A, const PyStructFact &B) {
                              return A.Key == B.Key;
                            }),
                Structs.end());
  for (PyTypeFact &T : Types)
    llvm::stable_sort(T.Slots, [](const PySlotFact &A, const PySlotFact &B) {
      return std::tie(A.Slot, A.Loc) < std::tie(B.Slot, B.Loc);
    });
  sortByUSR(Types);
  sortByUSR(MemberTables);
  sortByUSR(GetSetTables);
  for (PyFunctionFact &F : Functions) {
    sortUnique(F.Visited);
    sortUnique(F.Cleared);
    sortUnique(F.Released);
    sortUnique(F.VisitDelegates);
    sortUnique(F.SelfCalls);
    llvm::stable_sort(F.Stores, [](const PyStoreFact &A, const PyStoreFact &B) {
      return std::tie(A.Loc, A.Member) < std::tie(B.Loc, B.Member);
    });
    llvm::stable_sort(F.Fills, [](const PyFillFact &A, const PyFillFact &B) {
      return std::tie(A.Loc, A.Member) < std::tie(B.Loc, B.Member);
    });
    llvm::stable_sort(F.MemberArgs, [](const PyMemberArgFact &A,
                                       const PyMemberArgFact &B) {
      return std::tie(A.Loc, A.Param) < std::tie(B.Loc, B.Param);
    });
    sortUnique(F.StateCalls);
    llvm::stable_sort(F.Allocs, [](const PyAllocFact &A, const PyAllocFact &B) {
      return std::tie(A.Loc, A.Callee) < std::tie(B.Loc, B.Callee);
    });
  }
  sortByUSR(Functions);
  llvm::stable_sort(SlotAssignments, [](const PySlotAssignmentFact &A,
                                        const PySlotAssignmentFact &B) {
    return std::tie(A.TypeUSR, A.Slot.Slot, A.Slot.Loc) <
           std::tie(B.TypeUSR, B.Slot.Slot, B.Slot.Loc);
  });
  sortUnique(SpecsWithRuntimeBases);
  for (PyModuleFact &Mod : Modules)
    llvm::stable_sort(Mod.Slots, [](const PySlotFact &A, const PySlotFact &B) {
      return std::tie(A.Slot, A.Loc) < std::tie(B.Slot, B.Loc);
    });
  sortByUSR(Modules);
}

//===-- Writing -----------------------------------------------------------===//


json::Value toJSON(const PyMemberRef &M) {
  return json::Object{{"struct", M.Struct}, {"field", M.Field}};
}

json::Value toJSON(const PyObjectMemberFact &M) {
  json::Object O{{"name", M.Name}, {"type", M.Type}, {"loc", toJSON(M.Loc)}};
  if (!M.TargetStruct.empty())
    O["targetStruct"] = M.TargetStruct;
  if (M.Offset >= 0)
    O["offset"] = M.Offset;
  return O;
}

json::Value toJSON(const PyStructFact &S) {
  json::Object O{{"key", S.Key},
                 {"name", S.Name},
                 {"loc", toJSON(S.Loc)},
                 {"members", S.Members}};
  if (!S.BaseKey.empty())
    O["base"] = S.BaseKey;
  if (!S.BuiltinBase.empty())
    O["builtinBase"] = S.BuiltinBase;
  return O;
}

json::Value toJSON(const PySlotFact &S) {
  json::Object O{{"slot", S.Slot},
                 {"kind", pySlotKindName(S.Kind)},
                 {"loc", toJSON(S.Loc)}};
  if (!S.Target.empty())
    O["target"] = S.Target;
  if (!S.TargetName.empty())
    O["targetName"] = S.TargetName;
  return O;
}

json::Value toJSON(const PyTypeFact &T) {
  json::Object O{{"usr", T.USR},
                 {"var", T.VarName},
                 {"pyName", T.PyName},
                 {"loc", toJSON(T.Loc)},
                 {"heap", T.Heap},
                 {"pythonVersion", int64_t(T.PythonVersion)},
                 {"slots", T.Slots}};
  if (!T.StructKey.empty())
    O["struct"] = T.StructKey;
  if (T.FlagsKnown) {
    O["flags"] = int64_t(T.Flags);
    O["flagsLoc"] = toJSON(T.FlagsLoc);
    O["haveGC"] = T.HaveGC;
    O["heapTypeFlag"] = T.HeapTypeFlag;
    O["managedDict"] = T.ManagedDict;
  }
  if (!T.WeakListField.empty())
    O["weakListField"] = T.WeakListField;
  if (!T.DictField.empty())
    O["dictField"] = T.DictField;
  if (T.DictOffset)
    O["dictOffset"] = true;
  if (T.PythonFacing)
    O["pythonFacing"] = true;
  return O;
}

json::Value toJSON(const PyMemberDefFact &E) {
  return json::Object{{"attribute", E.Attribute}, {"typeCode", E.TypeCode},
                      {"flags", E.Flags},         {"object", E.ObjectType},
                      {"readOnly", E.ReadOnly},   {"member", E.Member},
                      {"loc", toJSON(E.Loc)}};
}

json::Value toJSON(const PyMemberTableFact &T) {
  return json::Object{{"usr", T.USR}, {"name", T.Name}, {"entries", T.Entries}};
}

json::Value toJSON(const PyGetSetFact &E) {
  json::Object O{{"attribute", E.Attribute}, {"loc", toJSON(E.Loc)}};
  if (!E.SetterUSR.empty()) {
    O["setter"] = E.SetterUSR;
    O["setterName"] = E.SetterName;
  }
  return O;
}

json::Value toJSON(const PyGetSetTableFact &T) {
  return json::Object{{"usr", T.USR}, {"name", T.Name}, {"entries", T.Entries}};
}

json::Value toJSON(const PyCalleeFact &C) {
  json::Object O{{"kind", pyCalleeKindName(C.Kind)}};
  if (!C.USR.empty())
    O["usr"] = C.USR;
  if (!C.Name.empty())
    O["name"] = C.Name;
  if (!C.Slot.empty())
    O["slot"] = C.Slot;
  return O;
}

json::Value toJSON(const PyStoreFact &S) {
  json::Object O{{"member", S.Member},
                 {"value", pyValueKindName(S.Value)},
                 {"loc", toJSON(S.Loc)}};
  if (!S.Detail.empty())
    O["detail"] = S.Detail;
  if (S.NewContainer)
    O["newContainer"] = true;
  if (S.Borrowed)
    O["borrowed"] = true;
  if (!S.ValueStruct.empty())
    O["valueStruct"] = S.ValueStruct;
  return O;
}

json::Value toJSON(const PyFillFact &S) {
  json::Object O{{"member", S.Member},
                 {"value", pyValueKindName(S.Value)},
                 {"api", S.Api},
                 {"loc", toJSON(S.Loc)}};
  if (!S.Detail.empty())
    O["detail"] = S.Detail;
  if (S.ContainerParam >= 0)
    O["containerParam"] = S.ContainerParam;
  if (!S.ValueParams.empty())
    O["valueParams"] = S.ValueParams;
  return O;
}

json::Value toJSON(const PyArgValueFact &A) {
  json::Object O{{"value", pyValueKindName(A.Value)}};
  if (!A.Detail.empty())
    O["detail"] = A.Detail;
  return O;
}

json::Value toJSON(const PyMemberArgFact &A) {
  return json::Object{{"callee", A.CalleeUSR}, {"calleeName", A.CalleeName},
                      {"param", A.Param},      {"member", A.Member},
                      {"args", A.Args},        {"loc", toJSON(A.Loc)}};
}

json::Value toJSON(const PyAllocFact &A) {
  json::Object O{{"gcAlloc", A.GCAlloc},
                 {"status", pyObjectStatusName(A.Status)},
                 {"loc", toJSON(A.Loc)}};
  if (!A.Callee.empty())
    O["callee"] = A.Callee;
  if (!A.CalleeName.empty())
    O["calleeName"] = A.CalleeName;
  if (!A.TypeUSR.empty())
    O["type"] = A.TypeUSR;
  return O;
}

json::Value toJSON(const PyFunctionFact &F) {
  json::Object O{{"usr", F.USR}, {"name", F.Name}, {"loc", toJSON(F.Loc)}};
  auto Flag = [&](const char *Key, bool Value) {
    if (Value)
      O[Key] = true;
  };
  auto List = [&](const char *Key, const auto &Vector) {
    if (!Vector.empty())
      O[Key] = Vector;
  };
  if (!F.SelfStruct.empty())
    O["selfStruct"] = F.SelfStruct;
  Flag("hasVisitParam", F.HasVisitParam);
  List("visited", F.Visited);
  Flag("visitsType", F.VisitsType);
  Flag("visitsOther", F.VisitsOther);
  Flag("visitsManagedDict", F.VisitsManagedDict);
  List("visitDelegates", F.VisitDelegates);
  List("cleared", F.Cleared);
  List("released", F.Released);
  List("selfCalls", F.SelfCalls);
  Flag("untracksSelf", F.UnTracksSelf);
  Flag("freesSelf", F.FreesSelf);
  Flag("releasesType", F.ReleasesType);
  Flag("clearsManagedDict", F.ClearsManagedDict);
  List("stateCalls", F.StateCalls);
  List("stores", F.Stores);
  List("fills", F.Fills);
  List("allocs", F.Allocs);
  List("userData", F.UserData);
  List("memberArgs", F.MemberArgs);
  return O;
}

json::Value toJSON(const PySlotAssignmentFact &A) {
  return json::Object{
      {"type", A.TypeUSR}, {"op", pySlotOpName(A.Op)}, {"slot", A.Slot}};
}

json::Value toJSON(const PyModuleFact &M) {
  json::Object O{{"usr", M.USR},
                 {"var", M.VarName},
                 {"pyName", M.PyName},
                 {"loc", toJSON(M.Loc)},
                 {"slots", M.Slots}};
  if (M.SizeKnown)
    O["size"] = M.Size;
  if (!M.StateStruct.empty()) {
    O["state"] = M.StateStruct;
    O["stateName"] = M.StateStructName;
    O["stateLoc"] = toJSON(M.StateLoc);
    O["stateMembers"] = M.StateMembers;
  }
  return O;
}

json::Value toJSON(const PythonTUFacts &F) {
  json::Object O{{"versionHex", int64_t(F.VersionHex)},
                 {"structs", F.Structs},
                 {"types", F.Types},
                 {"memberTables", F.MemberTables},
                 {"getsetTables", F.GetSetTables},
                 {"functions", F.Functions},
                 {"slotAssignments", F.SlotAssignments},
                 {"specsWithRuntimeBases", F.SpecsWithRuntimeBases}};
  if (!F.Modules.empty())
    O["modules"] = F.Modules;
  return O;
}

//===-- Reading -----------------------------------------------------------===//

/// A closed vocabulary read back from its spelling; anything else is an
/// error at the value's path.
template <typename E>
static bool enumFromJSON(const json::Value &V, E &Out, json::Path P,
                         std::optional<E> (*Parse)(StringRef),
                         StringLiteral Unknown) {
  std::optional<E> R;
  if (std::optional<StringRef> Name = V.getAsString())
    R = Parse(*Name);
  if (!R) {
    P.report(Unknown);
    return false;
  }
  Out = *R;
  return true;
}

static bool fromJSON(const json::Value &V, PyValueKind &K, json::Path P) {
  return enumFromJSON(V, K, P, parsePyValueKind, "unknown value kind");
}
static bool fromJSON(const json::Value &V, PyObjectStatus &S, json::Path P) {
  return enumFromJSON(V, S, P, parsePyObjectStatus, "unknown object status");
}
static bool fromJSON(const json::Value &V, PySlotKind &K, json::Path P) {
  return enumFromJSON(V, K, P, parsePySlotKind, "unknown slot kind");
}
static bool fromJSON(const json::Value &V, PyCalleeKind &K, json::Path P) {
  return enumFromJSON(V, K, P, parsePyCalleeKind, "unknown callee kind");
}
static bool fromJSON(const json::Value &V, PySlotOp &Op, json::Path P) {
  return enumFromJSON(V, Op, P, parsePySlotOp,
                      "unknown slot assignment operation");
}

bool fromJSON(const json::Value &V, PyMemberRef &M, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("struct", M.Struct) && O.map("field", M.Field);
}

bool fromJSON(const json::Value &V, PyObjectMemberFact &M, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("name", M.Name) && O.map("type", M.Type) &&
         O.map("loc", M.Loc) && O.mapOptional("targetStruct", M.TargetStruct) &&
         O.mapOptional("offset", M.Offset);
}

bool fromJSON(const json::Value &V, PyStructFact &S, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("key", S.Key) && O.map("name", S.Name) &&
         O.map("loc", S.Loc) && O.map("members", S.Members) &&
         O.mapOptional("base", S.BaseKey) &&
         O.mapOptional("builtinBase", S.BuiltinBase);
}

bool fromJSON(const json::Value &V, PySlotFact &S, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("slot", S.Slot) && O.map("kind", S.Kind) &&
         O.map("loc", S.Loc) && O.mapOptional("target", S.Target) &&
         O.mapOptional("targetName", S.TargetName);
}

bool fromJSON(const json::Value &V, PyTypeFact &T, json::Path P) {
  json::ObjectMapper O(V, P);
  int64_t Version = 0, Flags = 0;
  bool HasFlags = V.getAsObject() && V.getAsObject()->get("flags");
  if (!O || !O.map("usr", T.USR) || !O.map("var", T.VarName) ||
      !O.map("pyName", T.PyName) || !O.map("loc", T.Loc) ||
      !O.map("heap", T.Heap) || !O.map("pythonVersion", Version) ||
      !O.map("slots", T.Slots) || !O.mapOptional("struct", T.StructKey) ||
      !O.mapOptional("weakListField", T.WeakListField) ||
      !O.mapOptional("dictField", T.DictField) ||
      !O.mapOptional("dictOffset", T.DictOffset) ||
      !O.mapOptional("pythonFacing", T.PythonFacing))
    return false;
  T.PythonVersion = Version;
  if (HasFlags) {
    if (!O.map("flags", Flags) || !O.map("flagsLoc", T.FlagsLoc) ||
        !O.map("haveGC", T.HaveGC) || !O.map("heapTypeFlag", T.HeapTypeFlag) ||
        !O.map("managedDict", T.ManagedDict))
      return false;
    T.FlagsKnown = true;
    T.Flags = Flags;
  }
  return true;
}

bool fromJSON(const json::Value &V, PyMemberDefFact &E, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("attribute", E.Attribute) &&
         O.map("typeCode", E.TypeCode) && O.map("flags", E.Flags) &&
         O.map("object", E.ObjectType) && O.map("readOnly", E.ReadOnly) &&
         O.map("member", E.Member) && O.map("loc", E.Loc);
}

bool fromJSON(const json::Value &V, PyMemberTableFact &T, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("usr", T.USR) && O.map("name", T.Name) &&
         O.map("entries", T.Entries);
}

bool fromJSON(const json::Value &V, PyGetSetFact &E, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("attribute", E.Attribute) && O.map("loc", E.Loc) &&
         O.mapOptional("setter", E.SetterUSR) &&
         O.mapOptional("setterName", E.SetterName);
}

bool fromJSON(const json::Value &V, PyGetSetTableFact &T, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("usr", T.USR) && O.map("name", T.Name) &&
         O.map("entries", T.Entries);
}

bool fromJSON(const json::Value &V, PyCalleeFact &C, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("kind", C.Kind) && O.mapOptional("usr", C.USR) &&
         O.mapOptional("name", C.Name) && O.mapOptional("slot", C.Slot);
}

bool fromJSON(const json::Value &V, PyStoreFact &S, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("member", S.Member) && O.map("value", S.Value) &&
         O.map("loc", S.Loc) && O.mapOptional("detail", S.Detail) &&
         O.mapOptional("newContainer", S.NewContainer) &&
         O.mapOptional("borrowed", S.Borrowed) &&
         O.mapOptional("valueStruct", S.ValueStruct);
}

bool fromJSON(const json::Value &V, PyFillFact &S, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("member", S.Member) && O.map("value", S.Value) &&
         O.map("api", S.Api) && O.map("loc", S.Loc) &&
         O.mapOptional("detail", S.Detail) &&
         O.mapOptional("containerParam", S.ContainerParam) &&
         O.mapOptional("valueParams", S.ValueParams);
}

bool fromJSON(const json::Value &V, PyArgValueFact &A, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("value", A.Value) && O.mapOptional("detail", A.Detail);
}

bool fromJSON(const json::Value &V, PyMemberArgFact &A, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("callee", A.CalleeUSR) &&
         O.map("calleeName", A.CalleeName) && O.map("param", A.Param) &&
         O.map("member", A.Member) && O.map("args", A.Args) &&
         O.map("loc", A.Loc);
}

bool fromJSON(const json::Value &V, PyAllocFact &A, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("gcAlloc", A.GCAlloc) && O.map("status", A.Status) &&
         O.map("loc", A.Loc) && O.mapOptional("callee", A.Callee) &&
         O.mapOptional("calleeName", A.CalleeName) &&
         O.mapOptional("type", A.TypeUSR);
}

bool fromJSON(const json::Value &V, PyFunctionFact &F, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("usr", F.USR) && O.map("name", F.Name) &&
         O.map("loc", F.Loc) && O.mapOptional("selfStruct", F.SelfStruct) &&
         O.mapOptional("hasVisitParam", F.HasVisitParam) &&
         O.mapOptional("visited", F.Visited) &&
         O.mapOptional("visitsType", F.VisitsType) &&
         O.mapOptional("visitsOther", F.VisitsOther) &&
         O.mapOptional("visitsManagedDict", F.VisitsManagedDict) &&
         O.mapOptional("visitDelegates", F.VisitDelegates) &&
         O.mapOptional("cleared", F.Cleared) &&
         O.mapOptional("released", F.Released) &&
         O.mapOptional("selfCalls", F.SelfCalls) &&
         O.mapOptional("untracksSelf", F.UnTracksSelf) &&
         O.mapOptional("freesSelf", F.FreesSelf) &&
         O.mapOptional("releasesType", F.ReleasesType) &&
         O.mapOptional("clearsManagedDict", F.ClearsManagedDict) &&
         O.mapOptional("stateCalls", F.StateCalls) &&
         O.mapOptional("stores", F.Stores) &&
         O.mapOptional("fills", F.Fills) &&
         O.mapOptional("allocs", F.Allocs) &&
         O.mapOptional("userData", F.UserData) &&
         O.mapOptional("memberArgs", F.MemberArgs);
}

bool fromJSON(const json::Value &V, PySlotAssignmentFact &A, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("type", A.TypeUSR) && O.map("op", A.Op) &&
         O.map("slot", A.Slot);
}

bool fromJSON(const json::Value &V, PyModuleFact &M, json::Path P) {
  json::ObjectMapper O(V, P);
  const json::Object *Obj = V.getAsObject();
  if (!O || !O.map("usr", M.USR) || !O.map("var", M.VarName) ||
      !O.map("pyName", M.PyName) || !O.map("loc", M.Loc) ||
      !O.map("slots", M.Slots))
    return false;
  if (Obj && Obj->get("size")) {
    if (!O.map("size", M.Size))
      return false;
    M.SizeKnown = true;
  }
  if (Obj && Obj->get("state"))
    return O.map("state", M.StateStruct) &&
           O.map("stateName", M.StateStructName) &&
           O.map("stateLoc", M.StateLoc) &&
           O.map("stateMembers", M.StateMembers);
  return true;
}

bool fromJSON(const json::Value &V, PythonTUFacts &F, json::Path P) {
  json::ObjectMapper O(V, P);
  int64_t Version = 0;
  if (!O || !O.map("versionHex", Version) || !O.map("structs", F.Structs) ||
      !O.map("types", F.Types) || !O.map("memberTables", F.MemberTables) ||
      !O.map("getsetTables", F.GetSetTables) ||
      !O.map("functions", F.Functions) ||
      !O.map("slotAssignments", F.SlotAssignments) ||
      !O.map("specsWithRuntimeBases", F.SpecsWithRuntimeBases) ||
      !O.mapOptional("modules", F.Modules))
    return false;
  F.VersionHex = Version;
  return true;
}

} // namespace cyclint
