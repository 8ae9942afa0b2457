//===- Pybind11ReferenceCycleCheck.h - cyclint-pybind11-reference-cycle -*- C++ -*-===//
//
// A member of a class bound with pybind11 or nanobind that holds a Python
// object Python code can choose (writable, set by a setter, a method or the
// constructor, a container Python can fill) can close a reference cycle
// through the instance's own wrapper. Unless the bound type's tp_traverse
// visits the member, the collector never sees that edge and the cycle is
// never freed. keep_alive policies make the same kind of invisible edge.
// Documentation: docs/checks/pybind11-reference-cycle.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYBIND11_PYBIND11REFERENCECYCLECHECK_H
#define CYCLINT_CHECKS_PYBIND11_PYBIND11REFERENCECYCLECHECK_H

#include "core/Check.h"
#include "models/pybind11/BindingProgram.h"

namespace cyclint {

class Pybind11ReferenceCycleCheck : public ViewCheck<BindingProgram> {
public:
  using ViewCheck::ViewCheck;
  void check(const BindingProgram &P, std::vector<Finding> &Out) override;

private:
  void checkMembers(const BindingProgram &P, const BoundClassFact &C,
                    std::vector<Finding> &Out);
  void checkKeepAlive(const BindingProgram &P, std::vector<Finding> &Out);
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_PYBIND11_PYBIND11REFERENCECYCLECHECK_H
