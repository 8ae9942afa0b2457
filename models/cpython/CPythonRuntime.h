//===- CPythonRuntime.h - The CPython C-API runtime -------------*- C++ -*-===//
//
// The runtime of CPython extension modules: its section is what the CPython
// model reads from a TU (PythonFacts.h: extension structs, type objects,
// slots, function summaries), its view the whole-program PythonProgram.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CPYTHON_CPYTHONRUNTIME_H
#define CYCLINT_MODELS_CPYTHON_CPYTHONRUNTIME_H

#include "core/Runtime.h"
#include "models/cpython/CPythonModel.h"
#include "models/cpython/PythonFacts.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint {

/// The "cpython" section of one TU's facts.
class CPythonFacts : public FactSection {
public:
  static constexpr const char *RuntimeName = PythonProgram::RuntimeName;
  PythonTUFacts Facts;

  /// A TU that includes Python.h says so (its version) even with no types.
  bool empty() const override { return Facts.empty() && !Facts.VersionHex; }
  llvm::json::Object toJSON() const override;
};

class CPythonRuntime : public Runtime {
public:
  CPythonRuntime();

  llvm::StringRef name() const override {
    return PythonProgram::RuntimeName;
  }
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
  CPythonModel Model;
};

} // namespace cyclint

#endif // CYCLINT_MODELS_CPYTHON_CPYTHONRUNTIME_H
