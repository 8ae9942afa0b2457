//===- OwnershipGraph.h - The C++ runtime's whole-program view --*- C++ -*-===//
//
// The merge step: facts from every TU become one graph with one node per
// record definition, whatever number of TUs saw it. Only edges that keep
// their target alive (strong, owning) are in the graph. Inheritance is
// resolved here, once, for every check, with two kinds of structural edges
// rather than by copying member edges (which is quadratic in the size of a
// class hierarchy):
//   * Subobject: a class node points at each direct base: a Derived object
//     contains its Base part, so it holds whatever Base's members hold.
//   * Dispatch: a member whose type names a polymorphic class T with
//     subclasses points at a dispatch node for T, which points at T and at
//     every subclass of T known anywhere in the program.
// memberSteps() folds these back into what a user reads: "'Base::m',
// inherited by 'Derived', keeps 'S' alive (it points to a 'T')".
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_OWNERSHIPGRAPH_H
#define CYCLINT_MODELS_CXX_OWNERSHIPGRAPH_H

#include "core/Runtime.h"
#include "models/cxx/PointsTo.h"
#include "models/cxx/RecordFacts.h"
#include "models/cxx/StoredValues.h"

#include "llvm/ADT/EquivalenceClasses.h"

#include <set>
#include <string>
#include <vector>

namespace cyclint {

using NodeId = unsigned;
constexpr NodeId NoNode = ~0u;

/// A member as the user wrote it: `Record::field`.
struct MemberRef {
  NodeId Record = NoNode; // the class that declares the field
  unsigned Field = 0;     // index into that node's Fields
  friend bool operator<(const MemberRef &A, const MemberRef &B) {
    return std::tie(A.Record, A.Field) < std::tie(B.Record, B.Field);
  }
  friend bool operator==(const MemberRef &A, const MemberRef &B) {
    return A.Record == B.Record && A.Field == B.Field;
  }
};

enum class EdgeRole {
  Member,    // a field of From keeps To alive
  Subobject, // From derives from To: it contains a To
  Dispatch,  // From is the dispatch node of a class that To is or derives from
};

struct GraphEdge {
  NodeId From = NoNode;
  NodeId To = NoNode;
  EdgeRole Role = EdgeRole::Member;
  EdgeKind Kind = EdgeKind::Owning; // structural edges are owning (identity)
  MemberRef Member;                 // Member edges only
  std::vector<std::string> Via;     // Member edges only
  /// Member edges only: the target is an element of a collection.
  bool Collection = false;
  /// True when the member is a raw pointer that a destructor deletes.
  bool OwnedRawPointer = false;
  /// Member edges only: what the program stores into the member, when the
  /// whole program's function bodies were read (null otherwise, and for
  /// members the stores do not decide: by value, raw owning pointers).
  const MemberStores *Stores = nullptr;
  /// Member edges only: the class the member's type names, when the stores
  /// chose `To`, a subclass of it.
  NodeId Declared = NoNode;
};

/// One member edge of a cycle as the user sees it, with the structural edges
/// around it folded in.
struct MemberStep {
  const GraphEdge *Edge = nullptr; // the Member edge
  NodeId Holder = NoNode;   // the class whose object holds it (may inherit it)
  NodeId Target = NoNode;   // the class of the object kept alive
  NodeId Declared = NoNode; // the class the member's type names, if != Target
};

struct GraphNode {
  /// For a dispatch node, the class it dispatches over; NoNode for classes.
  NodeId DispatchFor = NoNode;
  std::string USR;
  std::string Name;
  std::string TagKind;
  SourceLocation Loc;
  bool Polymorphic = false;
  std::vector<NodeId> Bases;   // direct
  std::vector<FieldFact> Fields;
  /// A destructor the class's code declares and no TU read
  /// (RecordFact::UnreadDestructor in every TU).
  bool UnreadDestructor = false;
  std::vector<unsigned> OutEdges; // indices into OwnershipGraph::Edges
};

class OwnershipGraph : public ProgramView {
public:
  static constexpr const char *RuntimeName = CxxFacts::RuntimeName;

  // Edges point into Stored and functions(): a copy would point into the
  // original. Moves keep the map's nodes and the vector's buffer.
  OwnershipGraph() = default;
  OwnershipGraph(const OwnershipGraph &) = delete;
  OwnershipGraph &operator=(const OwnershipGraph &) = delete;
  OwnershipGraph(OwnershipGraph &&) = default;
  OwnershipGraph &operator=(OwnershipGraph &&) = default;

  /// Merges per-TU facts, given in a canonical TU order. With
  /// `WholeProgram`, a pointer member's edges go only to the classes the
  /// program stores into it (StoredValues.h), and a member nothing stores
  /// into has none; otherwise (one TU of many) every member may hold any
  /// subclass of what its type names.
  static OwnershipGraph build(std::vector<CxxFacts> TUs,
                              bool WholeProgram = true);

  const std::vector<GraphNode> &nodes() const { return Nodes; }
  const std::vector<GraphEdge> &edges() const { return Edges; }
  const GraphNode &node(NodeId Id) const { return Nodes[Id]; }
  const FieldFact &field(MemberRef M) const {
    return Nodes[M.Record].Fields[M.Field];
  }
  /// `Record::field`, the name every diagnostic uses for a member.
  std::string memberName(MemberRef M) const;

  bool isDispatch(NodeId Id) const { return Nodes[Id].DispatchFor != NoNode; }

  /// Folds a closed path of edges (a cycle, starting anywhere) into member
  /// steps, starting with the first Member edge of the path.
  std::vector<MemberStep>
  memberSteps(const std::vector<const GraphEdge *> &Cycle) const;

  /// The members declared at one of `Locs` (declarations marked
  /// CYCLINT_STRONG_BACK_LINK: Program::strongBackLinks()).
  std::set<MemberRef> membersAt(const std::set<SourceLocation> &Locs) const;

  /// All classes derived from `Id`, directly or not, in NodeId order.
  std::vector<NodeId> subclassesOf(NodeId Id) const;
  /// True when A and B are the same class or one derives from the other,
  /// or both derive from a common class: one class hierarchy.
  bool sameHierarchy(NodeId A, NodeId B) const;

  /// What the program stores into each member (empty unless built for the
  /// whole program).
  const std::map<MemberKey, MemberStores> &stored() const { return Stored; }
  /// The program's function bodies that store counted pointers (the first
  /// definition of each USR, in TU order), for the points-to analysis.
  const std::vector<FunctionFact> &functions() const { return Functions; }
  /// The name of the record with this USR (its first definition), or the
  /// USR itself when no TU defined it.
  std::string recordName(llvm::StringRef USR) const;
  /// The cycles the program's statements make (findProgramCycles), computed
  /// once, on first use, for every check that asks (checks run one after
  /// another, on one thread).
  const std::vector<ProgramCycle> &statementCycles() const;

private:
  class Builder;
  mutable std::shared_ptr<const std::vector<ProgramCycle>> StatementCycles;
  std::vector<FunctionFact> Functions;
  std::map<MemberKey, MemberStores> Stored;
  std::vector<GraphNode> Nodes;
  std::vector<GraphEdge> Edges;
  std::vector<std::vector<NodeId>> Derived; // direct subclasses
  llvm::EquivalenceClasses<NodeId> Hierarchies; // classes linked by bases
};

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_OWNERSHIPGRAPH_H
