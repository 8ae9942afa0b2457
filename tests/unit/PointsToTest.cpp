//===- PointsToTest.cpp - Body facts and the points-to transfer functions -===//

#include "models/cxx/PointsTo.h"
#include "TestSupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace cyclint;
using namespace cyclint::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

/// Ops written `alloc a`, `assign a b`, `store a b`, `insert a b`, `clear a`,
/// `escape a`,
/// with a trailing `?` for an op that may not run exactly once. Stores and
/// clears go to Node::next.
FunctionFact ops(std::vector<std::string> Lines) {
  FunctionFact F;
  F.USR = "c:@F@f";
  F.Name = "f";
  unsigned Line = 0;
  for (llvm::StringRef L : Lines) {
    BodyOp Op;
    Op.Once = !L.consume_back("?");
    llvm::SmallVector<llvm::StringRef, 3> Parts;
    L.split(Parts, ' ');
    Op.Kind = *parseBodyOpKind(Parts[0]);
    Op.Var = Parts[1].str();
    if (Parts.size() > 2)
      Op.Value = Parts[2].str();
    if (Op.Kind == BodyOpKind::Store || Op.Kind == BodyOpKind::Clear ||
        Op.Kind == BodyOpKind::Insert) {
      Op.Record = "c:@S@Node";
      Op.Field = "next";
    }
    Op.Loc = {"/src/a.cc", ++Line, 3};
    F.Ops.push_back(Op);
  }
  return F;
}

std::vector<std::vector<size_t>> cycles(const FunctionFact &F) {
  std::vector<std::vector<size_t>> Out;
  FunctionIndex None;
  for (const StatementCycle &C : findStatementCycles(F, None)) {
    std::vector<size_t> Stores;
    for (const StatementLink &L : C.Links)
      Stores.push_back(L.Store);
    Out.push_back(Stores);
  }
  return Out;
}

TEST(PointsToTest, MutualLinksCloseAtTheSecondStore) {
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "store a b", "store b a"})),
              ElementsAre(ElementsAre(3u, 2u)));
}

TEST(PointsToTest, RingAndSelfLink) {
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "alloc c", "store a b",
                          "store b c", "store c a"})),
              ElementsAre(ElementsAre(5u, 3u, 4u)));
  EXPECT_THAT(cycles(ops({"alloc a", "assign b a", "store a b"})),
              ElementsAre(ElementsAre(2u)));
}

TEST(PointsToTest, LaterClearsAndOverwritesBreakTheCycle) {
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "store a b", "store b a",
                          "clear b"})),
              IsEmpty());
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "alloc c", "store a b",
                          "store b a", "store a c"})),
              IsEmpty());
  // Unlinking a different object's member does not.
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "alloc c", "store a b",
                          "store b a", "clear c"})),
              ElementsAre(ElementsAre(4u, 3u)));
}

TEST(PointsToTest, UncertaintyIsSilence) {
  // An escape, before or after.
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "store a b", "store b a",
                          "escape a"})),
              IsEmpty());
  EXPECT_THAT(cycles(ops({"alloc a", "escape b", "alloc b", "store a b",
                          "store b a"})),
              ElementsAre(ElementsAre(4u, 3u)))
      << "an escape of the variable before it holds the object is harmless";
  // A site in a loop, a store or a clear under a condition.
  EXPECT_THAT(cycles(ops({"alloc a?", "store a a"})), IsEmpty());
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "store a b", "store b a?"})),
              IsEmpty());
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "store a b", "store b a",
                          "clear a?"})),
              IsEmpty());
  // A variable that may hold either object.
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "assign p a", "assign p b?",
                          "store a b", "store b a", "clear p"})),
              IsEmpty());
}

TEST(PointsToTest, InsertsAddElementsAndClearsRemoveThemAll) {
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "insert a b", "insert b a"})),
              ElementsAre(ElementsAre(3u, 2u)));
  // A second element does not replace the first (a store would).
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "alloc c", "insert a b",
                          "insert b a", "insert a c"})),
              ElementsAre(ElementsAre(4u, 3u)));
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "insert a b", "insert b a",
                          "clear a"})),
              IsEmpty());
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "insert a b", "insert b a?"})),
              IsEmpty());
}

