//===- Worker.h - TU extraction in worker processes -------------*- C++ -*-===//
//
// Crash isolation. A TU can crash the front end (a Clang bug, a stack
// overflow on pathological nesting), hang, or exhaust memory; in one process
// that loses every other TU's results. In isolated mode the driver hands TUs
// to child processes, the front end's own executable re-run in its hidden
// worker mode, and a child's fate stays the child's: the TU it was parsing
// is reported as one failure line and the run goes on.
//
//   parent  writes one request file (every compile command, and what shapes
//           extraction: extra arguments, model files, the time limit) and
//           keeps one worker per thread running, started with
//           llvm::sys::ExecuteNoWait (a memory limit becomes the worker's
//           RLIMIT_DATA)
//   worker  claims the next TU no worker has claimed (an exclusively created
//           claim file holding its process id), extracts it under a
//           CrashRecoveryContext and a watchdog deadline, with a bad-alloc
//           handler for the memory limit, and answers with a facts file (the
//           --export-facts format, core/Facts.h) or a one-line reason; then
//           the next. A crash, a timeout or an out-of-memory ends it.
//   parent  reads the answers as they come. When a worker dies, the TU it
//           claimed and did not answer gets its failure from the worker's
//           exit code or the signal that killed it, and a new worker goes on
//           with the TUs nobody claimed yet.
//
// Long-lived workers, not one per TU: starting the executable (loading and
// relocating the LLVM and Clang libraries, reading the built-in models)
// costs about as much as parsing a small TU. Claims rather than batches keep
// every worker busy until the last TU. The facts go through the same JSON as
// --export-facts/--import-facts, so the findings are the same bytes as an
// in-process run's.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_WORKER_H
#define CYCLINT_CORE_WORKER_H

#include "core/Facts.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace cyclint {

/// What one TU's extraction gave: its facts, or why there are none.
struct TUOutcome {
  bool Ok = false;
  std::string Failure; // one line, when !Ok
  TUFacts Facts;
  bool FromCache = false; // reused from the facts cache (core/FactsCache.h)
};

/// One TU of a request: the database file and its compile command.
struct WorkerTU {
  std::string File;
  clang::tooling::CompileCommand Command;
};

/// The TUs to extract, with everything besides the compile commands that
/// changes their facts, and the limits each runs under.
struct WorkerRequest {
  std::vector<WorkerTU> TUs;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  std::vector<std::string> ModelFiles;
  unsigned TimeoutSeconds = 0; // per TU; 0: none
  unsigned MemoryLimitMB = 0;  // per worker; 0: none
  /// The facts cache the worker stores its TUs in; empty: none.
  std::string CacheDir;
  uint64_t CacheMaxBytes = 0;
  /// TUs[I] is claimed by creating <ResultPrefix><I>.claim, and answered by
  /// <ResultPrefix><I>.facts.json or <ResultPrefix><I>.failure.
  std::string ResultPrefix;
};

/// How the parent starts workers.
struct WorkerPool {
  /// The worker's command line; the request file's path is appended.
  std::vector<std::string> Command;
  /// A private directory for requests and answers (createScratchDirectory).
  std::string ScratchDir;
};

/// Makes the private directory workers exchange files in.
llvm::Expected<std::string> createScratchDirectory();

/// Parent side: extracts `Request.TUs` with `Workers` worker processes at a
/// time, starting a new worker after one dies. `Answer(I, Outcome)` is called
/// once per TU as its outcome is known, in any order, from the calling
/// thread.
void extractInWorkers(const WorkerPool &Pool, unsigned Workers,
                      WorkerRequest Request, const RuntimeList &Runtimes,
                      llvm::function_ref<void(size_t, TUOutcome)> Answer);

/// Worker side: reads a request file.
llvm::Expected<WorkerRequest> readWorkerRequest(llvm::StringRef Path);

/// Worker side: claims TUs of the request and runs `Extract` on each with
/// the limits enforced, writing each answer as it is known, until none is
/// left. Returns the worker's exit code.
int answerWorkerRequest(
    const WorkerRequest &Request, const RuntimeList &Runtimes,
    llvm::function_ref<TUOutcome(const WorkerTU &)> Extract);

} // namespace cyclint

#endif // CYCLINT_CORE_WORKER_H
