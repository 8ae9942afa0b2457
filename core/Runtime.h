//===- Runtime.h - The interface every runtime model implements -*- C++ -*-===//
//
// A runtime is everything cyclint knows about one kind of reference-counted
// world (C++ ownership types, the CPython C-API, ...): how to read its facts
// from one parsed TU, how to write and read them, and how to merge every
// TU's facts into one whole-program view that checks query. The core drives
// runtimes through this interface only and never names one: adding a runtime
// is a folder under models/ plus one line in models/Runtimes.def.
//
//   section  what one runtime learnt from one TU: plain data, no Clang types,
//            written to facts files under the runtime's name, with its own
//            version (docs/FACTS.md)
//   view     what one runtime knows about the whole program, built from
//            every TU's section; checks ask the Program for the views they
//            need (Program::view<T>())
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_RUNTIME_H
#define CYCLINT_CORE_RUNTIME_H

#include "core/SourceLocation.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "clang/Basic/SourceLocation.h"

namespace clang {
class ASTContext;
class Preprocessor;
class Sema;
class SourceManager;
} // namespace clang

namespace cyclint {

/// What one runtime learnt from one TU.
class FactSection {
public:
  virtual ~FactSection();
  /// Nothing learnt: the section is left out of facts files.
  virtual bool empty() const = 0;
  /// The section's JSON object, without its "version" (the core adds it).
  virtual llvm::json::Object toJSON() const = 0;
};

/// What one runtime knows about the whole program. A view class names its
/// runtime in `static constexpr const char *RuntimeName`, which is how
/// Program::view<T>() finds it.
class ProgramView {
public:
  virtual ~ProgramView();
};

/// One parsed, error-free TU as the runtimes see it, with the location
/// conversion every fact uses: absolute, normalized paths, so that the same
/// header seen by two TUs gives the same location.
class TUContext {
public:
  TUContext(clang::ASTContext &Ctx, llvm::StringRef Directory,
            clang::Sema *S = nullptr, const clang::Preprocessor *PP = nullptr);

  clang::ASTContext &ast() const { return Ctx; }
  /// Lets a runtime instantiate templates on demand; null in unit tests.
  clang::Sema *sema() const { return S; }
  /// Macros (PY_VERSION_HEX, ...); may be null.
  const clang::Preprocessor *preprocessor() const { return PP; }
  /// The compile command's working directory.
  llvm::StringRef directory() const { return Directory; }
  /// The TU's main file, absolute and normalized.
  llvm::StringRef mainFile() const { return MainFile; }

  /// The file location of `Loc` (macro expansions resolved), absolute.
  SourceLocation location(clang::SourceLocation Loc) const;
  /// True for locations in system headers (after macro expansion).
  bool isInSystemHeader(clang::SourceLocation Loc) const;
  std::string absolutePath(llvm::StringRef Name) const;

private:
  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  std::string Directory;
  clang::Sema *S;
  const clang::Preprocessor *PP;
  std::string MainFile;
  mutable llvm::DenseMap<clang::FileID, std::string> FileNames;
};

/// Keeps what a TU repeats of earlier TUs out of memory during a run (every
/// TU repeats the headers it includes). Fed TUs in a fixed order.
class SectionDeduplicator {
public:
  virtual ~SectionDeduplicator();
  virtual void deduplicate(FactSection &Section) = 0;
};

class Runtime {
public:
  virtual ~Runtime();

  /// The section and view name: "cxx", "cpython". Lower case, stable: it is
  /// a key in facts files and in model files (`runtime:`).
  virtual llvm::StringRef name() const = 0;
  /// The version of this runtime's section format; bump it when it changes.
  virtual unsigned factsVersion() const = 0;

  /// Adds a user model document (`--model FILE` whose `runtime:` names this
  /// runtime). Errors name `SourceName` and the line.
  virtual llvm::Error addModelText(llvm::StringRef Text,
                                   llvm::StringRef SourceName) = 0;

  /// Reads this runtime's facts from a parsed TU. Runtimes extract in
  /// registration order; never null.
  virtual std::unique_ptr<FactSection> extract(const TUContext &TU) const = 0;
  /// An empty section, for TUs whose facts file has none.
  virtual std::unique_ptr<FactSection> emptySection() const = 0;
  /// Reads a section written by toJSON(); errors through `P`.
  virtual std::unique_ptr<FactSection> readSection(const llvm::json::Value &V,
                                                   llvm::json::Path P) const = 0;
  /// Optional: drops what a TU repeats of an earlier one, in memory only.
  virtual std::unique_ptr<SectionDeduplicator> createDeduplicator() const {
    return nullptr;
  }

  /// Merges every TU's section, given in a canonical TU order.
  virtual std::unique_ptr<ProgramView>
  buildView(std::vector<std::unique_ptr<FactSection>> Sections) const = 0;

  /// False when the sections are one TU's view of a larger program (the
  /// clang-tidy module): then what no TU shows, such as a member that
  /// nothing assigns, proves nothing.
  void setWholeProgram(bool Whole) { WholeProgram = Whole; }
  bool wholeProgram() const { return WholeProgram; }

private:
  bool WholeProgram = true;
};

/// A runtime a front end can instantiate (models/Runtimes.def).
struct RuntimeInfo {
  std::function<std::unique_ptr<Runtime>()> Create;
};

/// The runtimes of one run, created fresh so that `--model` files stay
/// private to it.
using RuntimeList = std::vector<std::unique_ptr<Runtime>>;

/// Routes a model file to the runtime its top-level `runtime:` key names
/// (default: cxx, so that C++ model files need no such key).
llvm::Error addModelFile(const RuntimeList &Runtimes, llvm::StringRef Path);
/// addModelFile() of text already in memory; `Path` names it in errors.
llvm::Error addModelText(const RuntimeList &Runtimes, llvm::StringRef Text,
                         llvm::StringRef Path);
/// The runtime (`runtime:`, default cxx) and the `name:` of a model
/// document, as written; empty fields where absent.
std::pair<std::string, std::string> modelIdentity(llvm::StringRef Text);

} // namespace cyclint

#endif // CYCLINT_CORE_RUNTIME_H
