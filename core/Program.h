//===- Program.h - The whole program, as each runtime sees it ---*- C++ -*-===//
//
// The merge step's result: one view per runtime, built from every TU's
// section of that runtime. Checks read the views they need and nothing else;
// a check whose runtime is not loaded (a front end that registers fewer
// runtimes) finds no view and reports nothing.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_PROGRAM_H
#define CYCLINT_CORE_PROGRAM_H

#include "core/Facts.h"
#include "core/Runtime.h"

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cyclint {

class Program {
public:
  /// Merges per-TU facts with each runtime's buildView. The result does not
  /// depend on the order of `TUs`: they are sorted by (main file,
  /// directory) first.
  static Program build(const RuntimeList &Runtimes, std::vector<TUFacts> TUs);

  /// The view of runtime `Name`, or null.
  const ProgramView *find(llvm::StringRef Name) const;

  /// The view of type `ViewT` (the view of runtime `ViewT::RuntimeName`), or
  /// null. A runtime named X builds views of the one type whose RuntimeName
  /// is X, so the cast is safe (the project builds without RTTI).
  template <typename ViewT> const ViewT *view() const {
    return static_cast<const ViewT *>(find(ViewT::RuntimeName));
  }

  /// Adds a view (the merge, and unit tests that build views by hand).
  void addView(std::string Name, std::unique_ptr<ProgramView> View);

  /// Declarations marked CYCLINT_STRONG_BACK_LINK anywhere in the program
  /// (the facts envelope's, every runtime's): back links the program breaks
  /// by hand. Checks that walk references leave cycles through them out
  /// (Check::honoursStrongBackLinks).
  const std::set<SourceLocation> &strongBackLinks() const {
    return StrongBackLinks;
  }
  void addStrongBackLink(SourceLocation Loc) {
    StrongBackLinks.insert(std::move(Loc));
  }

private:
  std::set<SourceLocation> StrongBackLinks;
  std::vector<std::pair<std::string, std::unique_ptr<ProgramView>>> Views;
};

} // namespace cyclint

#endif // CYCLINT_CORE_PROGRAM_H
