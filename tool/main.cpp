//===- main.cpp - The cyclint command line --------------------------------===//
//
// A thin front end: argv to AnalysisOptions, findings to stdout, errors and
// the summary to stderr, result to the exit code. All analysis is in the
// cyclint library.
//
//===----------------------------------------------------------------------===//

#include "checks/Checks.h"
#include "core/Driver.h"
#include "models/Runtimes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <deque>

using namespace llvm;

namespace {

enum ExitCode : int {
  NoFindings = 0,
  Findings = 1,
  UsageError = 2,
  SomeTUsFailed = 3,
};

const char *Overview = R"(cyclint: finds reference cycles that leak memory

Reads a compilation database, parses every translation unit in it (or the
files given), merges what it learns about every class into one ownership
graph and reports each reference cycle once, with the whole path.

Exit codes:
  0  no findings (notes, e.g. cycles only the CPython collector frees, do
     not count)
  1  findings were reported
  2  usage, configuration, model or compilation database error
  3  some translation units could not be analyzed (findings from the others
     are still printed; this code wins over 1)
)";

cl::OptionCategory Category("cyclint options");

cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory containing compile_commands.json, or the "
                  "path of a compilation database"),
    cl::value_desc("build-path"), cl::cat(Category));
cl::list<std::string> Files(cl::Positional,
                            cl::desc("[<source files>...] (default: every "
                                     "file in the compilation database)"),
                            cl::cat(Category));
// Prefix: `-j8` as in make and ninja, besides `-j 8` and `-j=8`.
cl::opt<unsigned> Jobs("j",
                       cl::desc("Number of translation units parsed in "
                                "parallel (default: all cores)"),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated globs of checks to run, clang-tidy "
                    "syntax: '-' disables, the last match wins "
                    "(default: 'cyclint-*')"),
           cl::init("cyclint-*"), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the checks --checks enables and exit"),
                         cl::cat(Category));
cl::list<std::string> CheckOption(
    "check-option",
    cl::desc("Set a check option: <check>.<Option>=<value>, e.g. "
             "ownership-cycle.MaxCyclesPerComponent=4 (repeatable)"),
    cl::value_desc("key=value"), cl::cat(Category));
cl::list<std::string> Models(
    "model",
    cl::desc("Load an extra ownership model file (YAML, docs/MODELS.md); its "
             "rules override built-in ones (repeatable)"),
    cl::value_desc("file"), cl::cat(Category));
cl::list<std::string> ExtraArgs(
    "extra-arg", cl::desc("Append an argument to every compile command"),
    cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("Prepend an argument to every compile command"),
    cl::cat(Category));
