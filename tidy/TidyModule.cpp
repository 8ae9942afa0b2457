//===- TidyModule.cpp - The cyclint module for clang-tidy -----------------===//
//
// A thin front end, like tool/main.cpp: it registers every check of
// checks/Checks.def under its clang-tidy name `cyclint-<name>` and nothing
// else. Load it with
//
//   clang-tidy-19 --load=<build>/libcyclint-tidy.so --checks='-*,cyclint-*'
//
// The module links no clang-tidy library: the symbols it uses come from the
// clang-tidy executable that loads it (a second copy of clang-tidy's
// registries would never be read).
//
//===----------------------------------------------------------------------===//

#include "tidy/TidyCheck.h"

#include "checks/Checks.h"
#include "models/Runtimes.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace cyclint {
namespace tidy {
namespace {

class CyclintModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    // One analysis per TU, shared by every cyclint check clang-tidy creates
    // from these factories.
    auto Shared = std::make_shared<TUAnalysis>(builtinRuntimes());
    for (const CheckInfo &Info : builtinChecks())
      Factories.registerCheckFactory(
          std::string("cyclint-") + Info.Name,
          [&Info, Shared](llvm::StringRef Name,
                          clang::tidy::ClangTidyContext *Context) {
            return std::make_unique<TidyCheck>(Name, Context, Info, Shared);
          });
  }
};

clang::tidy::ClangTidyModuleRegistry::Add<CyclintModule>
    Registered("cyclint-module",
               "Reference cycles that leak memory (C++, CPython C-API).");

} // namespace
} // namespace tidy
} // namespace cyclint
