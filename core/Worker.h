//===- Worker.h - TU extraction in worker processes -------------*- C++ -*-===//
//
// Crash isolation. A TU can crash the front end (a Clang bug, a stack
// overflow on pathological nesting), hang, or exhaust memory; in one process
// that loses every other TU's results. In isolated mode the driver hands TUs
// to child processes, the front end's own executable re-run in its hidden
// worker mode, and a child's fate stays the child's: the TU it was parsing
// is reported as one failure line and the run goes on.
//
//   parent  writes a request file (a batch of compile commands and what
//           shapes extraction: extra arguments, model files, the time limit),
//           starts a worker with llvm::sys::ExecuteNoWait (a memory limit
//           becomes the child's RLIMIT_DATA) and waits for it
//   worker  extracts the TUs in order, each under a CrashRecoveryContext
//           and a watchdog deadline, with a bad-alloc handler for the memory
//           limit; after each it writes a facts file (the --export-facts
//           format, core/Facts.h) or a one-line reason. A crash, a timeout
//           or an out-of-memory ends the worker.
//   parent  reads the answers back. The first TU without one is the TU the
//           worker died on: its failure comes from the worker's exit code or
//           the signal that killed it, and a new worker takes the rest.
//
// One worker per batch, not per TU: starting the executable (loading and
// relocating the LLVM and Clang libraries, reading the built-in models)
// costs about as much as parsing a small TU. The facts go through the same
// JSON as --export-facts/--import-facts, so the findings are the same bytes
// as an in-process run's.
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
};

/// One TU of a request: the database file and its compile command.
struct WorkerTU {
  std::string File;
  clang::tooling::CompileCommand Command;
};

/// A batch of TUs, with everything besides the compile commands that
/// changes their facts, and the limits each runs under.
struct WorkerRequest {
  std::vector<WorkerTU> TUs;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  std::vector<std::string> ModelFiles;
  unsigned TimeoutSeconds = 0; // per TU; 0: none
  unsigned MemoryLimitMB = 0;  // per worker; 0: none
  /// The answer for TUs[I] is <ResultPrefix><I>.facts.json or
  /// <ResultPrefix><I>.failure.
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

/// Parent side: extracts `Request.TUs` in worker processes, starting a new
/// worker after one dies, and returns one outcome per TU, in order. `Slot`
/// names the exchange files: concurrent calls must use different slots.
std::vector<TUOutcome> extractInWorkers(const WorkerPool &Pool, unsigned Slot,
                                        WorkerRequest Request,
                                        const RuntimeList &Runtimes);

/// Worker side: reads a request file.
llvm::Expected<WorkerRequest> readWorkerRequest(llvm::StringRef Path);

/// Worker side: runs `Extract` on each TU of the request with the limits
/// enforced, writing each answer as it is known. Returns the worker's exit
/// code.
int answerWorkerRequest(
    const WorkerRequest &Request, const RuntimeList &Runtimes,
    llvm::function_ref<TUOutcome(const WorkerTU &)> Extract);

} // namespace cyclint

#endif // CYCLINT_CORE_WORKER_H
