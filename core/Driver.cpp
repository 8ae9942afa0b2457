//===- Driver.cpp - One analysis run --------------------------------------===//
//
// Each TU is parsed by its own ClangTool on a worker thread, with the exact
// command of its database entry plus a few adjustments: syntax only, no
// warnings (a -Werror must not fail the analysis), and clang's resource
// directory so that builtin headers resolve whatever compiler the database
// names. Results are stored by job index, so the output does not depend on
// the order in which threads finish. In isolated mode each thread hands its
// TU to a worker process instead (core/Worker.h), which runs runJob there.
//
//===----------------------------------------------------------------------===//

#include "core/Driver.h"
#include "core/Config.h"
#include "core/ExtractAction.h"
#include "core/Facts.h"
#include "core/FactsCache.h"
#include "core/Program.h"
#include "core/Suppression.h"
#include "core/Worker.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Driver/Options.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <map>
#include <mutex>
#include <set>

#ifndef CYCLINT_CLANG_RESOURCE_DIR
#error "CYCLINT_CLANG_RESOURCE_DIR must be defined by the build"
#endif

using namespace llvm;
using namespace clang::tooling;

namespace cyclint {

namespace {

/// Hands ClangTool exactly one command: a file may have several entries in
/// a database, and each is its own job.
class SingleCommandDatabase : public CompilationDatabase {
public:
  explicit SingleCommandDatabase(CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<CompileCommand> getCompileCommands(StringRef) const override {
    return {Command};
  }

private:
  CompileCommand Command;
};

/// Keeps the first error of a TU for a one-line report; drops warnings.
class ErrorCollector : public clang::DiagnosticConsumer {
public:
  explicit ErrorCollector(StringRef Directory) : Directory(Directory) {}

  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < clang::DiagnosticsEngine::Error || !First.empty())
      return;
    SmallString<128> Message;
    Info.FormatDiagnostic(Message);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      clang::PresumedLoc P =
          Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid()) {
        // Absolute, like every other path cyclint prints.
        SmallString<256> File(P.getFilename());
        if (!sys::path::is_absolute(File))
          sys::fs::make_absolute(Directory, File);
        sys::path::remove_dots(File, /*remove_dot_dot=*/true);
        First = formatv("{0}:{1}:{2}: ", File, P.getLine(), P.getColumn()).str();
      }
    }
    First += Message.str();
  }
  std::string First;

private:
  std::string Directory;
};

/// Drops arguments clang's driver does not know (GCC-only flags such as
/// -fconserve-stack): they would make the driver fail the TU, and none of
/// them changes what the program's types are.
ArgumentsAdjuster dropUnknownArguments() {
  return [](const CommandLineArguments &Args, StringRef) {
    if (Args.empty())
      return Args;
    std::vector<const char *> Argv;
    for (size_t I = 1; I < Args.size(); ++I)
      Argv.push_back(Args[I].c_str());
    unsigned MissingIndex = 0, MissingCount = 0;
    llvm::opt::InputArgList Parsed = clang::driver::getDriverOptTable().ParseArgs(
        Argv, MissingIndex, MissingCount,
        llvm::opt::Visibility(clang::driver::options::ClangOption));
    std::vector<bool> Drop(Args.size(), false);
    for (const llvm::opt::Arg *A : Parsed.filtered(clang::driver::options::OPT_UNKNOWN))
      Drop[A->getIndex() + 1] = true;
    CommandLineArguments Kept;
    for (size_t I = 0; I < Args.size(); ++I)
      if (!Drop[I])
        Kept.push_back(Args[I]);
    return Kept;
  };
}

/// `ccache g++ ...` (databases written by bear or by wrapper scripts): the
/// launcher is not the compiler, and clang would take `g++` for an input.
ArgumentsAdjuster stripCompilerLaunchers() {
  return [](const CommandLineArguments &Args, StringRef) {
    CommandLineArguments Out = Args;
    while (Out.size() > 1) {
      StringRef Tool = sys::path::filename(Out.front());
      if (Tool != "ccache" && Tool != "sccache" && Tool != "distcc" &&
          Tool != "icecc" && Tool != "buildcache")
        break;
      Out.erase(Out.begin());
    }
    return Out;
  };
}

