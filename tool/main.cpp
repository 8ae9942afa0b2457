//===- main.cpp - The cyclint command line --------------------------------===//
//
// A thin front end: argv to AnalysisOptions, findings to stdout, errors and
// the summary to stderr, result to the exit code. All analysis is in the
// cyclint library.
//
//===----------------------------------------------------------------------===//

#include "checks/Checks.h"
#include "core/Baseline.h"
#include "core/Config.h"
#include "core/Driver.h"
#include "core/FactsCache.h"
#include "core/Output.h"
#include "models/Runtimes.h"
#include "tool/Rules.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <deque>
#include <optional>

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
  2  usage, configuration, model or compilation database error, or a
     report or baseline file that cannot be written
  3  some translation units could not be analyzed: a compile error, a
     missing source, or (in worker processes, --isolation) a crash, a
     --tu-timeout or a --tu-memory-limit; findings from the others are
     still printed, and this code wins over 1

With --baseline, only findings the baseline does not record count.
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
cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Keep each translation unit's facts in <dir> and reuse them "
             "while its command and every file it read are unchanged "
             "(default: $CYCLINT_CACHE_DIR; none if unset; an empty value "
             "turns the cache off)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> CacheMaxSize(
    "cache-max-size",
    cl::desc("Bound of the cache directory; the least recently used "
             "entries are removed after a run (bytes, or with a K, M or G "
             "suffix; default: 1G)"),
    cl::value_desc("size"), cl::init("1G"), cl::cat(Category));
cl::opt<cyclint::OutputFormat> Format(
    "format", cl::desc("Report format (default: text)"),
    cl::values(clEnumValN(cyclint::OutputFormat::Text, "text",
                          "clang's diagnostic format"),
               clEnumValN(cyclint::OutputFormat::JSON, "json",
                          "JSON (docs/OUTPUT.md)"),
               clEnumValN(cyclint::OutputFormat::SARIF, "sarif",
                          "SARIF 2.1.0, for code scanning")),
    cl::init(cyclint::OutputFormat::Text), cl::cat(Category));
