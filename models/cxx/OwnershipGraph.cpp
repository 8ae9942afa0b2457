//===- OwnershipGraph.cpp - Merging C++ facts into one graph --------------===//
//
// A USR names a declaration, not a definition: two TUs may define different
// records under one USR (C structs local to a .c file, ODR violations). A
// node is therefore one (USR, definition location) pair, and a reference from
// a TU resolves to the definition that TU saw, else to the first one.
//
//===----------------------------------------------------------------------===//

#include "models/cxx/OwnershipGraph.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <map>
#include <set>

namespace cyclint {

namespace {
/// An edge as one TU resolved it. The fact lives once in the merged field
/// (index `Edge`): a header seen by a thousand TUs gives one pending edge,
/// not a thousand copies.
struct PendingEdge {
  NodeId From;
  unsigned Field;
  unsigned Edge;
  NodeId Target;
  friend bool operator<(const PendingEdge &A, const PendingEdge &B) {
    return std::tie(A.From, A.Field, A.Edge, A.Target) <
           std::tie(B.From, B.Field, B.Edge, B.Target);
  }
};
} // namespace

/// The merge, one pass per method, in order. State that a pass hands to the
/// next lives in the members.
class OwnershipGraph::Builder {
public:
  Builder(std::vector<CxxFacts> &TUs, bool WholeProgram)
      : TUs(TUs), WholeProgram(WholeProgram), DefinedByTU(TUs.size()) {}

  OwnershipGraph run() {
    mergeDefinitions();
    resolveReferences();
    buildHierarchy();
    addDispatchNodes();
    mergeFunctions();
    readStores();
    addMemberEdges();
    addStructuralEdges();
    finish();
    return std::move(G);
  }

private:
  void mergeDefinitions();
  void resolveReferences();
  void buildHierarchy();
  void addDispatchNodes();
  void addMemberEdges();
  void addMemberEdge(
      const PendingEdge &P, MemberRef Member, NodeId To, EdgeKind Kind,
      bool OwnedRaw, const MemberStores *Stores,
      std::map<std::tuple<NodeId, NodeId, MemberRef>, unsigned> &Seen);
  void addStructuralEdges();
  void finish();
  void mergeFunctions();
  void readStores();
  std::vector<NodeId> storedTargets(const MemberStores &Stores, NodeId Target);
  bool derivesFrom(NodeId Class, NodeId Base) const;

  OwnershipGraph G;
  std::vector<CxxFacts> &TUs;
  const bool WholeProgram;
  std::vector<bool> CodeSeen; // per node: the program's code for it was read
  /// Per class node: constructors and non-const methods no TU defines.
  std::vector<std::optional<std::vector<std::string>>> Undefined;
  llvm::StringMap<std::vector<NodeId>> DefsByUSR;
  std::vector<std::vector<std::pair<std::string, NodeId>>> DefinedByTU;
  std::set<PendingEdge> Pending;
  std::vector<std::set<NodeId>> Bases; // direct, per node
  unsigned ClassCount = 0;             // nodes before dispatch nodes
  std::vector<NodeId> DispatchOf;      // class -> its dispatch node
};

/// Pass 1: nodes and fields, and which definitions each TU saw.
void OwnershipGraph::Builder::mergeDefinitions() {
  // Pass 1: one node per (USR, definition location); fields merged by name.
  for (size_t TU = 0; TU < TUs.size(); ++TU) {
    for (RecordFact &R : TUs[TU].Records) {
      std::vector<NodeId> &Defs = DefsByUSR[R.USR];
      NodeId Id = NoNode;
      for (NodeId D : Defs)
        if (G.Nodes[D].Loc == R.Loc)
          Id = D;
      const bool FirstDefinition = Id == NoNode;
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
      // Unread only when no TU read it.
      N.UnreadDestructor =
          R.UnreadDestructor && (FirstDefinition || N.UnreadDestructor);
      // Methods no TU defines: in every version's list.
      if (Undefined.size() <= Id)
        Undefined.resize(Id + 1);
      if (!Undefined[Id]) {
        Undefined[Id] = R.UndefinedMethods;
      } else {
        std::vector<std::string> Both;
        std::set_intersection(Undefined[Id]->begin(), Undefined[Id]->end(),
                              R.UndefinedMethods.begin(),
                              R.UndefinedMethods.end(),
                              std::back_inserter(Both));
        Undefined[Id] = std::move(Both);
      }
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
        It->DefaultInitialized |= F.DefaultInitialized;
      }
      DefinedByTU[TU].emplace_back(R.USR, Id);
    }
  }

