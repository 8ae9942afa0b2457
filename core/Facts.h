//===- Facts.h - One TU's facts: a container of runtime sections -*- C++ -*-===//
//
// The unit of work between the per-TU step and the whole-program step: what
// one translation unit contributes, as one section per runtime (Runtime.h).
// The core knows a section only as an opaque FactSection; each runtime reads
// and writes its own. Facts files are JSON (docs/FACTS.md):
//
//   {"format": "cyclint-facts", "version": 4, "mainFile": ..., "directory": ...,
//    "strongBackLinks": [{"file": ..., "line": ..., "col": ...}],
//    "sections": {"cxx": {"version": 1, ...}, "cpython": {"version": 1, ...}}}
//
// The file version covers this envelope; each section carries its runtime's
// own version, so that one runtime's format can change without touching the
// others. A reader refuses any version it does not write: stale facts from
// another cyclint fail loudly rather than silently dropping edges.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_FACTS_H
#define CYCLINT_CORE_FACTS_H

#include "core/Runtime.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cyclint {

constexpr int FactsFormatVersion = 4;

/// Everything one translation unit contributes.
struct TUFacts {
  std::string MainFile;
  std::string Directory;
  /// Declarations marked CYCLINT_STRONG_BACK_LINK (core/Suppression.h),
  /// whatever the runtime: Program::strongBackLinks() after the merge.
  std::vector<SourceLocation> StrongBackLinks;
  /// One per runtime of the run, in the order of the runtime list.
  std::vector<std::pair<std::string, std::unique_ptr<FactSection>>> Sections;

  /// The section of runtime `Name`, or null.
  FactSection *section(llvm::StringRef Name) const;
  /// The section of the runtime whose sections are of type `SectionT`
  /// (`SectionT::RuntimeName`), or null. As for views, a runtime writes
  /// sections of one type only.
  template <typename SectionT> SectionT *section() const {
    return static_cast<SectionT *>(section(SectionT::RuntimeName));
  }
};

/// Extracts every runtime's section from a parsed TU.
TUFacts extractFacts(const RuntimeList &Runtimes, const TUContext &TU);

llvm::json::Value toJSON(const TUFacts &Facts, const RuntimeList &Runtimes);
llvm::Expected<TUFacts> factsFromJSON(const llvm::json::Value &Value,
                                      const RuntimeList &Runtimes);

/// Writes atomically (a reader never sees a half-written file).
llvm::Error writeFactsFile(const TUFacts &Facts, const RuntimeList &Runtimes,
                           llvm::StringRef Path);
llvm::Expected<TUFacts> readFactsFile(llvm::StringRef Path,
                                      const RuntimeList &Runtimes);
/// readFactsFile() of text already in memory; errors name `Path`.
llvm::Expected<TUFacts> parseFacts(llvm::StringRef Text, llvm::StringRef Path,
                                   const RuntimeList &Runtimes);

} // namespace cyclint

#endif // CYCLINT_CORE_FACTS_H
