//===- Pybind11Runtime.cpp - The pybind11/nanobind runtime ----------------===//

#include "models/pybind11/Pybind11Runtime.h"
#include "models/pybind11/BindingExtractor.h"

namespace cyclint {

/// The "pybind11" section's format; bump when BindingFacts' JSON changes.
constexpr unsigned Pybind11FactsVersion = 1;

llvm::json::Object Pybind11Facts::toJSON() const {
  return cyclint::toJSON(Facts);
}

Pybind11Runtime::Pybind11Runtime() : Model(BindingModel::builtin()) {}

unsigned Pybind11Runtime::factsVersion() const { return Pybind11FactsVersion; }

llvm::Error Pybind11Runtime::addModelText(llvm::StringRef Text,
                                          llvm::StringRef SourceName) {
  return Model.addModelText(Text, SourceName);
}

std::unique_ptr<FactSection>
Pybind11Runtime::extract(const TUContext &TU) const {
  auto Section = std::make_unique<Pybind11Facts>();
  Section->Facts = extractBindings(Model, TU);
  return Section;
}

std::unique_ptr<FactSection> Pybind11Runtime::emptySection() const {
  return std::make_unique<Pybind11Facts>();
}

std::unique_ptr<FactSection>
Pybind11Runtime::readSection(const llvm::json::Value &V,
                             llvm::json::Path P) const {
  auto Section = std::make_unique<Pybind11Facts>();
  if (!fromJSON(V, Section->Facts, P))
    return nullptr;
  return Section;
}

std::unique_ptr<ProgramView> Pybind11Runtime::buildView(
    std::vector<std::unique_ptr<FactSection>> Sections) const {
  std::vector<BindingTUFacts> TUs;
  TUs.reserve(Sections.size());
  for (std::unique_ptr<FactSection> &S : Sections)
    TUs.push_back(std::move(static_cast<Pybind11Facts &>(*S).Facts));
  return std::make_unique<BindingProgram>(BindingProgram::build(std::move(TUs)));
}

} // namespace cyclint
