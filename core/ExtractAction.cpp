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
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace cyclint {
namespace {

class ExtractFactsConsumer : public SemaConsumer {
public:
  ExtractFactsConsumer(const RuntimeList &Runtimes, std::string Directory,
                       TUFacts &Out, std::vector<InputFile> *Inputs,
                       const SourceManager &SM, const Preprocessor &PP)
      : Runtimes(Runtimes), Directory(std::move(Directory)), Out(Out),
        Inputs(Inputs), SM(SM), PP(PP) {}

  bool shouldSkipFunctionBody(Decl *D) override {
    return SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    TUContext TU(Ctx, Directory, TheSema, &PP);
    Out = extractFacts(Runtimes, TU);
    if (Inputs)
      listInputs();
  }

  void InitializeSema(Sema &S) override { TheSema = &S; }
  void ForgetSema() override { TheSema = nullptr; }

private:
  /// Every file whose contents the source manager loaded: the main file,
  /// each header entered, builtin headers. The digest is of the bytes the
  /// parse used, so a file edited during the parse makes the entry stale
  /// rather than wrong. A file only looked up (a guarded re-include) had
  /// no effect beyond the first read.
  void listInputs() {
    for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End;
         ++It) {
      std::optional<llvm::MemoryBufferRef> Buffer =
          It->second->getBufferIfLoaded();
      if (!Buffer)
        continue;
      llvm::SmallString<256> Path(It->first.getName());
      if (!llvm::sys::path::is_absolute(Path))
        llvm::sys::fs::make_absolute(Directory, Path);
      Inputs->push_back(
          {std::string(Path), contentDigest(Buffer->getBuffer())});
    }
    llvm::sort(*Inputs, [](const InputFile &A, const InputFile &B) {
      return A.Path < B.Path;
    });
  }

  const RuntimeList &Runtimes;
  std::string Directory;
  TUFacts &Out;
  std::vector<InputFile> *Inputs;
  const SourceManager &SM;
  Sema *TheSema = nullptr;
  const Preprocessor &PP;
};

class ExtractFactsAction : public ASTFrontendAction {
public:
  ExtractFactsAction(const RuntimeList &Runtimes, std::string Directory,
                     TUFacts &Out, std::vector<InputFile> *Inputs)
      : Runtimes(Runtimes), Directory(std::move(Directory)), Out(Out),
        Inputs(Inputs) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    // The driver reports a failed TU in one line; no "N errors generated".
    CI.getDiagnosticOpts().ShowCarets = false;
    return std::make_unique<ExtractFactsConsumer>(
        Runtimes, Directory, Out, Inputs, CI.getSourceManager(),
        CI.getPreprocessor());
  }

private:
  const RuntimeList &Runtimes;
  std::string Directory;
  TUFacts &Out;
  std::vector<InputFile> *Inputs;
};

} // namespace

std::unique_ptr<FrontendAction>
createExtractFactsAction(const RuntimeList &Runtimes, std::string Directory,
                         TUFacts &Out, std::vector<InputFile> *Inputs) {
  return std::make_unique<ExtractFactsAction>(Runtimes, std::move(Directory),
                                              Out, Inputs);
}

} // namespace cyclint