  // Records a TU shared with an earlier one (dropped as identical by
  // RecordDeduplicator) still belong to its view of the program.
  for (size_t TU = 0; TU < TUs.size(); ++TU)
    for (const auto &[USR, Loc] : TUs[TU].AlsoDefines) {
      auto Defs = DefsByUSR.find(USR);
      if (Defs == DefsByUSR.end())
        continue;
      for (NodeId D : Defs->second)
        if (G.Nodes[D].Loc == Loc)
          DefinedByTU[TU].emplace_back(USR, D);
    }
}

/// Pass 2: bases and member edges, as each TU resolves them.
void OwnershipGraph::Builder::resolveReferences() {
  // Pass 2: resolve each TU's references in that TU's view of the program.
  Bases.assign(G.Nodes.size(), {});
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
          // The merged field keeps every edge any TU saw, once.
          std::vector<EdgeFact> &Merged = G.Nodes[From].Fields[FieldIndex].Edges;
          auto It = llvm::find(Merged, E);
          unsigned EdgeIndex = It - Merged.begin();
          if (It == Merged.end())
            Merged.push_back(E);
          NodeId Target = E.TargetUSR.empty() ? NoNode : Resolve(E.TargetUSR);
          Pending.insert({From, FieldIndex, EdgeIndex, Target});
        }
      }
    }
  }
}

/// Subclasses and hierarchies.
void OwnershipGraph::Builder::buildHierarchy() {
  // Hierarchy: direct subclasses and the classes of one hierarchy. The larger
  // hierarchy leads a union: EquivalenceClasses::getLeader() recurses along
  // a chain of former leaders, which union by size keeps O(log n) long (a
  // base chain of a million classes overflowed the stack without it).
  G.Derived.assign(G.Nodes.size(), {});
  std::vector<unsigned> HierarchySize(G.Nodes.size(), 1); // at leaders
  for (NodeId N = 0; N < G.Nodes.size(); ++N) {
    G.Nodes[N].Bases.assign(Bases[N].begin(), Bases[N].end());
    for (NodeId B : Bases[N]) {
      G.Derived[B].push_back(N);
      NodeId Lead = G.Hierarchies.getOrInsertLeaderValue(B);
      NodeId Joining = G.Hierarchies.getOrInsertLeaderValue(N);
      if (Lead == Joining)
        continue;
      if (HierarchySize[Lead] < HierarchySize[Joining])
        std::swap(Lead, Joining);
      G.Hierarchies.unionSets(Lead, Joining);
      HierarchySize[Lead] += HierarchySize[Joining];
    }
  }
}

/// Dispatch nodes for polymorphic classes with subclasses.
void OwnershipGraph::Builder::addDispatchNodes() {
  // Dispatch nodes: one per polymorphic class that has subclasses.
  ClassCount = G.Nodes.size();
  DispatchOf.assign(ClassCount, NoNode);
  for (NodeId T = 0; T < ClassCount; ++T) {
    if (!G.Nodes[T].Polymorphic || G.Derived[T].empty())
      continue;
    GraphNode D;
    D.DispatchFor = T;
    D.USR = G.Nodes[T].USR + "#dispatch";
    D.Name = G.Nodes[T].Name;
    D.TagKind = G.Nodes[T].TagKind;
    D.Loc = G.Nodes[T].Loc;
    D.Polymorphic = true;
    DispatchOf[T] = G.Nodes.size();
    G.Nodes.push_back(std::move(D));
  }
}

