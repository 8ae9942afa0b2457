//===- Worker.cpp - One TU's extraction in a worker process ---------------===//
//
// Both sides of the worker protocol (Worker.h). The worker answers with its
// exit code; a worker that did not get to answer died of a signal, and
// llvm::sys::Wait names it. Processes are started and reaped with LLVM's
// process support only: no fork, no signal handlers of our own. The time
// limit is the worker's own watchdog rather than the parent's
// sys::Wait(SecondsToWait), which arms a process-wide alarm() and so cannot
// serve several waiting threads at once.
//
//===----------------------------------------------------------------------===//

#include "core/Worker.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstring>
#include <thread>

using namespace llvm;
using clang::tooling::CompileCommand;

namespace cyclint {

namespace {

/// The worker's exit codes. A worker that dies of a signal has none.
enum WorkerExit : int {
  Extracted = 0,   // facts written to the result file
  NotAnalyzed = 1, // one-line reason written to the result file
  BadRequest = 2,  // the request did not read (or the worker's argv)
  TimedOut = 3,    // the watchdog fired
  OutOfMemory = 4, // an allocation failed (the memory limit)
};

constexpr const char *RequestFormat = "cyclint-worker-request";
constexpr int RequestVersion = 1;

json::Value toJSON(const WorkerRequest &R) {
  return json::Object{
      {"format", RequestFormat},
      {"version", RequestVersion},
      {"file", R.File},
      {"directory", R.Command.Directory},
      {"filename", R.Command.Filename},
      {"arguments", R.Command.CommandLine},
      {"output", R.Command.Output},
      {"extraArgs", R.ExtraArgs},
      {"extraArgsBefore", R.ExtraArgsBefore},
      {"models", R.ModelFiles},
      {"timeoutSeconds", R.TimeoutSeconds},
      {"memoryLimitMB", R.MemoryLimitMB},
      {"result", R.ResultPath}};
}

/// The reason a signal gives, as sys::Wait words it for a child.
std::string signalName(int Signal) {
#ifdef LLVM_ON_UNIX
  if (const char *Name = strsignal(Signal))
    return Name;
#endif
  return "signal " + std::to_string(Signal);
}

/// Writes the whole file or nothing: the parent never reads half a reason.
Error writeText(StringRef Path, StringRef Text) {
  return writeToOutput(Path, [&](raw_ostream &OS) {
    OS << Text;
    return Error::success();
  });
}

std::string firstLine(StringRef Text) {
  return Text.trim().split('\n').first.trim().str();
}

} // namespace

Expected<std::string> createScratchDirectory() {
  SmallString<256> Dir;
  if (std::error_code EC = sys::fs::createUniqueDirectory("cyclint", Dir))
    return createStringError(EC, "cannot create a directory for worker "
                                 "processes: %s",
                             EC.message().c_str());
  return std::string(Dir);
}

Expected<WorkerRequest> readWorkerRequest(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createFileError(Path, Buffer.getError());
  auto Value = json::parse((*Buffer)->getBuffer());
  if (!Value)
    return createFileError(Path, Value.takeError());
  json::Path::Root Root("request");
  json::ObjectMapper O(*Value, Root);
  WorkerRequest R;
  std::string Format;
  int Version = 0;
  int64_t Timeout = 0, MemoryLimit = 0;
  if (!O || !O.map("format", Format) || !O.map("version", Version) ||
      !O.map("file", R.File) || !O.map("directory", R.Command.Directory) ||
      !O.map("filename", R.Command.Filename) ||
      !O.map("arguments", R.Command.CommandLine) ||
      !O.map("output", R.Command.Output) ||
      !O.map("extraArgs", R.ExtraArgs) ||
      !O.map("extraArgsBefore", R.ExtraArgsBefore) ||
      !O.map("models", R.ModelFiles) || !O.map("timeoutSeconds", Timeout) ||
      !O.map("memoryLimitMB", MemoryLimit) || !O.map("result", R.ResultPath))
    return createFileError(Path, Root.getError());
  // A request from another cyclint (a stale binary under the same path).
  if (Format != RequestFormat || Version != RequestVersion)
    return createFileError(Path, createStringError(inconvertibleErrorCode(),
                                                   "not a version %d worker "
                                                   "request",
                                                   RequestVersion));
  R.TimeoutSeconds = Timeout;
  R.MemoryLimitMB = MemoryLimit;
  return R;
}

int answerWorkerRequest(const WorkerRequest &Request,
                        const RuntimeList &Runtimes,
                        unique_function<TUOutcome()> Extract) {
  // The time limit: a thread that outlives the parse ends the process. It
  // exits with a code of its own, so the parent can tell a timeout from a
  // crash; a finished worker exits before it wakes.
  if (Request.TimeoutSeconds)
    std::thread([Seconds = Request.TimeoutSeconds] {
      std::this_thread::sleep_for(std::chrono::seconds(Seconds));
      sys::Process::Exit(TimedOut, /*NoCleanup=*/true);
    }).detach();
  // The memory limit is the RLIMIT_DATA the parent set: the allocation that
  // crosses it fails, and LLVM's new-handler (InitLLVM) reports it here.
  // Nothing is left to write a reason with, so the exit code says it.
  install_bad_alloc_error_handler([](void *, const char *, bool) {
    sys::Process::Exit(OutOfMemory, /*NoCleanup=*/true);
  });

  // A crash in the front end comes back here as a failed RunSafely; the
  // process then only writes one line and exits, never touching the TU's
  // state again. (A stack overflow cannot be recovered: the handler has no
  // stack to run on. The worker dies of the signal and the parent names it.)
  CrashRecoveryContext::Enable();
  CrashRecoveryContext CRC;
  TUOutcome Outcome;
  bool Completed = CRC.RunSafely([&] { Outcome = Extract(); });
  if (!Completed) {
    // sys::Process::Exit inside the context lands here too (the bad-alloc
    // handler's): pass its code on, touching nothing.
    if (CRC.RetCode <= 128)
      sys::Process::Exit(CRC.RetCode, /*NoCleanup=*/true);
    if (Error E = writeText(Request.ResultPath,
                            "the front end crashed (" +
                                signalName(CRC.RetCode - 128) +
                                "), not analyzed")) {
      errs() << toString(std::move(E)) << "\n";
      return BadRequest;
    }
    return NotAnalyzed;
  }
  if (!Outcome.Ok) {
    if (Error E = writeText(Request.ResultPath, Outcome.Failure)) {
      errs() << toString(std::move(E)) << "\n";
      return BadRequest;
    }
    return NotAnalyzed;
  }
  if (Error E = writeFactsFile(Outcome.Facts, Runtimes, Request.ResultPath)) {
    errs() << toString(std::move(E)) << "\n";
    return BadRequest;
  }
  return Extracted;
}

TUOutcome extractInWorker(const WorkerPool &Pool, unsigned Slot,
                          WorkerRequest Request, const RuntimeList &Runtimes) {
  auto Scratch = [&](StringRef Suffix) {
    SmallString<256> Path(Pool.ScratchDir);
    sys::path::append(Path, formatv("tu-{0}.{1}", Slot, Suffix).str());
    return std::string(Path);
  };
  std::string RequestPath = Scratch("request.json"),
              ResultPath = Scratch("result"), LogPath = Scratch("log");
  Request.ResultPath = ResultPath;
  // A result left by an earlier TU in this slot must not pass for this one's.
  sys::fs::remove(ResultPath);
  auto Cleanup = make_scope_exit([&] {
    sys::fs::remove(RequestPath);
    sys::fs::remove(ResultPath);
    sys::fs::remove(LogPath);
  });

  TUOutcome Out;
  if (Error E = writeText(RequestPath, formatv("{0}", toJSON(Request)).str())) {
    Out.Failure = "cannot write the worker's request: " + toString(std::move(E));
    return Out;
  }

  std::vector<StringRef> Args(Pool.Command.begin(), Pool.Command.end());
  Args.push_back(RequestPath);
  // No input; the worker's own output (it prints nothing unless something
  // is wrong with the worker itself) goes to a log.
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(LogPath),
                                          StringRef(LogPath)};
  std::string Message;
  bool ExecutionFailed = false;
  sys::ProcessInfo Child = sys::ExecuteNoWait(
      Args.front(), Args, /*Env=*/std::nullopt, Redirects,
      Request.MemoryLimitMB, &Message, &ExecutionFailed);
  if (ExecutionFailed || Child.Pid == sys::ProcessInfo::InvalidPid) {
    Out.Failure = "cannot start a worker process (" + Message +
                  "), not analyzed";
    return Out;
  }
  // No time limit here: several threads wait at once, and the worker keeps
  // its own (see the file comment).
  sys::ProcessInfo Done = sys::Wait(Child, /*SecondsToWait=*/std::nullopt,
                                    &Message);

