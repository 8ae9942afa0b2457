//===- FactsCache.cpp - Per-TU facts kept on disk between runs ------------===//
//
// An entry is two lines of JSON: a header (format, the full command key, the
// files the TU read with their digests) and the TU's facts in the facts-file
// form (docs/FACTS.md). The header is parsed alone first, so that a changed
// header costs a few digests, not the parse of megabytes of facts.
//
//===----------------------------------------------------------------------===//

#include "core/FactsCache.h"

#include "clang/Basic/Version.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <chrono>
#include <tuple>

using namespace llvm;

namespace cyclint {

namespace {

constexpr int CacheFormatVersion = 1;
constexpr StringLiteral EntrySuffix = ".entry";

/// Environment variables that add header search directories behind the
/// command's back: a change must invalidate like a changed flag.
const char *const SearchPathVariables[] = {
    "CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH", "OBJC_INCLUDE_PATH",
    "OBJCPLUS_INCLUDE_PATH"};

std::optional<std::string> fileDigest(StringRef Path) {
  // Entries name the files to digest: a damaged or planted one naming a
  // FIFO or /dev/zero must not block or exhaust memory.
  if (!sys::fs::is_regular_file(Path))
    return std::nullopt;
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  return contentDigest((*Buffer)->getBuffer());
}

json::Array strings(ArrayRef<std::string> Items) {
  json::Array Out;
  for (const std::string &S : Items)
    Out.push_back(S);
  return Out;
}

} // namespace

std::string contentDigest(StringRef Bytes) {
  XXH128_hash_t H = xxh3_128bits(arrayRefFromStringRef(Bytes));
  return utohexstr(H.high64, /*LowerCase=*/true, /*Width=*/16) +
         utohexstr(H.low64, /*LowerCase=*/true, /*Width=*/16);
}

std::optional<uint64_t> parseByteSize(StringRef Text) {
  uint64_t Scale = 1;
  if (!Text.empty()) {
    switch (toLower(Text.back())) {
    case 'k':
      Scale = 1ull << 10;
      break;
    case 'm':
      Scale = 1ull << 20;
      break;
    case 'g':
      Scale = 1ull << 30;
      break;
    }
    if (Scale != 1)
      Text = Text.drop_back();
  }
  uint64_t N = 0;
  if (Text.empty() || Text.getAsInteger(10, N) || N > UINT64_MAX / Scale)
    return std::nullopt;
  return N * Scale;
}

Expected<std::unique_ptr<FactsCache>>
FactsCache::open(StringRef Dir, uint64_t MaxBytes, const RuntimeList &Runtimes,
                 ArrayRef<std::string> ModelFiles,
                 ArrayRef<std::string> ExtraArgsBefore,
                 ArrayRef<std::string> ExtraArgs) {
  if (std::error_code EC = sys::fs::create_directories(Dir))
    return createStringError(EC, "cache directory %s: %s", Dir.str().c_str(),
                             EC.message().c_str());
  // The binary holds the extractors and the built-in models: any rebuild of
  // cyclint is a new key. Clang's version comes from the library loaded at
  // run time, which a package upgrade can change under the same binary.
  std::string Self = sys::fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&contentDigest));
  std::optional<std::string> SelfDigest = fileDigest(Self);
  if (!SelfDigest)
    return createStringError(inconvertibleErrorCode(),
                             "cache: cannot read the cyclint executable '%s'",
                             Self.c_str());
  json::Object Sections;
  for (const std::unique_ptr<Runtime> &R : Runtimes)
    Sections[R->name()] = R->factsVersion();
  json::Array Models;
  for (const std::string &File : ModelFiles) {
    std::optional<std::string> D = fileDigest(File);
    if (!D) // already read once by addModelFile: not expected
      return createStringError(inconvertibleErrorCode(),
                               "cache: cannot read model file '%s'",
                               File.c_str());
    Models.push_back(*D);
  }
  json::Object Env;
  for (const char *Name : SearchPathVariables)
    if (std::optional<std::string> V = sys::Process::GetEnv(Name))
      Env[Name] = *V;
  json::Object Run{{"cyclint", *SelfDigest},
                   {"clang", clang::getClangFullVersion()},
                   {"facts", FactsFormatVersion},
                   {"sections", std::move(Sections)},
                   {"models", std::move(Models)},
                   {"extraArgsBefore", strings(ExtraArgsBefore)},
                   {"extraArgs", strings(ExtraArgs)},
                   {"env", std::move(Env)}};
  std::string RunKey;
  raw_string_ostream(RunKey) << json::Value(std::move(Run));
  return std::unique_ptr<FactsCache>(
      new FactsCache(std::string(Dir), MaxBytes, std::move(RunKey)));
}

std::string
FactsCache::commandKey(const clang::tooling::CompileCommand &Command) const {
  // JSON, so that no argument can run into the next one.
  std::string Key;
  raw_string_ostream(Key) << json::Value(
      json::Array{RunKey, Command.Directory, Command.Filename,
                  strings(Command.CommandLine)});
  return Key;
}

