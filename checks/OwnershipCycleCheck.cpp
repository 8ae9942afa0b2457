//===- OwnershipCycleCheck.cpp - cyclint-ownership-cycle ------------------===//
//
// 1. Strongly connected components (Tarjan) of the keep-alive graph.
// 2. In each component, for each strong edge in name order (edges as
//    declared before their inherited/polymorphic copies), the shortest
//    cycle through it (BFS back to its source): a bounded, deterministic set
//    of witnesses, deduplicated by the set of members they use.
// 3. A witness is a recursive structure, not a cycle, when it uses a single
//    member (Node::next, Tree::children), or stays inside one class hierarchy
//    and no member in it is named as a back link (Expr::lhs with
//    BinaryExpr::args; left + right). Parent/child, prev/next and A::b + B::a
//    remain cycles. Finding rings built from recursive types needs the
//    points-to analysis of function bodies.
// 4. The warning sits at the member to weaken: a strong member (only those
//    can become weak), preferring a back-link name, then a plain pointer over
//    a pointer inside a container (back links are single pointers, forward
//    links are collections), then the first member name in sorted order.
//
//===----------------------------------------------------------------------===//

#include "OwnershipCycleCheck.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <deque>
#include <set>

namespace cyclint {

static constexpr const char *DefaultBackLinkWords =
    "parent,owner,prev,previous,pred,predecessor,back,up,outer,container,"
    "enclosing,delegate,host,creator,self";

OwnershipCycleCheck::OwnershipCycleCheck(const CheckOptions &Options)
    : MaxCyclesPerComponent(
          Options.getUnsigned(Name, "MaxCyclesPerComponent", 8)) {
  llvm::SmallVector<llvm::StringRef, 16> Words;
  std::string List = Options.get(Name, "BackLinkWords", DefaultBackLinkWords);
  llvm::StringRef(List).split(Words, ',', -1, false);
  for (llvm::StringRef W : Words)
    BackLinkWords.push_back(W.trim().lower());
}

bool OwnershipCycleCheck::isBackLinkName(llvm::StringRef FieldName) const {
  // Split `m_pParentNode` / `prev_sibling_` into lower-case words.
  std::vector<std::string> Words(1);
  for (size_t I = 0; I < FieldName.size(); ++I) {
    char C = FieldName[I];
    bool Boundary = C == '_' ||
                    (llvm::isUpper(C) && I > 0 && llvm::isLower(FieldName[I - 1]));
    if (Boundary && !Words.back().empty())
      Words.emplace_back();
    if (C != '_')
      Words.back() += llvm::toLower(C);
  }
  for (const std::string &W : Words)
    if (llvm::is_contained(BackLinkWords, W))
      return true;
  return false;
}

namespace {

/// Iterative Tarjan: recursion depth would follow the graph's depth.
std::vector<std::vector<NodeId>> stronglyConnectedComponents(const ProgramGraph &G) {
  unsigned N = G.nodes().size();
  std::vector<int> Index(N, -1), Low(N, 0);
  std::vector<bool> OnStack(N, false);
  std::vector<NodeId> Stack;
  std::vector<std::vector<NodeId>> Components;
  int Next = 0;
  struct Frame {
    NodeId Node;
    size_t Edge;
  };
  for (NodeId Root = 0; Root < N; ++Root) {
    if (Index[Root] != -1)
      continue;
    std::vector<Frame> Calls{{Root, 0}};
    Index[Root] = Low[Root] = Next++;
    Stack.push_back(Root);
    OnStack[Root] = true;
    while (!Calls.empty()) {
      Frame &F = Calls.back();
      const std::vector<unsigned> &Out = G.node(F.Node).OutEdges;
      if (F.Edge < Out.size()) {
        NodeId To = G.edges()[Out[F.Edge++]].To;
        if (Index[To] == -1) {
          Index[To] = Low[To] = Next++;
          Stack.push_back(To);
          OnStack[To] = true;
          Calls.push_back({To, 0});
        } else if (OnStack[To]) {
          Low[F.Node] = std::min(Low[F.Node], Index[To]);
        }
        continue;
      }
      NodeId Done = F.Node;
      Calls.pop_back();
      if (!Calls.empty())
        Low[Calls.back().Node] = std::min(Low[Calls.back().Node], Low[Done]);
      if (Low[Done] == Index[Done]) {
        std::vector<NodeId> Component;
        NodeId X;
        do {
          X = Stack.back();
          Stack.pop_back();
          OnStack[X] = false;
          Component.push_back(X);
        } while (X != Done);
        llvm::sort(Component);
        Components.push_back(std::move(Component));
      }
    }
  }
  llvm::sort(Components);
  return Components;
}

using Cycle = std::vector<const GraphEdge *>;

/// Shortest path of keep-alive edges from `From` to `To` inside the
/// component; empty when none.
Cycle shortestPath(const ProgramGraph &G, const std::vector<bool> &InComponent,
                   NodeId From, NodeId To) {
  std::vector<const GraphEdge *> Parent(G.nodes().size(), nullptr);
  std::vector<bool> Visited(G.nodes().size(), false);
  std::deque<NodeId> Queue{From};
  Visited[From] = true;
  while (!Queue.empty()) {
    NodeId N = Queue.front();
    Queue.pop_front();
    if (N == To)
      break;
    for (unsigned EdgeIndex : G.node(N).OutEdges) {
      const GraphEdge &E = G.edges()[EdgeIndex];
      if (!InComponent[E.To] || Visited[E.To])
        continue;
      Visited[E.To] = true;
      Parent[E.To] = &E;
      Queue.push_back(E.To);
    }
  }
  Cycle Path;
  if (!Visited[To])
    return Path;
  for (NodeId N = To; N != From; N = Parent[N]->From)
    Path.push_back(Parent[N]);
  std::reverse(Path.begin(), Path.end());
  return Path;
}

} // namespace

void OwnershipCycleCheck::run(const ProgramGraph &G, std::vector<Finding> &Out) {
  std::vector<bool> InComponent(G.nodes().size(), false);
  // Edges as declared come before their copies through inheritance and
  // polymorphism: a cycle among the declared classes is shown as such
  // (Widget -> Widget), not through whichever subclass sorts first, so
  // adding a subclass does not change the base class's diagnostic.
  auto Copied = [](const GraphEdge *E) {
    return E->Member.Record != E->From || E->DeclaredTarget != NoNode;
  };
  auto ByName = [&](const GraphEdge *A, const GraphEdge *B) {
    return std::make_tuple(Copied(A), G.memberName(A->Member),
                           G.node(A->To).Name, G.node(A->From).Name) <
           std::make_tuple(Copied(B), G.memberName(B->Member),
                           G.node(B->To).Name, G.node(B->From).Name);
  };

  for (const std::vector<NodeId> &Component : stronglyConnectedComponents(G)) {
    for (NodeId N : Component)
      InComponent[N] = true;
    std::vector<const GraphEdge *> Inside;
    for (NodeId N : Component)
      for (unsigned I : G.node(N).OutEdges)
        if (InComponent[G.edges()[I].To])
          Inside.push_back(&G.edges()[I]);
    llvm::sort(Inside, ByName);

    std::set<std::vector<MemberRef>> Reported;
    unsigned Count = 0;
    for (const GraphEdge *Start : Inside) {
      if (Count >= MaxCyclesPerComponent)
        break;
      if (Start->Kind != EdgeKind::Strong)
        continue;
      Cycle Witness{Start};
      if (Start->From == Start->To) {
        // A second member from the class to itself: prev + next.
        auto Other = llvm::find_if(Inside, [&](const GraphEdge *E) {
          return E->From == Start->From && E->To == Start->From &&
                 !(E->Member == Start->Member);
        });
        if (Other == Inside.end())
          continue;
        Witness.push_back(*Other);
      } else {
        Cycle Back = shortestPath(G, InComponent, Start->To, Start->From);
        if (Back.empty())
          continue;
        llvm::append_range(Witness, Back);
      }

      std::vector<MemberRef> Members;
      bool SameHierarchy = true, HasBackLink = false;
      for (const GraphEdge *E : Witness) {
        Members.push_back(E->Member);
        SameHierarchy &= G.sameHierarchy(E->From, Start->From) &&
                         G.sameHierarchy(E->To, Start->From);
        HasBackLink |= isBackLinkName(G.field(E->Member).Name);
      }
      llvm::sort(Members);
      Members.erase(std::unique(Members.begin(), Members.end()), Members.end());
      if (Members.size() == 1 || (SameHierarchy && !HasBackLink))
        continue; // a recursive structure: a list, a tree, a composite
      if (!Reported.insert(Members).second)
        continue;

      // The member to weaken, then the cycle rotated to start there.
      auto Rank = [&](const GraphEdge *E) {
        return std::make_tuple(E->Kind != EdgeKind::Strong,
                               !isBackLinkName(G.field(E->Member).Name),
                               E->Via.size() > 1, G.memberName(E->Member),
                               G.node(E->To).Name);
      };
      auto Weaken = std::min_element(
          Witness.begin(), Witness.end(),
          [&](const GraphEdge *A, const GraphEdge *B) { return Rank(A) < Rank(B); });
      std::rotate(Witness.begin(), Weaken, Witness.end());

      Finding F;
      F.CheckName = Name;
      F.Warning.Loc = G.field(Witness.front()->Member).Loc;
      F.Warning.Message = wording::neverFreedCycle(G, *Witness.front(), Witness);
      for (const GraphEdge *E : Witness)
        F.Notes.push_back({G.field(E->Member).Loc, wording::edgeNote(G, *E)});
      Out.push_back(std::move(F));
      ++Count;
    }
    for (NodeId N : Component)
      InComponent[N] = false;
  }
}

} // namespace cyclint
