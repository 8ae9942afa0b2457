//===- PythonReferenceCycleCheck.h - cyclint-python-reference-cycle ---*- C++ -*-===//
//
// A member of an extension struct that may hold any object (writable from
// Python, set by a setter or from a call argument, the instance dict) can
// close a reference cycle. Without Py_TPFLAGS_HAVE_GC the cycle is never
// freed: a warning. With GC support and a traverse that visits the member,
// only the cycle collector frees it: a note, or a warning when the option
// GC is `disabled` (--python-gc=disabled), for programs that disable or
// freeze the collector. Documentation: docs/checks/python-reference-cycle.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHONREFERENCECYCLECHECK_H
#define CYCLINT_CHECKS_PYTHONREFERENCECYCLECHECK_H

#include "core/Check.h"

namespace cyclint {

class PythonReferenceCycleCheck : public Check {
public:
  static constexpr const char *Name = "python-reference-cycle";
  static constexpr const char *Summary =
      "object members that can close a reference cycle: never freed without GC support, else freed only by the cycle collector";

  explicit PythonReferenceCycleCheck(const CheckOptions &Options);
  void run(const ProgramGraph &Graph, std::vector<Finding> &Out) override;

private:
  bool GCDisabled;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYTHONREFERENCECYCLECHECK_H
