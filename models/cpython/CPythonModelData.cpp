//===- CPythonModelData.cpp - The CPython model's tables, read from YAML --===//
//
// The schema of models/cpython/cpython.yaml (docs/MODELS.md, "CPython
// model"), its reader and the merge of user model files into it. Files are
// read with llvm::yaml::IO so that a typo in a key or a value of the wrong
// kind is an error naming the file and line, not a silently empty list: the
// model would otherwise just see less, and the checks would fall silent
// without anyone noticing. The built-in file must give every key; a user
// file gives only what it adds (lists append, an entry with the name of an
// earlier one replaces it, a scalar replaces the earlier value).
//
//===----------------------------------------------------------------------===//

#include "models/cpython/CPythonModel.h"
#include "core/InputError.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

using llvm::StringRef;

//===-- The YAML schema ---------------------------------------------------===//

namespace {
/// How a document is read: the built-in model must give every key (a typo
/// would otherwise be an empty list); an extension gives what it adds.
struct ReadMode {
  bool Extension = false;
};

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
struct YamlFormatUnit {
  std::string Unit;
  std::vector<cyclint::FormatArgument> Arguments;
};
struct YamlArgFormat {
  std::optional<std::string> Skip, Stop;
  std::vector<YamlFormatUnit> Units;
};
struct YamlFunctions {
  std::map<std::string, std::vector<std::string>> Lists;
  std::vector<YamlFromSpec> FromSpec;
  std::vector<YamlContainerFill> ContainerFills;
  std::vector<YamlArgParser> ArgParsers;
  std::vector<std::string> AcyclicTypes;
};
/// `runtime: cpython`: any other runtime's file is not for this model.
struct YamlRuntime {
  std::string Name;
};
struct YamlCPython {
  std::string Name, Description;
  std::optional<YamlRuntime> Runtime;
  std::vector<YamlFlag> Flags;
  std::vector<YamlSlot> Slots;
  std::vector<int> ObjectMemberTypes;
  std::optional<int> ReadOnlyFlag;
  std::optional<std::string> WeakListOffsetMember, DictOffsetMember;
  std::vector<std::string> ObjectHeads;
  std::optional<std::string> TypeObjectRecord, SpecRecord, SlotRecord,
      MemberDefRecord, GetSetDefRecord, VisitProcTypedef, ModuleDefRecord;
  YamlArgFormat ArgFormat;
  YamlFunctions Functions;
};

/// The function lists of the schema (`functions.<list>`).
const char *const FunctionLists[] = {
    "gcAllocUntracked", "gcTrack",  "gcUnTrack",           "freeMemory",
    "decref",           "typeOf",   "passThrough",         "acyclicConstructors",
    "acyclicGlobals",   "harmless", "containerConstructors",
    "visitManagedDict", "clearManagedDict", "moduleState",
    "attributeLookups", "objectType", "finalTypes", "exactTypeChecks",
    "internalSlots", "slotDefaults", "clearableContainers", "itemLookups",
    "borrowedResults", "incref", "newRef"};

bool isExtension(llvm::yaml::IO &IO) {
  return static_cast<const ReadMode *>(IO.getContext())->Extension;
}

/// A key every built-in model gives and an extension may leave out.
template <typename T>
void mapKey(llvm::yaml::IO &IO, const char *Key, T &Value) {
  if (isExtension(IO))
    IO.mapOptional(Key, Value);
  else
    IO.mapRequired(Key, Value);
}
template <typename T>
void mapKey(llvm::yaml::IO &IO, const char *Key, std::optional<T> &Value) {
  if (isExtension(IO)) {
    IO.mapOptional(Key, Value);
    return;
  }
  Value.emplace();
  IO.mapRequired(Key, *Value);
}
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(YamlFlag)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlSlot)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlFromSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlArgParser)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlContainerFill)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlFormatUnit)
LLVM_YAML_IS_FLOW_SEQUENCE_VECTOR(cyclint::FormatArgument)

