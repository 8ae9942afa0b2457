//===- PythonFacts.h - What one TU says about CPython extension types -*- C++ -*-===//
//
// The CPython section of a TU's facts: plain data, no Clang types, written by
// the CPython model (CPythonModel.cpp) and merged by PythonProgram. Closed
// vocabularies are enums; their JSON spellings come from the *Name functions
// and are read back strictly by the parse* functions. The words:
//
//   extension struct  a C/C++ struct laid out as a Python object: its first
//                     member is PyObject_HEAD / PyObject_VAR_HEAD /
//                     `PyObject ob_base` or another object struct (or, in
//                     C++, its first base is one).
//   object member     a member of an extension struct that holds a reference
//                     to a Python object (PyObject *, PyTypeObject *, a
//                     pointer to another object struct, arrays of those).
//   type              a static PyTypeObject or a PyType_Spec (heap type),
//                     linked to its struct by `tp_basicsize = sizeof(S)`.
//   slot              one of a type's tp_* fields (static types) or PyType_Slot
//                     entries (heap types), named `tp_traverse`, `tp_flags`...
//   store             an assignment of a value to an object member, with what
//                     the model knows of the value (null, acyclic, argument,
//                     unknown).
//
// Members are referred to by (struct key, field name): the struct that
// declares the field, so that `self->base.x` and `base->x` agree.
// The JSON form is documented in docs/FACTS.md ("python" section).
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CPYTHON_PYTHONFACTS_H
#define CYCLINT_MODELS_CPYTHON_PYTHONFACTS_H

#include "core/SourceLocation.h"

#include "llvm/Support/JSON.h"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace cyclint {

/// What the model knows about a value stored into an object member.
///   null      NULL (or a pointer that is provably NULL)
///   acyclic   an object that cannot refer to other objects: None, True,
///             False, a str, bytes or number made by a known constructor,
///             an argument parsed with a str/bytes/number format unit
///   argument  an object the caller chose: a parameter of the function, or
///             parsed from one (PyArg_Parse* "O"), so it can be anything,
///             including the object itself
///   unknown   anything else (the result of an unmodelled call, ...): the
///             model cannot tell, and checks stay silent
enum class PyValueKind { Null, Acyclic, Argument, Unknown };
llvm::StringRef pyValueKindName(PyValueKind K);
std::optional<PyValueKind> parsePyValueKind(llvm::StringRef Name);
/// What a place holding either value may hold: the caller's choice wins,
/// then "don't know", then acyclic, then NULL.
PyValueKind joinPyValueKinds(PyValueKind A, PyValueKind B);

/// What a function does with an object it allocated (or got from a call).
///   tracked    passed to PyObject_GC_Track
///   untracked  none of the below: the object is never tracked here
///   returned   returned to the caller untracked (the caller may track it)
///   escaped    stored or passed somewhere the model cannot follow
enum class PyObjectStatus { Tracked, Untracked, Returned, Escaped };
llvm::StringRef pyObjectStatusName(PyObjectStatus S);
std::optional<PyObjectStatus> parsePyObjectStatus(llvm::StringRef Name);

using PyLoc = SourceLocation;

/// A field of an extension struct: (declaring struct's key, field name).
struct PyMemberRef {
  std::string Struct;
  std::string Field;
  friend bool operator<(const PyMemberRef &A, const PyMemberRef &B) {
    return std::tie(A.Struct, A.Field) < std::tie(B.Struct, B.Field);
  }
  friend bool operator==(const PyMemberRef &A, const PyMemberRef &B) {
    return std::tie(A.Struct, A.Field) == std::tie(B.Struct, B.Field);
  }
};

struct PyObjectMemberFact {
  std::string Name;
  std::string Type; // as written, for humans
  PyLoc Loc;
  /// Key of the program extension struct the pointer type names (a
  /// `NodeObject *next`); empty for PyObject * and builtin object types.
  std::string TargetStruct;
  /// Byte offset in the declaring struct (-1: unknown): two structs laid
  /// out alike (`FutureObj`/`TaskObj` from one macro) share members by it.
  int64_t Offset = -1;
};

