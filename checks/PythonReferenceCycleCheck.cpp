//===- PythonReferenceCycleCheck.cpp - cyclint-python-reference-cycle ----===//
//
// Per type with a known struct and known GC support, per owned member that
// may hold any object (PyContent::Arbitrary):
//   * no Py_TPFLAGS_HAVE_GC (after inheritance): never freed, a warning;
//   * GC support, and the traverse (followed through helpers and bases) is
//     known to visit the member: freed only by the collector, a note (a
//     warning with GC=disabled);
//   * otherwise silent: a traverse that misses the member is
//     python-traverse-missing-member's, an unknown traverse nobody's.
// A member is reported once, for the first type that owns it.
//
//===----------------------------------------------------------------------===//

#include "PythonReferenceCycleCheck.h"
#include "PythonCheckSupport.h"

#include <set>

namespace cyclint {

PythonReferenceCycleCheck::PythonReferenceCycleCheck(const CheckOptions &Options)
    : GCDisabled(Options.get(Name, "GC", "enabled") == "disabled") {}

void PythonReferenceCycleCheck::run(const ProgramGraph &Graph,
                                    std::vector<Finding> &Out) {
  const PythonProgram &P = Graph.python();
  std::set<PyMemberRef> Reported;
  for (const PyType &T : P.types()) {
    if (T.Struct < 0 || !T.GCKnown)
      continue;
    std::optional<PySlotSummary> Traverse;
    for (const PyMemberInfo *M : P.ownedMembers(T)) {
      if (M->Content != PyContent::Arbitrary || Reported.count(M->Ref))
        continue;
      std::string Path = wording::python::cyclePath(M->StructName, true);
      Finding F;
      F.CheckName = Name;
      F.Warning.Loc = pycheck::memberLoc(*M);
      if (!T.HaveGC) {
        F.Warning.Message = wording::python::neverFreedCycle(
            M->qualifiedName(), pycheck::typeName(T), Path);
        pycheck::addContentNotes(*M, F);
        F.Notes.push_back(
            {T.Fact.FlagsLoc,
             wording::python::noGCSupport(pycheck::typeName(T),
                                          T.Base >= 0)});
      } else {
        if (!Traverse)
          Traverse = P.traverseSummary(T);
        if (!Traverse->Known || !Traverse->Members.count(M->Ref))
          continue;
        F.Level = GCDisabled ? Severity::Warning : Severity::Note;
        F.Warning.Message = wording::python::collectorOnlyCycle(
            M->qualifiedName(), Path, GCDisabled);
        pycheck::addContentNotes(*M, F);
        F.Notes.push_back(
            {Traverse->FunctionLoc,
             wording::python::visitedBy(M->qualifiedName(),
                                        Traverse->Function)});
      }
      Reported.insert(M->Ref);
      Out.push_back(std::move(F));
    }
  }
}

} // namespace cyclint
