//===- Suppression.h - NOLINT comments and annotations that hide findings -*-
//C++ -*-===//
//
// What lets a user silence one finding in the source, the same way in every
// front end (the CLI and the clang-tidy module):
//
//   // NOLINT / NOLINT(cyclint-ownership-cycle)   on a line of the warning or
//                                                 of any of its notes
//   // NOLINTNEXTLINE(...)                        on the line before one
//   // NOLINTBEGIN(...) ... // NOLINTEND(...)     around one
//   CYCLINT_STRONG_BACK_LINK (include/cyclint/annotations.h) on a declaration
//                                                 a finding points at, for
//                                                 checks that do not remove
//                                                 the marked edge themselves
//
// The check list in parentheses uses clang-tidy's globs (`cyclint-*`); none
// means every check. A note's line counts because a cycle has no single
// place: the member a user wants to mark as deliberate may be any edge.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_SUPPRESSION_H
#define CYCLINT_CORE_SUPPRESSION_H

#include "core/Finding.h"
#include "core/Runtime.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cyclint {

/// The spelling of the annotation include/cyclint/annotations.h puts on a
/// declaration: `[[clang::annotate("cyclint::strong-back-link")]]`.
constexpr const char *StrongBackLinkAnnotation = "cyclint::strong-back-link";

class SuppressionFilter {
public:
  /// The text of a source file by absolute path, or nullopt if unreadable
  /// (nothing in it can then suppress anything). The text must stay alive
  /// as long as the filter.
  using FileReader =
      std::function<std::optional<llvm::StringRef>(llvm::StringRef)>;

  explicit SuppressionFilter(FileReader Read,
                             std::set<SourceLocation> Annotated = {})
      : Read(std::move(Read)), Annotated(std::move(Annotated)) {}

  /// True if a NOLINT comment hides `F`, or, with `ByAnnotation`, a
  /// declaration marked CYCLINT_STRONG_BACK_LINK that its warning or a note
  /// points at (for checks that do not read the marks themselves:
  /// Check::honoursStrongBackLinks).
  bool suppressed(const Finding &F, bool ByAnnotation = true);

  /// True if a NOLINT comment at `Loc` hides check `CheckName` (without the
  /// cyclint- prefix).
  bool suppressedAt(const SourceLocation &Loc, llvm::StringRef CheckName);

private:
  struct Directive {
    enum Kind { SameLine, NextLine, Begin, End } K;
    unsigned Line;
    std::string Checks; // the globs in parentheses; empty: every check
  };
  const std::vector<Directive> &directives(llvm::StringRef File);

  FileReader Read;
  std::set<SourceLocation> Annotated;
  llvm::StringMap<std::vector<Directive>> Cache;
};

/// The declarations of a TU marked CYCLINT_STRONG_BACK_LINK, outside system
/// headers, by location (what findings point at).
std::vector<SourceLocation> findStrongBackLinks(const TUContext &TU);

/// Reads files from disk, for front ends without a SourceManager; keeps
/// every file it read.
SuppressionFilter::FileReader diskFileReader();

} // namespace cyclint

#endif // CYCLINT_CORE_SUPPRESSION_H
