//===- InputError.h - One-line errors about untrusted input -----*- C++ -*-===//
//
// Facts, model, configuration and baseline files are written by users or come
// from other machines (docs/FUZZING.md): an error about one must be one line
// that names the file and the place, whatever the file holds. The YAML reader
// quotes the offending text in its messages (an unknown key spanning lines,
// a control character): these helpers keep the first diagnostic and escape
// what would break the line.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_INPUTERROR_H
#define CYCLINT_CORE_INPUTERROR_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SourceMgr.h"

#include <string>

namespace cyclint {

/// `Text` with newlines and other control characters escaped (`\n`, `\x01`).
std::string escapeForOneLine(llvm::StringRef Text);

/// A diagnostic handler for llvm::yaml::Input: keeps the first diagnostic
/// (the one to fix) as "line:col: message" in the std::string `Context`
/// points to, on one line; later ones (the reader's follow-ups) are dropped.
void keepFirstYAMLDiagnostic(const llvm::SMDiagnostic &D, void *Context);

} // namespace cyclint

#endif // CYCLINT_CORE_INPUTERROR_H
