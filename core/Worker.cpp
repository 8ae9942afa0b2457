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
  AllAnswered = 0, // no TU is left unclaimed
  Crashed = 1,     // its last answer is a crash; it took no more
  BadRequest = 2,  // the request did not read (or the worker's argv)
  TimedOut = 3,    // the watchdog fired on the TU it claimed last
  OutOfMemory = 4, // an allocation failed in the TU it claimed last
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
                      {"cacheDir", R.CacheDir},
                      {"cacheMaxBytes", int64_t(R.CacheMaxBytes)},
                      {"resultPrefix", R.ResultPrefix}};
}

std::string factsAnswer(StringRef Prefix, size_t I) {
  return (Prefix + Twine(I) + ".facts.json").str();
}
std::string failureAnswer(StringRef Prefix, size_t I) {
  return (Prefix + Twine(I) + ".failure").str();
}
std::string claimFile(StringRef Prefix, size_t I) {
  return (Prefix + Twine(I) + ".claim").str();
}

/// Claims TU I for this process: true if no other worker did.
bool claim(StringRef Prefix, size_t I) {
  int FD;
  if (sys::fs::openFileForWrite(claimFile(Prefix, I), FD,
                                sys::fs::CD_CreateNew))
    return false;
  raw_fd_ostream OS(FD, /*shouldClose=*/true);
  OS << sys::Process::getProcessId();
  return true;
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
  int64_t Timeout = 0, MemoryLimit = 0, CacheMaxBytes = 0;
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
      !O.map("cacheDir", R.CacheDir) ||
      !O.map("cacheMaxBytes", CacheMaxBytes) ||
      !O.map("resultPrefix", R.ResultPrefix))
    return createFileError(Path, Root.getError());
  R.TimeoutSeconds = Timeout;
  R.MemoryLimitMB = MemoryLimit;
  R.CacheMaxBytes = CacheMaxBytes;
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
    if (!claim(Request.ResultPrefix, I))
      continue;
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

