//===- PythonClearMissingMemberCheck.h - cyclint-python-clear-missing-member ---*- C++ -*-===//
//
// A GC type whose tp_clear leaves a member that tp_traverse visits and that
// may hold any object: the collector finds the cycle but cannot break it.
// Documentation: docs/checks/python-clear-missing-member.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHON_PYTHONCLEARMISSINGMEMBERCHECK_H
#define CYCLINT_CHECKS_PYTHON_PYTHONCLEARMISSINGMEMBERCHECK_H

#include "core/Check.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint {

class PythonClearMissingMemberCheck : public ViewCheck<PythonProgram> {
public:
  PythonClearMissingMemberCheck(llvm::StringRef Name, const CheckOptions &Options);
  void check(const PythonProgram &P, std::vector<Finding> &Out) override;
  void storeOptions(OptionMap &Out) const override;

private:
  /// Print the notes on members the collector breaks anyway (a container
  /// the program made, whose own clear runs); counted either way.
  bool CollectorNotes;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYTHON_PYTHONCLEARMISSINGMEMBERCHECK_H