TEST(PointsToTest, CallsApplyTheCalleeWithArgumentsBound) {
  FunctionFact Link = ops({"store this n"});
  Link.USR = "c:@S@Node@F@link";
  Link.Params = {"this", "n"};
  FunctionFact Caller = ops({"alloc a", "alloc b", "call a", "call b"});
  Caller.Ops[2].Callee = Caller.Ops[3].Callee = Link.USR;
  Caller.Ops[2].Args = {"a", "b"};
  Caller.Ops[3].Args = {"b", "a"};
  FunctionIndex Index;
  Index[Link.USR] = &Link;
  std::vector<StatementCycle> Found = findStatementCycles(Caller, Index);
  ASSERT_EQ(Found.size(), 1u);
  ASSERT_EQ(Found[0].Links.size(), 2u);
  EXPECT_EQ(Found[0].Links[0].TopOp, 3u);
  EXPECT_EQ(Found[0].Links[0].From, "b");
  EXPECT_EQ(Found[0].Links[0].To, "a");
  EXPECT_EQ(Found[0].Links[0].Function, &Link);
  EXPECT_EQ(Found[0].Links[1].TopOp, 2u);
  // Without the callee's facts the call is "don't know".
  EXPECT_THAT(findStatementCycles(Caller, FunctionIndex()), IsEmpty());
  // A callee that calls itself is not followed.
  FunctionFact Self = ops({"call this"});
  Self.USR = "c:@F@self";
  Self.Params = {"this"};
  Self.Ops[0].Callee = Self.USR;
  Self.Ops[0].Args = {"this"};
  Index[Self.USR] = &Self;
  FunctionFact Caller2 = ops({"alloc a", "store a a", "call a"});
  Caller2.Ops[2].Callee = Self.USR;
  Caller2.Ops[2].Args = {"a"};
  EXPECT_THAT(findStatementCycles(Caller2, Index), IsEmpty());
}

TEST(PointsToTest, UnknownValuesLinkNothing) {
  EXPECT_THAT(cycles(ops({"alloc a", "store a param", "store param a"})),
              IsEmpty());
  EXPECT_THAT(cycles(ops({"alloc a", "alloc b", "store a b", "assign b",
                          "store b a"})),
              IsEmpty());
}

TEST(PointsToTest, ThisAndParametersAreObjectsFromOutside) {
  FunctionFact Pair = ops({"store this o", "store o this"});
  Pair.Params = {"this", "o"};
  std::vector<StatementCycle> Found = findStatementCycles(Pair, {});
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_TRUE(Found[0].Outside);
  EXPECT_EQ(Found[0].Links[0].From, "o");
  EXPECT_EQ(Found[0].Links[0].To, "this");
  // Locals only: nobody else can reach them after the function returns.
  std::vector<StatementCycle> Local =
      findStatementCycles(ops({"alloc a", "alloc b", "store a b", "store b a"}), {});
  ASSERT_EQ(Local.size(), 1u);
  EXPECT_FALSE(Local[0].Outside);
  // Locals that `this` keeps alive are held from outside too.
  FunctionFact Held = ops({"alloc a", "alloc b", "store a b", "store b a",
                           "store this a"});
  Held.Params = {"this"};
  Found = findStatementCycles(Held, {});
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_TRUE(Found[0].Outside);
}

/// The stores of each program cycle, by function name.
std::vector<std::pair<std::string, std::vector<size_t>>>
programCycles(const std::vector<FunctionFact> &Fs) {
  std::vector<std::pair<std::string, std::vector<size_t>>> Out;
  for (const ProgramCycle &P : findProgramCycles(Fs)) {
    std::vector<size_t> Stores;
    for (const StatementLink &L : P.Cycle.Links)
      Stores.push_back(L.Store);
    Out.push_back({P.Function->Name, Stores});
  }
  return Out;
}

TEST(PointsToTest, CyclesFromOutsideNeedAProgramThatNeverUnlinks) {
  FunctionFact Pair = ops({"store this o", "store o this"});
  Pair.USR = "c:@S@Node@F@pair#";
  Pair.Name = "Node::pair";
  Pair.Params = {"this", "o"};
  EXPECT_THAT(programCycles({Pair}),
              ElementsAre(std::make_pair(std::string("Node::pair"),
                                         std::vector<size_t>{1, 0})));
  // A destructor of the cycle's record never runs while the cycle holds.
  FunctionFact Dtor = ops({"clear this"});
  Dtor.USR = "c:@S@Node@F@~Node#";
  Dtor.Name = "Node::~Node";
  Dtor.Params = {"this"};
  EXPECT_EQ(programCycles({Pair, Dtor}).size(), 1u);
  // Any other function that clears the member, or stores an unknown value
  // in it, may break the cycle: don't know.
  FunctionFact Unpair = Dtor;
  Unpair.USR = "c:@S@Node@F@unpair#";
  EXPECT_THAT(programCycles({Pair, Unpair}), IsEmpty());
  FunctionFact Retarget = ops({"store this"});
  Retarget.USR = "c:@S@Node@F@retarget#";
  Retarget.Params = {"this"};
  EXPECT_THAT(programCycles({Pair, Retarget}), IsEmpty());
  // Local objects nobody else holds stay a finding whatever other code does.
  FunctionFact Local = ops({"alloc a", "alloc b", "store a b", "store b a"});
  Local.Name = "local";
  EXPECT_EQ(programCycles({Local, Unpair}).size(), 1u);
}