struct Job {
  std::string File;
  CompileCommand Command;
};

using JobResult = TUOutcome;

/// `-p` names a build directory or the database file itself.
std::string databasePath(StringRef BuildPath) {
  SmallString<256> Path(BuildPath);
  if (sys::fs::is_directory(Path))
    sys::path::append(Path, "compile_commands.json");
  return std::string(Path);
}

Expected<std::unique_ptr<CompilationDatabase>>
loadDatabase(StringRef BuildPath) {
  SmallString<256> Path(databasePath(BuildPath));
  if (!sys::fs::exists(Path))
    return createStringError(inconvertibleErrorCode(),
                             "%s: no such file (expected a compilation "
                             "database or a build directory containing one)",
                             Path.c_str());
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/true,
                                      /*IsVolatile=*/true);
  if (!Buffer)
    return createStringError(Buffer.getError(), "%s: %s", Path.c_str(),
                             Buffer.getError().message().c_str());
  // JSONCompilationDatabase reads JSON with a YAML parser that recovers from
  // syntax errors: a truncated database printed "YAML:1:76: error" and then
  // yielded the entries before the damage. Check the syntax strictly first.
  if (auto Parsed = json::parse((*Buffer)->getBuffer()); !Parsed)
    return createStringError(inconvertibleErrorCode(), "%s: invalid JSON: %s",
                             Path.c_str(),
                             toString(Parsed.takeError()).c_str());
  std::string Error;
  auto DB = JSONCompilationDatabase::loadFromBuffer(
      (*Buffer)->getBuffer(), Error, JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return createStringError(inconvertibleErrorCode(), "%s: %s", Path.c_str(),
                             Error.c_str());
  return std::unique_ptr<CompilationDatabase>(std::move(DB));
}

std::string normalizedAbsolute(StringRef File) {
  SmallString<256> Path(File);
  sys::fs::make_absolute(Path);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

/// Parses one TU. With `Inputs`, also lists the files it read (for the
/// cache).
JobResult runJob(const Job &J, const RuntimeList &Runtimes,
                 const AnalysisOptions &Options,
                 std::vector<InputFile> *Inputs) {
  JobResult Result;
  SmallString<256> Source(J.Command.Filename);
  if (!sys::path::is_absolute(Source))
    sys::fs::make_absolute(J.Command.Directory, Source);
  if (int FD; std::error_code EC = sys::fs::openFileForRead(Source, FD)) {
    Result.Failure = "cannot read source file: " + EC.message();
    return Result;
  } else {
    sys::Process::SafelyCloseFileDescriptor(FD);
  }

  // ClangTool enters the command's directory through its file system. The
  // process-wide one would chdir the whole process, under the feet of the
  // other workers (relative paths then resolve in another TU's directory),
  // and a directory it cannot enter is a fatal error: give each job a file
  // system with its own working directory, and check the directory first.
  if (!sys::fs::is_directory(J.Command.Directory)) {
    Result.Failure = "working directory '" + J.Command.Directory +
                     "' of the compile command does not exist";
    return Result;
  }
  IntrusiveRefCntPtr<vfs::FileSystem> FS(vfs::createPhysicalFileSystem());
  SingleCommandDatabase DB(J.Command);
  ClangTool Tool(DB, {std::string(Source)},
                 std::make_shared<clang::PCHContainerOperations>(), FS);
  Tool.setPrintErrorMessage(false); // failures are reported in one line
  // ClangTool's own adjusters (syntax-only, strip output) run first; these
  // must run before anything inspects argv[0].
  Tool.clearArgumentsAdjusters();
  Tool.appendArgumentsAdjuster(stripCompilerLaunchers());
  Tool.appendArgumentsAdjuster(getClangStripOutputAdjuster());
  Tool.appendArgumentsAdjuster(getClangSyntaxOnlyAdjuster());
  Tool.appendArgumentsAdjuster(getClangStripDependencyFileAdjuster());
  Tool.appendArgumentsAdjuster(dropUnknownArguments());
  if (!Options.ExtraArgsBefore.empty())
    Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
        Options.ExtraArgsBefore, ArgumentInsertPosition::BEGIN));
  CommandLineArguments After{"-w", "-resource-dir=" CYCLINT_CLANG_RESOURCE_DIR};
  llvm::append_range(After, Options.ExtraArgs);
  Tool.appendArgumentsAdjuster(
      getInsertArgumentAdjuster(After, ArgumentInsertPosition::END));
  ErrorCollector Errors(J.Command.Directory);
  Tool.setDiagnosticConsumer(&Errors);

  struct Factory : FrontendActionFactory {
    const RuntimeList &Runtimes;
    std::string Directory;
    TUFacts &Out;
    std::vector<InputFile> *Inputs;
    Factory(const RuntimeList &R, std::string D, TUFacts &O,
            std::vector<InputFile> *I)
        : Runtimes(R), Directory(std::move(D)), Out(O), Inputs(I) {}
    std::unique_ptr<clang::FrontendAction> create() override {
      return createExtractFactsAction(Runtimes, Directory, Out, Inputs);
    }
  } F(Runtimes, J.Command.Directory, Result.Facts, Inputs);

  int Status = Tool.run(&F);
  if (Status != 0 || Errors.getNumErrors() > 0) {
    unsigned N = Errors.getNumErrors();
    Result.Failure = N == 0 ? std::string("the compiler could not run")
                            : formatv("{0} compile error{1}, not analyzed "
                                      "(first: {2})",
                                      N, N == 1 ? "" : "s", Errors.First)
                                  .str();
    return Result;
  }
  Result.Ok = true;
  return Result;
}

