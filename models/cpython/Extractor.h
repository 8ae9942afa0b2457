//===- Extractor.h - One TU's CPython declarations, read from the AST -*- C++ -*-===//
//
// Internal to models/cpython/. The Extractor owns what the CPython model
// knows about one TU while it is walked: where Python's headers are, which
// records are object layouts, the extension structs and their object
// members, the type objects (static PyTypeObject initializers, PyType_Spec +
// PyType_Slot arrays), the PyMemberDef/PyGetSetDef tables and the
// PyModuleDefs. It writes PythonTUFacts (`Out`); function bodies are
// summarized by FunctionSummarizer, which asks the Extractor what a
// declaration is. Everything it caches is per TU: nothing outlives extract().
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CPYTHON_EXTRACTOR_H
#define CYCLINT_MODELS_CPYTHON_EXTRACTOR_H

#include "models/cpython/CPythonModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cyclint::cpython {

class Extractor {
public:
  Extractor(clang::ASTContext &Ctx, const CPythonModel &M,
            llvm::function_ref<SourceLocation(clang::SourceLocation)> Loc,
            llvm::StringRef MainFile)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), M(M), D(M.data()), Loc(Loc),
        MainFile(MainFile) {}

  //===-- Where a declaration comes from ----------------------------------===//

  /// Python's headers are often included with -I, not as system headers:
  /// they are recognized by directory, the one that declares `_object`.
  /// False when the TU does not include Python.h.
  bool findPythonIncludeDir();
  /// True for locations in system headers or in Python's own headers.
  bool isRuntime(clang::SourceLocation L) const;
  bool isProgramDecl(const clang::Decl *Dl) const {
    return !isRuntime(Dl->getLocation());
  }
  /// True for declarations of a C library: in a system header that is not
  /// one of Python's (sqlite3.h, expat.h, zlib.h...).
  bool isLibraryDecl(const clang::Decl *Dl) const;
  std::string usr(const clang::Decl *Dl);

  //===-- Object layouts ---------------------------------------------------===//

  const clang::RecordDecl *recordOf(clang::QualType T) const;
  /// True for records laid out as a Python object.
  bool isObjectRecord(const clang::RecordDecl *RD);
  bool isExtensionStruct(const clang::RecordDecl *RD);
  std::string structKey(const clang::RecordDecl *RD);
  /// The object layout a member's type points to (PyObject *, NodeObject *,
  /// PyObject *[4], PyObject **), or null.
  const clang::RecordDecl *objectPointee(clang::QualType T);
  /// An object struct none of whose fields past its head can hold an
  /// object: scalars, strings, function pointers and pointers to C
  /// library structs (curses' `PyCursesWindowObject`). A `void *`, an
  /// embedded struct or a pointer into Python's headers can.
  bool holdsNoObject(const clang::RecordDecl *RD);
  /// The member an expression names, if it is an object member of an
  /// extension struct: `self->next`, `((NodeObject *)op)->items[i]`.
  std::optional<PyMemberRef> memberRef(const clang::Expr *E);
  /// An object member of a program struct that is not an object layout
  /// (a module's state struct): `state->error_obj`, `st->types[i]`.
  std::optional<PyMemberRef> plainMemberRef(const clang::Expr *E);
  /// Any field of an extension struct a member expression names, object
  /// or not (`self->db`, a C library's handle).
  std::optional<PyMemberRef> fieldRef(const clang::Expr *E);
  void addStruct(const clang::RecordDecl *RD);

  //===-- Types and tables (TypeReader.cpp) --------------------------------===//

  bool isRecordNamed(clang::QualType T, llvm::StringRef Name) const;
  /// What a slot initializer names.
  PySlotFact slotValue(llvm::StringRef Slot, const clang::Expr *E);
  /// The variable `E` or `&E` names, or null.
  const clang::VarDecl *varNamed(const clang::Expr *E);
  bool isSlotDefault(const clang::Expr *Init);
  /// A definition of a file-scope variable: a type object, a spec, a module
  /// definition or a member/getset table.
  void visitVar(const clang::VarDecl *VD);
  /// `(State *)PyModule_GetState(m)`: a candidate module state struct.
  void noteStateCast(const clang::RecordDecl *RD);
  /// Module definitions are finished once the whole TU is walked.
  void finishModules();

  //===-- Program helpers --------------------------------------------------===//

  /// The parameter a program function returns on every path, when its
  /// body is only that: a new-reference helper like Py_NewRef.
  std::optional<unsigned> passThroughParam(const clang::FunctionDecl *Callee);

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const CPythonModel &M;
  const CPythonModelData &D;
  llvm::function_ref<SourceLocation(clang::SourceLocation)> Loc;
  std::string MainFile;
  PythonTUFacts Out;

  /// (spec USR, its PyType_Slot array), and the arrays some function writes
  /// to (`slots[0].pfunc = &PyUnicode_Type;`): those specs' slots, their
  /// base included, are only known at run time.
  std::vector<std::pair<std::string, const clang::VarDecl *>> SpecSlotArrays;
  llvm::DenseSet<const clang::VarDecl *> SlotArraysWritten;
  /// `slots[2].pfunc = (void *)Node_traverse;` with a constant index: an
  /// entry of a slot array a function fills in before PyType_FromSpec.
  struct SlotWrite {
    const clang::VarDecl *Array;
    int64_t Index;
    std::string Field; // slot or pfunc
    const clang::Expr *Value;
  };
  std::vector<SlotWrite> SlotWrites;
  /// Arrays written with an index that is not a constant (a loop): their
  /// specs' slots, base included, are only known at run time.
  llvm::DenseSet<const clang::VarDecl *> SlotArraysWrittenAnywhere;
  /// Applies SlotWrites to the specs' slots; the specs whose arrays are
  /// written in a way not understood get their base unknown.
  void applySlotWrites();

