//===- FactsCacheTest.cpp - The incremental cache's hit and miss rules ----===//
//
// The real-CLI behaviour is integration/cache.test; these pin the rules of
// core/FactsCache in isolation: what a hit needs, that anything damaged is
// a miss, and the eviction order.

#include "core/FactsCache.h"
#include "models/Runtimes.h"
#include "TestSupport.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace cyclint;
using cyclint::testing::makeTU;
using cyclint::testing::wrap;

namespace {

void writeFile(llvm::StringRef Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  ASSERT_FALSE(EC);
  OS << Text;
}

class FactsCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("cyclint-cache", Root));
    Header = (Root + "/a.h").str();
    Source = (Root + "/a.cc").str();
    CacheDir = (Root + "/cache").str();
    writeFile(Header, "struct B;\n");
    writeFile(Source, "#include \"a.h\"\n");
    Command = clang::tooling::CompileCommand(
        Root, Source, {"c++", "-c", Source}, "");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Root); }

  std::unique_ptr<FactsCache> open(uint64_t Max = 1 << 30,
                                   std::vector<std::string> Extra = {}) {
    auto C = FactsCache::open(CacheDir, Max, Runtimes, {}, {}, Extra);
    EXPECT_TRUE(bool(C));
    return C ? std::move(*C) : nullptr;
  }
  std::vector<InputFile> inputs() {
    return {{Header, contentDigest("struct B;\n")},
            {Source, contentDigest("#include \"a.h\"\n")}};
  }
  std::vector<std::string> entries() {
    std::vector<std::string> Out;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(CacheDir, EC), End;
         It != End && !EC; It.increment(EC))
      Out.push_back(It->path());
    return Out;
  }

  RuntimeList Runtimes = cyclint::testing::builtinRuntimeList();
  llvm::SmallString<128> Root;
  std::string Header, Source, CacheDir;
  clang::tooling::CompileCommand Command;
  TUFacts Facts = wrap(makeTU("/src/a.cc", {{"A", {"b:strong:B"}}}));
};

TEST_F(FactsCacheTest, HitNeedsTheSameCommandAndUnchangedInputs) {
  auto Cache = open();
  EXPECT_FALSE(Cache->lookup(Command, Runtimes));
  Cache->store(Command, Facts, Runtimes, inputs());
  // A new run (file digests are memoized per run).
  auto Hit = open()->lookup(Command, Runtimes);
  ASSERT_TRUE(Hit);
  EXPECT_EQ(Hit->MainFile, "/src/a.cc");
  EXPECT_EQ(Hit->section<CxxFacts>()->Records.size(), 1u);

  clang::tooling::CompileCommand Other = Command;
  Other.CommandLine.push_back("-DX");
  EXPECT_FALSE(open()->lookup(Other, Runtimes));
  EXPECT_FALSE(open(1 << 30, {"-DX"})->lookup(Command, Runtimes));

  writeFile(Header, "struct B; // edited\n");
  EXPECT_FALSE(open()->lookup(Command, Runtimes));
  writeFile(Header, "struct B;\n");
  EXPECT_TRUE(open()->lookup(Command, Runtimes));
  llvm::sys::fs::remove(Header);
  EXPECT_FALSE(open()->lookup(Command, Runtimes));
}

TEST_F(FactsCacheTest, DamagedEntriesAreMisses) {
  open()->store(Command, Facts, Runtimes, inputs());
  std::vector<std::string> Files = entries();
  ASSERT_EQ(Files.size(), 1u);
  auto Buffer = llvm::MemoryBuffer::getFile(Files[0]);
  ASSERT_TRUE(bool(Buffer));
  std::string Good = (*Buffer)->getBuffer().str();
  std::string Header = Good.substr(0, Good.find('\n'));
  for (std::string Bad :
       {std::string(), Good.substr(0, Good.size() / 2), Header,
        Header + "\n{\"format\": \"cyclint-facts\", \"version\": 4}\n",
        Header + "\n[1, 2]\n", std::string("\n\n\n"),
        std::string("{\"format\": \"cyclint-cache\", \"version\": 1, "
                    "\"inputs\": [[1, 2]]}\n{}\n")}) {
    writeFile(Files[0], Bad);
    EXPECT_FALSE(open()->lookup(Command, Runtimes)) << Bad;
  }
  writeFile(Files[0], Good);
  EXPECT_TRUE(open()->lookup(Command, Runtimes));
}

TEST_F(FactsCacheTest, InputsThatAreNoRegularFilesAreMisses) {
  // Read whole, /dev/zero would never end; a directory has no contents.
  open()->store(Command, Facts, Runtimes,
                {{"/dev/zero", contentDigest("")}, {Root.str().str(), "0"}});
  EXPECT_FALSE(open()->lookup(Command, Runtimes));
}

TEST_F(FactsCacheTest, EvictionKeepsTheMostRecentlyUsed) {
  std::vector<clang::tooling::CompileCommand> Commands;
  auto Cache = open();
  for (int I = 0; I < 4; ++I) {
    clang::tooling::CompileCommand C = Command;
    C.CommandLine.push_back("-DN=" + std::to_string(I));
    Cache->store(C, Facts, Runtimes, inputs());
    Commands.push_back(C);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(entries().size(), 4u);
  uint64_t Size = 0;
  llvm::sys::fs::file_size(entries()[0], Size);
  // A hit on the oldest makes it the most recent.
  EXPECT_TRUE(open()->lookup(Commands[0], Runtimes));
  open(2 * Size + Size / 2)->evict();
  EXPECT_EQ(entries().size(), 2u);
  auto Last = open();
  EXPECT_TRUE(Last->lookup(Commands[0], Runtimes));
  EXPECT_TRUE(Last->lookup(Commands[3], Runtimes));
  EXPECT_FALSE(Last->lookup(Commands[1], Runtimes));
}

TEST(FactsCacheSizeTest, Sizes) {
  EXPECT_EQ(parseByteSize("100"), 100u);
  EXPECT_EQ(parseByteSize("40K"), 40u << 10);
  EXPECT_EQ(parseByteSize("2g"), uint64_t(2) << 30);
  EXPECT_EQ(parseByteSize("500M"), uint64_t(500) << 20);
  EXPECT_FALSE(parseByteSize(""));
  EXPECT_FALSE(parseByteSize("M"));
  EXPECT_FALSE(parseByteSize("-1"));
  EXPECT_FALSE(parseByteSize("1T"));
  EXPECT_FALSE(parseByteSize("99999999999999999999G"));
}

} // namespace