struct PyStructFact {
  /// The record's USR; a struct defined in the TU's main file gets the file
  /// appended (two .c files may each define their own `NodeObject`).
  std::string Key;
  std::string Name; // typedef or tag name: NodeObject
  PyLoc Loc;
  std::string BaseKey;     // program extension struct it extends, or empty
  std::string BuiltinBase; // builtin object struct it extends: PyObject, ...
  std::vector<PyObjectMemberFact> Members; // object members, declaration order
};

/// What a slot names.
///   function  a function of the program
///   type      a type object of the program (tp_base)
///   table     another variable of the program (tp_members, tp_getset)
///   builtin   a function or type of the Python runtime
///   null      NULL
///   flags     a run-time `tp_flags` assignment (PySlotAssignmentFact only)
///   other     anything else (a call, a function pointer variable...)
enum class PySlotKind { Function, Type, Table, Builtin, Null, Flags, Other };
llvm::StringRef pySlotKindName(PySlotKind K);
std::optional<PySlotKind> parsePySlotKind(llvm::StringRef Name);

/// One tp_* slot of a type, or of a module (m_traverse...), or a getset's
/// setter.
struct PySlotFact {
  std::string Slot; // tp_traverse, tp_clear, tp_dealloc, tp_base, ...
  PySlotKind Kind = PySlotKind::Other;
  std::string Target;     // USR of the function/variable named, or empty
  std::string TargetName; // its name, for humans
  PyLoc Loc;              // the initializer (or the PyType_Slot entry)
};

struct PyTypeFact {
  std::string USR;     // of the PyTypeObject or PyType_Spec variable
  std::string VarName; // NodeType, Node_spec
  std::string PyName;  // tp_name / spec name: "example.Node"
  PyLoc Loc;
  bool Heap = false; // a PyType_Spec
  std::string StructKey; // from tp_basicsize = sizeof(S); empty if unknown
  bool FlagsKnown = false; // tp_flags folded to a constant
  uint64_t Flags = 0;
  PyLoc FlagsLoc;
  bool HaveGC = false, HeapTypeFlag = false, ManagedDict = false;
  std::vector<PySlotFact> Slots; // sorted by slot name
  std::string WeakListField; // offsetof(S, f) in tp_weaklistoffset
  std::string DictField;     // offsetof(S, f) in tp_dictoffset
  bool DictOffset = false;   // tp_dictoffset set (offsetof, or non-zero)
  unsigned PythonVersion = 0; // PY_VERSION_HEX of the TU that defines it
  /// A slot Python code can use is set (tp_new, tp_methods, tp_call,
  /// tp_repr, a protocol table...): anything but the runtime's bookkeeping
  /// (`internalSlots`). Slots set at run time count too (PythonProgram).
  bool PythonFacing = false;
};

/// One PyMemberDef entry whose offset is offsetof(S, f).
struct PyMemberDefFact {
  std::string Attribute; // the Python attribute name
  int TypeCode = -1;
  int Flags = 0;
  bool ObjectType = false; // T_OBJECT, T_OBJECT_EX, Py_T_OBJECT_EX
  bool ReadOnly = false;
  PyMemberRef Member;
  PyLoc Loc;
};

struct PyMemberTableFact {
  std::string USR, Name;
  std::vector<PyMemberDefFact> Entries;
};

struct PyGetSetFact {
  std::string Attribute;
  std::string SetterUSR, SetterName; // empty: read-only
  PyLoc Loc;
};

struct PyGetSetTableFact {
  std::string USR, Name;
  std::vector<PyGetSetFact> Entries;
};

/// Where a call goes, as far as the model can tell.
///   base-slot  a slot of the type's base: `Py_TYPE(self)->tp_base->tp_clear`
///   builtin    a function of the runtime, or a slot of a runtime type:
///              `PyBaseObject_Type.tp_dealloc`
///   function   a function declared in the program (USR)
///   self-slot  a slot of the object's own type: `Py_TYPE(self)->tp_free`
///   type-slot  a slot of a named type: `BaseType.tp_traverse`
///   unknown    a function pointer the model cannot follow
/// Declared in the order of the spellings: callees are sorted by kind
/// first, and the facts file keeps the order it had when kinds were strings.
enum class PyCalleeKind { BaseSlot, Builtin, Function, SelfSlot, TypeSlot, Unknown };
llvm::StringRef pyCalleeKindName(PyCalleeKind K);
std::optional<PyCalleeKind> parsePyCalleeKind(llvm::StringRef Name);

