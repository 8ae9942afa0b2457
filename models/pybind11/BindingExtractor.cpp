//===- BindingExtractor.cpp - A TU's bound classes, as facts --------------===//
//
// One walk over the program's declarations (system headers skipped) with
// three readers: a type classifier (what a member or parameter holds), a
// binding reader (class_ expressions and the def_* calls on them) and a
// store summarizer (which parameter a function stores into which member).
// Everything it cannot read (a setup callback defined elsewhere, a traverse
// that calls an unknown function) is recorded as unknown, never guessed.
//
//===----------------------------------------------------------------------===//

#include "models/pybind11/BindingExtractor.h"

#include "core/ASTValues.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Index/USRGeneration.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"

#include <optional>
#include <set>

using namespace clang;

namespace cyclint {
namespace {

/// What a type holds, for a member or a parameter.
struct Held {
  HolderKind Kind = HolderKind::Object;
  std::vector<std::string> Via;
  bool Fillable = false;
  std::string Inner; // Struct: the record's USR
  bool IsHandle = false; // a library handle (borrowed unless released)
};

/// Qualified name with inline and anonymous namespaces left out.
std::string qualifiedName(const NamedDecl *D) {
  std::string Name = D->getNameAsString();
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(C)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Name = NS->getNameAsString() + "::" + Name;
    } else if (const auto *R = dyn_cast<RecordDecl>(C)) {
      Name = R->getNameAsString() + "::" + Name;
    }
  }
  return Name;
}

/// The outermost namespace a declaration lives in ("" at global scope).
StringRef outerNamespace(const Decl *D) {
  StringRef Outer;
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(C))
      if (!NS->isAnonymousNamespace())
        Outer = NS->getName();
  return Outer;
}

bool contains(const std::vector<std::string> &List, StringRef Name) {
  return llvm::is_contained(List, Name);
}

/// Peels what never changes a value's identity: parentheses, casts,
/// temporaries, cleanups (`py::custom_type_setup(f)`, `T(x)`).
const Expr *strip(const Expr *E) {
  return peelValue(E, /*ExplicitCasts=*/true);
}

class Extractor : public RecursiveASTVisitor<Extractor> {
public:
  Extractor(const BindingModel &Model, const TUContext &TU)
      : M(Model.data()), TU(TU), Ctx(TU.ast()) {}

  BindingTUFacts run() {
    TraverseDecl(Ctx.getTranslationUnitDecl());
    Out.canonicalize();
    return std::move(Out);
  }

  // The walk: program declarations only.
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        TU.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    if (RD->isThisDeclarationADefinition() && !RD->isDependentContext() &&
        !RD->isLambda())
      emitRecord(RD);
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
      summarize(FD);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    if (const BindingLibrary *L = classTemplateOf(E->getConstructor()->getParent()))
      readClass(*L, E);
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
    const CXXMethodDecl *MD = E->getMethodDecl();
    if (!MD)
      return true;
    if (const BindingLibrary *L = classTemplateOf(MD->getParent()))
      readDef(*L, E, MD->getName());
    return true;
  }

