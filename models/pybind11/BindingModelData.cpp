//===- BindingModelData.cpp - The binding model's tables, read from YAML --===//
//
// The schema of models/pybind11/pybind11.yaml (docs/MODELS.md, "pybind11
// model") and its reader. Read with llvm::yaml::IO, so that a typo in a key
// is an error naming the file and line rather than a silently empty list (a
// model that sees less makes the check fall silent unnoticed). The built-in
// file gives every key; a user file gives what it adds.
//
//===----------------------------------------------------------------------===//

#include "models/pybind11/BindingModel.h"
#include "core/InputError.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

#include <optional>

using llvm::StringRef;

namespace {
struct ReadMode {
  bool Extension = false;
};
bool isExtension(llvm::yaml::IO &IO) {
  return static_cast<const ReadMode *>(IO.getContext())->Extension;
}
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

/// `runtime: pybind11`: a file for another runtime is not for this model.
struct YamlRuntime {
  std::string Name;
};
struct YamlBinding {
  std::optional<YamlRuntime> Runtime;
  std::vector<cyclint::BindingLibrary> Libraries;
  std::vector<std::string> Containers, Callables, Inserters, PassThrough,
      PassThroughMethods, Releases, ReleaseMethods;
  std::optional<uint64_t> HaveGCFlag;
  std::optional<int64_t> TraverseSlotId, ClearSlotId;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(cyclint::BindingLibrary)

namespace llvm::yaml {
template <> struct MappingTraits<cyclint::BindingLibrary> {
  static void mapping(IO &IO, cyclint::BindingLibrary &L) {
    // A library entry is always complete: it replaces one of the same name.
    IO.mapRequired("name", L.Name);
    IO.mapRequired("namespace", L.Namespace);
    IO.mapRequired("classTemplate", L.ClassTemplate);
    IO.mapRequired("objectClass", L.ObjectClass);
    IO.mapRequired("handleClass", L.HandleClass);
    IO.mapRequired("acyclicClasses", L.AcyclicClasses);
    IO.mapRequired("mutableClasses", L.MutableClasses);
    IO.mapRequired("readWrite", L.ReadWrite);
    IO.mapRequired("readOnly", L.ReadOnly);
    IO.mapRequired("properties", L.Properties);
    IO.mapRequired("methods", L.Methods);
    IO.mapRequired("initTemplates", L.InitTemplates);
    IO.mapRequired("keepAlive", L.KeepAlive);
    IO.mapRequired("dynamicAttr", L.DynamicAttr);
    IO.mapRequired("typeSetup", L.TypeSetup);
    IO.mapRequired("typeSlots", L.TypeSlots);
    IO.mapRequired("casterTemplate", L.CasterTemplate);
  }
  static std::string validate(IO &, cyclint::BindingLibrary &L) {
    return L.Name.empty() || L.Namespace.empty() || L.ClassTemplate.empty()
               ? "a library needs a name, a namespace and a class template"
               : "";
  }
};
template <> struct MappingTraits<YamlBinding> {
  static void mapping(IO &IO, YamlBinding &M) {
    IO.mapOptional("runtime", M.Runtime);
    mapKey(IO, "libraries", M.Libraries);
    mapKey(IO, "containers", M.Containers);
    mapKey(IO, "callables", M.Callables);
    mapKey(IO, "inserters", M.Inserters);
    mapKey(IO, "passThrough", M.PassThrough);
    mapKey(IO, "passThroughMethods", M.PassThroughMethods);
    mapKey(IO, "releases", M.Releases);
    mapKey(IO, "releaseMethods", M.ReleaseMethods);
    mapKey(IO, "haveGCFlag", M.HaveGCFlag);
    mapKey(IO, "traverseSlotId", M.TraverseSlotId);
    mapKey(IO, "clearSlotId", M.ClearSlotId);
  }
};
template <> struct ScalarTraits<YamlRuntime> {
  static void output(const YamlRuntime &R, void *, raw_ostream &OS) {
    OS << R.Name;
  }
  static StringRef input(StringRef Scalar, void *, YamlRuntime &R) {
    R.Name = Scalar.str();
    return Scalar == "pybind11" ? StringRef()
                                : "a pybind11 model file must say 'runtime: "
                                  "pybind11'";
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};
} // namespace llvm::yaml

namespace cyclint {

#include "Pybind11ModelData.inc" // Pybind11ModelText: models/pybind11/pybind11.yaml

static llvm::Error parseDocument(StringRef Text, StringRef SourceName,
                                 bool Extension, YamlBinding &Y) {
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

static void merge(BindingModelData &D, const YamlBinding &Y) {
  for (const BindingLibrary &L : Y.Libraries) {
    auto It = llvm::find_if(D.Libraries, [&](const BindingLibrary &Old) {
      return Old.Name == L.Name;
    });
    if (It != D.Libraries.end())
      *It = L;
    else
      D.Libraries.push_back(L);
  }
  for (auto [Set, List] :
       {std::pair(&D.Containers, &Y.Containers),
        std::pair(&D.Callables, &Y.Callables),
        std::pair(&D.Inserters, &Y.Inserters),
        std::pair(&D.PassThrough, &Y.PassThrough),
        std::pair(&D.PassThroughMethods, &Y.PassThroughMethods),
        std::pair(&D.Releases, &Y.Releases),
        std::pair(&D.ReleaseMethods, &Y.ReleaseMethods)})
    for (const std::string &Name : *List)
      Set->insert(Name);
  if (Y.HaveGCFlag)
    D.HaveGCFlag = *Y.HaveGCFlag;
  if (Y.TraverseSlotId)
    D.TraverseSlotId = *Y.TraverseSlotId;
  if (Y.ClearSlotId)
    D.ClearSlotId = *Y.ClearSlotId;
}

const BindingModel &BindingModel::builtin() {
  static const BindingModel Model = llvm::cantFail(
      fromYAML(Pybind11ModelText, "models/pybind11/pybind11.yaml"));
  return Model;
}

llvm::Expected<BindingModel> BindingModel::fromYAML(StringRef Text,
                                                    StringRef SourceName) {
  YamlBinding Y;
  if (llvm::Error E = parseDocument(Text, SourceName, /*Extension=*/false, Y))
    return std::move(E);
  BindingModel M;
  merge(M.Data, Y);
  return M;
}

llvm::Error BindingModel::addModelText(StringRef Text, StringRef SourceName) {
  YamlBinding Y;
  if (llvm::Error E = parseDocument(Text, SourceName, /*Extension=*/true, Y))
    return E;
  merge(Data, Y);
  return llvm::Error::success();
}

} // namespace cyclint
