//===- FunctionSummarizer.h - One function body as the GC sees it -*- C++ -*-===//
//
// Internal to models/cpython/. A FunctionSummarizer walks one function body
// twice and writes its PyFunctionFact: the first pass learns where each
// local's value comes from (assignments, PyArg_Parse* outputs, aliases of a
// member's address), the second records what the body does to objects
// (visits, clears, releases, stores and what they store, container fills,
// calls passed `visit` or the object, GC allocations and their fate).
// Every function of the program is summarized the same way whatever its
// role; the merge decides which summary matters. What the API calls mean
// (which allocate, track, fill a container, parse arguments) is model data.
//
// FunctionSummarizer.cpp holds the walk and the roles of expressions;
// FunctionValues.cpp what a value may be, container fills, argument parsers
// and allocations.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CPYTHON_FUNCTIONSUMMARIZER_H
#define CYCLINT_MODELS_CPYTHON_FUNCTIONSUMMARIZER_H

#include "models/cpython/Extractor.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cyclint::cpython {

class FunctionSummarizer : public clang::RecursiveASTVisitor<FunctionSummarizer> {
public:
  FunctionSummarizer(Extractor &X, const clang::FunctionDecl *FD);

  bool shouldVisitLambdaBody() const { return false; }

  PyFunctionFact run();
  /// Whether the summary says anything (see worthKeeping); valid after run.
  bool keep() const { return Keep; }

  // Pass 1 and 2: RecursiveASTVisitor callbacks.
  bool VisitVarDecl(clang::VarDecl *VD);
  bool VisitBinaryOperator(clang::BinaryOperator *BO);
  bool VisitCallExpr(clang::CallExpr *C);
  bool VisitReturnStmt(clang::ReturnStmt *R);
  bool VisitUnaryOperator(clang::UnaryOperator *U);

private:
  /// What one call's arguments are, for the checks of VisitCallExpr.
  struct CallArguments {
    bool PassesVisit = false, PassesSelf = false;
    std::vector<PyMemberRef> Members; // object members passed by value
  };

  bool worthKeeping() const;
  void noteSource(const clang::VarDecl *VD, const clang::Expr *Value);

  // Assignments and calls (FunctionSummarizer.cpp).
  void collectAssignment(const clang::BinaryOperator *BO,
                         const clang::Expr *LHS);
  std::optional<PyMemberRef> assignedMember(const clang::Expr *LHS) const;
  void noteClearedPlainMember(const clang::BinaryOperator *BO,
                              const clang::Expr *LHS);
  void noteStore(const clang::BinaryOperator *BO, const PyMemberRef &Target);
  bool guardedExact(const clang::Expr *Value, const clang::Stmt *At);
  bool checksExactType(const clang::Expr *Cond, const clang::VarDecl *V);
  bool noteVisitCall(const clang::CallExpr *C);
  std::optional<PyMemberRef> aliasedMember(const clang::Expr *E) const;
  bool noteManagedDictCall(llvm::StringRef Name);
  CallArguments readArguments(const clang::CallExpr *C, llvm::StringRef Name);
  void noteStateCall(const clang::CallExpr *C, llvm::StringRef Name);
  void noteReleases(const clang::CallExpr *C, llvm::StringRef Name);
  void noteSelfCall(const clang::CallExpr *C, llvm::StringRef Name);
  bool typeSlotAssignment(const clang::BinaryOperator *BO,
                          const clang::Expr *LHS);

  // Roles of expressions (FunctionSummarizer.cpp).
  bool isVisitProc(clang::QualType T) const;
  bool isVisitParm(const clang::Expr *E) const;
  bool isSelf(const clang::Expr *E) const;
  bool isTypeOf(const clang::Expr *E) const;
  bool isTypeParm(const clang::Expr *E) const;
  bool isStateExpr(const clang::Expr *E) const;
  const clang::VarDecl *typeVar(const clang::Expr *E) const;
  PyCalleeFact callee(const clang::CallExpr *C);
  /// `*p` where `p` is a local holding `&member` (in `Aliases`).
  std::optional<PyMemberRef>
  derefAlias(const clang::Expr *E,
             const llvm::DenseMap<const clang::VarDecl *, PyMemberRef>
                 &Aliases) const;

