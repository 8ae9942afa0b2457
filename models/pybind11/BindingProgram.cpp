//===- BindingProgram.cpp - Bound classes of the whole program ------------===//

#include "models/pybind11/BindingProgram.h"

#include "llvm/ADT/STLExtras.h"

#include <set>

namespace cyclint {

static void mergeClass(BoundClassFact &Into, const BoundClassFact &C) {
  // A class bound twice (two modules, or a TU per module) takes part in
  // the collector only if every binding says so; an unknown setup anywhere
  // makes the whole class unknown.
  Into.DynamicAttr = Into.DynamicAttr && C.DynamicAttr;
  Into.SetupUnknown = Into.SetupUnknown || C.SetupUnknown;
  if (Into.Traverse == SlotState::Unknown || C.Traverse == SlotState::Unknown)
    Into.Traverse = SlotState::Unknown;
}

const HolderRecordFact *BindingProgram::holder(const std::string &Usr) const {
  auto It = Holders.find(Usr);
  return It == Holders.end() ? nullptr : &It->second;
}

BindingProgram BindingProgram::build(std::vector<BindingTUFacts> TUs) {
  BindingProgram P;
  std::map<std::string, const StoreSummaryFact *> Functions;
  for (const BindingTUFacts &TU : TUs) {
    for (const HolderRecordFact &R : TU.Holders) {
      auto [It, Inserted] = P.Holders.try_emplace(R.Usr, R);
      if (!Inserted)
        for (const HeldMemberFact &M : R.Members)
          if (llvm::none_of(It->second.Members, [&](const HeldMemberFact &O) {
                return O.Name == M.Name;
              }))
            It->second.Members.push_back(M);
    }
    for (const BoundClassFact &C : TU.Classes) {
      auto [It, Inserted] = P.Classes.try_emplace(C.Usr, C);
      if (!Inserted)
        mergeClass(It->second, C);
    }
    for (const StoreSummaryFact &F : TU.Functions)
      Functions.try_emplace(F.Usr, &F);
    llvm::append_range(P.KeepAlive, TU.KeepAlive);
  }

  for (const BindingTUFacts &TU : TUs)
    for (const BindingFact &B : TU.Bindings) {
      Exposure E;
      E.Kind = B.Kind;
      E.Attribute = B.Attribute;
      E.FunctionName = B.FunctionName;
      E.Loc = E.BindLoc = B.Loc;
      if (B.Kind == BindingKind::ReadWrite || B.Kind == BindingKind::ReadOnly) {
        P.Exposures[B.Member].push_back(E);
        continue;
      }
      std::vector<StoreFact> Stores = B.Stores;
      auto F = Functions.find(B.Function);
      if (F != Functions.end())
        llvm::append_range(Stores, F->second->Stores);
      for (const StoreFact &S : Stores) {
        if (S.Target != B.SelfParam || S.Path.empty() ||
            !llvm::is_contained(B.ObjectParams, S.Param))
          continue;
        Exposure X = E;
        X.Param = S.Param;
        X.Loc = S.Loc;
        P.Exposures[S.Path.front()].push_back(X);
      }
    }
  for (auto &[Member, List] : P.Exposures) {
    llvm::sort(List, [](const Exposure &A, const Exposure &B) {
      return std::tie(A.Loc, A.BindLoc) < std::tie(B.Loc, B.BindLoc);
    });
    List.erase(std::unique(List.begin(), List.end(),
                           [](const Exposure &A, const Exposure &B) {
                             return A.Loc == B.Loc && A.BindLoc == B.BindLoc;
                           }),
               List.end());
  }
  llvm::sort(P.KeepAlive, [](const KeepAliveFact &A, const KeepAliveFact &B) {
    return std::tie(A.Loc, A.Nurse, A.Patient) <
           std::tie(B.Loc, B.Nurse, B.Patient);
  });
  P.KeepAlive.erase(std::unique(P.KeepAlive.begin(), P.KeepAlive.end(),
                                [](const KeepAliveFact &A,
                                   const KeepAliveFact &B) {
                                  return A.Loc == B.Loc && A.Nurse == B.Nurse &&
                                         A.Patient == B.Patient;
                                }),
                    P.KeepAlive.end());
  return P;
}

std::vector<Exposure> BindingProgram::exposures(const BindingMember &M) const {
  auto It = Exposures.find(M);
  return It == Exposures.end() ? std::vector<Exposure>() : It->second;
}

} // namespace cyclint
