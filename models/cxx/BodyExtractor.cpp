//===- BodyExtractor.cpp - From function bodies to body facts -------------===//
//
// One pass over each body, in source order, recognizing a few statement
// shapes (declarations and assignments of counted pointers, stores into and
// clears of counted members through `->`); everything else is scanned for
// uses of tracked variables, each of which becomes an escape. A plain read of
// a scalar member (`node->value`) is not a use: it can neither link nor
// unlink anything.
//
//===----------------------------------------------------------------------===//

#include "models/cxx/BodyExtractor.h"
#include "models/cxx/MemberWrites.h"

#include "core/ASTValues.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

#include <set>

using namespace clang;

namespace cyclint {
namespace {

/// What an expression evaluates to, as far as the analysis follows it.
struct Value {
  enum Kind { Null, Var, Alloc, This, Closure, Unknown } K = Unknown;
  /// Var: the variable; Alloc: the allocated record's USR; This: how the
  /// code spells it (`shared_from_this()`); Closure: what made it
  /// (`lambda`, `std::bind`).
  std::string Name;
  /// Closure: the expression that makes it.
  const Expr *Made = nullptr;
};

/// A value that is an object the analysis follows.
bool isObject(const Value &V) {
  return V.K == Value::Var || V.K == Value::Alloc || V.K == Value::This ||
         V.K == Value::Closure;
}

class BodyReader {
public:
  BodyReader(const TUContext &TU, const OwnershipModel &Model,
             TypeClassifier &Classifier,
             const std::function<std::string(const RecordDecl *)> &USROf)
      : TU(TU), Model(Model), Classifier(Classifier), USROf(USROf) {}

  std::optional<FunctionFact> read(const FunctionDecl *FD) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (MD && MD->isInstance())
      ThisVar = "this";
    Out.Params.push_back(ThisVar.value_or(""));
    for (const ParmVarDecl *P : FD->parameters())
      Out.Params.push_back(variable(P).value_or(""));
    auto Tracked = [&](const FieldDecl *F) {
      return keepsAliveThroughPointer(F->getType()) &&
             !USROf(F->getParent()).empty();
    };
    QualType Returns = FD->getReturnType();
    std::vector<MemberWrite> Writes = findMemberWrites(
        FD->getBody(), Tracked,
        Returns->isLValueReferenceType() &&
            !Returns.getNonReferenceType().isConstQualified());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        if (Init->isWritten() && Init->getInit())
          llvm::append_range(Writes, findMemberWrites(Init->getInit(), Tracked));
        initializer(Init);
      }
    stmt(FD->getBody());
    for (const MemberWrite &W : Writes)
      if (!W.Written || !Recognized.count(W.Written))
        unknownStore(W.Field, W.Loc);
    if (!HasStore)
      return std::nullopt;
    if (HasJump) // control that skips or repeats code: nothing runs once
      for (BodyOp &Op : Out.Ops)
        Op.Once = false;
    SmallString<128> USR;
    if (index::generateUSRForDecl(FD, USR))
      return std::nullopt;
    Out.USR = std::string(USR);
    Out.Name = FD->getQualifiedNameAsString();
    Out.Loc = TU.location(FD->getLocation());
    if (MD && MD->isInstance() && !MD->getParent()->isLambda())
      Out.Record = USROf(MD->getParent());
    return std::move(Out);
  }

private:
  /// How a member or variable of some type keeps one program object alive.
  enum class Holding {
    Counted, // through one counted pointer: shared_ptr<Node>, scoped_refptr<Node>
    Pointer, // through one smart pointer, counted or owning: unique_ptr<Channel>
    Any,     // also as an object held by value
  };

  /// The program record a value of type T keeps alive as one object (one
  /// edge through at most one wrapper), or nothing.
  std::optional<std::string> heldRecord(QualType T, Holding H) {
    const std::vector<EdgeFact> &Edges = Classifier.classify(T);
    if (Edges.size() != 1)
      return std::nullopt;
    const EdgeFact &E = Edges.front();
    bool Kind = E.Kind == EdgeKind::Strong ||
                (H != Holding::Counted && E.Kind == EdgeKind::Owning);
    bool Wrappers = E.Via.size() == 1 || (H == Holding::Any && E.Via.empty());
    if (!Kind || !Wrappers || E.Collection || E.TargetUSR.empty())
      return std::nullopt;
    return E.TargetUSR;
  }

  /// A member that keeps objects alive through a pointer, a smart pointer or
  /// a collection (not an object held by value): the members whose writes
  /// the whole-program step must all know.
  bool keepsAliveThroughPointer(QualType T) {
    return llvm::any_of(Classifier.classify(T), [](const EdgeFact &E) {
      return (E.Kind == EdgeKind::Strong || E.Kind == EdgeKind::Owning) &&
             !E.Via.empty() && !E.TargetUSR.empty();
    });
  }