struct PyCalleeFact {
  PyCalleeKind Kind = PyCalleeKind::Unknown;
  std::string USR;  // function or type variable
  std::string Name; // for humans
  std::string Slot; // for the slot kinds
  friend bool operator<(const PyCalleeFact &A, const PyCalleeFact &B) {
    return std::tie(A.Kind, A.USR, A.Slot, A.Name) <
           std::tie(B.Kind, B.USR, B.Slot, B.Name);
  }
  friend bool operator==(const PyCalleeFact &A, const PyCalleeFact &B) {
    return std::tie(A.Kind, A.USR, A.Slot, A.Name) ==
           std::tie(B.Kind, B.USR, B.Slot, B.Name);
  }
};

struct PyStoreFact {
  PyMemberRef Member;
  PyValueKind Value = PyValueKind::Unknown;
  std::string Detail; // the parameter or API the value comes from
  PyLoc Loc;
  /// The value is a container the program makes here (PyDict_New,
  /// PyList_New...: `containerConstructors`), empty until filled.
  bool NewContainer = false;
  /// The value comes with no reference of its own and the function takes
  /// none (a parameter, a parsed "O", a global or a borrowed API result,
  /// never given to Py_INCREF): if nothing ever releases the member, it is
  /// a borrowed reference, not one the object owns.
  bool Borrowed = false;
  /// An argument whose declaration points to a program object struct
  /// (`PyCursesWindowObject *win`): its key. What such an object can hold
  /// depends on that struct and its type (PythonProgram::addStoreReasons).
  std::string ValueStruct = {};
};

/// An object put into the container a member holds:
/// `PyDict_SetItem(self->attrs, key, value)`, `PyList_Append(self->items, x)`
/// (`containerFills`). `Value` joins what is kept (a dict keeps the key and
/// the value).
///
/// A helper's fill of a container its caller passes (`_subcache(PyObject
/// *cache, PyObject *key)` calling `PyDict_SetItem(cache, key, sub)`) has
/// no member: `ContainerParam` names the parameter holding the container
/// and `ValueParams` the parameters kept as they are, whose kinds only the
/// call site knows (PyMemberArgFact); `Value` joins the other values.
struct PyFillFact {
  PyMemberRef Member; // the member holding the container
  PyValueKind Value = PyValueKind::Unknown;
  std::string Detail; // the parameter or parser the value comes from
  std::string Api;    // PyDict_SetItem
  PyLoc Loc;
  int ContainerParam = -1;
  std::vector<int> ValueParams = {};
};

/// What one argument of a call is, as a value.
struct PyArgValueFact {
  PyValueKind Value = PyValueKind::Unknown;
  std::string Detail;
};

/// A member passed by value to a program function (`_subcache(self->cache,
/// key)`): the function's fills of that parameter fill the member's
/// container, with the kinds of this call's arguments.
struct PyMemberArgFact {
  std::string CalleeUSR, CalleeName;
  int Param = 0;
  PyMemberRef Member;
  std::vector<PyArgValueFact> Args;
  PyLoc Loc;
};

/// An object a function allocates with PyObject_GC_New (`GCAlloc`) or gets
/// from a call to another program function (`Callee`), and what it does
/// with it.
struct PyAllocFact {
  bool GCAlloc = false;
  std::string Callee, CalleeName; // for call results: the function's USR
  std::string TypeUSR;            // GC allocations: the type passed, if named
  PyObjectStatus Status = PyObjectStatus::Escaped;
  PyLoc Loc;
};

