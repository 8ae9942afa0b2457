//===- Check.cpp - Check registry, options and glob matching --------------===//

#include "core/Check.h"
#include "checks/cxx/OwnershipCycleCheck.h"
#include "checks/python/PythonClearMissingMemberCheck.h"
#include "checks/python/PythonGCTraverseFlagCheck.h"
#include "checks/python/PythonHeapTypeReferenceCheck.h"
#include "checks/python/PythonManagedDictCheck.h"
#include "checks/python/PythonModuleStateCheck.h"
#include "checks/python/PythonReferenceCycleCheck.h"
#include "checks/python/PythonTraverseMissingMemberCheck.h"
#include "checks/python/PythonUntrackedGCObjectCheck.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Error.h"

namespace cyclint {

std::string CheckOptions::get(llvm::StringRef Check, llvm::StringRef Option,
                              llvm::StringRef Default) const {
  std::string Key = (Check + "." + Option).str();
  Read.insert(Key);
  auto It = Values.find(Key);
  return It == Values.end() ? Default.str() : It->second;
}

unsigned CheckOptions::getUnsigned(llvm::StringRef Check,
                                   llvm::StringRef Option,
                                   unsigned Default) const {
  std::string Key = (Check + "." + Option).str();
  std::string Text = get(Check, Option, "");
  if (!Values.count(Key))
    return Default;
  unsigned Value;
  if (llvm::StringRef(Text).trim().getAsInteger(10, Value)) {
    BadValues[Key] = "invalid value '" + Text + "' for check option '" + Key +
                     "': expected an unsigned integer";
    return Default;
  }
  return Value;
}

llvm::Error CheckOptions::diagnose() const {
  std::vector<std::string> Problems;
  std::vector<std::string> Known(Read.keys().begin(), Read.keys().end());
  llvm::sort(Known);
  std::vector<std::string> Keys(Values.keys().begin(), Values.keys().end());
  llvm::sort(Keys);
  for (const std::string &Key : Keys) {
    if (!Read.contains(Key))
      Problems.push_back("unknown check option '" + Key + "' (known: " +
                         llvm::join(Known, ", ") + ")");
    else if (auto It = BadValues.find(Key); It != BadValues.end())
      Problems.push_back(It->second);
  }
  if (Problems.empty())
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 llvm::join(Problems, "; "));
}

const std::vector<CheckInfo> &allChecks() {
  static const std::vector<CheckInfo> Checks = {
      {OwnershipCycleCheck::Name, OwnershipCycleCheck::Summary,
       [](const CheckOptions &O) {
         return std::make_unique<OwnershipCycleCheck>(O);
       }},
      {PythonClearMissingMemberCheck::Name, PythonClearMissingMemberCheck::Summary,
       [](const CheckOptions &O) {
         return std::make_unique<PythonClearMissingMemberCheck>(O);
       }},
      {PythonGCTraverseFlagCheck::Name, PythonGCTraverseFlagCheck::Summary,
       [](const CheckOptions &O) {
         return std::make_unique<PythonGCTraverseFlagCheck>(O);
       }},
      {PythonHeapTypeReferenceCheck::Name, PythonHeapTypeReferenceCheck::Summary,
       [](const CheckOptions &O) {
         return std::make_unique<PythonHeapTypeReferenceCheck>(O);
       }},
      {PythonManagedDictCheck::Name, PythonManagedDictCheck::Summary,
       [](const CheckOptions &O) {
         return std::make_unique<PythonManagedDictCheck>(O);
       }},
      {PythonModuleStateCheck::Name, PythonModuleStateCheck::Summary,
       [](const CheckOptions &O) {
         return std::make_unique<PythonModuleStateCheck>(O);
       }},
      {PythonReferenceCycleCheck::Name, PythonReferenceCycleCheck::Summary,
       [](const CheckOptions &O) {
         return std::make_unique<PythonReferenceCycleCheck>(O);
       }},
      {PythonTraverseMissingMemberCheck::Name, PythonTraverseMissingMemberCheck::Summary,
       [](const CheckOptions &O) {
         return std::make_unique<PythonTraverseMissingMemberCheck>(O);
       }},
      {PythonUntrackedGCObjectCheck::Name, PythonUntrackedGCObjectCheck::Summary,
       [](const CheckOptions &O) {
         return std::make_unique<PythonUntrackedGCObjectCheck>(O);
       }},
  };
  return Checks;
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
