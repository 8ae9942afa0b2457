//===- Finding.cpp - Ordering and printing findings -----------------------===//

#include "core/Finding.h"

#include "llvm/ADT/STLExtras.h"

namespace cyclint {

void sortFindings(std::vector<Finding> &Findings) {
  llvm::stable_sort(Findings, [](const Finding &A, const Finding &B) {
    return std::tie(A.Warning.Loc, A.Warning.Message, A.CheckName) <
           std::tie(B.Warning.Loc, B.Warning.Message, B.CheckName);
  });
}

unsigned warningCount(const std::vector<Finding> &Findings) {
  return llvm::count_if(Findings, [](const Finding &F) {
    return F.Level == Severity::Warning;
  });
}

std::string silenceHint(llvm::StringRef CheckName) {
  return ("silence with // NOLINT(cyclint-" + CheckName +
          ") on the warning's line or a note's line")
      .str();
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
    if (F.Level == Severity::Hidden)
      continue;
    printLocation(OS, F.Warning.Loc);
    OS << (F.Level == Severity::Note ? "note: " : "warning: ")
       << F.Warning.Message << " [cyclint-" << F.CheckName << "]\n";
    for (const DiagnosticMessage &N : F.Notes) {
      printLocation(OS, N.Loc);
      OS << "note: " << N.Message << "\n";
    }
    if (F.Level == Severity::Warning) {
      printLocation(OS, F.Warning.Loc);
      OS << "note: " << silenceHint(F.CheckName) << "\n";
    }
  }
}

} // namespace cyclint
