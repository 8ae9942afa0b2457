//===- Check.h - The interface every cyclint check implements ---*- C++ -*-===//
//
// A check reads the whole-program views it needs (Program::view<T>()) and
// appends findings. Checks do not print, parse or know about argv. Options
// reach them as in clang-tidy: read once in the constructor through an
// OptionsView, and written back by storeOptions() so that the set of options
// (and their effective values) can be listed and validated without guessing.
// Which checks exist is decided by checks/Checks.def, not here.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_CHECK_H
#define CYCLINT_CORE_CHECK_H

#include "core/Finding.h"
#include "core/Program.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/GlobPattern.h"

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace cyclint {

/// Option values as the user set them, keyed `check-name.OptionName` (no
/// cyclint- prefix).
class CheckOptions {
public:
  void set(llvm::StringRef Key, llvm::StringRef Value) {
    Values[Key] = Value.str();
  }
  const std::string *lookup(llvm::StringRef Key) const {
    auto It = Values.find(Key);
    return It == Values.end() ? nullptr : &It->second;
  }
  std::vector<std::string> keys() const;

private:
  llvm::StringMap<std::string> Values;
};

/// Every option of every check with its effective value, as checks store
/// them (ordered by key).
using OptionMap = std::map<std::string, std::string>;

/// One check's window on the options: names are relative to the check.
/// A value that does not parse gives the default and is remembered, so that
/// the run fails with its message instead of using the default silently.
class OptionsView {
public:
  OptionsView(llvm::StringRef CheckName, const CheckOptions &Options)
      : CheckName(CheckName.str()), Options(Options) {}

  std::string get(llvm::StringRef Option, llvm::StringRef Default) const;
  unsigned get(llvm::StringRef Option, unsigned Default) const;

  void store(OptionMap &Out, llvm::StringRef Option,
             llvm::StringRef Value) const;
  void store(OptionMap &Out, llvm::StringRef Option, unsigned Value) const;

  /// Problems found while reading (a value that does not parse).
  const std::vector<std::string> &problems() const { return Problems; }

private:
  std::string key(llvm::StringRef Option) const {
    return CheckName + "." + Option.str();
  }
  std::string CheckName;
  const CheckOptions &Options;
  mutable std::vector<std::string> Problems;
};

/// A check that reads one runtime's view (most do): run() finds the view and
/// calls check(); in a run without that runtime it reports nothing.
template <typename ViewT> class ViewCheck;

/// A command-line flag that sets one option of the check that declares it
/// (`--python-gc=disabled` for `python-reference-cycle.GC=disabled`). The
/// front end offers every declared alias; the check owns its meaning.
struct OptionAlias {
  const char *Flag;   // without dashes: "python-gc"
  const char *Option; // the check's option: "GC"
  std::vector<const char *> Values; // the accepted values
  const char *Help;
};

class Check {
public:
  Check(llvm::StringRef Name, const CheckOptions &Options)
      : Name(Name.str()), Options(Name, Options) {}
  virtual ~Check() = default;

  virtual void run(const Program &P, std::vector<Finding> &Out) = 0;
  /// Writes every option the check reads, with its effective value.
  virtual void storeOptions(OptionMap &Out) const {}

  /// True for a check that reads Program::strongBackLinks() itself: a cycle
  /// through a marked member is no cycle to it (counted hidden). For the
  /// others, the suppression filter hides a finding that points at a marked
  /// declaration (core/Suppression.h).
  virtual bool honoursStrongBackLinks() const { return false; }

  /// Command-line flags this check owns (CheckInfo::Aliases); a check that
  /// has some hides this with its own static aliases().
  static std::vector<OptionAlias> aliases() { return {}; }

  /// The check's name without the "cyclint-" prefix.
  const std::string &name() const { return Name; }
  const OptionsView &options() const { return Options; }

  /// Whether check `Name` (without the prefix) runs in this run too, as
  /// clang-tidy's ClangTidyContext::isCheckEnabled: a check leaves to a
  /// sibling what the sibling says better, but only when the sibling runs.
  /// createChecks() tells every check it enables.
  bool isCheckEnabled(llvm::StringRef Other) const {
    return EnabledChecks && EnabledChecks->count(Other.str());
  }
  void setEnabledChecks(std::shared_ptr<const std::set<std::string>> Names) {
    EnabledChecks = std::move(Names);
  }

protected:
  /// Appends a finding of this check at `Loc`; add notes with .note().
  Finding &report(std::vector<Finding> &Out, SourceLocation Loc,
                  std::string Message, Severity Level = Severity::Warning) const;

  std::string Name;
  OptionsView Options;

private:
  std::shared_ptr<const std::set<std::string>> EnabledChecks;
};

template <typename ViewT> class ViewCheck : public Check {
public:
  using Check::Check;
  void run(const Program &P, std::vector<Finding> &Out) final {
    if (const ViewT *View = P.view<ViewT>()) {
      Current = &P;
      check(*View, Out);
      Current = nullptr;
    }
  }
  virtual void check(const ViewT &View, std::vector<Finding> &Out) = 0;

protected:
  /// The program being checked, during check(): what is not the view's
  /// (Program::strongBackLinks()).
  const Program &program() const { return *Current; }

private:
  const Program *Current = nullptr;
};

struct CheckInfo {
  const char *Name;   // without the "cyclint-" prefix
  const char *Family; // its folder under checks/: cxx, python
  std::function<std::unique_ptr<Check>(llvm::StringRef Name,
                                       const CheckOptions &)>
      Create;
  std::vector<OptionAlias> Aliases;
};

/// clang-tidy's check globs: comma-separated, `*` wildcards, `-` negates, the
/// last matching glob wins. Matched against the full name (`cyclint-...`).
class CheckGlobs {
public:
  static llvm::Expected<CheckGlobs> parse(llvm::StringRef Globs);
  bool enables(llvm::StringRef FullCheckName) const;

private:
  struct Glob {
    bool Positive;
    // A GlobPattern keeps a StringRef to its literal prefix, so its text
    // lives at one address for as long as any copy of the pattern does.
    std::shared_ptr<const std::string> Text;
    llvm::GlobPattern Pattern;
  };
  std::vector<Glob> Globs;
};

/// The checks of a run, constructed once with the run's options: `Enabled`
/// (in registry order) are run; every check's options are validated.
struct CheckSet {
  std::vector<std::unique_ptr<Check>> Enabled;
  OptionMap Options; // every check's options, effective values
};

/// Constructs every check of `Registry` (to know and validate every option:
/// an option no check reads, or a value that does not parse, is an error)
/// and keeps those `Globs` enables.
llvm::Expected<CheckSet> createChecks(const std::vector<CheckInfo> &Registry,
                                      llvm::StringRef Globs,
                                      const CheckOptions &Options);

/// Names of the checks `Globs` enables, in registry order.
llvm::Expected<std::vector<std::string>>
enabledChecks(const std::vector<CheckInfo> &Registry, llvm::StringRef Globs);

} // namespace cyclint

#endif // CYCLINT_CORE_CHECK_H
