//===- CheckGlobsTest.cpp - clang-tidy style --checks globs ---------------===//

#include "core/Check.h"
#include "core/Driver.h"

#include <gtest/gtest.h>

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

TEST(CheckGlobsTest, InvalidGlobsAreErrors) {
  auto G = CheckGlobs::parse("cyclint-[bad]");
  ASSERT_FALSE(bool(G));
  llvm::consumeError(G.takeError());
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
