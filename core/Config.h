//===- Config.h - .cyclint.yaml: a project's checks, options, models -*- C++
//-*-===//
//
// A project keeps its cyclint settings in `.cyclint.yaml`, found upwards from
// the analyzed sources like `.clang-tidy`, or named with `--config-file`:
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
// file, line and key. Command-line flags win over the file. `--dump-config`
// writes the effective configuration in the same form, and reading a dump
// gives the same dump.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_CONFIG_H
#define CYCLINT_CORE_CONFIG_H

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
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

} // namespace cyclint

#endif // CYCLINT_CORE_CONFIG_H
