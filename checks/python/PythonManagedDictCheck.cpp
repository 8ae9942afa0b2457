//===- PythonManagedDictCheck.cpp - cyclint-python-managed-dict -----------===//
//
// Per type whose flags fold to a constant with Py_TPFLAGS_MANAGED_DICT, in a
// TU compiled against Python 3.12+ (the bit meant something else before):
//   * tp_dictoffset set as well: a warning at the flags;
//   * no Py_TPFLAGS_HAVE_GC (after inheritance): a warning at the flags;
//   * its own tp_traverse, followed through helpers and bases, never calls
//     PyObject_VisitManagedDict: a warning at the slot;
//   * its own tp_clear never calls PyObject_ClearManagedDict: a warning at
//     the slot.
// Summaries that cannot be followed and types whose base is unknown are
// not reported.
//
//===----------------------------------------------------------------------===//

#include "checks/python/PythonManagedDictCheck.h"
#include "checks/python/PythonCheckSupport.h"

namespace cyclint {

PythonManagedDictCheck::PythonManagedDictCheck(llvm::StringRef Name, const CheckOptions &Options)
    : ViewCheck(Name, Options) {}

void PythonManagedDictCheck::check(const PythonProgram &P, std::vector<Finding> &Out) {
  for (const PyType &T : P.types()) {
    if (!T.Fact.FlagsKnown || !T.Fact.ManagedDict)
      continue;
    auto Report = [&](SourceLocation Loc, std::string Message,
                      const PySlotSummary *S, const char *Slot) {
      Finding &F = report(Out, Loc, std::move(Message));
      if (S)
        F.note(S->FunctionLoc,
               wording::python::slotDefinedHere(Slot, S->Function));
    };
    std::string Type = pycheck::typeName(T);
    if (T.Fact.DictOffset || !T.Fact.DictField.empty())
      Report(T.Fact.FlagsLoc, wording::python::managedDictWithDictOffset(Type),
             nullptr, "");
    if (!T.GCKnown)
      continue;
    if (!T.HaveGC) {
      Report(T.Fact.FlagsLoc, wording::python::managedDictWithoutGC(Type),
             nullptr, "");
      continue;
    }
    if (T.Traverse && T.ownSlot("tp_traverse")) {
      PySlotSummary S = P.traverseSummary(T);
      if (S.Known && !S.VisitsManagedDict)
        Report(T.Traverse->Loc,
               wording::python::managedDictNotVisited(S.Function, Type), &S,
               "tp_traverse");
    }
    if (T.Clear && T.ownSlot("tp_clear")) {
      PySlotSummary S = P.clearSummary(T);
      if (S.Known && !S.ClearsManagedDict)
        Report(T.Clear->Loc,
               wording::python::managedDictNotCleared(S.Function, Type), &S,
               "tp_clear");
    }
  }
}

} // namespace cyclint
