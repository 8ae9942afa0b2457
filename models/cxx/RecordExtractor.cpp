//===- RecordExtractor.cpp - From one AST to the C++ facts section --------===//
//
// Only declarations outside system headers are walked: the program's records
// live there, and so do the instantiations of its templates. Library types
// are never nodes; the model tells what they do to the types they wrap.
//
//===----------------------------------------------------------------------===//

#include "models/cxx/RecordExtractor.h"
#include "models/cxx/BodyExtractor.h"
#include "models/cxx/TypeClassifier.h"

#include "core/ASTValues.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Sema/Sema.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace cyclint {
namespace {

class FactBuilder {
public:
  FactBuilder(const TUContext &TU, const OwnershipModel &Model)
      : TU(TU), Model(Model), Ctx(TU.ast()), Policy(Ctx.getPrintingPolicy()),
        Classifier(
            Ctx, Model,
            [this](const RecordDecl *RD) -> std::optional<std::string> {
              if (!isProgramRecord(RD))
                return std::nullopt;
              return usrOf(RD);
            },
            [this](const ClassTemplateSpecializationDecl *Spec) {
              if (Requested.insert(Spec).second)
                PendingInstantiations.push_back(Spec);
            }) {
    Policy.SuppressTagKeyword = true;
    Policy.SuppressScope = false;
    Policy.FullyQualifiedName = true;
  }

  bool isProgramRecord(const RecordDecl *RD) const {
    if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD))
      if (CXX->isLambda())
        return false;
    clang::SourceLocation Loc = RD->getLocation();
    return Loc.isValid() && !TU.isInSystemHeader(Loc);
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
      USR += "@tu@" + TU.mainFile().str();
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
      SourceLocation Loc = TU.location(RD->getLocation());
      OS << "(anonymous " << RD->getKindName() << " at "
         << llvm::sys::path::filename(Loc.File) << ":" << Loc.Line << ")";
    }
    return Name;
  }

  RecordFact buildRecord(const RecordDecl *RD, size_t RecordIndex) {
    RecordFact R;
    R.USR = usrOf(RD);
    R.Name = displayName(RD);
    R.TagKind = RD->getKindName().str();
    R.Loc = TU.location(RD->getLocation());
    if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD)) {
      R.Polymorphic = CXX->isPolymorphic() || CXX->isAbstract();
      for (const CXXMethodDecl *M : CXX->methods()) {
        if (M->isImplicit() || M->isDeleted() || M->isDefaulted() ||
            M->isPureVirtual() || M->isStatic() ||
            isa<CXXDestructorDecl>(M) ||
            (M->isConst() && !isa<CXXConstructorDecl>(M)))
          continue;
        const FunctionDecl *Pattern = M->getTemplateInstantiationPattern();
        if (M->hasBody() || (Pattern && Pattern->hasBody()))
          continue;
        SmallString<128> USR;
        if (!index::generateUSRForDecl(M, USR))
          R.UndefinedMethods.push_back(std::string(USR));
      }
      llvm::sort(R.UndefinedMethods);
      if (const CXXDestructorDecl *D = CXX->getDestructor())
        R.UnreadDestructor = D->isUserProvided() && !D->hasBody();
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
      Field.Loc = TU.location(F->getLocation());
      Field.Edges = Classifier.classify(F->getType());
      Field.DefaultInitialized = !Field.Edges.empty() &&
                                 F->hasInClassInitializer() &&
                                 !isNullValue(F->getInClassInitializer());
      FieldIndex[F] = {RecordIndex, R.Fields.size()};
      R.Fields.push_back(std::move(Field));
    }
  }

  CxxFacts Facts;
  std::vector<const ClassTemplateSpecializationDecl *> PendingInstantiations;
  llvm::DenseSet<const ClassTemplateSpecializationDecl *> Requested;
  llvm::DenseMap<const FieldDecl *, std::pair<size_t, size_t>> FieldIndex;
  llvm::DenseMap<const RecordDecl *, size_t> RecordsByDecl;
  std::vector<const FieldDecl *> DeletedFields;

private:
  const TUContext &TU;
  const OwnershipModel &Model;
  ASTContext &Ctx;
  PrintingPolicy Policy;
  TypeClassifier Classifier;
  llvm::DenseMap<const RecordDecl *, std::string> USRCache;

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

  /// Bodies that store counted pointers into members (BodyFacts.h).
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->isDependentContext() || !FD->doesThisDeclarationHaveABody() ||
        FD->isInvalidDecl() || Builder.TU.isInSystemHeader(FD->getLocation()))
      return true;
    if (auto F = extractBody(FD, Builder.TU, Builder.Model, Builder.Classifier,
                             ProgramUSR))
      Builder.Facts.Functions.push_back(std::move(*F));
    return true;
  }

  /// A lambda's body is a function of its own: what it stores or clears
  /// when it runs (`self->on_done = nullptr`) counts for the whole program.
  bool VisitLambdaExpr(LambdaExpr *L) {
    const CXXMethodDecl *Call = L->getCallOperator();
    if (Call && !Call->isDependentContext() &&
        !Builder.TU.isInSystemHeader(L->getBeginLoc()))
      if (auto F = extractBody(Call, Builder.TU, Builder.Model,
                               Builder.Classifier, ProgramUSR))
        Builder.Facts.Functions.push_back(std::move(*F));
    return true;
  }

private:
  FactBuilder &Builder;
  std::function<std::string(const RecordDecl *)> ProgramUSR =
      [this](const RecordDecl *RD) {
        return Builder.isProgramRecord(RD) ? Builder.usrOf(RD) : std::string();
      };
};

} // namespace

CxxFacts extractRecords(const TUContext &TU, const OwnershipModel &Model) {
  ASTContext &Ctx = TU.ast();
  Sema *S = TU.sema();
  FactBuilder Builder(TU, Model);
  RecordVisitor Visitor(Builder);
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (!TU.isInSystemHeader(D->getLocation()))
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
  Builder.Facts.canonicalize();
  return std::move(Builder.Facts);
}

} // namespace cyclint
