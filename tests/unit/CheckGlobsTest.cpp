//===- CheckGlobsTest.cpp - clang-tidy style --checks globs ---------------===//

#include "core/Check.h"
#include "core/Driver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

using namespace cyclint;

namespace {

bool enables(llvm::StringRef Globs, llvm::StringRef Name) {
  auto G = CheckGlobs::parse(Globs);
  EXPECT_TRUE(bool(G));
  return G && G->enables(Name);
}

TEST(CheckGlobsTest, LastMatchWins) {
  EXPECT_TRUE(enables("cyclint-*", "cyclint-ownership-cycle"));
  EXPECT_FALSE(enables("-*", "cyclint-ownership-cycle"));
  EXPECT_TRUE(enables("-*,cyclint-ownership-cycle", "cyclint-ownership-cycle"));
  EXPECT_FALSE(enables("cyclint-*,-cyclint-ownership-*", "cyclint-ownership-cycle"));
  EXPECT_TRUE(enables(" -* , cyclint-own*cycle ", "cyclint-ownership-cycle"));
  EXPECT_FALSE(enables("", "cyclint-ownership-cycle"));
}

TEST(CheckGlobsTest, StarsMatchAnyRunOfCharacters) {
  EXPECT_TRUE(enables("*", ""));
  EXPECT_TRUE(enables("**", "cyclint-ownership-cycle"));
  EXPECT_TRUE(enables("*-*-*", "cyclint-ownership-cycle"));
  EXPECT_FALSE(enables("*-*-*-*", "cyclint-ownership-cycle"));
  EXPECT_TRUE(enables("cyclint-ownership-cycle*", "cyclint-ownership-cycle"));
  EXPECT_FALSE(enables("cyclint-ownership", "cyclint-ownership-cycle"));
  EXPECT_FALSE(enables("*cycle*cycle", "cyclint-ownership-cycle"));
  EXPECT_TRUE(enables("*c*c*c*", "cyclint-ownership-cycle"));
  EXPECT_TRUE(enables("cyclint-python-*-member",
                      "cyclint-python-clear-missing-member"));
  EXPECT_TRUE(enables("CYCLINT-*,cyclint.x", "CYCLINT-a"));
  EXPECT_FALSE(enables("cyclint.x", "cyclint-x")); // `.` is no wildcard
}

TEST(CheckGlobsTest, InvalidGlobsAreErrors) {
  auto G = CheckGlobs::parse("cyclint-[bad]");
  ASSERT_FALSE(bool(G));
  llvm::consumeError(G.takeError());
}

TEST(CheckGlobsTest, GlobPatternSyntaxIsRejected) {
  // Characters with a meaning to llvm::GlobPattern never reach it.
  for (const char *Bad : {"cyclint-[bad]", "cyclint-?", "cyclint-{a,b}",
                          "cyclint-\\*", "-", "a,-,b", "cyclint ownership"}) {
    auto G = CheckGlobs::parse(Bad);
    EXPECT_FALSE(bool(G)) << Bad;
    llvm::consumeError(G.takeError());
  }
}

TEST(CheckGlobsTest, GlobsOutliveTheirText) {
  std::string Text = "-*, cyclint-own*, -cyclint-python-*";
  auto G = CheckGlobs::parse(Text);
  ASSERT_TRUE(bool(G));
  std::fill(Text.begin(), Text.end(), 'x');
  EXPECT_TRUE(G->enables("cyclint-ownership-cycle"));
  CheckGlobs Copy = *G;
  G = CheckGlobs::parse("*");
  ASSERT_TRUE(bool(G));
  EXPECT_TRUE(Copy.enables("cyclint-ownership-cycle"));
  EXPECT_FALSE(Copy.enables("cyclint-python-reference-cycle"));
  EXPECT_FALSE(Copy.enables("xxxxxxx-ownership-cycle"));
}

TEST(CheckGlobsTest, RegistryIsAlphabeticalAndFilterable) {
  const auto &Checks = allChecks();
  ASSERT_FALSE(Checks.empty());
  for (size_t I = 1; I < Checks.size(); ++I)
    EXPECT_LT(std::string(Checks[I - 1].Name), std::string(Checks[I].Name));
  auto Names = enabledChecks("-*,cyclint-ownership-cycle");
  ASSERT_TRUE(bool(Names));
  EXPECT_EQ(*Names, std::vector<std::string>{"ownership-cycle"});
}

} // namespace
