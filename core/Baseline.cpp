//===- Baseline.cpp - Fingerprints and baseline files ---------------------===//

#include "core/Baseline.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace cyclint {

constexpr int BaselineVersion = 1;

std::string relativePath(StringRef File, StringRef Root) {
  SmallString<256> Result(File);
  if (!Root.empty()) {
    std::string Prefix = Root.rtrim('/').str() + "/";
    if (StringRef(File).starts_with(Prefix))
      Result = File.drop_front(Prefix.size());
  }
  sys::path::native(Result, sys::path::Style::posix);
  return std::string(Result);
}

static void addText(std::string &Key, StringRef Text) {
  for (char C : Text)
    if (!isSpace(C))
      Key += C;
  Key += '\0';
}

std::string fingerprint(const Finding &F, StringRef SourceRoot) {
  std::string Key;
  addText(Key, F.CheckName);
  addText(Key, relativePath(F.Warning.Loc.File, SourceRoot));
  addText(Key, F.Warning.Message);
  for (const DiagnosticMessage &N : F.Notes) {
    addText(Key, relativePath(N.Loc.File, SourceRoot));
    addText(Key, N.Message);
  }
  return formatv("{0:x-16}", xxh3_64bits(Key)).str();
}

Expected<Baseline> Baseline::read(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(Buffer.getError(), "%s: %s", Path.str().c_str(),
                             Buffer.getError().message().c_str());
  return parse((*Buffer)->getBuffer(), Path);
}

Expected<Baseline> Baseline::parse(StringRef Text, StringRef Path) {
  auto Fail = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(), "%s: %s",
                             Path.str().c_str(), Why.str().c_str());
  };
  auto Parsed = json::parse(Text);
  if (!Parsed)
    return Fail("invalid JSON: " + toString(Parsed.takeError()));
  json::Path::Root Root;
  json::ObjectMapper O(*Parsed, Root);
  std::string Format;
  int Version = 0;
  if (!O || !O.map("format", Format) || Format != "cyclint-baseline")
    return Fail("not a cyclint baseline (expected \"format\": "
                "\"cyclint-baseline\")");
  if (!O.map("version", Version) || Version != BaselineVersion)
    return Fail(formatv("baseline version {0}, this cyclint reads {1}", Version,
                        BaselineVersion));
  Baseline B;
  const json::Array *Findings = Parsed->getAsObject()->getArray("findings");
  if (!Findings)
    return Fail("expected a \"findings\" array");
  for (const json::Value &V : *Findings) {
    const json::Object *E = V.getAsObject();
    std::optional<StringRef> Check = E ? E->getString("check") : std::nullopt;
    std::optional<StringRef> Print =
        E ? E->getString("fingerprint") : std::nullopt;
    if (!Check || !Print)
      return Fail(formatv("findings[{0}]: expected \"check\" and "
                          "\"fingerprint\" strings",
                          B.Entries.size()));
    BaselineEntry Entry{Check->str(), Print->str(), "", ""};
    if (auto File = E->getString("file"))
      Entry.File = File->str();
    if (auto Message = E->getString("message"))
      Entry.Message = Message->str();
    B.Entries.push_back(std::move(Entry));
  }
  return B;
}

Error Baseline::write(StringRef Path, const std::vector<Finding> &Findings,
                      StringRef SourceRoot) {
  std::vector<BaselineEntry> Entries;
  for (const Finding &F : Findings)
    Entries.push_back({F.CheckName, fingerprint(F, SourceRoot),
                       relativePath(F.Warning.Loc.File, SourceRoot),
                       F.Warning.Message});
  // Sorted by what a reader sees, so that the file diffs well.
  llvm::sort(Entries, [](const BaselineEntry &A, const BaselineEntry &B) {
    return std::tie(A.File, A.Check, A.Message, A.Fingerprint) <
           std::tie(B.File, B.Check, B.Message, B.Fingerprint);
  });
  json::Array Array;
  for (BaselineEntry &E : Entries)
    Array.push_back(json::Object{{"check", std::move(E.Check)},
                                 {"fingerprint", std::move(E.Fingerprint)},
                                 {"file", std::move(E.File)},
                                 {"message", std::move(E.Message)}});
  json::Value Doc = json::Object{{"format", "cyclint-baseline"},
                                 {"version", BaselineVersion},
                                 {"findings", std::move(Array)}};
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << formatv("{0:2}", Doc) << "\n";
    return Error::success();
  });
}

unsigned Baseline::filter(std::vector<Finding> &Findings,
                          StringRef SourceRoot) {
  std::map<std::pair<std::string, std::string>, unsigned> Left;
  for (const BaselineEntry &E : Entries)
    ++Left[{E.Check, E.Fingerprint}];
  unsigned Hidden = 0;
  llvm::erase_if(Findings, [&](const Finding &F) {
    auto It = Left.find({F.CheckName, fingerprint(F, SourceRoot)});
    if (It == Left.end() || It->second == 0)
      return false;
    --It->second;
    ++Hidden;
    return true;
  });
  Fixed = 0;
  for (const auto &KV : Left)
    Fixed += KV.second;
  return Hidden;
}

} // namespace cyclint
