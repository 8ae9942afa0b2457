//===- OwnershipCycleCheck.h - cyclint-ownership-cycle ----------*- C++ -*-===//
//
// Finds reference cycles among the program's records: closed paths of strong
// and owning members with at least one strong member. Documentation:
// docs/checks/ownership-cycle.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_OWNERSHIPCYCLECHECK_H
#define CYCLINT_CHECKS_OWNERSHIPCYCLECHECK_H

#include "core/Check.h"

namespace cyclint {

class OwnershipCycleCheck : public Check {
public:
  static constexpr const char *Name = "ownership-cycle";
  static constexpr const char *Summary =
      "reference cycles of strong and owning members that nothing frees";

  explicit OwnershipCycleCheck(const CheckOptions &Options);
  void run(const ProgramGraph &Graph, std::vector<Finding> &Out) override;

  /// True when a member's name says it points back up a structure
  /// (`parent`, `m_owner`, `prevSibling`): split into words, any word in the
  /// BackLinkWords option.
  bool isBackLinkName(llvm::StringRef FieldName) const;

private:
  unsigned MaxCyclesPerComponent;
  std::vector<std::string> BackLinkWords;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_OWNERSHIPCYCLECHECK_H
