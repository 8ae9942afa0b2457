//===- BindingFacts.cpp - The pybind11 section of the JSON fact format ----===//
//
// Serialization of BindingTUFacts (docs/FACTS.md, "pybind11"). Empty and
// default fields are left out and read back as their defaults; a field of
// the wrong type, or an enum spelling this cyclint does not write, is an
// error naming its path.
//
//===----------------------------------------------------------------------===//

#include "models/pybind11/BindingFacts.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>

using namespace llvm;

namespace cyclint {

StringRef holderKindName(HolderKind K) {
  switch (K) {
  case HolderKind::Object:
    return "object";
  case HolderKind::Callable:
    return "callable";
  case HolderKind::Struct:
    return "struct";
  }
  llvm_unreachable("unhandled holder kind");
}

StringRef slotStateName(SlotState S) {
  switch (S) {
  case SlotState::None:
    return "none";
  case SlotState::Known:
    return "known";
  case SlotState::Unknown:
    return "unknown";
  }
  llvm_unreachable("unhandled slot state");
}

StringRef bindingKindName(BindingKind K) {
  switch (K) {
  case BindingKind::ReadWrite:
    return "readwrite";
  case BindingKind::ReadOnly:
    return "readonly";
  case BindingKind::Setter:
    return "setter";
  case BindingKind::Method:
    return "method";
  case BindingKind::Init:
    return "init";
  }
  llvm_unreachable("unhandled binding kind");
}

/// Reads an enum by its spelling; every value of the enum is tried.
template <typename E, size_t N>
static bool enumFromJSON(const json::Value &V, E &Out, StringRef (*Name)(E),
                         const E (&All)[N], json::Path P) {
  std::optional<StringRef> S = V.getAsString();
  if (S)
    for (E Candidate : All)
      if (Name(Candidate) == *S) {
        Out = Candidate;
        return true;
      }
  P.report("unknown spelling");
  return false;
}

bool fromJSON(const json::Value &V, HolderKind &K, json::Path P) {
  static const HolderKind All[] = {HolderKind::Object, HolderKind::Callable,
                                   HolderKind::Struct};
  return enumFromJSON(V, K, holderKindName, All, P);
}
bool fromJSON(const json::Value &V, SlotState &S, json::Path P) {
  static const SlotState All[] = {SlotState::None, SlotState::Known,
                                  SlotState::Unknown};
  return enumFromJSON(V, S, slotStateName, All, P);
}
bool fromJSON(const json::Value &V, BindingKind &K, json::Path P) {
  static const BindingKind All[] = {BindingKind::ReadWrite,
                                    BindingKind::ReadOnly, BindingKind::Setter,
                                    BindingKind::Method, BindingKind::Init};
  return enumFromJSON(V, K, bindingKindName, All, P);
}

//===-- Writing -----------------------------------------------------------===//

static json::Value toJSON(const BindingMember &M) {
  return json::Object{{"record", M.Record}, {"field", M.Field}};
}
static json::Value toJSON(const BindingMemberPath &Path) {
  json::Array A;
  for (const BindingMember &M : Path)
    A.push_back(toJSON(M));
  return A;
}

static json::Value toJSON(const HeldMemberFact &M) {
  json::Object O{{"name", M.Name},
                 {"type", M.Type},
                 {"loc", toJSON(M.Loc)},
                 {"kind", holderKindName(M.Kind)}};
  if (!M.Via.empty())
    O["via"] = M.Via;
  if (M.Fillable)
    O["fillable"] = true;
  if (!M.Inner.empty())
    O["inner"] = M.Inner;
  return O;
}

static json::Value toJSON(const HolderRecordFact &R) {
  json::Array Members;
  for (const HeldMemberFact &M : R.Members)
    Members.push_back(toJSON(M));
  return json::Object{{"usr", R.Usr},
                      {"name", R.Name},
                      {"loc", toJSON(R.Loc)},
                      {"members", std::move(Members)}};
}

static json::Value toJSON(const BoundClassFact &C) {
  json::Object O{{"usr", C.Usr},       {"name", C.Name},
                 {"library", C.Library}, {"pyName", C.PyName},
                 {"loc", toJSON(C.Loc)}};
  if (!C.Holder.empty())
    O["holder"] = C.Holder;
  if (C.DynamicAttr)
    O["dynamicAttr"] = true;
  if (C.HasSetup) {
    O["setupLoc"] = toJSON(C.SetupLoc);
    if (C.SetupHaveGC)
      O["setupHaveGC"] = true;
    if (C.SetupUnknown)
      O["setupUnknown"] = true;
  }
  if (C.Traverse != SlotState::None) {
    O["traverse"] = slotStateName(C.Traverse);
    O["traverseLoc"] = toJSON(C.TraverseLoc);
    O["visited"] = toJSON(BindingMemberPath(C.Visited));
  }
  if (C.Clear != SlotState::None) {
    O["clear"] = slotStateName(C.Clear);
    O["cleared"] = toJSON(BindingMemberPath(C.Cleared));
  }
  return O;
}

static json::Value toJSON(const StoreFact &S) {
  json::Object O{{"param", S.Param}, {"path", toJSON(S.Path)},
                 {"loc", toJSON(S.Loc)}};
  if (S.Target != -1)
    O["target"] = S.Target;
  return O;
}
static json::Value toJSON(const std::vector<StoreFact> &Stores) {
  json::Array A;
  for (const StoreFact &S : Stores)
    A.push_back(toJSON(S));
  return A;
}

static json::Value toJSON(const BindingFact &B) {
  json::Object O{{"class", B.Class},
                 {"kind", bindingKindName(B.Kind)},
                 {"attribute", B.Attribute},
                 {"loc", toJSON(B.Loc)}};
  if (!B.Member.Record.empty())
    O["member"] = toJSON(B.Member);
  if (!B.Function.empty()) {
    O["function"] = B.Function;
    O["functionName"] = B.FunctionName;
    O["selfParam"] = B.SelfParam;
  }
  if (!B.ObjectParams.empty())
    O["objectParams"] = B.ObjectParams;
  if (!B.Stores.empty())
    O["stores"] = toJSON(B.Stores);
  return O;
}

static json::Value toJSON(const StoreSummaryFact &F) {
  return json::Object{{"usr", F.Usr},
                      {"name", F.Name},
                      {"loc", toJSON(F.Loc)},
                      {"stores", toJSON(F.Stores)}};
}

static json::Value toJSON(const KeepAliveFact &K) {
  json::Object O{{"class", K.Class},
                 {"loc", toJSON(K.Loc)},
                 {"function", K.FunctionName},
                 {"attribute", K.Attribute},
                 {"nurse", K.Nurse},
                 {"patient", K.Patient}};
  if (!K.NurseType.empty())
    O["nurseType"] = K.NurseType;
  if (!K.PatientType.empty())
    O["patientType"] = K.PatientType;
  if (K.PatientAnyObject)
    O["patientAnyObject"] = true;
  return O;
}

template <typename T> static json::Array arrayOf(const std::vector<T> &V) {
  json::Array A;
  for (const T &X : V)
    A.push_back(toJSON(X));
  return A;
}

json::Object toJSON(const BindingTUFacts &F) {
  json::Object O;
  if (!F.Holders.empty())
    O["holders"] = arrayOf(F.Holders);
  if (!F.Classes.empty())
    O["classes"] = arrayOf(F.Classes);
  if (!F.Bindings.empty())
    O["bindings"] = arrayOf(F.Bindings);
  if (!F.Functions.empty())
    O["functions"] = arrayOf(F.Functions);
  if (!F.KeepAlive.empty())
    O["keepAlive"] = arrayOf(F.KeepAlive);
  return O;
}

void BindingTUFacts::canonicalize() {
  llvm::sort(Holders, [](const HolderRecordFact &A, const HolderRecordFact &B) {
    return A.Usr < B.Usr;
  });
  llvm::sort(Classes, [](const BoundClassFact &A, const BoundClassFact &B) {
    return std::tie(A.Usr, A.Loc) < std::tie(B.Usr, B.Loc);
  });
  llvm::sort(Bindings, [](const BindingFact &A, const BindingFact &B) {
    return std::tie(A.Loc, A.Class, A.Attribute) <
           std::tie(B.Loc, B.Class, B.Attribute);
  });
  llvm::sort(Functions, [](const StoreSummaryFact &A, const StoreSummaryFact &B) {
    return A.Usr < B.Usr;
  });
  llvm::sort(KeepAlive, [](const KeepAliveFact &A, const KeepAliveFact &B) {
    return std::tie(A.Loc, A.Nurse, A.Patient) <
           std::tie(B.Loc, B.Nurse, B.Patient);
  });
}

//===-- Reading -----------------------------------------------------------===//

static bool fromJSON(const json::Value &V, BindingMember &M, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("record", M.Record) && O.map("field", M.Field);
}

static bool fromJSON(const json::Value &V, HeldMemberFact &M, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("name", M.Name) && O.map("type", M.Type) &&
         O.map("loc", M.Loc) && O.map("kind", M.Kind) &&
         O.mapOptional("via", M.Via) && O.mapOptional("fillable", M.Fillable) &&
         O.mapOptional("inner", M.Inner);
}

static bool fromJSON(const json::Value &V, HolderRecordFact &R, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("usr", R.Usr) && O.map("name", R.Name) &&
         O.map("loc", R.Loc) && O.map("members", R.Members);
}

static bool fromJSON(const json::Value &V, BoundClassFact &C, json::Path P) {
  json::ObjectMapper O(V, P);
  if (!(O && O.map("usr", C.Usr) && O.map("name", C.Name) &&
        O.map("library", C.Library) && O.map("pyName", C.PyName) &&
        O.map("loc", C.Loc) && O.mapOptional("holder", C.Holder) &&
        O.mapOptional("dynamicAttr", C.DynamicAttr) &&
        O.mapOptional("setupHaveGC", C.SetupHaveGC) &&
        O.mapOptional("setupUnknown", C.SetupUnknown) &&
        O.mapOptional("traverse", C.Traverse) &&
        O.mapOptional("visited", C.Visited) &&
        O.mapOptional("clear", C.Clear) &&
        O.mapOptional("cleared", C.Cleared)))
    return false;
  const json::Object *Obj = V.getAsObject();
  if (const json::Value *L = Obj->get("setupLoc")) {
    C.HasSetup = true;
    if (!fromJSON(*L, C.SetupLoc, P.field("setupLoc")))
      return false;
  }
  if (C.Traverse != SlotState::None && !O.map("traverseLoc", C.TraverseLoc))
    return false;
  return true;
}

static bool fromJSON(const json::Value &V, StoreFact &S, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("param", S.Param) && O.map("path", S.Path) &&
         O.map("loc", S.Loc) && O.mapOptional("target", S.Target);
}

static bool fromJSON(const json::Value &V, BindingFact &B, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("class", B.Class) && O.map("kind", B.Kind) &&
         O.map("attribute", B.Attribute) && O.map("loc", B.Loc) &&
         O.mapOptional("member", B.Member) &&
         O.mapOptional("function", B.Function) &&
         O.mapOptional("functionName", B.FunctionName) &&
         O.mapOptional("selfParam", B.SelfParam) &&
         O.mapOptional("objectParams", B.ObjectParams) &&
         O.mapOptional("stores", B.Stores);
}

static bool fromJSON(const json::Value &V, StoreSummaryFact &F, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("usr", F.Usr) && O.map("name", F.Name) &&
         O.map("loc", F.Loc) && O.map("stores", F.Stores);
}

static bool fromJSON(const json::Value &V, KeepAliveFact &K, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("class", K.Class) && O.map("loc", K.Loc) &&
         O.map("function", K.FunctionName) &&
         O.map("attribute", K.Attribute) && O.map("nurse", K.Nurse) &&
         O.map("patient", K.Patient) &&
         O.mapOptional("nurseType", K.NurseType) &&
         O.mapOptional("patientType", K.PatientType) &&
         O.mapOptional("patientAnyObject", K.PatientAnyObject);
}

bool fromJSON(const json::Value &V, BindingTUFacts &F, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.mapOptional("holders", F.Holders) &&
         O.mapOptional("classes", F.Classes) &&
         O.mapOptional("bindings", F.Bindings) &&
         O.mapOptional("functions", F.Functions) &&
         O.mapOptional("keepAlive", F.KeepAlive);
}

} // namespace cyclint