/// The request that extracts every job in worker processes (core/Worker.h).
WorkerRequest workerRequest(ArrayRef<Job> Jobs,
                            const AnalysisOptions &Options) {
  WorkerRequest Request;
  for (const Job &J : Jobs)
    Request.TUs.push_back({J.File, J.Command});
  Request.ExtraArgs = Options.ExtraArgs;
  Request.ExtraArgsBefore = Options.ExtraArgsBefore;
  Request.ModelFiles = Options.ModelFiles;
  Request.TimeoutSeconds = Options.TUTimeoutSeconds;
  Request.MemoryLimitMB = Options.TUMemoryLimitMB;
  Request.CacheDir = Options.CacheDir;
  Request.CacheMaxBytes = Options.CacheMaxBytes;
  return Request;
}

/// Whether this run extracts in worker processes; an error for limits that
/// only a worker process can enforce.
Expected<bool> useWorkers(const AnalysisOptions &Options, size_t Jobs) {
  bool Limits = Options.TUTimeoutSeconds || Options.TUMemoryLimitMB;
  bool Workers = false;
  switch (Options.Isolate) {
  case AnalysisOptions::Isolation::None:
    break;
  case AnalysisOptions::Isolation::Process:
    Workers = true;
    break;
  case AnalysisOptions::Isolation::Auto:
    Workers = !Options.WorkerCommand.empty() && (Jobs > 1 || Limits);
    break;
  }
  if (Workers && Options.WorkerCommand.empty())
    return createStringError(inconvertibleErrorCode(),
                             "worker processes requested, but this front end "
                             "cannot start them");
  if (!Workers && Limits)
    return createStringError(inconvertibleErrorCode(),
                             "a time or memory limit per translation unit "
                             "needs worker processes (isolation is off)");
  return Workers;
}

std::string factsFileName(const Job &J) {
  std::string Key = J.Command.Directory + "\n" + J.Command.Filename;
  for (const std::string &Arg : J.Command.CommandLine)
    Key += "\n" + Arg;
  return formatv("{0}-{1:x16}.facts.json", sys::path::filename(J.File),
                 xxh3_64bits(Key))
      .str();
}

} // namespace

