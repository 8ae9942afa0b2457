//===- Facts.h - cyclint's vocabulary and per-TU fact format ----*- C++ -*-===//
//
// This file owns the words every other part of cyclint uses, and the data a
// translation unit contributes to the whole-program analysis.
//
//   record   A class, struct or union the program defines (one per USR; each
//            class template instantiation is its own record).
//   member   A field of a record, named `Record::field` in every diagnostic.
//   edge     What a member does to the lifetime of another record:
//              strong   keeps it alive by a reference count (std::shared_ptr)
//              owning   keeps it alive without a count (by value, unique_ptr)
//              weak     observes it without keeping it alive (std::weak_ptr)
//              borrowed points at it, never frees it (raw pointer, reference)
//              unknown  the model cannot tell (std::function, std::any, ...)
//            Edges compose along a chain of wrappers: the weakest link wins
//            (vector<weak_ptr<T>> is weak, unique_ptr<shared_ptr<T>> strong).
//   cycle    A closed path of strong and owning edges with at least one
//            strong edge. Reference counting never frees it: a leak.
//
// Facts are plain data with no Clang types in them, so that they can be
// written to disk by one process (or machine) and merged by another. The JSON
// form is documented in docs/FACTS.md; bump FactsFormatVersion when it changes.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_TOOL_FACTS_H
#define CYCLINT_TOOL_FACTS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include "core/SourceLocation.h"
#include "models/cpython/PythonFacts.h"

#include <optional>
#include <tuple>
#include <string>
#include <vector>

namespace cyclint {

constexpr int FactsFormatVersion = 2;

enum class EdgeKind { Strong, Owning, Weak, Borrowed, Unknown };

llvm::StringRef edgeKindName(EdgeKind Kind);
std::optional<EdgeKind> parseEdgeKind(llvm::StringRef Name);

/// The kind of a chain of two wrappers, outer then inner: the weakest wins.
/// Owning is the identity (a container or a by-value member passes its
/// element's kind through).
EdgeKind composeEdgeKinds(EdgeKind Outer, EdgeKind Inner);

/// True for the kinds that keep their target alive.
inline bool keepsAlive(EdgeKind Kind) {
  return Kind == EdgeKind::Strong || Kind == EdgeKind::Owning;
}

/// One edge a member contributes. `Via` names the wrappers from the member's
/// declared type inwards, e.g. {"std::vector", "std::shared_ptr"}; empty for a
/// member held by value or through a raw pointer/reference.
struct EdgeFact {
  EdgeKind Kind = EdgeKind::Unknown;
  std::string TargetUSR; // empty when the target is not a record
  std::vector<std::string> Via;
  /// The target is one element of a collection somewhere along `Via` (a
  /// model rule with `collection: true`, or a C array): the member may hold
  /// many of them.
  bool Collection = false;

  friend bool operator<(const EdgeFact &A, const EdgeFact &B) {
    return std::tie(A.TargetUSR, A.Kind, A.Via, A.Collection) <
           std::tie(B.TargetUSR, B.Kind, B.Via, B.Collection);
  }
  friend bool operator==(const EdgeFact &A, const EdgeFact &B) {
    return std::tie(A.TargetUSR, A.Kind, A.Via, A.Collection) ==
           std::tie(B.TargetUSR, B.Kind, B.Via, B.Collection);
  }
};

struct FieldFact {
  std::string Name;
  std::string Type; // as written (aliases kept), for humans
  SourceLocation Loc;
  std::vector<EdgeFact> Edges;
  /// A raw pointer member that some destructor of the record deletes: the
  /// pimpl idiom. May be learnt from a different TU than the declaration.
  bool DeletedInDestructor = false;
};

struct RecordFact {
  std::string USR;  // merge key; made unique per TU for internal types
  std::string Name; // qualified, with template arguments: ns::Holder<A>
  std::string TagKind; // class, struct or union
  SourceLocation Loc;
  bool Polymorphic = false;
  std::vector<std::string> BaseUSRs; // direct bases that are records
  std::vector<FieldFact> Fields;     // declaration order
};

/// Everything one translation unit contributes.
struct TUFacts {
  std::string MainFile;
  std::string Directory;
  std::vector<RecordFact> Records; // sorted by USR
  /// Definitions this TU made whose records were dropped because an earlier
  /// TU contributed identical ones (RecordDeduplicator). In memory only:
  /// facts files always hold every record.
  std::vector<std::pair<std::string, SourceLocation>> AlsoDefines;
  /// What the CPython model learnt (models/cpython/); empty for TUs that do
  /// not include Python.h.
  PythonTUFacts Python;

  /// Puts records and edges in a canonical order so that the same TU gives
  /// the same bytes however it was scheduled.
  void canonicalize();
};

llvm::json::Value toJSON(const RecordFact &Record);
llvm::json::Value toJSON(const TUFacts &Facts);

/// Every TU repeats the records of the headers it includes; keeping them all
/// until the merge costs memory in proportion to TUs x header records.
/// Fed TUs in a fixed order, this drops a record identical (same USR,
/// definition and content) to one an earlier TU kept, and notes the
/// definition in AlsoDefines so that the merge still sees it in this TU's
/// view. The merge's result is unchanged.
class RecordDeduplicator {
public:
  void deduplicate(TUFacts &Facts);

private:
  llvm::StringMap<uint64_t> Kept; // USR + definition -> content hash
};
llvm::Expected<TUFacts> factsFromJSON(const llvm::json::Value &Value);

/// Writes atomically (temporary file, then rename): a reader never sees a
/// half-written file.
llvm::Error writeFactsFile(const TUFacts &Facts, llvm::StringRef Path);
llvm::Expected<TUFacts> readFactsFile(llvm::StringRef Path);

} // namespace cyclint

#endif // CYCLINT_TOOL_FACTS_H
