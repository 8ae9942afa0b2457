//===- StoredValuesTest.cpp - What reaches a member; who breaks a cycle ---===//

#include "models/cxx/CycleBreakers.h"
#include "models/cxx/StoredValues.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace cyclint;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

BodyOp op(BodyOpKind Kind, std::string Var, std::string Value = "",
          std::string Record = "", std::string Field = "",
          std::string Type = "") {
  BodyOp Op;
  Op.Kind = Kind;
  Op.Var = std::move(Var);
  Op.Value = std::move(Value);
  Op.Record = std::move(Record);
  Op.Field = std::move(Field);
  Op.Type = std::move(Type);
  Op.Loc = {"/src/a.cc", 1, 1};
  return Op;
}

FunctionFact function(std::string USR, std::vector<std::string> Params,
                      std::vector<BodyOp> Ops, std::string Record = "") {
  FunctionFact F;
  F.USR = USR;
  F.Name = USR;
  F.Record = std::move(Record);
  F.Params = std::move(Params);
  F.Ops = std::move(Ops);
  return F;
}

std::map<MemberKey, MemberStores> solve(const std::vector<FunctionFact> &Fs) {
  return storedValues(Fs, [](const MemberKey &) { return false; });
}

std::vector<std::string> classes(const MemberStores &M) {
  std::vector<std::string> Out;
  for (const StoredClass &C : M.Classes)
    Out.push_back(C.USR + (C.OrSubclass ? "+" : ""));
  return Out;
}

TEST(StoredValuesTest, AllocationsThroughVariablesAndMembers) {
  // a := new Label; b := a; btn->overlay := b; w := btn->overlay;
  // win->front := w
  std::vector<FunctionFact> Fs{function(
      "f", {""},
      {op(BodyOpKind::Alloc, "a", "", "", "", "Label"),
       op(BodyOpKind::Assign, "b", "a"),
       op(BodyOpKind::Store, "btn", "b", "Button", "overlay"),
       op(BodyOpKind::Load, "w", "btn", "Button", "overlay"),
       op(BodyOpKind::Store, "win", "w", "Window", "front")})};
  auto M = solve(Fs);
  ASSERT_EQ(M.size(), 2u);
  EXPECT_THAT(classes(M[MemberKey("Button", "overlay")]), ElementsAre("Label"));
  EXPECT_FALSE(M[MemberKey("Button", "overlay")].Unknown);
  EXPECT_FALSE(M[MemberKey("Button", "overlay")].Existing);
  // A value loaded from a member is an object that existed before.
  EXPECT_THAT(classes(M[MemberKey("Window", "front")]), ElementsAre("Label"));
  EXPECT_TRUE(M[MemberKey("Window", "front")].Existing);
}

TEST(StoredValuesTest, ThisIsTheClassOrASubclassParametersAreUnknown) {
  std::vector<FunctionFact> Fs{function("Node::attach", {"this", "h"},
                      {op(BodyOpKind::Assign, "self", "this"),
                       op(BodyOpKind::Store, "h", "self", "Holder", "target"),
                       op(BodyOpKind::Store, "this", "h", "Node", "cb")},
                      "Node")};
  auto M = solve(Fs);
  EXPECT_THAT(classes(M[MemberKey("Holder", "target")]), ElementsAre("Node+"));
  EXPECT_TRUE(M[MemberKey("Holder", "target")].Existing);
  EXPECT_TRUE(M[MemberKey("Node", "cb")].Unknown);
}

TEST(StoredValuesTest, UnknownValuesAndUnboundVariablesAreUnknown) {
  std::vector<FunctionFact> Fs{function("f", {""},
                      {op(BodyOpKind::Store, "", "", "A", "m"),
                       op(BodyOpKind::Insert, "x", "never_bound", "B", "v")})};
  auto M = solve(Fs);
  EXPECT_TRUE(M[MemberKey("A", "m")].Unknown);
  EXPECT_TRUE(M[MemberKey("B", "v")].Unknown);
  EXPECT_EQ(M[MemberKey("A", "m")].FirstUnknown.Function, &Fs[0]);
}

TEST(StoredValuesTest, LoadsReachAFixedPointAcrossFunctions) {
  // g copies A::m into B::m before f stores into A::m: the rounds see it.
  std::vector<FunctionFact> Fs{function("g", {""},
                      {op(BodyOpKind::Load, "v", "a", "A", "m"),
                       op(BodyOpKind::Store, "b", "v", "B", "m")}),
             function("f", {""},
                      {op(BodyOpKind::Alloc, "n", "", "", "", "N"),
                       op(BodyOpKind::Store, "a", "n", "A", "m")})};
  auto M = solve(Fs);
  EXPECT_THAT(classes(M[MemberKey("B", "m")]), ElementsAre("N"));
}

TEST(StoredValuesTest, ClearsAndCapturesAreNoStores) {
  std::vector<FunctionFact> Fs{function("f", {""},
                      {op(BodyOpKind::Alloc, "c", "", "", "", ClosureType),
                       op(BodyOpKind::Store, "c", "x", "", "cb"),
                       op(BodyOpKind::Clear, "a", "", "A", "m")})};
  EXPECT_THAT(solve(Fs), IsEmpty());
}

BodyOp call(std::string Callee) {
  BodyOp Op = op(BodyOpKind::Call, "x");
  Op.Callee = std::move(Callee);
  Op.Args = {"x"};
  return Op;
}

TEST(CycleBreakersTest, AnOwnersDestructorBreaksItAFewCallsDown) {
  std::vector<FunctionFact> Fs{
      function("c:@S@Client@F@~Client#", {"this"}, {call("shutdown")},
               "Client"),
      function("shutdown", {"this"}, {call("clearActions")}, "State"),
      function("clearActions", {"this"},
               {op(BodyOpKind::Clear, "this", "", "State", "actions")},
               "State")};
  CycleBreakers B(Fs);
  CycleBreak Break = B.find({{"State", "actions"}}, {"State", "Action"},
                            [](llvm::StringRef USR) { return USR == "Client"; });
  EXPECT_EQ(Break.K, CycleBreak::OwnerTeardown);
  EXPECT_EQ(Break.Breaker, &Fs[2]);
  EXPECT_EQ(Break.Destructor, &Fs[0]);
  // Not an owner: the clear still runs when something calls it.
  Break = B.find({{"State", "actions"}}, {"State", "Action"},
                 [](llvm::StringRef) { return false; });
  EXPECT_EQ(Break.K, CycleBreak::Called);
}

TEST(CycleBreakersTest, UncalledOrOnCycleDestructorsDoNotCount) {
  std::vector<FunctionFact> Fs{
      function("clearSteps", {"this"},
               {op(BodyOpKind::Clear, "this", "", "Job", "steps")}, "Job"),
      function("c:@S@Peer@F@~Peer#", {"this"},
               {op(BodyOpKind::Clear, "this", "", "Peer", "link")}, "Peer")};
  CycleBreakers B(Fs);
  auto Any = [](llvm::StringRef) { return true; };
  EXPECT_EQ(B.find({{"Job", "steps"}}, {"Job", "Step"}, Any).K,
            CycleBreak::None);
  EXPECT_EQ(B.find({{"Peer", "link"}}, {"Peer", "Link"}, Any).K,
            CycleBreak::None);
}

} // namespace
