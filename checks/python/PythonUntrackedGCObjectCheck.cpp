//===- PythonUntrackedGCObjectCheck.cpp - cyclint-python-untracked-gc-object -===//
//
// Per PyObject_GC_New allocation (PyAllocFact with GCAlloc):
//   untracked  neither tracked, returned, stored nor passed on: warning;
//   returned   from a function a type names as a slot (tp_new): warning, as
//              CPython does not track what tp_new returns; from a helper:
//              a warning when it has callers and each of them loses the
//              result (keeps it untracked, or returns it from tp_new);
//              notes at the callers;
//   tracked, escaped: silent.
//
//===----------------------------------------------------------------------===//

#include "checks/python/PythonUntrackedGCObjectCheck.h"
#include "checks/python/PythonCheckSupport.h"

namespace cyclint {

PythonUntrackedGCObjectCheck::PythonUntrackedGCObjectCheck(llvm::StringRef Name, const CheckOptions &Options)
    : ViewCheck(Name, Options) {}

/// The macro users write, for the message: _PyObject_GC_New is what the
/// PyObject_GC_New macro expands to.
static std::string allocatorName(const std::string &Callee) {
  llvm::StringRef Name(Callee);
  Name.consume_front("_");
  return Name.str();
}

/// The type whose tp_new or tp_alloc is the function, if any: what those
/// return goes to CPython untouched.
static std::pair<const PyType *, std::string>
slotNaming(const PythonProgram &P, const std::string &USR) {
  for (const PyType &T : P.types())
    for (const PySlotFact &S : T.Fact.Slots)
      if (S.Kind == PySlotKind::Function && S.Target == USR &&
          (S.Slot == "tp_new" || S.Slot == "tp_alloc"))
        return {&T, S.Slot};
  return {nullptr, ""};
}

void PythonUntrackedGCObjectCheck::check(const PythonProgram &P, std::vector<Finding> &Out) {
  for (const PyFunctionFact &Fn : P.functions()) {
    for (const PyAllocFact &A : Fn.Allocs) {
      if (!A.GCAlloc)
        continue;
      std::string Allocator = allocatorName(A.CalleeName);
      std::string Message;
      std::vector<DiagnosticMessage> Notes;
      if (A.Status == PyObjectStatus::Untracked) {
        Message = wording::python::untrackedAllocation(Fn.Name, Allocator);
      } else if (A.Status == PyObjectStatus::Returned) {
        auto [SlotOf, Slot] = slotNaming(P, Fn.USR);
        if (SlotOf) {
          Message = wording::python::untrackedFromSlot(
              Fn.Name, Slot, pycheck::typeName(*SlotOf), Allocator);
        } else {
          auto Callers = P.callResults(Fn.USR);
          if (Callers.empty() || P.isSlotFunction(Fn.USR))
            continue;
          // Every caller must lose the object: keep it untracked, or
          // return it from tp_new (CPython does not track that either).
          bool AllLose = true;
          for (auto [Caller, Result] : Callers)
            AllLose &= Result->Status == PyObjectStatus::Untracked ||
                       (Result->Status == PyObjectStatus::Returned &&
                        slotNaming(P, Caller->USR).first);
          if (!AllLose)
            continue;
          Message = wording::python::untrackedFromHelper(Fn.Name, Allocator);
          for (auto [Caller, Result] : Callers)
            Notes.push_back({Result->Loc, wording::python::callerDoesNotTrack(
                                              Caller->Name, Fn.Name)});
        }
      } else {
        continue;
      }
      report(Out, A.Loc, std::move(Message)).Notes = std::move(Notes);
    }
  }
}

} // namespace cyclint
