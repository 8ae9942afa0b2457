//===- ReferenceCycleCheck.cpp - cyclint-reference-cycle ------------------===//
//
// One warning per cycle, at the store that closes it (the last of its stores
// to run), and one note per store of the cycle in cycle order, each naming
// the variables the code used and the member.
//
//===----------------------------------------------------------------------===//

#include "checks/cxx/ReferenceCycleCheck.h"
#include "checks/cxx/Wording.h"
#include "models/cxx/PointsTo.h"

namespace cyclint {

void ReferenceCycleCheck::check(const OwnershipGraph &G,
                                std::vector<Finding> &Out) {
  FunctionIndex Callees;
  for (const FunctionFact &F : G.functions())
    Callees[F.USR] = &F;
  for (const FunctionFact &F : G.functions()) {
    for (const StatementCycle &C : findStatementCycles(F, Callees)) {
      auto StoreOf = [](const StatementLink &L) -> const BodyOp & {
        return L.Function->Ops[L.Store];
      };
      const BodyOp &Closing = StoreOf(C.Links.front());
      // Cycles through several members are the type-level check's.
      bool OneMember = true;
      for (const StatementLink &L : C.Links)
        OneMember &= StoreOf(L).Record == Closing.Record &&
                     StoreOf(L).Field == Closing.Field;
      if (!OneMember)
        continue;
      std::string Member = G.recordName(Closing.Record) + "::" + Closing.Field;
      std::vector<std::string> Path;
      for (const StatementLink &L : C.Links)
        Path.push_back(L.From);
      Path.push_back(Path.front());
      const BodyOp &Top = F.Ops[C.Links.front().TopOp];
      Finding &Finding =
          report(Out, Top.Loc,
                 wording::statementCycle(wording::statementText(Top), Member,
                                         Path));
      for (const StatementLink &L : C.Links) {
        const BodyOp &Made = F.Ops[L.TopOp];
        Finding.note(Made.Loc,
                     wording::statementEdge(
                         L.From, Closing.Field, Member, L.To,
                         Made.Kind == BodyOpKind::Call ? Made.Method : ""));
      }
    }
  }
}

} // namespace cyclint
