//===- Rules.cpp - The SARIF rule of every check --------------------------===//

#include "tool/Rules.h"

#include "llvm/ADT/StringExtras.h"

#include "CheckDocs.inc" // generated from docs/checks/*.md

#ifndef CYCLINT_DOCS_URL
#error "CYCLINT_DOCS_URL must be defined by the build"
#endif

namespace cyclint {

/// The first paragraph after the page's `# title`, on one line.
static std::string summary(llvm::StringRef Doc) {
  llvm::StringRef Body = Doc;
  if (Body.starts_with("#"))
    Body = Body.split('\n').second;
  Body = Body.ltrim("\n");
  llvm::StringRef Paragraph = Body.split("\n\n").first;
  llvm::SmallVector<llvm::StringRef, 8> Lines;
  Paragraph.split(Lines, '\n');
  for (llvm::StringRef &L : Lines)
    L = L.trim();
  return llvm::join(Lines, " ");
}

std::vector<RuleInfo> checkRules(const std::vector<CheckInfo> &Checks) {
  std::vector<RuleInfo> Rules;
  for (const CheckInfo &C : Checks) {
    RuleInfo Rule{C.Name, "", "",
                  std::string(CYCLINT_DOCS_URL) + C.Name + ".md"};
    for (const CheckDoc &D : CheckDocs)
      if (llvm::StringRef(D.Name) == C.Name) {
        Rule.Help = D.Text;
        Rule.Summary = summary(D.Text);
      }
    // The check-list test keeps a page for every check; never empty text.
    if (Rule.Summary.empty())
      Rule.Summary = Rule.Help = "cyclint-" + Rule.Name;
    Rules.push_back(std::move(Rule));
  }
  return Rules;
}

} // namespace cyclint
