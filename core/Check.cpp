//===- Check.cpp - Check options, construction and glob matching ----------===//

#include "core/Check.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace cyclint {

std::vector<std::string> CheckOptions::keys() const {
  std::vector<std::string> Keys;
  for (const auto &KV : Values)
    Keys.push_back(KV.getKey().str());
  llvm::sort(Keys);
  return Keys;
}

std::string OptionsView::get(llvm::StringRef Option,
                             llvm::StringRef Default) const {
  const std::string *Value = Options.lookup(key(Option));
  return Value ? *Value : Default.str();
}

unsigned OptionsView::get(llvm::StringRef Option, unsigned Default) const {
  const std::string *Text = Options.lookup(key(Option));
  if (!Text)
    return Default;
  unsigned Value;
  if (llvm::StringRef(*Text).trim().getAsInteger(10, Value)) {
    Problems.push_back("invalid value '" + *Text + "' for check option '" +
                       key(Option) + "': expected an unsigned integer");
    return Default;
  }
  return Value;
}

void OptionsView::store(OptionMap &Out, llvm::StringRef Option,
                        llvm::StringRef Value) const {
  Out[key(Option)] = Value.str();
}

void OptionsView::store(OptionMap &Out, llvm::StringRef Option,
                        unsigned Value) const {
  Out[key(Option)] = std::to_string(Value);
}

Finding &Check::report(std::vector<Finding> &Out, SourceLocation Loc,
                       std::string Message, Severity Level) const {
  Finding &F = Out.emplace_back();
  F.CheckName = Name;
  F.Warning = {std::move(Loc), std::move(Message)};
  F.Level = Level;
  return F;
}

llvm::Expected<CheckSet> createChecks(const std::vector<CheckInfo> &Registry,
                                      llvm::StringRef Globs,
                                      const CheckOptions &Options) {
  auto Parsed = CheckGlobs::parse(Globs);
  if (!Parsed)
    return Parsed.takeError();
  CheckSet Set;
  std::vector<std::string> Problems;
  for (const CheckInfo &Info : Registry) {
    std::unique_ptr<Check> C = Info.Create(Info.Name, Options);
    C->storeOptions(Set.Options);
    llvm::append_range(Problems, C->options().problems());
    if (Parsed->enables(std::string("cyclint-") + Info.Name))
      Set.Enabled.push_back(std::move(C));
  }
  auto Names = std::make_shared<std::set<std::string>>();
  for (const std::unique_ptr<Check> &C : Set.Enabled)
    Names->insert(C->name());
  for (const std::unique_ptr<Check> &C : Set.Enabled)
    C->setEnabledChecks(Names);
  // A key no check stored is a typo (or a check that does not exist): an
  // error rather than a silent default. Unknown keys come first, in order.
  std::vector<std::string> Known;
  for (const auto &KV : Set.Options)
    Known.push_back(KV.first);
  std::vector<std::string> Unknown;
  for (const std::string &Key : Options.keys())
    if (!Set.Options.count(Key))
      Unknown.push_back("unknown check option '" + Key + "' (known: " +
                        llvm::join(Known, ", ") + ")");
  Problems.insert(Problems.begin(), Unknown.begin(), Unknown.end());
  if (!Problems.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   llvm::join(Problems, "; "));
  return Set;
}

llvm::Expected<std::vector<std::string>>
enabledChecks(const std::vector<CheckInfo> &Registry, llvm::StringRef Globs) {
  auto Parsed = CheckGlobs::parse(Globs);
  if (!Parsed)
    return Parsed.takeError();
  std::vector<std::string> Names;
  for (const CheckInfo &C : Registry)
    if (Parsed->enables(std::string("cyclint-") + C.Name))
      Names.push_back(C.Name);
  return Names;
}

llvm::Expected<CheckGlobs> CheckGlobs::parse(llvm::StringRef Text) {
  CheckGlobs Result;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Text.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    bool Positive = !Part.consume_front("-");
    Part = Part.trim();
    if (Part.empty() || Part.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                               "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                               "0123456789-_.*") !=
                            llvm::StringRef::npos)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "invalid check glob '%s'",
                                     Part.str().c_str());
    // Only `*` of GlobPattern's syntax gets past the check above.
    auto Source = std::make_shared<const std::string>(Part.str());
    llvm::Expected<llvm::GlobPattern> Pattern =
        llvm::GlobPattern::create(*Source);
    if (!Pattern)
      return Pattern.takeError();
    Result.Globs.push_back({Positive, std::move(Source), std::move(*Pattern)});
  }
  return Result;
}

bool CheckGlobs::enables(llvm::StringRef FullCheckName) const {
  bool Enabled = false;
  for (const Glob &G : Globs)
    if (G.Pattern.match(FullCheckName))
      Enabled = G.Positive;
  return Enabled;
}

} // namespace cyclint