void extractInWorkers(const WorkerPool &Pool, unsigned Workers,
                      WorkerRequest Request, const RuntimeList &Runtimes,
                      function_ref<void(size_t, TUOutcome)> Answer) {
  size_t N = Request.TUs.size();
  Workers = std::max<size_t>(1, std::min<size_t>(Workers, N));
  SmallString<256> Base(Pool.ScratchDir);
  sys::path::append(Base, "tu-");
  Request.ResultPrefix = std::string(Base);
  std::string RequestPath = (Base + "request.json").str();
  if (Error E = writeText(RequestPath, formatv("{0}", toJSON(Request)).str())) {
    std::string Why = "cannot write a worker request (" +
                      toString(std::move(E)) + "), not analyzed";
    for (size_t I = 0; I < N; ++I)
      Answer(I, TUOutcome{false, Why, {}});
    return;
  }

  // Written by the threads that run workers, read by this one.
  std::mutex Lock;
  std::vector<std::string> Blamed(N); // the failure of a TU a worker died on
  // TUs whose answer this thread took (and removed). Claims stay until the
  // end: a removed claim would let another worker take the TU again.
  std::vector<bool> Taken(N, false);
  std::string GaveUp; // why a thread stopped starting workers

  // Runs workers one after another until one finds nothing left to claim,
  // or one dies without having claimed anything (it could not run at all:
  // starting another would fail the same way).
  auto RunWorkers = [&](unsigned Thread) {
    std::string LogPath =
        (Base + "log-" + Twine(Thread)).str(); // the worker's own output
    auto RemoveLog = make_scope_exit([&] { sys::fs::remove(LogPath); });
    std::vector<StringRef> Args(Pool.Command.begin(), Pool.Command.end());
    Args.push_back(RequestPath);
    std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(LogPath),
                                            StringRef(LogPath)};
    for (;;) {
      sys::fs::remove(LogPath); // the redirection does not truncate
      std::string Message;
      bool ExecutionFailed = false;
      sys::ProcessInfo Child = sys::ExecuteNoWait(
          Args.front(), Args, /*Env=*/std::nullopt, Redirects,
          Request.MemoryLimitMB, &Message, &ExecutionFailed);
      if (ExecutionFailed || Child.Pid == sys::ProcessInfo::InvalidPid) {
        std::lock_guard<std::mutex> G(Lock);
        GaveUp = "cannot start a worker process (" + Message + ")";
        return;
      }
      // No time limit here: several threads wait at once, and the worker
      // keeps its own (see the file comment).
      sys::ProcessInfo Done =
          sys::Wait(Child, /*SecondsToWait=*/std::nullopt, &Message);
      if (Done.ReturnCode == AllAnswered)
        return;

      // The TUs this worker claimed; the one without an answer is the one
      // it died on.
      std::string Pid = std::to_string(Child.Pid);
      bool ClaimedAny = false;
      std::optional<size_t> DiedOn;
      for (size_t I = 0; I < N; ++I) {
        auto Claim = MemoryBuffer::getFile(claimFile(Base, I));
        if (!Claim || (*Claim)->getBuffer() != Pid)
          continue;
        ClaimedAny = true;
        std::lock_guard<std::mutex> G(Lock);
        if (!Taken[I] && !sys::fs::exists(factsAnswer(Base, I)) &&
            !sys::fs::exists(failureAnswer(Base, I)))
          DiedOn = I;
      }
      std::string Why;
      switch (Done.ReturnCode) {
      case Crashed: // and answered the TU it crashed on
        if (ClaimedAny)
          continue;
        Why = "the worker process crashed before any TU";
        break;
      case TimedOut:
        Why = formatv("timed out after {0} second{1}, not analyzed",
                      Request.TimeoutSeconds,
                      Request.TimeoutSeconds == 1 ? "" : "s")
                  .str();
        break;
      case OutOfMemory:
        Why = Request.MemoryLimitMB
                  ? formatv("out of memory (limit {0} MB), not analyzed",
                            Request.MemoryLimitMB)
                        .str()
                  : std::string("out of memory, not analyzed");
        break;
      case -2: // killed by a signal
        Why = "the front end crashed (" + Message + "), not analyzed";
        break;
      default:
        if (auto Log = MemoryBuffer::getFile(LogPath))
          Why = firstLine((*Log)->getBuffer());
        if (Why.empty())
          Why = Message.empty()
                    ? "exit code " + std::to_string(Done.ReturnCode)
                    : Message;
        Why = "the worker process failed (" + Why + "), not analyzed";
        break;
      }
      std::lock_guard<std::mutex> G(Lock);
      if (DiedOn)
        Blamed[*DiedOn] = Why;
      if (!ClaimedAny) {
        GaveUp = Why;
        return;
      }
    }
  };

  // Answers are taken as they come: facts read, files removed, progress
  // reported, while the workers go on.
  size_t TakenCount = 0;
  // While workers run, only a window after the first TU not taken yet is
  // looked at (workers claim in order), so that a poll costs the same for
  // any database size.
  size_t FirstNotTaken = 0;
  auto TakeAnswers = [&](bool Final) {
    while (FirstNotTaken < N && Taken[FirstNotTaken])
      ++FirstNotTaken;
    size_t End = Final ? N : std::min(N, FirstNotTaken + 64);
    for (size_t I = FirstNotTaken; I < End; ++I) {
      if (Taken[I])
        continue;
      TUOutcome Outcome;
      std::string Facts = factsAnswer(Base, I);
      std::unique_lock<std::mutex> G(Lock);
      if (sys::fs::exists(Facts)) {
        auto Read = readFactsFile(Facts, Runtimes);
        if (Read) {
          Outcome.Ok = true;
          Outcome.Facts = std::move(*Read);
        } else {
          Outcome.Failure = "the worker's facts do not read (" +
                           toString(Read.takeError()) + "), not analyzed";
        }
        sys::fs::remove(Facts);
      } else if (auto Reason = MemoryBuffer::getFile(failureAnswer(Base, I))) {
        Outcome.Failure = (*Reason)->getBuffer().str();
        sys::fs::remove(failureAnswer(Base, I));
      } else {
        if (!Blamed[I].empty())
          Outcome.Failure = Blamed[I];
        else if (Final) // claimed by nobody: every worker gave up
          Outcome.Failure = GaveUp.empty()
                               ? "no worker process answered, not analyzed"
                               : GaveUp;
        else
          continue;
      }
      Taken[I] = true;
      G.unlock();
      ++TakenCount;
      Answer(I, std::move(Outcome));
    }
  };

  // (Not ThreadPool futures: they are deferred, and wait_for on them
  // returns at once.)
  std::condition_variable AllStopped;
  unsigned Running = Workers;
  std::vector<std::thread> Threads;
  for (unsigned T = 0; T < Workers; ++T)
    Threads.emplace_back([&, T] {
      RunWorkers(T);
      std::lock_guard<std::mutex> G(Lock);
      --Running;
      AllStopped.notify_one();
    });
  for (;;) {
    {
      std::unique_lock<std::mutex> G(Lock);
      if (AllStopped.wait_for(G, std::chrono::milliseconds(100),
                              [&] { return Running == 0; }))
        break;
    }
    if (TakenCount < N)
      TakeAnswers(/*Final=*/false);
  }
  for (std::thread &T : Threads)
    T.join();
  TakeAnswers(/*Final=*/true);
  for (size_t I = 0; I < N; ++I)
    sys::fs::remove(claimFile(Base, I));
  sys::fs::remove(RequestPath);
}

} // namespace cyclint
