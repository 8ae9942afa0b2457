//===- Check.h - The interface every cyclint check implements ---*- C++ -*-===//
//
// A check reads the merged program graph and appends findings. Checks do not
// print, parse or know about argv; options reach them as strings through
// CheckOptions, read once in the constructor.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_CHECK_H
#define CYCLINT_CHECKS_CHECK_H

#include "core/Diagnostics.h"
#include "models/cxx/ProgramGraph.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/GlobPattern.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cyclint {

/// Options for all checks, keyed `check-name.OptionName` (no cyclint- prefix).
/// It remembers which keys the checks read and which values did not parse,
/// so that a typo is an error (diagnose()) rather than a silent default.
class CheckOptions {
public:
  void set(llvm::StringRef Key, llvm::StringRef Value) { Values[Key] = Value.str(); }
  std::string get(llvm::StringRef Check, llvm::StringRef Option,
                  llvm::StringRef Default) const;
  /// A value that is not an unsigned integer gives Default, and an error
  /// from diagnose().
  unsigned getUnsigned(llvm::StringRef Check, llvm::StringRef Option,
                       unsigned Default) const;

  /// Call once every check has been constructed with these options: an
  /// error naming each set key that no check read and each bad value.
  llvm::Error diagnose() const;

private:
  llvm::StringMap<std::string> Values;
  // Reading an option is logically const; these only record it.
  mutable llvm::StringSet<> Read;
  mutable llvm::StringMap<std::string> BadValues; // key -> problem
};

class Check {
public:
  virtual ~Check() = default;
  virtual void run(const ProgramGraph &Graph, std::vector<Finding> &Out) = 0;
};

struct CheckInfo {
  const char *Name; // without the "cyclint-" prefix
  const char *Summary;
  std::function<std::unique_ptr<Check>(const CheckOptions &)> Create;
};

/// Every check, in alphabetical order.
const std::vector<CheckInfo> &allChecks();

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

} // namespace cyclint

#endif // CYCLINT_CHECKS_CHECK_H
