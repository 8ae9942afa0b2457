//===- Config.h - .cyclint.yaml: a project's checks, options, models -*- C++
//-*-===//
//
// A project keeps its cyclint settings in `.cyclint.yaml`, found upwards from
// each file like `.clang-tidy` (ConfigResolver), or named with
// `--config-file`:
//
//   Checks: 'cyclint-*,-cyclint-python-*'
//   CheckOptions:
//     ownership-cycle.MaxCyclesPerComponent: '4'
//   HeaderFilterRegex: '.*/include/mylib/.*'
//   Models:
//     - models/mylib.yaml        # relative to the file's directory
//
// Read with llvm::yaml::IO, strictly: an unknown key, a value of the wrong
// shape, an invalid glob or an option no check reads is an error naming the
// file, line and key. Command-line flags win over every file. `--dump-config`
// writes the effective configuration in the same form, and reading a dump
// gives the same dump. A configuration governs the findings whose warning is
// in a file under it: the whole program is analyzed once, and the checks run
// once per distinct configuration in use (core/Driver.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_CONFIG_H
#define CYCLINT_CORE_CONFIG_H

#include "core/Check.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cyclint {

constexpr const char *ConfigFileName = ".cyclint.yaml";

struct Config {
  std::optional<std::string> Checks;
  std::map<std::string, std::string> CheckOptions;
  std::optional<std::string> HeaderFilterRegex;
  std::vector<std::string> Models; // as written in the file
  std::string Path;                // the file it was read from; empty if none

  /// Models as paths: relative ones are taken from the file's directory.
  std::vector<std::string> modelPaths() const;
  /// The line of `Key` in the file (1-based), or 0: for error messages about
  /// values that are checked after reading.
  unsigned lineOf(llvm::StringRef Key) const;

  std::string Text; // the file's text, for lineOf()
};

/// Reads and checks one configuration file.
llvm::Expected<Config> readConfig(llvm::StringRef Path);
/// readConfig() of text already in memory; `Path` names it in errors and
/// anchors relative model paths.
llvm::Expected<Config> parseConfig(llvm::StringRef Text, llvm::StringRef Path);

/// The nearest `.cyclint.yaml` in `Directory` or a parent, or empty.
std::string findConfig(llvm::StringRef Directory);

/// Writes `C` as YAML (without Path); readConfig of the result gives `C`.
void writeConfig(llvm::raw_ostream &OS, const Config &C);

/// A configuration with the command line applied: what governs the findings
/// in the files under it.
struct EffectiveConfig {
  std::string Path;         // its file; empty: none (the defaults)
  std::string Checks;       // globs
  CheckOptions Options;     // the file's, then the command line's
  std::string HeaderFilter; // empty: every header
  /// The file's `Models` as paths (the command line's are not here).
  std::vector<std::string> Models;

  /// Equal for configurations that make the checks report the same
  /// findings (same checks, same options): one check run serves them all.
  std::string runKey() const;
};

/// What command-line flags set over every configuration.
struct ConfigOverrides {
  std::string DefaultChecks = "cyclint-*"; // where no file sets Checks
  bool ChecksGiven = false;   // --checks: replaces every file's Checks
  CheckOptions Options;       // --check-option and aliases: win over files
  std::string HeaderFilter;   // the defaults' (no file): library callers
};

/// Which configuration governs each file of a run, like clang-tidy: the
/// nearest `.cyclint.yaml` in the file's directory or a parent; for a file
/// with none above it, the nearest above `FallbackDirectory` (the current
/// directory); without that either, the defaults. With `ConfigFile`
/// (`--config-file`) that one file governs every file. `Discover` false (a
/// library caller) uses the defaults everywhere. Each file is read once, and
/// checked strictly: an error names the file, the line and the key.
class ConfigResolver {
public:
  ConfigResolver(const std::vector<CheckInfo> &Registry,
                 ConfigOverrides Overrides, std::string ConfigFile,
                 bool Discover, std::string FallbackDirectory);

  /// The configuration of a file (absolute path; empty: the fallback).
  llvm::Expected<const EffectiveConfig *> forFile(llvm::StringRef File);
  /// The configuration of files with no `.cyclint.yaml` above them.
  llvm::Expected<const EffectiveConfig *> fallback();

private:
  llvm::Expected<const EffectiveConfig *> forDirectory(llvm::StringRef Dir);
  llvm::Expected<const EffectiveConfig *> load(const std::string &Path);

  const std::vector<CheckInfo> &Registry;
  ConfigOverrides Overrides;
  std::string ConfigFile;
  bool Discover;
  std::string FallbackDirectory;
  std::map<std::string, std::unique_ptr<EffectiveConfig>> ByPath;
  llvm::StringMap<std::string> ConfigOfDirectory; // "" for none
};

} // namespace cyclint

#endif // CYCLINT_CORE_CONFIG_H
