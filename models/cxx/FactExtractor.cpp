//===- FactExtractor.cpp - From one AST to one TU's facts -----------------===//
//
// Only declarations outside system headers are walked: the program's records
// live there, and so do the instantiations of its templates. Library types
// are never nodes; the model tells what they do to the types they wrap.
//
//===----------------------------------------------------------------------===//

#include "models/cxx/FactExtractor.h"
#include "models/cpython/CPythonModel.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Sema/Sema.h"
#include "clang/Sema/SemaConsumer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace cyclint {
namespace {

/// The name the model knows a declaration by: qualified, with inline and
/// anonymous namespaces left out, so that std::__1::vector and
/// std::__cxx11::list match `std::vector` and `std::list`. Empty for
/// function-local declarations, which no model can name.
std::string modelName(const NamedDecl *D) {
  SmallVector<StringRef, 4> Parts{D->getName()};
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (!NS->isInline() && !NS->isAnonymousNamespace())
        Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getName());
    } else if (!isa<TranslationUnitDecl, LinkageSpecDecl>(DC)) {
      return "";
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

class FactBuilder {
public:
  FactBuilder(ASTContext &Ctx, const OwnershipModel &Model,
              StringRef Directory)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Model(Model),
        Directory(Directory), Policy(Ctx.getPrintingPolicy()) {
    Policy.SuppressTagKeyword = true;
    Policy.SuppressScope = false;
    Policy.FullyQualifiedName = true;
    if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
      MainFile = absolutePath(Main->getName());
  }

  bool isProgramRecord(const RecordDecl *RD) const {
    if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD))
      if (CXX->isLambda())
        return false;
    clang::SourceLocation Loc = RD->getLocation();
    return Loc.isValid() && !SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  }

  bool isInSystemHeader(clang::SourceLocation Loc) const {
    return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  }

  /// The merge key. USRs identify a declaration across TUs; types with
  /// internal linkage get the TU's file appended, as two TUs may each have
  /// their own `namespace { struct Impl; }`.
  std::string usrOf(const RecordDecl *RD) {
    auto [It, Inserted] = USRCache.try_emplace(RD);
    if (!Inserted)
      return It->second;
    SmallString<128> Buf;
    if (index::generateUSRForDecl(RD, Buf))
      return It->second = "";
    std::string USR(Buf);
    if (RD->isInAnonymousNamespace() || RD->getParentFunctionOrMethod())
      USR += "@tu@" + MainFile;
    return It->second = USR;
  }

  std::string displayName(const RecordDecl *RD) const {
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    if (RD->getIdentifier()) {
      RD->getNameForDiagnostic(OS, Policy, /*Qualified=*/true);
    } else if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl()) {
      TD->printQualifiedName(OS, Policy);
    } else {
      SourceLocation Loc = location(RD->getLocation());
      OS << "(anonymous " << RD->getKindName() << " at "
         << llvm::sys::path::filename(Loc.File) << ":" << Loc.Line << ")";
    }
    return Name;
  }

  SourceLocation location(clang::SourceLocation Loc) const {
    SourceLocation Result;
    if (Loc.isInvalid())
      return Result;
    Loc = SM.getFileLoc(Loc);
    FileID FID = SM.getFileID(Loc);
    auto [It, Inserted] = FileNames.try_emplace(FID);
    if (Inserted) {
      if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID))
        It->second = absolutePath(FE->getName());
    }
    Result.File = It->second;
    Result.Line = SM.getSpellingLineNumber(Loc);
    Result.Column = SM.getSpellingColumnNumber(Loc);
    return Result;
  }

  std::string absolutePath(StringRef Name) const {
    SmallString<256> Path(Name);
    if (!llvm::sys::path::is_absolute(Path) && !Directory.empty()) {
      SmallString<256> Joined(Directory);
      llvm::sys::path::append(Joined, Path);
      Path = Joined;
    }
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    return std::string(Path);
  }

  /// The edges a value of type T contributes to the object holding it.
  const std::vector<EdgeFact> &classify(QualType T, unsigned Depth = 0) {
    static const std::vector<EdgeFact> None;
    // Deeply nested wrappers are real but rare; recursion through template
    // arguments is bounded so that pathological metaprograms cannot hang us.
    if (T.isNull() || Depth > 12)
      return None;
    const Type *Canon = T.getCanonicalType().getTypePtr();
    auto Cached = TypeCache.find(Canon);
    if (Cached != TypeCache.end())
      return Cached->second;
    std::vector<EdgeFact> Edges = classifyUncached(Canon, Depth);
    return TypeCache[Canon] = std::move(Edges);
  }

  RecordFact buildRecord(const RecordDecl *RD, size_t RecordIndex) {
    RecordFact R;
    R.USR = usrOf(RD);
    R.Name = displayName(RD);
    R.TagKind = RD->getKindName().str();
    R.Loc = location(RD->getLocation());
    if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD)) {
      R.Polymorphic = CXX->isPolymorphic() || CXX->isAbstract();
      for (const CXXBaseSpecifier &Base : CXX->bases()) {
        const RecordDecl *BaseDecl = Base.getType()->getAsRecordDecl();
        if (BaseDecl && isProgramRecord(BaseDecl))
          if (std::string USR = usrOf(BaseDecl); !USR.empty())
            R.BaseUSRs.push_back(USR);
      }
    }
    addFields(RD, R, RecordIndex);
    return R;
  }

  /// Members of an anonymous struct or union are members of the enclosing
  /// record (C11, C++): they are flattened into it.
  void addFields(const RecordDecl *RD, RecordFact &R, size_t RecordIndex) {
    for (const FieldDecl *F : RD->fields()) {
      if (F->isAnonymousStructOrUnion()) {
        if (const RecordDecl *Inner = F->getType()->getAsRecordDecl())
          addFields(Inner, R, RecordIndex);
        continue;
      }
      if (F->getName().empty())
        continue; // unnamed bit-field
      FieldFact Field;
      Field.Name = F->getName().str();
      Field.Type = F->getType().getAsString(Policy);
      Field.Loc = location(F->getLocation());
      Field.Edges = classify(F->getType());
      FieldIndex[F] = {RecordIndex, R.Fields.size()};
      R.Fields.push_back(std::move(Field));
    }
  }

  TUFacts Facts;
  std::vector<const ClassTemplateSpecializationDecl *> PendingInstantiations;
  llvm::DenseSet<const ClassTemplateSpecializationDecl *> Requested;
  llvm::DenseMap<const FieldDecl *, std::pair<size_t, size_t>> FieldIndex;
  llvm::DenseMap<const RecordDecl *, size_t> RecordsByDecl;
  std::vector<const FieldDecl *> DeletedFields;

