//===- Finding.h - What checks report, and how it is printed ----*- C++ -*-===//
//
// A finding is one diagnostic of a check (a warning, or a note-level finding)
// with its notes, located by plain SourceLocations. Checks build them with
// Check::report() and word them with their family's Wording.h; the core only
// orders and prints them.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_FINDING_H
#define CYCLINT_CORE_FINDING_H

#include "core/SourceLocation.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace cyclint {

struct DiagnosticMessage {
  SourceLocation Loc;
  std::string Message;
};

/// Most findings are warnings. A note-level finding records something worth
/// knowing that is not a defect under the program's configuration (a cycle
/// the CPython cycle collector frees): printed as `note:`, it does not change
/// the exit code. A hidden one is a note its check was not asked to print:
/// counted with the notes, never printed.
enum class Severity { Warning, Note, Hidden };

struct Finding {
  std::string CheckName; // without the "cyclint-" prefix
  DiagnosticMessage Warning; // the finding's own message, whatever its level
  std::vector<DiagnosticMessage> Notes;
  Severity Level = Severity::Warning;

  /// Appends a note; returns the finding for chaining.
  Finding &note(SourceLocation Loc, std::string Message) {
    Notes.push_back({std::move(Loc), std::move(Message)});
    return *this;
  }
};

/// The number of warning-level findings (what the exit code counts).
unsigned warningCount(const std::vector<Finding> &Findings);

/// Sorts by warning location, then text: output independent of -j.
void sortFindings(std::vector<Finding> &Findings);

/// How to silence a finding of `CheckName` (core/Suppression.h), the last
/// note of every warning in text reports.
std::string silenceHint(llvm::StringRef CheckName);

/// clang's format: `file:line:col: warning: message [cyclint-check]`, then
/// one `file:line:col: note: message` line per note, then, for a warning,
/// a note at the warning saying how to silence it (silenceHint).
void printFindings(llvm::raw_ostream &OS, const std::vector<Finding> &Findings);

} // namespace cyclint

#endif // CYCLINT_CORE_FINDING_H
