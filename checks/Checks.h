//===- Checks.h - The checks that ship with cyclint -------------*- C++ -*-===//
//
// The list front ends hand to the core (Plugins::Checks), generated from
// checks/Checks.def.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_CHECKS_H
#define CYCLINT_CHECKS_CHECKS_H

#include "core/Check.h"

#include <vector>

namespace cyclint {

/// Every check, in alphabetical order.
const std::vector<CheckInfo> &builtinChecks();

} // namespace cyclint

#endif // CYCLINT_CHECKS_CHECKS_H
