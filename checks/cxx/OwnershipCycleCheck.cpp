//===- OwnershipCycleCheck.cpp - cyclint-ownership-cycle ------------------===//
//
// 1. Strongly connected components (llvm::scc_iterator) of the keep-alive
//    graph.
// 2. In each component, for each strong member edge in name order, the
//    shortest cycle through it that uses at least one other member (BFS over
//    (node, another-member-used) states): a bounded, deterministic set of
//    witnesses, deduplicated by the set of members they use.
// 3. A cycle through a single member (Node::next, Tree::children,
//    Base::children reaching a subclass) is a recursive structure and never
//    a witness. A witness that stays inside one class hierarchy with no
//    member named as a back link (Expr::lhs with BinaryExpr::args; left +
//    right) is a composite tree and is dropped too, and so is a collection
//    of handles (classes whose only member is the counted pointer: Json,
//    Expectation) inside the object they point to. Parent/child, prev/next
//    and A::b + B::a remain cycles. Finding rings built from recursive types
//    needs the points-to analysis of function bodies.
// 4. The warning sits at the member to weaken: a back-link name held through
//    a single pointer, counted or owning (an owning `unique_ptr<Node> parent`
//    is the bug beside counted children); else a strong member (only those
//    can become weak), preferring a back-link name, then a plain pointer over
//    a pointer inside a container (back links are single pointers, forward
//    links are collections), then the first member name in sorted order.
// 5. Members marked CYCLINT_STRONG_BACK_LINK are broken by hand: step 2
//    leaves their edges out, so a way round that avoids them is still a
//    witness; a cycle only through one is a hidden finding (counted, shown
//    with ShowBrokenCycles), outside the MaxCyclesPerComponent budget.
// 6. The search takes no dispatch step from a generic slot's type (more than
//    MaxSubclassesGuessed subclass families) to a subclass; element records
//    of a composite count as their owner for the composite rule (3).
// 7. A cycle an owner's hand-written destructor may break is hidden: one
//    that clears it (CycleBreakers), or one no TU read (don't know).
//    Cycles through the same member declarations in several template
//    instantiations are one finding with a count.
//
//===----------------------------------------------------------------------===//

#include "checks/cxx/OwnershipCycleCheck.h"
#include "checks/cxx/Wording.h"
#include "models/cxx/OwnershipGraph.h"

#include "llvm/ADT/GraphTraits.h"
#include "llvm/ADT/SCCIterator.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace cyclint {

static constexpr const char *DefaultBackLinkWords =
    "parent,owner,prev,previous,pred,predecessor,back,up,outer,container,"
    "enclosing,delegate,host,creator,self";

OwnershipCycleCheck::OwnershipCycleCheck(llvm::StringRef Name,
                                         const CheckOptions &Options)
    : ViewCheck(Name, Options),
      MaxCyclesPerComponent(Check::Options.get("MaxCyclesPerComponent", 8u)),
      MaxSubclassesGuessed(Check::Options.get("MaxSubclassesGuessed", 8u)),
      ShowBrokenCycles(Check::Options.get("ShowBrokenCycles", 0u) != 0),
      BackLinkWordList(
          Check::Options.get("BackLinkWords", DefaultBackLinkWords)) {
  llvm::SmallVector<llvm::StringRef, 16> Words;
  llvm::StringRef(BackLinkWordList).split(Words, ',', -1, false);
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

/// The keep-alive graph as llvm::GraphTraits sees it: a vertex per node with
/// its successors, plus a root that points at every node, so that one
/// scc_iterator walk (iterative, whatever the graph's depth) covers nodes
/// that nothing keeps alive.
struct KeepAliveGraph {
  struct Vertex {
    NodeId Id = NoNode;
    std::vector<const Vertex *> Out;
  };
  std::vector<Vertex> Vertices;
  Vertex Root;

  explicit KeepAliveGraph(const OwnershipGraph &G) : Vertices(G.nodes().size()) {
    for (NodeId N = 0; N < Vertices.size(); ++N) {
      Vertices[N].Id = N;
      for (unsigned I : G.node(N).OutEdges)
        Vertices[N].Out.push_back(&Vertices[G.edges()[I].To]);
      Root.Out.push_back(&Vertices[N]);
    }
  }
};

} // namespace
} // namespace cyclint

