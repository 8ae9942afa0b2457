//===- CheckGlobsTest.cpp - clang-tidy style --checks globs ---------------===//

#include "core/Check.h"
#include "checks/Checks.h"
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
  const auto &Checks = builtinChecks();
  ASSERT_FALSE(Checks.empty());
  for (size_t I = 1; I < Checks.size(); ++I)
    EXPECT_LT(std::string(Checks[I - 1].Name), std::string(Checks[I].Name));
  auto Names = enabledChecks(Checks, "-*,cyclint-ownership-cycle");
  ASSERT_TRUE(bool(Names));
  EXPECT_EQ(*Names, std::vector<std::string>{"ownership-cycle"});
}

} // namespace

namespace {

using namespace cyclint;

TEST(CheckRegistryTest, OptionsAreStoredAndUnknownOnesRejected) {
  CheckOptions Options;
  Options.set("ownership-cycle.MaxCyclesPerComponent", "3");
  auto Set = createChecks(builtinChecks(), "cyclint-*", Options);
  ASSERT_TRUE(bool(Set)) << llvm::toString(Set.takeError());
  EXPECT_EQ(Set->Enabled.size(), builtinChecks().size());
  // Every option any check reads, with its effective value.
  EXPECT_EQ(Set->Options["ownership-cycle.MaxCyclesPerComponent"], "3");
  EXPECT_EQ(Set->Options["python-reference-cycle.GC"], "enabled");
  EXPECT_TRUE(Set->Options.count("ownership-cycle.BackLinkWords"));

  Options.set("ownership-cycle.MaxCycles", "3");
  auto Bad = createChecks(builtinChecks(), "cyclint-*", Options);
  ASSERT_FALSE(bool(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError())
                .find("unknown check option 'ownership-cycle.MaxCycles'"),
            std::string::npos);

  CheckOptions BadValue;
  BadValue.set("ownership-cycle.MaxCyclesPerComponent", "many");
  auto Value = createChecks(builtinChecks(), "-*,cyclint-ownership-cycle",
                            BadValue);
  ASSERT_FALSE(bool(Value));
  EXPECT_NE(llvm::toString(Value.takeError()).find("invalid value 'many'"),
            std::string::npos);
}

TEST(CheckRegistryTest, AliasesAreDeclaredByTheirCheck) {
  unsigned Aliases = 0;
  for (const CheckInfo &C : builtinChecks())
    for (const OptionAlias &A : C.Aliases) {
      ++Aliases;
      EXPECT_EQ(std::string(C.Name), "python-reference-cycle");
      EXPECT_EQ(std::string(A.Flag), "python-gc");
      EXPECT_EQ(std::string(A.Option), "GC");
    }
  EXPECT_EQ(Aliases, 1u);
}

} // namespace

namespace {

using namespace cyclint;

TEST(CheckRegistryTest, ChecksWithoutTheirRuntimeReportNothing) {
  // A front end that loads no runtime: every view is missing, and every
  // check (through ViewCheck) stays silent rather than failing.
  CheckOptions Options;
  auto Set = createChecks(builtinChecks(), "cyclint-*", Options);
  ASSERT_TRUE(bool(Set)) << llvm::toString(Set.takeError());
  Program Empty;
  std::vector<Finding> Out;
  for (const std::unique_ptr<Check> &C : Set->Enabled)
    C->run(Empty, Out);
  EXPECT_TRUE(Out.empty());
}

} // namespace
