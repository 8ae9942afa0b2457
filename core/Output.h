//===- Output.h - Findings as text, JSON or SARIF ---------------*- C++ -*-===//
//
// The report formats of `--format`: clang's text (Finding.h), a JSON
// document (schema in docs/OUTPUT.md), and SARIF 2.1.0 for code-scanning
// services. The core knows no check: the front end describes the rules (one
// per check, with its help text and URI) in a ToolInfo.
//
// Paths: SARIF URIs are relative to the source root (`%SRCROOT%` in
// originalUriBaseIds) when the file is inside it, absolute `file://` URIs
// otherwise. JSON keeps absolute paths, as the text does, and adds each
// finding's path relative to the source root.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_OUTPUT_H
#define CYCLINT_CORE_OUTPUT_H

#include "core/Finding.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace cyclint {

enum class OutputFormat { Text, JSON, SARIF };

/// "text", "json", "sarif"; nullopt for anything else.
std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name);

struct RuleInfo {
  std::string Name;    // without the "cyclint-" prefix
  std::string Summary; // one sentence
  std::string Help;    // the check's documentation (Markdown)
  std::string HelpUri; // absolute URI of the documentation
};

struct ToolInfo {
  std::string Version;
  std::string InformationUri;
  std::vector<RuleInfo> Rules; // every check, enabled or not
};

/// What a run adds to the findings in a JSON report.
struct RunSummary {
  unsigned TUsAnalyzed = 0;
  unsigned TUsFailed = 0;
  unsigned Suppressed = 0;
  unsigned BaselineHidden = 0;
  unsigned BaselineFixed = 0;
};

/// `file://` URI of an absolute path, percent-encoded (RFC 3986).
std::string fileURI(llvm::StringRef AbsolutePath);

void writeJSON(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               const RunSummary &Summary, llvm::StringRef SourceRoot);

void writeSARIF(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const ToolInfo &Tool, llvm::StringRef SourceRoot);

} // namespace cyclint

#endif // CYCLINT_CORE_OUTPUT_H
