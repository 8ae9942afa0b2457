//===- PythonClearMissingMemberCheck.cpp - cyclint-python-clear-missing-member -===//
//
// Per GC type with a known traverse and a known tp_clear (both followed
// through helpers and bases), per member the traverse visits that may hold
// any object and the clear leaves alone: a warning at the member. A type
// without tp_clear (immutable objects) is not reported: other objects in
// the cycle may break it.
//
//===----------------------------------------------------------------------===//

#include "PythonClearMissingMemberCheck.h"
#include "PythonCheckSupport.h"

#include <set>

namespace cyclint {

PythonClearMissingMemberCheck::PythonClearMissingMemberCheck(
    const CheckOptions &) {}

void PythonClearMissingMemberCheck::run(const ProgramGraph &Graph,
                                        std::vector<Finding> &Out) {
  const PythonProgram &P = Graph.python();
  std::set<std::pair<PyMemberRef, std::string>> Reported;
  for (const PyType &T : P.types()) {
    if (T.Struct < 0 || !T.GCKnown || !T.HaveGC || !T.Traverse || !T.Clear)
      continue;
    PySlotSummary Traverse = P.traverseSummary(T);
    PySlotSummary Clear = P.clearSummary(T);
    if (!Traverse.Known || !Clear.Known)
      continue;
    for (const PyMemberInfo *M : P.ownedMembers(T)) {
      if (M->Content != PyContent::Arbitrary ||
          !Traverse.Members.count(M->Ref) || Clear.Members.count(M->Ref))
        continue;
      if (!Reported.insert({M->Ref, Clear.Function}).second)
        continue;
      Finding F;
      F.CheckName = Name;
      F.Warning.Loc = pycheck::memberLoc(*M);
      F.Warning.Message = wording::python::notCleared(
          M->qualifiedName(), Traverse.Function, Clear.Function,
          pycheck::typeName(T));
      F.Notes.push_back({Clear.FunctionLoc, wording::python::slotDefinedHere(
                                                "tp_clear", Clear.Function)});
      F.Notes.push_back(
          {Traverse.FunctionLoc,
           wording::python::visitedBy(M->qualifiedName(), Traverse.Function)});
      Out.push_back(std::move(F));
    }
  }
}

} // namespace cyclint