TEST(PointsToTest, ACycleOneCallMakesIsReportedInTheCallee) {
  FunctionFact Connect = ops({"store x y", "store y x"});
  Connect.USR = "c:@F@connect#";
  Connect.Name = "connect";
  Connect.Params = {"", "x", "y"};
  FunctionFact Caller = ops({"alloc a", "alloc b", "call"});
  Caller.Name = "caller";
  Caller.Ops[2].Var = "";
  Caller.Ops[2].Callee = Connect.USR;
  Caller.Ops[2].Args = {"", "a", "b"};
  EXPECT_THAT(programCycles({Caller, Connect}),
              ElementsAre(std::make_pair(std::string("connect"),
                                         std::vector<size_t>{1, 0})));
  // When the callee's own cycle is "don't know" (the program unlinks the
  // member), the caller's local objects still make one.
  FunctionFact Unlink = ops({"clear this"});
  Unlink.USR = "c:@F@unlink#";
  Unlink.Params = {"this"};
  EXPECT_THAT(programCycles({Caller, Connect, Unlink}),
              ElementsAre(std::make_pair(std::string("caller"),
                                         std::vector<size_t>{1, 0})));
}

TEST(BodyFactsTest, ExtractedFromCode) {
  TestTU TU = factsFor(R"cpp(
#include <memory>
struct Node { int v = 0; std::shared_ptr<Node> next; };
void g(Node &);
void f(bool c) {
  auto a = std::make_shared<Node>();
  std::shared_ptr<Node> b(new Node);
  a->next = b;
  int v = a->v;
  if (c) b->next = a;
  a->next.reset();
  g(*b);
}
)cpp");
  ASSERT_EQ(TU.Functions.size(), 1u);
  std::vector<std::string> Got;
  for (const BodyOp &Op : TU.Functions[0].Ops)
    Got.push_back(bodyOpKindName(Op.Kind).str() + " " +
                  displayVar(Op.Var).str() + (Op.Once ? "" : "?"));
  EXPECT_THAT(Got, ElementsAre("alloc a", "alloc b", "store a", "store b?",
                               "clear a", "escape b"));
}

TEST(BodyFactsTest, FunctionsWithoutCountedStoresAreLeftOut) {
  TestTU TU = factsFor(R"cpp(
#include <memory>
struct Node { std::shared_ptr<Node> next; };
int f() { auto a = std::make_shared<Node>(); return a ? 1 : 0; }
)cpp");
  EXPECT_THAT(TU.Functions, IsEmpty());
}

} // namespace

namespace {

TEST(BodyFactsTest, JSONRoundTripKeepsEveryField) {
  FunctionFact F = ops({"alloc a", "insert a a", "call a?"});
  F.Params = {"this", ""};
  F.Loc = {"/src/a.cc", 1, 1};
  F.Ops[1].Method = "push_back";
  F.Ops[2].Callee = "c:@F@g";
  F.Ops[2].Method = "g";
  F.Ops[2].Args = {"a", ""};
  F.Ops[2].Loc = {"/src/macro.h", 7, 9}; // another file: a full loc
  llvm::json::Value V = toJSON(F);
  FunctionFact Back;
  llvm::json::Path::Root Root("f");
  ASSERT_TRUE(fromJSON(V, Back, Root)) << llvm::toString(Root.getError());
  EXPECT_EQ(llvm::formatv("{0}", toJSON(Back)).str(),
            llvm::formatv("{0}", V).str());
  EXPECT_EQ(Back.Ops[0].Loc.File, "/src/a.cc");
  EXPECT_EQ(Back.Ops[2].Loc.File, "/src/macro.h");
  EXPECT_FALSE(Back.Ops[2].Once);
  EXPECT_EQ(Back.Ops[2].Args, (std::vector<std::string>{"a", ""}));
}

} // namespace
