//===- Driver.h - One analysis run, from compile database to findings -*- C++ -*-===//
//
// The library entry point the front ends (CLI, and later the clang-tidy
// module) call. It knows nothing of argv or stdout, nor of any runtime or
// check: it takes options and the plug-ins to use (models/Runtimes.h,
// checks/Checks.h), and returns findings, per-TU failures and counts.
//
//   extract  every TU of the compile database, in parallel, into TUFacts
//            (one section per runtime)
//   merge    all TUFacts into one Program (one view per runtime)
//   check    run the enabled checks over the program, once per distinct
//            configuration that governs a finding (core/Config.h)
//
// `ExportFactsDir` stops after extract and writes one facts file per TU;
// `ImportFactsDir` starts at merge from such a directory.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_DRIVER_H
#define CYCLINT_CORE_DRIVER_H

#include "core/Check.h"
#include "core/Finding.h"
#include "core/Runtime.h"

#include "llvm/Support/Error.h"

#include <functional>
#include <string>
#include <vector>

namespace cyclint {

struct AnalysisOptions {
  std::string BuildPath;          // directory or compile_commands.json
  std::vector<std::string> Files; // empty: every file in the database
  unsigned Jobs = 0;              // 0: all cores
  /// The checks where no configuration file sets them; with ChecksGiven
  /// (`--checks`), the checks of every configuration.
  std::string Checks = "cyclint-*";
  bool ChecksGiven = false;
  /// Options set on the command line: they win over every configuration's.
  CheckOptions CheckOpts;
  /// Model files given on the command line, loaded after the models of
  /// every configuration in use.
  std::vector<std::string> ModelFiles;
  /// Configuration files (core/Config.h, docs/CONFIG.md). With ConfigFile,
  /// that file governs every finding. Otherwise, with FindConfigs, each
  /// finding is governed by the nearest `.cyclint.yaml` above the file of
  /// its warning, or, for a file with none, the nearest above
  /// ConfigFallbackDirectory (empty: the current directory). Neither: the
  /// options above and HeaderFilter govern everything.
  std::string ConfigFile;
  bool FindConfigs = false;
  std::string ConfigFallbackDirectory;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  std::string ExportFactsDir;
  std::string ImportFactsDir;
  /// The incremental cache (core/FactsCache.h): empty, none. Each TU whose
  /// command and files are unchanged since an earlier run with the same
  /// cyclint and models reuses that run's facts instead of being parsed.
  std::string CacheDir;
  uint64_t CacheMaxBytes = uint64_t(1) << 30;
  /// Findings whose warning is in a header (a file that is no analyzed TU's
  /// main file) are kept only if the header's path matches this regex;
  /// empty: all are kept. (System headers never hold a finding.) A
  /// configuration file's HeaderFilterRegex replaces it for the files it
  /// governs.
  std::string HeaderFilter;
  /// Where TUs are extracted (core/Worker.h). In worker processes, a TU
  /// that crashes the front end, runs past TUTimeoutSeconds or allocates past
  /// TUMemoryLimitMB is one failure and the others are still analyzed. Auto:
  /// worker processes when more than one TU is parsed or a limit is set,
  /// and a WorkerCommand is given; this process otherwise.
  enum class Isolation { Auto, Process, None };
  Isolation Isolate = Isolation::Auto;
  /// How to start a worker: the front end's command line for its worker
  /// mode (runExtractWorker); the request file's path is appended.
  std::vector<std::string> WorkerCommand;
  unsigned TUTimeoutSeconds = 0; // 0: no limit
  unsigned TUMemoryLimitMB = 0;  // 0: no limit
  /// Called after each TU, from worker threads but never concurrently.
  std::function<void(unsigned Done, unsigned Total, llvm::StringRef File)>
      Progress;
};

/// A TU that could not be analyzed, and why, in one line.
struct TUFailure {
  std::string File;
  std::string Reason;
};

struct AnalysisResult {
  unsigned TUsAnalyzed = 0;
  unsigned FromCache = 0;          // of TUsAnalyzed, reused from the cache
  std::vector<TUFailure> Failures; // sorted by file
  std::vector<Finding> Findings;   // sorted by location
  unsigned Suppressed = 0;         // hidden by NOLINT or an annotation
  unsigned Filtered = 0;           // in headers HeaderFilter does not match
  std::vector<std::string> FactsWritten;
  /// Problems that did not stop the run, one line each (a configuration
  /// that governs only headers and names models: they came too late).
  std::vector<std::string> Warnings;
};

/// What a front end brings: the runtimes to load and the checks to offer.
struct Plugins {
  std::vector<RuntimeInfo> Runtimes;
  std::vector<CheckInfo> Checks;
};

/// Errors are problems with the whole run (database, configuration, model):
/// the CLI maps them to exit code 2. Per-TU problems are Failures.
llvm::Expected<AnalysisResult> runAnalysis(const AnalysisOptions &Options,
                                           const Plugins &With);

/// The worker mode of a front end (core/Worker.h): extracts the one TU the
/// request file names and writes its facts or failure where the request
/// says. Returns the worker's exit code, which the parent reads.
int runExtractWorker(llvm::StringRef RequestPath, const Plugins &With);

} // namespace cyclint

#endif // CYCLINT_CORE_DRIVER_H
