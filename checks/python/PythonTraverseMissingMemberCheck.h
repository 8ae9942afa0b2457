//===- PythonTraverseMissingMemberCheck.h - cyclint-python-traverse-missing-member ---*- C++ -*-===//
//
// A GC type's tp_traverse (after inheritance, following helpers and base
// traverses) that does not visit an owned member which may hold any object:
// the collector cannot see a cycle through it, so it is never freed.
// Documentation: docs/checks/python-traverse-missing-member.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHON_PYTHONTRAVERSEMISSINGMEMBERCHECK_H
#define CYCLINT_CHECKS_PYTHON_PYTHONTRAVERSEMISSINGMEMBERCHECK_H

#include "core/Check.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint {

class PythonTraverseMissingMemberCheck : public ViewCheck<PythonProgram> {
public:
  PythonTraverseMissingMemberCheck(llvm::StringRef Name, const CheckOptions &Options);
  void check(const PythonProgram &P, std::vector<Finding> &Out) override;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYTHON_PYTHONTRAVERSEMISSINGMEMBERCHECK_H