  /// A write of `F` the statement shapes do not read: a store of an
  /// unknown value into an object the analysis does not follow.
  void unknownStore(const FieldDecl *F, clang::SourceLocation At) {
    HasStore = true;
    emitAt(BodyOpKind::Store, "", At, "", USROf(F->getParent()),
           F->getName().str());
    Out.Ops.back().Once = false;
  }

  /// The record a counted pointer of type T points to directly.
  std::optional<std::string> countedTarget(QualType T) {
    return heldRecord(T, Holding::Counted);
  }
  /// The record a smart pointer of type T owns directly: the members whose
  /// stores link objects.
  std::optional<std::string> singleOwner(QualType T) {
    return heldRecord(T, Holding::Pointer);
  }
  /// A member that keeps one object alive, as a pointer or by value: the
  /// members a dereference loads.
  bool ownsOne(QualType T) { return bool(heldRecord(T, Holding::Any)); }

  /// A container whose elements (keys and values) are all counted pointers
  /// to program records: vector<shared_ptr<Node>>, map<shared_ptr<A>,
  /// shared_ptr<B>>.
  bool countedCollection(QualType T) {
    const std::vector<EdgeFact> &Edges = Classifier.classify(T);
    if (Edges.empty())
      return false;
    for (const EdgeFact &E : Edges)
      if (E.Kind != EdgeKind::Strong || !E.Collection || E.Via.size() < 2 ||
          E.TargetUSR.empty())
        return false;
    return true;
  }

  /// The model's rule for the library record T names, if any.
  const TypeRule *ruleOf(QualType T) {
    const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
    return RD ? Model.lookup(modelName(RD)) : nullptr;
  }

  /// A type that holds one callable: `std::function`, `std::thread`, a
  /// lambda's closure type (the model's `callable: true`).
  bool isCallable(QualType T) {
    if (const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl())
      if (RD->isLambda())
        return true;
    const TypeRule *R = ruleOf(T);
    return R && R->Callable && !R->Collection;
  }

