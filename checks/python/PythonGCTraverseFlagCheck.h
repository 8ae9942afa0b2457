//===- PythonGCTraverseFlagCheck.h - cyclint-python-gc-traverse-flag ---*- C++ -*-===//
//
// Py_TPFLAGS_HAVE_GC needs a tp_traverse after inheritance (PyType_Ready
// raises SystemError since 3.11); a tp_traverse on a type without the flag is
// never called. HAVE_GC, tp_traverse and tp_clear are inherited together.
// Documentation: docs/checks/python-gc-traverse-flag.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHON_PYTHONGCTRAVERSEFLAGCHECK_H
#define CYCLINT_CHECKS_PYTHON_PYTHONGCTRAVERSEFLAGCHECK_H

#include "core/Check.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint {

class PythonGCTraverseFlagCheck : public ViewCheck<PythonProgram> {
public:
  PythonGCTraverseFlagCheck(llvm::StringRef Name, const CheckOptions &Options);
  void check(const PythonProgram &P, std::vector<Finding> &Out) override;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYTHON_PYTHONGCTRAVERSEFLAGCHECK_H
