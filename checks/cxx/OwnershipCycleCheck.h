//===- OwnershipCycleCheck.h - cyclint-ownership-cycle ----------*- C++ -*-===//
//
// Finds reference cycles among the program's records: closed paths of strong
// and owning members with at least one strong member. Documentation:
// docs/checks/ownership-cycle.md.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_CXX_OWNERSHIPCYCLECHECK_H
#define CYCLINT_CHECKS_CXX_OWNERSHIPCYCLECHECK_H

#include "core/Check.h"
#include "models/cxx/CycleBreakers.h"
#include "models/cxx/OwnershipGraph.h"

namespace cyclint {

class OwnershipCycleCheck : public ViewCheck<OwnershipGraph> {
public:
  OwnershipCycleCheck(llvm::StringRef Name, const CheckOptions &Options);
  void check(const OwnershipGraph &G, std::vector<Finding> &Out) override;
  /// Cycles through a member marked CYCLINT_STRONG_BACK_LINK are broken by
  /// hand: counted hidden, never reported.
  bool honoursStrongBackLinks() const override { return true; }
  void storeOptions(OptionMap &Out) const override;

  /// True when a member's name says it points back up a structure
  /// (`parent`, `m_owner`, `prevSibling`): split into words, any word in the
  /// BackLinkWords option.
  bool isBackLinkName(llvm::StringRef FieldName) const;

private:
  unsigned MaxCyclesPerComponent;
  /// A class with more subclasses than this (a class template's
  /// instantiations counted once) is a generic slot's type; 0: no limit.
  unsigned MaxSubclassesGuessed;
  bool ShowBrokenCycles; // cycles an owner's destructor breaks, as notes
  std::string BackLinkWordList; // as given, for storeOptions
  std::vector<std::string> BackLinkWords;
};

} // namespace cyclint

#endif // CYCLINT_CHECKS_CXX_OWNERSHIPCYCLECHECK_H
