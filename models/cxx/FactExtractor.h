//===- FactExtractor.h - From one AST to one TU's facts ---------*- C++ -*-===//
//
// Walks the declarations a translation unit makes outside system headers and
// records each record type, its bases and the edges its fields contribute
// under the ownership model. Everything Clang-specific stays in here; what
// comes out is plain data (Facts.h).
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_TOOL_FACTEXTRACTOR_H
#define CYCLINT_TOOL_FACTEXTRACTOR_H

#include "core/Facts.h"
#include "models/cxx/OwnershipModel.h"

#include <memory>

namespace clang {
class ASTContext;
class FrontendAction;
class Sema;
class Preprocessor;
} // namespace clang

namespace cyclint {

/// Extracts the facts of a parsed TU. `Directory` is the compile command's
/// working directory, used to make relative file names absolute. With a
/// Sema, class templates that members name but nothing instantiated are
/// instantiated so that they have fields. `PP`, when given, lets the CPython
/// model read PY_VERSION_HEX's components.
TUFacts extractFacts(clang::ASTContext &Ctx, const OwnershipModel &Model,
                     llvm::StringRef Directory, clang::Sema *S = nullptr,
                     const clang::Preprocessor *PP = nullptr);

/// A syntax-only action that extracts facts into `Out` once the TU parsed
/// without errors. Bodies of functions in system headers are skipped: no fact
/// comes from them, and parsing them is most of the cost of a TU.
std::unique_ptr<clang::FrontendAction>
createExtractFactsAction(const OwnershipModel &Model, std::string Directory,
                         TUFacts &Out);

} // namespace cyclint

#endif // CYCLINT_TOOL_FACTEXTRACTOR_H
