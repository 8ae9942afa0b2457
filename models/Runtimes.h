//===- Runtimes.h - The runtimes that ship with cyclint ---------*- C++ -*-===//
//
// The list front ends hand to the core (Plugins::Runtimes), generated from
// models/Runtimes.def.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_RUNTIMES_H
#define CYCLINT_MODELS_RUNTIMES_H

#include "core/Runtime.h"

#include <vector>

namespace cyclint {

const std::vector<RuntimeInfo> &builtinRuntimes();

} // namespace cyclint

#endif // CYCLINT_MODELS_RUNTIMES_H
