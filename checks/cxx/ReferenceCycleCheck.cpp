//===- ReferenceCycleCheck.cpp - cyclint-reference-cycle ------------------===//
//
// One warning per cycle the program's statements make (the view's
// statementCycles(): each found once, in the function that makes it), at
// the store that closes it (the last of its stores to run), and one note per
// store of the cycle in cycle order, each naming the variables the code used
// and the member. A cycle through a member marked CYCLINT_STRONG_BACK_LINK
// is broken by hand: a hidden finding, counted, never printed.
//
//===----------------------------------------------------------------------===//

#include "checks/cxx/ReferenceCycleCheck.h"
#include "checks/cxx/Wording.h"
#include "models/cxx/PointsTo.h"

#include "llvm/ADT/STLExtras.h"

#include <set>

namespace cyclint {

void ReferenceCycleCheck::check(const OwnershipGraph &G,
                                std::vector<Finding> &Out) {
  auto MemberOf = [&](const StatementLink &L) {
    return G.recordName(L.op().Record) + "::" + L.op().Field;
  };
  // Members marked CYCLINT_STRONG_BACK_LINK: a cycle through one is broken
  // by hand, counted hidden.
  std::set<std::pair<std::string, std::string>> Marked;
  for (MemberRef M : G.membersAt(program().strongBackLinks()))
    Marked.insert({G.node(M.Record).USR, G.field(M).Name});
  for (const ProgramCycle &P : G.statementCycles()) {
    if (throughCapture(P.Cycle))
      continue; // cyclint-capture-cycle's
    const FunctionFact &F = *P.Function;
    const StatementCycle &C = P.Cycle;
    std::vector<std::string> Members, Path;
    for (const StatementLink &L : C.Links) {
      if (!llvm::is_contained(Members, MemberOf(L)))
        Members.push_back(MemberOf(L));
      Path.push_back(L.From);
    }
    Path.push_back(Path.front());
    const BodyOp &Top = F.Ops[C.Links.front().TopOp];
    std::string Message =
        wording::statementCycle(wording::statementText(Top), Members, Path);
    auto MarkedLink = llvm::find_if(C.Links, [&](const StatementLink &L) {
      return Marked.count({L.op().Record, L.op().Field}) != 0;
    });
    bool Broken = MarkedLink != C.Links.end();
    if (Broken)
      Message = wording::markedStatementCycle(Message, MemberOf(*MarkedLink));
    Finding &Finding = report(Out, Top.Loc, std::move(Message),
                              Broken ? Severity::Hidden : Severity::Warning);
    for (const StatementLink &L : C.Links) {
      const BodyOp &Made = F.Ops[L.TopOp];
      if (L.op().Kind == BodyOpKind::Load) {
        Finding.note(Made.Loc, wording::loadedEdge(L.From, MemberOf(L), L.To));
        continue;
      }
      Finding.note(Made.Loc,
                   wording::statementEdge(
                       L.From, L.op().Field, MemberOf(L), L.To,
                       Made.Kind == BodyOpKind::Call ? Made.Method : ""));
    }
  }
}

} // namespace cyclint
