//===- PythonGCTraverseFlagCheck.cpp - cyclint-python-gc-traverse-flag ---===//
//
// After inheritance (PythonProgram applies CPython's group rule):
//   * HAVE_GC and no tp_traverse: warning at the flags;
//   * a tp_traverse of the type's own and no HAVE_GC: warning at the slot,
//     unless the type is a static base whose traverse its heap subclasses
//     run (PyType::SubclassGC).
// Types whose flags or base are not known are not reported.
//
//===----------------------------------------------------------------------===//

#include "checks/python/PythonGCTraverseFlagCheck.h"
#include "checks/python/PythonCheckSupport.h"

namespace cyclint {

PythonGCTraverseFlagCheck::PythonGCTraverseFlagCheck(llvm::StringRef Name, const CheckOptions &Options)
    : ViewCheck(Name, Options) {}

void PythonGCTraverseFlagCheck::check(const PythonProgram &P, std::vector<Finding> &Out) {
  for (const PyType &T : P.types()) {
    if (!T.GCKnown)
      continue;
    if (T.HaveGC && !T.Traverse) {
      Finding &F = report(
          Out, T.Fact.FlagsLoc,
          wording::python::gcFlagWithoutTraverse(pycheck::typeName(T)));
      if (T.Base >= 0 && P.types()[T.Base].Traverse)
        F.note(P.types()[T.Base].Fact.Loc,
               wording::python::groupInheritance(
                   pycheck::typeName(T), pycheck::typeName(P.types()[T.Base])));
    } else if (!T.HaveGC && !T.SubclassGC && T.Traverse &&
               T.TraverseFrom >= 0 && &P.types()[T.TraverseFrom] == &T) {
      report(Out, T.Traverse->Loc,
             wording::python::traverseWithoutGCFlag(T.Traverse->TargetName,
                                                    pycheck::typeName(T)))
          .note(T.Fact.FlagsLoc,
                wording::python::flagsHere(pycheck::typeName(T)));
    }
  }
}

} // namespace cyclint
