//===- Suppression.cpp - NOLINT comments and annotations ------------------===//
//
// Directives are found as clang-tidy finds them: the text `NOLINT`,
// `NOLINTNEXTLINE`, `NOLINTBEGIN` or `NOLINTEND` anywhere on a line, followed
// by an optional parenthesized check list. Each file is scanned once.
//
//===----------------------------------------------------------------------===//

#include "core/Suppression.h"
#include "core/Check.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <map>
#include <memory>

using namespace llvm;

namespace cyclint {

static bool matches(const std::string &Globs, StringRef CheckName) {
  if (Globs.empty())
    return true;
  // A list that does not parse (another tool's syntax) hides nothing.
  auto Parsed = CheckGlobs::parse(Globs);
  if (!Parsed) {
    consumeError(Parsed.takeError());
    return false;
  }
  return Parsed->enables(("cyclint-" + CheckName).str());
}

const std::vector<SuppressionFilter::Directive> &
SuppressionFilter::directives(StringRef File) {
  auto [It, Inserted] = Cache.try_emplace(File);
  if (!Inserted)
    return It->second;
  std::optional<StringRef> Text = Read(File);
  if (!Text)
    return It->second;
  SmallVector<StringRef, 0> Lines;
  Text->split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I) {
    StringRef Rest = Lines[I];
    for (size_t Pos; (Pos = Rest.find("NOLINT")) != StringRef::npos;) {
      Rest = Rest.drop_front(Pos + strlen("NOLINT"));
      Directive D{Directive::SameLine, I + 1, {}};
      if (Rest.consume_front("NEXTLINE"))
        D.K = Directive::NextLine;
      else if (Rest.consume_front("BEGIN"))
        D.K = Directive::Begin;
      else if (Rest.consume_front("END"))
        D.K = Directive::End;
      std::string List;
      if (Rest.starts_with("(")) {
        size_t Close = Rest.find(')');
        if (Close == StringRef::npos)
          continue; // malformed: clang-tidy ignores it too
        List = Rest.slice(1, Close).trim().str();
        Rest = Rest.drop_front(Close + 1);
        if (List.empty())
          continue; // NOLINT() names no check
      }
      D.Checks = std::move(List);
      It->second.push_back(std::move(D));
    }
  }
  return It->second;
}

bool SuppressionFilter::suppressedAt(const SourceLocation &Loc,
                                     StringRef CheckName) {
  if (!Loc.isValid())
    return false;
  // Open NOLINTBEGIN regions, by check list, before the line.
  std::map<std::string, int> Open;
  for (const Directive &D : directives(Loc.File)) {
    const std::string &Globs = D.Checks;
    switch (D.K) {
    case Directive::SameLine:
      if (D.Line == Loc.Line && matches(Globs, CheckName))
        return true;
      break;
    case Directive::NextLine:
      if (D.Line + 1 == Loc.Line && matches(Globs, CheckName))
        return true;
      break;
    case Directive::Begin:
      if (D.Line <= Loc.Line)
        ++Open[Globs];
      break;
    case Directive::End:
      if (D.Line < Loc.Line && Open[Globs] > 0)
        --Open[Globs];
      break;
    }
  }
  return llvm::any_of(Open, [&](const auto &KV) {
    return KV.second > 0 && matches(KV.first, CheckName);
  });
}

bool SuppressionFilter::suppressed(const Finding &F, bool ByAnnotation) {
  auto Marked = [&](const SourceLocation &Loc) {
    return ByAnnotation && Annotated.count(Loc);
  };
  if (Marked(F.Warning.Loc) || suppressedAt(F.Warning.Loc, F.CheckName))
    return true;
  return llvm::any_of(F.Notes, [&](const DiagnosticMessage &N) {
    return Marked(N.Loc) || suppressedAt(N.Loc, F.CheckName);
  });
}

/// Walks declaration contexts (namespaces, records, class templates, linkage
/// specifications, functions' local classes) outside system headers.
static void findAnnotated(const clang::DeclContext *DC, const TUContext &TU,
                          std::vector<SourceLocation> &Out) {
  for (const clang::Decl *D : DC->decls()) {
    if (TU.isInSystemHeader(D->getLocation()))
      continue;
    for (const auto *A : D->specific_attrs<clang::AnnotateAttr>())
      if (A->getAnnotation() == StrongBackLinkAnnotation)
        Out.push_back(TU.location(D->getLocation()));
    if (const auto *T = dyn_cast<clang::ClassTemplateDecl>(D))
      findAnnotated(T->getTemplatedDecl(), TU, Out);
    else if (const auto *C = dyn_cast<clang::DeclContext>(D))
      findAnnotated(C, TU, Out);
  }
}

std::vector<SourceLocation> findStrongBackLinks(const TUContext &TU) {
  std::vector<SourceLocation> Out;
  findAnnotated(TU.ast().getTranslationUnitDecl(), TU, Out);
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  return Out;
}

SuppressionFilter::FileReader diskFileReader() {
  auto Buffers = std::make_shared<StringMap<std::unique_ptr<MemoryBuffer>>>();
  return [Buffers](StringRef File) -> std::optional<StringRef> {
    auto [It, Inserted] = Buffers->try_emplace(File);
    if (Inserted)
      if (auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/true))
        It->second = std::move(*Buffer);
    if (!It->second)
      return std::nullopt;
    return It->second->getBuffer();
  };
}

} // namespace cyclint
