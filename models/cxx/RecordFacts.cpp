//===- RecordFacts.cpp - The "cxx" facts section and its JSON form --------===//
//
// Fields are read with llvm::json::ObjectMapper and a json::Path, so that an
// error names where in the file it is (facts.sections.cxx.records[3].name).
//
//===----------------------------------------------------------------------===//

#include "models/cxx/RecordFacts.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>

using namespace llvm;

namespace cyclint {

void CxxFacts::canonicalize() {
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
  llvm::stable_sort(Functions, [](const FunctionFact &A, const FunctionFact &B) {
    return A.USR < B.USR;
  });
  Functions.erase(std::unique(Functions.begin(), Functions.end(),
                              [](const FunctionFact &A, const FunctionFact &B) {
                                return A.USR == B.USR;
                              }),
                  Functions.end());
  Records.erase(std::unique(Records.begin(), Records.end(),
                            [](const RecordFact &A, const RecordFact &B) {
                              return A.USR == B.USR;
                            }),
                Records.end());
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
    if (F.DefaultInitialized)
      Field["defaultInitialized"] = true;
    Fields.push_back(std::move(Field));
  }
  json::Object Record{{"usr", R.USR},
                      {"name", R.Name},
                      {"tag", R.TagKind},
                      {"loc", toJSON(R.Loc)},
                      {"polymorphic", R.Polymorphic},
                      {"bases", json::Array(R.BaseUSRs)},
                      {"undefinedMethods", json::Array(R.UndefinedMethods)},
                      {"fields", std::move(Fields)}};
  if (R.UnreadDestructor)
    Record["unreadDestructor"] = true;
  return Record;
}

json::Object CxxFacts::toJSON() const {
  json::Array Out;
  for (const RecordFact &R : Records)
    Out.push_back(cyclint::toJSON(R));
  json::Object Section{{"records", std::move(Out)}};
  if (!Functions.empty()) {
    json::Array Fns;
    for (const FunctionFact &F : Functions)
      Fns.push_back(cyclint::toJSON(F));
    Section["functions"] = std::move(Fns);
  }
  return Section;
}

// llvm::json's fromJSON convention: ObjectMapper::map finds these by ADL, so
// that arrays of records, fields and edges are walked by the library.
bool fromJSON(const json::Value &V, EdgeFact &E, json::Path P) {
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

bool fromJSON(const json::Value &V, FieldFact &F, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("name", F.Name) && O.map("type", F.Type) &&
         O.mapOptional("deletedInDestructor", F.DeletedInDestructor) &&
         O.mapOptional("defaultInitialized", F.DefaultInitialized) &&
         O.map("loc", F.Loc) && O.map("edges", F.Edges);
}

bool fromJSON(const json::Value &V, RecordFact &R, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("usr", R.USR) && O.map("name", R.Name) &&
         O.map("tag", R.TagKind) && O.map("polymorphic", R.Polymorphic) &&
         O.map("bases", R.BaseUSRs) && O.map("loc", R.Loc) &&
         O.mapOptional("undefinedMethods", R.UndefinedMethods) &&
         O.mapOptional("unreadDestructor", R.UnreadDestructor) &&
         O.map("fields", R.Fields);
}

bool CxxFacts::fromJSON(const json::Value &V, CxxFacts &Out, json::Path P) {
  json::ObjectMapper O(V, P);
  if (!O || !O.map("records", Out.Records) ||
      !O.mapOptional("functions", Out.Functions))
    return false;
  // The merge resolves a TU's references by USR in that TU's records
  // (OwnershipGraph::build): two records with one USR cannot come from the
  // extractor (canonicalize() keeps one) and would resolve fields against
  // the wrong definition.
  llvm::StringSet<> USRs;
  for (size_t I = 0; I < Out.Records.size(); ++I)
    if (!USRs.insert(Out.Records[I].USR).second) {
      P.field("records").index(I).field("usr").report(
          "a second record with this USR (a TU defines a record once)");
      return false;
    }
  return true;
}

void RecordDeduplicator::deduplicate(FactSection &Section) {
  deduplicate(static_cast<CxxFacts &>(Section));
}

void RecordDeduplicator::deduplicate(CxxFacts &Facts) {
  std::vector<RecordFact> Unique;
  for (RecordFact &R : Facts.Records) {
    std::string Key = R.USR + "\n" + R.Loc.File + ":" +
                      std::to_string(R.Loc.Line) + ":" +
                      std::to_string(R.Loc.Column);
    std::string Content;
    raw_string_ostream(Content) << cyclint::toJSON(R);
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
