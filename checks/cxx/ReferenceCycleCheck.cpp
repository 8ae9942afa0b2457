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
  for (const FunctionFact &F : G.functions()) {
    for (const StatementCycle &C : findStatementCycles(F)) {
      const BodyOp &Closing = F.Ops[C.Stores.front()];
      // Cycles through several members are the type-level check's.
      bool OneMember = true;
      for (size_t S : C.Stores)
        OneMember &= F.Ops[S].Record == Closing.Record &&
                     F.Ops[S].Field == Closing.Field;
      if (!OneMember)
        continue;
      std::string Member = G.recordName(Closing.Record) + "::" + Closing.Field;
      std::vector<std::string> Path;
      for (size_t S : C.Stores)
        Path.push_back(wording::statementObject(F.Ops[S].Var));
      Path.push_back(Path.front());
      Finding &Finding = report(
          Out, Closing.Loc, wording::statementCycle(Closing, Member, Path));
      for (size_t S : C.Stores)
        Finding.note(F.Ops[S].Loc, wording::statementEdge(F.Ops[S], Member));
    }
  }
}

} // namespace cyclint