std::string FactsCache::entryPath(StringRef Key) const {
  SmallString<256> Path(Dir);
  sys::path::append(Path, contentDigest(Key) + EntrySuffix);
  return std::string(Path);
}

std::string FactsCache::diskDigest(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(DigestsMutex);
    auto It = Digests.find(Path);
    if (It != Digests.end())
      return It->second;
  }
  // Two threads may digest the same file at once; both get the same answer.
  std::string D = fileDigest(Path).value_or("");
  std::lock_guard<std::mutex> Lock(DigestsMutex);
  return Digests.try_emplace(Path, std::move(D)).first->second;
}

std::optional<TUFacts>
FactsCache::lookup(const clang::tooling::CompileCommand &Command,
                   const RuntimeList &Runtimes) {
  std::string Key = commandKey(Command);
  std::string Path = entryPath(Key);
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return std::nullopt;
  auto [HeaderText, FactsText] = (*Buffer)->getBuffer().split('\n');
  // Anything unexpected, from a truncated file to a wrong type, is a miss:
  // the TU is parsed again and the entry rewritten.
  auto Header = json::parse(HeaderText);
  if (!Header) {
    consumeError(Header.takeError());
    return std::nullopt;
  }
  const json::Object *H = Header->getAsObject();
  if (!H || H->getString("format") != StringRef("cyclint-cache") ||
      H->getInteger("version") != CacheFormatVersion ||
      H->getString("key") != StringRef(Key))
    return std::nullopt;
  const json::Array *Inputs = H->getArray("inputs");
  if (!Inputs || Inputs->empty())
    return std::nullopt;
  for (const json::Value &Input : *Inputs) {
    const json::Array *Pair = Input.getAsArray();
    if (!Pair || Pair->size() != 2)
      return std::nullopt;
    std::optional<StringRef> File = (*Pair)[0].getAsString();
    std::optional<StringRef> Digest = (*Pair)[1].getAsString();
    if (!File || !Digest || Digest->empty() ||
        diskDigest(File->str()) != *Digest)
      return std::nullopt;
  }
  auto Value = json::parse(FactsText);
  if (!Value) {
    consumeError(Value.takeError());
    return std::nullopt;
  }
  auto Facts = factsFromJSON(*Value, Runtimes);
  if (!Facts) {
    consumeError(Facts.takeError());
    return std::nullopt;
  }
  // Recently used entries are the last to be evicted.
  int FD;
  if (!sys::fs::openFileForWrite(Path, FD, sys::fs::CD_OpenExisting,
                                 sys::fs::OF_Append)) {
    (void)sys::fs::setLastAccessAndModificationTime(
        FD, std::chrono::system_clock::now());
    sys::Process::SafelyCloseFileDescriptor(FD);
  }
  return std::move(*Facts);
}

void FactsCache::store(const clang::tooling::CompileCommand &Command,
                       const TUFacts &Facts, const RuntimeList &Runtimes,
                       const std::vector<InputFile> &Inputs) {
  if (Inputs.empty())
    return;
  std::string Key = commandKey(Command);
  json::Array Files;
  for (const InputFile &F : Inputs)
    Files.push_back(json::Array{F.Path, F.Digest});
  json::Value Header = json::Object{{"format", "cyclint-cache"},
                                    {"version", CacheFormatVersion},
                                    {"key", Key},
                                    {"inputs", std::move(Files)}};
  // writeToOutput renames a complete temporary into place: a concurrent
  // reader sees the old entry or the new one.
  Error E = writeToOutput(entryPath(Key), [&](raw_ostream &OS) {
    OS << Header << "\n" << toJSON(Facts, Runtimes) << "\n";
    return Error::success();
  });
  consumeError(std::move(E));
}

void FactsCache::evict() {
  struct Entry {
    sys::TimePoint<> Used;
    std::string Path;
    uint64_t Size;
  };
  std::vector<Entry> Entries;
  uint64_t Total = 0;
  auto Now = std::chrono::system_clock::now();
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Name = sys::path::filename(It->path());
    sys::fs::file_status Status;
    if (sys::fs::status(It->path(), Status))
      continue;
    // A temporary left by a killed run (writeToOutput's, next to the entry)
    // is removed once no live writer can still own it.
    if (Name.contains(".entry.temp-stream-")) {
      if (Now - Status.getLastModificationTime() > std::chrono::hours(1))
        sys::fs::remove(It->path());
      continue;
    }
    if (!Name.ends_with(EntrySuffix))
      continue;
    Entries.push_back(
        {Status.getLastModificationTime(), It->path(), Status.getSize()});
    Total += Status.getSize();
  }
  if (Total <= MaxBytes)
    return;
  llvm::sort(Entries, [](const Entry &A, const Entry &B) {
    return std::tie(A.Used, A.Path) < std::tie(B.Used, B.Path);
  });
  for (const Entry &E : Entries) {
    if (Total <= MaxBytes)
      break;
    if (!sys::fs::remove(E.Path))
      Total -= E.Size;
  }
}

} // namespace cyclint
