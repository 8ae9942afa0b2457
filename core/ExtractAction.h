//===- ExtractAction.h - The frontend action that extracts facts -*- C++ -*-===//
//
// One syntax-only parse per TU, then every runtime's extractor over the
// finished AST. Bodies of functions in system headers are skipped: no fact
// comes from them, and parsing them is most of the cost of a TU. A TU with a
// compile error is not analyzed: its AST may lack the very members that would
// close (or break) a cycle.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_EXTRACTACTION_H
#define CYCLINT_CORE_EXTRACTACTION_H

#include "core/Facts.h"
#include "core/FactsCache.h"

#include <memory>
#include <string>

namespace clang {
class FrontendAction;
} // namespace clang

namespace cyclint {

/// An action that fills `Out` once the TU parsed without errors.
/// `Directory` is the compile command's working directory. With `Inputs`,
/// it also lists every file the parse read, with the digest of the bytes it
/// read (the incremental cache's validity check, core/FactsCache.h).
std::unique_ptr<clang::FrontendAction>
createExtractFactsAction(const RuntimeList &Runtimes, std::string Directory,
                         TUFacts &Out, std::vector<InputFile> *Inputs = nullptr);

} // namespace cyclint

#endif // CYCLINT_CORE_EXTRACTACTION_H
