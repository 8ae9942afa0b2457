//===- FactsTest.cpp - Edge-kind algebra and the facts file format --------===//

#include "core/Facts.h"
#include "TestSupport.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

using namespace cyclint;

namespace {

TEST(FactsTest, ComposeIsWeakestLinkWithOwningAsIdentity) {
  using K = EdgeKind;
  EXPECT_EQ(composeEdgeKinds(K::Owning, K::Strong), K::Strong);
  EXPECT_EQ(composeEdgeKinds(K::Strong, K::Owning), K::Strong);
  EXPECT_EQ(composeEdgeKinds(K::Strong, K::Weak), K::Weak);
  EXPECT_EQ(composeEdgeKinds(K::Weak, K::Strong), K::Weak);
  EXPECT_EQ(composeEdgeKinds(K::Borrowed, K::Strong), K::Borrowed);
  EXPECT_EQ(composeEdgeKinds(K::Owning, K::Owning), K::Owning);
  EXPECT_EQ(composeEdgeKinds(K::Unknown, K::Strong), K::Unknown);
  EXPECT_EQ(composeEdgeKinds(K::Weak, K::Unknown), K::Unknown);
}

TEST(FactsTest, EdgeKindNamesRoundTrip) {
  for (EdgeKind K : {EdgeKind::Strong, EdgeKind::Owning, EdgeKind::Weak,
                     EdgeKind::Borrowed, EdgeKind::Unknown})
    EXPECT_EQ(parseEdgeKind(edgeKindName(K)), K);
  EXPECT_FALSE(parseEdgeKind("sturdy"));
}

TEST(FactsTest, JSONRoundTripIsLossless) {
  TUFacts TU = cyclint::testing::makeTU(
      "/src/a.cc", {{"Parent", {"kids:strong:Child:std::vector"}},
                    {"Child", {"parent:weak:Parent:std::weak_ptr"}, {"Parent"}, true}});
  TU.Records[0].Fields[0].DeletedInDestructor = true;
  auto Back = factsFromJSON(toJSON(TU));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(llvm::formatv("{0}", toJSON(*Back)).str(),
            llvm::formatv("{0}", toJSON(TU)).str());
  EXPECT_TRUE(Back->Records[0].Fields[0].DeletedInDestructor);
}

TEST(FactsTest, OtherVersionsAndShapesAreRejected) {
  llvm::json::Value V = toJSON(cyclint::testing::makeTU("/src/a.cc", {}));
  V.getAsObject()->insert({"version", FactsFormatVersion + 1});
  (*V.getAsObject())["version"] = FactsFormatVersion + 1;
  auto Wrong = factsFromJSON(V);
  ASSERT_FALSE(bool(Wrong));
  EXPECT_NE(llvm::toString(Wrong.takeError()).find("version"), std::string::npos);

  auto Bad = factsFromJSON(llvm::json::Object{{"format", "cyclint-facts"},
                                              {"version", FactsFormatVersion},
                                              {"mainFile", "a"},
                                              {"directory", "/"},
                                              {"records", 3}});
  EXPECT_FALSE(bool(Bad));
  llvm::consumeError(Bad.takeError());
}

TEST(FactsTest, FilesAreWrittenWholeAndReadBack) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("cyclint-facts", Dir));
  llvm::SmallString<128> Path(Dir);
  llvm::sys::path::append(Path, "a.facts.json");
  TUFacts TU = cyclint::testing::makeTU("/src/a.cc", {{"A", {"b:strong:B"}}});
  ASSERT_FALSE(bool(writeFactsFile(TU, Path)));
  auto Back = readFactsFile(Path);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->Records.size(), 1u);
  // Only the final file is left: no temporary beside it.
  std::error_code EC;
  unsigned Entries = 0;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    ++Entries;
  EXPECT_EQ(Entries, 1u);
  auto Missing = readFactsFile((Dir + "/missing.facts.json").str());
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(llvm::toString(Missing.takeError()).find("missing.facts.json"),
            std::string::npos);
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