namespace {

/// --import-facts: reads every facts file of the directory; a file that
/// does not read is a failed TU, the others are still merged.
Error importFacts(const AnalysisOptions &Options, const RuntimeList &Runtimes,
                  AnalysisResult &Result, std::vector<TUFacts> &AllFacts) {
  std::error_code EC;
  std::vector<std::string> Files;
  for (sys::fs::directory_iterator It(Options.ImportFactsDir, EC), End;
       It != End && !EC; It.increment(EC))
    if (StringRef(It->path()).ends_with(".facts.json"))
      Files.push_back(It->path());
  if (EC)
    return createStringError(EC, "%s: %s", Options.ImportFactsDir.c_str(),
                             EC.message().c_str());
  if (Files.empty())
    return createStringError(inconvertibleErrorCode(),
                             "%s: no *.facts.json files to import",
                             Options.ImportFactsDir.c_str());
  llvm::sort(Files);
  for (const std::string &File : Files) {
    auto Facts = readFactsFile(File, Runtimes);
    if (!Facts) {
      // The failure line names the file already; keep only the reason.
      std::string Reason;
      handleAllErrors(
          Facts.takeError(),
          [&](const FileError &E) { Reason = E.messageWithoutFileInfo(); },
          [&](const ErrorInfoBase &E) { Reason = E.message(); });
      Result.Failures.push_back({File, Reason});
      continue;
    }
    AllFacts.push_back(std::move(*Facts));
    ++Result.TUsAnalyzed;
  }
  return Error::success();
}

/// The jobs of the database: one per command of each file to analyze. A
/// file the database does not list is a failure.
Expected<std::vector<Job>> listJobs(const AnalysisOptions &Options,
                                    AnalysisResult &Result) {
  if (Options.BuildPath.empty())
    return createStringError(inconvertibleErrorCode(),
                             "no compilation database: pass -p <build dir>");
  auto DB = loadDatabase(Options.BuildPath);
  if (!DB)
    return DB.takeError();

  std::vector<std::string> Files;
  if (Options.Files.empty()) {
    Files = (*DB)->getAllFiles();
    // An empty database is a broken build setup, not a clean program.
    if (Files.empty())
      return createStringError(inconvertibleErrorCode(),
                               "%s: the compilation database lists no files",
                               databasePath(Options.BuildPath).c_str());
  } else {
    for (const std::string &F : Options.Files)
      Files.push_back(normalizedAbsolute(F));
  }
  llvm::sort(Files);
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());

  std::vector<Job> Jobs;
  for (const std::string &File : Files) {
    std::vector<CompileCommand> Commands = (*DB)->getCompileCommands(File);
    if (Commands.empty())
      Result.Failures.push_back({File, "not in the compilation database"});
    for (CompileCommand &C : Commands)
      Jobs.push_back({File, std::move(C)});
  }
  return Jobs;
}