cl::opt<std::string> OutputFile(
    "o",
    cl::desc("Write the report to <file> (atomically) instead of stdout"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Directory that report paths (SARIF URIs, baseline entries, "
             "fingerprints) are relative to (default: the current "
             "directory)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Hide the findings recorded in <file> (written by "
             "--write-baseline); only new findings count for the exit code"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record every current finding in <file> (atomically)"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Use <file> as the configuration of every file, instead of "
             "the nearest .cyclint.yaml above each one (docs/CONFIG.md)"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the effective configuration of the first source file "
             "given, or of the current directory (YAML), and exit"),
    cl::cat(Category));
using Isolation = cyclint::AnalysisOptions::Isolation;
cl::opt<Isolation> Isolate(
    "isolation",
    cl::desc("Where translation units are parsed (default: auto)"),
    cl::values(
        clEnumValN(Isolation::Auto, "auto",
                   "in worker processes when more than one is analyzed or "
                   "a limit is set"),
        clEnumValN(Isolation::Process, "process",
                   "each in a worker process: a crash, a timeout or an "
                   "out-of-memory fails that one only (exit 3)"),
        clEnumValN(Isolation::None, "none",
                   "all in this process: a crash ends the run")),
    cl::init(Isolation::Auto), cl::cat(Category));
cl::opt<unsigned> TUTimeout(
    "tu-timeout",
    cl::desc("Give up on a translation unit whose parse takes longer than "
             "<seconds> (worker processes; default 0: no limit)"),
    cl::value_desc("seconds"), cl::init(0), cl::cat(Category));
cl::opt<unsigned> TUMemoryLimit(
    "tu-memory-limit",
    cl::desc("Give up on a translation unit whose parse needs more than <MB> "
             "megabytes of heap (worker processes; default 0: no limit)"),
    cl::value_desc("MB"), cl::init(0), cl::cat(Category));
// The worker mode (core/Worker.h): cyclint starts itself with it, one TU
// per process.
cl::opt<std::string> ExtractWorker(
    "extract-worker",
    cl::desc("Internal: extract the translation unit of a request file"),
    cl::value_desc("request"), cl::Hidden, cl::cat(Category));
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

std::string plural(unsigned N, StringRef One, StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

/// The stderr summary; the parts about suppressions and baselines appear
/// only when there is something to say.
void printSummary(const cyclint::AnalysisResult &Result,
                  const cyclint::RunSummary &Summary,
                  const cyclint::AnalysisOptions &Options) {
  errs() << "cyclint: "
         << plural(Result.TUsAnalyzed, "translation unit", "translation units")
         << " analyzed";
  if (!Options.CacheDir.empty())
    errs() << " (" << Result.FromCache << " from the cache)";
  errs() << ", " << Result.Failures.size() << " failed";
  if (!Options.ExportFactsDir.empty()) {
    errs() << ", " << Result.FactsWritten.size() << " facts files written\n";
    return;
  }
  unsigned Warnings = cyclint::warningCount(Result.Findings);
  unsigned Notes = Result.Findings.size() - Warnings;
  errs() << ", " << plural(Warnings, "finding", "findings");
  if (Notes)
    errs() << " (and " << plural(Notes, "note", "notes") << ")";
  if (Summary.Suppressed)
    errs() << ", " << Summary.Suppressed << " suppressed";
  if (Summary.BaselineHidden || Summary.BaselineFixed)
    errs() << ", " << Summary.BaselineHidden << " hidden by the baseline, "
           << plural(Summary.BaselineFixed, "baseline entry", "baseline entries")
           << " fixed";
  errs() << "\n";
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
  if (!ExtractWorker.empty())
    return cyclint::runExtractWorker(ExtractWorker, Builtin);

  cyclint::AnalysisOptions Options;
  Options.BuildPath = BuildPath;
  Options.Files.assign(Files.begin(), Files.end());
  Options.Jobs = Jobs;
  // Configuration files (docs/CONFIG.md): each finding is governed by the
  // nearest .cyclint.yaml above its file; flags win over every one.
  Options.Checks = Checks;
  Options.ChecksGiven = Checks.getNumOccurrences() > 0;
  Options.ConfigFile = ConfigFile;
  Options.FindConfigs = true;
  Options.ModelFiles.assign(Models.begin(), Models.end());
  Options.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Options.ExtraArgsBefore.assign(ExtraArgsBefore.begin(),
                                 ExtraArgsBefore.end());
  Options.ExportFactsDir = ExportFacts;
  Options.Isolate = Isolate;
  Options.TUTimeoutSeconds = TUTimeout;
  Options.TUMemoryLimitMB = TUMemoryLimit;
  // Workers are this very executable, in its worker mode.
  static int AddressInThisExecutable;
  std::string Self =
      sys::fs::getMainExecutable(argv[0], &AddressInThisExecutable);
  if (!Self.empty())
    Options.WorkerCommand = {Self, "--extract-worker"};
  Options.ImportFactsDir = ImportFacts;
  // The cache is opt-in (docs/DESIGN.md): the flag, else the environment, so
  // that a CI job or a shell profile can turn it on for every run.
  if (CacheDir.getNumOccurrences())
    Options.CacheDir = CacheDir;
  else if (std::optional<std::string> Env =
               sys::Process::GetEnv("CYCLINT_CACHE_DIR"))
    Options.CacheDir = *Env;
  if (!Options.ImportFactsDir.empty())
    Options.CacheDir.clear(); // nothing is parsed
  if (std::optional<uint64_t> Max = cyclint::parseByteSize(CacheMaxSize))
    Options.CacheMaxBytes = *Max;
  else {
    error("--cache-max-size expects a size such as 500M or 2G, got '" +
          CacheMaxSize + "'");
    return UsageError;
  }
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

  if (ListChecks || DumpConfig) {
    // As clang-tidy: the configuration of the first source given, else of
    // the current directory.
    cyclint::ConfigOverrides Overrides;
    Overrides.DefaultChecks = Options.Checks;
    Overrides.ChecksGiven = Options.ChecksGiven;
    Overrides.Options = Options.CheckOpts;
    cyclint::ConfigResolver Resolver(Builtin.Checks, std::move(Overrides),
                                     Options.ConfigFile, Options.FindConfigs,
                                     "");
    std::string First;
    if (!Files.empty()) {
      SmallString<256> Path(Files.front());
      sys::fs::make_absolute(Path);
      sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      First = std::string(Path);
    }
    auto Config = Resolver.forFile(First);
    if (!Config) {
      error(toString(Config.takeError()));
      return UsageError;
    }
    const cyclint::EffectiveConfig &C = **Config;
    if (ListChecks) {
      auto Names = cyclint::enabledChecks(Builtin.Checks, C.Checks);
      if (!Names) {
        error(toString(Names.takeError()));
        return UsageError;
      }
      outs() << "Enabled checks:\n";
      for (const std::string &Name : *Names)
        outs() << "    cyclint-" << Name << "\n";
      return NoFindings;
    }
    // Every option with its effective value, so that the dump says what a
    // run does, and reading the dump back gives the same dump.
    auto Set = cyclint::createChecks(Builtin.Checks, C.Checks, C.Options);
    if (!Set) {
      error(toString(Set.takeError()));
      return UsageError;
    }
    cyclint::Config Effective;
    Effective.Checks = C.Checks;
    Effective.CheckOptions.insert(Set->Options.begin(), Set->Options.end());
    if (!C.HeaderFilter.empty())
      Effective.HeaderFilterRegex = C.HeaderFilter;
    Effective.Models = C.Models;
    llvm::append_range(Effective.Models, Options.ModelFiles);
    cyclint::writeConfig(outs(), Effective);
    return NoFindings;
  }

  bool Terminal = sys::Process::StandardErrIsDisplayed();
  if (Terminal && !Quiet)
    Options.Progress = [](unsigned Done, unsigned Total, StringRef File) {
      errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << File;
      if (Done == Total)
        errs() << "\r\x1b[K";
      errs().flush();
    };

  std::string Root = SourceRoot;
  if (Root.empty()) {
    SmallString<256> CWD;
    if (!sys::fs::current_path(CWD))
      Root = std::string(CWD);
  } else {
    SmallString<256> Absolute(Root);
    sys::fs::make_absolute(Absolute);
    sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
    Root = std::string(Absolute);
  }
  std::optional<cyclint::Baseline> Baseline;
  if (!BaselineFile.empty()) {
    auto Read = cyclint::Baseline::read(BaselineFile);
    if (!Read) {
      error(toString(Read.takeError()));
      return UsageError;
    }
    Baseline = std::move(*Read);
  }
  cyclint::ToolInfo Tool{CYCLINT_VERSION, "", cyclint::checkRules(Builtin.Checks)};

  auto Result = cyclint::runAnalysis(Options, Builtin);
  if (!Result) {
    error(toString(Result.takeError()));
    return UsageError;
  }

  std::vector<cyclint::Finding> &Found = Result->Findings;
  if (!WriteBaseline.empty())
    if (Error E = cyclint::Baseline::write(WriteBaseline, Found, Root)) {
      error(toString(std::move(E))); // names the file
      return UsageError;
    }
  cyclint::RunSummary Summary;
  Summary.TUsAnalyzed = Result->TUsAnalyzed;
  Summary.TUsFailed = Result->Failures.size();
  Summary.Suppressed = Result->Suppressed;
  if (Baseline) {
    Summary.BaselineHidden = Baseline->filter(Found, Root);
    Summary.BaselineFixed = Baseline->fixed();
  }

  if (Options.ExportFactsDir.empty()) {
    auto Write = [&](raw_ostream &OS) {
      switch (Format) {
      case cyclint::OutputFormat::Text:
        cyclint::printFindings(OS, Found);
        break;
      case cyclint::OutputFormat::JSON:
        cyclint::writeJSON(OS, Found, Summary, Root);
        break;
      case cyclint::OutputFormat::SARIF:
        cyclint::writeSARIF(OS, Found, Tool, Root);
        break;
      }
      return Error::success();
    };
    if (OutputFile.empty()) {
      Write(outs());
      outs().flush();
    } else if (Error E = writeToOutput(OutputFile, Write)) {
      error(toString(std::move(E))); // names the file
      return UsageError;
    }
  }
  for (const std::string &W : Result->Warnings)
    WithColor::warning(errs(), "cyclint") << W << "\n";
  for (const cyclint::TUFailure &F : Result->Failures)
    error(F.File + ": " + F.Reason);
  if (!Quiet)
    printSummary(*Result, Summary, Options);
  if (!Result->Failures.empty())
    return SomeTUsFailed;
  // A run that records its findings as the new baseline accepts them.
  if (!WriteBaseline.empty() && !Baseline)
    return NoFindings;
  return cyclint::warningCount(Found) == 0 ? NoFindings : Findings;
}
