//===- PythonClearMissingMemberCheck.cpp - cyclint-python-clear-missing-member -===//
//
// Per GC type with a known traverse and a known tp_clear (both followed
// through helpers and bases), per member the traverse visits that may hold
// any object and the clear leaves alone: a warning at the member. A type
// without tp_clear (immutable objects) is not reported: other objects in
// the cycle may break it. Nor is a member that the dealloc of a non-GC
// element type (whose struct declares it) releases: the owner's clear
// releases the elements it walks, through helpers the model cannot follow.
// A member that only ever holds a dict, list or set the program made is a
// note (printed when the option CollectorNotes is 1): the container's own
// tp_clear breaks the cycle.
//
//===----------------------------------------------------------------------===//

#include "checks/python/PythonClearMissingMemberCheck.h"
#include "checks/python/PythonCheckSupport.h"

#include <set>

namespace cyclint {

PythonClearMissingMemberCheck::PythonClearMissingMemberCheck(llvm::StringRef Name, const CheckOptions &Options)
    : ViewCheck(Name, Options),
      CollectorNotes(Check::Options.get("CollectorNotes", 0u) != 0) {}

void PythonClearMissingMemberCheck::storeOptions(OptionMap &Out) const {
  Options.store(Out, "CollectorNotes", CollectorNotes ? 1u : 0u);
}

void PythonClearMissingMemberCheck::check(const PythonProgram &P, std::vector<Finding> &Out) {
  std::set<std::pair<PyMemberRef, std::string>> Reported;
  // Members released by the dealloc of an element type: a type without GC
  // support whose struct declares the member. An owner that visits them
  // (walking its list of elements) breaks a cycle by releasing the
  // elements, which the model cannot follow (the list is reached from a
  // helper's result, not from the owner): unknown, so silent.
  std::set<PyMemberRef> ReleasedByElements;
  for (const PyType &E : P.types()) {
    if (E.Struct < 0 || !E.GCKnown || E.HaveGC || !E.Dealloc)
      continue;
    PySlotSummary D = P.deallocSummary(E);
    for (const PyMemberRef &R : D.Released)
      if (R.Struct == P.structs()[E.Struct].Fact.Key)
        ReleasedByElements.insert(R);
  }
  for (const PyType &T : P.types()) {
    if (T.Struct < 0 || !T.GCKnown || !T.HaveGC || !T.Traverse || !T.Clear)
      continue;
    PySlotSummary Traverse = P.traverseSummary(T);
    PySlotSummary Clear = P.clearSummary(T);
    if (!Traverse.Known || !Clear.Known)
      continue;
    for (const PyMemberInfo *M : P.ownedMembers(T)) {
      if (M->Content != PyContent::Arbitrary ||
          !Traverse.Members.count(M->Ref) || Clear.Members.count(M->Ref) ||
          ReleasedByElements.count(M->Ref))
        continue;
      if (!Reported.insert({M->Ref, Clear.Function}).second)
        continue;
      // A dict, list or set the program made breaks the cycle itself when
      // the collector clears it: a note, printed on request.
      std::string Container = P.clearableContainer(M->Ref);
      Finding &F =
          Container.empty()
              ? report(Out, pycheck::memberLoc(*M),
                       wording::python::notCleared(
                           M->qualifiedName(), Traverse.Function,
                           Clear.Function, pycheck::typeName(T)))
              : report(Out, pycheck::memberLoc(*M),
                       wording::python::clearNotNeeded(
                           M->qualifiedName(), "tp_clear", Clear.Function,
                           Container),
                       CollectorNotes ? Severity::Note : Severity::Hidden);
      F.note(Clear.FunctionLoc,
             wording::python::slotDefinedHere("tp_clear", Clear.Function));
      F.note(Traverse.FunctionLoc,
             wording::python::visitedBy(M->qualifiedName(), Traverse.Function));
    }
  }
}

} // namespace cyclint