/// Parses every job in parallel and extracts its facts (and writes them,
/// with --export-facts).
Error parseDatabase(const std::vector<Job> &Jobs,
                    const AnalysisOptions &Options, const RuntimeList &Runtimes,
                    AnalysisResult &Result, std::vector<TUFacts> &AllFacts) {
  if (!Options.ExportFactsDir.empty())
    if (std::error_code EC =
            sys::fs::create_directories(Options.ExportFactsDir))
      return createStringError(EC, "%s: %s", Options.ExportFactsDir.c_str(),
                               EC.message().c_str());

  std::unique_ptr<FactsCache> Cache;
  if (!Options.CacheDir.empty()) {
    auto Opened = FactsCache::open(Options.CacheDir, Options.CacheMaxBytes,
                                   Runtimes, Options.ModelFiles,
                                   Options.ExtraArgsBefore, Options.ExtraArgs);
    if (!Opened)
      return Opened.takeError();
    Cache = std::move(*Opened);
  }

  // Worker processes exchange files in a private directory, removed when
  // the run ends.
  auto Isolated = useWorkers(Options, Jobs.size());
  if (!Isolated)
    return Isolated.takeError();
  std::optional<WorkerPool> Workers;
  if (*Isolated) {
    auto Dir = createScratchDirectory();
    if (!Dir)
      return Dir.takeError();
    Workers = WorkerPool{Options.WorkerCommand, std::move(*Dir)};
  }
  auto RemoveScratch = make_scope_exit([&] {
    if (Workers)
      sys::fs::remove_directories(Workers->ScratchDir);
  });

  std::vector<JobResult> Results(Jobs.size());
  std::vector<bool> Finished(Jobs.size(), false);
  std::mutex CommitMutex;
  unsigned Done = 0;
  size_t NextToCommit = 0;
  // Results are committed in job order, whatever order threads finish in,
  // so that the deduplication keeps the same copy for any -j. Facts files
  // are written whole, so nothing is dropped when exporting.
  std::vector<std::pair<std::string, std::unique_ptr<SectionDeduplicator>>>
      Dedups;
  if (Options.ExportFactsDir.empty())
    for (const std::unique_ptr<Runtime> &R : Runtimes)
      if (auto D = R->createDeduplicator())
        Dedups.emplace_back(R->name().str(), std::move(D));
  // Called with CommitMutex held, once per job, in any order.
  auto Commit = [&](size_t I, JobResult R) {
    Results[I] = std::move(R);
    Finished[I] = true;
    for (; NextToCommit < Jobs.size() && Finished[NextToCommit];
         ++NextToCommit)
      if (Results[NextToCommit].Ok)
        for (auto &[Name, Dedup] : Dedups)
          if (FactSection *S = Results[NextToCommit].Facts.section(Name))
            Dedup->deduplicate(*S);
    if (Options.Progress)
      Options.Progress(++Done, Jobs.size(), Jobs[I].File);
  };
  ThreadPoolStrategy Threads = hardware_concurrency(Options.Jobs);
  if (Workers) {
    // Cache hits here, in parallel; the misses go to the workers, which
    // store what they extract.
    std::vector<size_t> Misses;
    {
      std::vector<std::optional<TUFacts>> Hits(Jobs.size());
      if (Cache) {
        DefaultThreadPool Pool(Threads);
        for (size_t I = 0; I < Jobs.size(); ++I)
          Pool.async([&, I] { Hits[I] = Cache->lookup(Jobs[I].Command, Runtimes); });
        Pool.wait();
      }
      std::lock_guard<std::mutex> Lock(CommitMutex);
      for (size_t I = 0; I < Jobs.size(); ++I) {
        if (!Hits[I]) {
          Misses.push_back(I);
          continue;
        }
        JobResult R;
        R.Ok = R.FromCache = true;
        R.Facts = std::move(*Hits[I]);
        Commit(I, std::move(R));
      }
    }
    std::vector<Job> ToExtract;
    for (size_t I : Misses)
      ToExtract.push_back(Jobs[I]);
    if (!ToExtract.empty())
      extractInWorkers(*Workers, Threads.compute_thread_count(),
                       workerRequest(ToExtract, Options), Runtimes,
                       [&](size_t I, JobResult R) {
                         std::lock_guard<std::mutex> Lock(CommitMutex);
                         Commit(Misses[I], std::move(R));
                       });
  } else {
    DefaultThreadPool Pool(Threads);
    for (size_t I = 0; I < Jobs.size(); ++I)
      Pool.async([&, I] {
        // The cache stores facts as extracted, before the deduplication
        // below: an entry does not depend on which TUs ran before it.
        JobResult R;
        if (Cache)
          if (std::optional<TUFacts> Hit =
                  Cache->lookup(Jobs[I].Command, Runtimes)) {
            R.Ok = R.FromCache = true;
            R.Facts = std::move(*Hit);
          }
        if (!R.Ok) {
          std::vector<InputFile> Inputs;
          R = runJob(Jobs[I], Runtimes, Options, Cache ? &Inputs : nullptr);
          if (Cache && R.Ok)
            Cache->store(Jobs[I].Command, R.Facts, Runtimes, Inputs);
        }
        std::lock_guard<std::mutex> Lock(CommitMutex);
        Commit(I, std::move(R));
      });
    Pool.wait();
  }
  if (Cache)
    Cache->evict();

  for (size_t I = 0; I < Jobs.size(); ++I) {
    if (!Results[I].Ok) {
      Result.Failures.push_back({Jobs[I].File, Results[I].Failure});
      continue;
    }
    ++Result.TUsAnalyzed;
    Result.FromCache += Results[I].FromCache;
    if (!Options.ExportFactsDir.empty()) {
      SmallString<256> Path(Options.ExportFactsDir);
      sys::path::append(Path, factsFileName(Jobs[I]));
      if (Error E = writeFactsFile(Results[I].Facts, Runtimes, Path)) {
        Result.Failures.push_back({Jobs[I].File, toString(std::move(E))});
        continue;
      }
      Result.FactsWritten.push_back(std::string(Path));
    }
    AllFacts.push_back(std::move(Results[I].Facts));
  }
  return Error::success();
}

} // namespace

