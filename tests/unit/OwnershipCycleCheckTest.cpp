//===- OwnershipCycleCheckTest.cpp - The cycle search ---------------------===//
//
// Hand-made graphs: which cycles are reported, where the warning goes, that
// each cycle is reported once, and that large components stay bounded.
//
//===----------------------------------------------------------------------===//

#include "checks/cxx/OwnershipCycleCheck.h"
#include "TestSupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

using namespace cyclint;
using namespace cyclint::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

namespace {

std::vector<Finding> runOnTUs(std::vector<TestTU> TUs,
                         const CheckOptions &Options = CheckOptions()) {
  Program P;
  P.addView("cxx", std::make_unique<OwnershipGraph>(buildGraph(std::move(TUs))));
  std::vector<Finding> Out;
  OwnershipCycleCheck("ownership-cycle", Options).run(P, Out);
  sortFindings(Out);
  return Out;
}

std::vector<Finding> run(const std::vector<RecordSpec> &Specs) {
  return runOnTUs({makeTU("/src/a.cc", Specs)});
}

/// The member the warning names: the text between the first quotes.
std::string warnedMember(const Finding &F) {
  llvm::StringRef M(F.Warning.Message);
  return M.drop_front(1).split('\'').first.str();
}

TEST(OwnershipCycleCheckTest, ParentChildIsOneCycleWarnedAtTheBackLink) {
  auto F = run({{"Parent", {"children:strong:Child:std::vector"}},
                {"Child", {"parent:strong:Parent"}}});
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(warnedMember(F[0]), "Child::parent");
  EXPECT_THAT(F[0].Warning.Message, HasSubstr("Child -> Parent -> Child"));
  ASSERT_THAT(F[0].Notes, SizeIs(2));
  EXPECT_THAT(F[0].Notes[0].Message, HasSubstr("'Child::parent' (std::shared_ptr) keeps 'Parent' alive"));
  EXPECT_THAT(F[0].Notes[1].Message, HasSubstr("'Parent::children' (std::vector) keeps 'Child' alive"));
  EXPECT_EQ(F[0].Warning.Loc, F[0].Notes[0].Loc);
}

/// The check over `Specs` with the members named in `Marked` (`Class::field`)
/// marked CYCLINT_STRONG_BACK_LINK.
std::vector<Finding> runMarked(const std::vector<RecordSpec> &Specs,
                               const std::vector<std::string> &Marked) {
  Program P;
  auto G = std::make_unique<OwnershipGraph>(
      buildGraph({makeTU("/src/a.cc", Specs)}));
  for (NodeId N = 0; N < G->nodes().size(); ++N)
    for (unsigned F = 0; F < G->node(N).Fields.size(); ++F)
      if (llvm::is_contained(Marked, G->memberName({N, F})))
        P.addStrongBackLink(G->field({N, F}).Loc);
  P.addView("cxx", std::move(G));
  std::vector<Finding> Out;
  OwnershipCycleCheck("ownership-cycle", CheckOptions()).run(P, Out);
  sortFindings(Out);
  return Out;
}

TEST(OwnershipCycleCheckTest, MarkedMemberBreaksTheCycleWhereverItIs) {
  // Each record on its own lines: a mark is a location.
  std::vector<RecordSpec> Cycle = {
      {"Window", {"layout:strong:Layout"}, {}, false, "/src/a.h", 10},
      {"Layout", {"items:strong:Widget:std::vector"}, {}, false, "/src/a.h", 20},
      {"Widget", {"parent:strong:Window"}, {}, false, "/src/a.h", 30}};
  auto Plain = runMarked(Cycle, {});
  ASSERT_THAT(Plain, SizeIs(1));
  EXPECT_EQ(Plain[0].Level, Severity::Warning);
  EXPECT_EQ(warnedMember(Plain[0]), "Widget::parent");
  // Marked on a member the warning does not name: counted, hidden.
  auto Marked = runMarked(Cycle, {"Layout::items"});
  ASSERT_THAT(Marked, SizeIs(1));
  EXPECT_EQ(Marked[0].Level, Severity::Hidden);
  EXPECT_THAT(Marked[0].Warning.Message,
              HasSubstr("breaks by hand at 'Layout::items'"));
  // A member off the cycle: the warning stays.
  Cycle[0].Fields.push_back("theme:strong:Theme");
  Cycle.push_back({"Theme", {}, {}, false, "/src/a.h", 40});
  auto Unrelated = runMarked(Cycle, {"Window::theme"});
  ASSERT_THAT(Unrelated, SizeIs(1));
  EXPECT_EQ(Unrelated[0].Level, Severity::Warning);
}

TEST(OwnershipCycleCheckTest, MarkedEdgeIsGoneNotTheCycleBesideIt) {
  // Two ways back from Node to Graph; the shorter-named one is marked. The
  // other way is still a cycle, and is the one reported.
  auto F = runMarked(
      {{"Graph", {"nodes:strong:Node:std::vector"}, {}, false, "/src/a.h", 10},
       {"Node", {"graph:strong:Graph", "owner:strong:Graph"}, {}, false,
        "/src/a.h", 20}},
      {"Node::graph"});
  std::vector<Finding> Warnings;
  for (const Finding &X : F)
    if (X.Level == Severity::Warning)
      Warnings.push_back(X);
  ASSERT_THAT(Warnings, SizeIs(1));
  EXPECT_EQ(warnedMember(Warnings[0]), "Node::owner");
  for (const DiagnosticMessage &N : Warnings[0].Notes)
    EXPECT_THAT(N.Message, ::testing::Not(HasSubstr("Node::graph")));
}

TEST(OwnershipCycleCheckTest, OwningBackLinkIsWarnedOverCountedChildren) {
  // The parent link owns (unique_ptr), the children are counted: the fix is
  // the parent link, not the children the strong-only rule would name.
  auto F = run({{"Node", {"parent:owning:Node:std::unique_ptr",
                          "children:strong:Node:std::vector"}}});
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(warnedMember(F[0]), "Node::parent");
  // An owning member without a back-link name does not take the warning.
  auto G = run({{"Doc", {"body:owning:Page:std::unique_ptr"}},
                {"Page", {"doc:strong:Doc"}}});
  ASSERT_THAT(G, SizeIs(1));
  EXPECT_EQ(warnedMember(G[0]), "Page::doc");
  // Nor does a back-link name buried in a container of owned objects.
  auto H = run({{"Box", {"owners:owning:Holder:std::vector"}},
                {"Holder", {"box:strong:Box"}}});
  ASSERT_THAT(H, SizeIs(1));
  EXPECT_EQ(warnedMember(H[0]), "Holder::box");
}

TEST(OwnershipCycleCheckTest, ReportedOnceAcrossManyTUs) {
  std::vector<RecordSpec> Header = {{"A", {"b:strong:B"}}, {"B", {"a:strong:A"}}};
  auto F = runOnTUs({makeTU("/src/1.cc", Header), makeTU("/src/2.cc", Header),
                makeTU("/src/3.cc", Header)});
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(warnedMember(F[0]), "A::b") << "no back-link name: first by name";
}

TEST(OwnershipCycleCheckTest, RecursiveStructuresAreSilent) {
  EXPECT_THAT(run({{"Node", {"next:strong:Node"}}}), IsEmpty());
  EXPECT_THAT(run({{"Tree", {"children:strong:Tree:std::vector"}}}), IsEmpty());
  EXPECT_THAT(run({{"Bin", {"left:strong:Bin", "right:strong:Bin"}}}), IsEmpty());
  // A composite: BinaryExpr::lhs reaches Expr, Expr::args may hold a BinaryExpr.
  EXPECT_THAT(run({{"Expr", {"args:strong:Expr:std::vector"}, {}, true},
                   {"BinaryExpr", {"lhs:strong:Expr"}, {"Expr"}}}),
              IsEmpty());
}

TEST(OwnershipCycleCheckTest, CollectionsOfHandlesAreTrees) {
  // Value is a handle (its only member is the counted pointer); an array of
  // values inside the pointee is a tree of values.
  EXPECT_THAT(run({{"Value", {"data:strong:Array"}},
                   {"Array", {"items:owning:Value:std::vector[]"}}}),
              IsEmpty());
  // The same link without a collection is a single link back: a cycle.
  auto F = run({{"Value", {"data:strong:Box"}},
                {"Box", {"item:owning:Value:std::unique_ptr"}}});
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(warnedMember(F[0]), "Value::data");
  // A record that is not a handle (two members) in a collection: a cycle.
  auto G = run({{"Session", {"server:strong:Server", "id:owning:Id"}},
                {"Id", {}},
                {"Server", {"sessions:owning:Session:std::vector[]"}}});
  ASSERT_THAT(G, SizeIs(1));
  EXPECT_EQ(warnedMember(G[0]), "Session::server");
  // A handle named as a back link: a cycle.
  auto H = run({{"ParentRef", {"parent:strong:Folder"}},
                {"Folder", {"files:owning:ParentRef:std::vector[]"}}});
  ASSERT_THAT(H, SizeIs(1));
  EXPECT_EQ(warnedMember(H[0]), "ParentRef::parent");
}

TEST(OwnershipCycleCheckTest, TwoWayLinksInOneClassAreCycles) {
  auto F = run({{"Node", {"next:strong:Node", "prev:strong:Node"}}});
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(warnedMember(F[0]), "Node::prev");
  auto G = run({{"Node", {"children:strong:Node:std::vector", "parent:strong:Node"}}});
  ASSERT_THAT(G, SizeIs(1));
  EXPECT_EQ(warnedMember(G[0]), "Node::parent");
}

TEST(OwnershipCycleCheckTest, OwningEdgesCarryButDoNotCloseCycles) {
  // A --shared_ptr--> B --unique_ptr--> C --shared_ptr--> A leaks.
  auto F = run({{"A", {"b:strong:B"}},
                {"B", {"c:owning:C:std::unique_ptr"}},
                {"C", {"owner:strong:A"}}});
  ASSERT_THAT(F, SizeIs(1));
  EXPECT_EQ(warnedMember(F[0]), "C::owner");
  EXPECT_THAT(F[0].Notes, SizeIs(3));
  // Only owning edges: not a reference cycle (and not compilable by value).
  EXPECT_THAT(run({{"A", {"b:owning:B:std::unique_ptr"}},
                   {"B", {"a:owning:A:std::unique_ptr"}}}),
              IsEmpty());
}

TEST(OwnershipCycleCheckTest, WeakAndRawBackLinksBreakTheCycle) {
  EXPECT_THAT(run({{"Parent", {"children:strong:Child:std::vector"}},
                   {"Child", {"parent:weak:Parent:std::weak_ptr"}}}),
              IsEmpty());
  EXPECT_THAT(run({{"Parent", {"children:strong:Child:std::vector"}},
                   {"Child", {"parent:borrowed:Parent"}}}),
              IsEmpty());
}

TEST(OwnershipCycleCheckTest, InheritedMembersAndPolymorphicTargetsAreNamed) {
  auto F = run({{"Registry", {"plugins:strong:Plugin:std::vector"}},
                {"Plugin", {}, {}, true},
                {"PluginBase", {"registry:strong:Registry"}, {"Plugin"}},
                {"MyPlugin", {}, {"PluginBase"}}});
  ASSERT_FALSE(F.empty());
  std::string AllNotes;
  for (const Finding &X : F)
    for (const DiagnosticMessage &N : X.Notes)
      AllNotes += N.Message + "\n";
  EXPECT_THAT(AllNotes, HasSubstr("it points to a 'Plugin', which may be a"));
  EXPECT_EQ(warnedMember(F[0]), "PluginBase::registry");
}

TEST(OwnershipCycleCheckTest, LargeComponentsGiveABoundedSetOfShortestCycles) {
  // A complete graph on 8 classes: 56 strong members, many cycles.
  std::vector<RecordSpec> Specs;
  for (int I = 0; I < 8; ++I) {
    RecordSpec S{"C" + std::to_string(I), {}};
    for (int J = 0; J < 8; ++J)
      if (I != J)
        S.Fields.push_back("to" + std::to_string(J) + ":strong:C" + std::to_string(J));
    Specs.push_back(S);
  }
  auto F = run(Specs);
  EXPECT_THAT(F, SizeIs(8));
  for (const Finding &X : F)
    EXPECT_THAT(X.Notes, SizeIs(2)) << "shortest cycles only";
  CheckOptions Options;
  Options.set("ownership-cycle.MaxCyclesPerComponent", "3");
  EXPECT_THAT(runOnTUs({makeTU("/src/a.cc", Specs)}, Options), SizeIs(3));
}

TEST(OwnershipCycleCheckTest, EachComponentHasItsOwnBound) {
  // Two complete graphs on 4 classes, named so that their NodeIds alternate
  // (K0, K2, K4, K6 and K1, K3, K5, K7), and a lone pair apart from both.
  std::vector<RecordSpec> Specs;
  for (int I = 0; I < 8; ++I) {
    RecordSpec S{"K" + std::to_string(I), {}};
    for (int J = I % 2; J < 8; J += 2)
      if (I != J)
        S.Fields.push_back("to" + std::to_string(J) + ":strong:K" +
                           std::to_string(J));
    Specs.push_back(S);
  }
  Specs.push_back({"Pair", {"other:strong:PairOther"}});
  Specs.push_back({"PairOther", {"other:strong:Pair"}});
  CheckOptions Options;
  Options.set("ownership-cycle.MaxCyclesPerComponent", "2");
  auto F = runOnTUs({makeTU("/src/a.cc", Specs)}, Options);
  std::vector<std::string> Warned;
  for (const Finding &X : F)
    Warned.push_back(warnedMember(X));
  std::sort(Warned.begin(), Warned.end());
  // Per component, the first strong members in name order that close a
  // shortest cycle with another member.
  EXPECT_THAT(Warned, ElementsAre("K0::to2", "K0::to4", "K1::to3", "K1::to5",
                                  "Pair::other"));
}

TEST(OwnershipCycleCheckTest, OutputDoesNotDependOnTUOrder) {
  std::vector<TestTU> TUs = {
      makeTU("/src/1.cc", {{"A", {"b:strong:B", "c:strong:C"}}, {"B", {"a:strong:A"}}}),
      makeTU("/src/2.cc", {{"C", {"a:strong:A", "b:strong:B"}}, {"B", {"a:strong:A"}}})};
  auto Text = [](const std::vector<Finding> &F) {
    std::string S;
    llvm::raw_string_ostream OS(S);
    printFindings(OS, F);
    return S;
  };
  std::string First = Text(runOnTUs(TUs));
  std::reverse(TUs.begin(), TUs.end());
  EXPECT_EQ(Text(runOnTUs(TUs)), First);
  EXPECT_FALSE(First.empty());
}

TEST(OwnershipCycleCheckTest, BackLinkNamesAreWordsOfTheIdentifier) {
  CheckOptions NoOptions;
  OwnershipCycleCheck Check{"ownership-cycle", NoOptions};
  for (const char *Name : {"parent", "m_parent", "parent_", "mParent", "m_pParent",
                           "parentNode", "prev_sibling", "owner", "outer"})
    EXPECT_TRUE(Check.isBackLinkName(Name)) << Name;
  for (const char *Name : {"children", "next", "apparent", "transparent", "root",
                           "left", "backend", "uploader"})
    EXPECT_FALSE(Check.isBackLinkName(Name)) << Name;
}

} // namespace
