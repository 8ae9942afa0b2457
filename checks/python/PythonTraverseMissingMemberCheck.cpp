//===- PythonTraverseMissingMemberCheck.cpp - cyclint-python-traverse-missing-member -===//
//
// Per GC type whose traverse is known (every helper and base traverse it
// calls could be followed), per owned member that may hold any object and is
// not visited: a warning at the member. Members the model cannot tell about
// (PyContent::Unknown) and weak-reference lists are not reported.
//
//===----------------------------------------------------------------------===//

#include "checks/python/PythonTraverseMissingMemberCheck.h"
#include "checks/python/PythonCheckSupport.h"

#include <set>

namespace cyclint {

PythonTraverseMissingMemberCheck::PythonTraverseMissingMemberCheck(llvm::StringRef Name, const CheckOptions &Options)
    : ViewCheck(Name, Options) {}

void PythonTraverseMissingMemberCheck::check(const PythonProgram &P, std::vector<Finding> &Out) {
  std::set<std::pair<PyMemberRef, std::string>> Reported;
  for (const PyType &T : P.types()) {
    if (T.Struct < 0 || !T.GCKnown || !T.HaveGC || !T.Traverse || T.Opaque)
      continue;
    PySlotSummary S = P.traverseSummary(T);
    if (!S.Known)
      continue;
    for (const PyMemberInfo *M : P.ownedMembers(T)) {
      if (M->Content != PyContent::Arbitrary || S.Members.count(M->Ref))
        continue;
      if (!Reported.insert({M->Ref, S.Function}).second)
        continue;
      Finding &F =
          report(Out, pycheck::memberLoc(*M),
                 wording::python::notVisited(M->qualifiedName(), S.Function,
                                             pycheck::typeName(T)));
      pycheck::addContentNotes(*M, F);
      F.note(S.FunctionLoc,
             wording::python::slotDefinedHere("tp_traverse", S.Function));
    }
  }
}

} // namespace cyclint
