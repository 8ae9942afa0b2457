//===- CPythonModel.cpp - One TU's CPython facts, read from the AST -------===//
//
// The entry point of extraction and the walk over a TU: which declarations
// are read (program records, file-scope variables, function bodies), and
// the few expressions outside any table that change what a table means (a
// slot array completed at run time, a base chosen at run time, the struct a
// module's state is converted to). What each declaration is and what its
// table says is the Extractor's (Extractor.cpp, TypeReader.cpp); function
// bodies are FunctionSummarizer's. Values are followed through casts,
// Py_NewRef, conditionals and local variables, never through memory: what
// the model cannot follow is `unknown`.
//
//===----------------------------------------------------------------------===//

#include "models/cpython/CPythonModel.h"
#include "models/cpython/CPythonAST.h"
#include "models/cpython/Extractor.h"
#include "models/cpython/FunctionSummarizer.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Preprocessor.h"

#include <algorithm>

using namespace clang;
using llvm::StringRef;

namespace cyclint {
namespace {

using cpython::Extractor;
using cpython::FunctionSummarizer;
using cpython::strip;

class DeclWalker : public RecursiveASTVisitor<DeclWalker> {
public:
  explicit DeclWalker(Extractor &X) : X(X) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitRecordDecl(RecordDecl *RD) {
    if (X.isExtensionStruct(RD) && !RD->isAnonymousStructOrUnion() &&
        Seen.insert(RD).second)
      X.addStruct(RD);
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (!isa<ParmVarDecl>(VD) && !VD->isLocalVarDecl() && X.isProgramDecl(VD))
      X.visitVar(VD);
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
        FD->isInvalidDecl() || !X.isProgramDecl(FD) || !Seen.insert(FD).second)
      return true;
    FunctionSummarizer S(X, FD);
    PyFunctionFact F = S.run();
    if (S.keep())
      X.Out.Functions.push_back(std::move(F));
    return true;
  }

  /// `Node_slots[0].pfunc = ...;`: a slot array completed at run time.
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(strip(BO->getLHS()));
    const auto *AS =
        ME ? dyn_cast<ArraySubscriptExpr>(strip(ME->getBase())) : nullptr;
    const VarDecl *VD = AS ? X.varNamed(AS->getBase()) : nullptr;
    if (!VD)
      return true;
    VD = VD->getCanonicalDecl();
    X.SlotArraysWritten.insert(VD);
    Expr::EvalResult R;
    const Expr *Index = AS->getIdx();
    StringRef Field = ME->getMemberDecl()->getName();
    if (!Index->isValueDependent() && Index->EvaluateAsInt(R, X.Ctx) &&
        R.Val.getInt().getSExtValue() >= 0 &&
        R.Val.getInt().getSExtValue() < 1024 &&
        (Field == "slot" || Field == "pfunc"))
      X.SlotWrites.push_back({VD, R.Val.getInt().getSExtValue(), Field.str(),
                              BO->getRHS()});
    else
      X.SlotArraysWrittenAnywhere.insert(VD);
    return true;
  }

  /// `(State *)PyModule_GetState(m)`, implicit in C: a module state struct.
  bool VisitCastExpr(CastExpr *CE) {
    const auto *C = dyn_cast<CallExpr>(strip(CE->getSubExpr()));
    const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier() ||
        !X.M.inList("moduleState", Callee->getName()) ||
        !CE->getType()->isPointerType())
      return true;
    if (const RecordDecl *RD = X.recordOf(CE->getType()->getPointeeType()))
      X.noteStateCast(RD);
    return true;
  }

  /// `PyType_FromSpecWithBases(&spec, bases)`: the base is chosen at run time.
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return true;
    for (const CPythonModelData::FromSpec &S : X.D.FromSpecs) {
      if (S.Name != Callee->getName() || S.Bases < 0 ||
          (int)C->getNumArgs() <= std::max(S.Spec, S.Bases))
        continue;
      const VarDecl *Spec = X.varNamed(C->getArg(S.Spec));
      const Expr *Bases = C->getArg(S.Bases);
      if (Spec && !Bases->isNullPointerConstant(
                      X.Ctx, Expr::NPC_ValueDependentIsNotNull))
        X.Out.SpecsWithRuntimeBases.push_back(X.usr(Spec));
    }
    return true;
  }

private:
  Extractor &X;
  llvm::DenseSet<const Decl *> Seen;
};

unsigned versionHex(const Preprocessor *PP) {
  if (!PP)
    return 0;
  auto Number = [&](StringRef Name) -> std::optional<unsigned> {
    const IdentifierInfo *II = PP->getIdentifierInfo(Name);
    const MacroInfo *MI = II ? PP->getMacroInfo(II) : nullptr;
    if (!MI || MI->getNumTokens() != 1 ||
        !MI->getReplacementToken(0).is(tok::numeric_constant))
      return std::nullopt;
    const Token &T = MI->getReplacementToken(0);
    unsigned Value;
    if (StringRef(T.getLiteralData(), T.getLength()).getAsInteger(0, Value))
      return std::nullopt;
    return Value;
  };
  std::optional<unsigned> Major = Number("PY_MAJOR_VERSION"),
                          Minor = Number("PY_MINOR_VERSION"),
                          Micro = Number("PY_MICRO_VERSION");
  if (!Major || !Minor)
    return 0;
  // Release level and serial are left out: no rule depends on them.
  return (*Major << 24) | (*Minor << 16) | (Micro.value_or(0) << 8) | 0xF0;
}

} // namespace

PythonTUFacts CPythonModel::extract(
    ASTContext &Ctx, const Preprocessor *PP,
    llvm::function_ref<SourceLocation(clang::SourceLocation)> Location,
    StringRef MainFile) const {
  Extractor X(Ctx, *this, Location, MainFile);
  // A TU that does not include Python.h has nothing to say: no summaries.
  if (!X.findPythonIncludeDir())
    return {};
  X.Out.VersionHex = versionHex(PP);
  DeclWalker Walker(X);
  for (Decl *Dl : Ctx.getTranslationUnitDecl()->decls())
    if (!X.isRuntime(Dl->getLocation()))
      Walker.TraverseDecl(Dl);
  X.finishModules();
  X.applySlotWrites();
  X.Out.canonicalize();
  return std::move(X.Out);
}

} // namespace cyclint

