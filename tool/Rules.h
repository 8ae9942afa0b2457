//===- Rules.h - The SARIF rule of every check ------------------*- C++ -*-===//
//
// Each check's help text is its documentation page (docs/checks/<name>.md),
// embedded at build time; the summary is the page's first paragraph.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_TOOL_RULES_H
#define CYCLINT_TOOL_RULES_H

#include "core/Check.h"
#include "core/Output.h"

#include <vector>

namespace cyclint {

std::vector<RuleInfo> checkRules(const std::vector<CheckInfo> &Checks);

} // namespace cyclint

#endif // CYCLINT_TOOL_RULES_H