int runExtractWorker(StringRef RequestPath, const Plugins &With) {
  auto Request = readWorkerRequest(RequestPath);
  if (!Request) {
    errs() << toString(Request.takeError()) << "\n"; // the worker's log
    return 2;
  }
  RuntimeList Runtimes;
  for (const RuntimeInfo &R : With.Runtimes)
    Runtimes.push_back(R.Create());
  for (const std::string &File : Request->ModelFiles)
    if (Error E = addModelFile(Runtimes, File)) {
      errs() << toString(std::move(E)) << "\n";
      return 2;
    }
  AnalysisOptions Options;
  Options.ExtraArgs = Request->ExtraArgs;
  Options.ExtraArgsBefore = Request->ExtraArgsBefore;
  // The parent looked the TUs up; the worker stores what it extracts.
  std::unique_ptr<FactsCache> Cache;
  if (!Request->CacheDir.empty()) {
    auto Opened = FactsCache::open(Request->CacheDir, Request->CacheMaxBytes,
                                   Runtimes, Request->ModelFiles,
                                   Options.ExtraArgsBefore, Options.ExtraArgs);
    if (!Opened) {
      errs() << toString(Opened.takeError()) << "\n";
      return 2;
    }
    Cache = std::move(*Opened);
  }
  return answerWorkerRequest(*Request, Runtimes, [&](const WorkerTU &TU) {
    std::vector<InputFile> Inputs;
    JobResult R =
        runJob({TU.File, TU.Command}, Runtimes, Options, Cache ? &Inputs : nullptr);
    if (Cache && R.Ok)
      Cache->store(TU.Command, R.Facts, Runtimes, Inputs);
    return R;
  });
}

namespace {

/// The model files of a run: the union of the `Models` of the
/// configurations in use (models describe libraries, not files), in
/// configuration path order, then the command line's. Two configurations
/// that bring different files for one model name would make the rules of
/// that library depend on the order: an error naming both.
Expected<std::vector<std::string>>
modelUnion(const std::vector<const EffectiveConfig *> &Configs,
           const std::vector<std::string> &CommandLine) {
  std::vector<std::string> Files;
  // (runtime, name) -> (configuration, file)
  std::map<std::pair<std::string, std::string>,
           std::pair<std::string, std::string>>
      Owners;
  for (const EffectiveConfig *C : Configs)
    for (const std::string &Model : C->Models) {
      std::string File = normalizedAbsolute(Model);
      if (llvm::is_contained(Files, File))
        continue;
      Files.push_back(File);
      auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/true);
      if (!Buffer)
        continue; // loading it reports the error, with its name
      auto [It, New] = Owners.try_emplace(
          modelIdentity((*Buffer)->getBuffer()), C->Path, File);
      if (!New && It->second.first != C->Path)
        return createStringError(
            inconvertibleErrorCode(),
            "%s and %s both load a model named '%s' (%s, %s): models describe "
            "libraries for the whole run, so give them different names or "
            "share one file",
            It->second.first.c_str(), C->Path.c_str(),
            It->first.second.c_str(), It->second.second.c_str(),
            File.c_str());
    }
  llvm::append_range(Files, CommandLine);
  return Files;
}

} // namespace