cl::opt<std::string> ExportFacts(
    "export-facts",
    cl::desc("Only extract: write one facts file per translation unit into "
             "<dir> (created if needed), run no checks"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> ImportFacts(
    "import-facts",
    cl::desc("Only analyze: merge the *.facts.json files in <dir> (written "
             "by --export-facts, possibly on other machines) and run the "
             "checks; no parsing, -p is not needed"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> Quiet("quiet",
                    cl::desc("Do not print the summary line and progress"),
                    cl::cat(Category));

/// The flags checks declare for their options (`--python-gc`), made before
/// the command line is parsed.
struct AliasFlag {
  const cyclint::CheckInfo *Check;
  const cyclint::OptionAlias *Alias;
  std::unique_ptr<cl::opt<std::string>> Flag;
};

std::vector<AliasFlag> makeAliasFlags(
    const std::vector<cyclint::CheckInfo> &Checks) {
  // cl::opt keeps StringRefs to its value description.
  static std::deque<std::string> ValueDescs;
  std::vector<AliasFlag> Flags;
  for (const cyclint::CheckInfo &C : Checks)
    for (const cyclint::OptionAlias &A : C.Aliases) {
      const std::string &ValueDesc =
          ValueDescs.emplace_back(join(A.Values, "|"));
      Flags.push_back(
          {&C, &A,
           std::make_unique<cl::opt<std::string>>(
               StringRef(A.Flag), cl::desc(A.Help), cl::value_desc(ValueDesc),
               cl::cat(Category))});
    }
  return Flags;
}

void printVersion(raw_ostream &OS) {
  OS << "cyclint version " CYCLINT_VERSION " (LLVM " LLVM_VERSION_STRING
        ")\n";
}

void error(const Twine &Message) {
  WithColor::error(errs(), "cyclint") << Message << "\n";
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  const cyclint::Plugins Builtin{cyclint::builtinRuntimes(),
                                 cyclint::builtinChecks()};
  std::vector<AliasFlag> Aliases = makeAliasFlags(Builtin.Checks);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &errs()))
    return UsageError;

  if (ListChecks) {
    auto Names = cyclint::enabledChecks(Builtin.Checks, Checks);
    if (!Names) {
      error(toString(Names.takeError()));
      return UsageError;
    }
    outs() << "Enabled checks:\n";
    for (const std::string &Name : *Names)
      outs() << "    cyclint-" << Name << "\n";
    return NoFindings;
  }

  cyclint::AnalysisOptions Options;
  Options.BuildPath = BuildPath;
  Options.Files.assign(Files.begin(), Files.end());
  Options.Jobs = Jobs;
  Options.Checks = Checks;
  Options.ModelFiles.assign(Models.begin(), Models.end());
  Options.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Options.ExtraArgsBefore.assign(ExtraArgsBefore.begin(),
                                 ExtraArgsBefore.end());
  Options.ExportFactsDir = ExportFacts;
  Options.ImportFactsDir = ImportFacts;
  for (StringRef KeyValue : CheckOption) {
    auto [Key, Value] = KeyValue.split('=');
    if (Key.empty() || !Key.contains('.') || !KeyValue.contains('=')) {
      error("--check-option expects <check>.<Option>=<value>, got '" +
            KeyValue + "'");
      return UsageError;
    }
    Options.CheckOpts.set(Key, Value);
  }

  for (const AliasFlag &A : Aliases) {
    const std::string &Value = *A.Flag;
    if (Value.empty())
      continue;
    if (!llvm::is_contained(A.Alias->Values, StringRef(Value))) {
      std::vector<std::string> Quoted;
      for (const char *V : A.Alias->Values)
        Quoted.push_back("'" + std::string(V) + "'");
      std::string Expected =
          Quoted.size() < 2
              ? join(Quoted, "")
              : join(ArrayRef(Quoted).drop_back(), ", ") + " or " +
                    Quoted.back();
      error("--" + Twine(A.Alias->Flag) + " expects " + Expected + ", got '" +
            Value + "'");
      return UsageError;
    }
    Options.CheckOpts.set(std::string(A.Check->Name) + "." + A.Alias->Option,
                          Value);
  }

  bool Terminal = sys::Process::StandardErrIsDisplayed();
  if (Terminal && !Quiet)
    Options.Progress = [](unsigned Done, unsigned Total, StringRef File) {
      errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << File;
      if (Done == Total)
        errs() << "\r\x1b[K";
      errs().flush();
    };

  auto Result = cyclint::runAnalysis(Options, Builtin);
  if (!Result) {
    error(toString(Result.takeError()));
    return UsageError;
  }

  cyclint::printFindings(outs(), Result->Findings);
  outs().flush();
  for (const cyclint::TUFailure &F : Result->Failures)
    error(F.File + ": " + F.Reason);
  if (!Quiet) {
    errs() << "cyclint: " << Result->TUsAnalyzed << " translation unit"
           << (Result->TUsAnalyzed == 1 ? "" : "s") << " analyzed, "
           << Result->Failures.size() << " failed";
    unsigned Warnings = cyclint::warningCount(Result->Findings);
    unsigned Notes = Result->Findings.size() - Warnings;
    if (Options.ExportFactsDir.empty()) {
      errs() << ", " << Warnings << " finding" << (Warnings == 1 ? "" : "s");
      if (Notes)
        errs() << " (and " << Notes << " note" << (Notes == 1 ? "" : "s")
               << ")";
    }
    else
      errs() << ", " << Result->FactsWritten.size() << " facts files written";
    errs() << "\n";
  }
  if (!Result->Failures.empty())
    return SomeTUsFailed;
  return cyclint::warningCount(Result->Findings) == 0 ? NoFindings : Findings;
}
