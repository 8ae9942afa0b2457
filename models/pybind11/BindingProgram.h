//===- BindingProgram.h - Bound classes of the whole program ----*- C++ -*-===//
//
// The "pybind11" view: every TU's section merged. Records are keyed by USR
// (the first TU to describe one wins, members merged by name), a class bound
// several times (or in several TUs) merges its bindings, and function
// summaries are indexed by USR so that a method bound in one TU and defined
// in another is followed. `exposures()` answers the question the checks ask:
// how can Python code put an object of its choice into this member?
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_PYBIND11_BINDINGPROGRAM_H
#define CYCLINT_MODELS_PYBIND11_BINDINGPROGRAM_H

#include "core/Runtime.h"
#include "models/pybind11/BindingFacts.h"

#include <map>
#include <string>
#include <vector>

namespace cyclint {

/// One way Python code can put an object of its choice into a member.
struct Exposure {
  BindingKind Kind = BindingKind::ReadWrite;
  std::string Attribute;
  std::string FunctionName;
  int Param = 0;          // the stored parameter (Setter/Method/Init)
  SourceLocation Loc;     // the store, or the def_* call
  SourceLocation BindLoc; // the def_* call
};

class BindingProgram : public ProgramView {
public:
  static constexpr const char *RuntimeName = "pybind11";

  static BindingProgram build(std::vector<BindingTUFacts> TUs);

  /// Records with members that hold Python objects, by USR.
  const std::map<std::string, HolderRecordFact> &holders() const {
    return Holders;
  }
  const HolderRecordFact *holder(const std::string &Usr) const;
  /// Bound classes by USR, each binding merged (first location kept).
  const std::map<std::string, BoundClassFact> &classes() const {
    return Classes;
  }
  const std::vector<KeepAliveFact> &keepAlive() const { return KeepAlive; }
  /// How Python can store into member `M` of bound class `ClassUsr` (or a
  /// record reached by value), sorted by location.
  std::vector<Exposure> exposures(const BindingMember &M) const;

private:
  std::map<std::string, HolderRecordFact> Holders;
  std::map<std::string, BoundClassFact> Classes;
  std::map<BindingMember, std::vector<Exposure>> Exposures;
  std::vector<KeepAliveFact> KeepAlive;
};

} // namespace cyclint

#endif // CYCLINT_MODELS_PYBIND11_BINDINGPROGRAM_H
