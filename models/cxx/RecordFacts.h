//===- RecordFacts.h - The C++ runtime's section of a TU's facts -*- C++ -*-===//
//
// What one TU says about the program's records: each record, its bases, and
// the edges its fields contribute under the ownership model (EdgeKind.h).
// Plain data with no Clang types, so that it can be written to disk by one
// process (or machine) and merged by another. The JSON form is the "cxx"
// section of docs/FACTS.md; bump CxxFactsVersion when it changes.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_RECORDFACTS_H
#define CYCLINT_MODELS_CXX_RECORDFACTS_H

#include "core/Runtime.h"
#include "core/SourceLocation.h"
#include "models/cxx/BodyFacts.h"
#include "models/cxx/EdgeKind.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace cyclint {

/// 2: `functions` (BodyFacts.h); 3: `load` operations, callables and
/// lambda bodies.
constexpr unsigned CxxFactsVersion = 4;

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
  /// A default member initializer that is not null (`std::shared_ptr<T> m =
  /// std::make_shared<T>();`): a store no function body shows when the
  /// class's constructors are implicit.
  bool DefaultInitialized = false;
};

struct RecordFact {
  std::string USR;  // merge key; made unique per TU for internal types
  std::string Name; // qualified, with template arguments: ns::Holder<A>
  std::string TagKind; // class, struct or union
  SourceLocation Loc;
  bool Polymorphic = false;
  std::vector<std::string> BaseUSRs; // direct bases that are records
  /// Constructors and non-const methods the class declares but this TU does
  /// not define (USRs, sorted): code that may write members unseen here. A
  /// method no TU defines is in every TU's list (the merge intersects).
  std::vector<std::string> UndefinedMethods;
  /// The class's code declares a destructor (user-provided) whose body
  /// this TU does not have: defined in another TU, or a class template's
  /// not instantiated here. A TU that has the body says false; the merge
  /// keeps true only when no TU read it.
  bool UnreadDestructor = false;
  std::vector<FieldFact> Fields;     // declaration order
};

/// The "cxx" section of one TU's facts.
class CxxFacts : public FactSection {
public:
  static constexpr const char *RuntimeName = "cxx";

  std::vector<RecordFact> Records; // sorted by USR
  /// Bodies that store counted pointers into members, sorted by USR.
  std::vector<FunctionFact> Functions;
  /// Definitions this TU made whose records were dropped because an earlier
  /// TU contributed identical ones (RecordDeduplicator). In memory only:
  /// facts files always hold every record.
  std::vector<std::pair<std::string, SourceLocation>> AlsoDefines;

  /// Puts records and edges in a canonical order so that the same TU gives
  /// the same bytes however it was scheduled.
  void canonicalize();

  bool empty() const override {
    return Records.empty() && Functions.empty();
  }
  llvm::json::Object toJSON() const override;
  /// Reads the section's JSON; errors through `P`.
  static bool fromJSON(const llvm::json::Value &V, CxxFacts &Out,
                       llvm::json::Path P);
};

llvm::json::Value toJSON(const RecordFact &Record);

/// Every TU repeats the records of the headers it includes; keeping them all
/// until the merge costs memory in proportion to TUs x header records.
/// Fed TUs in a fixed order, this drops a record identical (same USR,
/// definition and content) to one an earlier TU kept, and notes the
/// definition in AlsoDefines so that the merge still sees it in this TU's
/// view. The merge's result is unchanged.
class RecordDeduplicator : public SectionDeduplicator {
public:
  void deduplicate(FactSection &Section) override;
  void deduplicate(CxxFacts &Facts);

private:
  llvm::StringMap<uint64_t> Kept; // USR + definition -> content hash
};

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_RECORDFACTS_H