  // Values, fills and parsers (FunctionValues.cpp).
  static PyValueKind join(PyValueKind A, PyValueKind B);
  PyValueKind classify(const clang::Expr *E, std::string &Detail,
                       unsigned Depth = 0);
  void joinSource(PyValueKind &Kind, std::string &Detail,
                  const clang::Expr *Source, unsigned Depth);
  PyValueKind classifyCall(const clang::CallExpr *C, std::string &Detail,
                           unsigned Depth);
  PyValueKind classifyVariable(const clang::VarDecl *VD, std::string &Detail,
                               unsigned Depth);
  bool isRuntimeStaticType(const clang::Expr *E, unsigned Depth);
  bool isNewContainer(const clang::Expr *E, unsigned Depth = 0);
  bool isBorrowedValue(const clang::Expr *E, unsigned Depth = 0);
  bool isGlobalStruct(const clang::Expr *Base, bool Arrow) const;
  std::string valueStruct(const clang::Expr *E);
  bool takesNewReference(const clang::Expr *Value, const PyMemberRef &Target);
  void noteIncref(const clang::CallExpr *C, llvm::StringRef Name);
  void noteUserData(const clang::CallExpr *C, llvm::StringRef Name);
  bool isNewReference(const clang::Expr *E) const;
  void noteValueVar(const clang::Expr *Value, const PyMemberRef &Target);
  void addLocalContainerFills();
  std::optional<PyMemberRef> containerMember(const clang::Expr *E);
  std::optional<PyMemberRef> releasedMember(const clang::Expr *E);
  std::optional<PyMemberRef> releasedPlainMember(const clang::Expr *E);
  void noteFill(const clang::CallExpr *C, llvm::StringRef Name);
  const clang::Expr *passedThrough(const clang::Expr *E) const;
  std::optional<unsigned> parameterIndex(const clang::Expr *E) const;
  void noteMemberArgs(const clang::CallExpr *C);
  const CPythonModelData::ArgParser *parserOf(const clang::CallExpr *C) const;
  bool isParserOutput(const clang::CallExpr *C, const clang::Expr *Arg) const;
  void collectParserOutputs(const clang::CallExpr *C);
  void noteParserOutput(const clang::Expr *Arg, PyValueKind Kind,
                        const std::string &Detail);

  // Allocations (FunctionValues.cpp).
  PyObjectStatus
  statusOf(const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Vars);
  void collectStoredValues();
  void varsHolding(const clang::CallExpr *C,
                   llvm::SmallPtrSetImpl<const clang::VarDecl *> &Vars);
  void summarizeAllocations();

  Extractor &X;
  const CPythonModel &M;
  const CPythonModelData &D;
  clang::ASTContext &Ctx;
  const clang::FunctionDecl *FD;
  const clang::ParmVarDecl *VisitParm = nullptr;
  const clang::ParmVarDecl *SelfParm = nullptr;
  bool Collecting = true;
  bool Keep = false;
  PyFunctionFact F;

  /// Every value assigned to each local (its initializer included).
  llvm::DenseMap<const clang::VarDecl *, std::vector<const clang::Expr *>>
      Sources;
  /// Locals given to a PyArg_Parse* call: the joined kind, and the parser.
  llvm::DenseMap<const clang::VarDecl *, std::pair<PyValueKind, std::string>>
      ParsedKinds;
  std::vector<PyStoreFact> ParsedMembers; // members parsed into directly
  llvm::DenseSet<const clang::VarDecl *> SelfVars, TypeVars, Visiting,
      AddressTaken, StateVars;
  /// Locals holding a member's address (`PyObject **p = &self->x`).
  llvm::DenseMap<const clang::VarDecl *, PyMemberRef> MemberAliases,
      PlainAliases;
  std::vector<const clang::CallExpr *> Calls;
  std::vector<const clang::Expr *> Returns;
  std::vector<const clang::Stmt *> StoredValues;
  /// Locals and members given to Py_INCREF (pass 1): a store of them takes
  /// a new reference.
  llvm::DenseSet<const clang::VarDecl *> IncrefVars;
  std::set<PyMemberRef> IncrefMembers;
  /// Fills of a container a local holds (`PyList_Append(list, x)` with
  /// `list = PyList_New(0)`), and the members such locals are stored into:
  /// the member's container keeps what the local's did.
  llvm::DenseMap<const clang::VarDecl *, std::vector<PyFillFact>> LocalFills;
  std::vector<std::pair<const clang::VarDecl *, PyMemberRef>> StoredLocals;
};

} // namespace cyclint::cpython

#endif // CYCLINT_MODELS_CPYTHON_FUNCTIONSUMMARIZER_H
