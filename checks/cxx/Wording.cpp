//===- Wording.cpp - The words of the C++ ownership checks ----------------===//

#include "checks/cxx/Wording.h"

namespace cyclint {
namespace wording {

static std::string quoted(llvm::StringRef S) { return "'" + S.str() + "'"; }

static std::string holdDescription(const GraphEdge &E) {
  if (E.OwnedRawPointer)
    return "raw pointer deleted by the destructor";
  if (E.Via.empty())
    return "by value";
  std::string Text;
  for (const std::string &V : E.Via) {
    if (!Text.empty())
      Text += " of ";
    Text += V;
  }
  return Text;
}

std::string edgeNote(const OwnershipGraph &G, const MemberStep &Step) {
  const GraphEdge &E = *Step.Edge;
  std::string Text = quoted(G.memberName(E.Member)) + " (" +
                     holdDescription(E) + ")";
  if (E.Member.Record != Step.Holder)
    Text += ", inherited by " + quoted(G.node(Step.Holder).Name) + ",";
  Text += " keeps " + quoted(G.node(Step.Target).Name) + " alive";
  if (Step.Declared == NoNode)
    return Text;
  // Which it was: the stores chose the class, or a store the analysis does
  // not follow left "any subclass" (or no code for the class was read).
  const MemberStores *Stores = E.Stores;
  Text += " (it points to a " + quoted(G.node(Step.Declared).Name);
  if (Stores && !Stores->Unknown && Stores->FirstKnown.Function)
    return Text + "; " + quoted(Stores->FirstKnown.Function->Name) +
           " stores a " + quoted(G.node(Step.Target).Name) + ")";
  Text += ", which may be a " + quoted(G.node(Step.Target).Name);
  if (Stores && Stores->FirstUnknown.Function)
    Text += "; " + quoted(Stores->FirstUnknown.Function->Name) +
            " stores a value the analysis does not follow";
  return Text + ")";
}

std::string cyclePath(const OwnershipGraph &G,
                      const std::vector<MemberStep> &Cycle) {
  std::string Text = G.node(Cycle.front().Holder).Name;
  for (const MemberStep &S : Cycle)
    Text += " -> " + G.node(S.Target).Name;
  return Text;
}

std::string neverFreedCycle(const OwnershipGraph &G,
                            const std::vector<MemberStep> &Cycle) {
  return quoted(G.memberName(Cycle.front().Edge->Member)) +
         " closes a reference cycle that is never freed (" +
         cyclePath(G, Cycle) +
         "); make this member a weak or non-owning reference";
}
std::string brokenCycle(const OwnershipGraph &G,
                        const std::vector<MemberStep> &Cycle,
                        const CycleBreak &Break) {
  std::string Cleared =
      quoted(G.recordName(Break.Clear->Record) + "::" + Break.Clear->Field);
  std::string Text = quoted(G.memberName(Cycle.front().Edge->Member)) +
                     " closes a reference cycle (" + cyclePath(G, Cycle) + ")";
  if (Break.K == CycleBreak::OwnerTeardown) {
    Text += " that " + quoted(Break.Destructor->Name) + " breaks";
    if (Break.Destructor != Break.Breaker)
      return Text + ": it calls " + quoted(Break.Breaker->Name) +
             ", which clears " + Cleared;
    return Text + " by clearing " + Cleared;
  }
  return Text + " that is kept alive until " + quoted(Break.Breaker->Name) +
         " clears " + Cleared +
         "; make sure it runs, or make this member a weak reference";
}

std::string markedCycle(const OwnershipGraph &G,
                        const std::vector<MemberStep> &Cycle,
                        const std::string &Marked) {
  return quoted(G.memberName(Cycle.front().Edge->Member)) +
         " closes a reference cycle (" + cyclePath(G, Cycle) +
         ") that the program breaks by hand at " + quoted(Marked) +
         " (CYCLINT_STRONG_BACK_LINK)";
}

std::string markedStatementCycle(const std::string &Cycle,
                                 const std::string &Marked) {
  return Cycle + "; the program breaks it by hand at " + quoted(Marked) +
         " (CYCLINT_STRONG_BACK_LINK)";
}

std::string statementObject(const std::string &Var) {
  if (Var.empty() || llvm::StringRef(Var).starts_with("$"))
    return "a new object";
  return displayVar(Var).str();
}

std::string statementText(const BodyOp &Op) {
  if (Op.Kind == BodyOpKind::Call)
    return "the call to " + quoted(Op.Method);
  std::string Member = statementObject(Op.Var) + "->" + Op.Field;
  if (Op.Kind != BodyOpKind::Insert)
    return quoted(Member + " = " + statementObject(Op.Value));
  if (Op.Method == "[]")
    return quoted(Member + "[...] = " + statementObject(Op.Value));
  return quoted(Member + "." + Op.Method + "(" + statementObject(Op.Value) +
                ")");
}

std::string statementCycle(const std::string &Closing,
                           const std::vector<std::string> &Members,
                           const std::vector<std::string> &Path) {
  std::string Text = Closing + " closes a reference cycle that is never freed (";
  for (size_t I = 0; I < Path.size(); ++I)
    Text += (I ? " -> " : "") + Path[I];
  Text += ", through ";
  for (size_t I = 0; I < Members.size(); ++I)
    Text += (I == 0 ? "" : I + 1 == Members.size() ? " and " : ", ") +
            quoted(Members[I]);
  return Text + "); break the cycle before the objects are dropped, or make " +
         (Members.size() == 1 ? "the member" : "one of the members") +
         " a weak reference";
}

std::string statementEdge(const std::string &From, const std::string &Field,
                          const std::string &Member, const std::string &To,
                          const std::string &Via) {
  std::string Text = quoted(From + "->" + Field) + " (" + quoted(Member) +
                     ") keeps " + quoted(To) + " alive";
  if (!Via.empty())
    Text += ", set by the call to " + quoted(Via);
  return Text;
}

/// `lambda`, `'std::bind' result`, `'std::thread'`.
static std::string callableNoun(const std::string &Maker) {
  if (Maker == "lambda")
    return "lambda";
  if (llvm::StringRef(Maker).contains_insensitive("bind"))
    return quoted(Maker) + " result";
  return quoted(Maker);
}

std::string captureCycle(const std::string &Holder, const std::string &Maker,
                         const std::string &Captured, const std::string &To) {
  std::string Keeper = Holder.empty() ? "this statement stores"
                                      : quoted(Holder) + " keeps";
  return Keeper + " a " + callableNoun(Maker) +
         (Maker == "lambda" ? " that captures " : " that holds ") +
         quoted(Captured) + ", a strong reference to " + quoted(To) +
         ", which keeps the " + callableNoun(Maker) +
         " alive: a reference cycle that is never freed; capture a weak "
         "reference instead (weak_from_this(), std::weak_ptr), or reset the "
         "callable when it is done";
}

std::string keepsCallable(const std::string &From, const std::string &Field,
                          const std::string &Member, const std::string &Maker,
                          const std::string &Via) {
  std::string Text = quoted(From + "->" + Field) + " (" + quoted(Member) +
                     ") keeps the " + callableNoun(Maker) + " alive";
  if (!Via.empty())
    Text += ", set by the call to " + quoted(Via);
  return Text;
}

std::string loadedEdge(const std::string &From, const std::string &Member,
                       const std::string &To) {
  return quoted(From) + " keeps " + quoted(To) + " alive through " +
         quoted(Member);
}

std::string captureEdge(const std::string &Maker, const std::string &Captured,
                        const std::string &To) {
  return "the " + callableNoun(Maker) +
         (Maker == "lambda" ? " captures " : " holds ") + quoted(Captured) +
         ", which keeps " + quoted(To) + " alive";
}

std::string unreadTeardownCycle(const OwnershipGraph &G,
                                const std::vector<MemberStep> &Cycle,
                                const GraphNode &Owner) {
  return quoted(G.memberName(Cycle.front().Edge->Member)) +
         " closes a reference cycle (" + cyclePath(G, Cycle) +
         ") that the destructor of " + quoted(Owner.Name) +
         " may break; no translation unit read its body";
}

std::string otherInstantiations(unsigned Count) {
  return std::to_string(Count) + " other instantiation" +
         (Count == 1 ? " of the same class templates closes"
                     : "s of the same class templates close") +
         " the same cycle through these members";
}
} // namespace wording
} // namespace cyclint
