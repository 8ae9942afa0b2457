//===- CPythonModelData.cpp - The CPython model's tables, read from YAML --===//
//
// The schema of models/cpython/cpython.yaml (docs/MODELS.md, "CPython
// model") and its reader. The file is read with llvm::yaml::IO so that a
// typo in a key or a value of the wrong type is an error naming the file
// and line, not a silently empty list: the model would otherwise just see
// less, and the checks would fall silent without anyone noticing.
//
//===----------------------------------------------------------------------===//

#include "models/cpython/CPythonModel.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

using llvm::StringRef;

//===-- The YAML data -----------------------------------------------------===//

namespace {
struct YamlFlag {
  std::string Name;
  uint64_t Value = 0;
};
struct YamlSlot {
  std::string Name;
  int64_t Id = 0;
};
struct YamlFromSpec {
  std::string Name;
  int Spec = -1, Bases = -1;
};
struct YamlArgParser {
  std::string Name;
  int Format = -1, Outputs = 0;
};
struct YamlContainerFill {
  std::string Name;
  int Container = 0;
  std::vector<int> Values;
};
struct YamlFunctions {
  std::map<std::string, std::vector<std::string>> Lists;
  std::vector<YamlFromSpec> FromSpec;
  std::vector<YamlContainerFill> ContainerFills;
  std::vector<YamlArgParser> ArgParsers;
  std::vector<std::string> AcyclicTypes;
};
struct YamlCPython {
  std::string Name, Description;
  std::vector<YamlFlag> Flags;
  std::vector<YamlSlot> Slots;
  std::vector<int> ObjectMemberTypes;
  int ReadOnlyFlag = 1;
  std::string WeakListOffsetMember, DictOffsetMember;
  std::vector<std::string> ObjectHeads;
  std::string TypeObjectRecord, SpecRecord, SlotRecord, MemberDefRecord,
      GetSetDefRecord, VisitProcTypedef, ModuleDefRecord;
  YamlFunctions Functions;
};

/// The function lists of the schema: every one is required, so that a typo
/// in the model file is an error instead of an empty list.
const char *const FunctionLists[] = {
    "gcAllocUntracked", "gcTrack",  "gcUnTrack",           "freeMemory",
    "decref",           "typeOf",   "passThrough",         "acyclicConstructors",
    "acyclicGlobals",   "harmless", "containerConstructors",
    "visitManagedDict", "clearManagedDict", "moduleState"};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(YamlFlag)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlSlot)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlFromSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlArgParser)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlContainerFill)

namespace llvm::yaml {
template <> struct MappingTraits<YamlFlag> {
  static void mapping(IO &IO, YamlFlag &F) {
    IO.mapRequired("name", F.Name);
    IO.mapRequired("value", F.Value);
  }
};
template <> struct MappingTraits<YamlSlot> {
  static void mapping(IO &IO, YamlSlot &S) {
    IO.mapRequired("name", S.Name);
    IO.mapRequired("id", S.Id);
  }
};
template <> struct MappingTraits<YamlFromSpec> {
  static void mapping(IO &IO, YamlFromSpec &S) {
    IO.mapRequired("name", S.Name);
    IO.mapRequired("spec", S.Spec);
    IO.mapOptional("bases", S.Bases, -1);
  }
};
template <> struct MappingTraits<YamlArgParser> {
  static void mapping(IO &IO, YamlArgParser &P) {
    IO.mapRequired("name", P.Name);
    IO.mapRequired("format", P.Format);
    IO.mapRequired("outputs", P.Outputs);
  }
};
template <> struct MappingTraits<YamlContainerFill> {
  static void mapping(IO &IO, YamlContainerFill &F) {
    IO.mapRequired("name", F.Name);
    IO.mapRequired("container", F.Container);
    IO.mapRequired("values", F.Values);
  }
};
template <> struct MappingTraits<YamlFunctions> {
  static void mapping(IO &IO, YamlFunctions &F) {
    for (const char *List : FunctionLists)
      IO.mapRequired(List, F.Lists[List]);
    IO.mapRequired("fromSpec", F.FromSpec);
    IO.mapRequired("argParsers", F.ArgParsers);
    IO.mapRequired("containerFills", F.ContainerFills);
    IO.mapRequired("acyclicTypes", F.AcyclicTypes);
  }
};
template <> struct MappingTraits<YamlCPython> {
  static void mapping(IO &IO, YamlCPython &M) {
    IO.mapRequired("name", M.Name);
    IO.mapOptional("description", M.Description);
    IO.mapRequired("flags", M.Flags);
    IO.mapRequired("slots", M.Slots);
    IO.mapRequired("objectMemberTypes", M.ObjectMemberTypes);
    IO.mapRequired("readOnlyFlag", M.ReadOnlyFlag);
    IO.mapRequired("weakListOffsetMember", M.WeakListOffsetMember);
    IO.mapRequired("dictOffsetMember", M.DictOffsetMember);
    IO.mapRequired("objectHeads", M.ObjectHeads);
    IO.mapRequired("typeObjectRecord", M.TypeObjectRecord);
    IO.mapRequired("specRecord", M.SpecRecord);
    IO.mapRequired("slotRecord", M.SlotRecord);
    IO.mapRequired("memberDefRecord", M.MemberDefRecord);
    IO.mapRequired("getSetDefRecord", M.GetSetDefRecord);
    IO.mapRequired("visitProcTypedef", M.VisitProcTypedef);
    IO.mapRequired("moduleDefRecord", M.ModuleDefRecord);
    IO.mapRequired("functions", M.Functions);
  }
};
} // namespace llvm::yaml

