//===- PythonGCTraverseFlagCheck.cpp - cyclint-python-gc-traverse-flag ---===//
//
// After inheritance (PythonProgram applies CPython's group rule):
//   * HAVE_GC and no tp_traverse: warning at the flags;
//   * a tp_traverse of the type's own and no HAVE_GC: warning at the slot.
// Types whose flags or base are not known are not reported.
//
//===----------------------------------------------------------------------===//

#include "checks/python/PythonGCTraverseFlagCheck.h"
#include "checks/python/PythonCheckSupport.h"

namespace cyclint {

PythonGCTraverseFlagCheck::PythonGCTraverseFlagCheck(const CheckOptions &) {}

void PythonGCTraverseFlagCheck::run(const ProgramGraph &Graph,
                                    std::vector<Finding> &Out) {
  const PythonProgram &P = Graph.python();
  for (const PyType &T : P.types()) {
    if (!T.GCKnown)
      continue;
    Finding F;
    F.CheckName = Name;
    if (T.HaveGC && !T.Traverse) {
      F.Warning.Loc = T.Fact.FlagsLoc;
      F.Warning.Message =
          wording::python::gcFlagWithoutTraverse(pycheck::typeName(T));
      if (T.Base >= 0 && P.types()[T.Base].Traverse)
        F.Notes.push_back(
            {P.types()[T.Base].Fact.Loc,
             wording::python::groupInheritance(
                 pycheck::typeName(T), pycheck::typeName(P.types()[T.Base]))});
    } else if (!T.HaveGC && T.Traverse && T.TraverseFrom >= 0 &&
               &P.types()[T.TraverseFrom] == &T) {
      F.Warning.Loc = T.Traverse->Loc;
      F.Warning.Message = wording::python::traverseWithoutGCFlag(
          T.Traverse->TargetName, pycheck::typeName(T));
      F.Notes.push_back(
          {T.Fact.FlagsLoc, wording::python::flagsHere(pycheck::typeName(T))});
    } else {
      continue;
    }
    Out.push_back(std::move(F));
  }
}

} // namespace cyclint
