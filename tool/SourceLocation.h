//===- SourceLocation.h - A place in a source file, as plain data -*- C++ -*-===//
//
// Shared by every fact section (records, CPython) and by diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_TOOL_SOURCELOCATION_H
#define CYCLINT_TOOL_SOURCELOCATION_H

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

} // namespace cyclint

#endif // CYCLINT_TOOL_SOURCELOCATION_H
