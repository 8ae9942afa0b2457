//===- ProgramGraph.h - The whole-program ownership graph -------*- C++ -*-===//
//
// The merge step: facts from every TU become one graph with one node per
// record definition, whatever number of TUs saw it. Inheritance is resolved
// here, once, for every check:
//   * members of a base belong to every derived class (edges are copied down,
//     remembering the base member they come from);
//   * an edge to a polymorphic class may reach every class derived from it
//     anywhere in the program (edges are copied to each subclass, remembering
//     the declared target).
// Only edges that keep their target alive (strong, owning) are in the graph.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_TOOL_PROGRAMGRAPH_H
#define CYCLINT_TOOL_PROGRAMGRAPH_H

#include "Facts.h"
#include "cpython/PythonProgram.h"

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

struct GraphEdge {
  NodeId From = NoNode;
  NodeId To = NoNode;
  EdgeKind Kind = EdgeKind::Owning;
  MemberRef Member;
  std::vector<std::string> Via;
  /// The class named in the member's type, when the edge reaches a subclass
  /// of it (polymorphism); NoNode when To is the declared class.
  NodeId DeclaredTarget = NoNode;
  /// True when the member is a raw pointer that a destructor deletes.
  bool OwnedRawPointer = false;
};

struct GraphNode {
  std::string USR;
  std::string Name;
  std::string TagKind;
  SourceLocation Loc;
  bool Polymorphic = false;
  std::vector<NodeId> Bases;   // direct
  std::vector<FieldFact> Fields;
  std::vector<unsigned> OutEdges; // indices into ProgramGraph::Edges
};

class ProgramGraph {
public:
  /// Merges per-TU facts. The result does not depend on the order of `TUs`.
  static ProgramGraph build(std::vector<TUFacts> TUs);

  const std::vector<GraphNode> &nodes() const { return Nodes; }
  const std::vector<GraphEdge> &edges() const { return Edges; }
  const GraphNode &node(NodeId Id) const { return Nodes[Id]; }
  const FieldFact &field(MemberRef M) const {
    return Nodes[M.Record].Fields[M.Field];
  }
  /// `Record::field`, the name every diagnostic uses for a member.
  std::string memberName(MemberRef M) const;

  /// All classes derived from `Id`, directly or not, in NodeId order.
  std::vector<NodeId> subclassesOf(NodeId Id) const;
  /// True when A and B are the same class or one derives from the other,
  /// or both derive from a common class: one class hierarchy.
  bool sameHierarchy(NodeId A, NodeId B) const;

  /// The CPython extension types of the program, merged from every TU's
  /// python facts (models/cpython/PythonProgram.h).
  const PythonProgram &python() const { return Python; }

private:
  PythonProgram Python;
  std::vector<GraphNode> Nodes;
  std::vector<GraphEdge> Edges;
  std::vector<std::vector<NodeId>> Derived; // direct subclasses
  std::vector<NodeId> HierarchyRoot;        // union-find representative
};

} // namespace cyclint

#endif // CYCLINT_TOOL_PROGRAMGRAPH_H
