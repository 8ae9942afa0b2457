//===- CaptureCycleCheck.cpp - cyclint-capture-cycle ----------------------===//
//
// The program's statement cycles (the view's statementCycles()) that pass
// through a callable's captures. The warning goes at the statement that put
// the callable where its owner keeps it (the link into the closure), and
// names that member and what the callable captured; notes then follow the
// cycle from there, one per link: the member keeping the callable, the
// capture keeping the object, and any members on the way back. A cycle
// through a member marked CYCLINT_STRONG_BACK_LINK is broken by hand: a
// hidden finding, counted, never printed.
//
//===----------------------------------------------------------------------===//

#include "checks/cxx/CaptureCycleCheck.h"
#include "checks/cxx/Wording.h"
#include "models/cxx/PointsTo.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <set>

namespace cyclint {

void CaptureCycleCheck::check(const OwnershipGraph &G,
                              std::vector<Finding> &Out) {
  auto IsCapture = [&](const StatementLink &L) {
    return L.op().Record.empty();
  };
  // Members marked CYCLINT_STRONG_BACK_LINK: a cycle through one is broken
  // by hand, counted hidden.
  std::set<std::pair<std::string, std::string>> Marked;
  for (MemberRef M : G.membersAt(program().strongBackLinks()))
    Marked.insert({G.node(M.Record).USR, G.field(M).Name});
  for (const ProgramCycle &P : G.statementCycles()) {
    if (!throughCapture(P.Cycle))
      continue;
    const FunctionFact &F = *P.Function;
    std::vector<StatementLink> Links = P.Cycle.Links;
    // Start at the member that keeps a callable: the link before a capture.
    auto Capture = llvm::find_if(Links, IsCapture);
    size_t At = (Capture - Links.begin() + Links.size() - 1) % Links.size();
    std::rotate(Links.begin(), Links.begin() + At, Links.end());
    const StatementLink &Keeps = Links.front();
    const StatementLink &Captures = Links[1 % Links.size()];
    std::string Holder =
        IsCapture(Keeps)
            ? std::string()
            : G.recordName(Keeps.op().Record) + "::" + Keeps.op().Field;
    std::string Message = wording::captureCycle(
        Holder, Captures.op().Method, Captures.op().Field, Captures.To);
    auto MarkedLink = llvm::find_if(Links, [&](const StatementLink &L) {
      return !IsCapture(L) && Marked.count({L.op().Record, L.op().Field});
    });
    bool Broken = MarkedLink != Links.end();
    if (Broken)
      Message = wording::markedStatementCycle(
          Message, G.recordName(MarkedLink->op().Record) +
                       "::" + MarkedLink->op().Field);
    Finding &Finding = report(Out, F.Ops[Keeps.TopOp].Loc, std::move(Message),
                              Broken ? Severity::Hidden : Severity::Warning);
    for (size_t I = 0; I < Links.size(); ++I) {
      const StatementLink &L = Links[I], &Next = Links[(I + 1) % Links.size()];
      const BodyOp &Made = F.Ops[L.TopOp];
      std::string Via = Made.Kind == BodyOpKind::Call ? Made.Method : "";
      if (IsCapture(L)) {
        Finding.note(L.op().Loc,
                     wording::captureEdge(L.op().Method, L.op().Field,
                                          L.To));
        continue;
      }
      std::string Member =
          G.recordName(L.op().Record) + "::" + L.op().Field;
      if (L.op().Kind == BodyOpKind::Load)
        Finding.note(Made.Loc, wording::loadedEdge(L.From, Member, L.To));
      else if (IsCapture(Next))
        Finding.note(Made.Loc,
                     wording::keepsCallable(L.From, L.op().Field, Member,
                                            Next.op().Method, Via));
      else
        Finding.note(Made.Loc, wording::statementEdge(
                                   L.From, L.op().Field, Member, L.To, Via));
    }
  }
}

} // namespace cyclint
