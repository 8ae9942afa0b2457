//===- PythonHeapTypeReferenceCheck.cpp - cyclint-python-heap-type-reference -===//
//
// For heap types (PyType_Spec) with known GC support:
//   * 3.9+ (the TU's PY_VERSION_HEX): a known traverse must visit
//     Py_TYPE(self), directly or through a helper or base traverse;
//   * before 3.9 it must not;
//   * a known tp_dealloc that frees the object must release the type;
//   * 3.9+: a heap type without GC support (after inheritance) gets a
//     note-level finding: its instances own a reference to the type that
//     the collector never sees (a cycle needs an instance kept in the type
//     or its module; python-reference-cycle warns on members that close one).
// Summaries that cannot be followed (a base chosen at run time, a helper in
// a TU not analyzed) are not reported.
//
//===----------------------------------------------------------------------===//

#include "checks/python/PythonHeapTypeReferenceCheck.h"
#include "checks/python/PythonCheckSupport.h"

namespace cyclint {

PythonHeapTypeReferenceCheck::PythonHeapTypeReferenceCheck(llvm::StringRef Name, const CheckOptions &Options)
    : ViewCheck(Name, Options) {}

void PythonHeapTypeReferenceCheck::check(const PythonProgram &P, std::vector<Finding> &Out) {
  for (const PyType &T : P.types()) {
    if (!T.Fact.Heap)
      continue;
    bool Since39 = T.Fact.PythonVersion >= 0x03090000;
    if (Since39 && T.GCKnown && !T.HaveGC) {
      report(Out, T.Fact.FlagsLoc,
             wording::python::heapTypeWithoutGC(pycheck::typeName(T)),
             Severity::Note);
    }
    if (T.GCKnown && T.HaveGC && T.Traverse && T.ownSlot("tp_traverse")) {
      PySlotSummary S = P.traverseSummary(T);
      if (S.Known && S.VisitsType != Since39) {
        Finding &F =
            report(Out, T.Traverse->Loc,
                   Since39 ? wording::python::heapTraverseMissesType(
                                 S.Function, pycheck::typeName(T))
                           : wording::python::heapTraverseVisitsTypeBefore39(
                                 S.Function, pycheck::typeName(T)));
        F.note(S.FunctionLoc,
               wording::python::slotDefinedHere("tp_traverse", S.Function));
      }
    }
    if (Since39 && T.Dealloc && T.ownSlot("tp_dealloc")) {
      PySlotSummary S = P.deallocSummary(T);
      if (S.Known && S.FreesSelf && !S.ReleasesType) {
        Finding &F = report(Out, T.Dealloc->Loc,
                            wording::python::heapDeallocKeepsType(
                                S.Function, pycheck::typeName(T)));
        F.note(S.FunctionLoc,
               wording::python::slotDefinedHere("tp_dealloc", S.Function));
      }
    }
  }
}

} // namespace cyclint