/// Keep-alive member edges.
void OwnershipGraph::Builder::addMemberEdges() {
  // Member edges: one per (holder, target, member), strongest kind wins (a
  // member may reach one target through two wrappers: pair<shared_ptr<T>, T>).
  std::map<std::tuple<NodeId, NodeId, MemberRef>, unsigned> Seen;
  for (const PendingEdge &P : Pending) {
    if (P.Target == NoNode)
      continue;
    const FieldFact &F = G.Nodes[P.From].Fields[P.Field];
    const EdgeFact &Fact = F.Edges[P.Edge];
    auto [Kind, OwnedRaw] = memberEdgeKind(Fact.Kind, !Fact.Via.empty(),
                                           F.DeletedInDestructor);
    if (!keepsAlive(Kind))
      continue;
    MemberRef Member{P.From, P.Field};
    // What the program stores decides where a pointer member's edge goes;
    // a member nothing stores into is always null and keeps nothing alive.
    const MemberStores *Stores = nullptr;
    std::vector<NodeId> Targets{
        DispatchOf[P.Target] != NoNode ? DispatchOf[P.Target] : P.Target};
    // Body facts name records by USR; two definitions under one USR (C
    // structs local to two files, an ODR violation) cannot be told apart
    // there, so their members keep their types' edges.
    if (WholeProgram && !Fact.Via.empty() && !OwnedRaw &&
        DefsByUSR[G.Nodes[P.From].USR].size() == 1) {
      auto S = G.Stored.find({G.Nodes[P.From].USR, F.Name});
      if (S == G.Stored.end() && !F.DefaultInitialized &&
          CodeSeen[P.From])
        continue; // never assigned, in code the analysis read
      if (S != G.Stored.end()) {
        Stores = &S->second;
        if (!Stores->Unknown && !F.DefaultInitialized) {
          std::vector<NodeId> Chosen = storedTargets(*Stores, P.Target);
          if (Chosen.empty())
            continue; // nothing stored there is a `Target`
          Targets = std::move(Chosen);
        }
      }
    }
    for (NodeId To : Targets)
      addMemberEdge(P, Member, To, Kind, OwnedRaw, Stores, Seen);
  }
}

void OwnershipGraph::Builder::addMemberEdge(
    const PendingEdge &P, MemberRef Member, NodeId To, EdgeKind Kind,
    bool OwnedRaw, const MemberStores *Stores,
    std::map<std::tuple<NodeId, NodeId, MemberRef>, unsigned> &Seen) {
  const EdgeFact &Fact = G.Nodes[P.From].Fields[P.Field].Edges[P.Edge];
  auto [It, Inserted] = Seen.try_emplace({P.From, To, Member}, G.Edges.size());
  if (!Inserted) {
    GraphEdge &Existing = G.Edges[It->second];
    if (Kind == EdgeKind::Strong && Existing.Kind != EdgeKind::Strong) {
      Existing.Kind = Kind;
      Existing.Via = Fact.Via;
      Existing.OwnedRawPointer = false;
    }
    Existing.Collection |= Fact.Collection;
    return;
  }
  GraphEdge E;
  E.From = P.From;
  E.To = To;
  E.Role = EdgeRole::Member;
  E.Kind = Kind;
  E.Member = Member;
  E.Via = Fact.Via;
  E.Collection = Fact.Collection;
  E.OwnedRawPointer = OwnedRaw;
  E.Stores = Stores;
  NodeId Named = DispatchOf[P.Target] != NoNode ? DispatchOf[P.Target]
                                                : P.Target;
  if (To != Named)
    E.Declared = P.Target;
  G.Edges.push_back(std::move(E));
}

