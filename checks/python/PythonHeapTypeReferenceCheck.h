//===- PythonHeapTypeReferenceCheck.h - cyclint-python-heap-type-reference ---*- C++ -*-===//
//
// Since Python 3.9 an instance of a heap type owns a reference to its type:
// tp_traverse must visit Py_TYPE(self) (and must not before 3.9), tp_dealloc
// must release it. Documentation: docs/checks/python-heap-type-reference.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHON_PYTHONHEAPTYPEREFERENCECHECK_H
#define CYCLINT_CHECKS_PYTHON_PYTHONHEAPTYPEREFERENCECHECK_H

#include "core/Check.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint {

class PythonHeapTypeReferenceCheck : public ViewCheck<PythonProgram> {
public:
  PythonHeapTypeReferenceCheck(llvm::StringRef Name, const CheckOptions &Options);
  void check(const PythonProgram &P, std::vector<Finding> &Out) override;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYTHON_PYTHONHEAPTYPEREFERENCECHECK_H