  auto Log = [&] {
    auto Buffer = MemoryBuffer::getFile(LogPath);
    return Buffer ? firstLine((*Buffer)->getBuffer()) : std::string();
  };
  switch (Done.ReturnCode) {
  case Extracted: {
    auto Facts = readFactsFile(ResultPath, Runtimes);
    if (!Facts) {
      Out.Failure = "the worker's facts do not read (" +
                    toString(Facts.takeError()) + "), not analyzed";
      return Out;
    }
    Out.Ok = true;
    Out.Facts = std::move(*Facts);
    return Out;
  }
  case NotAnalyzed: {
    auto Reason = MemoryBuffer::getFile(ResultPath);
    Out.Failure = Reason ? (*Reason)->getBuffer().str()
                         : "the worker gave no reason, not analyzed";
    return Out;
  }
  case TimedOut:
    Out.Failure = formatv("timed out after {0} second{1}, not analyzed",
                          Request.TimeoutSeconds,
                          Request.TimeoutSeconds == 1 ? "" : "s")
                      .str();
    return Out;
  case OutOfMemory:
    Out.Failure = Request.MemoryLimitMB
                      ? formatv("out of memory (limit {0} MB), not analyzed",
                                Request.MemoryLimitMB)
                            .str()
                      : std::string("out of memory, not analyzed");
    return Out;
  case -2: // killed by a signal
    Out.Failure = "the front end crashed (" + Message + "), not analyzed";
    return Out;
  default: {
    std::string Why = Log();
    if (Why.empty())
      Why = Message.empty() ? "exit code " + std::to_string(Done.ReturnCode)
                            : Message;
    Out.Failure = "the worker process failed (" + Why + "), not analyzed";
    return Out;
  }
  }
}

} // namespace cyclint
