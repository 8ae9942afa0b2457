//===- Facts.cpp - The facts envelope and its JSON form -------------------===//
//
// The core writes the envelope (format, version, TU identity) and hands each
// section to its runtime. A file is read whole or refused whole: a section
// that fails to read makes the TU a failure, never a TU with half its facts.
//
//===----------------------------------------------------------------------===//

#include "core/Facts.h"
#include "core/Suppression.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cyclint {

json::Value toJSON(const SourceLocation &L) {
  return json::Object{{"file", L.File}, {"line", L.Line}, {"col", L.Column}};
}

bool fromJSON(const json::Value &V, SourceLocation &L, json::Path P) {
  json::ObjectMapper O(V, P);
  int64_t Line = 0, Column = 0;
  if (!O || !O.map("file", L.File) || !O.map("line", Line) ||
      !O.map("col", Column))
    return false;
  L.Line = Line;
  L.Column = Column;
  return true;
}

FactSection *TUFacts::section(StringRef Name) const {
  for (const auto &[SectionName, Section] : Sections)
    if (SectionName == Name)
      return Section.get();
  return nullptr;
}

TUFacts extractFacts(const RuntimeList &Runtimes, const TUContext &TU) {
  TUFacts Facts;
  Facts.MainFile = TU.mainFile().str();
  Facts.Directory = TU.directory().str();
  Facts.StrongBackLinks = findStrongBackLinks(TU);
  for (const std::unique_ptr<Runtime> &R : Runtimes)
    Facts.Sections.emplace_back(R->name().str(), R->extract(TU));
  return Facts;
}

json::Value toJSON(const TUFacts &Facts, const RuntimeList &Runtimes) {
  json::Object Sections;
  for (const std::unique_ptr<Runtime> &R : Runtimes) {
    const FactSection *S = Facts.section(R->name());
    if (!S || S->empty())
      continue;
    json::Object Section = S->toJSON();
    Section["version"] = R->factsVersion();
    Sections[R->name()] = std::move(Section);
  }
  return json::Object{{"format", "cyclint-facts"},
                      {"version", FactsFormatVersion},
                      {"mainFile", Facts.MainFile},
                      {"directory", Facts.Directory},
                      {"strongBackLinks", Facts.StrongBackLinks},
                      {"sections", std::move(Sections)}};
}

Expected<TUFacts> factsFromJSON(const json::Value &V,
                                const RuntimeList &Runtimes) {
  json::Path::Root Root("facts");
  json::ObjectMapper O(V, Root);
  std::string Format;
  int Version = 0;
  TUFacts Facts;
  if (!O || !O.map("format", Format) || !O.map("version", Version))
    return Root.getError();
  if (Format != "cyclint-facts")
    return createStringError(inconvertibleErrorCode(),
                             "not a cyclint facts file");
  if (Version < FactsFormatVersion)
    return createStringError(
        inconvertibleErrorCode(),
        "facts format version %d, this cyclint reads %d: written by an older "
        "cyclint, export the facts again",
        Version, FactsFormatVersion);
  if (Version != FactsFormatVersion)
    return createStringError(inconvertibleErrorCode(),
                             "facts format version %d, this cyclint reads %d",
                             Version, FactsFormatVersion);
  const json::Object *Sections = nullptr;
  if (!O.map("mainFile", Facts.MainFile) ||
      !O.map("directory", Facts.Directory) ||
      !O.mapOptional("strongBackLinks", Facts.StrongBackLinks))
    return Root.getError();
  Sections = V.getAsObject()->getObject("sections");
  if (!Sections)
    return createStringError(inconvertibleErrorCode(),
                             "'sections' is missing or not an object");
  // json::Path links to its parent: every level must outlive its children.
  json::Path RootPath(Root);
  json::Path SectionsPath = RootPath.field("sections");
  // Every section must belong to a runtime of this run: an unknown one is a
  // file from another cyclint (or a runtime this front end does not load),
  // and dropping it would silently lose facts.
  std::vector<std::string> Known;
  for (const std::unique_ptr<Runtime> &R : Runtimes)
    Known.push_back(R->name().str());
  std::vector<std::string> Names;
  for (const auto &KV : *Sections)
    Names.push_back(KV.first.str());
  llvm::sort(Names);
  for (const std::string &Name : Names)
    if (!llvm::is_contained(Known, Name))
      return createStringError(inconvertibleErrorCode(),
                               "unknown section 'sections.%s' (this cyclint "
                               "reads %s)",
                               Name.c_str(), join(Known, ", ").c_str());
  for (const std::unique_ptr<Runtime> &R : Runtimes) {
    const json::Value *S = Sections->get(R->name());
    if (!S) {
      Facts.Sections.emplace_back(R->name().str(), R->emptySection());
      continue;
    }
    json::Path P = SectionsPath.field(R->name());
    std::optional<int64_t> SectionVersion;
    if (const json::Object *Obj = S->getAsObject())
      SectionVersion = Obj->getInteger("version");
    if (!SectionVersion) {
      P.field("version").report("expected an integer");
      return Root.getError();
    }
    if (*SectionVersion != R->factsVersion())
      return createStringError(
          inconvertibleErrorCode(),
          "section '%s' has version %lld, this cyclint reads %u",
          R->name().str().c_str(), (long long)*SectionVersion,
          R->factsVersion());
    std::unique_ptr<FactSection> Section = R->readSection(*S, P);
    if (!Section)
      return Root.getError();
    Facts.Sections.emplace_back(R->name().str(), std::move(Section));
  }
  return Facts;
}

Error writeFactsFile(const TUFacts &Facts, const RuntimeList &Runtimes,
                     StringRef Path) {
  // writeToOutput writes a temporary next to Path and renames it: a reader
  // (or a crash) never sees a half-written file.
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << toJSON(Facts, Runtimes) << "\n"; // compact: big TUs are megabytes
    return Error::success();
  });
}

Expected<TUFacts> readFactsFile(StringRef Path, const RuntimeList &Runtimes) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createFileError(Path, Buffer.getError());
  return parseFacts((*Buffer)->getBuffer(), Path, Runtimes);
}

Expected<TUFacts> parseFacts(StringRef Text, StringRef Path,
                             const RuntimeList &Runtimes) {
  auto Value = json::parse(Text);
  if (!Value)
    return createFileError(Path, Value.takeError());
  auto Facts = factsFromJSON(*Value, Runtimes);
  if (!Facts)
    return createFileError(Path, Facts.takeError());
  return Facts;
}

} // namespace cyclint
