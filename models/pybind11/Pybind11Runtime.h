//===- Pybind11Runtime.h - The pybind11/nanobind runtime --------*- C++ -*-===//
//
// The runtime of C++ classes bound to Python by a binding generator
// (pybind11, nanobind: one runtime, since both bind classes with the same
// shapes and differ only in the spellings of models/pybind11/pybind11.yaml).
// Its section is BindingFacts, its view BindingProgram.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_PYBIND11_PYBIND11RUNTIME_H
#define CYCLINT_MODELS_PYBIND11_PYBIND11RUNTIME_H

#include "core/Runtime.h"
#include "models/pybind11/BindingFacts.h"
#include "models/pybind11/BindingModel.h"
#include "models/pybind11/BindingProgram.h"

namespace cyclint {

/// The "pybind11" section of one TU's facts.
class Pybind11Facts : public FactSection {
public:
  static constexpr const char *RuntimeName = BindingProgram::RuntimeName;
  BindingTUFacts Facts;

  bool empty() const override { return Facts.empty(); }
  llvm::json::Object toJSON() const override;
};

class Pybind11Runtime : public Runtime {
public:
  Pybind11Runtime();

  llvm::StringRef name() const override { return BindingProgram::RuntimeName; }
  unsigned factsVersion() const override;
  llvm::Error addModelText(llvm::StringRef Text,
                           llvm::StringRef SourceName) override;
  std::unique_ptr<FactSection> extract(const TUContext &TU) const override;
  std::unique_ptr<FactSection> emptySection() const override;
  std::unique_ptr<FactSection> readSection(const llvm::json::Value &V,
                                           llvm::json::Path P) const override;
  std::unique_ptr<ProgramView>
  buildView(std::vector<std::unique_ptr<FactSection>> Sections) const override;

private:
  BindingModel Model;
};

} // namespace cyclint

#endif // CYCLINT_MODELS_PYBIND11_PYBIND11RUNTIME_H
