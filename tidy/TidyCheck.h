//===- TidyCheck.h - One cyclint check as a clang-tidy check ----*- C++ -*-===//
//
// The clang-tidy front end: every check of checks/Checks.def is offered to
// clang-tidy as `cyclint-<name>` by one adapter class. The adapter runs the
// same code as the CLI on the one TU clang-tidy parsed: the runtimes extract
// the TU's facts (Runtime::extract through a TUContext), a one-TU Program is
// built from them (once per TU, shared by every enabled cyclint check), the
// check runs over it, and its Findings become clang-tidy diagnostics. Options
// come from `.clang-tidy` CheckOptions (`cyclint-<name>.<Option>`), read and
// written back through the check's own OptionsView.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_TIDY_TIDYCHECK_H
#define CYCLINT_TIDY_TIDYCHECK_H

#include "core/Check.h"
#include "core/Program.h"

#include "clang-tidy/ClangTidyCheck.h"

#include <memory>
#include <optional>
#include <set>

namespace cyclint {
namespace tidy {

/// The one-TU program every cyclint check of a clang-tidy run shares: built
/// by the first check that asks in a TU, dropped when the next TU starts.
class TUAnalysis {
public:
  TUAnalysis(const std::vector<RuntimeInfo> &Runtimes)
      : RuntimeInfos(Runtimes) {}
  /// The program of the TU of `Ctx`, built on first use.
  const Program &program(clang::ASTContext &Ctx, const clang::Preprocessor *PP);
  void reset() { Built.reset(); }

private:
  const std::vector<RuntimeInfo> &RuntimeInfos;
  RuntimeList Runtimes;
  std::optional<Program> Built;
};

class TidyCheck : public clang::tidy::ClangTidyCheck {
public:
  TidyCheck(llvm::StringRef FullName, clang::tidy::ClangTidyContext *Context,
            const CheckInfo &Info, std::shared_ptr<TUAnalysis> Shared);

  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void emit(const Finding &F, const clang::SourceManager &SM);

  // Declared before Impl: the check's OptionsView refers to them.
  CheckOptions UserOptions;
  OptionMap Effective; // the check's options with their effective values
  std::unique_ptr<Check> Impl;
  std::shared_ptr<TUAnalysis> Shared;
  const clang::Preprocessor *PP = nullptr;
};

} // namespace tidy
} // namespace cyclint

#endif // CYCLINT_TIDY_TIDYCHECK_H
