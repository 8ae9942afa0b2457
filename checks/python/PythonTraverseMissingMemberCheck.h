//===- PythonTraverseMissingMemberCheck.h - cyclint-python-traverse-missing-member ---*- C++ -*-===//
//
// A GC type's tp_traverse (after inheritance, following helpers and base
// traverses) that does not visit an owned member which may hold any object:
// the collector cannot see a cycle through it, so it is never freed.
// Documentation: docs/checks/python-traverse-missing-member.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHONTRAVERSEMISSINGMEMBERCHECK_H
#define CYCLINT_CHECKS_PYTHONTRAVERSEMISSINGMEMBERCHECK_H

#include "core/Check.h"

namespace cyclint {

class PythonTraverseMissingMemberCheck : public Check {
public:
  static constexpr const char *Name = "python-traverse-missing-member";
  static constexpr const char *Summary =
      "tp_traverse functions that do not visit a member that can close a cycle";

  explicit PythonTraverseMissingMemberCheck(const CheckOptions &Options);
  void run(const ProgramGraph &Graph, std::vector<Finding> &Out) override;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYTHONTRAVERSEMISSINGMEMBERCHECK_H
