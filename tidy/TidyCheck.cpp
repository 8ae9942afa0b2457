//===- TidyCheck.cpp - One cyclint check as a clang-tidy check ------------===//
//
// The adapter matches the translation unit once and does its work there, when
// the whole AST exists (what the CLI's ExtractAction does after the parse).
// A TU with compile errors is left alone, as in the CLI: clang-tidy already
// reports the errors, and an AST with holes would give wrong cycles.
//
//===----------------------------------------------------------------------===//

#include "tidy/TidyCheck.h"

#include "checks/Checks.h"
#include "core/Facts.h"
#include "core/Suppression.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace cyclint {
namespace tidy {

const Program &TUAnalysis::program(ASTContext &Ctx, const Preprocessor *PP) {
  if (Built)
    return *Built;
  if (Runtimes.empty())
    for (const RuntimeInfo &R : RuntimeInfos)
    {
      Runtimes.push_back(R.Create());
      Runtimes.back()->setWholeProgram(false); // one TU of the program
    }
  // The command's working directory: relative paths in the TU resolve there.
  std::string Directory;
  if (auto CWD = Ctx.getSourceManager()
                     .getFileManager()
                     .getVirtualFileSystem()
                     .getCurrentWorkingDirectory())
    Directory = *CWD;
  TUContext TU(Ctx, Directory, /*Sema=*/nullptr, PP);
  std::vector<TUFacts> One;
  One.push_back(extractFacts(Runtimes, TU));
  Built.emplace(Program::build(Runtimes, std::move(One)));
  return *Built;
}

TidyCheck::TidyCheck(StringRef FullName, clang::tidy::ClangTidyContext *Context,
                     const CheckInfo &Info, std::shared_ptr<TUAnalysis> Shared)
    : ClangTidyCheck(FullName, Context), Shared(std::move(Shared)) {
  // Which options the check reads, and their defaults: what a check
  // constructed without options stores. Then the ones `.clang-tidy` sets
  // (`cyclint-<name>.<Option>`) are handed to the real check.
  CheckOptions None;
  std::unique_ptr<Check> Probe = Info.Create(Info.Name, None);
  OptionMap Defaults;
  Probe->storeOptions(Defaults);
  for (const auto &[Key, Default] : Defaults) {
    StringRef Option = StringRef(Key).rsplit('.').second;
    if (std::optional<StringRef> Value = Options.get(Option))
      UserOptions.set(Key, *Value);
  }
  Impl = Info.Create(Info.Name, UserOptions);
  Impl->storeOptions(Effective);
  // Which sibling checks run, as clang-tidy decides (a check leaves to a
  // sibling what it reports better: Check::isCheckEnabled).
  auto Enabled = std::make_shared<std::set<std::string>>();
  for (const CheckInfo &Other : builtinChecks())
    if (Context->isCheckEnabled(std::string("cyclint-") + Other.Name))
      Enabled->insert(Other.Name);
  Impl->setEnabledChecks(std::move(Enabled));
  for (const std::string &Problem : Impl->options().problems())
    configurationDiag("%0") << Problem;
}

void TidyCheck::registerPPCallbacks(const SourceManager &, Preprocessor *P,
                                    Preprocessor *) {
  PP = P;
}

void TidyCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void TidyCheck::onStartOfTranslationUnit() { Shared->reset(); }

void TidyCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[Key, Value] : Effective)
    Options.store(Opts, StringRef(Key).rsplit('.').second, Value);
}

void TidyCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (Ctx.getDiagnostics().hasErrorOccurred())
    return;
  const Program &P = Shared->program(Ctx, PP);
  std::vector<Finding> Findings;
  Impl->run(P, Findings);
  sortFindings(Findings);
  const SourceManager &SM = *Result.SourceManager;
  // clang-tidy honours NOLINT on the warning's line; a NOLINT on a note's
  // line (another member of the cycle) and CYCLINT_STRONG_BACK_LINK (for
  // checks that do not read it themselves) are cyclint's rules, applied as
  // in the CLI.
  SuppressionFilter Filter(
      [&SM](StringRef File) -> std::optional<StringRef> {
        auto FE = SM.getFileManager().getOptionalFileRef(File);
        if (!FE)
          return std::nullopt;
        FileID ID = SM.translateFile(*FE);
        if (ID.isInvalid())
          return std::nullopt;
        return SM.getBufferData(ID);
      },
      P.strongBackLinks());
  for (const Finding &F : Findings)
    if (!Filter.suppressed(F, !Impl->honoursStrongBackLinks()))
      emit(F, SM);
}

static clang::SourceLocation toClang(const SourceManager &SM,
                                     const cyclint::SourceLocation &L) {
  if (!L.isValid())
    return {};
  auto FE = SM.getFileManager().getOptionalFileRef(L.File);
  if (!FE)
    return {};
  return SM.translateFileLineCol(*FE, L.Line, L.Column);
}

void TidyCheck::emit(const Finding &F, const SourceManager &SM) {
  if (F.Level == Severity::Hidden)
    return; // a note its check was not asked to print
  // A note-level finding (a cycle only the CPython collector frees) is a
  // remark: shown, but not a warning (nor an error under -warnings-as-errors).
  DiagnosticIDs::Level Level = F.Level == Severity::Note
                                   ? DiagnosticIDs::Remark
                                   : DiagnosticIDs::Warning;
  // The message is an argument, never a format string: it may contain '%'.
  diag(toClang(SM, F.Warning.Loc), "%0", Level) << F.Warning.Message;
  for (const DiagnosticMessage &N : F.Notes)
    diag(toClang(SM, N.Loc), "%0", DiagnosticIDs::Note) << N.Message;
}

} // namespace tidy
} // namespace cyclint
