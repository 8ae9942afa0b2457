//===- CxxRuntime.h - The C++ ownership runtime -----------------*- C++ -*-===//
//
// The runtime of C++ ownership types (std, boost, LLVM, Chromium, WebKit, Qt,
// COM, abseil and user tables): its section is the program's records
// (RecordFacts.h), its view the whole-program OwnershipGraph.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_CXXRUNTIME_H
#define CYCLINT_MODELS_CXX_CXXRUNTIME_H

#include "core/Runtime.h"
#include "models/cxx/OwnershipModel.h"
#include "models/cxx/RecordFacts.h"

namespace cyclint {

class CxxRuntime : public Runtime {
public:
  CxxRuntime() : Model(OwnershipModel::builtin()) {}

  llvm::StringRef name() const override { return CxxFacts::RuntimeName; }
  unsigned factsVersion() const override;
  llvm::Error addModelText(llvm::StringRef Text,
                           llvm::StringRef SourceName) override {
    return Model.addModelText(Text, SourceName);
  }
  std::unique_ptr<FactSection> extract(const TUContext &TU) const override;
  std::unique_ptr<FactSection> emptySection() const override;
  std::unique_ptr<FactSection> readSection(const llvm::json::Value &V,
                                           llvm::json::Path P) const override;
  std::unique_ptr<SectionDeduplicator> createDeduplicator() const override;
  std::unique_ptr<ProgramView>
  buildView(std::vector<std::unique_ptr<FactSection>> Sections) const override;

  const OwnershipModel &model() const { return Model; }

private:
  OwnershipModel Model;
};

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_CXXRUNTIME_H
