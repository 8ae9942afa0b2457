//===- EdgeKind.h - The C++ model's edge kinds and their algebra -*- C++ -*-===//
//
// The closed set of ways a member can hold another object, and how they
// compose. The vocabulary of the C++ ownership model:
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
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_EDGEKIND_H
#define CYCLINT_MODELS_CXX_EDGEKIND_H

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace cyclint {

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

/// The kind a member's edge has in the whole program. A raw pointer member
/// (borrowed, through no wrapper) that some destructor of its record deletes
/// owns its target: the pimpl idiom. The destructor is often in another TU
/// than the declaration, so this is decided after the merge.
struct MemberEdgeKind {
  EdgeKind Kind;
  bool OwnedRawPointer; // upgraded by a destructor's delete
};
MemberEdgeKind memberEdgeKind(EdgeKind Declared, bool ThroughWrapper,
                              bool DeletedInDestructor);

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_EDGEKIND_H