private:
  std::vector<EdgeFact> classifyUncached(const Type *T, unsigned Depth) {
    std::vector<EdgeFact> Edges;
    auto Wrap = [&](EdgeKind Kind, StringRef Via, QualType Inner,
                    bool Collection = false) {
      for (const EdgeFact &E : classify(Inner, Depth + 1)) {
        EdgeFact Out = E;
        Out.Kind = composeEdgeKinds(Kind, E.Kind);
        Out.Collection |= Collection;
        if (!Via.empty())
          Out.Via.insert(Out.Via.begin(), Via.str());
        Edges.push_back(std::move(Out));
      }
    };
    if (T->isPointerType() || T->isReferenceType()) {
      Wrap(EdgeKind::Borrowed, "", T->getPointeeType());
      return Edges;
    }
    if (const ArrayType *AT = Ctx.getAsArrayType(QualType(T, 0))) {
      Wrap(EdgeKind::Owning, "", AT->getElementType(), /*Collection=*/true);
      return Edges;
    }
    const RecordDecl *RD = T->getAsRecordDecl();
    if (!RD)
      return Edges;

    // Library types are answered by the model, by declaration, never by
    // spelling: a `shared_ptr` outside namespace std is not std::shared_ptr.
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    const NamedDecl *Named =
        Spec ? static_cast<const NamedDecl *>(Spec->getSpecializedTemplate())
             : RD;
    if (const TypeRule *Rule = Model.lookup(modelName(Named))) {
      std::string Via = Rule->Name;
      if (Rule->Kind == EdgeKind::Unknown) {
        Edges.push_back({EdgeKind::Unknown, "", {Via}});
        return Edges;
      }
      if (!Spec)
        return Edges;
      const TemplateArgumentList &Args = Spec->getTemplateArgs();
      auto Hold = [&](const TemplateArgument &Arg) {
        if (Arg.getKind() == TemplateArgument::Type)
          Wrap(Rule->Kind, Via, Arg.getAsType(), Rule->Collection);
        else if (Arg.getKind() == TemplateArgument::Pack)
          for (const TemplateArgument &P : Arg.pack_elements())
            if (P.getKind() == TemplateArgument::Type)
              Wrap(Rule->Kind, Via, P.getAsType(), Rule->Collection);
      };
      for (unsigned I = 0; I < Args.size(); ++I)
        if (Rule->AllArguments || llvm::is_contained(Rule->Arguments, I))
          Hold(Args[I]);
      return Edges;
    }

    if (isProgramRecord(RD)) {
      // shared_ptr<Observer<Model>> does not instantiate Observer<Model>;
      // the extractor asks for it later, so that it has fields.
      if (Spec && !Spec->isCompleteDefinition() && Requested.insert(Spec).second)
        PendingInstantiations.push_back(Spec);
      if (std::string USR = usrOf(RD); !USR.empty())
        Edges.push_back({EdgeKind::Owning, USR, {}});
      return Edges;
    }

    // An unmodelled library template: whatever program types it wraps are
    // held in a way we cannot see. Say so rather than guess.
    if (Spec) {
      std::string Via = modelName(Named);
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type)
          for (const EdgeFact &E : classify(Arg.getAsType(), Depth + 1))
            if (!E.TargetUSR.empty())
              Edges.push_back({EdgeKind::Unknown, E.TargetUSR, {Via}});
    }
    return Edges;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const OwnershipModel &Model;
  std::string Directory;
  std::string MainFile;
  PrintingPolicy Policy;
  llvm::DenseMap<const Type *, std::vector<EdgeFact>> TypeCache;
  llvm::DenseMap<const RecordDecl *, std::string> USRCache;
  mutable llvm::DenseMap<FileID, std::string> FileNames;

  friend class RecordVisitor;
};