struct PyFunctionFact {
  std::string USR, Name;
  PyLoc Loc;
  /// Key of the extension struct its first parameter points to (the object
  /// it works on), or empty: `FutureObj_traverse(FutureObj *fut, ...)`.
  std::string SelfStruct;
  // As a traverse function (it has a visitproc parameter).
  bool HasVisitParam = false;
  std::vector<PyMemberRef> Visited; // passed to visit, or with visit to a helper
  bool VisitsType = false;          // Py_VISIT(Py_TYPE(self))
  bool VisitsOther = false;         // something that is not a member
  bool VisitsManagedDict = false;   // PyObject_VisitManagedDict (3.12+)
  std::vector<PyCalleeFact> VisitDelegates; // calls that are passed `visit`
  // As a clear or dealloc function (what it does to its first parameter).
  std::vector<PyMemberRef> Cleared; // set to NULL, or cleared through &member
  /// Members whose reference is released (Py_DECREF/Py_XDECREF of the
  /// member, or of a local holding it: Py_CLEAR, Py_SETREF), anywhere.
  std::vector<PyMemberRef> Released;
  std::vector<PyCalleeFact> SelfCalls; // calls that are passed the object
  bool UnTracksSelf = false, FreesSelf = false, ReleasesType = false;
  bool ClearsManagedDict = false; // PyObject_ClearManagedDict (3.12+)
  /// Program functions passed a module's state (a value of
  /// PyModule_GetState, or of a helper passed the first parameter).
  std::vector<PyCalleeFact> StateCalls;
  // Anywhere.
  std::vector<PyStoreFact> Stores;
  std::vector<PyFillFact> Fills;
  std::vector<PyAllocFact> Allocs;
  /// A new reference to a caller's object handed to a C library as user
  /// data (a `void *` parameter) of a handle the object keeps:
  /// `lib_set_callback(self->db, trampoline, Py_NewRef(cb))`. `Member` is
  /// the handle (any field of the extension struct), `Api` the library
  /// function. The library's reference is one no traverse visits.
  std::vector<PyFillFact> UserData;
  /// Members passed by value to program functions (helper fills).
  std::vector<PyMemberArgFact> MemberArgs;
};

/// How a run-time slot assignment writes: `=` (set), `|=` (or, for
/// tp_flags) or any other compound assignment (other: the value is lost).
enum class PySlotOp { Set, Or, Other };
llvm::StringRef pySlotOpName(PySlotOp Op);
std::optional<PySlotOp> parsePySlotOp(llvm::StringRef Name);

/// `NodeType.tp_new = PyType_GenericNew;` in a function: slots set at run
/// time.
struct PySlotAssignmentFact {
  std::string TypeUSR;
  PySlotOp Op = PySlotOp::Other;
  PySlotFact Slot;
};

/// A PyModuleDef. Its state is the struct named by `m_size = sizeof(S)`, or
/// else the one struct the TU converts PyModule_GetState's result to.
struct PyModuleFact {
  std::string USR, VarName;
  std::string PyName; // m_name
  PyLoc Loc;
  bool SizeKnown = false; // m_size folded to a constant
  int64_t Size = 0;
  std::string StateStruct, StateStructName; // key and name, or empty
  PyLoc StateLoc;
  std::vector<PyObjectMemberFact> StateMembers; // object members of the state
  std::vector<PySlotFact> Slots; // m_traverse, m_clear, m_free (non-null)
};

struct PythonTUFacts {
  unsigned VersionHex = 0; // PY_VERSION_HEX; 0 when Python.h is not included
  std::vector<PyStructFact> Structs;           // sorted by key
  std::vector<PyTypeFact> Types;               // sorted by USR
  std::vector<PyMemberTableFact> MemberTables; // sorted by USR
  std::vector<PyGetSetTableFact> GetSetTables; // sorted by USR
  std::vector<PyFunctionFact> Functions;       // sorted by USR
  std::vector<PySlotAssignmentFact> SlotAssignments;
  std::vector<PyModuleFact> Modules; // sorted by USR
  /// Specs passed to PyType_FromSpecWithBases & co. with a base chosen at
  /// run time: their base is unknown.
  std::vector<std::string> SpecsWithRuntimeBases;

  bool empty() const {
    return Structs.empty() && Types.empty() && Functions.empty() &&
           MemberTables.empty() && GetSetTables.empty() &&
           SlotAssignments.empty() && Modules.empty();
  }
  void canonicalize();
};

llvm::json::Value toJSON(const PythonTUFacts &Facts);
bool fromJSON(const llvm::json::Value &V, PythonTUFacts &Facts,
              llvm::json::Path P);

} // namespace cyclint

#endif // CYCLINT_MODELS_CPYTHON_PYTHONFACTS_H
