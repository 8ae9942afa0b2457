//===- Worker.h - One TU's extraction in a worker process -------*- C++ -*-===//
//
// Crash isolation. A TU can crash the front end (a Clang bug, a stack
// overflow on pathological nesting), hang, or exhaust memory; in one process
// that loses every other TU's results. In isolated mode the driver hands each
// TU to a child process, the front end's own executable re-run in its hidden
// worker mode, and the child's fate stays the child's: the TU is reported as
// one failure line and the run goes on.
//
//   parent  writes a request file (the compile command and everything that
//           shapes extraction: extra arguments, model files, the time limit),
//           starts the worker with llvm::sys::ExecuteNoWait (a memory limit
//           becomes the child's RLIMIT_DATA) and waits for it
//   worker  extracts the TU under a CrashRecoveryContext, with a watchdog
//           thread for the time limit and a bad-alloc handler for the memory
//           limit, and answers with a facts file (the --export-facts format,
//           core/Facts.h) or a one-line reason; its exit code says which
//   parent  reads the facts back, or turns the exit code or the signal that
//           killed the worker into the TU's failure line
//
// The facts go through the same JSON as --export-facts/--import-facts, so
// the findings are the same bytes as an in-process run's.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_WORKER_H
#define CYCLINT_CORE_WORKER_H

#include "core/Facts.h"

#include "clang/Tooling/CompilationDatabase.h"
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

/// Everything besides the compile command that changes a TU's facts, and
/// the limits it runs under.
struct WorkerRequest {
  std::string File; // the database file the command is for
  clang::tooling::CompileCommand Command;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  std::vector<std::string> ModelFiles;
  unsigned TimeoutSeconds = 0;  // 0: none
  unsigned MemoryLimitMB = 0;   // 0: none
  std::string ResultPath;       // where the worker answers
};

/// How the parent starts workers.
struct WorkerPool {
  /// The worker's command line; the request file's path is appended.
  std::vector<std::string> Command;
  /// A private directory for requests and results (createScratchDirectory).
  std::string ScratchDir;
};

/// Makes the private directory workers exchange files in.
llvm::Expected<std::string> createScratchDirectory();

/// Parent side: runs one TU in a worker process and waits for it. `Slot`
/// names the exchange files; concurrent calls must use different slots.
TUOutcome extractInWorker(const WorkerPool &Pool, unsigned Slot,
                          WorkerRequest Request, const RuntimeList &Runtimes);

/// Worker side: reads a request file.
llvm::Expected<WorkerRequest> readWorkerRequest(llvm::StringRef Path);

/// Worker side: runs `Extract` with the request's limits enforced and writes
/// the answer to the request's ResultPath. Returns the worker's exit code.
int answerWorkerRequest(const WorkerRequest &Request,
                        const RuntimeList &Runtimes,
                        llvm::unique_function<TUOutcome()> Extract);

} // namespace cyclint

#endif // CYCLINT_CORE_WORKER_H
