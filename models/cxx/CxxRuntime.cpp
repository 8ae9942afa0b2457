//===- CxxRuntime.cpp - The C++ ownership runtime -------------------------===//

#include "models/cxx/CxxRuntime.h"
#include "models/cxx/OwnershipGraph.h"
#include "models/cxx/RecordExtractor.h"
#include "models/cxx/RecordFacts.h"

namespace cyclint {

unsigned CxxRuntime::factsVersion() const { return CxxFactsVersion; }

std::unique_ptr<FactSection> CxxRuntime::extract(const TUContext &TU) const {
  return std::make_unique<CxxFacts>(extractRecords(TU, Model));
}

std::unique_ptr<FactSection> CxxRuntime::emptySection() const {
  return std::make_unique<CxxFacts>();
}

std::unique_ptr<FactSection>
CxxRuntime::readSection(const llvm::json::Value &V, llvm::json::Path P) const {
  auto Facts = std::make_unique<CxxFacts>();
  if (!CxxFacts::fromJSON(V, *Facts, P))
    return nullptr;
  return Facts;
}

std::unique_ptr<SectionDeduplicator> CxxRuntime::createDeduplicator() const {
  return std::make_unique<RecordDeduplicator>();
}

std::unique_ptr<ProgramView> CxxRuntime::buildView(
    std::vector<std::unique_ptr<FactSection>> Sections) const {
  std::vector<CxxFacts> TUs;
  TUs.reserve(Sections.size());
  for (std::unique_ptr<FactSection> &S : Sections)
    TUs.push_back(std::move(static_cast<CxxFacts &>(*S)));
  return std::make_unique<OwnershipGraph>(OwnershipGraph::build(std::move(TUs), wholeProgram()));
}

} // namespace cyclint
