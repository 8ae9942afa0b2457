//===- EdgeKind.cpp - The C++ model's edge-kind algebra -------------------===//

#include "models/cxx/EdgeKind.h"

#include "llvm/Support/ErrorHandling.h"

namespace cyclint {

llvm::StringRef edgeKindName(EdgeKind Kind) {
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

std::optional<EdgeKind> parseEdgeKind(llvm::StringRef Name) {
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

MemberEdgeKind memberEdgeKind(EdgeKind Declared, bool ThroughWrapper,
                              bool DeletedInDestructor) {
  if (Declared == EdgeKind::Borrowed && DeletedInDestructor && !ThroughWrapper)
    return {EdgeKind::Owning, true};
  return {Declared, false};
}

} // namespace cyclint
