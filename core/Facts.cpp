//===- Facts.cpp - Edge-kind algebra and the JSON fact format -------------===//
//
// Serialization of per-TU facts. The format is versioned: a reader refuses a
// file of another version rather than guessing, so stale fact directories
// from an older cyclint fail loudly instead of silently dropping edges.
//
//===----------------------------------------------------------------------===//

#include "core/Facts.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>

using namespace llvm;

namespace cyclint {

StringRef edgeKindName(EdgeKind Kind) {
  switch (Kind) {
  case EdgeKind::Strong:
    return "strong";
  case EdgeKind::Owning:
    return "owning";
  case EdgeKind::Weak:
    return "weak";
  case EdgeKind::Borrowed:
    return "borrowed";
  case EdgeKind::Unknown:
    return "unknown";
  }
  llvm_unreachable("unhandled edge kind");
}

std::optional<EdgeKind> parseEdgeKind(StringRef Name) {
  for (EdgeKind K : {EdgeKind::Strong, EdgeKind::Owning, EdgeKind::Weak,
                     EdgeKind::Borrowed, EdgeKind::Unknown})
    if (edgeKindName(K) == Name)
      return K;
  return std::nullopt;
}

EdgeKind composeEdgeKinds(EdgeKind Outer, EdgeKind Inner) {
  // Rank from weakest to strongest hold; the chain is as weak as its weakest
  // link. Unknown dominates: we cannot say anything about what lies behind it.
  auto Rank = [](EdgeKind K) {
    switch (K) {
    case EdgeKind::Unknown:
      return 0;
    case EdgeKind::Weak:
      return 1;
    case EdgeKind::Borrowed:
      return 2;
    case EdgeKind::Strong:
      return 3;
    case EdgeKind::Owning:
      return 4;
    }
    llvm_unreachable("unhandled edge kind");
  };
  return Rank(Outer) <= Rank(Inner) ? Outer : Inner;
}

void TUFacts::canonicalize() {
  for (RecordFact &R : Records) {
    for (FieldFact &F : R.Fields) {
      llvm::sort(F.Edges);
      F.Edges.erase(std::unique(F.Edges.begin(), F.Edges.end()),
                    F.Edges.end());
    }
    llvm::sort(R.BaseUSRs);
    R.BaseUSRs.erase(std::unique(R.BaseUSRs.begin(), R.BaseUSRs.end()),
                     R.BaseUSRs.end());
  }
  llvm::sort(Records, [](const RecordFact &A, const RecordFact &B) {
    return A.USR < B.USR;
  });
  Records.erase(std::unique(Records.begin(), Records.end(),
                            [](const RecordFact &A, const RecordFact &B) {
                              return A.USR == B.USR;
                            }),
                Records.end());
  Python.canonicalize();
}

json::Value toJSON(const SourceLocation &L) {
  return json::Object{{"file", L.File}, {"line", L.Line}, {"col", L.Column}};
}

bool fromJSON(const json::Value &V, SourceLocation &L, json::Path P) {
  json::ObjectMapper O(V, P);
  int64_t Line = 0, Column = 0;
  if (!O || !O.map("file", L.File) || !O.map("line", Line) ||
      !O.map("col", Column))
    return false;
  L.Line = Line;
  L.Column = Column;
  return true;
}

json::Value toJSON(const RecordFact &R) {
  json::Array Fields;
  for (const FieldFact &F : R.Fields) {
    json::Array Edges;
    for (const EdgeFact &E : F.Edges) {
      json::Object Edge{{"kind", edgeKindName(E.Kind)}};
      if (!E.TargetUSR.empty())
        Edge["target"] = E.TargetUSR;
      if (!E.Via.empty())
        Edge["via"] = json::Array(E.Via);
      if (E.Collection)
        Edge["collection"] = true;
      Edges.push_back(std::move(Edge));
    }
    json::Object Field{{"name", F.Name},
                       {"type", F.Type},
                       {"loc", toJSON(F.Loc)},
                       {"edges", std::move(Edges)}};
    if (F.DeletedInDestructor)
      Field["deletedInDestructor"] = true;
    Fields.push_back(std::move(Field));
  }
  return json::Object{{"usr", R.USR},
                      {"name", R.Name},
                      {"tag", R.TagKind},
                      {"loc", toJSON(R.Loc)},
                      {"polymorphic", R.Polymorphic},
                      {"bases", json::Array(R.BaseUSRs)},
                      {"fields", std::move(Fields)}};
}

json::Value toJSON(const TUFacts &Facts) {
  json::Array Records;
  for (const RecordFact &R : Facts.Records)
    Records.push_back(toJSON(R));
  json::Object Result{{"format", "cyclint-facts"},
                      {"version", FactsFormatVersion},
                      {"mainFile", Facts.MainFile},
                      {"directory", Facts.Directory},
                      {"records", std::move(Records)}};
  if (!Facts.Python.empty() || Facts.Python.VersionHex)
    Result["python"] = toJSON(Facts.Python);
  return Result;
}

namespace {
/// Reads with llvm::json::Path so that errors say where in the file they are.
struct Reader {
  static bool edge(const json::Value &V, EdgeFact &E, json::Path P) {
    json::ObjectMapper O(V, P);
    std::string Kind;
    if (!O || !O.map("kind", Kind) || !O.mapOptional("target", E.TargetUSR) ||
        !O.mapOptional("via", E.Via) ||
        !O.mapOptional("collection", E.Collection))
      return false;
    auto K = parseEdgeKind(Kind);
    if (!K) {
      P.field("kind").report("unknown edge kind");
      return false;
    }
    E.Kind = *K;
    return true;
  }
  static bool field(const json::Value &V, FieldFact &F, json::Path P) {
    json::ObjectMapper O(V, P);
    if (!O || !O.map("name", F.Name) || !O.map("type", F.Type) ||
        !O.mapOptional("deletedInDestructor", F.DeletedInDestructor))
      return false;
    const json::Object *Obj = V.getAsObject();
    if (const json::Value *L = Obj->get("loc"); !L || !fromJSON(*L, F.Loc, P.field("loc")))
      return false;
    const json::Array *Edges = Obj->getArray("edges");
    if (!Edges) {
      P.field("edges").report("expected an array");
      return false;
    }
    for (size_t I = 0; I < Edges->size(); ++I) {
      EdgeFact E;
      if (!edge((*Edges)[I], E, P.field("edges").index(I)))
        return false;
      F.Edges.push_back(std::move(E));
    }
    return true;
  }
  static bool record(const json::Value &V, RecordFact &R, json::Path P) {
    json::ObjectMapper O(V, P);
    if (!O || !O.map("usr", R.USR) || !O.map("name", R.Name) ||
        !O.map("tag", R.TagKind) || !O.map("polymorphic", R.Polymorphic) ||
        !O.map("bases", R.BaseUSRs))
      return false;
    const json::Object *Obj = V.getAsObject();
    if (const json::Value *L = Obj->get("loc"); !L || !fromJSON(*L, R.Loc, P.field("loc")))
      return false;
    const json::Array *Fields = Obj->getArray("fields");
    if (!Fields) {
      P.field("fields").report("expected an array");
      return false;
    }
    for (size_t I = 0; I < Fields->size(); ++I) {
      FieldFact F;
      if (!field((*Fields)[I], F, P.field("fields").index(I)))
        return false;
      R.Fields.push_back(std::move(F));
    }
    return true;
  }
};
} // namespace

Expected<TUFacts> factsFromJSON(const json::Value &V) {
  json::Path::Root Root("facts");
  json::ObjectMapper O(V, Root);
  std::string Format;
  int Version = 0;
  TUFacts Facts;
  if (!O || !O.map("format", Format) || !O.map("version", Version))
    return Root.getError();
  if (Format != "cyclint-facts")
    return createStringError(inconvertibleErrorCode(),
                             "not a cyclint facts file");
  if (Version != FactsFormatVersion)
    return createStringError(inconvertibleErrorCode(),
                             "facts format version %d, this cyclint reads %d",
                             Version, FactsFormatVersion);
  if (!O.map("mainFile", Facts.MainFile) ||
      !O.map("directory", Facts.Directory))
    return Root.getError();
  const json::Array *Records = V.getAsObject()->getArray("records");
  if (!Records)
    return createStringError(inconvertibleErrorCode(),
                             "'records' is missing or not an array");
  for (size_t I = 0; I < Records->size(); ++I) {
    RecordFact R;
    if (!Reader::record((*Records)[I], R, json::Path(Root).field("records").index(I)))
      return Root.getError();
    Facts.Records.push_back(std::move(R));
  }
  if (const json::Value *Python = V.getAsObject()->get("python"))
    if (!fromJSON(*Python, Facts.Python, json::Path(Root).field("python")))
      return Root.getError();
  return Facts;
}

Error writeFactsFile(const TUFacts &Facts, StringRef Path) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << toJSON(Facts) << "\n"; // compact: facts of big TUs are megabytes
  OS.flush();
  SmallString<256> Temp;
  int FD;
  if (std::error_code EC = sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Temp))
    return createFileError(Path, EC);
  {
    raw_fd_ostream Out(FD, /*shouldClose=*/true);
    Out << Text;
    Out.close();
    if (Out.has_error()) {
      Out.clear_error();
      sys::fs::remove(Temp);
      return createFileError(Path, Out.error());
    }
  }
  if (std::error_code EC = sys::fs::rename(Temp, Path)) {
    sys::fs::remove(Temp);
    return createFileError(Path, EC);
  }
  return Error::success();
}

Expected<TUFacts> readFactsFile(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createFileError(Path, Buffer.getError());
  auto Value = json::parse((*Buffer)->getBuffer());
  if (!Value)
    return createFileError(Path, Value.takeError());
  auto Facts = factsFromJSON(*Value);
  if (!Facts)
    return createFileError(Path, Facts.takeError());
  return Facts;
}

} // namespace cyclint

namespace cyclint {

void RecordDeduplicator::deduplicate(TUFacts &Facts) {
  std::vector<RecordFact> Unique;
  for (RecordFact &R : Facts.Records) {
    std::string Key = R.USR + "\n" + R.Loc.File + ":" +
                      std::to_string(R.Loc.Line) + ":" +
                      std::to_string(R.Loc.Column);
    std::string Content;
    raw_string_ostream(Content) << toJSON(R);
    uint64_t Hash = xxh3_64bits(Content);
    auto [It, Inserted] = Kept.try_emplace(Key, Hash);
    if (!Inserted && It->second == Hash) {
      Facts.AlsoDefines.emplace_back(R.USR, R.Loc);
      continue;
    }
    Unique.push_back(std::move(R));
  }
  Facts.Records = std::move(Unique);
}

} // namespace cyclint
