//===- Check.h - The interface every cyclint check implements ---*- C++ -*-===//
//
// A check reads the merged program graph and appends findings. Checks do not
// print, parse or know about argv; options reach them as strings through
// CheckOptions, read once in the constructor.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_CHECK_H
#define CYCLINT_CHECKS_CHECK_H

#include "Diagnostics.h"
#include "ProgramGraph.h"

#include "llvm/ADT/StringMap.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cyclint {

/// Options for all checks, keyed `check-name.OptionName` (no cyclint- prefix).
class CheckOptions {
public:
  void set(llvm::StringRef Key, llvm::StringRef Value) { Values[Key] = Value.str(); }
  std::string get(llvm::StringRef Check, llvm::StringRef Option,
                  llvm::StringRef Default) const;
  unsigned getUnsigned(llvm::StringRef Check, llvm::StringRef Option,
                       unsigned Default) const;

private:
  llvm::StringMap<std::string> Values;
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
    std::string Pattern;
  };
  std::vector<Glob> Globs;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_CHECK_H