namespace cyclint {

#include "CPythonModelData.inc" // CPythonModelText: models/cpython/cpython.yaml

const CPythonModel &CPythonModel::builtin() {
  static const CPythonModel Model =
      llvm::cantFail(fromYAML(CPythonModelText, "models/cpython/cpython.yaml"));
  return Model;
}

llvm::Expected<CPythonModel> CPythonModel::fromYAML(StringRef Text,
                                                   StringRef SourceName) {
  std::string Diagnostic;
  auto Handler = [](const llvm::SMDiagnostic &D, void *Context) {
    llvm::raw_string_ostream OS(*static_cast<std::string *>(Context));
    OS << D.getLineNo() << ":" << (D.getColumnNo() + 1) << ": "
       << D.getMessage();
  };
  llvm::yaml::Input In(Text, nullptr, Handler, &Diagnostic);
  YamlCPython Y;
  In >> Y;
  if (In.error())
    return llvm::createStringError(In.error(), "%s:%s",
                                   SourceName.str().c_str(),
                                   Diagnostic.empty() ? " invalid model"
                                                      : Diagnostic.c_str());
  CPythonModel M;
  CPythonModelData &D = M.Data;
  D.Name = Y.Name;
  for (const YamlFlag &F : Y.Flags)
    D.Flags[F.Name] = F.Value;
  for (const YamlSlot &S : Y.Slots) {
    D.Slots[S.Id] = S.Name;
    M.SlotNames.insert(S.Name);
  }
  D.ObjectMemberTypes = Y.ObjectMemberTypes;
  D.ReadOnlyFlag = Y.ReadOnlyFlag;
  D.WeakListOffsetMember = Y.WeakListOffsetMember;
  D.DictOffsetMember = Y.DictOffsetMember;
  for (const std::string &H : Y.ObjectHeads)
    D.ObjectHeads.insert(H);
  D.TypeObjectRecord = Y.TypeObjectRecord;
  D.SpecRecord = Y.SpecRecord;
  D.SlotRecord = Y.SlotRecord;
  D.MemberDefRecord = Y.MemberDefRecord;
  D.GetSetDefRecord = Y.GetSetDefRecord;
  D.VisitProcTypedef = Y.VisitProcTypedef;
  D.ModuleDefRecord = Y.ModuleDefRecord;
  for (auto &[List, Names] : Y.Functions.Lists)
    for (const std::string &N : Names)
      D.Lists[List].insert(N);
  for (const YamlFromSpec &F : Y.Functions.FromSpec)
    D.FromSpecs.push_back({F.Name, F.Spec, F.Bases});
  for (const YamlContainerFill &F : Y.Functions.ContainerFills)
    D.ContainerFills.push_back({F.Name, F.Container, F.Values});
  for (const YamlArgParser &P : Y.Functions.ArgParsers)
    D.ArgParsers.push_back({P.Name, P.Format, P.Outputs});
  for (const std::string &T : Y.Functions.AcyclicTypes)
    D.AcyclicTypes.insert(T);
  for (const char *Flag : {"Py_TPFLAGS_HAVE_GC", "Py_TPFLAGS_HEAPTYPE",
                           "Py_TPFLAGS_MANAGED_DICT"})
    if (!D.Flags.count(Flag))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "%s: flag '%s' is missing",
                                     SourceName.str().c_str(), Flag);
  return M;
}

bool CPythonModel::inList(StringRef List, StringRef Name) const {
  auto It = Data.Lists.find(List);
  return It != Data.Lists.end() && It->second.contains(Name);
}

std::string CPythonModel::slotName(int64_t Id) const {
  auto It = Data.Slots.find(Id);
  return It == Data.Slots.end() ? std::string() : It->second;
}

bool CPythonModel::isModelledSlot(StringRef Name) const {
  return SlotNames.contains(Name);
}

uint64_t CPythonModel::flag(StringRef Name) const {
  auto It = Data.Flags.find(Name);
  return It == Data.Flags.end() ? 0 : It->second;
}

bool CPythonModel::isObjectMemberType(int Code) const {
  return llvm::is_contained(Data.ObjectMemberTypes, Code);
}

} // namespace cyclint
