//===- Diagnostics.h - Findings and all their wording -----------*- C++ -*-===//
//
// A finding is one warning with its notes. Checks build findings with the
// phrase helpers below so that the wording of every diagnostic lives here,
// in one place, and names every member as `Record::field`.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_TOOL_DIAGNOSTICS_H
#define CYCLINT_TOOL_DIAGNOSTICS_H

#include "Facts.h"
#include "ProgramGraph.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace cyclint {

struct DiagnosticMessage {
  SourceLocation Loc;
  std::string Message;
};

struct Finding {
  std::string CheckName; // without the "cyclint-" prefix
  DiagnosticMessage Warning;
  std::vector<DiagnosticMessage> Notes;
};

/// Sorts by warning location, then text: output independent of -j.
void sortFindings(std::vector<Finding> &Findings);

/// clang's format: `file:line:col: warning: message [cyclint-check]`, then
/// one `file:line:col: note: message` line per note.
void printFindings(llvm::raw_ostream &OS, const std::vector<Finding> &Findings);

namespace wording {
/// `'Child::parent' (std::shared_ptr) keeps 'Parent' alive`, with the
/// inheritance and polymorphism the step went through.
std::string edgeNote(const ProgramGraph &G, const MemberStep &Step);
/// `Child -> Parent -> Child`
std::string cyclePath(const ProgramGraph &G,
                      const std::vector<MemberStep> &Cycle);
/// The warning at the member to weaken (the cycle's first step) in a cycle
/// nothing frees.
std::string neverFreedCycle(const ProgramGraph &G,
                            const std::vector<MemberStep> &Cycle);
} // namespace wording

} // namespace cyclint

#endif // CYCLINT_TOOL_DIAGNOSTICS_H