class RecordVisitor : public RecursiveASTVisitor<RecordVisitor> {
public:
  explicit RecordVisitor(FactBuilder &Builder) : Builder(Builder) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitRecordDecl(RecordDecl *RD) {
    if (!RD->isCompleteDefinition() || RD->isDependentContext() ||
        RD->isInvalidDecl() || RD->isAnonymousStructOrUnion() ||
        !Builder.isProgramRecord(RD))
      return true;
    if (isa<ClassTemplatePartialSpecializationDecl>(RD))
      return true;
    if (Builder.RecordsByDecl.count(RD) || Builder.usrOf(RD).empty())
      return true;
    size_t Index = Builder.Facts.Records.size();
    Builder.RecordsByDecl[RD] = Index;
    Builder.Facts.Records.push_back(Builder.buildRecord(RD, Index));
    return true;
  }

  /// `delete member;` in a destructor makes a raw pointer member owning (the
  /// pimpl idiom). The destructor is often in another TU than the class.
  bool VisitCXXDestructorDecl(CXXDestructorDecl *D) {
    if (!D->doesThisDeclarationHaveABody() || D->isDependentContext())
      return true;
    struct DeleteFinder : RecursiveASTVisitor<DeleteFinder> {
      std::vector<const FieldDecl *> &Out;
      explicit DeleteFinder(std::vector<const FieldDecl *> &Out) : Out(Out) {}
      bool VisitCXXDeleteExpr(CXXDeleteExpr *E) {
        const auto *ME =
            dyn_cast<MemberExpr>(E->getArgument()->IgnoreParenImpCasts());
        if (ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
          if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
            Out.push_back(F);
        return true;
      }
    } Finder(Builder.DeletedFields);
    Finder.TraverseStmt(D->getBody());
    return true;
  }

private:
  FactBuilder &Builder;
};

class ExtractFactsConsumer : public SemaConsumer {
public:
  ExtractFactsConsumer(const OwnershipModel &Model, std::string Directory,
                       TUFacts &Out, const SourceManager &SM,
                       const Preprocessor &PP)
      : Model(Model), Directory(std::move(Directory)), Out(Out), SM(SM),
        PP(PP) {}

