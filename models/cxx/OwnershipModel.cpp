//===- OwnershipModel.cpp - Loading model files ---------------------------===//
//
// YAML model files are read with llvm::yaml::IO so that a typo in a field
// name or an unknown edge kind is an error naming the file and line, not a
// silently ignored rule.
//
//===----------------------------------------------------------------------===//

#include "models/cxx/OwnershipModel.h"
#include "core/InputError.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

using namespace llvm;

namespace {
struct YamlTypeRule {
  std::string Name;
  std::string Kind;
  std::vector<std::string> Arguments;
  bool Collection = false;
  bool Callable = false;
};
struct YamlModel {
  std::string Runtime; // optional; "cxx" when given (core/Runtime.h routes)
  std::string Name;
  std::string Description;
  std::vector<YamlTypeRule> Types;
  std::vector<std::string> Factories;
  std::vector<std::string> Binders;
};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(YamlTypeRule)

namespace llvm::yaml {
template <> struct MappingTraits<YamlTypeRule> {
  static void mapping(IO &IO, YamlTypeRule &R) {
    IO.mapRequired("name", R.Name);
    IO.mapRequired("kind", R.Kind);
    IO.mapOptional("arguments", R.Arguments);
    IO.mapOptional("collection", R.Collection, false);
    IO.mapOptional("callable", R.Callable, false);
  }
  static std::string validate(IO &, YamlTypeRule &R) {
    if (!cyclint::parseEdgeKind(R.Kind))
      return "unknown kind '" + R.Kind +
             "' (expected strong, owning, weak, borrowed or unknown)";
    for (const std::string &A : R.Arguments) {
      unsigned Index;
      if (A != "all" && StringRef(A).getAsInteger(10, Index))
        return "argument '" + A + "' is neither an index nor 'all'";
    }
    return "";
  }
};
template <> struct MappingTraits<YamlModel> {
  static void mapping(IO &IO, YamlModel &M) {
    IO.mapOptional("runtime", M.Runtime);
    IO.mapRequired("name", M.Name);
    IO.mapOptional("description", M.Description);
    IO.mapRequired("types", M.Types);
    IO.mapOptional("factories", M.Factories);
    IO.mapOptional("binders", M.Binders);
  }
  static std::string validate(IO &, YamlModel &M) {
    if (!M.Runtime.empty() && M.Runtime != "cxx")
      return "runtime '" + M.Runtime + "' is not this model's (cxx)";
    return "";
  }
};
} // namespace llvm::yaml

namespace cyclint {

#include "ModelsData.inc" // BuiltinModels[]: {name, text} of models/cxx/*.yaml

OwnershipModel OwnershipModel::builtin() {
  // Read once per process (every runtime, hence every run and every unit
  // test, starts from a copy), as the CPython and pybind11 models are.
  static const OwnershipModel Builtin = [] {
    OwnershipModel Model;
    for (const auto &Entry : BuiltinModels)
      cantFail(Model.addModelText(Entry.Text, Entry.Name));
    return Model;
  }();
  return Builtin;
}

Error OwnershipModel::addModelText(StringRef Text, StringRef SourceName) {
  std::string Diagnostic;
  // One line naming the first problem, whatever the text quotes.
  auto Handler = keepFirstYAMLDiagnostic;
  yaml::Input In(Text, nullptr, Handler, &Diagnostic);
  YamlModel Parsed;
  In >> Parsed;
  if (In.error())
    return createStringError(In.error(), "%s:%s", SourceName.str().c_str(),
                             Diagnostic.empty() ? " invalid model"
                                                : Diagnostic.c_str());
  for (const YamlTypeRule &Y : Parsed.Types) {
    TypeRule R;
    R.Name = Y.Name;
    R.Kind = *parseEdgeKind(Y.Kind);
    R.ModelName = Parsed.Name;
    R.Collection = Y.Collection;
    R.Callable = Y.Callable;
    for (const std::string &A : Y.Arguments) {
      if (A == "all")
        R.AllArguments = true;
      else
        R.Arguments.push_back(std::stoul(A));
    }
    Rules[R.Name] = std::move(R);
  }
  for (const std::string &F : Parsed.Factories)
    Factories.insert(F);
  for (const std::string &B : Parsed.Binders)
    Binders.insert(B);
  ModelNames.push_back(Parsed.Name);
  return Error::success();
}

Error OwnershipModel::addModelFile(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createFileError(Path, Buffer.getError());
  return addModelText((*Buffer)->getBuffer(), Path);
}

bool OwnershipModel::isFactory(StringRef QualifiedName) const {
  return Factories.contains(QualifiedName);
}

bool OwnershipModel::isBinder(StringRef QualifiedName) const {
  return Binders.contains(QualifiedName);
}

const TypeRule *OwnershipModel::lookup(StringRef QualifiedName) const {
  auto It = Rules.find(QualifiedName);
  return It == Rules.end() ? nullptr : &It->second;
}

} // namespace cyclint
