//===- CPythonRuntime.cpp - The CPython C-API runtime ---------------------===//

#include "models/cpython/CPythonRuntime.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint {

/// The "cpython" section's format; bump when PythonFacts' JSON changes.
constexpr unsigned CPythonFactsVersion = 3;

llvm::json::Object CPythonFacts::toJSON() const {
  llvm::json::Value V = cyclint::toJSON(Facts);
  return std::move(*V.getAsObject());
}

CPythonRuntime::CPythonRuntime() : Model(CPythonModel::builtin()) {}

unsigned CPythonRuntime::factsVersion() const { return CPythonFactsVersion; }

llvm::Error CPythonRuntime::addModelText(llvm::StringRef Text,
                                         llvm::StringRef SourceName) {
  return Model.addModelText(Text, SourceName);
}

std::unique_ptr<FactSection>
CPythonRuntime::extract(const TUContext &TU) const {
  auto Section = std::make_unique<CPythonFacts>();
  Section->Facts = Model.extract(
      TU.ast(), TU.preprocessor(),
      [&](clang::SourceLocation L) { return TU.location(L); }, TU.mainFile());
  return Section;
}

std::unique_ptr<FactSection> CPythonRuntime::emptySection() const {
  return std::make_unique<CPythonFacts>();
}

std::unique_ptr<FactSection>
CPythonRuntime::readSection(const llvm::json::Value &V,
                            llvm::json::Path P) const {
  auto Section = std::make_unique<CPythonFacts>();
  if (!fromJSON(V, Section->Facts, P))
    return nullptr;
  return Section;
}

std::unique_ptr<ProgramView> CPythonRuntime::buildView(
    std::vector<std::unique_ptr<FactSection>> Sections) const {
  std::vector<PythonTUFacts> TUs;
  TUs.reserve(Sections.size());
  for (std::unique_ptr<FactSection> &S : Sections)
    TUs.push_back(std::move(static_cast<CPythonFacts &>(*S).Facts));
  return std::make_unique<PythonProgram>(
      PythonProgram::build(std::move(TUs), Model));
}

} // namespace cyclint
