//===- PythonReferenceCycleCheck.cpp - cyclint-python-reference-cycle ----===//
//
// Per type with a known struct and known GC support, per owned member that
// may hold any object (PyContent::Arbitrary):
//   * no Py_TPFLAGS_HAVE_GC (after inheritance): never freed, a warning;
//   * GC support, and the traverse (followed through helpers and bases) is
//     known to visit the member: freed only by the collector, a note (a
//     warning with GC=disabled);
//   * no GC support, but some GC type's traverse visits the member (an owner
//     walking a list of its non-GC elements): silent, the collector sees it;
//   * otherwise silent: a traverse that misses the member is
//     python-traverse-missing-member's, an unknown traverse nobody's.
// A member owned by several types (a base struct) gets the worst verdict,
// reported once. Never-freed members of one type are one warning, at the
// first in declaration order, with a note for each other one.
//
//===----------------------------------------------------------------------===//

#include "checks/python/PythonReferenceCycleCheck.h"
#include "checks/python/PythonCheckSupport.h"

#include <map>
#include <set>
#include <vector>

namespace cyclint {

/// `Match_Type` (or tp_name `_regex.Match`) for the struct `MatchObject`.
static bool namedAfterStruct(const PyType &T, const PythonProgram &P) {
  auto Stem = [](llvm::StringRef Name, llvm::StringRef Suffix) {
    if (Name.size() > Suffix.size() && Name.ends_with_insensitive(Suffix))
      Name = Name.drop_back(Suffix.size());
    return Name.rtrim('_').lower();
  };
  std::string Struct = Stem(P.structs()[T.Struct].Fact.Name, "object");
  return !Struct.empty() && (Struct == Stem(T.Fact.VarName, "type") ||
         Struct == llvm::StringRef(T.Fact.PyName).rsplit('.').second.lower() ||
         Struct == llvm::StringRef(T.Fact.PyName).lower());
}

PythonReferenceCycleCheck::PythonReferenceCycleCheck(
    llvm::StringRef Name, const CheckOptions &Options)
    : ViewCheck(Name, Options),
      GCDisabled(Check::Options.get("GC", "enabled") == "disabled"),
      CollectorNotes(Check::Options.get("CollectorNotes", 0u) != 0) {}

std::vector<OptionAlias> PythonReferenceCycleCheck::aliases() {
  return {{"python-gc", "GC", {"enabled", "disabled"},
           "Whether the analyzed CPython programs run the cycle collector: "
           "'enabled' (default; a cycle among GC-aware extension types is "
           "a note) or 'disabled' (for programs that call gc.disable() or "
           "gc.freeze(): such cycles are warnings). Same as "
           "--check-option=python-reference-cycle.GC=<value>"}};
}

void PythonReferenceCycleCheck::storeOptions(OptionMap &Out) const {
  Options.store(Out, "GC", GCDisabled ? "disabled" : "enabled");
  Options.store(Out, "CollectorNotes", CollectorNotes ? 1u : 0u);
}

void PythonReferenceCycleCheck::check(const PythonProgram &P, std::vector<Finding> &Out) {
  // A member may belong to several types (a base struct): the verdict is the
  // worst over all of them. Never freed (a type without GC support) wins;
  // a traverse that misses the member, or that cannot be followed, makes the
  // member another check's business (or nobody's); only when every type
  // visits it is it freed by the collector alone.
  enum Verdict { CollectorOnly, Silent, NeverFreed };
  struct State {
    Verdict V = CollectorOnly;
    const PyMemberInfo *Member = nullptr;
    const PyType *Type = nullptr; // the type that decided the verdict
    PySlotSummary Traverse;
  };
  std::map<PyMemberRef, State> States;
  // Members some GC type's traverse visits, through any pointer (an owner
  // walking a list of non-GC elements visits `elem->key`): the collector
  // sees those edges, so they are not "never freed".
  std::set<PyMemberRef> VisitedByCollector;
  for (const PyType &T : P.types()) {
    if (!T.GCKnown || !T.HaveGC || !T.Traverse)
      continue;
    PySlotSummary S = P.traverseSummary(T);
    VisitedByCollector.insert(S.Members.begin(), S.Members.end());
  }
  for (const PyType &T : P.types()) {
    if (T.Struct < 0)
      continue;
    std::optional<PySlotSummary> Traverse;
    for (const PyMemberInfo *M : P.ownedMembers(T)) {
      if (M->Content != PyContent::Arbitrary)
        continue;
      auto [It, New] = States.try_emplace(M->Ref);
      State &S = It->second;
      if (New) {
        S.Member = M;
        S.Type = &T;
      }
      if (S.V == NeverFreed) {
        // Several types declared with one struct (regex declares its
        // Capture_Type with sizeof(MatchObject)): name the one the struct
        // is named after.
        if (T.GCKnown && !T.HaveGC && !T.SubclassGC && !T.Opaque &&
            namedAfterStruct(T, P) && !namedAfterStruct(*S.Type, P))
          S.Type = &T;
        continue;
      }
      if (!T.GCKnown || T.SubclassGC || T.Opaque) {
        S.V = Silent; // unknown; GC through heap subclasses; or opaque
        continue;
      }
      if (!T.HaveGC) {
        if (VisitedByCollector.count(M->Ref)) {
          S.V = Silent;
          continue;
        }
        S.V = NeverFreed;
        S.Type = &T;
        continue;
      }
      if (!Traverse)
        Traverse = P.traverseSummary(T);
      if (!Traverse->Known || !Traverse->Members.count(M->Ref)) {
        S.V = Silent;
      } else if (S.V == CollectorOnly && S.Traverse.Function.empty()) {
        S.Traverse = *Traverse;
        S.Type = &T;
      }
    }
  }

  // Never-freed members, grouped by the type that decided the verdict, in
  // declaration order: one warning per type at its first such member, a
  // note for each other one (one missing flag, one finding).
  std::vector<std::pair<const PyType *, std::vector<const PyMemberInfo *>>>
      NeverFreedByType;
  for (const PyType &T : P.types()) {
    if (T.Struct < 0)
      continue;
    std::vector<const PyMemberInfo *> Group;
    for (const PyMemberInfo *M : P.ownedMembers(T)) {
      auto It = States.find(M->Ref);
      if (It != States.end() && It->second.V == NeverFreed &&
          It->second.Type == &T && It->second.Member == M) {
        Group.push_back(M);
        It->second.Member = nullptr; // reported with this group
      }
    }
    if (!Group.empty())
      NeverFreedByType.push_back({&T, std::move(Group)});
  }
  for (auto &[TP, Group] : NeverFreedByType) {
    const PyType &T = *TP;
    const PyMemberInfo &M = *Group.front();
    Finding &F = report(Out, pycheck::memberLoc(M),
                        wording::python::neverFreedCycle(
                            M.qualifiedName(), pycheck::typeName(T),
                            wording::python::cyclePath(M.StructName, true)));
    if (Group.size() > 1)
      F.Warning.Message += wording::python::neverFreedOthers(Group.size() - 1);
    pycheck::addContentNotes(M, F);
    for (size_t I = 1; I < Group.size(); ++I) {
      const PyMemberInfo &Other = *Group[I];
      F.note(pycheck::memberLoc(Other),
             wording::python::neverFreedAlso(
                 Other.qualifiedName(),
                 wording::python::cyclePath(Other.StructName, true)));
      pycheck::addContentNotes(Other, F, 1);
    }
    F.note(T.Fact.FlagsLoc,
           wording::python::noGCSupport(pycheck::typeName(T), T.Base >= 0));
  }

  for (auto &[Ref, S] : States) {
    if (S.V != CollectorOnly)
      continue;
    const PyMemberInfo &M = *S.Member;
    std::string Path = wording::python::cyclePath(M.StructName, true);
    Finding &F = report(Out, pycheck::memberLoc(M),
                        wording::python::collectorOnlyCycle(M.qualifiedName(),
                                                            Path, GCDisabled),
                        GCDisabled       ? Severity::Warning
                        : CollectorNotes ? Severity::Note
                                         : Severity::Hidden);
    pycheck::addContentNotes(M, F);
    F.note(S.Traverse.FunctionLoc,
           wording::python::visitedBy(M.qualifiedName(), S.Traverse.Function));
  }
  checkUserData(P, Out);
}

/// The collector subtracts from each object's count the references its
/// traverse functions visit; one a C library keeps as user data is never
/// visited, so the caller's object looks referenced from outside and a
/// cycle back to the handle's owner is never collected. Silent when Python
/// code cannot reach the owner (opaque), when a traverse of the owner
/// visits something other than members (it may reach the library's user
/// data), or when the owner's type is unknown.
void PythonReferenceCycleCheck::checkUserData(const PythonProgram &P,
                                              std::vector<Finding> &Out) {
  for (const PyFunctionFact &F : P.functions())
    for (const PyFillFact &U : F.UserData) {
      bool Known = false, Reaches = false;
      std::string Owner;
      for (const PyType &T : P.types()) {
        if (T.Struct < 0)
          continue;
        bool Holds = false;
        for (int S = T.Struct; S >= 0 && !Holds; S = P.structs()[S].Base)
          Holds = P.structs()[S].Fact.Key == U.Member.Struct;
        if (!Holds)
          continue;
        Known = true;
        if (Owner.empty())
          Owner = P.structs()[T.Struct].Fact.Name;
        if (T.Opaque || !T.GCKnown) {
          Reaches = true;
          continue;
        }
        if (T.HaveGC && T.Traverse) {
          const PyFunctionFact *Traverse = P.function(T.Traverse->Target);
          if (!P.traverseSummary(T).Known || !Traverse ||
              Traverse->VisitsOther)
            Reaches = true;
        }
      }
      if (!Known || Reaches)
        continue;
      report(Out, U.Loc,
             wording::python::userDataCycle(F.Name, U.Api, U.Detail,
                                            Owner + "::" + U.Member.Field,
                                            Owner));
    }
}

} // namespace cyclint