/// What the program stores into each member, from every TU's bodies.
void OwnershipGraph::Builder::readStores() {
  if (!WholeProgram)
    return;
  // A member no body stores into is null only if the program's code for its
  // class was read: the class is made, or some body writes, reads or clears
  // one of its members, or one of its methods stores something. A class
  // only declared here (its code in a library the database lacks) keeps
  // every edge its types give.
  llvm::StringSet<> Used;
  for (const FunctionFact &F : G.Functions) {
    if (!F.Record.empty())
      Used.insert(F.Record);
    for (const BodyOp &Op : F.Ops) {
      if (Op.Kind == BodyOpKind::Alloc && Op.Type != ClosureType)
        Used.insert(Op.Type);
      if (!Op.Record.empty())
        Used.insert(Op.Record);
    }
  }
  // A class with a constructor or method that no TU defines has code the
  // analysis did not read (a library the database lacks): it may assign
  // any member, its bases' protected ones included.
  auto AllDefined = [&](NodeId N) {
    return N >= Undefined.size() || !Undefined[N] || Undefined[N]->empty();
  };
  CodeSeen.assign(G.Nodes.size(), false);
  std::vector<NodeId> Stack;
  for (NodeId N = 0; N < ClassCount; ++N)
    if (Used.count(G.Nodes[N].USR) && AllDefined(N)) {
      CodeSeen[N] = true;
      Stack.push_back(N);
    }
  while (!Stack.empty()) { // a class made is its bases' code too
    NodeId N = Stack.back();
    Stack.pop_back();
    for (NodeId B : Bases[N])
      if (!CodeSeen[B] && AllDefined(B)) {
        CodeSeen[B] = true;
        Stack.push_back(B);
      }
  }
  G.Stored = storedValues(G.Functions, [&](const MemberKey &Key) {
    auto Defs = DefsByUSR.find(Key.first);
    if (Defs == DefsByUSR.end())
      return false;
    for (NodeId D : Defs->second)
      for (const FieldFact &F : G.Nodes[D].Fields)
        if (F.Name == Key.second && F.DefaultInitialized)
          return true;
    return false;
  });
}

bool OwnershipGraph::Builder::derivesFrom(NodeId Class, NodeId Base) const {
  std::vector<NodeId> Stack{Class};
  std::set<NodeId> Visited{Class};
  while (!Stack.empty()) {
    NodeId N = Stack.back();
    Stack.pop_back();
    if (N == Base)
      return true;
    for (NodeId B : Bases[N])
      if (Visited.insert(B).second)
        Stack.push_back(B);
  }
  return false;
}

/// The nodes a member whose type names `Target` reaches, given the classes
/// stored into it: each stored class that is a `Target` (its dispatch node
/// when the store may be any subclass of it). A stored class no TU defined
/// is not dropped silently: the member keeps its type's edge.
std::vector<NodeId>
OwnershipGraph::Builder::storedTargets(const MemberStores &Stores,
                                       NodeId Target) {
  std::vector<NodeId> Out;
  for (const StoredClass &C : Stores.Classes) {
    auto Defs = DefsByUSR.find(C.USR);
    if (Defs == DefsByUSR.end() || Defs->second.size() != 1)
      return {DispatchOf[Target] != NoNode ? DispatchOf[Target] : Target};
    NodeId N = Defs->second.front();
    if (!derivesFrom(N, Target))
      continue;
    Out.push_back(C.OrSubclass && DispatchOf[N] != NoNode ? DispatchOf[N] : N);
  }
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  return Out;
}

/// Subobject and dispatch edges.
void OwnershipGraph::Builder::addStructuralEdges() {
  // Structural edges.
  for (NodeId N = 0; N < ClassCount; ++N)
    for (NodeId B : G.Nodes[N].Bases) {
      GraphEdge E;
      E.From = N;
      E.To = B;
      E.Role = EdgeRole::Subobject;
      G.Edges.push_back(std::move(E));
    }
  for (NodeId T = 0; T < ClassCount; ++T) {
    if (DispatchOf[T] == NoNode)
      continue;
    std::vector<NodeId> Targets{T};
    llvm::append_range(Targets, G.subclassesOf(T));
    for (NodeId S : Targets) {
      GraphEdge E;
      E.From = DispatchOf[T];
      E.To = S;
      E.Role = EdgeRole::Dispatch;
      G.Edges.push_back(std::move(E));
    }
  }
}

