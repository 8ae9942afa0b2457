//===- FactsTest.cpp - Edge-kind algebra, sections and the facts format ---===//

#include "core/Facts.h"
#include "core/Program.h"
#include "models/Runtimes.h"
#include "TestSupport.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

using namespace cyclint;
using cyclint::testing::makeTU;
using cyclint::testing::wrap;

namespace {

std::string text(const llvm::json::Value &V) {
  return llvm::formatv("{0}", V).str();
}

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

TEST(FactsTest, DeletedRawPointerIsUpgradedOnlyWithoutWrapper) {
  MemberEdgeKind Pimpl = memberEdgeKind(EdgeKind::Borrowed, false, true);
  EXPECT_EQ(Pimpl.Kind, EdgeKind::Owning);
  EXPECT_TRUE(Pimpl.OwnedRawPointer);
  EXPECT_EQ(memberEdgeKind(EdgeKind::Borrowed, true, true).Kind,
            EdgeKind::Borrowed);
  EXPECT_EQ(memberEdgeKind(EdgeKind::Borrowed, false, false).Kind,
            EdgeKind::Borrowed);
  EXPECT_EQ(memberEdgeKind(EdgeKind::Weak, false, true).Kind, EdgeKind::Weak);
}

TEST(FactsTest, EdgeKindNamesRoundTrip) {
  for (EdgeKind K : {EdgeKind::Strong, EdgeKind::Owning, EdgeKind::Weak,
                     EdgeKind::Borrowed, EdgeKind::Unknown})
    EXPECT_EQ(parseEdgeKind(edgeKindName(K)), K);
  EXPECT_FALSE(parseEdgeKind("sturdy"));
}

TEST(FactsTest, JSONRoundTripIsLossless) {
  RuntimeList Runtimes = cyclint::testing::builtinRuntimeList();
  auto TU = makeTU("/src/a.cc",
                   {{"Parent", {"kids:strong:Child:std::vector"}},
                    {"Child", {"parent:weak:Parent:std::weak_ptr"}, {"Parent"}, true}});
  TU.Records[0].Fields[0].DeletedInDestructor = true;
  llvm::json::Value V = toJSON(wrap(TU), Runtimes);
  auto Back = factsFromJSON(V, Runtimes);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(text(toJSON(*Back, Runtimes)), text(V));
  const CxxFacts *Cxx = Back->section<CxxFacts>();
  ASSERT_TRUE(Cxx);
  EXPECT_TRUE(Cxx->Records[0].Fields[0].DeletedInDestructor);
  // Every runtime of the run has a section, empty ones too.
  EXPECT_EQ(Back->Sections.size(), Runtimes.size());
  // Sections carry their own versions; empty sections are left out.
  const llvm::json::Object *Sections = V.getAsObject()->getObject("sections");
  ASSERT_TRUE(Sections);
  EXPECT_EQ(Sections->getObject("cxx")->getInteger("version"),
            int64_t(CxxFactsVersion));
  EXPECT_FALSE(Sections->get("cpython"));
}

TEST(FactsTest, OtherVersionsAndShapesAreRejected) {
  RuntimeList Runtimes = cyclint::testing::builtinRuntimeList();
  auto Error = [&](const llvm::json::Value &V) {
    auto Facts = factsFromJSON(V, Runtimes);
    if (Facts)
      return std::string("<accepted>");
    return llvm::toString(Facts.takeError());
  };
  llvm::json::Value V =
      toJSON(wrap(makeTU("/src/a.cc", {{"A", {"b:strong:B"}}})), Runtimes);
  llvm::json::Value Newer = V;
  (*Newer.getAsObject())["version"] = FactsFormatVersion + 1;
  EXPECT_NE(Error(Newer).find("version"), std::string::npos);
  llvm::json::Value Older = V;
  (*Older.getAsObject())["version"] = FactsFormatVersion - 1;
  EXPECT_NE(Error(Older).find("older cyclint"), std::string::npos);

  llvm::json::Value Section = V;
  (*Section.getAsObject()->getObject("sections")->getObject("cxx"))["version"] =
      CxxFactsVersion + 1;
  EXPECT_NE(Error(Section).find("section 'cxx' has version"), std::string::npos);

  llvm::json::Value Unknown = V;
  (*Unknown.getAsObject()->getObject("sections"))["objc"] =
      llvm::json::Object{{"version", 1}};
  EXPECT_NE(Error(Unknown).find("unknown section 'sections.objc'"),
            std::string::npos);

  EXPECT_NE(Error(llvm::json::Object{{"format", "cyclint-facts"},
                                     {"version", FactsFormatVersion},
                                     {"mainFile", "a"},
                                     {"directory", "/"},
                                     {"sections", 3}})
                .find("sections"),
            std::string::npos);
  llvm::json::Value BadRecords = V;
  (*BadRecords.getAsObject()->getObject("sections")->getObject("cxx"))["records"] = 3;
  EXPECT_NE(Error(BadRecords).find("sections.cxx.records"), std::string::npos);
}

TEST(FactsTest, FilesAreWrittenWholeAndReadBack) {
  RuntimeList Runtimes = cyclint::testing::builtinRuntimeList();
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("cyclint-facts", Dir));
  llvm::SmallString<128> Path(Dir);
  llvm::sys::path::append(Path, "a.facts.json");
  TUFacts TU = wrap(makeTU("/src/a.cc", {{"A", {"b:strong:B"}}}));
  ASSERT_FALSE(bool(writeFactsFile(TU, Runtimes, Path)));
  auto Back = readFactsFile(Path, Runtimes);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->section<CxxFacts>()->Records.size(), 1u);
  // Only the final file is left: no temporary beside it.
  std::error_code EC;
  unsigned Entries = 0;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    ++Entries;
  EXPECT_EQ(Entries, 1u);
  auto Missing = readFactsFile((Dir + "/missing.facts.json").str(), Runtimes);
  ASSERT_FALSE(bool(Missing));
  EXPECT_NE(llvm::toString(Missing.takeError()).find("missing.facts.json"),
            std::string::npos);
  llvm::sys::fs::remove_directories(Dir);
}

