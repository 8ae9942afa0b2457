//===- ProgramGraph.cpp - Merging facts into one graph --------------------===//
//
// A USR names a declaration, not a definition: two TUs may define different
// records under one USR (C structs local to a .c file, ODR violations). A
// node is therefore one (USR, definition location) pair, and a reference from
// a TU resolves to the definition that TU saw, else to the first one.
//
//===----------------------------------------------------------------------===//

#include "ProgramGraph.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace cyclint {

namespace {
struct PendingEdge {
  NodeId From;
  unsigned Field;
  EdgeFact Fact;
  NodeId Target;
};
} // namespace

ProgramGraph ProgramGraph::build(std::vector<TUFacts> TUs) {
  // The merge must not depend on scheduling: order TUs by their identity.
  llvm::stable_sort(TUs, [](const TUFacts &A, const TUFacts &B) {
    return std::tie(A.MainFile, A.Directory) <
           std::tie(B.MainFile, B.Directory);
  });

  ProgramGraph G;
  std::vector<PythonTUFacts> Python;
  for (TUFacts &TU : TUs)
    Python.push_back(std::move(TU.Python));
  G.Python = PythonProgram::build(std::move(Python));
  llvm::StringMap<std::vector<NodeId>> DefsByUSR;
  std::vector<std::vector<std::pair<std::string, NodeId>>> DefinedByTU(TUs.size());

  // Pass 1: one node per (USR, definition location); fields merged by name.
  for (size_t TU = 0; TU < TUs.size(); ++TU) {
    for (RecordFact &R : TUs[TU].Records) {
      std::vector<NodeId> &Defs = DefsByUSR[R.USR];
      NodeId Id = NoNode;
      for (NodeId D : Defs)
        if (G.Nodes[D].Loc == R.Loc)
          Id = D;
      if (Id == NoNode) {
        Id = G.Nodes.size();
        Defs.push_back(Id);
        GraphNode N;
        N.USR = R.USR;
        N.Name = R.Name;
        N.TagKind = R.TagKind;
        N.Loc = R.Loc;
        G.Nodes.push_back(std::move(N));
      }
      GraphNode &N = G.Nodes[Id];
      N.Polymorphic |= R.Polymorphic;
      for (FieldFact &F : R.Fields) {
        auto It = llvm::find_if(N.Fields, [&](const FieldFact &Existing) {
          return Existing.Name == F.Name;
        });
        if (It == N.Fields.end()) {
          N.Fields.push_back(F);
          N.Fields.back().Edges.clear();
          It = std::prev(N.Fields.end());
        }
        It->DeletedInDestructor |= F.DeletedInDestructor;
      }
      DefinedByTU[TU].emplace_back(R.USR, Id);
    }
  }

  // Pass 2: resolve each TU's references in that TU's view of the program.
  std::vector<PendingEdge> Pending;
  std::vector<std::set<NodeId>> Bases(G.Nodes.size());
  for (size_t TU = 0; TU < TUs.size(); ++TU) {
    llvm::StringMap<NodeId> Local;
    for (auto &[USR, Id] : DefinedByTU[TU])
      Local[USR] = Id;
    auto Resolve = [&](const std::string &USR) -> NodeId {
      if (auto It = Local.find(USR); It != Local.end())
        return It->second;
      auto It = DefsByUSR.find(USR);
      return It == DefsByUSR.end() || It->second.empty() ? NoNode
                                                         : It->second.front();
    };
    for (const RecordFact &R : TUs[TU].Records) {
      NodeId From = Local[R.USR];
      for (const std::string &B : R.BaseUSRs)
        if (NodeId Base = Resolve(B); Base != NoNode && Base != From)
          Bases[From].insert(Base);
      for (const FieldFact &F : R.Fields) {
        unsigned FieldIndex =
            llvm::find_if(G.Nodes[From].Fields,
                          [&](const FieldFact &X) { return X.Name == F.Name; }) -
            G.Nodes[From].Fields.begin();
        for (const EdgeFact &E : F.Edges) {
          NodeId Target = E.TargetUSR.empty() ? NoNode : Resolve(E.TargetUSR);
          Pending.push_back({From, FieldIndex, E, Target});
          // The merged node keeps every edge any TU saw for the field, with
          // the target's USR, for fact dumps and future checks.
          std::vector<EdgeFact> &Merged = G.Nodes[From].Fields[FieldIndex].Edges;
          if (!llvm::is_contained(Merged, E))
            Merged.push_back(E);
        }
      }
    }
  }
  for (GraphNode &N : G.Nodes)
    for (FieldFact &F : N.Fields)
      llvm::sort(F.Edges);

  // Hierarchy: direct subclasses and one representative per hierarchy.
  G.Derived.assign(G.Nodes.size(), {});
  G.HierarchyRoot.resize(G.Nodes.size());
  std::iota(G.HierarchyRoot.begin(), G.HierarchyRoot.end(), 0);
  auto Find = [&](NodeId X) {
    while (G.HierarchyRoot[X] != X)
      X = G.HierarchyRoot[X] = G.HierarchyRoot[G.HierarchyRoot[X]];
    return X;
  };
  for (NodeId N = 0; N < G.Nodes.size(); ++N) {
    G.Nodes[N].Bases.assign(Bases[N].begin(), Bases[N].end());
    for (NodeId B : Bases[N]) {
      G.Derived[B].push_back(N);
      NodeId RA = Find(N), RB = Find(B);
      if (RA != RB)
        G.HierarchyRoot[std::max(RA, RB)] = std::min(RA, RB);
    }
  }
  for (NodeId N = 0; N < G.Nodes.size(); ++N)
    Find(N);

  // Keep-alive edges, with inheritance applied on both ends.
  std::map<std::tuple<NodeId, NodeId, MemberRef, NodeId>, unsigned> Seen;
  std::vector<std::vector<NodeId>> SubclassCache(G.Nodes.size());
  std::vector<bool> SubclassCached(G.Nodes.size(), false);
  auto Subclasses = [&](NodeId N) -> const std::vector<NodeId> & {
    if (!SubclassCached[N]) {
      SubclassCache[N] = G.subclassesOf(N);
      SubclassCached[N] = true;
    }
    return SubclassCache[N];
  };
  for (const PendingEdge &P : Pending) {
    if (P.Target == NoNode)
      continue;
    const FieldFact &F = G.Nodes[P.From].Fields[P.Field];
    EdgeKind Kind = P.Fact.Kind;
    bool OwnedRaw = false;
    if (Kind == EdgeKind::Borrowed && F.DeletedInDestructor &&
        P.Fact.Via.empty()) {
      Kind = EdgeKind::Owning;
      OwnedRaw = true;
    }
    if (!keepsAlive(Kind))
      continue;
    MemberRef Member{P.From, P.Field};
    std::vector<NodeId> Holders{P.From};
    llvm::append_range(Holders, Subclasses(P.From));
    std::vector<std::pair<NodeId, NodeId>> Targets{{P.Target, NoNode}};
    if (G.Nodes[P.Target].Polymorphic)
      for (NodeId D : Subclasses(P.Target))
        Targets.push_back({D, P.Target});
    for (NodeId Holder : Holders)
      for (auto [To, Declared] : Targets) {
        auto [It, Inserted] =
            Seen.try_emplace({Holder, To, Member, Declared}, G.Edges.size());
        if (!Inserted) {
          // One member may reach a target through two wrappers with
          // different kinds (pair<shared_ptr<T>, T>): the strong one counts.
          GraphEdge &Existing = G.Edges[It->second];
          if (Kind == EdgeKind::Strong && Existing.Kind != EdgeKind::Strong) {
            Existing.Kind = Kind;
            Existing.Via = P.Fact.Via;
          }
          continue;
        }
        GraphEdge E;
        E.From = Holder;
        E.To = To;
        E.Kind = Kind;
        E.Member = Member;
        E.Via = P.Fact.Via;
        E.DeclaredTarget = Declared;
        E.OwnedRawPointer = OwnedRaw;
        G.Edges.push_back(std::move(E));
      }
  }
  llvm::sort(G.Edges, [](const GraphEdge &A, const GraphEdge &B) {
    return std::tie(A.From, A.Member, A.To, A.DeclaredTarget) <
           std::tie(B.From, B.Member, B.To, B.DeclaredTarget);
  });
  for (unsigned I = 0; I < G.Edges.size(); ++I)
    G.Nodes[G.Edges[I].From].OutEdges.push_back(I);
  return G;
}

std::string ProgramGraph::memberName(MemberRef M) const {
  return Nodes[M.Record].Name + "::" + Nodes[M.Record].Fields[M.Field].Name;
}

std::vector<NodeId> ProgramGraph::subclassesOf(NodeId Id) const {
  std::vector<bool> Visited(Nodes.size(), false);
  std::vector<NodeId> Stack{Id}, Result;
  Visited[Id] = true;
  while (!Stack.empty()) {
    NodeId N = Stack.back();
    Stack.pop_back();
    for (NodeId D : Derived[N])
      if (!Visited[D]) {
        Visited[D] = true;
        Result.push_back(D);
        Stack.push_back(D);
      }
  }
  llvm::sort(Result);
  return Result;
}

bool ProgramGraph::sameHierarchy(NodeId A, NodeId B) const {
  return HierarchyRoot[A] == HierarchyRoot[B];
}

} // namespace cyclint
