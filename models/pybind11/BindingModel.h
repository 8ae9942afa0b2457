//===- BindingModel.h - What the binding generators look like ---*- C++ -*-===//
//
// The tables of the pybind11 runtime (models/pybind11/pybind11.yaml): for each
// binding library (pybind11, nanobind) the spellings of its class template,
// its reference holders, its def_* methods and its type-setup extras; and the
// standard containers, callables and functions the extractor sees through.
// Data, not code: one runtime reads both libraries because they have the same
// shape and differ only in these names. User files (`runtime: pybind11`) add
// libraries or replace one of the same name.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_PYBIND11_BINDINGMODEL_H
#define CYCLINT_MODELS_PYBIND11_BINDINGMODEL_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cyclint {

/// One binding library's spellings, relative to its namespace.
struct BindingLibrary {
  std::string Name;      // "pybind11"
  std::string Namespace; // "pybind11"
  std::string ClassTemplate;
  std::string ObjectClass;
  std::string HandleClass;
  std::vector<std::string> AcyclicClasses;
  std::vector<std::string> MutableClasses;
  std::vector<std::string> ReadWrite;
  std::vector<std::string> ReadOnly;
  std::vector<std::string> Properties;
  std::vector<std::string> Methods;
  std::vector<std::string> InitTemplates;
  std::string KeepAlive;
  std::string DynamicAttr;
  std::string TypeSetup; // "" when the library has none
  std::string TypeSlots; // "" when the library has none
  std::string CasterTemplate;
};

struct BindingModelData {
  std::vector<BindingLibrary> Libraries;
  llvm::StringSet<> Containers;
  llvm::StringSet<> Callables;
  llvm::StringSet<> Inserters;
  llvm::StringSet<> PassThrough;
  llvm::StringSet<> PassThroughMethods;
  llvm::StringSet<> Releases;
  llvm::StringSet<> ReleaseMethods;
  uint64_t HaveGCFlag = 0;
  int64_t TraverseSlotId = -1;
  int64_t ClearSlotId = -1;
};

class BindingModel {
public:
  /// The built-in model (models/pybind11/pybind11.yaml, compiled in).
  static const BindingModel &builtin();
  /// Reads a complete model document (every key required).
  static llvm::Expected<BindingModel> fromYAML(llvm::StringRef Text,
                                               llvm::StringRef SourceName);
  /// Adds a user document: lists append, a library of a known name replaces
  /// it. Errors name `SourceName` and the line.
  llvm::Error addModelText(llvm::StringRef Text, llvm::StringRef SourceName);

  const BindingModelData &data() const { return Data; }

private:
  BindingModelData Data;
};

} // namespace cyclint

#endif // CYCLINT_MODELS_PYBIND11_BINDINGMODEL_H
