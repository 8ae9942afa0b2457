//===- Baseline.h - Fingerprints, and the findings a team accepted -*- C++
//-*-===//
//
// A baseline records the findings a project already has, so that CI fails on
// new ones only. A finding is recorded by its fingerprint, which must survive
// edits that do not change the finding: line moves, whitespace, the checkout
// directory. It hashes the check, the files of the warning and of each note
// (relative to the source root), and every message with whitespace removed;
// the messages name the members and the cycle. It never hashes a line or a
// column. The same fingerprint is SARIF's partialFingerprints entry.
//
// Baseline file (JSON, written atomically, sorted, one entry per finding):
//   {"format": "cyclint-baseline", "version": 1,
//    "findings": [{"check": ..., "fingerprint": ..., "file": ..., "message":
//    ...}]}
// Only "check" and "fingerprint" are matched; "file" and "message" are for
// the reader of a diff.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_BASELINE_H
#define CYCLINT_CORE_BASELINE_H

#include "core/Finding.h"

#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <vector>

namespace cyclint {

/// `File` relative to `Root` when it is inside it, else unchanged. Paths are
/// compared as given (absolute, normalized); separators become '/'.
std::string relativePath(llvm::StringRef File, llvm::StringRef Root);

/// 16 hex digits; see the file comment for what goes in.
std::string fingerprint(const Finding &F, llvm::StringRef SourceRoot);

struct BaselineEntry {
  std::string Check;
  std::string Fingerprint;
  std::string File;
  std::string Message;
};

class Baseline {
public:
  static llvm::Expected<Baseline> read(llvm::StringRef Path);
  /// read() of text already in memory; `Path` names it in errors.
  static llvm::Expected<Baseline> parse(llvm::StringRef Text,
                                        llvm::StringRef Path);
  /// Writes `Findings` as a baseline, atomically.
  static llvm::Error write(llvm::StringRef Path,
                           const std::vector<Finding> &Findings,
                           llvm::StringRef SourceRoot);

  /// Moves the findings the baseline records out of `Findings` (each entry
  /// hides one finding with its check and fingerprint) and returns how many
  /// it hid. Entries left unmatched are fixed().
  unsigned filter(std::vector<Finding> &Findings, llvm::StringRef SourceRoot);
  /// Entries no finding matched in the last filter(): fixed since recorded.
  unsigned fixed() const { return Fixed; }

private:
  std::vector<BaselineEntry> Entries;
  unsigned Fixed = 0;
};

} // namespace cyclint

#endif // CYCLINT_CORE_BASELINE_H
