//===- OwnershipGraphTest.cpp - Merging TU facts into one graph -------------===//

#include "models/cxx/OwnershipGraph.h"
#include "TestSupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

using namespace cyclint;
using namespace cyclint::testing;

namespace {

NodeId nodeNamed(const OwnershipGraph &G, llvm::StringRef Name) {
  for (NodeId I = 0; I < G.nodes().size(); ++I)
    if (G.node(I).Name == Name)
      return I;
  return NoNode;
}

/// "From->To via Record::field:kind" for member edges, "From->To [role]"
/// for structural ones; dispatch nodes are written "Class*".
std::vector<std::string> edgeList(const OwnershipGraph &G) {
  auto Name = [&](NodeId N) {
    return G.node(N).Name + (G.isDispatch(N) ? "*" : "");
  };
  std::vector<std::string> Out;
  for (const GraphEdge &E : G.edges()) {
    std::string Text = Name(E.From) + "->" + Name(E.To);
    if (E.Role == EdgeRole::Member)
      Text += " via " + G.memberName(E.Member) + ":" + edgeKindName(E.Kind).str();
    else
      Text += E.Role == EdgeRole::Subobject ? " [subobject]" : " [dispatch]";
    Out.push_back(Text);
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

TEST(OwnershipGraphTest, OneNodePerRecordWhateverTheNumberOfTUs) {
  std::vector<RecordSpec> Header = {{"A", {"b:strong:B"}}, {"B", {"a:strong:A"}}};
  OwnershipGraph G = buildGraph(
      {makeTU("/src/1.cc", Header), makeTU("/src/2.cc", Header),
       makeTU("/src/3.cc", Header)});
  EXPECT_EQ(G.nodes().size(), 2u);
  EXPECT_THAT(edgeList(G), ::testing::ElementsAre("A->B via A::b:strong",
                                                  "B->A via B::a:strong"));
}

TEST(OwnershipGraphTest, WeakAndBorrowedEdgesAreNotGraphEdges) {
  OwnershipGraph G = buildGraph({makeTU(
      "/src/1.cc", {{"A", {"b:weak:B", "c:borrowed:B"}}, {"B", {}}})});
  EXPECT_TRUE(G.edges().empty());
}

TEST(OwnershipGraphTest, BaseMembersBelongToSubclasses) {
  OwnershipGraph G = buildGraph({makeTU(
      "/src/1.cc",
      {{"Base", {"t:strong:T"}}, {"Derived", {}, {"Base"}}, {"T", {}}})});
  // Derived holds Base's members through its Base subobject.
  EXPECT_THAT(edgeList(G),
              ::testing::ElementsAre("Base->T via Base::t:strong",
                                     "Derived->Base [subobject]"));
}

TEST(OwnershipGraphTest, PolymorphicTargetsReachSubclassesFromOtherTUs) {
  TestTU Registry = makeTU(
      "/src/registry.cc",
      {{"Registry", {"plugins:strong:Plugin"}}, {"Plugin", {}, {}, true}});
  TestTU Mine = makeTU(
      "/src/mine.cc", {{"Plugin", {}, {}, true},
                       {"MyPlugin", {"reg:strong:Registry"}, {"Plugin"}, false, "/src/mine.cc"},
                       {"Registry", {"plugins:strong:Plugin"}}});
  OwnershipGraph G = buildGraph({Registry, Mine});
  EXPECT_THAT(edgeList(G),
              ::testing::ElementsAre("MyPlugin->Plugin [subobject]",
                                     "MyPlugin->Registry via MyPlugin::reg:strong",
                                     "Plugin*->MyPlugin [dispatch]",
                                     "Plugin*->Plugin [dispatch]",
                                     "Registry->Plugin* via Registry::plugins:strong"));
}

TEST(OwnershipGraphTest, MemberStepsFoldInheritanceAndDispatch) {
  // Registry --plugins--> Plugin* --> MyPlugin --[subobject]--> PluginBase
  //   --PluginBase::registry--> Registry
  OwnershipGraph G = buildGraph({makeTU(
      "/src/1.cc", {{"Registry", {"plugins:strong:Plugin"}},
                    {"Plugin", {}, {}, true},
                    {"PluginBase", {"registry:strong:Registry"}, {"Plugin"}},
                    {"MyPlugin", {}, {"PluginBase"}}})});
  auto EdgeNamed = [&](NodeId From, NodeId To) -> const GraphEdge * {
    for (const GraphEdge &E : G.edges())
      if (E.From == From && E.To == To)
        return &E;
    return nullptr;
  };
  NodeId Registry = nodeNamed(G, "Registry"), MyPlugin = nodeNamed(G, "MyPlugin"),
         PluginBase = nodeNamed(G, "PluginBase");
  NodeId Dispatch = NoNode;
  for (NodeId N = 0; N < G.nodes().size(); ++N)
    if (G.isDispatch(N))
      Dispatch = N;
  ASSERT_NE(Dispatch, NoNode);
  // Start the cycle in the middle of the subobject chain on purpose.
  std::vector<const GraphEdge *> Cycle = {
      EdgeNamed(PluginBase, Registry), EdgeNamed(Registry, Dispatch),
      EdgeNamed(Dispatch, MyPlugin), EdgeNamed(MyPlugin, PluginBase)};
  for (const GraphEdge *E : Cycle)
    ASSERT_NE(E, nullptr);
  std::vector<MemberStep> Steps = G.memberSteps(Cycle);
  // Steps start at the first member, with the subobject chain before it.
  ASSERT_EQ(Steps.size(), 2u);
  EXPECT_EQ(G.memberName(Steps[0].Edge->Member), "PluginBase::registry");
  EXPECT_EQ(Steps[0].Holder, MyPlugin);
  EXPECT_EQ(Steps[0].Target, Registry);
  EXPECT_EQ(Steps[0].Declared, NoNode);
  EXPECT_EQ(G.memberName(Steps[1].Edge->Member), "Registry::plugins");
  EXPECT_EQ(Steps[1].Holder, Registry);
  EXPECT_EQ(Steps[1].Target, MyPlugin);
  EXPECT_EQ(Steps[1].Declared, nodeNamed(G, "Plugin"));
}

TEST(OwnershipGraphTest, NonPolymorphicTargetsDoNotReachSubclasses) {
  OwnershipGraph G = buildGraph({makeTU(
      "/src/1.cc", {{"H", {"b:strong:Base"}}, {"Base", {}}, {"D", {}, {"Base"}}})});
  EXPECT_THAT(edgeList(G), ::testing::ElementsAre("D->Base [subobject]",
                                                  "H->Base via H::b:strong"));
}

TEST(OwnershipGraphTest, TwoDefinitionsOfOneUSRStayApartAndResolvePerTU) {
  // Two .c files each define their own `struct Node`.
  TestTU A = makeTU("/src/a.c", {{"Node", {"x:strong:Node"}, {}, false, "/src/a.c"},
                                  {"HolderA", {"n:owning:Node"}, {}, false, "/src/a.c", 20}});
  TestTU B = makeTU("/src/b.c", {{"Node", {"y:owning:Other"}, {}, false, "/src/b.c"},
                                  {"Other", {}, {}, false, "/src/b.c", 30}});
  OwnershipGraph G = buildGraph({B, A});
  EXPECT_EQ(G.nodes().size(), 4u);
  for (const GraphEdge &E : G.edges())
    if (E.From == nodeNamed(G, "HolderA"))
      EXPECT_EQ(G.node(E.To).Loc.File, "/src/a.c");
}

TEST(OwnershipGraphTest, DestructorDeletesLearntInAnotherTUMakeRawPointersOwning) {
  TestTU Header = makeTU("/src/user.cc", {{"Widget", {"impl:borrowed:Impl"}}, {"Impl", {}}});
  TestTU Impl = makeTU("/src/widget.cc", {{"Widget", {"impl:borrowed:Impl"}}, {"Impl", {}}});
  Impl.Records[1].Fields[0].DeletedInDestructor = true; // sorted: Impl, Widget
  ASSERT_EQ(Impl.Records[1].Name, "Widget");
  OwnershipGraph G = buildGraph({Header, Impl});
  ASSERT_EQ(G.edges().size(), 1u);
  EXPECT_EQ(G.edges()[0].Kind, EdgeKind::Owning);
  EXPECT_TRUE(G.edges()[0].OwnedRawPointer);
}

TEST(OwnershipGraphTest, MergeDoesNotDependOnTUOrder) {
  std::vector<TestTU> TUs = {
      makeTU("/src/1.cc", {{"A", {"b:strong:B"}}, {"B", {}}}),
      makeTU("/src/2.cc", {{"B", {"c:strong:C"}}, {"C", {}}}),
      makeTU("/src/3.cc", {{"C", {"a:strong:A"}}, {"A", {"b:strong:B"}}})};
  std::vector<std::string> First = edgeList(buildGraph(TUs));
  std::reverse(TUs.begin(), TUs.end());
  EXPECT_EQ(edgeList(buildGraph(TUs)), First);
}

} // namespace

namespace {

TEST(OwnershipGraphTest, DeduplicatedRecordsMergeToTheSameGraph) {
  std::vector<RecordSpec> Header = {{"A", {"b:strong:B"}}, {"B", {"a:strong:A"}}};
  std::vector<TestTU> TUs = {
      makeTU("/src/1.cc", Header),
      makeTU("/src/2.cc", {{"A", {"b:strong:B"}}, {"B", {"a:strong:A"}},
                           {"C", {"a:strong:A"}, {}, false, "/src/2.cc", 40}}),
      makeTU("/src/3.cc", Header)};
  std::vector<std::string> Full = edgeList(buildGraph(TUs));

  RecordDeduplicator Dedup;
  for (TestTU &TU : TUs)
    Dedup.deduplicate(TU);
  EXPECT_EQ(TUs[0].Records.size(), 2u);
  EXPECT_EQ(TUs[1].Records.size(), 1u) << "only C is new";
  EXPECT_EQ(TUs[1].AlsoDefines.size(), 2u);
  EXPECT_TRUE(TUs[2].Records.empty());
  EXPECT_EQ(edgeList(buildGraph(TUs)), Full);
}

TEST(OwnershipGraphTest, SameHierarchyIsConnectedThroughBases) {
  // Siblings share their base's hierarchy, a second base joins two
  // hierarchies, a dispatch node stands for its class, a member is no link.
  OwnershipGraph G = buildGraph({makeTU(
      "/src/1.cc", {{"Base", {}, {}, true},
                    {"Left", {}, {"Base"}},
                    {"Right", {}, {"Base"}},
                    {"Mixin", {}},
                    {"Both", {}, {"Left", "Mixin"}},
                    {"Other", {"b:strong:Base"}},
                    {"OtherChild", {}, {"Other"}}})});
  auto Id = [&](llvm::StringRef Name) { return nodeNamed(G, Name); };
  NodeId Dispatch = NoNode;
  for (NodeId I = 0; I < G.nodes().size(); ++I)
    if (G.isDispatch(I) && G.node(I).DispatchFor == Id("Base"))
      Dispatch = I;
  ASSERT_NE(Dispatch, NoNode);
  EXPECT_TRUE(G.sameHierarchy(Id("Left"), Id("Right")));
  EXPECT_TRUE(G.sameHierarchy(Id("Mixin"), Id("Right")));
  EXPECT_TRUE(G.sameHierarchy(Dispatch, Id("Mixin")));
  EXPECT_TRUE(G.sameHierarchy(Id("OtherChild"), Id("Other")));
  EXPECT_TRUE(G.sameHierarchy(Id("Other"), Id("Other")));
  EXPECT_FALSE(G.sameHierarchy(Id("Other"), Id("Base")));
  EXPECT_FALSE(G.sameHierarchy(Dispatch, Id("OtherChild")));
}

TEST(OwnershipGraphTest, LongBaseChainsAreOneHierarchy) {
  // Each class derives from the next one in NodeId order, and a second
  // chain runs the other way: unions in every order, long leader chains.
  const int N = 3000;
  auto Name = [](char Chain, int I) {
    std::string Digits = std::to_string(I);
    return std::string(1, Chain) + std::string(5 - Digits.size(), '0') + Digits;
  };
  std::vector<RecordSpec> Specs;
  for (int I = 0; I < N; ++I) {
    Specs.push_back({Name('A', I), {}});
    if (I + 1 < N)
      Specs.back().Bases.push_back(Name('A', I + 1));
    Specs.push_back({Name('B', I), {}});
    if (I > 0)
      Specs.back().Bases.push_back(Name('B', I - 1));
  }
  OwnershipGraph G = buildGraph({makeTU("/src/1.cc", Specs)});
  for (char Chain : {'A', 'B'}) {
    NodeId First = nodeNamed(G, Name(Chain, 0));
    for (int I = 0; I < N; I += 7)
      EXPECT_TRUE(G.sameHierarchy(nodeNamed(G, Name(Chain, I)), First)) << I;
  }
  EXPECT_FALSE(G.sameHierarchy(nodeNamed(G, Name('A', N - 1)),
                               nodeNamed(G, Name('B', N - 1))));
}

TEST(OwnershipGraphTest, RecordsThatDifferAreKeptByTheDeduplicator) {
  // Same USR and definition, different content (a member under #ifdef).
  TestTU A = makeTU("/src/1.cc", {{"A", {"b:strong:B"}}, {"B", {}}});
  TestTU B = makeTU("/src/2.cc", {{"A", {"b:weak:B"}}, {"B", {}}});
  RecordDeduplicator Dedup;
  Dedup.deduplicate(A);
  Dedup.deduplicate(B);
  EXPECT_EQ(B.Records.size(), 1u) << "A differs and stays; B is identical";
  EXPECT_EQ(B.Records[0].Name, "A");
}

} // namespace