Expected<AnalysisResult> runAnalysis(const AnalysisOptions &Options,
                                     const Plugins &With) {
  // Together they would read facts, then stop before the checks: a run
  // that reports nothing and exits 0.
  if (!Options.ExportFactsDir.empty() && !Options.ImportFactsDir.empty())
    return createStringError(inconvertibleErrorCode(),
                             "--export-facts and --import-facts cannot be "
                             "used together");

  if (!Options.HeaderFilter.empty()) {
    std::string Why;
    if (!Regex(Options.HeaderFilter).isValid(Why))
      return createStringError(inconvertibleErrorCode(),
                               "invalid header filter '%s': %s",
                               Options.HeaderFilter.c_str(), Why.c_str());
  }

  // The command line's checks and options alone first, so that their
  // errors name no file; a file's are checked when it is read.
  auto CommandLine =
      createChecks(With.Checks, Options.Checks, Options.CheckOpts);
  if (!CommandLine)
    return CommandLine.takeError();
  bool NoConfigFiles = Options.ConfigFile.empty() && !Options.FindConfigs;
  if (CommandLine->Enabled.empty() && Options.ExportFactsDir.empty() &&
      (Options.ChecksGiven || NoConfigFiles))
    return createStringError(inconvertibleErrorCode(),
                             "no checks enabled by --checks='%s'",
                             Options.Checks.c_str());
  ConfigOverrides Overrides;
  Overrides.DefaultChecks = Options.Checks;
  Overrides.ChecksGiven = Options.ChecksGiven;
  Overrides.Options = Options.CheckOpts;
  Overrides.HeaderFilter = Options.HeaderFilter;
  ConfigResolver Configs(With.Checks, std::move(Overrides), Options.ConfigFile,
                         Options.FindConfigs, Options.ConfigFallbackDirectory);

  AnalysisResult Result;
  std::vector<TUFacts> AllFacts;
  RuntimeList Runtimes;
  for (const RuntimeInfo &R : With.Runtimes)
    Runtimes.push_back(R.Create());

  // The configurations known before extraction: the fallback and those of
  // the analyzed sources. Their models are the ones extraction uses.
  std::vector<Job> Jobs;
  std::vector<std::string> MainFiles;
  if (Options.ImportFactsDir.empty()) {
    auto Listed = listJobs(Options, Result);
    if (!Listed)
      return Listed.takeError();
    Jobs = std::move(*Listed);
    for (const Job &J : Jobs)
      MainFiles.push_back(normalizedAbsolute(J.File));
  } else {
    if (Error E = importFacts(Options, Runtimes, Result, AllFacts))
      return E;
    for (const TUFacts &F : AllFacts)
      MainFiles.push_back(F.MainFile);
  }
  std::vector<const EffectiveConfig *> Known;
  auto Fallback = Configs.fallback();
  if (!Fallback)
    return Fallback.takeError();
  Known.push_back(*Fallback);
  for (const std::string &File : MainFiles) {
    auto C = Configs.forFile(File);
    if (!C)
      return C.takeError();
    if (!llvm::is_contained(Known, *C))
      Known.push_back(*C);
  }
  llvm::sort(Known, [](const EffectiveConfig *A, const EffectiveConfig *B) {
    return A->Path < B->Path;
  });
  auto Models = modelUnion(Known, Options.ModelFiles);
  if (!Models)
    return Models.takeError();
  for (const std::string &File : *Models)
    if (Error E = addModelFile(Runtimes, File))
      return E;
  if (Options.ExportFactsDir.empty()) {
    bool AnyCheck = false;
    for (const EffectiveConfig *C : Known) {
      auto Names = enabledChecks(With.Checks, C->Checks);
      AnyCheck |= Names && !Names->empty();
      if (!Names)
        consumeError(Names.takeError());
    }
    if (!AnyCheck)
      return createStringError(
          inconvertibleErrorCode(),
          Known.back()->Path.empty()
              ? formatv("no checks enabled by --checks='{0}'",
                        Known.back()->Checks)
                    .str()
              : formatv("no checks enabled: {0} sets Checks: '{1}'",
                        Known.back()->Path, Known.back()->Checks)
                    .str());
  }

  if (Options.ImportFactsDir.empty()) {
    AnalysisOptions Extract = Options;
    Extract.ModelFiles = *Models; // the workers' and the cache's
    if (Error E = parseDatabase(Jobs, Extract, Runtimes, Result, AllFacts))
      return E;
  }

  llvm::stable_sort(Result.Failures, [](const TUFailure &A, const TUFailure &B) {
    return A.File < B.File;
  });
  if (!Options.ExportFactsDir.empty())
    return Result;

  std::set<std::string> MainFileSet;
  for (const TUFacts &F : AllFacts)
    MainFileSet.insert(F.MainFile);
  Program P = Program::build(Runtimes, std::move(AllFacts));

  // The checks run once per distinct configuration that governs a finding,
  // over the same program; a run keeps the findings its configuration
  // governs. A finding governed by a configuration not run yet (one above a
  // header only) queues that configuration.
  std::vector<const EffectiveConfig *> Queue = Known;
  std::set<std::string> RunKeys;
  std::set<std::string> HonourAnnotations; // checks that read them (Check.h)
  std::vector<std::pair<Finding, const EffectiveConfig *>> Governed;
  for (size_t Next = 0; Next < Queue.size(); ++Next) {
    const EffectiveConfig *Run = Queue[Next];
    if (!RunKeys.insert(Run->runKey()).second)
      continue;
    auto Checks = createChecks(With.Checks, Run->Checks, Run->Options);
    if (!Checks)
      return Checks.takeError();
    std::vector<Finding> Found;
    for (const std::unique_ptr<Check> &C : Checks->Enabled) {
      C->run(P, Found);
      if (C->honoursStrongBackLinks())
        HonourAnnotations.insert(C->name());
    }
    for (Finding &F : Found) {
      auto Governor = Configs.forFile(F.Warning.Loc.File);
      if (!Governor)
        return Governor.takeError();
      if ((*Governor)->runKey() == Run->runKey())
        Governed.emplace_back(std::move(F), *Governor);
      else if (!llvm::is_contained(Queue, *Governor))
        Queue.push_back(*Governor);
    }
  }
  // A configuration met only above a header came after extraction: its
  // models were not loaded.
  for (const EffectiveConfig *C : Queue)
    for (const std::string &Model : C->Models)
      if (!llvm::is_contained(*Models, normalizedAbsolute(Model))) {
        Result.Warnings.push_back(
            C->Path + ": Models: '" + Model +
            "' not loaded: no analyzed source file is under this "
            "configuration, and models are read before the sources");
      }

  // HeaderFilterRegex of the governing configuration, then NOLINT comments
  // on any line of a finding, and CYCLINT_STRONG_BACK_LINK on a
  // declaration it points at for checks that do not read it
  // (core/Suppression.h).
  std::map<std::string, std::unique_ptr<Regex>> HeaderFilters;
  SuppressionFilter Filter(diskFileReader(), P.strongBackLinks());
  for (auto &[F, Governor] : Governed) {
    const std::string &File = F.Warning.Loc.File;
    std::unique_ptr<Regex> &HeaderFilter =
        HeaderFilters[Governor->HeaderFilter];
    if (!HeaderFilter && !Governor->HeaderFilter.empty())
      HeaderFilter = std::make_unique<Regex>(Governor->HeaderFilter);
    if (HeaderFilter && !MainFileSet.count(File) && !HeaderFilter->match(File))
      ++Result.Filtered;
    else if (Filter.suppressed(F, !HonourAnnotations.count(F.CheckName)))
      ++Result.Suppressed;
    else
      Result.Findings.push_back(std::move(F));
  }
  sortFindings(Result.Findings);
  return Result;
}

} // namespace cyclint
