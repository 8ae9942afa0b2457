//===- Pybind11ReferenceCycleCheck.cpp - cyclint-pybind11-reference-cycle -===//
//
// Per bound class, per member that holds Python objects: the ways Python can
// put an object of its choice there (BindingProgram::exposures), then
// whether the collector sees the member (a GC type whose tp_traverse visits
// it). A member Python cannot reach, or a traverse cyclint cannot read, is
// silent. A member the collector sees is silent too: its cycles are freed by
// gc.collect(). keep_alive edges are invisible to the collector whatever the
// type does: a patient that can be any object, or two policies that link
// two bound classes both ways, are never freed.
//
//===----------------------------------------------------------------------===//

#include "checks/pybind11/Pybind11ReferenceCycleCheck.h"
#include "checks/pybind11/Wording.h"

#include "llvm/ADT/STLExtras.h"

namespace cyclint {

namespace W = wording::pybind11;

namespace {
/// One way Python reaches a member, with the words for its note.
struct Reason {
  SourceLocation Loc;
  std::string Text;
  /// For a member held by value: the note on the outer member first.
  std::vector<DiagnosticMessage> Before;
};
} // namespace

static bool reachable(const Exposure &E, const HeldMemberFact &M) {
  // A read-only attribute lets Python fill a list or dict, nothing more.
  return E.Kind != BindingKind::ReadOnly || M.Fillable;
}

static void addReasons(const std::string &Member, const HeldMemberFact &M,
                       const std::vector<Exposure> &Exposures,
                       std::vector<Reason> &Out) {
  for (const Exposure &E : Exposures) {
    if (!reachable(E, M))
      continue;
    if (E.Kind == BindingKind::ReadOnly)
      Out.push_back({E.Loc, W::fillable(Member, "readonly", E.Attribute), {}});
    else
      Out.push_back({E.Loc,
                     W::writable(Member,
                                 std::string(bindingKindName(E.Kind)),
                                 E.Attribute, E.FunctionName),
                     {}});
  }
}

void Pybind11ReferenceCycleCheck::check(const BindingProgram &P,
                                        std::vector<Finding> &Out) {
  for (const auto &[Usr, C] : P.classes())
    checkMembers(P, C, Out);
  checkKeepAlive(P, Out);
}

void Pybind11ReferenceCycleCheck::checkMembers(const BindingProgram &P,
                                               const BoundClassFact &C,
                                               std::vector<Finding> &Out) {
  const HolderRecordFact *R = P.holder(C.Usr);
  if (!R)
    return;
  // What cyclint cannot read, it does not judge.
  if (C.SetupUnknown || C.Traverse == SlotState::Unknown)
    return;
  bool GC = C.DynamicAttr || C.SetupHaveGC;
  for (const HeldMemberFact &M : R->Members) {
    std::string Member = R->Name + "::" + M.Name;
    std::vector<Exposure> Direct = P.exposures({C.Usr, M.Name});
    std::vector<Reason> Reasons;
    addReasons(Member, M, Direct, Reasons);
    // A struct held by value, reached by reference through an attribute:
    // what Python stores into its members, this member holds.
    if (M.Kind == HolderKind::Struct)
      if (const HolderRecordFact *Inner = P.holder(M.Inner))
        for (const Exposure &E : Direct) {
          if (E.Kind != BindingKind::ReadWrite &&
              E.Kind != BindingKind::ReadOnly)
            continue;
          for (const HeldMemberFact &IM : Inner->Members) {
            std::vector<Reason> InnerReasons;
            addReasons(Inner->Name + "::" + IM.Name, IM,
                       P.exposures({M.Inner, IM.Name}), InnerReasons);
            for (Reason &IR : InnerReasons) {
              IR.Before.push_back(
                  {E.Loc, W::heldByValue(Member, Inner->Name, E.Attribute)});
              Reasons.push_back(std::move(IR));
            }
          }
          break;
        }
    if (Reasons.empty())
      continue;

    bool Visited = llvm::is_contained(C.Visited, BindingMember{C.Usr, M.Name});
    W::Blind Why;
    if (C.Traverse == SlotState::None)
      Why = C.DynamicAttr ? W::Blind::DictOnly : W::Blind::NoTraverse;
    else if (!GC)
      Why = W::Blind::TraverseWithoutGC;
    else if (!Visited)
      Why = W::Blind::TraverseMisses;
    else
      continue; // the collector sees the member: gc.collect() frees the cycle

    Finding &F = report(Out, M.Loc,
                        W::neverFreed(Member, R->Name, C.Library, M.Name, Why));
    for (const Reason &Re : Reasons) {
      for (const DiagnosticMessage &B : Re.Before)
        F.note(B.Loc, B.Message);
      F.note(Re.Loc, Re.Text);
    }
    if (Why == W::Blind::TraverseMisses)
      F.note(C.TraverseLoc, W::traverseMisses(R->Name, Member));
    else if (Why == W::Blind::TraverseWithoutGC)
      F.note(C.SetupLoc,
             W::typeWithoutCollector(R->Name, C.Library, C.PyName, Why));
    else
      F.note(C.Loc, W::typeWithoutCollector(R->Name, C.Library, C.PyName, Why));
  }
}

static std::string policy(const KeepAliveFact &K) {
  return "keep_alive<" + std::to_string(K.Nurse) + ", " +
         std::to_string(K.Patient) + ">";
}

static std::string boundName(const BindingProgram &P, const KeepAliveFact &K) {
  auto It = P.classes().find(K.Class);
  std::string Class = It == P.classes().end() ? "?" : It->second.PyName;
  return Class + "." + K.Attribute;
}

static std::string typeName(const BindingProgram &P, const std::string &Usr) {
  auto It = P.classes().find(Usr);
  return It == P.classes().end() ? "?" : It->second.Name;
}

void Pybind11ReferenceCycleCheck::checkKeepAlive(const BindingProgram &P,
                                                 std::vector<Finding> &Out) {
  const std::vector<KeepAliveFact> &K = P.keepAlive();
  auto Bound = [&](const std::string &Usr) {
    return !Usr.empty() && P.classes().count(Usr);
  };
  for (const KeepAliveFact &A : K)
    if (A.PatientAnyObject && Bound(A.NurseType))
      report(Out, A.Loc,
             W::keepAliveAnyObject(policy(A), boundName(P, A),
                                   typeName(P, A.NurseType)));
  // Two policies that link two bound classes both ways (a policy alone
  // between objects of one class builds lists and trees, not cycles).
  for (size_t I = 0; I < K.size(); ++I)
    for (size_t J = I + 1; J < K.size(); ++J) {
      const KeepAliveFact &A = K[I], &B = K[J];
      // Index 0 is the returned object: whether the object one policy
      // returns is the one the other links is not known.
      if (A.Nurse == 0 || A.Patient == 0 || B.Nurse == 0 || B.Patient == 0)
        continue;
      if (!Bound(A.NurseType) || !Bound(A.PatientType) ||
          A.NurseType != B.PatientType || A.PatientType != B.NurseType)
        continue;
      std::string NA = typeName(P, A.NurseType), NB = typeName(P, B.NurseType);
      report(Out, A.Loc,
             W::keepAliveCycle(policy(A), boundName(P, A), policy(B),
                               boundName(P, B), NA, NB))
          .note(A.Loc, W::keepAliveEdge(policy(A), boundName(P, A), NA,
                                        typeName(P, A.PatientType)))
          .note(B.Loc, W::keepAliveEdge(policy(B), boundName(P, B), NB,
                                        typeName(P, B.PatientType)));
    }
}

} // namespace cyclint
