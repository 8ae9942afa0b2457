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

std::string edgeNote(const ProgramGraph &G, const GraphEdge &E) {
  std::string Text = quoted(G.memberName(E.Member)) + " (" +
                     holdDescription(E) + ")";
  if (E.Member.Record != E.From)
    Text += ", inherited by " + quoted(G.node(E.From).Name) + ",";
  Text += " keeps " + quoted(G.node(E.To).Name) + " alive";
  if (E.DeclaredTarget != NoNode)
    Text += " (it points to a " + quoted(G.node(E.DeclaredTarget).Name) +
            ", which may be a " + quoted(G.node(E.To).Name) + ")";
  return Text;
}

std::string cyclePath(const ProgramGraph &G,
                      const std::vector<const GraphEdge *> &Cycle) {
  std::string Text = G.node(Cycle.front()->From).Name;
  for (const GraphEdge *E : Cycle)
    Text += " -> " + G.node(E->To).Name;
  return Text;
}

std::string neverFreedCycle(const ProgramGraph &G, const GraphEdge &Weaken,
                            const std::vector<const GraphEdge *> &Cycle) {
  return quoted(G.memberName(Weaken.Member)) +
         " closes a reference cycle that is never freed (" +
         cyclePath(G, Cycle) +
         "); make this member a weak or non-owning reference";
}

} // namespace wording
} // namespace cyclint