private:
  //===-- Names -----------------------------------------------------------===//

  bool inLibrary(const NamedDecl *D, const BindingLibrary &L) const {
    return outerNamespace(D) == L.Namespace;
  }

  /// The library whose class_ template `RD` is a specialization of.
  const BindingLibrary *classTemplateOf(const CXXRecordDecl *RD) const {
    const auto *S = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
    if (!S || !S->getIdentifier())
      return nullptr;
    for (const BindingLibrary &L : M.Libraries)
      if (S->getName() == L.ClassTemplate && inLibrary(S, L))
        return &L;
    return nullptr;
  }

  /// The library class `RD` is named `Name` in, if any.
  const BindingLibrary *libraryClass(const CXXRecordDecl *RD) const {
    if (!RD->getIdentifier())
      return nullptr;
    for (const BindingLibrary &L : M.Libraries)
      if (inLibrary(RD, L))
        return &L;
    return nullptr;
  }

  std::string usrOf(const Decl *D) {
    SmallString<128> Buf;
    if (index::generateUSRForDecl(D, Buf))
      return "";
    std::string USR(Buf);
    bool Local = false;
    if (const auto *RD = dyn_cast<RecordDecl>(D))
      Local = RD->isInAnonymousNamespace() || RD->getParentFunctionOrMethod();
    else if (const auto *FD = dyn_cast<FunctionDecl>(D))
      Local = !FD->isExternallyVisible() ||
              (isa<CXXMethodDecl>(FD) &&
               cast<CXXMethodDecl>(FD)->getParent()->isLambda());
    if (Local)
      USR += "@tu@" + TU.mainFile().str();
    return USR;
  }

  std::string printName(const NamedDecl *D) const {
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    PrintingPolicy Policy(Ctx.getLangOpts());
    Policy.SuppressUnwrittenScope = true;
    D->getNameForDiagnostic(OS, Policy, /*Qualified=*/true);
    return Name;
  }

  std::string functionName(const FunctionDecl *FD) const {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda())
        return "lambda";
    return printName(FD);
  }

  bool isProgramRecord(const CXXRecordDecl *RD) const {
    return RD && RD->getLocation().isValid() &&
           !TU.isInSystemHeader(RD->getLocation()) && !RD->isLambda();
  }

  //===-- What a type holds -----------------------------------------------===//

  /// `RD` is, or derives from, a library's object class.
  const BindingLibrary *objectLibrary(const CXXRecordDecl *RD,
                                      int Depth = 0) const {
    if (!RD || Depth > 8 || !RD->hasDefinition())
      return nullptr;
    RD = RD->getDefinition();
    if (const BindingLibrary *L = libraryClass(RD))
      if (RD->getName() == L->ObjectClass)
        return L;
    for (const CXXBaseSpecifier &B : RD->bases())
      if (const BindingLibrary *L =
              objectLibrary(B.getType()->getAsCXXRecordDecl(), Depth + 1))
        return L;
    return nullptr;
  }

  std::optional<Held> classify(QualType T, bool CasterNeeded, int Depth = 0) {
    if (Depth > 6 || T.isNull())
      return std::nullopt;
    T = T.getNonReferenceType().getCanonicalType();
    const auto *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return std::nullopt;
    // A library reference holder.
    if (const BindingLibrary *L = libraryClass(RD)) {
      if (RD->getName() == L->HandleClass) {
        Held H;
        H.IsHandle = true;
        return H;
      }
      if (const BindingLibrary *OL = objectLibrary(RD)) {
        if (contains(OL->AcyclicClasses, RD->getName()))
          return std::nullopt;
        Held H;
        H.Fillable = contains(OL->MutableClasses, RD->getName());
        return H;
      }
      return std::nullopt;
    }
    if (isProgramRecord(RD) && objectLibrary(RD)) {
      return Held(); // a program subclass of py::object
    }
    std::string QName = qualifiedName(RD);
    if (M.Callables.contains(QName)) {
      if (CasterNeeded && !hasCallableCaster())
        return std::nullopt;
      Held H;
      H.Kind = HolderKind::Callable;
      return H;
    }
    if (M.Containers.contains(QName)) {
      const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(RD);
      if (!S)
        return std::nullopt;
      for (const TemplateArgument &A : S->getTemplateArgs().asArray()) {
        llvm::SmallVector<TemplateArgument, 4> Args;
        if (A.getKind() == TemplateArgument::Pack)
          Args.append(A.pack_begin(), A.pack_end());
        else
          Args.push_back(A);
        for (const TemplateArgument &Arg : Args) {
          if (Arg.getKind() != TemplateArgument::Type)
            continue;
          if (std::optional<Held> H =
                  classify(Arg.getAsType(), CasterNeeded, Depth + 1)) {
            if (H->IsHandle)
              continue; // a borrowed handle in a container stays borrowed
            H->Via.insert(H->Via.begin(), QName);
            return H;
          }
        }
      }
      return std::nullopt;
    }
    if (isProgramRecord(RD) && RD->hasDefinition() &&
        recordHolds(RD->getDefinition())) {
      Held H;
      H.Kind = HolderKind::Struct;
      H.Inner = usrOf(RD->getDefinition());
      return H;
    }
    return std::nullopt;
  }

  /// A member's holder, with handles and PyObject pointers counted only
  /// when the owner's destructor releases them.
  std::optional<Held> classifyField(const FieldDecl *F) {
    QualType T = F->getType();
    if (T->isPointerType()) {
      const auto *TD = T->getPointeeType()->getAsRecordDecl();
      if (TD && TD->getName() == "_object" && releasedInDestructor(F))
        return Held();
      return std::nullopt;
    }
    std::optional<Held> H = classify(T, /*CasterNeeded=*/false);
    if (H && H->IsHandle && H->Via.empty()) {
      if (!releasedInDestructor(F))
        return std::nullopt;
      H->IsHandle = false;
    }
    return H;
  }

  bool releasedInDestructor(const FieldDecl *F) {
    const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent());
    if (!RD)
      return false;
    const CXXDestructorDecl *D = RD->getDestructor();
    const FunctionDecl *Def = nullptr;
    if (!D || !D->hasBody(Def) || !Def->getBody())
      return false;
    bool Found = false;
    std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
      if (!S || Found)
        return;
      if (const auto *C = dyn_cast<CallExpr>(S)) {
        const FunctionDecl *Callee = C->getDirectCallee();
        bool Releases = Callee && M.Releases.contains(Callee->getName());
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
          if (Callee && M.ReleaseMethods.contains(Callee->getName()) &&
              mentionsField(MC->getImplicitObjectArgument(), F))
            Found = true;
        if (Releases)
          for (const Expr *A : C->arguments())
            if (mentionsField(A, F))
              Found = true;
      }
      for (const Stmt *Child : S->children())
        Walk(Child);
    };
    Walk(Def->getBody());
    return Found;
  }

  static bool mentionsField(const Stmt *S, const FieldDecl *F) {
    if (!S)
      return false;
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (ME->getMemberDecl() == F)
        return true;
    for (const Stmt *Child : S->children())
      if (mentionsField(Child, F))
        return true;
    return false;
  }

  bool recordHolds(const CXXRecordDecl *RD) {
    auto [It, Inserted] = Holds.try_emplace(RD, false);
    if (!Inserted)
      return It->second; // known, or in progress (a recursive type)
    bool Result = false;
    for (const FieldDecl *F : RD->fields())
      if (classifyField(F)) {
        Result = true;
        break;
      }
    Holds[RD] = Result;
    return Result;
  }

  void emitRecord(const CXXRecordDecl *RD) {
    if (!isProgramRecord(RD) || !RD->isCompleteDefinition() ||
        RD->isDependentContext() || !Emitted.insert(RD).second)
      return;
    HolderRecordFact R;
    for (const FieldDecl *F : RD->fields()) {
      std::optional<Held> H = classifyField(F);
      if (!H)
        continue;
      HeldMemberFact Member;
      Member.Name = F->getNameAsString();
      Member.Type = F->getType().getAsString(Ctx.getPrintingPolicy());
      Member.Loc = TU.location(F->getLocation());
      Member.Kind = H->Kind;
      Member.Via = H->Via;
      Member.Fillable = H->Fillable;
      Member.Inner = H->Inner;
      R.Members.push_back(std::move(Member));
      if (H->Kind == HolderKind::Struct)
        if (const CXXRecordDecl *Inner = innerRecord(F->getType()))
          emitRecord(Inner);
    }
    if (R.Members.empty())
      return;
    R.Usr = usrOf(RD);
    R.Name = printName(RD);
    R.Loc = TU.location(RD->getLocation());
    Out.Holders.push_back(std::move(R));
  }

  /// The program record a Struct holder holds (through containers).
  const CXXRecordDecl *innerRecord(QualType T, int Depth = 0) {
    if (Depth > 6)
      return nullptr;
    const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
    if (!RD)
      return nullptr;
    if (isProgramRecord(RD))
      return RD->getDefinition();
    if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      for (const TemplateArgument &A : S->getTemplateArgs().asArray())
        if (A.getKind() == TemplateArgument::Type)
          if (const CXXRecordDecl *Inner = innerRecord(A.getAsType(), Depth + 1))
            return Inner;
    return nullptr;
  }

  /// Whether the TU can convert a Python callable into a std::function: a
  /// partial specialization type_caster<std::function<...>> is declared
  /// (pybind11/functional.h, nanobind/stl/function.h).
  bool hasCallableCaster() {
    if (CallableCaster)
      return *CallableCaster;
    CallableCaster = false;
    for (const BindingLibrary &L : M.Libraries)
      if (const ClassTemplateDecl *Caster = findCaster(L)) {
        llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 8> Partials;
        const_cast<ClassTemplateDecl *>(Caster)->getPartialSpecializations(
            Partials);
        for (const ClassTemplatePartialSpecializationDecl *P : Partials) {
          const TemplateArgumentList &Args = P->getTemplateArgs();
          if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
            continue;
          QualType A = Args[0].getAsType();
          if (const auto *TST = A->getAs<TemplateSpecializationType>())
            if (const TemplateDecl *TD =
                    TST->getTemplateName().getAsTemplateDecl())
              if (M.Callables.contains(qualifiedName(TD)))
                CallableCaster = true;
        }
      }
    return *CallableCaster;
  }

  const ClassTemplateDecl *findCaster(const BindingLibrary &L) {
    auto Lookup = [&](const DeclContext *DC,
                      StringRef Name) -> const NamedDecl * {
      for (const NamedDecl *D : DC->lookup(&Ctx.Idents.get(Name)))
        return D;
      return nullptr;
    };
    const auto *NS = dyn_cast_or_null<NamespaceDecl>(
        Lookup(Ctx.getTranslationUnitDecl(), L.Namespace));
    if (!NS)
      return nullptr;
    // pybind11 and nanobind keep their casters in `detail`; both may sit in
    // an inline (ABI) namespace, which lookup sees through.
    const auto *Detail = dyn_cast_or_null<NamespaceDecl>(Lookup(NS, "detail"));
    if (!Detail)
      return nullptr;
    return dyn_cast_or_null<ClassTemplateDecl>(
        Lookup(Detail, L.CasterTemplate));
  }

  //===-- Stores: which parameter goes into which member -------------------===//

  struct Target {
    int Root = -1; // -1: this; else a parameter index
    BindingMemberPath Path;
  };

  /// The member path an expression designates (`self.cbs.on_click`,
  /// `this->handlers[k]`), rooted at `this` or a parameter.
  std::optional<Target> targetOf(const Expr *E, const FunctionDecl *FD,
                                 int Depth = 0) {
    E = strip(E);
    if (!E || Depth > 8)
      return std::nullopt;
    if (isa<CXXThisExpr>(E))
      return Target{};
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!F)
        return std::nullopt;
      std::optional<Target> Base = targetOf(ME->getBase(), FD, Depth + 1);
      if (!Base)
        return std::nullopt;
      Base->Path.push_back(memberRef(F));
      return Base;
    }
    if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *P = dyn_cast<ParmVarDecl>(DR->getDecl())) {
        for (unsigned I = 0; I < FD->getNumParams(); ++I)
          if (FD->getParamDecl(I) == P)
            return Target{int(I), {}};
        return std::nullopt;
      }
      // A local reference to a member: `auto &cbs = self.callbacks;`.
      if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
        if (V->getType()->isReferenceType() && V->hasInit())
          return targetOf(V->getInit(), FD, Depth + 1);
      return std::nullopt;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_Deref)
        return targetOf(U->getSubExpr(), FD, Depth + 1);
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
      return targetOf(A->getBase(), FD, Depth + 1);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      OverloadedOperatorKind K = OC->getOperator();
      if ((K == OO_Subscript || K == OO_Star || K == OO_Arrow) &&
          OC->getNumArgs() >= 1)
        return targetOf(OC->getArg(0), FD, Depth + 1);
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      // Element and attribute access on a member: what is stored through
      // it, the member's object holds.
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getIdentifier() &&
          (MD->getName() == "at" || MD->getName() == "attr" ||
           MD->getName() == "front" || MD->getName() == "back"))
        return targetOf(MC->getImplicitObjectArgument(), FD, Depth + 1);
      if (MD && MD->getOverloadedOperator() == OO_Subscript)
        return targetOf(MC->getImplicitObjectArgument(), FD, Depth + 1);
    }
    return std::nullopt;
  }

  BindingMember memberRef(const FieldDecl *F) {
    return {usrOf(F->getParent()), F->getNameAsString()};
  }

  /// The parameters whose value an expression carries: the parameter
  /// itself, moved, cast, converted, wrapped in a pair or an initializer
  /// list, or captured by copy in a lambda.
  void carried(const Expr *E, const FunctionDecl *FD,
               const llvm::DenseSet<unsigned> &Params,
               std::set<unsigned> &Out, int Depth = 0) {
    E = strip(E);
    if (!E || Depth > 8)
      return;
    if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *P = dyn_cast<ParmVarDecl>(DR->getDecl())) {
        for (unsigned I = 0; I < FD->getNumParams(); ++I)
          if (FD->getParamDecl(I) == P && Params.contains(I))
            Out.insert(I);
      } else if (const auto *V = dyn_cast<VarDecl>(DR->getDecl())) {
        if (V->isLocalVarDecl() && V->hasInit())
          carried(V->getInit(), FD, Params, Out, Depth + 1);
      }
      return;
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      for (const Expr *A : C->arguments())
        carried(A, FD, Params, Out, Depth + 1);
      return;
    }
    if (const auto *C = dyn_cast<CXXFunctionalCastExpr>(E))
      return carried(C->getSubExpr(), FD, Params, Out, Depth + 1);
    if (const auto *IL = dyn_cast<InitListExpr>(E)) {
      for (const Expr *I : IL->inits())
        carried(I, FD, Params, Out, Depth + 1);
      return;
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      carried(CO->getTrueExpr(), FD, Params, Out, Depth + 1);
      carried(CO->getFalseExpr(), FD, Params, Out, Depth + 1);
      return;
    }
    if (const auto *L = dyn_cast<LambdaExpr>(E)) {
      auto Init = L->capture_init_begin();
      for (const LambdaCapture &C : L->captures()) {
        if (C.getCaptureKind() == LCK_ByCopy && *Init)
          carried(*Init, FD, Params, Out, Depth + 1);
        ++Init;
      }
      return;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getIdentifier() &&
          M.PassThroughMethods.contains(MD->getName()))
        carried(MC->getImplicitObjectArgument(), FD, Params, Out, Depth + 1);
      return;
    }
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = C->getDirectCallee();
      if (Callee && M.PassThrough.contains(qualifiedName(Callee)))
        for (const Expr *A : C->arguments())
          carried(A, FD, Params, Out, Depth + 1);
      return;
    }
  }

  /// Parameters worth following: those whose type can hold a Python object
  /// (a handle too: it is usually turned into an object when stored).
  llvm::DenseSet<unsigned> objectParams(const FunctionDecl *FD,
                                        bool CasterNeeded) {
    llvm::DenseSet<unsigned> Params;
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (std::optional<Held> H =
              classify(FD->getParamDecl(I)->getType(), CasterNeeded))
        if (H->Kind != HolderKind::Struct)
          Params.insert(I);
    return Params;
  }

  void addStore(StoreSummaryFact &F, const Expr *TargetExpr, const Expr *Value,
                const FunctionDecl *FD, const llvm::DenseSet<unsigned> &Params,
                clang::SourceLocation Loc) {
    std::set<unsigned> From;
    carried(Value, FD, Params, From);
    if (From.empty())
      return;
    std::optional<Target> T = targetOf(TargetExpr, FD);
    if (!T || T->Path.empty())
      return;
    for (unsigned P : From)
      if (int(P) != T->Root)
        F.Stores.push_back({int(P), T->Root, T->Path, TU.location(Loc)});
  }

  /// Records which parameters `FD` stores into members (once per function).
  void summarize(const FunctionDecl *FD) {
    const FunctionDecl *Def = nullptr;
    if (!FD->hasBody(Def) || !Def->getBody() || Def->isDependentContext())
      return;
    if (TU.isInSystemHeader(Def->getLocation()))
      return;
    if (!Summarized.insert(Def).second)
      return;
    llvm::DenseSet<unsigned> Params = objectParams(Def, /*CasterNeeded=*/false);
    if (Params.empty())
      return;
    StoreSummaryFact F;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isMemberInitializer() && Init->isWritten()) {
          std::set<unsigned> From;
          carried(Init->getInit(), Def, Params, From);
          for (unsigned P : From)
            F.Stores.push_back({int(P), -1, {memberRef(Init->getMember())},
                                TU.location(Init->getSourceLocation())});
        }
    std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
      if (!S)
        return;
      if (isa<LambdaExpr>(S))
        return; // a lambda's body runs later, as another function
      if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
        if (BO->getOpcode() == BO_Assign)
          addStore(F, BO->getLHS(), BO->getRHS(), Def, Params,
                   BO->getOperatorLoc());
      } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
        if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
          addStore(F, OC->getArg(0), OC->getArg(1), Def, Params,
                   OC->getOperatorLoc());
      } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
        const CXXMethodDecl *MD = MC->getMethodDecl();
        if (MD && MD->getIdentifier() && M.Inserters.contains(MD->getName()))
          for (const Expr *A : MC->arguments())
            addStore(F, MC->getImplicitObjectArgument(), A, Def, Params,
                     MC->getExprLoc());
      }
      for (const Stmt *Child : S->children())
        Walk(Child);
    };
    Walk(Def->getBody());
    if (F.Stores.empty())
      return;
    F.Usr = usrOf(Def);
    F.Name = functionName(Def);
    F.Loc = TU.location(Def->getLocation());
    Out.Functions.push_back(std::move(F));
  }

  //===-- Bound classes ---------------------------------------------------===//

  void readClass(const BindingLibrary &L, const CXXConstructExpr *E) {
    if (!E->getExprLoc().isValid() || TU.isInSystemHeader(E->getExprLoc()))
      return;
    const auto *S = cast<ClassTemplateSpecializationDecl>(
        E->getConstructor()->getParent());
    const TemplateArgumentList &Args = S->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
      return;
    const CXXRecordDecl *T = Args[0].getAsType()->getAsCXXRecordDecl();
    if (!T || !T->hasDefinition() || !isProgramRecord(T))
      return;
    T = T->getDefinition();
    // Copies and moves of a class_ object are not new bindings.
    if (E->getConstructor()->isCopyOrMoveConstructor() || E->getNumArgs() < 2)
      return;
    emitRecord(T);
    BoundClassFact C;
    C.Usr = usrOf(T);
    C.Name = printName(T);
    C.Library = L.Name;
    C.Loc = TU.location(E->getBeginLoc());
    if (const auto *SL = dyn_cast<StringLiteral>(strip(E->getArg(1))))
      C.PyName = SL->getString().str();
    // Template options: bases are program records T derives from, an alias
    // derives from T; anything else is the holder.
    for (unsigned I = 1; I < Args.size(); ++I) {
      llvm::SmallVector<TemplateArgument, 4> Opts;
      if (Args[I].getKind() == TemplateArgument::Pack)
        Opts.append(Args[I].pack_begin(), Args[I].pack_end());
      else
        Opts.push_back(Args[I]);
      for (const TemplateArgument &A : Opts) {
        if (A.getKind() != TemplateArgument::Type)
          continue;
        const CXXRecordDecl *O = A.getAsType()->getAsCXXRecordDecl();
        if (O && O->hasDefinition() &&
            (T->isDerivedFrom(O) || O->isDerivedFrom(T) || O == T))
          continue;
        C.Holder = A.getAsType().getAsString(Ctx.getPrintingPolicy());
      }
    }
    for (unsigned I = 2; I < E->getNumArgs(); ++I) {
      const Expr *X = strip(E->getArg(I));
      const CXXRecordDecl *XT = X->getType()->getAsCXXRecordDecl();
      if (!XT || !XT->getIdentifier() || !inLibrary(XT, L))
        continue;
      if (XT->getName() == L.DynamicAttr)
        C.DynamicAttr = true;
      else if (!L.TypeSetup.empty() && XT->getName() == L.TypeSetup)
        readTypeSetup(C, X);
      else if (!L.TypeSlots.empty() && XT->getName() == L.TypeSlots)
        readTypeSlots(C, X);
    }
    Out.Classes.push_back(std::move(C));
  }

  /// The function an expression names: a function, a method pointer, a
  /// lambda (possibly converted to a function pointer or a std::function).
  const FunctionDecl *functionOf(const Expr *E, int Depth = 0) {
    E = strip(E);
    if (!E || Depth > 8)
      return nullptr;
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L->getCallOperator();
    if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *FD = dyn_cast<FunctionDecl>(DR->getDecl()))
        return FD;
      if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
        if (V->isLocalVarDecl() && V->hasInit())
          return functionOf(V->getInit(), Depth + 1);
      return nullptr;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Plus)
        return functionOf(U->getSubExpr(), Depth + 1);
      return nullptr;
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(E))
      if (C->getNumArgs() >= 1)
        return functionOf(C->getArg(0), Depth + 1);
    if (const auto *C = dyn_cast<CXXFunctionalCastExpr>(E))
      return functionOf(C->getSubExpr(), Depth + 1);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
        return functionOf(MC->getImplicitObjectArgument(), Depth + 1);
    return nullptr;
  }

  void readTypeSetup(BoundClassFact &C, const Expr *X) {
    C.HasSetup = true;
    C.SetupLoc = TU.location(X->getBeginLoc());
    const auto *Ctor = dyn_cast<CXXConstructExpr>(X);
    const FunctionDecl *Setup =
        Ctor && Ctor->getNumArgs() >= 1 ? functionOf(Ctor->getArg(0)) : nullptr;
    const FunctionDecl *Def = nullptr;
    if (!Setup || !Setup->hasBody(Def) || !Def->getBody()) {
      C.SetupUnknown = true;
      return;
    }
    std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
      if (!S)
        return;
      if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
        if (const auto *ME = dyn_cast<MemberExpr>(strip(BO->getLHS()))) {
          StringRef Slot = ME->getMemberDecl()->getName();
          if (Slot == "tp_flags" &&
              (BO->getOpcode() == BO_OrAssign || BO->getOpcode() == BO_Assign)) {
            Expr::EvalResult R;
            if (BO->getRHS()->EvaluateAsInt(R, Ctx)) {
              if (R.Val.getInt().getZExtValue() & M.HaveGCFlag)
                C.SetupHaveGC = true;
            } else {
              C.SetupUnknown = true;
            }
          } else if (BO->getOpcode() == BO_Assign &&
                     (Slot == "tp_traverse" || Slot == "tp_clear")) {
            readSlot(C, Slot == "tp_traverse", BO->getRHS(),
                     BO->getBeginLoc());
          }
        }
      }
      if (isa<LambdaExpr>(S))
        return; // the slot functions themselves are read by readSlot
      for (const Stmt *Child : S->children())
        Walk(Child);
    };
    Walk(Def->getBody());
  }

  void readSlot(BoundClassFact &C, bool Traverse, const Expr *Fn,
                clang::SourceLocation Loc) {
    const FunctionDecl *FD = functionOf(Fn);
    if (Traverse) {
      C.TraverseLoc = TU.location(Loc);
      std::set<BindingMember> Visited;
      bool Known = FD && readTraverse(FD, -1, Visited, 0);
      C.Traverse = Known ? SlotState::Known : SlotState::Unknown;
      C.Visited.assign(Visited.begin(), Visited.end());
    } else {
      const FunctionDecl *Def = nullptr;
      if (!FD || !FD->hasBody(Def) || !Def->getBody()) {
        C.Clear = SlotState::Unknown;
        return;
      }
      std::set<BindingMember> Touched;
      collectMembers(Def->getBody(), Touched, 0);
      C.Clear = SlotState::Known;
      C.Cleared.assign(Touched.begin(), Touched.end());
    }
  }

  /// nanobind: `type_slots(slots)` with `PyType_Slot slots[] = {{Py_tp_traverse,
  /// (void *) f}, ...}`; a traverse makes the type a GC type.
  void readTypeSlots(BoundClassFact &C, const Expr *X) {
    C.HasSetup = true;
    C.SetupLoc = TU.location(X->getBeginLoc());
    const auto *Ctor = dyn_cast<CXXConstructExpr>(X);
    const VarDecl *Array = nullptr;
    if (Ctor && Ctor->getNumArgs() >= 1)
      if (const auto *DR = dyn_cast<DeclRefExpr>(strip(Ctor->getArg(0))))
        Array = dyn_cast<VarDecl>(DR->getDecl());
    const InitListExpr *IL =
        Array && Array->getInit()
            ? dyn_cast<InitListExpr>(strip(Array->getInit()))
            : nullptr;
    if (!IL) {
      C.SetupUnknown = true;
      return;
    }
    for (const Expr *E : IL->inits()) {
      const auto *Entry = dyn_cast<InitListExpr>(strip(E));
      if (!Entry || Entry->getNumInits() < 2)
        continue;
      Expr::EvalResult R;
      if (!Entry->getInit(0)->EvaluateAsInt(R, Ctx)) {
        C.SetupUnknown = true;
        continue;
      }
      int64_t Id = R.Val.getInt().getSExtValue();
      if (Id == M.TraverseSlotId) {
        C.SetupHaveGC = true;
        readSlot(C, true, Entry->getInit(1), Entry->getBeginLoc());
      } else if (Id == M.ClearSlotId) {
        readSlot(C, false, Entry->getInit(1), Entry->getBeginLoc());
      }
    }
  }

  /// Members a traverse passes to `visit` (its parameter `VisitParam`, or
  /// the one of type visitproc), following helpers it passes `visit` to.
  /// False when it calls something it cannot follow.
  bool readTraverse(const FunctionDecl *FD, int VisitParam,
                    std::set<BindingMember> &Visited, int Depth) {
    const FunctionDecl *Def = nullptr;
    if (Depth > 4 || !FD->hasBody(Def) || !Def->getBody())
      return false;
    const ParmVarDecl *Visit = nullptr;
    if (VisitParam >= 0 && unsigned(VisitParam) < Def->getNumParams())
      Visit = Def->getParamDecl(VisitParam);
    for (unsigned I = 0; !Visit && I < Def->getNumParams(); ++I)
      if (Def->getParamDecl(I)->getType().getAsString().find("visitproc") !=
          std::string::npos)
        Visit = Def->getParamDecl(I);
    if (!Visit && Def->getNumParams() == 3)
      Visit = Def->getParamDecl(1);
    if (!Visit)
      return false;
    auto IsVisit = [&](const Expr *E) {
      const auto *DR = dyn_cast<DeclRefExpr>(strip(E));
      return DR && DR->getDecl() == Visit;
    };
    bool Ok = true;
    std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
      if (!S || !Ok)
        return;
      if (const auto *C = dyn_cast<CallExpr>(S)) {
        if (IsVisit(C->getCallee())) {
          if (C->getNumArgs() >= 1)
            collectMembers(C->getArg(0), Visited, 0);
        } else {
          for (unsigned I = 0; I < C->getNumArgs(); ++I)
            if (IsVisit(C->getArg(I))) {
              const FunctionDecl *Callee = C->getDirectCallee();
              unsigned Shift = isa<CXXOperatorCallExpr>(C) &&
                                       Callee && isa<CXXMethodDecl>(Callee)
                                   ? 1
                                   : 0;
              if (!Callee ||
                  !readTraverse(Callee, int(I) - int(Shift), Visited,
                                Depth + 1))
                Ok = false;
            }
        }
      }
      if (isa<LambdaExpr>(S))
        return;
      for (const Stmt *Child : S->children())
        Walk(Child);
    };
    Walk(Def->getBody());
    return Ok;
  }

  /// Every member an expression reads, through local variables and
  /// range-for variables (`for (auto &h : self.handlers) Py_VISIT(h.ptr())`).
  void collectMembers(const Stmt *S, std::set<BindingMember> &Out, int Depth) {
    if (!S || Depth > 6)
      return;
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        Out.insert(memberRef(F));
    if (const auto *DR = dyn_cast<DeclRefExpr>(S))
      if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
        if (V->isLocalVarDecl()) {
          if (const Expr *Range = rangeOf(V))
            collectMembers(Range, Out, Depth + 1);
          else if (V->hasInit())
            collectMembers(V->getInit(), Out, Depth + 1);
        }
    for (const Stmt *Child : S->children())
      collectMembers(Child, Out, Depth);
  }

  /// The range a range-for loop variable walks.
  const Expr *rangeOf(const VarDecl *V) {
    auto It = Ranges.find(V);
    if (It != Ranges.end())
      return It->second;
    const Expr *Found = nullptr;
    const DeclContext *DC = V->getDeclContext();
    if (const auto *FD = dyn_cast<FunctionDecl>(DC))
      if (const Stmt *Body = FD->getBody()) {
        std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
          if (!S || Found)
            return;
          if (const auto *FR = dyn_cast<CXXForRangeStmt>(S))
            if (FR->getLoopVariable() == V)
              Found = FR->getRangeInit();
          for (const Stmt *Child : S->children())
            Walk(Child);
        };
        Walk(Body);
      }
    Ranges[V] = Found;
    return Found;
  }

  //===-- def_* calls -----------------------------------------------------===//

  /// The class_<T> of a def_* call's object.
  const CXXRecordDecl *boundRecord(const CXXMemberCallExpr *E) {
    const auto *S =
        cast<ClassTemplateSpecializationDecl>(E->getMethodDecl()->getParent());
    const TemplateArgumentList &Args = S->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
      return nullptr;
    const CXXRecordDecl *T = Args[0].getAsType()->getAsCXXRecordDecl();
    return T && T->hasDefinition() && isProgramRecord(T) ? T->getDefinition()
                                                           : nullptr;
  }

  static std::string stringArg(const Expr *E) {
    if (const auto *SL = dyn_cast_or_null<StringLiteral>(strip(E)))
      return SL->getString().str();
    return "";
  }

  void readDef(const BindingLibrary &L, const CXXMemberCallExpr *E,
               StringRef Method) {
    if (!E->getExprLoc().isValid() || TU.isInSystemHeader(E->getExprLoc()))
      return;
    const CXXRecordDecl *T = boundRecord(E);
    if (!T)
      return;
    BindingFact B;
    B.Class = usrOf(T);
    B.Loc = TU.location(E->getExprLoc());
    B.Attribute = E->getNumArgs() ? stringArg(E->getArg(0)) : "";
    bool RW = contains(L.ReadWrite, Method), RO = contains(L.ReadOnly, Method);
    if ((RW || RO) && E->getNumArgs() >= 2) {
      const auto *U = dyn_cast<UnaryOperator>(strip(E->getArg(1)));
      const auto *DR =
          U ? dyn_cast<DeclRefExpr>(strip(U->getSubExpr())) : nullptr;
      const auto *F = DR ? dyn_cast<FieldDecl>(DR->getDecl()) : nullptr;
      if (!F)
        return;
      std::optional<Held> H = classifyField(F);
      // A std::function member is set from Python only through a caster.
      if (RW && H && H->Kind == HolderKind::Callable && !hasCallableCaster())
        return;
      B.Kind = RW ? BindingKind::ReadWrite : BindingKind::ReadOnly;
      B.Member = memberRef(F);
      Out.Bindings.push_back(std::move(B));
      return;
    }
    const FunctionDecl *Fn = nullptr;
    const CXXRecordDecl *InitOf = nullptr;
    llvm::SmallVector<QualType, 4> InitArgs;
    if (contains(L.Properties, Method) && E->getNumArgs() >= 3) {
      Fn = functionOf(E->getArg(2));
      B.Kind = BindingKind::Setter;
    } else if (contains(L.Methods, Method) && E->getNumArgs() >= 1) {
      if (initArguments(L, E->getArg(0), InitArgs)) {
        B.Kind = BindingKind::Init;
        InitOf = T;
      } else if (E->getNumArgs() >= 2) {
        Fn = functionOf(E->getArg(1));
        B.Kind = BindingKind::Method;
      }
    } else {
      return;
    }
    if (InitOf)
      Fn = readInit(B, T, InitArgs);
    if (Fn) {
      summarize(Fn);
      const FunctionDecl *Def = Fn;
      Fn->hasBody(Def);
      B.Function = usrOf(Def ? Def : Fn);
      B.FunctionName = functionName(Fn);
      B.SelfParam = selfParam(Fn, T);
      for (unsigned P : objectParams(Fn, /*CasterNeeded=*/true))
        if (int(P) != B.SelfParam)
          B.ObjectParams.push_back(P);
      llvm::sort(B.ObjectParams);
    }
    readKeepAlive(L, E, B, Fn, T);
    if (Fn || !B.Stores.empty())
      Out.Bindings.push_back(std::move(B));
  }

  /// -1 when `Fn` is a method of T (or a base of it); else the parameter
  /// that is the instance (a lambda or function taking `T &self`), or -2.
  int selfParam(const FunctionDecl *Fn, const CXXRecordDecl *T) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Fn))
      if (!MD->isStatic() && !MD->getParent()->isLambda())
        return -1;
    if (Fn->getNumParams() >= 1) {
      QualType P = Fn->getParamDecl(0)->getType().getNonReferenceType();
      if (P->isPointerType())
        P = P->getPointeeType();
      if (const CXXRecordDecl *R = P->getAsCXXRecordDecl())
        if (R->hasDefinition() &&
            (R->getDefinition() == T || T->isDerivedFrom(R->getDefinition())))
          return 0;
    }
    return -2;
  }

  /// `init<Args...>()`: its type is a specialization of an init template of
  /// the library; its template arguments are the constructor's parameters.
  bool initArguments(const BindingLibrary &L, const Expr *E,
                     llvm::SmallVectorImpl<QualType> &Args) {
    const auto *S = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        strip(E)->getType()->getAsCXXRecordDecl());
    if (!S || !S->getIdentifier() || !inLibrary(S, L) ||
        !contains(L.InitTemplates, S->getName()))
      return false;
    for (const TemplateArgument &A : S->getTemplateArgs().asArray()) {
      if (A.getKind() == TemplateArgument::Pack) {
        for (const TemplateArgument &P : A.pack_elements())
          if (P.getKind() == TemplateArgument::Type)
            Args.push_back(P.getAsType());
      } else if (A.getKind() == TemplateArgument::Type) {
        Args.push_back(A.getAsType());
      }
    }
    return true;
  }

  static bool sameType(QualType A, QualType B) {
    return A.getNonReferenceType().getUnqualifiedType().getCanonicalType() ==
           B.getNonReferenceType().getUnqualifiedType().getCanonicalType();
  }

  /// The constructor init<Args...> calls, or, for an aggregate, the stores
  /// its braces make (the fields in order).
  const FunctionDecl *readInit(BindingFact &B, const CXXRecordDecl *T,
                               llvm::ArrayRef<QualType> Args) {
    B.Attribute = "__init__";
    for (const CXXConstructorDecl *C : T->ctors()) {
      if (C->isDeleted() || C->getNumParams() != Args.size())
        continue;
      bool Match = true;
      for (unsigned I = 0; I < Args.size() && Match; ++I)
        Match = sameType(C->getParamDecl(I)->getType(), Args[I]);
      if (Match)
        return C;
    }
    if (!T->isAggregate())
      return nullptr;
    B.FunctionName = printName(T);
    unsigned I = 0;
    for (const FieldDecl *F : T->fields()) {
      if (I >= Args.size())
        break;
      std::optional<Held> H = classify(Args[I], /*CasterNeeded=*/true);
      if (H && H->Kind != HolderKind::Struct) {
        B.Stores.push_back({int(I), -1, {memberRef(F)}, B.Loc});
        B.ObjectParams.push_back(I);
      }
      ++I;
    }
    return nullptr;
  }

  void readKeepAlive(const BindingLibrary &L, const CXXMemberCallExpr *E,
                     const BindingFact &B, const FunctionDecl *Fn,
                     const CXXRecordDecl *T) {
    for (const Expr *A : E->arguments()) {
      const auto *S = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          strip(A)->getType()->getAsCXXRecordDecl());
      if (!S || !S->getIdentifier() || S->getName() != L.KeepAlive ||
          !inLibrary(S, L) || S->getTemplateArgs().size() != 2)
        continue;
      const TemplateArgumentList &TA = S->getTemplateArgs();
      if (TA[0].getKind() != TemplateArgument::Integral ||
          TA[1].getKind() != TemplateArgument::Integral)
        continue;
      KeepAliveFact K;
      K.Class = B.Class;
      K.Loc = TU.location(strip(A)->getBeginLoc());
      K.FunctionName = B.FunctionName;
      K.Attribute = B.Attribute;
      K.Nurse = TA[0].getAsIntegral().getZExtValue();
      K.Patient = TA[1].getAsIntegral().getZExtValue();
      bool AnyObject = false;
      K.NurseType = indexType(K.Nurse, B, Fn, T, AnyObject);
      K.PatientType = indexType(K.Patient, B, Fn, T, K.PatientAnyObject);
      Out.KeepAlive.push_back(std::move(K));
    }
  }

  /// The record keep_alive's index names: 0 the result, 1 the instance for
  /// methods and constructors, then the Python arguments in order.
  std::string indexType(unsigned Index, const BindingFact &B,
                        const FunctionDecl *Fn, const CXXRecordDecl *T,
                        bool &AnyObject) {
    AnyObject = false;
    bool HasSelf = B.Kind == BindingKind::Init || B.SelfParam != -2;
    if (Index == 1 && HasSelf)
      return usrOf(T);
    if (!Fn)
      return "";
    QualType Ty;
    if (Index == 0) {
      Ty = Fn->getReturnType();
    } else {
      // Python arguments after the instance: for a method (`this`) they are
      // the parameters from 0, for `T &self` from 1.
      int First = B.SelfParam == -1 || B.Kind == BindingKind::Init ? 0
                  : B.SelfParam == 0                               ? 1
                                                                   : 0;
      int Param = int(Index) - (HasSelf ? 2 : 1) + First;
      if (Param < 0 || unsigned(Param) >= Fn->getNumParams())
        return "";
      Ty = Fn->getParamDecl(Param)->getType();
    }
    if (std::optional<Held> H = classify(Ty, /*CasterNeeded=*/true))
      if (H->Kind != HolderKind::Struct)
        AnyObject = true;
    Ty = Ty.getNonReferenceType();
    if (Ty->isPointerType())
      Ty = Ty->getPointeeType();
    const CXXRecordDecl *R = Ty->getAsCXXRecordDecl();
    if (R && R->hasDefinition() && isProgramRecord(R))
      return usrOf(R->getDefinition());
    // Holders (std::shared_ptr<T>) name their element.
    if (const auto *S = dyn_cast_or_null<ClassTemplateSpecializationDecl>(R))
      if (S->getTemplateArgs().size() >= 1 &&
          S->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
        if (const CXXRecordDecl *E =
                S->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl())
          if (E->hasDefinition() && isProgramRecord(E))
            return usrOf(E->getDefinition());
    return "";
  }

  const BindingModelData &M;
  const TUContext &TU;
  ASTContext &Ctx;
  BindingTUFacts Out;
  llvm::DenseMap<const CXXRecordDecl *, bool> Holds;
  llvm::DenseSet<const CXXRecordDecl *> Emitted;
  llvm::DenseSet<const FunctionDecl *> Summarized;
  llvm::DenseMap<const VarDecl *, const Expr *> Ranges;
  std::optional<bool> CallableCaster;
};

} // namespace

BindingTUFacts extractBindings(const BindingModel &Model, const TUContext &TU) {
  return Extractor(Model, TU).run();
}

} // namespace cyclint
