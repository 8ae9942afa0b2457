//===- PythonUntrackedGCObjectCheck.h - cyclint-python-untracked-gc-object ---*- C++ -*-===//
//
// An object allocated with PyObject_GC_New/NewVar is invisible to the cycle
// collector until PyObject_GC_Track: one never tracked (in the allocating
// function, by the callers it is returned to, or by CPython, which does not
// track what tp_new returns) leaks any cycle through it. tp_alloc and
// PyType_GenericAlloc track by themselves and are not reported.
// Documentation: docs/checks/python-untracked-gc-object.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHON_PYTHONUNTRACKEDGCOBJECTCHECK_H
#define CYCLINT_CHECKS_PYTHON_PYTHONUNTRACKEDGCOBJECTCHECK_H

#include "core/Check.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint {

class PythonUntrackedGCObjectCheck : public ViewCheck<PythonProgram> {
public:
  PythonUntrackedGCObjectCheck(llvm::StringRef Name, const CheckOptions &Options);
  void check(const PythonProgram &P, std::vector<Finding> &Out) override;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYTHON_PYTHONUNTRACKEDGCOBJECTCHECK_H