template <> struct llvm::GraphTraits<const cyclint::KeepAliveGraph *> {
  using NodeRef = const cyclint::KeepAliveGraph::Vertex *;
  using ChildIteratorType = std::vector<NodeRef>::const_iterator;
  static NodeRef getEntryNode(const cyclint::KeepAliveGraph *G) {
    return &G->Root;
  }
  static ChildIteratorType child_begin(NodeRef N) { return N->Out.begin(); }
  static ChildIteratorType child_end(NodeRef N) { return N->Out.end(); }
};

namespace cyclint {
namespace {

/// Every strongly connected component, its nodes sorted, the components
/// sorted by their smallest node: scc_iterator's order (reverse topological,
/// following edge order) must not reach the output, and edges whose names
/// tie keep this node order into the search.
std::vector<std::vector<NodeId>> stronglyConnectedComponents(const OwnershipGraph &G) {
  const KeepAliveGraph Graph(G);
  std::vector<std::vector<NodeId>> Components;
  for (auto SCC = llvm::scc_begin(&Graph); !SCC.isAtEnd(); ++SCC) {
    if ((*SCC).front() == &Graph.Root)
      continue; // nothing points at the root: a component of its own
    std::vector<NodeId> Component;
    for (const KeepAliveGraph::Vertex *V : *SCC)
      Component.push_back(V->Id);
    llvm::sort(Component);
    Components.push_back(std::move(Component));
  }
  llvm::sort(Components);
  return Components;
}

using Cycle = std::vector<const GraphEdge *>;

/// The shortest path inside the component from Start's target back to its
/// source that traverses at least one member edge other than Start's member
/// and none of `Excluded`; empty when there is none. `Budget` counts visited
/// states.
Cycle shortestCycleThrough(const OwnershipGraph &G,
                           const std::vector<bool> &InComponent,
                           const std::vector<bool> &Generic,
                           const GraphEdge &Start, uint64_t &Budget,
                           const std::set<MemberRef> &Excluded) {
  // State = node * 2 + (another member used so far).
  struct Arrival {
    const GraphEdge *Edge = nullptr;
    size_t From = 0;
  };
  const size_t States = G.nodes().size() * 2;
  std::vector<Arrival> Parent(States);
  std::vector<bool> Visited(States, false);
  const size_t Source = Start.To * 2, Goal = Start.From * 2 + 1;
  std::deque<size_t> Queue{Source};
  Visited[Source] = true;
  while (!Queue.empty() && !Visited[Goal] && Budget) {
    size_t State = Queue.front();
    Queue.pop_front();
    --Budget;
    bool Used = State % 2;
    for (unsigned EdgeIndex : G.node(State / 2).OutEdges) {
      const GraphEdge &E = G.edges()[EdgeIndex];
      if (!InComponent[E.To] ||
          (E.Role == EdgeRole::Member && Excluded.count(E.Member)) ||
          (E.Role == EdgeRole::Dispatch && Generic[E.From] &&
           E.To != G.node(E.From).DispatchFor))
        continue;
      bool Other = E.Role == EdgeRole::Member && !(E.Member == Start.Member);
      size_t Next = E.To * 2 + (Used || Other);
      if (Visited[Next])
        continue;
      Visited[Next] = true;
      Parent[Next] = {&E, State};
      Queue.push_back(Next);
    }
  }
  Cycle Path;
  if (!Visited[Goal])
    return Path;
  for (size_t State = Goal; State != Source; State = Parent[State].From)
    Path.push_back(Parent[State].Edge);
  std::reverse(Path.begin(), Path.end());
  return Path;
}

/// True when the witness passes a node twice and the part of it that does not
/// contain the start edge is itself a cycle of two or more members: the start
/// member only adds a recursive hop (Node::children) to a cycle that stands
/// without it. Two single-member loops joined at a node (prev + next) are the
/// cycle itself and are kept.
bool detoursThroughAnotherCycle(const Cycle &Witness) {
  for (size_t I = 0; I < Witness.size(); ++I)
    for (size_t J = I + 1; J < Witness.size(); ++J) {
      if (Witness[I]->From != Witness[J]->From)
        continue;
      // Edges [I, J) form one cycle, the others the second one.
      bool StartInFirst = I == 0;
      std::set<MemberRef> Other;
      for (size_t K = 0; K < Witness.size(); ++K) {
        bool InFirst = K >= I && K < J;
        if (InFirst != StartInFirst && Witness[K]->Role == EdgeRole::Member)
          Other.insert(Witness[K]->Member);
      }
      if (Other.size() >= 2)
        return true;
    }
  return false;
}

/// Dispatch nodes of generic slots' types: classes with more than `Limit`
/// subclasses, the instantiations of one class template counted once
/// (osg::Referenced, osg::Object, a toolkit's Widget). A member of such a
/// type whose stores name no class (a setter's parameter, a registry filled
/// in a template) may hold any of them, and "it may be the one that holds
/// me" is then a guess, not evidence: the search does not step from such a
/// type to its subclasses. Stores the analysis follows point at the stored
/// class directly and are kept.
std::vector<bool> genericDispatchNodes(const OwnershipGraph &G, unsigned Limit) {
  std::vector<bool> Generic(G.nodes().size(), false);
  if (Limit == 0)
    return Generic;
  for (NodeId D = 0; D < G.nodes().size(); ++D) {
    if (!G.isDispatch(D))
      continue;
    // The dispatch node's edges are the class and all its subclasses: no
    // walk of the hierarchy beyond the edges the graph already has.
    std::set<llvm::StringRef> Families;
    for (unsigned I : G.node(D).OutEdges) {
      const GraphEdge &E = G.edges()[I];
      if (E.Role != EdgeRole::Dispatch || E.To == G.node(D).DispatchFor)
        continue;
      Families.insert(llvm::StringRef(G.node(E.To).Name).split('<').first);
      if (Families.size() > Limit) {
        Generic[D] = true;
        break;
      }
    }
  }
  return Generic;
}

/// Records a witness passes through that are elements of a composite: a
/// plain record (no base, no virtual function) that a step holds by value
/// or through an owning pointer, and whose own member on the witness names
/// a base class of what it reaches (MorphGeometry's `vector<MorphTarget>`
/// with `ref_ptr<Geometry> MorphTarget::_geom`; LayeredConfiguration's
/// `list<ConfigItem>` with `AutoPtr<AbstractConfiguration>`). Such a record
/// stands for its owner, so the composite is told as the same composite
/// spelled `vector<shared_ptr<Base>>`. A record whose member names its
/// owner's own class (`Session::server_` in `Server::sessions_`) is a back
/// link, not an element. Maps each element record to the class owning it.
std::map<NodeId, NodeId> partRecords(const OwnershipGraph &G,
                                     const std::vector<MemberStep> &Steps) {
  std::map<NodeId, NodeId> Parts;
  auto IsPart = [&](NodeId N) {
    const GraphNode &Node = G.node(N);
    if (G.isDispatch(N) || Node.Polymorphic || !Node.Bases.empty())
      return false;
    return llvm::all_of(Steps, [&](const MemberStep &S) {
      return S.Holder != N || S.Declared != NoNode;
    });
  };
  // Twice round the cycle: the first step's holder may itself be a part.
  for (size_t K = 0; K < 2 * Steps.size(); ++K) {
    const MemberStep &S = Steps[K % Steps.size()];
    if (S.Edge->Kind != EdgeKind::Owning || !IsPart(S.Target) ||
        S.Target == S.Holder)
      continue;
    auto Owner = Parts.find(S.Holder);
    NodeId Whole = Owner == Parts.end() ? S.Holder : Owner->second;
    if (Whole != S.Target)
      Parts[S.Target] = Whole;
  }
  return Parts;
}

/// `Chain<std::pair<int, int>>::Link::prev` -> `Chain::Link::prev`.
std::string withoutTemplateArguments(llvm::StringRef Name) {
  std::string Out;
  int Depth = 0;
  for (char C : Name) {
    if (C == '<')
      ++Depth;
    else if (C == '>' && Depth > 0)
      --Depth;
    else if (Depth == 0)
      Out += C;
  }
  return Out;
}

/// A handle: a value class whose only data member is the counted pointer it
/// wraps (json11's `Json`, gmock's `Expectation`), with no base and no
/// virtual functions. Copying a handle shares the object, so the class stands
/// for the pointer itself.
bool isHandleMember(const OwnershipGraph &G, const GraphEdge &E) {
  const GraphNode &Record = G.node(E.Member.Record);
  return E.Kind == EdgeKind::Strong && Record.Fields.size() == 1 &&
         Record.Bases.empty() && !Record.Polymorphic;
}

/// A witness's members as the statement level names them (record USR,
/// field).
std::set<std::pair<std::string, std::string>>
memberNames(const OwnershipGraph &G, const std::vector<MemberRef> &Members) {
  std::set<std::pair<std::string, std::string>> Names;
  for (MemberRef M : Members)
    Names.insert({G.node(M.Record).USR, G.field(M).Name});
  return Names;
}

/// The class a step's node stands for (a dispatch node's class).
NodeId classOf(const OwnershipGraph &G, NodeId N) {
  return G.isDispatch(N) ? G.node(N).DispatchFor : N;
}

/// A class off the cycle that holds a member into its component directly
/// and whose destructor the program declares but no TU read: its
/// teardown may unlink the cycle (eventpp's `~CallbackListBase()` frees
/// every node; a TU that never destroys a list does not instantiate it).
const GraphNode *unreadTeardown(const OwnershipGraph &G,
                                const std::vector<MemberStep> &Steps,
                                const std::vector<bool> &InComponent) {
  std::set<NodeId> OnCycle;
  for (const MemberStep &S : Steps) {
    OnCycle.insert(classOf(G, S.Holder));
    OnCycle.insert(classOf(G, S.Target));
    OnCycle.insert(S.Edge->Member.Record);
  }
  for (NodeId N = 0; N < G.nodes().size(); ++N) {
    const GraphNode &Node = G.node(N);
    if (OnCycle.count(N) || G.isDispatch(N) || !Node.UnreadDestructor)
      continue;
    for (unsigned I : Node.OutEdges) {
      const GraphEdge &E = G.edges()[I];
      if (E.Role == EdgeRole::Member && InComponent[E.To])
        return &Node;
    }
  }
  return nullptr;
}

/// How the program unlinks the witness, if it does: an owner is a class
/// off the cycle whose objects reach the cycle's component.
CycleBreak findBreak(const OwnershipGraph &G, const std::vector<MemberStep> &Steps,
                     const std::vector<bool> &InComponent,
                     const CycleBreakers &Breakers) {
  std::vector<MemberKey> Members;
  std::set<std::string> OnCycle;
  for (const MemberStep &S : Steps) {
    Members.push_back({G.node(S.Edge->Member.Record).USR,
                       G.field(S.Edge->Member).Name});
    OnCycle.insert(G.node(classOf(G, S.Holder)).USR);
    OnCycle.insert(G.node(classOf(G, S.Target)).USR);
    OnCycle.insert(G.node(S.Edge->Member.Record).USR);
  }
  auto HoldsCycle = [&](llvm::StringRef USR) {
    std::vector<bool> Seen(G.nodes().size(), false);
    std::vector<NodeId> Stack;
    for (NodeId N = 0; N < G.nodes().size(); ++N)
      if (G.node(N).USR == USR && !G.isDispatch(N)) {
        Seen[N] = true;
        Stack.push_back(N);
      }
    while (!Stack.empty()) {
      NodeId N = Stack.back();
      Stack.pop_back();
      if (InComponent[N])
        return true;
      for (unsigned I : G.node(N).OutEdges)
        if (NodeId To = G.edges()[I].To; !Seen[To]) {
          Seen[To] = true;
          Stack.push_back(To);
        }
    }
    return false;
  };
  return Breakers.find(Members, OnCycle, HoldsCycle);
}

} // namespace

void OwnershipCycleCheck::storeOptions(OptionMap &Out) const {
  Options.store(Out, "MaxCyclesPerComponent", MaxCyclesPerComponent);
  Options.store(Out, "MaxSubclassesGuessed", MaxSubclassesGuessed);
  Options.store(Out, "ShowBrokenCycles", ShowBrokenCycles ? 1u : 0u);
  Options.store(Out, "BackLinkWords", BackLinkWordList);
}

void OwnershipCycleCheck::check(const OwnershipGraph &G,
                                std::vector<Finding> &Out) {
  std::set<std::set<std::pair<std::string, std::string>>> StatementMembers;
  if (isCheckEnabled("reference-cycle"))
    for (const ProgramCycle &P : G.statementCycles()) {
      std::set<std::pair<std::string, std::string>> Members;
      for (const StatementLink &L : P.Cycle.Links) {
        Members.insert({L.op().Record, L.op().Field});
      }
      StatementMembers.insert(std::move(Members));
    }
  const CycleBreakers Breakers(G.functions());
  // Members marked CYCLINT_STRONG_BACK_LINK: the program breaks their links
  // by hand, so their edges count for no cycle. The search leaves them out;
  // a cycle that exists only through one is counted as a hidden finding.
  const std::set<MemberRef> Marked = G.membersAt(program().strongBackLinks());
  const std::set<MemberRef> None;
  // One finding per cycle of source members: the instantiations of a class
  // template repeat its members (eventpp's `CallbackListBase<...>::Node` in
  // 39 instantiations). The first stands for all; a note counts the others.
  // Keyed by how the cycle ends (marked, never freed, broken by hand) too.
  // A member is its declaration and its name without template arguments
  // (`Chain::Link::prev`): fields a macro declares in two classes share a
  // location, not a name.
  using SourceMember = std::pair<SourceLocation, std::string>;
  std::map<std::pair<int, std::vector<SourceMember>>,
           std::pair<size_t, unsigned>>
      SameSource;
  auto Repeated = [&](int Outcome, const std::vector<MemberStep> &Steps) {
    std::vector<SourceMember> Locs;
    for (const MemberStep &S : Steps)
      Locs.push_back({G.field(S.Edge->Member).Loc,
                      withoutTemplateArguments(G.memberName(S.Edge->Member))});
    llvm::sort(Locs);
    auto [It, New] = SameSource.try_emplace({Outcome, std::move(Locs)},
                                            Out.size(), 0u);
    if (!New)
      ++It->second.second;
    return !New;
  };
  std::vector<bool> InComponent(G.nodes().size(), false);
  const std::vector<bool> Generic =
      genericDispatchNodes(G, MaxSubclassesGuessed);
  // Name order, independent of node numbering; structural edges last.
  auto Key = [&](const GraphEdge *E) {
    return std::make_tuple(E->Role,
                           E->Role == EdgeRole::Member ? G.memberName(E->Member)
                                                       : std::string(),
                           G.node(E->To).Name, G.node(E->From).Name);
  };
  auto ByName = [&](const GraphEdge *A, const GraphEdge *B) {
    return Key(A) < Key(B);
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
    bool AnyMarked = llvm::any_of(Inside, [&](const GraphEdge *E) {
      return E->Role == EdgeRole::Member && Marked.count(E->Member);
    });

    std::set<std::vector<MemberRef>> Reported;
    unsigned Count = 0;
    // Searches that find only recursive structures cost time and report
    // nothing; a budget of visited states keeps huge components (a class
    // hierarchy of thousands of shared_ptr-linked types) near-linear. It is
    // spent in a fixed order, so the output stays deterministic.
    uint64_t Budget = 20'000'000;
    for (const GraphEdge *Start : Inside) {
      if (Count >= MaxCyclesPerComponent || Budget == 0)
        break;
      if (Start->Role != EdgeRole::Member || Start->Kind != EdgeKind::Strong)
        continue;
      Cycle Back;
      if (!Marked.count(Start->Member))
        Back = shortestCycleThrough(G, InComponent, Generic, *Start, Budget,
                                    Marked);
      if (Back.empty() && AnyMarked)
        Back = shortestCycleThrough(G, InComponent, Generic, *Start, Budget,
                                    None);
      if (Back.empty())
        continue; // only through this member: a list or a tree
      Cycle Witness{Start};
      llvm::append_range(Witness, Back);
      if (detoursThroughAnotherCycle(Witness))
        continue; // that other cycle is found from its own members
      std::vector<MemberStep> Steps = G.memberSteps(Witness);

      std::vector<MemberRef> Members;
      std::set<MemberRef> StrongMembers;
      const std::map<NodeId, NodeId> Parts = partRecords(G, Steps);
      auto Whole = [&](NodeId N) {
        auto It = Parts.find(N);
        return It == Parts.end() ? N : It->second;
      };
      bool SameHierarchy = true, HasBackLink = false, ThroughCollection = false,
           OnlyHandles = true;
      for (const MemberStep &S : Steps) {
        Members.push_back(S.Edge->Member);
        SameHierarchy &=
            G.sameHierarchy(Whole(S.Holder), Whole(Steps.front().Holder)) &&
            G.sameHierarchy(Whole(S.Target), Whole(Steps.front().Holder));
        HasBackLink |= isBackLinkName(G.field(S.Edge->Member).Name);
        ThroughCollection |= S.Edge->Collection;
        if (S.Edge->Kind == EdgeKind::Strong) {
          StrongMembers.insert(S.Edge->Member);
          OnlyHandles &= isHandleMember(G, *S.Edge);
        }
      }
      llvm::sort(Members);
      Members.erase(std::unique(Members.begin(), Members.end()), Members.end());
      if (Members.size() < 2)
        continue; // a recursive structure: a list, a tree
      // The naming and hierarchy rules below stand in for what the code
      // does not show. Where every member's stores are followed and one of
      // them stores an object that already existed (`this`, what another
      // member held), the stores are the answer: the objects link back.
      bool Shown = llvm::all_of(Steps, [](const MemberStep &S) {
        return S.Edge->Stores && !S.Edge->Stores->Unknown;
      }) && llvm::any_of(Steps, [](const MemberStep &S) {
        return S.Edge->Stores->Existing;
      });
      if (SameHierarchy && !HasBackLink && !Shown)
        continue; // a composite: Expr::lhs with BinaryExpr::args
      // A collection of handles to objects that hold such collections
      // (Json -> JsonArray -> vector<Json>): a tree or a DAG of values, the
      // handle spelling of Tree::children. A single link back through a
      // handle (no collection on the way) stays a cycle: a pimpl's owner.
      if (StrongMembers.size() == 1 && OnlyHandles && ThroughCollection &&
          !HasBackLink && !Shown)
        continue;
      if (!Reported.insert(Members).second)
        continue;
      // The same cycle made by the program's statements: reported there, at
      // the statement, with the objects named.
      if (StatementMembers.count(memberNames(G, Members)))
        continue;

      // The member to weaken, then the cycle rotated to start there.
      // A back link that owns its target through a single pointer
      // (`std::unique_ptr<Node> parent` beside `vector<shared_ptr<Node>>
      // children`) is the member to fix, even though it is not counted.
      auto Rank = [&](const MemberStep &S) {
        const GraphEdge &E = *S.Edge;
        bool Strong = E.Kind == EdgeKind::Strong;
        bool BackLink = isBackLinkName(G.field(E.Member).Name);
        return std::make_tuple(!(BackLink && (Strong || E.Via.size() == 1)),
                               !Strong, !BackLink, E.Via.size() > 1,
                               G.memberName(E.Member), G.node(S.Target).Name);
      };
      auto Weaken = std::min_element(
          Steps.begin(), Steps.end(),
          [&](const MemberStep &A, const MemberStep &B) { return Rank(A) < Rank(B); });
      std::rotate(Steps.begin(), Weaken, Steps.end());

      // Through a member marked as broken by hand: no cycle, counted.
      auto MarkedStep = llvm::find_if(Steps, [&](const MemberStep &S) {
        return Marked.count(S.Edge->Member) != 0;
      });
      if (MarkedStep != Steps.end()) {
        if (Repeated(-1, Steps))
          continue;
        std::string MarkedName = G.memberName(MarkedStep->Edge->Member);
        Finding &F = report(Out, G.field(Steps.front().Edge->Member).Loc,
                            wording::markedCycle(G, Steps, MarkedName),
                            ShowBrokenCycles ? Severity::Note : Severity::Hidden);
        for (const MemberStep &S : Steps)
          F.note(G.field(S.Edge->Member).Loc, wording::edgeNote(G, S));
        continue; // not one of the component's MaxCyclesPerComponent
      }

      // Unlinked by hand: by an owner's teardown (not a leak), or by a
      // method the program calls (a leak until it runs).
      CycleBreak Break = findBreak(G, Steps, InComponent, Breakers);
      // An owner whose destructor the program writes but no TU read (a
      // class template's, instantiated in no TU; one defined outside the
      // database) may unlink the cycle: don't know, counted, not reported.
      if (Break.K == CycleBreak::None)
        if (const GraphNode *Owner =
                unreadTeardown(G, Steps, InComponent)) {
          if (Repeated(-2, Steps))
            continue;
          Finding &F = report(Out, G.field(Steps.front().Edge->Member).Loc,
                              wording::unreadTeardownCycle(G, Steps, *Owner),
                              ShowBrokenCycles ? Severity::Note
                                               : Severity::Hidden);
          for (const MemberStep &S : Steps)
            F.note(G.field(S.Edge->Member).Loc, wording::edgeNote(G, S));
          continue; // not one of the component's MaxCyclesPerComponent
        }
      if (Repeated(static_cast<int>(Break.K), Steps))
        continue; // another instantiation of the same templates
      Finding &F =
          Break.K == CycleBreak::None
              ? report(Out, G.field(Steps.front().Edge->Member).Loc,
                       wording::neverFreedCycle(G, Steps))
              : report(Out, G.field(Steps.front().Edge->Member).Loc,
                       wording::brokenCycle(G, Steps, Break),
                       Break.K == CycleBreak::Called || ShowBrokenCycles
                           ? Severity::Note
                           : Severity::Hidden);
      for (const MemberStep &S : Steps)
        F.note(G.field(S.Edge->Member).Loc, wording::edgeNote(G, S));
      ++Count;
    }
    for (NodeId N : Component)
      InComponent[N] = false;
  }
  for (const auto &[Key, Found] : SameSource)
    if (Found.second)
      Out[Found.first].note(Out[Found.first].Warning.Loc,
                            wording::otherInstantiations(Found.second));
}

} // namespace cyclint
