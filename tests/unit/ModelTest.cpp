//===- ModelTest.cpp - Member types to edge kinds, on real headers --------===//
//
// The C++ standard-library model applied by the fact extractor to in-memory
// code compiled against the real libstdc++.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace cyclint;
using namespace cyclint::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

namespace {

const char *Prelude = R"cpp(
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <variant>
#include <vector>
struct T {};
)cpp";

std::vector<std::string> kindsOf(const std::string &FieldDecl) {
  TestTU Facts = factsFor(std::string(Prelude) + "struct H { " + FieldDecl +
                           "; };");
  return edgeSummary(Facts, "H", "m");
}

TEST(ModelTest, SmartPointers) {
  EXPECT_THAT(kindsOf("std::shared_ptr<T> m"), ElementsAre("strong->T"));
  EXPECT_THAT(kindsOf("std::weak_ptr<T> m"), ElementsAre("weak->T"));
  EXPECT_THAT(kindsOf("std::unique_ptr<T> m"), ElementsAre("owning->T"));
  EXPECT_THAT(kindsOf("std::unique_ptr<T[]> m"), ElementsAre("owning->T"));
}

TEST(ModelTest, ValuesPointersReferences) {
  EXPECT_THAT(kindsOf("T m"), ElementsAre("owning->T"));
  EXPECT_THAT(kindsOf("T m[3]"), ElementsAre("owning->T"));
  EXPECT_THAT(kindsOf("T *m"), ElementsAre("borrowed->T"));
  EXPECT_THAT(kindsOf("T &m"), ElementsAre("borrowed->T"));
  EXPECT_THAT(kindsOf("const T *const m = nullptr"), ElementsAre("borrowed->T"));
  EXPECT_THAT(kindsOf("int m"), IsEmpty());
}

TEST(ModelTest, ContainersPassElementKindsThrough) {
  EXPECT_THAT(kindsOf("std::vector<std::shared_ptr<T>> m"),
              ElementsAre("strong->T"));
  EXPECT_THAT(kindsOf("std::vector<std::weak_ptr<T>> m"),
              ElementsAre("weak->T"));
  EXPECT_THAT(kindsOf("std::vector<T *> m"), ElementsAre("borrowed->T"));
  EXPECT_THAT(kindsOf("std::vector<T> m"), ElementsAre("owning->T"));
  EXPECT_THAT(kindsOf("std::map<int, std::shared_ptr<T>> m"),
              ElementsAre("strong->T"));
  EXPECT_THAT(kindsOf("std::unordered_map<std::string, std::unique_ptr<T>> m"),
              ElementsAre("owning->T"));
  EXPECT_THAT(kindsOf("std::optional<T> m"), ElementsAre("owning->T"));
  EXPECT_THAT(kindsOf("std::array<std::shared_ptr<T>, 2> m"),
              ElementsAre("strong->T"));
  EXPECT_THAT(kindsOf("std::pair<std::shared_ptr<T>, int> m"),
              ElementsAre("strong->T"));
}

bool heldInCollection(const std::string &FieldDecl) {
  TestTU Facts = factsFor(std::string(Prelude) + "struct H { " + FieldDecl +
                           "; };");
  for (const RecordFact &R : Facts.Records)
    if (R.Name == "H")
      for (const EdgeFact &E : R.Fields.at(0).Edges)
        return E.Collection;
  ADD_FAILURE() << "no edge for " << FieldDecl;
  return false;
}

TEST(ModelTest, CollectionsAreToldFromSingleHolders) {
  EXPECT_TRUE(heldInCollection("std::vector<T> m"));
  EXPECT_TRUE(heldInCollection("std::map<int, std::shared_ptr<T>> m"));
  EXPECT_TRUE(heldInCollection("std::optional<std::vector<T>> m"));
  EXPECT_TRUE(heldInCollection("T m[3]"));
  EXPECT_FALSE(heldInCollection("std::shared_ptr<T> m"));
  EXPECT_FALSE(heldInCollection("std::unique_ptr<T> m"));
  EXPECT_FALSE(heldInCollection("std::optional<T> m"));
  EXPECT_FALSE(heldInCollection("std::pair<T, int> m"));
  EXPECT_FALSE(heldInCollection("T m"));
}

TEST(ModelTest, VariadicTemplatesHoldEveryAlternative) {
  TestTU Facts = factsFor(std::string(Prelude) + R"cpp(
    struct U {};
    struct H {
      std::variant<std::shared_ptr<T>, U> v;
      std::tuple<std::weak_ptr<T>, std::unique_ptr<U>> t;
    };)cpp");
  EXPECT_THAT(edgeSummary(Facts, "H", "v"),
              UnorderedElementsAre("strong->T", "owning->U"));
  EXPECT_THAT(edgeSummary(Facts, "H", "t"),
              UnorderedElementsAre("weak->T", "owning->U"));
}

TEST(ModelTest, KindsComposeWeakestLinkWins) {
  EXPECT_THAT(kindsOf("std::unique_ptr<std::shared_ptr<T>> m"),
              ElementsAre("strong->T"));
  EXPECT_THAT(kindsOf("std::shared_ptr<std::vector<std::weak_ptr<T>>> m"),
              ElementsAre("weak->T"));
  EXPECT_THAT(kindsOf("std::shared_ptr<T> *m"), ElementsAre("borrowed->T"));
}

