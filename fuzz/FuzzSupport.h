//===- FuzzSupport.h - What every fuzz target checks of an error -*- C++ -*-===//
//
// A fuzz target feeds one parser of untrusted input (docs/FUZZING.md) and
// fails on a crash, a sanitizer report, or an error message a user could not
// act on: every rejected input must give exactly one non-empty line that
// names the file. expectOneLine() is that contract, shared by the targets.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_FUZZ_FUZZSUPPORT_H
#define CYCLINT_FUZZ_FUZZSUPPORT_H

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <string>

namespace cyclint {
namespace fuzz {

/// The name the targets give their input, which every error must carry.
constexpr const char *InputName = "fuzz-input";

/// Consumes `E`; aborts (a finding for libFuzzer) unless it is one line
/// naming `Name`. Returns whether there was an error.
inline bool expectOneLine(llvm::Error E, llvm::StringRef Name = InputName) {
  if (!E)
    return false;
  std::string Message = llvm::toString(std::move(E));
  llvm::StringRef M(Message);
  if (M.empty() || M.contains('\n') || !M.contains(Name)) {
    llvm::errs() << "error message is not one line naming '" << Name
                 << "':\n"
                 << Message << "\n";
    std::abort();
  }
  return true;
}

} // namespace fuzz
} // namespace cyclint

#endif // CYCLINT_FUZZ_FUZZSUPPORT_H