namespace llvm::yaml {
template <> struct ScalarEnumerationTraits<cyclint::FormatArgument> {
  static void enumeration(IO &IO, cyclint::FormatArgument &A) {
    for (cyclint::FormatArgument Candidate :
         {cyclint::FormatArgument::Plain, cyclint::FormatArgument::Object,
          cyclint::FormatArgument::TypedObject,
          cyclint::FormatArgument::Acyclic, cyclint::FormatArgument::Unknown})
      IO.enumCase(A, cyclint::formatArgumentName(Candidate).data(),
                  Candidate);
  }
};
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
template <> struct MappingTraits<YamlFormatUnit> {
  static void mapping(IO &IO, YamlFormatUnit &U) {
    IO.mapRequired("unit", U.Unit);
    IO.mapRequired("arguments", U.Arguments);
  }
  static std::string validate(IO &, YamlFormatUnit &U) {
    return U.Unit.empty() ? "a format unit is at least one character" : "";
  }
};
template <> struct MappingTraits<YamlArgFormat> {
  static void mapping(IO &IO, YamlArgFormat &F) {
    mapKey(IO, "skip", F.Skip);
    mapKey(IO, "stop", F.Stop);
    mapKey(IO, "units", F.Units);
  }
};
template <> struct MappingTraits<YamlFunctions> {
  static void mapping(IO &IO, YamlFunctions &F) {
    for (const char *List : FunctionLists)
      mapKey(IO, List, F.Lists[List]);
    mapKey(IO, "fromSpec", F.FromSpec);
    mapKey(IO, "argParsers", F.ArgParsers);
    mapKey(IO, "containerFills", F.ContainerFills);
    mapKey(IO, "acyclicTypes", F.AcyclicTypes);
  }
};
template <> struct MappingTraits<YamlCPython> {
  static void mapping(IO &IO, YamlCPython &M) {
    IO.mapRequired("name", M.Name);
    IO.mapOptional("description", M.Description);
    // Model files name the runtime they extend (`--model` routes them);
    // only this one is accepted here.
    IO.mapOptional("runtime", M.Runtime);
    mapKey(IO, "flags", M.Flags);
    mapKey(IO, "slots", M.Slots);
    mapKey(IO, "objectMemberTypes", M.ObjectMemberTypes);
    mapKey(IO, "readOnlyFlag", M.ReadOnlyFlag);
    mapKey(IO, "weakListOffsetMember", M.WeakListOffsetMember);
    mapKey(IO, "dictOffsetMember", M.DictOffsetMember);
    mapKey(IO, "objectHeads", M.ObjectHeads);
    mapKey(IO, "typeObjectRecord", M.TypeObjectRecord);
    mapKey(IO, "specRecord", M.SpecRecord);
    mapKey(IO, "slotRecord", M.SlotRecord);
    mapKey(IO, "memberDefRecord", M.MemberDefRecord);
    mapKey(IO, "getSetDefRecord", M.GetSetDefRecord);
    mapKey(IO, "visitProcTypedef", M.VisitProcTypedef);
    mapKey(IO, "moduleDefRecord", M.ModuleDefRecord);
    mapKey(IO, "argFormat", M.ArgFormat);
    mapKey(IO, "functions", M.Functions);
  }
};
/// Checked as a scalar so that the error points at the value's line.
template <> struct ScalarTraits<YamlRuntime> {
  static void output(const YamlRuntime &R, void *, raw_ostream &OS) {
    OS << R.Name;
  }
  static StringRef input(StringRef Scalar, void *, YamlRuntime &R) {
    R.Name = Scalar.str();
    return Scalar == "cpython" ? StringRef()
                               : "a CPython model file must say 'runtime: "
                                 "cpython'";
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};
} // namespace llvm::yaml

namespace cyclint {

#include "CPythonModelData.inc" // CPythonModelText: models/cpython/cpython.yaml

StringRef formatArgumentName(FormatArgument A) {
  switch (A) {
  case FormatArgument::Plain:
    return "plain";
  case FormatArgument::Object:
    return "object";
  case FormatArgument::TypedObject:
    return "typedObject";
  case FormatArgument::Acyclic:
    return "acyclic";
  case FormatArgument::Unknown:
    return "unknown";
  }
  llvm_unreachable("unhandled format argument");
}

//===-- Reading and merging -----------------------------------------------===//

/// Parses one document; errors name the source and line.
static llvm::Error parseDocument(StringRef Text, StringRef SourceName,
                                 bool Extension, YamlCPython &Y) {
  std::string Diagnostic;
  // One line naming the first problem, whatever the text quotes.
  auto Handler = keepFirstYAMLDiagnostic;
  ReadMode Mode{Extension};
  llvm::yaml::Input In(Text, &Mode, Handler, &Diagnostic);
  In >> Y;
  if (In.error())
    return llvm::createStringError(In.error(), "%s:%s",
                                   SourceName.str().c_str(),
                                   Diagnostic.empty() ? " invalid model"
                                                      : Diagnostic.c_str());
  return llvm::Error::success();
}

/// Entries are keyed by name: a later one replaces an earlier one in place,
/// a new one is appended.
template <typename T>
static void upsert(std::vector<T> &Entries, T Entry) {
  for (T &E : Entries)
    if (E.Name == Entry.Name) {
      E = std::move(Entry);
      return;
    }
  Entries.push_back(std::move(Entry));
}

template <typename T>
static void assignIfSet(T &Field, const std::optional<T> &Value) {
  if (Value)
    Field = *Value;
}

static void merge(CPythonModelData &D, const YamlCPython &Y) {
  if (D.Name.empty())
    D.Name = Y.Name;
  for (const YamlFlag &F : Y.Flags)
    D.Flags[F.Name] = F.Value;
  for (const YamlSlot &S : Y.Slots) {
    // One id per slot name: a new id for a name replaces the old one.
    for (auto It = D.Slots.begin(); It != D.Slots.end();)
      It = It->second == S.Name ? D.Slots.erase(It) : std::next(It);
    D.Slots[S.Id] = S.Name;
    D.SlotNames.insert(S.Name);
  }
  llvm::append_range(D.ObjectMemberTypes, Y.ObjectMemberTypes);
  assignIfSet(D.ReadOnlyFlag, Y.ReadOnlyFlag);
  assignIfSet(D.WeakListOffsetMember, Y.WeakListOffsetMember);
  assignIfSet(D.DictOffsetMember, Y.DictOffsetMember);
  for (const std::string &H : Y.ObjectHeads)
    D.ObjectHeads.insert(H);
  assignIfSet(D.TypeObjectRecord, Y.TypeObjectRecord);
  assignIfSet(D.SpecRecord, Y.SpecRecord);
  assignIfSet(D.SlotRecord, Y.SlotRecord);
  assignIfSet(D.MemberDefRecord, Y.MemberDefRecord);
  assignIfSet(D.GetSetDefRecord, Y.GetSetDefRecord);
  assignIfSet(D.VisitProcTypedef, Y.VisitProcTypedef);
  assignIfSet(D.ModuleDefRecord, Y.ModuleDefRecord);
  assignIfSet(D.FormatSkip, Y.ArgFormat.Skip);
  assignIfSet(D.FormatStop, Y.ArgFormat.Stop);
  for (const YamlFormatUnit &U : Y.ArgFormat.Units)
    upsert(D.FormatUnits, {U.Unit, U.Arguments});
  for (auto &[List, Names] : Y.Functions.Lists)
    for (const std::string &N : Names)
      D.Lists[List].insert(N);
  for (const YamlFromSpec &F : Y.Functions.FromSpec)
    upsert(D.FromSpecs, {F.Name, F.Spec, F.Bases});
  for (const YamlContainerFill &F : Y.Functions.ContainerFills)
    upsert(D.ContainerFills, {F.Name, F.Container, F.Values});
  for (const YamlArgParser &P : Y.Functions.ArgParsers)
    upsert(D.ArgParsers, {P.Name, P.Format, P.Outputs});
  for (const std::string &T : Y.Functions.AcyclicTypes)
    D.AcyclicTypes.insert(T);
}

const CPythonModel &CPythonModel::builtin() {
  static const CPythonModel Model =
      llvm::cantFail(fromYAML(CPythonModelText, "models/cpython/cpython.yaml"));
  return Model;
}

llvm::Expected<CPythonModel> CPythonModel::fromYAML(StringRef Text,
                                                   StringRef SourceName) {
  YamlCPython Y;
  if (llvm::Error E = parseDocument(Text, SourceName, /*Extension=*/false, Y))
    return E;
  CPythonModel M;
  merge(M.Data, Y);
  for (const char *Flag : {"Py_TPFLAGS_HAVE_GC", "Py_TPFLAGS_HEAPTYPE",
                           "Py_TPFLAGS_MANAGED_DICT"})
    if (!M.Data.Flags.count(Flag))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "%s: flag '%s' is missing",
                                     SourceName.str().c_str(), Flag);
  return M;
}

llvm::Error CPythonModel::addModelText(StringRef Text, StringRef SourceName) {
  YamlCPython Y;
  if (llvm::Error E = parseDocument(Text, SourceName, /*Extension=*/true, Y))
    return E;
  merge(Data, Y);
  return llvm::Error::success();
}

llvm::Error CPythonModel::addModelFile(StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createFileError(Path, Buffer.getError());
  return addModelText((*Buffer)->getBuffer(), Path);
}

//===-- Questions ---------------------------------------------------------===//

bool CPythonModel::inList(StringRef List, StringRef Name) const {
  auto It = Data.Lists.find(List);
  return It != Data.Lists.end() && It->second.contains(Name);
}

std::string CPythonModel::slotName(int64_t Id) const {
  auto It = Data.Slots.find(Id);
  return It == Data.Slots.end() ? std::string() : It->second;
}

bool CPythonModel::isModelledSlot(StringRef Name) const {
  return Data.SlotNames.contains(Name);
}

uint64_t CPythonModel::flag(StringRef Name) const {
  auto It = Data.Flags.find(Name);
  return It == Data.Flags.end() ? 0 : It->second;
}

bool CPythonModel::isObjectMemberType(int Code) const {
  return llvm::is_contained(Data.ObjectMemberTypes, Code);
}

const CPythonModelData::FormatUnit *
CPythonModel::formatUnit(StringRef Format) const {
  const CPythonModelData::FormatUnit *Longest = nullptr;
  for (const CPythonModelData::FormatUnit &U : Data.FormatUnits)
    if (Format.starts_with(U.Name) &&
        (!Longest || U.Name.size() > Longest->Name.size()))
      Longest = &U;
  return Longest;
}

} // namespace cyclint