TEST(ModelTest, AliasesAndTypedefsAreSeenThrough) {
  TestTU Facts = factsFor(std::string(Prelude) + R"cpp(
    using TPtr = std::shared_ptr<T>;
    typedef std::vector<TPtr> TList;
    template <class X> using Ref = std::shared_ptr<X>;
    struct H { TPtr a; TList b; Ref<T> c; };)cpp");
  EXPECT_THAT(edgeSummary(Facts, "H", "a"), ElementsAre("strong->T"));
  EXPECT_THAT(edgeSummary(Facts, "H", "b"), ElementsAre("strong->T"));
  EXPECT_THAT(edgeSummary(Facts, "H", "c"), ElementsAre("strong->T"));
}

TEST(ModelTest, LookAlikeOutsideStdIsNotTheModel) {
  TestTU Facts = factsFor(std::string(Prelude) + R"cpp(
    namespace mylib { template <class X> struct shared_ptr { X *p; }; }
    struct H { mylib::shared_ptr<T> m; };)cpp");
  // By value: it owns the look-alike, which only borrows T.
  EXPECT_THAT(edgeSummary(Facts, "H", "m"),
              ElementsAre("owning->mylib::shared_ptr<T>"));
  EXPECT_THAT(edgeSummary(Facts, "mylib::shared_ptr<T>", "p"),
              ElementsAre("borrowed->T"));
}

TEST(ModelTest, TypeErasedHoldersAreUnknown) {
  EXPECT_THAT(kindsOf("std::function<void()> m"), ElementsAre("unknown-><none>"));
}

TEST(ModelTest, TemplateInstantiationsAreTheirOwnRecords) {
  TestTU Facts = factsFor(std::string(Prelude) + R"cpp(
    struct U {};
    template <class X> struct Holder { std::shared_ptr<X> held; };
    struct H { Holder<T> a; Holder<U> b; };)cpp");
  EXPECT_THAT(edgeSummary(Facts, "Holder<T>", "held"), ElementsAre("strong->T"));
  EXPECT_THAT(edgeSummary(Facts, "Holder<U>", "held"), ElementsAre("strong->U"));
  EXPECT_EQ(findRecord(Facts, "Holder"), nullptr) << "the pattern is no node";
}

TEST(ModelTest, BasesPolymorphismAndPimplDeletes) {
  TestTU Facts = factsFor(std::string(Prelude) + R"cpp(
    struct Base { virtual ~Base(); };
    struct Derived : Base { std::shared_ptr<T> t; };
    struct Impl;
    struct Widget { Impl *impl; ~Widget(); };
    struct Impl { int x; };
    Widget::~Widget() { delete impl; })cpp");
  const RecordFact *Base = findRecord(Facts, "Base");
  const RecordFact *Derived = findRecord(Facts, "Derived");
  ASSERT_TRUE(Base && Derived);
  EXPECT_TRUE(Base->Polymorphic);
  EXPECT_THAT(Derived->BaseUSRs, ElementsAre(Base->USR));
  const FieldFact *Impl = findField(Facts, "Widget", "impl");
  ASSERT_TRUE(Impl);
  EXPECT_TRUE(Impl->DeletedInDestructor);
}

TEST(ModelTest, UserModelsOverrideAndExtend) {
  OwnershipModel Model = OwnershipModel::builtin();
  ASSERT_FALSE(bool(Model.addModelText(R"yaml(
name: test
types:
  - {name: mylib::RefPtr, kind: strong, arguments: [0]}
)yaml",
                                       "test.yaml")));
  TestTU Facts = factsFor(std::string(Prelude) + R"cpp(
    namespace mylib { template <class X> struct RefPtr { X *p; }; }
    struct H { mylib::RefPtr<T> m; };)cpp",
                           Model);
  EXPECT_THAT(edgeSummary(Facts, "H", "m"), ElementsAre("strong->T"));
}

TEST(ModelTest, BadModelFilesAreErrorsNamingTheFile) {
  OwnershipModel Model;
  llvm::Error E = Model.addModelText(
      "name: x\ntypes:\n  - {name: a, kind: sturdy}\n", "bad.yaml");
  ASSERT_TRUE(bool(E));
  std::string Message = llvm::toString(std::move(E));
  EXPECT_NE(Message.find("bad.yaml"), std::string::npos) << Message;
  EXPECT_NE(Message.find("sturdy"), std::string::npos) << Message;
}

TEST(ModelTest, InternalTypesAreKeyedPerTU) {
  TestTU A = factsFor("namespace { struct Impl { int x; }; } Impl *p;",
                       OwnershipModel::builtin(), {"-std=c++17"}, "/v/a.cc");
  TestTU B = factsFor("namespace { struct Impl { int x; }; } Impl *p;",
                       OwnershipModel::builtin(), {"-std=c++17"}, "/v/b.cc");
  ASSERT_EQ(A.Records.size(), 1u);
  ASSERT_EQ(B.Records.size(), 1u);
  EXPECT_NE(A.Records[0].USR, B.Records[0].USR);
}

TEST(ModelTest, CStructsUseTheirTagOrTypedefName) {
  TestTU Facts = factsFor(R"c(
    struct Node { struct Node *next; };
    typedef struct { int x; struct Node *head; } List;)c",
                           OwnershipModel::builtin(), {"-std=c11"},
                           "/virtual/input.c");
  EXPECT_THAT(edgeSummary(Facts, "Node", "next"), ElementsAre("borrowed->Node"));
  EXPECT_THAT(edgeSummary(Facts, "List", "head"), ElementsAre("borrowed->Node"));
}

} // namespace
