//===- PythonReferenceCycleCheck.h - cyclint-python-reference-cycle ---*- C++ -*-===//
//
// A member of an extension struct that may hold any object (writable from
// Python, set by a setter or from a call argument, the instance dict) can
// close a reference cycle. Without Py_TPFLAGS_HAVE_GC the cycle is never
// freed: a warning. With GC support and a traverse that visits the member,
// only the cycle collector frees it: a note, or a warning when the option
// GC is `disabled` (--python-gc=disabled), for programs that disable or
// freeze the collector. Those notes are counted but printed only when the
// option CollectorNotes is 1 (a module with 2 warnings can have 30 of them).
// A new reference to a caller's object handed to a C library as user data
// of a handle the object keeps is a reference no traverse can visit: a
// cycle through it is never freed, whatever the type's GC support.
// Documentation: docs/checks/python-reference-cycle.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHON_PYTHONREFERENCECYCLECHECK_H
#define CYCLINT_CHECKS_PYTHON_PYTHONREFERENCECYCLECHECK_H

#include "core/Check.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint {

class PythonReferenceCycleCheck : public ViewCheck<PythonProgram> {
public:
  PythonReferenceCycleCheck(llvm::StringRef Name, const CheckOptions &Options);
  void check(const PythonProgram &P, std::vector<Finding> &Out) override;
  void storeOptions(OptionMap &Out) const override;
  /// `--python-gc=enabled|disabled` sets GC.
  static std::vector<OptionAlias> aliases();

private:
  /// References a C library keeps as user data (PyFunctionFact::UserData).
  void checkUserData(const PythonProgram &P, std::vector<Finding> &Out);

  bool GCDisabled;
  bool CollectorNotes;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYTHON_PYTHONREFERENCECYCLECHECK_H