TEST(ProgramTest, ViewsAreFoundByTheirRuntimeName) {
  RuntimeList Runtimes = cyclint::testing::builtinRuntimeList();
  std::vector<TUFacts> TUs;
  TUs.push_back(wrap(makeTU("/src/a.cc", {{"A", {"b:strong:B"}}, {"B", {}}})));
  // A TU without a cpython section: the runtime still builds its view.
  Program P = Program::build(Runtimes, std::move(TUs));
  const OwnershipGraph *G = P.view<OwnershipGraph>();
  ASSERT_TRUE(G);
  EXPECT_EQ(G->nodes().size(), 2u);
  EXPECT_TRUE(P.find("cpython"));
  EXPECT_FALSE(P.find("objc"));
}

TEST(RuntimeTest, ModelFilesGoToTheRuntimeTheyName) {
  RuntimeList Runtimes = cyclint::testing::builtinRuntimeList();
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("cyclint-models", Dir));
  auto Write = [&](llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream(Path, EC) << Text;
    return std::string(Path);
  };
  // No runtime key: the C++ model, as before runtimes had names.
  std::string Plain = Write("plain.yaml", "name: p\ntypes:\n  - {name: my::Ptr, "
                                          "kind: strong, arguments: [0]}\n");
  EXPECT_FALSE(bool(addModelFile(Runtimes, Plain)));
  auto *Cxx = static_cast<CxxRuntime *>(Runtimes[0].get());
  EXPECT_TRUE(Cxx->model().lookup("my::Ptr"));
  std::string Tagged = Write("tagged.yaml", "runtime: cxx\nname: t\ntypes:\n"
                                            "  - {name: my::Ref, kind: weak}\n");
  EXPECT_FALSE(bool(addModelFile(Runtimes, Tagged)));
  EXPECT_TRUE(Cxx->model().lookup("my::Ref"));
  std::string Other = Write("other.yaml", "runtime: objc\nname: o\n");
  llvm::Error E = addModelFile(Runtimes, Other);
  ASSERT_TRUE(bool(E));
  std::string Message = llvm::toString(std::move(E));
  // Prefix only: the list grows with every runtime in models/Runtimes.def.
  EXPECT_NE(Message.find("unknown runtime 'objc' (known: cxx, cpython"),
            std::string::npos)
      << Message;
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
