//===- Output.cpp - Findings as JSON or SARIF -----------------------------===//
//
// Built with llvm::json, so every string is escaped and the output is valid
// JSON by construction. Objects are written in key order (llvm::json sorts
// keys), which keeps the bytes identical from run to run.
//
//===----------------------------------------------------------------------===//

#include "core/Output.h"
#include "core/Baseline.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace llvm;

namespace cyclint {

std::optional<OutputFormat> parseOutputFormat(StringRef Name) {
  if (Name == "text")
    return OutputFormat::Text;
  if (Name == "json")
    return OutputFormat::JSON;
  if (Name == "sarif")
    return OutputFormat::SARIF;
  return std::nullopt;
}

/// Percent-encodes everything but RFC 3986's unreserved characters and '/'.
static std::string encodePath(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/')
      Out += C;
    else
      Out += formatv("%{0:X-2}", unsigned(C)).str();
  }
  return Out;
}

std::string fileURI(StringRef AbsolutePath) {
  return "file://" + encodePath(AbsolutePath);
}

static const char *levelName(Severity S) {
  return S == Severity::Note ? "note" : "warning";
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

static json::Value jsonLocation(const SourceLocation &L, StringRef Root) {
  if (!L.isValid())
    return nullptr;
  return json::Object{{"file", L.File},
                      {"relativeFile", relativePath(L.File, Root)},
                      {"line", L.Line},
                      {"column", L.Column}};
}

void writeJSON(raw_ostream &OS, const std::vector<Finding> &Findings,
               const RunSummary &Summary, StringRef SourceRoot) {
  json::Array Results;
  for (const Finding &F : Findings) {
    if (F.Level == Severity::Hidden)
      continue; // counted in the summary, never shown
    json::Array Notes;
    for (const DiagnosticMessage &N : F.Notes)
      Notes.push_back(
          json::Object{{"message", N.Message},
                       {"location", jsonLocation(N.Loc, SourceRoot)}});
    Results.push_back(
        json::Object{{"check", "cyclint-" + F.CheckName},
                     {"level", levelName(F.Level)},
                     {"message", F.Warning.Message},
                     {"location", jsonLocation(F.Warning.Loc, SourceRoot)},
                     {"notes", std::move(Notes)},
                     {"fingerprint", fingerprint(F, SourceRoot)}});
  }
  json::Value Doc = json::Object{
      {"format", "cyclint-findings"},
      {"version", 1},
      {"sourceRoot", SourceRoot},
      {"findings", std::move(Results)},
      {"summary", json::Object{{"translationUnits", Summary.TUsAnalyzed},
                               {"failedTranslationUnits", Summary.TUsFailed},
                               {"warnings", warningCount(Findings)},
                               {"suppressed", Summary.Suppressed},
                               {"baselineHidden", Summary.BaselineHidden},
                               {"baselineFixed", Summary.BaselineFixed}}}};
  OS << formatv("{0:2}", Doc) << "\n";
}

//===----------------------------------------------------------------------===//
// SARIF 2.1.0
//===----------------------------------------------------------------------===//

namespace {

constexpr const char *SrcRoot = "%SRCROOT%";

class SarifWriter {
public:
  SarifWriter(const ToolInfo &Tool, StringRef Root) : Tool(Tool), Root(Root) {}

  json::Value physicalLocation(const SourceLocation &L) const {
    json::Object Artifact;
    std::string Relative = relativePath(L.File, Root);
    if (Relative != L.File) {
      Artifact["uri"] = encodePath(Relative);
      Artifact["uriBaseId"] = SrcRoot;
    } else {
      Artifact["uri"] = fileURI(L.File);
    }
    return json::Object{{"artifactLocation", std::move(Artifact)},
                        {"region", json::Object{{"startLine", L.Line},
                                                {"startColumn", L.Column}}}};
  }

  /// A SARIF location with a message; null for an invalid location.
  std::optional<json::Object> location(const DiagnosticMessage &M) const {
    if (!M.Loc.isValid())
      return std::nullopt;
    return json::Object{{"physicalLocation", physicalLocation(M.Loc)},
                        {"message", json::Object{{"text", M.Message}}}};
  }

  json::Value result(const Finding &F) const {
    json::Object R{
        {"ruleId", "cyclint-" + F.CheckName},
        {"level", levelName(F.Level)},
        {"message", json::Object{{"text", F.Warning.Message}}},
        {"partialFingerprints",
         json::Object{{"cyclintFingerprint/v1", fingerprint(F, Root)}}}};
    for (size_t I = 0; I < Tool.Rules.size(); ++I)
      if (Tool.Rules[I].Name == F.CheckName)
        R["ruleIndex"] = int64_t(I);
    json::Array Locations;
    if (F.Warning.Loc.isValid())
      Locations.push_back(
          json::Object{{"physicalLocation", physicalLocation(F.Warning.Loc)}});
    R["locations"] = std::move(Locations);
    // Every note is a related location; the notes, in order, walk the
    // cycle edge by edge: that walk is the code flow.
    json::Array Related, Flow;
    for (const DiagnosticMessage &N : F.Notes) {
      std::optional<json::Object> L = location(N);
      if (!L)
        continue;
      json::Object WithId = *L;
      WithId["id"] = int64_t(Related.size());
      Related.push_back(std::move(WithId));
      Flow.push_back(json::Object{{"location", std::move(*L)}});
    }
    if (!Related.empty())
      R["relatedLocations"] = std::move(Related);
    if (!Flow.empty())
      R["codeFlows"] = json::Array{json::Object{
          {"threadFlows",
           json::Array{json::Object{{"locations", std::move(Flow)}}}}}};
    return R;
  }

  json::Value rule(const RuleInfo &Rule) const {
    return json::Object{
        {"id", "cyclint-" + Rule.Name},
        {"shortDescription", json::Object{{"text", Rule.Summary}}},
        {"fullDescription", json::Object{{"text", Rule.Summary}}},
        {"help", json::Object{{"text", Rule.Help}, {"markdown", Rule.Help}}},
        {"helpUri", Rule.HelpUri},
        {"defaultConfiguration", json::Object{{"level", "warning"}}}};
  }

  json::Value log(const std::vector<Finding> &Findings) const {
    json::Array Rules, Results;
    for (const RuleInfo &Rule : Tool.Rules)
      Rules.push_back(rule(Rule));
    for (const Finding &F : Findings)
      if (F.Level != Severity::Hidden) // counted, never shown
        Results.push_back(result(F));
    json::Object Driver{{"name", "cyclint"},
                        {"version", Tool.Version},
                        {"semanticVersion", Tool.Version},
                        {"rules", std::move(Rules)}};
    if (!Tool.InformationUri.empty())
      Driver["informationUri"] = Tool.InformationUri;
    json::Object Run{{"tool", json::Object{{"driver", std::move(Driver)}}},
                     {"results", std::move(Results)}};
    if (!Root.empty())
      Run["originalUriBaseIds"] = json::Object{
          {SrcRoot,
           json::Object{{"uri", fileURI(Root.rtrim('/').str() + "/")}}}};
    return json::Object{
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", json::Array{std::move(Run)}}};
  }

private:
  const ToolInfo &Tool;
  StringRef Root;
};

} // namespace

void writeSARIF(raw_ostream &OS, const std::vector<Finding> &Findings,
                const ToolInfo &Tool, StringRef SourceRoot) {
  OS << formatv("{0:2}", SarifWriter(Tool, SourceRoot).log(Findings)) << "\n";
}

} // namespace cyclint
