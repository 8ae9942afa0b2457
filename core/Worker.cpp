//===- Worker.cpp - TU extraction in worker processes ---------------------===//
//
// Both sides of the worker protocol (Worker.h). A worker answers each TU in
// a file of its own; when it stops early, its exit code says why (a
// timeout, an out-of-memory), or llvm::sys::Wait names the signal that
// killed it. Processes are started and reaped with LLVM's process support
// only: no fork, no signal handlers of our own. The time limit is the
// worker's own watchdog rather than the parent's sys::Wait(SecondsToWait),
// which arms a process-wide alarm() and so cannot serve several waiting
// threads at once.
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
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

using namespace llvm;
using clang::tooling::CompileCommand;

namespace cyclint {

// Found by ADL from json::Value and ObjectMapper: not in the anonymous
// namespace.
json::Value toJSON(const WorkerTU &TU) {
  return json::Object{{"file", TU.File},
                      {"directory", TU.Command.Directory},
                      {"filename", TU.Command.Filename},
                      {"arguments", TU.Command.CommandLine},
                      {"output", TU.Command.Output}};
}

bool fromJSON(const json::Value &V, WorkerTU &TU, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("file", TU.File) &&
         O.map("directory", TU.Command.Directory) &&
         O.map("filename", TU.Command.Filename) &&
         O.map("arguments", TU.Command.CommandLine) &&
         O.map("output", TU.Command.Output);
}

namespace {

/// The worker's exit codes. A worker that dies of a signal has none.
enum WorkerExit : int {
  AllAnswered = 0, // every TU has its answer file
  Crashed = 1,     // the last answer is a crash; the rest are not started
  BadRequest = 2,  // the request did not read (or the worker's argv)
  TimedOut = 3,    // the watchdog fired on the first unanswered TU
  OutOfMemory = 4, // an allocation failed in the first unanswered TU
};

constexpr const char *RequestFormat = "cyclint-worker-request";
constexpr int RequestVersion = 1;

json::Value toJSON(const WorkerRequest &R) {
  return json::Object{{"format", RequestFormat},
                      {"version", RequestVersion},
                      {"tus", R.TUs},
                      {"extraArgs", R.ExtraArgs},
                      {"extraArgsBefore", R.ExtraArgsBefore},
                      {"models", R.ModelFiles},
                      {"timeoutSeconds", R.TimeoutSeconds},
                      {"memoryLimitMB", R.MemoryLimitMB},
                      {"resultPrefix", R.ResultPrefix}};
}

std::string factsAnswer(StringRef Prefix, size_t I) {
  return (Prefix + Twine(I) + ".facts.json").str();
}
std::string failureAnswer(StringRef Prefix, size_t I) {
  return (Prefix + Twine(I) + ".failure").str();
}

/// The time limit: one thread for the worker's life that ends the process
/// when the TU being parsed passes its deadline, with an exit code of its
/// own so that the parent can tell a timeout from a crash. Disarming takes
/// the same lock as firing, so a TU that finished is never blamed, nor the
/// next one.
class Watchdog {
public:
  explicit Watchdog(unsigned Seconds) : Seconds(Seconds) {
    if (!Seconds)
      return;
    // Shared with the thread, which is never joined: the process ends with
    // it still waiting.
    std::thread([S = State] {
      std::unique_lock<std::mutex> Lock(S->M);
      for (;;) {
        if (!S->Deadline)
          S->Wake.wait(Lock);
        else if (std::chrono::steady_clock::now() >= *S->Deadline)
          sys::Process::Exit(TimedOut, /*NoCleanup=*/true);
        else
          S->Wake.wait_until(Lock, *S->Deadline);
      }
    }).detach();
  }
  void arm() {
    if (!Seconds)
      return;
    std::lock_guard<std::mutex> Lock(State->M);
    State->Deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(Seconds);
    State->Wake.notify_one();
  }
  void disarm() {
    if (!Seconds)
      return;
    std::lock_guard<std::mutex> Lock(State->M);
    State->Deadline.reset();
    State->Wake.notify_one();
  }

private:
  struct Shared {
    std::mutex M;
    std::condition_variable Wake;
    std::optional<std::chrono::steady_clock::time_point> Deadline;
  };
  unsigned Seconds;
  std::shared_ptr<Shared> State = std::make_shared<Shared>();
};

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
  if (!O || !O.map("format", Format) || !O.map("version", Version))
    return createFileError(Path, Root.getError());
  // A request from another cyclint (a stale binary under the same path).
  if (Format != RequestFormat || Version != RequestVersion)
    return createFileError(Path, createStringError(inconvertibleErrorCode(),
                                                   "not a version %d worker "
                                                   "request",
                                                   RequestVersion));
  if (!O.map("tus", R.TUs) || !O.map("extraArgs", R.ExtraArgs) ||
      !O.map("extraArgsBefore", R.ExtraArgsBefore) ||
      !O.map("models", R.ModelFiles) || !O.map("timeoutSeconds", Timeout) ||
      !O.map("memoryLimitMB", MemoryLimit) ||
      !O.map("resultPrefix", R.ResultPrefix))
    return createFileError(Path, Root.getError());
  R.TimeoutSeconds = Timeout;
  R.MemoryLimitMB = MemoryLimit;
  return R;
}

int answerWorkerRequest(const WorkerRequest &Request,
                        const RuntimeList &Runtimes,
                        function_ref<TUOutcome(const WorkerTU &)> Extract) {
  Watchdog Dog(Request.TimeoutSeconds);
  // The memory limit is the RLIMIT_DATA the parent set: the allocation that
  // crosses it fails, and LLVM's new-handler (InitLLVM) reports it here.
  // Nothing is left to write a reason with, so the exit code says it.
  install_bad_alloc_error_handler([](void *, const char *, bool) {
    sys::Process::Exit(OutOfMemory, /*NoCleanup=*/true);
  });
  // A crash in the front end comes back as a failed RunSafely. (A stack
  // overflow cannot: the handler has no stack to run on, and the worker dies
  // of the signal, which the parent names.)
  CrashRecoveryContext::Enable();

  auto Answer = [&](StringRef Path, StringRef Text) {
    if (Error E = writeText(Path, Text)) {
      errs() << toString(std::move(E)) << "\n"; // the worker's log
      return false;
    }
    return true;
  };
  for (size_t I = 0; I < Request.TUs.size(); ++I) {
    TUOutcome Outcome;
    CrashRecoveryContext CRC;
    Dog.arm();
    bool Completed =
        CRC.RunSafely([&] { Outcome = Extract(Request.TUs[I]); });
    // Before the answer: a deadline passing now must not blame the next TU.
    Dog.disarm();
    if (!Completed) {
      // sys::Process::Exit inside the context lands here too (the
      // bad-alloc handler's): pass its code on, touching nothing.
      if (CRC.RetCode <= 128)
        sys::Process::Exit(CRC.RetCode, /*NoCleanup=*/true);
      // The process's state is suspect now: answer this TU and stop; the
      // parent starts another worker for the rest.
      Answer(failureAnswer(Request.ResultPrefix, I),
             "the front end crashed (" + signalName(CRC.RetCode - 128) +
                 "), not analyzed");
      return Crashed;
    }
    if (!Outcome.Ok) {
      if (!Answer(failureAnswer(Request.ResultPrefix, I), Outcome.Failure))
        return BadRequest;
      continue;
    }
    if (Error E = writeFactsFile(Outcome.Facts, Runtimes,
                                 factsAnswer(Request.ResultPrefix, I))) {
      errs() << toString(std::move(E)) << "\n";
      return BadRequest;
    }
  }
  return AllAnswered;
}

std::vector<TUOutcome> extractInWorkers(const WorkerPool &Pool, unsigned Slot,
                                        WorkerRequest Request,
                                        const RuntimeList &Runtimes) {
  std::vector<WorkerTU> All = std::move(Request.TUs);
  std::vector<TUOutcome> Out(All.size());
  size_t Next = 0; // the first TU without an outcome
  for (unsigned Round = 0; Next < All.size(); ++Round) {
    // Each worker of the batch gets names of its own: an answer left by an
    // earlier worker can never pass for this one's.
    SmallString<256> Base(Pool.ScratchDir);
    sys::path::append(Base, formatv("w{0}-{1}-", Slot, Round).str());
    std::string RequestPath = (Base + "request.json").str(),
                LogPath = (Base + "log").str();
    auto Cleanup = make_scope_exit([&] {
      sys::fs::remove(RequestPath);
      sys::fs::remove(LogPath);
    });
    Request.TUs.assign(All.begin() + Next, All.end());
    Request.ResultPrefix = std::string(Base);

    auto FailRest = [&](const std::string &Why) {
      for (; Next < All.size(); ++Next)
        Out[Next].Failure = Why;
    };
    if (Error E =
            writeText(RequestPath, formatv("{0}", toJSON(Request)).str())) {
      FailRest("cannot write a worker request (" + toString(std::move(E)) +
               "), not analyzed");
      break;
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
      FailRest("cannot start a worker process (" + Message +
               "), not analyzed");
      break;
    }
    // No time limit here: several threads wait at once, and the worker keeps
    // its own (see the file comment).
    sys::ProcessInfo Done =
        sys::Wait(Child, /*SecondsToWait=*/std::nullopt, &Message);

    // The answers the worker wrote, in order, up to the first missing one.
    size_t Answered = 0;
    for (; Next < All.size(); ++Answered, ++Next) {
      size_t I = Answered;
      std::string Facts = factsAnswer(Base, I), Failure = failureAnswer(Base, I);
      if (sys::fs::exists(Facts)) {
        auto Read = readFactsFile(Facts, Runtimes);
        sys::fs::remove(Facts);
        if (!Read) {
          Out[Next].Failure = "the worker's facts do not read (" +
                              toString(Read.takeError()) + "), not analyzed";
          continue;
        }
        Out[Next].Ok = true;
        Out[Next].Facts = std::move(*Read);
      } else if (auto Reason = MemoryBuffer::getFile(Failure)) {
        Out[Next].Failure = (*Reason)->getBuffer().str();
        sys::fs::remove(Failure);
      } else {
        break;
      }
    }
    if (Next == All.size())
      break;
    // The worker stopped before answering TU Next: that is the TU it died
    // on. A new worker takes the ones after it.
    switch (Done.ReturnCode) {
    case Crashed: // answered the TU it crashed on
      if (Answered)
        break;
      FailRest("the worker process crashed without an answer, not analyzed");
      break;
    case TimedOut:
      Out[Next++].Failure =
          formatv("timed out after {0} second{1}, not analyzed",
                  Request.TimeoutSeconds,
                  Request.TimeoutSeconds == 1 ? "" : "s")
              .str();
      break;
    case OutOfMemory:
      Out[Next++].Failure =
          Request.MemoryLimitMB
              ? formatv("out of memory (limit {0} MB), not analyzed",
                        Request.MemoryLimitMB)
                    .str()
              : std::string("out of memory, not analyzed");
      break;
    case -2: // killed by a signal
      Out[Next++].Failure =
          "the front end crashed (" + Message + "), not analyzed";
      break;
    default: {
      // The worker could not run its request at all: every TU left would
      // fail the same way.
      std::string Why;
      if (auto Log = MemoryBuffer::getFile(LogPath))
        Why = firstLine((*Log)->getBuffer());
      if (Why.empty())
        Why = Message.empty() ? "exit code " + std::to_string(Done.ReturnCode)
                              : Message;
      FailRest("the worker process failed (" + Why + "), not analyzed");
      break;
    }
    }
  }
  return Out;
}

} // namespace cyclint
