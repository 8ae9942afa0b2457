//===- SourceLocation.h - A place in a source file, as plain data -*- C++ -*-===//
//
// Shared by every fact section (records, CPython) and by diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_SOURCELOCATION_H
#define CYCLINT_CORE_SOURCELOCATION_H

#include "llvm/Support/JSON.h"

#include <string>
#include <tuple>

namespace cyclint {

/// A place in a source file. Paths are absolute and normalized so that the
/// same header seen by two TUs gives the same location.
struct SourceLocation {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;

  bool isValid() const { return !File.empty(); }
  friend bool operator<(const SourceLocation &A, const SourceLocation &B) {
    return std::tie(A.File, A.Line, A.Column) <
           std::tie(B.File, B.Line, B.Column);
  }
  friend bool operator==(const SourceLocation &A, const SourceLocation &B) {
    return std::tie(A.File, A.Line, A.Column) ==
           std::tie(B.File, B.Line, B.Column);
  }
};

/// `{"file": ..., "line": ..., "col": ...}`: the one JSON form of a location
/// in every facts section (llvm::json's toJSON/fromJSON convention).
llvm::json::Value toJSON(const SourceLocation &L);
bool fromJSON(const llvm::json::Value &V, SourceLocation &L,
              llvm::json::Path P);

} // namespace cyclint

#endif // CYCLINT_CORE_SOURCELOCATION_H