  /// A type that holds any number of callables: a signal, or a container of
  /// callables (`std::vector<std::function<void()>>`, `std::map<int,
  /// std::function<void()>>`: a held argument that is callable).
  bool isCallableCollection(QualType T) {
    const TypeRule *R = ruleOf(T);
    if (!R)
      return false;
    if (R->Callable)
      return R->Collection;
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        T.getNonReferenceType()->getAsCXXRecordDecl());
    if (!R->Collection || !Spec)
      return false;
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    for (unsigned I = 0; I < Args.size(); ++I)
      if ((R->AllArguments || llvm::is_contained(R->Arguments, I)) &&
          Args[I].getKind() == TemplateArgument::Type &&
          isCallable(Args[I].getAsType()))
        return true;
    return false;
  }

  /// The name of a tracked variable: a local or parameter of counted type,
  /// or of a type that holds a callable.
  std::optional<std::string> tracked(const Expr *E) {
    if (isa<CXXThisExpr>(E->IgnoreParenImpCasts()))
      return ThisVar;
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    if (!DRE)
      return std::nullopt;
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->hasLocalStorage())
      return std::nullopt;
    return variable(VD);
  }

  std::optional<std::string> variable(const VarDecl *VD) {
    auto It = Names.find(VD);
    if (It != Names.end())
      return It->second;
    std::optional<std::string> Name;
    // A parameter taken by reference is the caller's object all the same.
    QualType T = isa<ParmVarDecl>(VD) ? VD->getType().getNonReferenceType()
                                      : VD->getType();
    // `auto f = std::bind(...)`: a binder's result type is the library's
    // own (std::_Bind), a callable all the same.
    bool MadeCallable = !isa<ParmVarDecl>(VD) && VD->getInit() &&
                        closureMaker(strip(VD->getInit()));
    if (VD->hasLocalStorage() &&
        (countedTarget(T) || isCallable(T) || MadeCallable)) {
      SourceLocation L = TU.location(VD->getLocation());
      Name = VD->getName().str() + "@" + std::to_string(L.Line) + ":" +
             std::to_string(L.Column);
    }
    Names[VD] = Name;
    return Name;
  }

  static const Expr *strip(const Expr *E) { return peelValue(E); }

  bool inSystemHeader(const Decl *D) const {
    return D && TU.isInSystemHeader(D->getLocation());
  }

  /// `std::move(x)`, a copy or converting construction of a counted pointer:
  /// the same object.
  const Expr *sameObject(const Expr *E) {
    for (;;) {
      E = strip(E);
      if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
        if (C->getNumArgs() >= 1 && countedTarget(C->getType()) &&
            countedTarget(C->getArg(0)->getType().getNonReferenceType())) {
          E = C->getArg(0);
          continue;
        }
        // `std::function<void()> f = cb`, `std::function<void()>(lambda)`:
        // a callable wrapping another holds what that one holds.
        if (C->getNumArgs() == 1 && isCallable(C->getType()) &&
            (isCallable(C->getArg(0)->getType()) ||
             closureMaker(strip(C->getArg(0))) ||
             tracked(strip(C->getArg(0))))) {
          E = C->getArg(0);
          continue;
        }
      }
      if (const auto *Call = dyn_cast<CallExpr>(E))
        if (const FunctionDecl *FD = Call->getDirectCallee())
          if (Call->getNumArgs() == 1 && inSystemHeader(FD) &&
              FD->isInStdNamespace() &&
              (FD->getName() == "move" || FD->getName() == "forward")) {
            E = Call->getArg(0);
            continue;
          }
      return E;
    }
  }

  static bool isNewExpr(const Expr *E) {
    E = strip(E);
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_Deref)
        E = strip(U->getSubExpr());
    return isa<CXXNewExpr>(E);
  }

  /// A counted pointer to the object a method runs on, as the code spells
  /// it: `shared_from_this()` (std, boost; Qt's `sharedFromThis()`), a
  /// counted pointer constructed from `this` (`IntrusiveRefCntPtr<T>(this)`,
  /// `scoped_refptr<T>(this)`), or a library wrapper of `this`
  /// (`base::WrapRefCounted(this)`).
  std::optional<std::string> thisPointer(const Expr *E) {
    if (!ThisVar || !countedTarget(E->getType().getNonReferenceType()))
      return std::nullopt;
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(E))
      if (const CXXMethodDecl *MD = M->getMethodDecl())
        if ((MD->getName() == "shared_from_this" ||
             MD->getName() == "sharedFromThis") &&
            isa<CXXThisExpr>(strip(M->getImplicitObjectArgument())))
          return MD->getName().str() + "()";
    auto IsThis = [](const Expr *A) { return isa<CXXThisExpr>(strip(A)); };
    if (const auto *C = dyn_cast<CXXConstructExpr>(E))
      if (C->getNumArgs() >= 1 && IsThis(C->getArg(0)))
        return std::string("this");
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = Call->getDirectCallee())
        if (inSystemHeader(FD) && Call->getNumArgs() == 1 &&
            IsThis(Call->getArg(0)))
          return FD->getName().str() + "(this)";
    return std::nullopt;
  }

  /// An expression that makes a new callable owning what it captured or
  /// bound: a lambda, a binder of the model (`std::bind`), or a callable
  /// holder built from a callable and arguments (`std::thread(f, args...)`).
  std::optional<std::string> closureMaker(const Expr *E) {
    if (isa<LambdaExpr>(E))
      return std::string("lambda");
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = Call->getDirectCallee())
        if (inSystemHeader(FD) && Model.isBinder(modelName(FD)))
          return modelName(FD);
    if (const auto *C = dyn_cast<CXXConstructExpr>(E))
      if (C->getNumArgs() >= 1 && isCallable(C->getType()))
        if (const auto *RD = C->getType()->getAsCXXRecordDecl())
          if (!RD->isLambda())
            return modelName(RD);
    return std::nullopt;
  }

  /// A new callable object in `Var`, linked to each value it keeps: a
  /// lambda's by-copy captures (init captures included; `this` and
  /// by-reference captures own nothing), a binder's or a thread's arguments.
  void makeClosure(const std::string &Var, const Value &V, const Expr *At) {
    emit(BodyOpKind::Alloc, Var, At, "", "", "", ClosureType);
    Out.Ops.back().Method = V.Name;
    auto Keep = [&](std::string Name, const std::string &Src) {
      if (Src.empty())
        return;
      emit(BodyOpKind::Store, Var, At, Src, "", std::move(Name));
      Out.Ops.back().Method = V.Name;
    };
    auto KeepValue = [&](std::string Name, const Expr *E) {
      Value KV = valueOf(E);
      // Only a counted pointer or a callable holding one is kept: a raw
      // `this` or pointer bound (`std::bind(&S::f, this)`) owns nothing.
      QualType T = E->getType().getNonReferenceType();
      if (KV.K == Value::Unknown || KV.K == Value::Null ||
          !(countedTarget(T) || isCallable(T) || closureMaker(strip(E)))) {
        scan(E);
        return;
      }
      std::string Src = materialize(E, At);
      Keep(Name.empty() ? displayVar(Src).str() : std::move(Name), Src);
    };
    if (const auto *L = dyn_cast<LambdaExpr>(V.Made)) {
      for (const LambdaCapture &C : L->captures()) {
        if (!C.capturesVariable() || C.getCaptureKind() != LCK_ByCopy)
          continue;
        const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar());
        if (!VD)
          continue;
        if (!VD->isInitCapture()) {
          if (auto Captured = variable(VD))
            Keep(VD->getName().str(), *Captured);
        } else if (const Expr *Init = VD->getInit()) {
          KeepValue(VD->getName().str(), Init);
        }
      }
      return;
    }
    std::vector<const Expr *> Args;
    if (const auto *Call = dyn_cast<CallExpr>(V.Made))
      Args.assign(Call->arg_begin(), Call->arg_end());
    else if (const auto *C = dyn_cast<CXXConstructExpr>(V.Made))
      Args.assign(C->arg_begin(), C->arg_end());
    for (const Expr *A : Args)
      KeepValue("", A);
  }

  Value valueOf(const Expr *E) {
    E = sameObject(E);
    if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
      return {Value::Null, ""};
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      if (C->getNumArgs() == 0 ||
          (C->getNumArgs() >= 1 &&
           isa<CXXNullPtrLiteralExpr>(strip(C->getArg(0)))))
        return {Value::Null, ""};
      if (auto T = singleOwner(C->getType()); T && isNewExpr(C->getArg(0)))
        return {Value::Alloc, *T};
    }
    if (auto Spelled = thisPointer(E))
      return {Value::This, *Spelled};
    if (auto Maker = closureMaker(E))
      return {Value::Closure, *Maker, E};
    if (auto Name = tracked(E))
      return {Value::Var, *Name};
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = Call->getDirectCallee())
        if (inSystemHeader(FD))
          if (auto T = singleOwner(Call->getType()))
            if (Model.isFactory(modelName(FD)) ||
                (Call->getNumArgs() >= 1 && isNewExpr(Call->getArg(0))))
              return {Value::Alloc, *T};
    return {Value::Unknown, ""};
  }

  /// The tracked variable whose object `E` dereferences (`node->`, `*node`,
  /// `node.get()->`), or nothing. With `Load`, a counted member of such an
  /// object dereferenced in turn (`timer_->`, `a->next->`) is loaded into a
  /// variable of its own.
  std::optional<std::string> derefBase(const Expr *E, bool Load = false) {
    E = strip(E);
    if (isa<CXXThisExpr>(E))
      return ThisVar;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
          Op->getNumArgs() == 1) {
        if (auto Var = tracked(strip(Op->getArg(0))))
          return Var;
        if (Load)
          return loadMember(Op->getArg(0));
      }
      return std::nullopt;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_Deref)
        return derefBase(U->getSubExpr(), Load);
    // `client_.connect(cb)`: a member object held by value.
    if (Load && isa<MemberExpr>(E) && !E->getType()->isPointerType())
      return loadMember(E);
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(E))
      if (const CXXMethodDecl *MD = M->getMethodDecl())
        if (inSystemHeader(MD) && MD->getName() == "get" &&
            M->getNumArgs() == 0)
          return tracked(strip(M->getImplicitObjectArgument()));
    return std::nullopt;
  }

  /// `Base->member` of a counted member into a new variable named as the
  /// code reads (`this->timer_`), or nothing.
  std::optional<std::string> loadMember(const Expr *E) {
    const auto *ME = dyn_cast<MemberExpr>(strip(E));
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!F || !ownsOne(F->getType()))
      return std::nullopt;
    std::string Record = USROf(F->getParent());
    auto Base = derefBase(ME->getBase(), /*Load=*/true);
    if (Record.empty() || !Base)
      return std::nullopt;
    SourceLocation L = TU.location(ME->getBeginLoc());
    std::string Var = displayVar(*Base).str() + "->" + F->getName().str() +
                      "@" + std::to_string(L.Line) + ":" +
                      std::to_string(L.Column);
    emitAt(BodyOpKind::Load, Var, ME->getBeginLoc(), *Base, Record,
           F->getName().str());
    return Var;
  }

  /// A counted member of a tracked object: `node->next`.
  struct MemberTarget {
    std::string Var, Record, Field;
    const MemberExpr *Written = nullptr;
  };
  std::optional<MemberTarget> countedMember(const Expr *E,
                                            bool Collection = false) {
    const auto *ME = dyn_cast<MemberExpr>(strip(E));
    if (!ME)
      return std::nullopt;
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F || !(Collection ? countedCollection(F->getType()) ||
                                 isCallableCollection(F->getType())
                           : singleOwner(F->getType()) ||
                                 isCallable(F->getType())))
      return std::nullopt;
    std::string Record = USROf(F->getParent());
    if (Record.empty())
      return std::nullopt;
    // An object the analysis does not follow (an element of a container, a
    // reference it did not track) is the empty variable: storing into it
    // hands the stored object to an owner out of sight, and its stores and
    // clears still tell the whole-program step that the member is written.
    return MemberTarget{derefBase(ME->getBase(), /*Load=*/true).value_or(""),
                        Record, F->getName().str(), ME};
  }

  void emit(BodyOpKind Kind, std::string Var, const Expr *At,
            std::string ValueName = "", std::string Record = "",
            std::string Field = "", std::string Type = "") {
    emitAt(Kind, std::move(Var), At->getBeginLoc(), std::move(ValueName),
           std::move(Record), std::move(Field), std::move(Type));
  }

  void emitAt(BodyOpKind Kind, std::string Var, clang::SourceLocation At,
              std::string ValueName = "", std::string Record = "",
              std::string Field = "", std::string Type = "") {
    // An escape taints the object the variable holds, for good: a second
    // one before the variable is bound again adds nothing (and escapes are
    // most of a body's uses).
    if (Kind == BodyOpKind::Escape && !Escaped.insert(Var).second)
      return;
    if (Kind == BodyOpKind::Alloc || Kind == BodyOpKind::Assign)
      Escaped.erase(Var);
    BodyOp Op;
    Op.Kind = Kind;
    Op.Var = std::move(Var);
    Op.Value = std::move(ValueName);
    Op.Record = std::move(Record);
    Op.Field = std::move(Field);
    Op.Type = std::move(Type);
    Op.Once = Depth == 0;
    Op.Loc = TU.location(At);
    Out.Ops.push_back(std::move(Op));
  }

  /// The variable holding `Rhs`'s object, emitting an alloc for a temporary;
  /// empty for null or unknown values (after scanning them for escapes).
  std::string materialize(const Expr *Rhs, const Expr *At) {
    Value V = valueOf(Rhs);
    switch (V.K) {
    case Value::Var:
      return V.Name;
    case Value::Alloc: {
      SourceLocation L = TU.location(Rhs->getBeginLoc());
      std::string Temp = "$new@" + std::to_string(L.Line) + ":" +
                         std::to_string(L.Column);
      allocate(Temp, Rhs, Rhs, V.Name);
      return Temp;
    }
    case Value::This: {
      // A variable of its own, so that a diagnostic quotes the code's
      // spelling: `child->parent = shared_from_this()`.
      SourceLocation L = TU.location(Rhs->getBeginLoc());
      std::string Temp = V.Name + "@" + std::to_string(L.Line) + ":" +
                         std::to_string(L.Column);
      emit(BodyOpKind::Assign, Temp, At, *ThisVar);
      return Temp;
    }
    case Value::Closure: {
      SourceLocation L = TU.location(Rhs->getBeginLoc());
      std::string Temp = V.Name + "@" + std::to_string(L.Line) + ":" +
                         std::to_string(L.Column);
      makeClosure(Temp, V, Rhs);
      return Temp;
    }
    case Value::Unknown:
      scan(Rhs);
      return "";
    case Value::Null:
      return "";
    }
    return "";
  }

  /// `Lhs = Rhs` where Lhs is a tracked variable or a counted member of a
  /// tracked object; false for any other assignment.
  bool assign(const Expr *Lhs, const Expr *Rhs, const Expr *At) {
    if (auto M = countedMember(Lhs)) {
      HasStore = true;
      Recognized.insert(M->Written);
      if (valueOf(Rhs).K == Value::Null) {
        emit(BodyOpKind::Clear, M->Var, At, "", M->Record, M->Field);
        return true;
      }
      std::string Src = materialize(Rhs, At);
      emit(BodyOpKind::Store, M->Var, At, Src, M->Record, M->Field);
      return true;
    }
    if (auto Var = tracked(Lhs); Var && isOutParameter(Lhs)) {
      // `out = a` hands the object to the caller, like `return a`.
      std::string Src = materialize(Rhs, At);
      if (!Src.empty())
        emit(BodyOpKind::Escape, Src, At);
      return true;
    }
    if (auto Var = tracked(Lhs)) {
      Value V = valueOf(Rhs);
      if (V.K == Value::Alloc) {
        allocate(*Var, Rhs, At, V.Name);
        return true;
      }
      std::string Src = materialize(Rhs, At);
      emit(BodyOpKind::Assign, *Var, At, Src);
      return true;
    }
    return false;
  }

  /// Elements put into a container member: each argument that is a tracked
  /// object (or a new one) is kept; the others are scanned.
  void insert(const MemberTarget &Member, std::string Method,
              const std::vector<const Expr *> &Args, const Expr *At) {
    HasStore = true;
    Recognized.insert(Member.Written);
    for (const Expr *Arg : Args) {
      Value V = valueOf(Arg);
      if (!isObject(V)) {
        scan(Arg);
        // A pointer the analysis does not follow (`children.push_back(
        // make())`): an element of unknown class. Keys and plain values
        // (`m[name] = ...`) are not elements that keep anything alive.
        QualType T = Arg->getType().getNonReferenceType();
        if (V.K == Value::Unknown &&
            (T->isPointerType() || countedTarget(T) || singleOwner(T) ||
             isCallable(T))) {
          emit(BodyOpKind::Insert, Member.Var, At, "", Member.Record,
               Member.Field);
          Out.Ops.back().Method = Method;
        }
        continue;
      }
      emit(BodyOpKind::Insert, Member.Var, At, materialize(Arg, At),
           Member.Record, Member.Field);
      Out.Ops.back().Method = Method;
    }
  }

  /// A parameter taken by reference: assigning it writes the caller's
  /// variable.
  static bool isOutParameter(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    return P && P->getType()->isReferenceType();
  }

  /// A container method that removes elements and adds none.
  static bool isUnlinkName(StringRef Name) {
    return Name == "clear" || Name == "erase" || Name == "pop_back" ||
           Name == "pop_front" || Name == "pop" || Name == "extract" ||
           Name == "disconnect_all_slots";
  }

  /// A method that unlinks a member (`next.reset()`, `peers.clear()`).
  void unlink(const MemberTarget &Member, const CXXMemberCallExpr *Call) {
    HasStore = true;
    // `swap` and `assign` also put values in; the finder's unknown store
    // stands for them.
    if (const CXXMethodDecl *MD = Call->getMethodDecl())
      if (MD->getName() != "swap" && MD->getName() != "assign")
        Recognized.insert(Member.Written);
    for (const Expr *Arg : Call->arguments())
      scan(Arg);
    emit(BodyOpKind::Clear, Member.Var, Call, "", Member.Record, Member.Field);
  }

  void decl(const VarDecl *VD) {
    const Expr *Init = VD->getInit();
    std::optional<std::string> Var = variable(VD);
    if (!Var) {
      if (Init)
        scan(Init);
      return;
    }
    if (!Init) {
      emitAt(BodyOpKind::Assign, *Var, VD->getLocation());
      return;
    }
    Value V = valueOf(Init);
    if (V.K == Value::Alloc) {
      allocate(*Var, Init, Init, V.Name);
      return;
    }
    emit(BodyOpKind::Assign, *Var, Init, materialize(Init, Init));
  }

  void expr(const Expr *E) {
    E = strip(E);
    if (const auto *BO = dyn_cast<BinaryOperator>(E))
      if (BO->getOpcode() == BO_Assign && assign(BO->getLHS(), BO->getRHS(), E))
        return;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          assign(Op->getArg(0), Op->getArg(1), E))
        return;
    // m[key] = value (value counted or not): the container keeps both.
    const Expr *Lhs = nullptr, *Rhs = nullptr;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        Lhs = Op->getArg(0), Rhs = Op->getArg(1);
    } else if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() == BO_Assign)
        Lhs = BO->getLHS(), Rhs = BO->getRHS();
    }
    if (Lhs)
      if (const auto *Sub = dyn_cast<CXXOperatorCallExpr>(strip(Lhs)))
        if (Sub->getOperator() == OO_Subscript && Sub->getNumArgs() == 2)
          if (auto Member = countedMember(Sub->getArg(0), true)) {
            insert(*Member, "[]", {Sub->getArg(1), Rhs}, E);
            return;
          }
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = M->getMethodDecl();
      if (MD && inSystemHeader(MD))
        if (auto Member =
                countedMember(M->getImplicitObjectArgument(), true)) {
          StringRef Name = MD->getName();
          if (Name == "push_back" || Name == "emplace_back" ||
              Name == "push_front" || Name == "emplace_front" ||
              Name == "insert" || Name == "emplace" ||
              Name == "emplace_hint" || Name == "insert_or_assign" ||
              Name == "try_emplace" || Name == "connect") {
            std::vector<const Expr *> Args(M->arg_begin(), M->arg_end());
            insert(*Member, Name.str(), Args, E);
            return;
          }
          if (isUnlinkName(Name) || Name == "swap" || Name == "assign" ||
              Name == "resize") {
            unlink(*Member, M);
            return;
          }
        }
      // A container of owning pointers (`std::map<int,
      // std::unique_ptr<Action>>`) emptied: a clear all the same, which can
      // break a cycle. What it gains is the member-write finder's.
      if (MD && inSystemHeader(MD) && isUnlinkName(MD->getName()))
        if (const auto *ME = dyn_cast<MemberExpr>(
                strip(M->getImplicitObjectArgument())))
          if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
            if (keepsAliveThroughPointer(F->getType()) &&
                !USROf(F->getParent()).empty()) {
              unlink({derefBase(ME->getBase(), /*Load=*/true).value_or(""),
                      USROf(F->getParent()), F->getName().str(), ME},
                     M);
              return;
            }
      // A thread joined or detached no longer holds what it ran.
      if (MD && inSystemHeader(MD) &&
          (MD->getName() == "join" || MD->getName() == "detach"))
        if (auto Member = countedMember(M->getImplicitObjectArgument());
            Member && isCallable(M->getImplicitObjectArgument()->getType())) {
          unlink(*Member, M);
          return;
        }
      if (MD && inSystemHeader(MD) && MD->getName() == "reset") {
        const Expr *Object = M->getImplicitObjectArgument();
        if (auto Member = countedMember(Object)) {
          // `channel_.reset(new Channel(...))`: a new object, like
          // `channel_ = std::make_shared<Channel>(...)`.
          auto T = singleOwner(strip(Object)->getType());
          if (M->getNumArgs() == 1 && T && isNewExpr(M->getArg(0))) {
            HasStore = true;
            Recognized.insert(Member->Written);
            SourceLocation L = TU.location(M->getArg(0)->getBeginLoc());
            std::string Temp = "$new@" + std::to_string(L.Line) + ":" +
                               std::to_string(L.Column);
            allocate(Temp, M->getArg(0), M->getArg(0), *T);
            emit(BodyOpKind::Store, Member->Var, E, Temp, Member->Record,
                 Member->Field);
            return;
          }
          unlink(*Member, M);
          return;
        }
        if (auto Var = tracked(Object)) {
          for (const Expr *Arg : M->arguments())
            scan(Arg);
          emit(BodyOpKind::Assign, *Var, E);
          return;
        }
      }
    }
    if (const auto *C = dyn_cast<CallExpr>(E))
      if (call(C, E))
        return;
    scan(E);
  }

  /// Every use of a tracked variable in `E` is an escape, but for plain
  /// reads of scalar members.
  void scan(const Stmt *S) {
    if (!S)
      return;
    if (const auto *E = dyn_cast<Expr>(S)) {
      const Expr *Bare = E->IgnoreParenImpCasts();
      if (auto Var = tracked(Bare)) {
        emit(BodyOpKind::Escape, *Var, Bare);
        return;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(Bare))
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
          if (F->getType()->isScalarType() && !F->getType()->isPointerType() &&
              !F->getType()->isMemberPointerType() && derefBase(ME->getBase()))
            return;
      if (const auto *C = dyn_cast<CallExpr>(Bare))
        if (call(C, C))
          return;
      if (const auto *L = dyn_cast<LambdaExpr>(Bare)) {
        // The closure holds what it captured; its body runs elsewhere.
        for (const LambdaCapture &C : L->captures())
          if (C.capturesVariable())
            if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
              if (auto Var = variable(VD))
                emit(BodyOpKind::Escape, *Var, Bare);
        return;
      }
    }
    for (const Stmt *Child : S->children())
      scan(Child);
  }

  void nested(const Stmt *S) {
    ++Depth;
    stmt(S);
    --Depth;
  }

  void stmt(const Stmt *S) {
    if (!S)
      return;
    if (const auto *C = dyn_cast<CompoundStmt>(S)) {
      for (const Stmt *Child : C->body())
        stmt(Child);
      return;
    }
    if (const auto *D = dyn_cast<DeclStmt>(S)) {
      for (const Decl *Dl : D->decls())
        if (const auto *VD = dyn_cast<VarDecl>(Dl))
          decl(VD);
      return;
    }
    if (const auto *E = dyn_cast<Expr>(S)) {
      expr(E);
      return;
    }
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      scan(R->getRetValue());
      return;
    }
    if (isa<GotoStmt, IndirectGotoStmt, LabelStmt>(S))
      HasJump = true;
    // Branches, loops, switch, try: what they contain may run any number of
    // times, including none.
    for (const Stmt *Child : S->children())
      nested(Child);
  }

  /// `Node(std::shared_ptr<Node> n) : next(std::move(n)) {}` stores.
  void initializer(const CXXCtorInitializer *Init) {
    const Expr *E = Init->getInit();
    if (!E)
      return;
    const FieldDecl *F = Init->getMember();
    std::string Record = F ? USROf(F->getParent()) : "";
    if (!F || !ThisVar || Record.empty() ||
        !(countedTarget(F->getType()) || isCallable(F->getType()))) {
      if (F && !Record.empty() && keepsAliveThroughPointer(F->getType()) &&
          !isNullValue(E))
        unknownStore(F, E->getBeginLoc());
      if (Init->isWritten())
        scan(E);
      return;
    }
    HasStore = true;
    const Expr *Value = E;
    if (const auto *Paren = dyn_cast<ParenListExpr>(strip(E)))
      Value = Paren->getNumExprs() == 1 ? Paren->getExpr(0) : E;
    if (const auto *C = dyn_cast<CXXConstructExpr>(strip(Value)))
      if (C->getNumArgs() == 1 && !isNewExpr(C->getArg(0)))
        Value = C->getArg(0);
    if (valueOf(Value).K == Value::Null || isNullValue(E))
      return; // a member that starts empty links nothing
    emit(BodyOpKind::Store, *ThisVar, E, materialize(Value, E), Record,
         F->getName().str());
  }

  /// A call of a program function: the objects of its arguments go to the
  /// callee's parameters (and `this`), whose facts the whole-program step
  /// applies. False for anything else (a library call is an escape).
  bool call(const CallExpr *C, const Expr *At) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || inSystemHeader(FD) || FD->isVariadic())
      return false;
    // A virtual call may run an override that unlinks what the static
    // callee does not: don't know, unless nothing can override it.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->isVirtual() && !MD->hasAttr<FinalAttr>() &&
          !MD->getParent()->hasAttr<FinalAttr>()) {
        const auto *M = dyn_cast<CXXMemberCallExpr>(C);
        const auto *Callee =
            M ? dyn_cast<MemberExpr>(M->getCallee()->IgnoreParens()) : nullptr;
        if (!Callee || !Callee->hasQualifier())
          return false;
      }
    const FunctionDecl *Def = FD->getDefinition();
    SmallString<128> USR;
    if (index::generateUSRForDecl(Def ? Def : FD, USR))
      return false;
    std::vector<const Expr *> Actuals(C->arg_begin(), C->arg_end());
    std::string Object;
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(C)) {
      const Expr *Obj = M->getImplicitObjectArgument();
      if (auto Var = derefBase(Obj, /*Load=*/true))
        Object = *Var;
      else if (Obj)
        scan(Obj);
    } else if (isa<CXXOperatorCallExpr>(C)) {
      if (isa<CXXMethodDecl>(FD) && !Actuals.empty()) {
        if (auto Var = derefBase(Actuals.front()))
          Object = *Var;
        else
          scan(Actuals.front());
        Actuals.erase(Actuals.begin());
      }
    }
    return callWith(FD, USR.str().str(), Object, Actuals, At);
  }

  bool callWith(const FunctionDecl *FD, std::string USR, std::string Object,
                const std::vector<const Expr *> &Actuals, const Expr *At) {
    std::vector<std::string> Args{Object};
    bool Any = !Object.empty();
    for (const Expr *A : Actuals) {
      Value V = valueOf(A);
      if (isObject(V)) {
        Args.push_back(materialize(A, At));
        Any = true;
      } else {
        scan(A);
        Args.push_back("");
      }
    }
    if (!Any)
      return true; // no object of ours goes in: nothing to follow
    // Only `this` going in still makes a call: the callee may unlink what
    // `this` holds (`~Client() { close(); }`), which the whole-program step
    // follows down the calls.
    HasStore = true;
    emit(BodyOpKind::Call, Object, At);
    Out.Ops.back().Callee = std::move(USR);
    Out.Ops.back().Method = FD->getQualifiedNameAsString();
    Out.Ops.back().Args = std::move(Args);
    return true;
  }

  /// A new object into `Var`, then its constructor with the arguments of
  /// `make_shared<T>(args)` or `new T(args)`: a constructor may store them.
  void allocate(const std::string &Var, const Expr *E, const Expr *At,
                const std::string &Type) {
    emit(BodyOpKind::Alloc, Var, At, "", "", "", Type);
    E = sameObject(E);
    std::vector<const Expr *> Args;
    const CXXConstructorDecl *Ctor = nullptr;
    const CXXNewExpr *New = nullptr;
    if (const auto *N = dyn_cast<CXXNewExpr>(E))
      New = N;
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E))
      New = C->getNumArgs() ? dyn_cast<CXXNewExpr>(strip(C->getArg(0))) : nullptr;
    else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (Call->getNumArgs() && isNewExpr(Call->getArg(0))) {
        const Expr *A = strip(Call->getArg(0));
        if (const auto *U = dyn_cast<UnaryOperator>(A))
          A = strip(U->getSubExpr());
        New = dyn_cast<CXXNewExpr>(A);
      } else {
        Args.assign(Call->arg_begin(), Call->arg_end());
        if (const auto *Ptr = Call->getType()->getAsCXXRecordDecl())
          if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Ptr))
            if (Spec->getTemplateArgs().size() >= 1 &&
                Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
              Ctor = constructorFor(Spec->getTemplateArgs()[0].getAsType(),
                                    Args.size());
      }
    }
    if (New) {
      if (const CXXConstructExpr *C = New->getConstructExpr()) {
        Args.assign(C->arg_begin(), C->arg_end());
        Ctor = C->getConstructor();
      } else if (New->hasInitializer()) {
        scan(New->getInitializer());
      }
    }
    if (Args.empty())
      return;
    SmallString<128> USR;
    if (Ctor && !inSystemHeader(Ctor) &&
        !index::generateUSRForDecl(Ctor, USR)) {
      callWith(Ctor, USR.str().str(), Var, Args, At);
      return;
    }
    for (const Expr *A : Args)
      scan(A);
  }

  /// The one constructor of record `RD` that takes `Arity` arguments (not a
  /// copy or move constructor), or null.
  const CXXConstructorDecl *constructorFor(QualType T, unsigned Arity) {
    const auto *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition())
      return nullptr;
    const CXXConstructorDecl *Found = nullptr;
    for (const CXXConstructorDecl *C : RD->ctors()) {
      if (C->isCopyOrMoveConstructor() || C->getNumParams() != Arity)
        continue;
      if (Found)
        return nullptr;
      Found = C;
    }
    return Found;
  }

  const TUContext &TU;
  const OwnershipModel &Model;
  TypeClassifier &Classifier;
  const std::function<std::string(const RecordDecl *)> &USROf;
  FunctionFact Out;
  llvm::DenseMap<const VarDecl *, std::optional<std::string>> Names;
  unsigned Depth = 0;
  bool HasStore = false, HasJump = false;
  std::optional<std::string> ThisVar; // "this" in an instance method
  std::set<std::string> Escaped; // escaped since their last binding
  /// Member expressions whose write an operation above stands for.
  llvm::DenseSet<const Expr *> Recognized;
};

} // namespace

std::optional<FunctionFact>
extractBody(const FunctionDecl *FD, const TUContext &TU,
            const OwnershipModel &Model, TypeClassifier &Classifier,
            const std::function<std::string(const RecordDecl *)> &USROf) {
  if (!FD->hasBody() || !FD->doesThisDeclarationHaveABody())
    return std::nullopt;
  return BodyReader(TU, Model, Classifier, USROf).read(FD);
}

} // namespace cyclint
