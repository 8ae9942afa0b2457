//===- PythonModuleStateCheck.h - cyclint-python-module-state ----*- C++ -*-===//
//
// A PyModuleDef with per-module state (m_size > 0) whose state struct holds
// objects needs an m_traverse that visits them and an m_clear that clears
// what m_traverse visits. Documentation: docs/checks/python-module-state.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHON_PYTHONMODULESTATECHECK_H
#define CYCLINT_CHECKS_PYTHON_PYTHONMODULESTATECHECK_H

#include "core/Check.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint {

class PythonModuleStateCheck : public ViewCheck<PythonProgram> {
public:
  PythonModuleStateCheck(llvm::StringRef Name, const CheckOptions &Options);
  void check(const PythonProgram &P, std::vector<Finding> &Out) override;
  void storeOptions(OptionMap &Out) const override;

private:
  /// Print the notes on members the collector breaks anyway (a container
  /// the program made, whose own clear runs); counted either way.
  bool CollectorNotes;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYTHON_PYTHONMODULESTATECHECK_H
