//===- Diagnostics.cpp - Rendering findings, and their wording ------------===//

#include "Diagnostics.h"

#include "llvm/ADT/STLExtras.h"

namespace cyclint {

void sortFindings(std::vector<Finding> &Findings) {
  llvm::stable_sort(Findings, [](const Finding &A, const Finding &B) {
    return std::tie(A.Warning.Loc, A.Warning.Message, A.CheckName) <
           std::tie(B.Warning.Loc, B.Warning.Message, B.CheckName);
  });
}

static void printLocation(llvm::raw_ostream &OS, const SourceLocation &Loc) {
  if (Loc.isValid())
    OS << Loc.File << ":" << Loc.Line << ":" << Loc.Column << ": ";
  else
    OS << "cyclint: ";
}

void printFindings(llvm::raw_ostream &OS,
                   const std::vector<Finding> &Findings) {
  for (const Finding &F : Findings) {
    printLocation(OS, F.Warning.Loc);
    OS << "warning: " << F.Warning.Message << " [cyclint-" << F.CheckName
       << "]\n";
    for (const DiagnosticMessage &N : F.Notes) {
      printLocation(OS, N.Loc);
      OS << "note: " << N.Message << "\n";
    }
  }
}

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

std::string edgeNote(const ProgramGraph &G, const MemberStep &Step) {
  const GraphEdge &E = *Step.Edge;
  std::string Text = quoted(G.memberName(E.Member)) + " (" +
                     holdDescription(E) + ")";
  if (E.Member.Record != Step.Holder)
    Text += ", inherited by " + quoted(G.node(Step.Holder).Name) + ",";
  Text += " keeps " + quoted(G.node(Step.Target).Name) + " alive";
  if (Step.Declared != NoNode)
    Text += " (it points to a " + quoted(G.node(Step.Declared).Name) +
            ", which may be a " + quoted(G.node(Step.Target).Name) + ")";
  return Text;
}

std::string cyclePath(const ProgramGraph &G,
                      const std::vector<MemberStep> &Cycle) {
  std::string Text = G.node(Cycle.front().Holder).Name;
  for (const MemberStep &S : Cycle)
    Text += " -> " + G.node(S.Target).Name;
  return Text;
}

std::string neverFreedCycle(const ProgramGraph &G,
                            const std::vector<MemberStep> &Cycle) {
  return quoted(G.memberName(Cycle.front().Edge->Member)) +
         " closes a reference cycle that is never freed (" +
         cyclePath(G, Cycle) +
         "); make this member a weak or non-owning reference";
}

} // namespace wording
} // namespace cyclint