/// Canonical edge order and adjacency.
void OwnershipGraph::Builder::finish() {
  llvm::stable_sort(G.Edges, [](const GraphEdge &A, const GraphEdge &B) {
    return std::tie(A.From, A.Role, A.Member, A.To) <
           std::tie(B.From, B.Role, B.Member, B.To);
  });
  for (unsigned I = 0; I < G.Edges.size(); ++I)
    G.Nodes[G.Edges[I].From].OutEdges.push_back(I);
  for (GraphNode &N : G.Nodes)
    for (FieldFact &F : N.Fields)
      llvm::sort(F.Edges);
}

/// Function bodies: the first definition of each USR (an inline function is
/// in every TU that includes its header).
void OwnershipGraph::Builder::mergeFunctions() {
  llvm::StringSet<> Seen;
  for (CxxFacts &TU : TUs)
    for (FunctionFact &F : TU.Functions)
      if (Seen.insert(F.USR).second)
        G.Functions.push_back(std::move(F));
}

OwnershipGraph OwnershipGraph::build(std::vector<CxxFacts> TUs,
                                     bool WholeProgram) {
  return Builder(TUs, WholeProgram).run();
}

std::vector<MemberStep>
OwnershipGraph::memberSteps(const std::vector<const GraphEdge *> &Cycle) const {
  std::vector<MemberStep> Steps;
  const size_t L = Cycle.size();
  size_t First = 0;
  while (First < L && Cycle[First]->Role != EdgeRole::Member)
    ++First;
  if (First == L)
    return Steps;
  // Begin at the subobject chain leading into the first member, if any.
  size_t Begin = First;
  for (size_t K = 0; K + 1 < L && Cycle[(Begin + L - 1) % L]->Role == EdgeRole::Subobject; ++K)
    Begin = (Begin + L - 1) % L;
  NodeId Holder = NoNode;
  for (size_t K = 0; K < L; ++K) {
    const GraphEdge *E = Cycle[(Begin + K) % L];
    switch (E->Role) {
    case EdgeRole::Subobject:
      if (Holder == NoNode)
        Holder = E->From;
      break;
    case EdgeRole::Dispatch:
      if (!Steps.empty()) {
        Steps.back().Target = E->To;
        NodeId Declared = Nodes[E->From].DispatchFor;
        Steps.back().Declared = Declared == E->To ? NoNode : Declared;
      }
      break;
    case EdgeRole::Member:
      Steps.push_back({E, Holder == NoNode ? E->From : Holder, E->To,
                       E->Declared});
      Holder = NoNode;
      break;
    }
  }
  return Steps;
}

std::string OwnershipGraph::recordName(llvm::StringRef USR) const {
  for (const GraphNode &N : Nodes)
    if (N.USR == USR && N.DispatchFor == NoNode)
      return N.Name;
  return USR.str();
}

std::string OwnershipGraph::memberName(MemberRef M) const {
  return Nodes[M.Record].Name + "::" + Nodes[M.Record].Fields[M.Field].Name;
}

std::set<MemberRef>
OwnershipGraph::membersAt(const std::set<SourceLocation> &Locs) const {
  std::set<MemberRef> Members;
  if (Locs.empty())
    return Members;
  for (NodeId N = 0; N < Nodes.size(); ++N)
    for (unsigned F = 0; F < Nodes[N].Fields.size(); ++F)
      if (Locs.count(Nodes[N].Fields[F].Loc))
        Members.insert({N, F});
  return Members;
}

std::vector<NodeId> OwnershipGraph::subclassesOf(NodeId Id) const {
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

bool OwnershipGraph::sameHierarchy(NodeId A, NodeId B) const {
  if (isDispatch(A))
    A = Nodes[A].DispatchFor;
  if (isDispatch(B))
    B = Nodes[B].DispatchFor;
  return Hierarchies.isEquivalent(A, B);
}

const std::vector<ProgramCycle> &OwnershipGraph::statementCycles() const {
  if (!StatementCycles)
    StatementCycles = std::make_shared<const std::vector<ProgramCycle>>(
        findProgramCycles(Functions));
  return *StatementCycles;
}

} // namespace cyclint
