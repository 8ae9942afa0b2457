//===- ExtractAction.cpp - The frontend action that extracts facts --------===//

#include "core/ExtractAction.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/Sema.h"
#include "clang/Sema/SemaConsumer.h"

using namespace clang;

namespace cyclint {
namespace {

class ExtractFactsConsumer : public SemaConsumer {
public:
  ExtractFactsConsumer(const RuntimeList &Runtimes, std::string Directory,
                       TUFacts &Out, const SourceManager &SM,
                       const Preprocessor &PP)
      : Runtimes(Runtimes), Directory(std::move(Directory)), Out(Out), SM(SM),
        PP(PP) {}

  bool shouldSkipFunctionBody(Decl *D) override {
    return SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    TUContext TU(Ctx, Directory, TheSema, &PP);
    Out = extractFacts(Runtimes, TU);
  }

  void InitializeSema(Sema &S) override { TheSema = &S; }
  void ForgetSema() override { TheSema = nullptr; }

private:
  const RuntimeList &Runtimes;
  std::string Directory;
  TUFacts &Out;
  const SourceManager &SM;
  Sema *TheSema = nullptr;
  const Preprocessor &PP;
};

class ExtractFactsAction : public ASTFrontendAction {
public:
  ExtractFactsAction(const RuntimeList &Runtimes, std::string Directory,
                     TUFacts &Out)
      : Runtimes(Runtimes), Directory(std::move(Directory)), Out(Out) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    // The driver reports a failed TU in one line; no "N errors generated".
    CI.getDiagnosticOpts().ShowCarets = false;
    return std::make_unique<ExtractFactsConsumer>(
        Runtimes, Directory, Out, CI.getSourceManager(), CI.getPreprocessor());
  }

private:
  const RuntimeList &Runtimes;
  std::string Directory;
  TUFacts &Out;
};

} // namespace

std::unique_ptr<FrontendAction>
createExtractFactsAction(const RuntimeList &Runtimes, std::string Directory,
                         TUFacts &Out) {
  return std::make_unique<ExtractFactsAction>(Runtimes, std::move(Directory),
                                              Out);
}

} // namespace cyclint
