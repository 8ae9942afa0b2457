//===- Config.cpp - Reading and writing .cyclint.yaml ---------------------===//

#include "core/Config.h"
#include "core/Check.h"
#include "core/InputError.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

using namespace llvm;

LLVM_YAML_IS_STRING_MAP(std::string)

namespace llvm {
namespace yaml {
template <> struct MappingTraits<cyclint::Config> {
  static void mapping(IO &IO, cyclint::Config &C) {
    IO.mapOptional("Checks", C.Checks);
    IO.mapOptional("CheckOptions", C.CheckOptions);
    IO.mapOptional("HeaderFilterRegex", C.HeaderFilterRegex);
    IO.mapOptional("Models", C.Models);
  }
};
} // namespace yaml
} // namespace llvm

namespace cyclint {

std::vector<std::string> Config::modelPaths() const {
  std::vector<std::string> Paths;
  for (const std::string &M : Models) {
    SmallString<256> P(M);
    if (!sys::path::is_absolute(P) && !Path.empty()) {
      P = sys::path::parent_path(Path);
      sys::path::append(P, M);
    }
    Paths.push_back(std::string(P));
  }
  return Paths;
}

unsigned Config::lineOf(StringRef Key) const {
  size_t Pos = StringRef(Text).find(Key);
  if (Pos == StringRef::npos)
    return 0;
  return StringRef(Text).take_front(Pos).count('\n') + 1;
}

Expected<Config> readConfig(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return createStringError(Buffer.getError(), "%s: %s", Path.str().c_str(),
                             Buffer.getError().message().c_str());
  return parseConfig((*Buffer)->getBuffer(), Path);
}

Expected<Config> parseConfig(StringRef Text, StringRef Path) {
  Config C;
  C.Path = Path.str();
  C.Text = Text.str();
  std::string Diag;
  {
    // The first problem is the one to fix, on one line.
    yaml::Input In(Text, nullptr, keepFirstYAMLDiagnostic, &Diag);
    In >> C;
    if (In.error() && Diag.empty())
      Diag = " " + In.error().message();
  }
  if (!Diag.empty())
    return createStringError(inconvertibleErrorCode(), "%s:%s",
                             Path.str().c_str(), Diag.c_str());
  auto Fail = [&](StringRef Key, const Twine &Why) {
    return createStringError(
        inconvertibleErrorCode(),
        formatv("{0}:{1}: {2}: {3}", Path, C.lineOf(Key),
                escapeForOneLine(Key), escapeForOneLine(Why.str()))
            .str());
  };
  if (C.Checks)
    if (auto Globs = CheckGlobs::parse(*C.Checks); !Globs)
      return Fail("Checks", toString(Globs.takeError()));
  if (C.HeaderFilterRegex) {
    std::string Why;
    if (!Regex(*C.HeaderFilterRegex).isValid(Why))
      return Fail("HeaderFilterRegex", "invalid regular expression: " + Why);
  }
  for (const auto &KV : C.CheckOptions)
    if (!StringRef(KV.first).contains('.'))
      return Fail(KV.first, "expected <check>.<Option> (e.g. "
                            "ownership-cycle.MaxCyclesPerComponent)");
  return C;
}

std::string findConfig(StringRef Directory) {
  SmallString<256> Dir(Directory);
  sys::fs::make_absolute(Dir);
  sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  for (StringRef D = Dir; !D.empty(); D = sys::path::parent_path(D)) {
    SmallString<256> Candidate(D);
    sys::path::append(Candidate, ConfigFileName);
    if (sys::fs::is_regular_file(Candidate))
      return std::string(Candidate);
  }
  return "";
}

void writeConfig(raw_ostream &OS, const Config &C) {
  Config Copy = C;
  yaml::Output Out(OS);
  Out << Copy;
}

std::string EffectiveConfig::runKey() const {
  std::string Key = Checks;
  for (const std::string &K : Options.keys())
    Key += "\n" + K + "=" + *Options.lookup(K);
  return Key;
}

ConfigResolver::ConfigResolver(const std::vector<CheckInfo> &Registry,
                               ConfigOverrides Overrides,
                               std::string ConfigFile, bool Discover,
                               std::string FallbackDirectory)
    : Registry(Registry), Overrides(std::move(Overrides)),
      ConfigFile(std::move(ConfigFile)), Discover(Discover),
      FallbackDirectory(std::move(FallbackDirectory)) {
  if (this->FallbackDirectory.empty())
    this->FallbackDirectory = ".";
}

Expected<const EffectiveConfig *>
ConfigResolver::load(const std::string &Path) {
  auto [It, Inserted] = ByPath.try_emplace(Path);
  if (!Inserted)
    return It->second.get();
  auto C = std::make_unique<EffectiveConfig>();
  C->Path = Path;
  C->Checks = Overrides.DefaultChecks;
  C->HeaderFilter = Overrides.HeaderFilter;
  if (!Path.empty()) {
    auto Read = readConfig(Path);
    if (!Read) {
      ByPath.erase(It);
      return Read.takeError();
    }
    // Each option alone, so that the error names its line.
    for (const auto &[Key, Value] : Read->CheckOptions) {
      CheckOptions One;
      One.set(Key, Value);
      if (auto Set = createChecks(Registry, "cyclint-*", One); !Set) {
        ByPath.erase(It);
        return createStringError(
            inconvertibleErrorCode(),
            formatv("{0}:{1}: CheckOptions: {2}", Path, Read->lineOf(Key),
                    toString(Set.takeError()))
                .str());
      }
      C->Options.set(Key, Value);
    }
    if (Read->Checks)
      C->Checks = *Read->Checks;
    C->HeaderFilter = Read->HeaderFilterRegex.value_or("");
    C->Models = Read->modelPaths();
  }
  if (Overrides.ChecksGiven)
    C->Checks = Overrides.DefaultChecks;
  for (const std::string &Key : Overrides.Options.keys())
    C->Options.set(Key, *Overrides.Options.lookup(Key));
  It->second = std::move(C);
  return It->second.get();
}

Expected<const EffectiveConfig *>
ConfigResolver::forDirectory(StringRef Directory) {
  auto It = ConfigOfDirectory.find(Directory);
  if (It == ConfigOfDirectory.end())
    It = ConfigOfDirectory.try_emplace(Directory, findConfig(Directory)).first;
  if (It->second.empty())
    return fallback();
  return load(It->second);
}

Expected<const EffectiveConfig *> ConfigResolver::fallback() {
  if (!ConfigFile.empty())
    return load(ConfigFile);
  if (!Discover)
    return load("");
  auto It = ConfigOfDirectory.find(FallbackDirectory);
  if (It == ConfigOfDirectory.end())
    It = ConfigOfDirectory
             .try_emplace(FallbackDirectory, findConfig(FallbackDirectory))
             .first;
  return load(It->second);
}

Expected<const EffectiveConfig *> ConfigResolver::forFile(StringRef File) {
  if (!ConfigFile.empty() || !Discover || File.empty())
    return fallback();
  SmallString<256> Directory(sys::path::parent_path(File));
  if (Directory.empty())
    Directory = ".";
  return forDirectory(Directory);
}

} // namespace cyclint
