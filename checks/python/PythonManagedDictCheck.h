//===- PythonManagedDictCheck.h - cyclint-python-managed-dict ----*- C++ -*-===//
//
// Python 3.12+ types with Py_TPFLAGS_MANAGED_DICT: the runtime places the
// instance __dict__, and the type's traverse and clear must visit and clear
// it through PyObject_VisitManagedDict / PyObject_ClearManagedDict.
// Documentation: docs/checks/python-managed-dict.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHON_PYTHONMANAGEDDICTCHECK_H
#define CYCLINT_CHECKS_PYTHON_PYTHONMANAGEDDICTCHECK_H

#include "core/Check.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint {

class PythonManagedDictCheck : public ViewCheck<PythonProgram> {
public:
  PythonManagedDictCheck(llvm::StringRef Name, const CheckOptions &Options);
  void check(const PythonProgram &P, std::vector<Finding> &Out) override;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYTHON_PYTHONMANAGEDDICTCHECK_H