  bool shouldSkipFunctionBody(Decl *D) override {
    return SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    // A TU that did not compile is not analyzed: its AST may be missing the
    // very members that would close (or break) a cycle.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    Out = extractFacts(Ctx, Model, Directory, TheSema, &PP);
  }

  void InitializeSema(Sema &S) override { TheSema = &S; }
  void ForgetSema() override { TheSema = nullptr; }

private:
  const OwnershipModel &Model;
  std::string Directory;
  TUFacts &Out;
  const SourceManager &SM;
  Sema *TheSema = nullptr;
  const Preprocessor &PP;
};

class ExtractFactsAction : public ASTFrontendAction {
public:
  ExtractFactsAction(const OwnershipModel &Model, std::string Directory,
                     TUFacts &Out)
      : Model(Model), Directory(std::move(Directory)), Out(Out) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    // The driver reports a failed TU in one line; no "N errors generated".
    CI.getDiagnosticOpts().ShowCarets = false;
    return std::make_unique<ExtractFactsConsumer>(
        Model, Directory, Out, CI.getSourceManager(), CI.getPreprocessor());
  }

private:
  const OwnershipModel &Model;
  std::string Directory;
  TUFacts &Out;
};

} // namespace

TUFacts extractFacts(ASTContext &Ctx, const OwnershipModel &Model,
                     StringRef Directory, Sema *S, const Preprocessor *PP) {
  FactBuilder Builder(Ctx, Model, Directory);
  RecordVisitor Visitor(Builder);
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (!Builder.isInSystemHeader(D->getLocation()))
      Visitor.TraverseDecl(D);
  // Instantiate the program's class templates that members name but no code
  // made complete. Diagnostics are suppressed: an instantiation that fails
  // is simply not a node, it does not fail the TU. Bounded for safety.
  DiagnosticsEngine &Diags = Ctx.getDiagnostics();
  for (unsigned Budget = 512; S && Budget && !Builder.PendingInstantiations.empty();
       --Budget) {
    auto *Spec = const_cast<ClassTemplateSpecializationDecl *>(
        Builder.PendingInstantiations.back());
    Builder.PendingInstantiations.pop_back();
    bool WasSuppressed = Diags.getSuppressAllDiagnostics();
    Diags.setSuppressAllDiagnostics(true);
    bool Complete = S->isCompleteType(Spec->getLocation(), Ctx.getRecordType(Spec));
    Diags.setSuppressAllDiagnostics(WasSuppressed);
    if (Complete && !Spec->isInvalidDecl())
      Visitor.TraverseDecl(Spec);
  }
  for (const FieldDecl *F : Builder.DeletedFields) {
    auto It = Builder.FieldIndex.find(F);
    if (It != Builder.FieldIndex.end())
      Builder.Facts.Records[It->second.first]
          .Fields[It->second.second]
          .DeletedInDestructor = true;
  }
  Builder.Facts.MainFile = Builder.location(
      Ctx.getSourceManager().getLocForStartOfFile(
          Ctx.getSourceManager().getMainFileID())).File;
  Builder.Facts.Directory = Directory.str();
  Builder.Facts.Python = CPythonModel::builtin().extract(
      Ctx, PP,
      [&](clang::SourceLocation L) { return Builder.location(L); },
      Builder.Facts.MainFile);
  Builder.Facts.canonicalize();
  return std::move(Builder.Facts);
}

std::unique_ptr<FrontendAction>
createExtractFactsAction(const OwnershipModel &Model, std::string Directory,
                         TUFacts &Out) {
  return std::make_unique<ExtractFactsAction>(Model, std::move(Directory),
                                              Out);
}

} // namespace cyclint
