//===- FactsCache.h - Per-TU facts kept on disk between runs ---*- C++ -*-===//
//
// The incremental cache (--cache-dir): one entry per compile command, holding
// the facts that command's TU produced and the list of every file the parse
// read, each with a digest of the bytes Clang saw. An entry is reused when
// the command key is unchanged and every listed file still has its digest;
// otherwise the TU is parsed again and the entry replaced.
//
// The command key covers all that decides a TU's facts besides its files:
// the command (directory, file, arguments, --extra-arg*), the cyclint binary
// (a digest of the executable: extractors and built-in models live in it),
// the Clang library version, the facts format and every runtime's section
// version, the --model files in force (their contents), and the environment
// variables Clang's header search reads. Entries are written whole with
// writeToOutput (temporary file + rename) and read without any lock, so
// concurrent runs may share a directory: each sees an old or a new entry,
// never half of one. Any entry that does not read back is a miss, never an
// error. The directory is bounded: after a run the least recently used
// entries go until it fits (docs/DESIGN.md, "Incremental cache").
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_FACTSCACHE_H
#define CYCLINT_CORE_FACTSCACHE_H

#include "core/Facts.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace clang::tooling {
struct CompileCommand;
} // namespace clang::tooling

namespace cyclint {

/// A file a TU read, and the digest of its bytes as the parse saw them.
struct InputFile {
  std::string Path; // absolute
  std::string Digest;
};

/// The digest of a file's contents (128-bit xxh3, hex).
std::string contentDigest(llvm::StringRef Bytes);

class FactsCache {
public:
  /// Opens (creating it if needed) the cache directory. `RunKey` is what
  /// every entry of this run shares (commandKey() adds the command); an
  /// error means the directory cannot be made or a model file not read.
  static llvm::Expected<std::unique_ptr<FactsCache>>
  open(llvm::StringRef Dir, uint64_t MaxBytes, const RuntimeList &Runtimes,
       llvm::ArrayRef<std::string> ModelFiles,
       llvm::ArrayRef<std::string> ExtraArgsBefore,
       llvm::ArrayRef<std::string> ExtraArgs);

  /// The facts of this command's TU, if an entry for it exists, reads
  /// back, and every file it lists is unchanged. Thread-safe.
  std::optional<TUFacts> lookup(const clang::tooling::CompileCommand &Command,
                                const RuntimeList &Runtimes);
  /// Replaces the entry of this command. Best effort: a cache that cannot be
  /// written costs speed, never the run. Thread-safe.
  void store(const clang::tooling::CompileCommand &Command,
             const TUFacts &Facts, const RuntimeList &Runtimes,
             const std::vector<InputFile> &Inputs);
  /// Deletes the least recently used entries until the directory holds at
  /// most MaxBytes of them. Call once, after the run.
  void evict();

private:
  FactsCache(std::string Dir, uint64_t MaxBytes, std::string RunKey)
      : Dir(std::move(Dir)), MaxBytes(MaxBytes), RunKey(std::move(RunKey)) {}
  std::string commandKey(const clang::tooling::CompileCommand &Command) const;
  std::string entryPath(llvm::StringRef Key) const;
  /// The current digest of a file on disk, computed once per run: the
  /// headers every TU shares are read once. Empty if it cannot be read.
  std::string diskDigest(const std::string &Path);

  std::string Dir;
  uint64_t MaxBytes;
  std::string RunKey;
  std::mutex DigestsMutex;
  llvm::StringMap<std::string> Digests;
};

/// Parses a size: bytes, or with a K, M or G suffix (powers of 1024).
std::optional<uint64_t> parseByteSize(llvm::StringRef Text);

} // namespace cyclint

#endif // CYCLINT_CORE_FACTSCACHE_H
