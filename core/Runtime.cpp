//===- Runtime.cpp - TU context, model routing, the merge -----------------===//

#include "core/InputError.h"
#include "core/Program.h"
#include "core/Runtime.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

using namespace llvm;

namespace cyclint {

FactSection::~FactSection() = default;
ProgramView::~ProgramView() = default;
SectionDeduplicator::~SectionDeduplicator() = default;
Runtime::~Runtime() = default;

TUContext::TUContext(clang::ASTContext &Ctx, StringRef Directory,
                     clang::Sema *S, const clang::Preprocessor *PP)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), Directory(Directory), S(S),
      PP(PP) {
  MainFile = location(SM.getLocForStartOfFile(SM.getMainFileID())).File;
}

std::string TUContext::absolutePath(StringRef Name) const {
  SmallString<256> Path(Name);
  if (!sys::path::is_absolute(Path) && !Directory.empty()) {
    SmallString<256> Joined(Directory);
    sys::path::append(Joined, Path);
    Path = Joined;
  }
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

SourceLocation TUContext::location(clang::SourceLocation Loc) const {
  SourceLocation Result;
  if (Loc.isInvalid())
    return Result;
  Loc = SM.getFileLoc(Loc);
  clang::FileID FID = SM.getFileID(Loc);
  auto [It, Inserted] = FileNames.try_emplace(FID);
  if (Inserted)
    if (clang::OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID))
      It->second = absolutePath(FE->getName());
  Result.File = It->second;
  Result.Line = SM.getSpellingLineNumber(Loc);
  Result.Column = SM.getSpellingColumnNumber(Loc);
  return Result;
}

bool TUContext::isInSystemHeader(clang::SourceLocation Loc) const {
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

/// The value of a top-level key of a YAML document, or empty. Syntax errors
/// are not reported here: the runtime's own reader reports them with its
/// line numbers.
static std::string topLevelValue(StringRef Text, StringRef WantedKey) {
  SourceMgr SM;
  SM.setDiagHandler([](const SMDiagnostic &, void *) {});
  yaml::Stream Stream(Text, SM);
  auto Doc = Stream.begin();
  if (Doc == Stream.end())
    return "";
  auto *Map = dyn_cast_or_null<yaml::MappingNode>(Doc->getRoot());
  if (!Map)
    return "";
  for (yaml::KeyValueNode &KV : *Map) {
    auto *Key = dyn_cast_or_null<yaml::ScalarNode>(KV.getKey());
    SmallString<16> KeyStorage, ValueStorage;
    if (!Key || Key->getValue(KeyStorage) != WantedKey)
      continue;
    if (auto *Value = dyn_cast_or_null<yaml::ScalarNode>(KV.getValue()))
      return Value->getValue(ValueStorage).str();
    return "";
  }
  return "";
}

static std::string runtimeKey(StringRef Text) {
  return topLevelValue(Text, "runtime");
}

std::pair<std::string, std::string> modelIdentity(StringRef Text) {
  std::string Runtime = runtimeKey(Text);
  return {Runtime.empty() ? "cxx" : Runtime, topLevelValue(Text, "name")};
}

Error addModelFile(const RuntimeList &Runtimes, StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createFileError(Path, Buffer.getError());
  return addModelText(Runtimes, (*Buffer)->getBuffer(), Path);
}

Error addModelText(const RuntimeList &Runtimes, StringRef Text,
                   StringRef Path) {
  std::string Name = runtimeKey(Text);
  if (Name.empty())
    Name = "cxx";
  std::vector<std::string> Known;
  for (const std::unique_ptr<Runtime> &R : Runtimes) {
    if (R->name() == Name)
      return R->addModelText(Text, Path);
    Known.push_back(R->name().str());
  }
  return createStringError(inconvertibleErrorCode(),
                           "%s: unknown runtime '%s' (known: %s)",
                           Path.str().c_str(),
                           escapeForOneLine(Name).c_str(),
                           join(Known, ", ").c_str());
}

const ProgramView *Program::find(StringRef Name) const {
  for (const auto &[ViewName, View] : Views)
    if (ViewName == Name)
      return View.get();
  return nullptr;
}

void Program::addView(std::string Name, std::unique_ptr<ProgramView> View) {
  Views.emplace_back(std::move(Name), std::move(View));
}

Program Program::build(const RuntimeList &Runtimes, std::vector<TUFacts> TUs) {
  // The merge must not depend on scheduling: order TUs by their identity.
  llvm::stable_sort(TUs, [](const TUFacts &A, const TUFacts &B) {
    return std::tie(A.MainFile, A.Directory) <
           std::tie(B.MainFile, B.Directory);
  });
  Program P;
  for (const TUFacts &TU : TUs)
    P.StrongBackLinks.insert(TU.StrongBackLinks.begin(),
                             TU.StrongBackLinks.end());
  for (const std::unique_ptr<Runtime> &R : Runtimes) {
    std::vector<std::unique_ptr<FactSection>> Sections;
    for (TUFacts &TU : TUs)
      for (auto &[Name, Section] : TU.Sections)
        if (Name == R->name() && Section)
          Sections.push_back(std::move(Section));
    P.addView(R->name().str(), R->buildView(std::move(Sections)));
  }
  return P;
}

} // namespace cyclint