private:
  const clang::RecordDecl *headOf(const clang::RecordDecl *RD) const;
  const clang::FieldDecl *offsetField(const clang::Expr *E);
  void setFlags(PyTypeFact &T, const clang::Expr *E);
  void interpretFlags(PyTypeFact &T);
  void setBasicSize(PyTypeFact &T, const clang::Expr *E);
  void setStaticTypeField(PyTypeFact &T, llvm::StringRef Field,
                          const clang::Expr *Init);
  void addStaticType(const clang::VarDecl *VD);
  const clang::InitListExpr *arrayInit(const clang::VarDecl *VD);
  void addSpec(const clang::VarDecl *VD);
  /// One `{slot, pfunc}` entry per array element, as initialized (or
  /// written), and where it is written.
  struct SlotEntry {
    const clang::Expr *Id = nullptr, *Fn = nullptr, *At = nullptr;
  };
  using SlotEntries = std::vector<SlotEntry>;
  SlotEntries slotEntries(const clang::InitListExpr *Slots);
  void readSpecSlots(PyTypeFact &T, const SlotEntries &Entries);
  void readSpecialMembers(PyTypeFact &T, const clang::InitListExpr *Table);
  void addMemberTable(const clang::VarDecl *VD, const clang::InitListExpr *ILE);
  void addGetSetTable(const clang::VarDecl *VD, const clang::InitListExpr *ILE);
  void addModule(const clang::VarDecl *VD);
  void setModuleState(PyModuleFact &Mod, const clang::RecordDecl *RD);

  std::string PythonDir;
  mutable llvm::DenseMap<clang::FileID, bool> RuntimeFiles;
  llvm::DenseMap<const clang::Decl *, std::string> USRs;
  llvm::DenseMap<const clang::RecordDecl *, bool> ObjectRecords;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<unsigned>>
      PassThrough;
  /// PyModuleDefs, with the struct `m_size = sizeof(S)` names, and the
  /// structs PyModule_GetState's result is converted to, in order.
  std::vector<std::pair<PyModuleFact, const clang::RecordDecl *>> Modules;
  std::vector<const clang::RecordDecl *> StateCasts;
  llvm::DenseSet<const clang::RecordDecl *> StateCastSet;
};

} // namespace cyclint::cpython

#endif // CYCLINT_MODELS_CPYTHON_EXTRACTOR_H
