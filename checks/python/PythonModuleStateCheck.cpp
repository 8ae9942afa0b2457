//===- PythonModuleStateCheck.cpp - cyclint-python-module-state -----------===//
//
// Per PyModuleDef whose m_size folds to a positive constant and whose state
// struct is known (m_size = sizeof(S), or the one struct PyModule_GetState's
// result is converted to) and has object members that can take part in a
// cycle (not those only ever set to interned strings, numbers or None):
//   * no m_traverse: one warning at the definition (saying whether m_clear
//     is missing too), a note per state member;
//   * an m_traverse that can be followed (helpers passed `visit`): a warning
//     per state member it does not visit;
//   * an m_traverse but no m_clear: one warning at the definition;
//   * an m_clear that can be followed (helpers passed the module or its
//     state): a warning per member m_traverse visits and m_clear leaves,
//     a note (printed when the option CollectorNotes is 1) when that member
//     only ever holds a dict, list or set the module made: its own clear
//     breaks the cycle.
// Borrowed state members (stored without a reference of their own, never
// released) take part in no cycle and are left out.
// Anything that cannot be followed (a function pointer, a helper in a TU
// not analyzed, m_size not constant, no state struct) is silent.
//
//===----------------------------------------------------------------------===//

#include "checks/python/PythonModuleStateCheck.h"
#include "checks/python/PythonCheckSupport.h"

namespace cyclint {

PythonModuleStateCheck::PythonModuleStateCheck(llvm::StringRef Name, const CheckOptions &Options)
    : ViewCheck(Name, Options),
      CollectorNotes(Check::Options.get("CollectorNotes", 0u) != 0) {}

void PythonModuleStateCheck::storeOptions(OptionMap &Out) const {
  Options.store(Out, "CollectorNotes", CollectorNotes ? 1u : 0u);
}

/// State members that can take part in a cycle: not those the program only
/// ever fills with interned strings, numbers, None or what a static type
/// owns (`int.__abs__`), nor borrowed references (stored without a
/// reference of their own, never released). Visiting those is allowed, not
/// needed.
static std::vector<PyObjectMemberFact> cycleMembers(const PythonProgram &P,
                                                    const PyModuleFact &M) {
  std::vector<PyObjectMemberFact> Result;
  for (const PyObjectMemberFact &Mem : M.StateMembers)
    if (!P.onlyAcyclicStores({M.StateStruct, Mem.Name}) &&
        !P.isBorrowedField({M.StateStruct, Mem.Name}))
      Result.push_back(Mem);
  return Result;
}

void PythonModuleStateCheck::check(const PythonProgram &P, std::vector<Finding> &Out) {
  for (const PyModuleFact &Def : P.modules()) {
    if (!Def.SizeKnown || Def.Size <= 0 || Def.StateStruct.empty())
      continue;
    PyModuleFact M = Def;
    M.StateMembers = cycleMembers(P, Def);
    if (M.StateMembers.empty())
      continue;
    std::string Module =
        wording::python::typeName(M.VarName, M.PyName, /*Heap=*/false);
    auto Qualified = [&](const PyObjectMemberFact &Mem) {
      return M.StateStructName + "::" + Mem.Name;
    };
    auto HasSlot = [&](llvm::StringRef Name) {
      return llvm::any_of(M.Slots,
                          [&](const PySlotFact &S) { return S.Slot == Name; });
    };
    bool HasClear = HasSlot("m_clear");
    if (!HasSlot("m_traverse")) {
      Finding &F = report(Out, M.Loc,
                          wording::python::moduleWithoutTraverse(
                              Module, M.StateStructName, !HasClear));
      for (const PyObjectMemberFact &Mem : M.StateMembers)
        F.note(Mem.Loc, wording::python::stateMember(Qualified(Mem)));
      continue;
    }
    PySlotSummary Traverse = P.moduleSummary(M, "m_traverse");
    if (!Traverse.Known)
      continue;
    for (const PyObjectMemberFact &Mem : M.StateMembers) {
      if (Traverse.Members.count({M.StateStruct, Mem.Name}))
        continue;
      Finding &F = report(Out, Mem.Loc,
                          wording::python::stateNotVisited(
                              Qualified(Mem), Traverse.Function, Module));
      F.note(Traverse.FunctionLoc,
             wording::python::slotDefinedHere("m_traverse", Traverse.Function));
    }
    bool VisitsState = llvm::any_of(M.StateMembers, [&](const auto &Mem) {
      return Traverse.Members.count({M.StateStruct, Mem.Name}) > 0;
    });
    if (!VisitsState)
      continue;
    if (!HasClear) {
      Finding &F = report(
          Out, M.Loc,
          wording::python::moduleWithoutClear(Module, Traverse.Function));
      F.note(Traverse.FunctionLoc,
             wording::python::slotDefinedHere("m_traverse", Traverse.Function));
      continue;
    }
    PySlotSummary Clear = P.moduleSummary(M, "m_clear");
    if (!Clear.Known)
      continue;
    for (const PyObjectMemberFact &Mem : M.StateMembers) {
      PyMemberRef Ref{M.StateStruct, Mem.Name};
      if (!Traverse.Members.count(Ref) || Clear.Members.count(Ref))
        continue;
      std::string Container = P.clearableContainer(Ref);
      Finding &F =
          Container.empty()
              ? report(Out, Mem.Loc,
                       wording::python::stateNotCleared(
                           Qualified(Mem), Traverse.Function, Clear.Function,
                           Module))
              : report(Out, Mem.Loc,
                       wording::python::clearNotNeeded(
                           Qualified(Mem), "m_clear", Clear.Function,
                           Container),
                       CollectorNotes ? Severity::Note : Severity::Hidden);
      F.note(Clear.FunctionLoc,
             wording::python::slotDefinedHere("m_clear", Clear.Function));
    }
  }
}

} // namespace cyclint
