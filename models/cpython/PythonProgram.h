//===- PythonProgram.h - The whole program's CPython extension types -*- C++ -*-===//
//
// The merge of every TU's CPython facts, and the runtime's rules applied to
// it once for every check:
//   * slots set at run time (`NodeType.tp_new = ...`) are applied;
//   * inheritance: tp_dealloc is inherited when unset; HAVE_GC, tp_traverse
//     and tp_clear are inherited as a group, only when the subtype sets none
//     of the three (typeobject.c, inherit_special);
//   * a member's content: what may be stored in it, from PyMemberDef tables,
//     setters, stores in every function, the instance dict;
//   * what a traverse/clear/dealloc does, following helpers and base slots
//     across TUs. Anything that cannot be followed makes the answer unknown
//     (`Known == false`), and checks stay silent on unknowns.
// Plain data in, plain data out: no Clang types.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CPYTHON_PYTHONPROGRAM_H
#define CYCLINT_MODELS_CPYTHON_PYTHONPROGRAM_H

#include "core/Runtime.h"
#include "models/cpython/PythonFacts.h"

#include "llvm/ADT/StringMap.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cyclint {

class CPythonModel;

/// What a member may hold, program-wide.
///   acyclic    only NULL, None, str, bytes or numbers
///   unknown    the model cannot tell (also: a borrowed link, see
///              PyMemberInfo::BorrowedLink)
///   arbitrary  any object, the object itself included (see the reasons)
enum class PyContent { Acyclic, Unknown, Arbitrary };

/// Why a member may hold any object.
///   Filled  the member holds a container the program makes (Container:
///           PyDict_New...) and a function puts any object into it (Api:
///           PyDict_SetItem...).
struct PyContentReason {
  enum KindT { WritableMember, Setter, Argument, InstanceDict, Filled } Kind;
  std::string Attribute; // Python attribute (member, setter)
  std::string Function;  // the setter or the function that stores
  std::string Detail;    // parameter or parser the value comes from
  SourceLocation Loc;
  std::string Api, Container; // Filled only
};

struct PyMemberInfo {
  PyMemberRef Ref;
  std::string StructName; // the declaring struct: NodeObject
  PyObjectMemberFact Fact;
  PyContent Content = PyContent::Unknown;
  std::vector<PyContentReason> Reasons; // sorted by location
  /// A pointer to a program object struct with no sign that the program
  /// counts it (never released, never visited, not a writable attribute):
  /// a borrowed link, whose content is unknown whatever is stored.
  bool BorrowedLink = false;
  /// `NodeObject::next`
  std::string qualifiedName() const { return StructName + "::" + Ref.Field; }
};

/// What a traverse, clear or dealloc does once helpers, base slots and
/// slots of other types it calls are followed.
struct PySlotSummary {
  bool Known = false;        // every callee could be followed
  std::string Function;      // the slot's own function
  SourceLocation FunctionLoc;
  std::set<PyMemberRef> Members; // visited (traverse) or cleared (clear)
  std::set<PyMemberRef> Released; // passed to Py_DECREF & co. (any slot)
  bool VisitsType = false;
  bool FreesSelf = false, ReleasesType = false, UnTracksSelf = false;
  bool VisitsManagedDict = false, ClearsManagedDict = false;
  std::string Unresolved; // the first callee that could not be followed
};

struct PyType {
  PyTypeFact Fact; // with slots set at run time applied
  int Struct = -1; // index into structs(), -1 when unknown
  int Base = -1;   // index into types() of tp_base, -1 when none or builtin
  std::string BuiltinBase; // tp_base naming a runtime type (PyList_Type)
  bool BaseUnknown = false; // chosen at run time (PyType_FromSpecWithBases)

  // After inheritance.
  bool GCKnown = false; // false when the flags or the base are unknown
  bool HaveGC = false;
  /// A static base type without HAVE_GC, with its own tp_traverse and
  /// Py_TPFLAGS_BASETYPE, that Python code cannot instantiate through the
  /// runtime's tp_new (ctypes' _CData, Structure...): its instances come
  /// from heap subclasses, which type_new makes GC types whose
  /// subtype_traverse calls this traverse. Direct instances are unknown.
  bool SubclassGC = false;
  /// Python code can neither make nor use instances: no slot but the
  /// runtime's bookkeeping (tp_dealloc...), no tp_new, no base, no dict
  /// (asyncio's running-loop holder, pickle's stack). Whether such an
  /// object is in a cycle Python code makes is unknown.
  bool Opaque = false;
  /// Python code may subclass it (Py_TPFLAGS_BASETYPE), or its flags are
  /// not known.
  bool Subclassable = true;
  std::optional<PySlotFact> Traverse, Clear, Dealloc;
  int TraverseFrom = -1, ClearFrom = -1, DeallocFrom = -1; // declaring type
  std::string WeakListField, DictField; // own or inherited

  const PySlotFact *ownSlot(llvm::StringRef Name) const;
  /// `'NodeType' ('example.Node')`-style name for diagnostics: the variable.
  const std::string &name() const { return Fact.VarName; }
};

struct PyStruct {
  PyStructFact Fact;
  int Base = -1; // index into structs()
};

class PythonProgram : public ProgramView {
public:
  static constexpr const char *RuntimeName = "cpython";

  /// Merges every TU's facts and applies the runtime's rules, with the
  /// flag bits of `Model`.
  static PythonProgram build(std::vector<PythonTUFacts> TUs,
                             const CPythonModel &Model);

  const std::vector<PyType> &types() const { return Types; }
  const std::vector<PyStruct> &structs() const { return Structs; }
  const std::vector<PyFunctionFact> &functions() const { return Functions; }
  const std::vector<PyModuleFact> &modules() const { return Modules; }
  const PyFunctionFact *function(llvm::StringRef USR) const;

  /// The object members instances of `T` own: its struct's and its base
  /// structs', without weak-reference lists (borrowed). Base members first.
  std::vector<const PyMemberInfo *> ownedMembers(const PyType &T) const;
  const PyMemberInfo *member(const PyMemberRef &Ref) const;

  PySlotSummary traverseSummary(const PyType &T) const;
  PySlotSummary clearSummary(const PyType &T) const;
  PySlotSummary deallocSummary(const PyType &T) const;
  /// A module's m_traverse (state members visited, following calls passed
  /// `visit`) or m_clear (state members cleared, following calls passed the
  /// module or its state). Only program functions are followed.
  PySlotSummary moduleSummary(const PyModuleFact &M,
                              llvm::StringRef Slot) const;

  /// True when every value the program stores into a field of a struct
  /// that is not an object (a module's state) is NULL, None, a str, bytes,
  /// a number or something a runtime static type owns, and there is at
  /// least one store: such a field cannot take part in a cycle.
  bool onlyAcyclicStores(const PyMemberRef &Ref) const;

  /// True when every value the program stores into the field (an object's
  /// member or a module state's) comes without a reference of its own and
  /// nothing takes one (PyStoreFact::Borrowed), and no function releases
  /// or visits it: the field borrows, it does not own, so it is no edge of
  /// a reference cycle whether visited or not.
  bool isBorrowedField(const PyMemberRef &Ref) const;

  /// The constructor (PyDict_New...) when every object the program stores
  /// into the field is a new container whose type has a tp_clear
  /// (`clearableContainers`: dict, list, set), None and NULL aside; empty
  /// otherwise. A cycle through such a field is broken by the container's
  /// own clear, so a tp_clear or m_clear that skips it loses nothing.
  std::string clearableContainer(const PyMemberRef &Ref) const;

  /// True when some type names the function in one of its slots.
  bool isSlotFunction(llvm::StringRef USR) const;
  /// Every call of `USR` whose result a function keeps (PyAllocFact with
  /// Callee == USR), with the calling function.
  std::vector<std::pair<const PyFunctionFact *, const PyAllocFact *>>
  callResults(llvm::StringRef USR) const;

private:
  struct Collected;
  struct MemberEvidence;
  struct FlagBits {
    uint64_t HaveGC, HeapType, ManagedDict, BaseType;
  };

  // The passes of build, in order.
  Collected mergeTUs(std::vector<PythonTUFacts> &TUs);
  void applySlotAssignments(std::vector<PySlotAssignmentFact> Assignments);
  void linkBases(const std::set<std::string> &RuntimeBases);
  void inheritSlots(const CPythonModel &Model);
  void inheritGCGroup(unsigned I, const PyType *Base, const FlagBits &Bits);
  void inheritLayout(unsigned I, const PyType *Base);
  void markSubclassGC(PyType &T, const FlagBits &Bits);
  void markOpaque(PyType &T, const CPythonModel &Model);
  void indexMembers();
  void computeContent(const Collected &In);
  void addWritableReasons(const std::vector<PyMemberTableFact> &MemberTables,
                          MemberEvidence &E);
  void addStoreReasons(const std::vector<PyGetSetTableFact> &GetSetTables,
                       MemberEvidence &E);
  void addFillReasons();
  bool unseenEmptyStruct(const std::string &Key) const;
  bool emptyStruct(unsigned S) const;
  bool closedEmptyStruct(const std::string &Key) const;
  void addInstanceDictReasons();
  void markBorrowedLinks(const MemberEvidence &E);
  void settleContent(const MemberEvidence &E);
  void indexCallResults();
  void indexFieldStores(const CPythonModel &Model);

  void summarize(const PyType &Ctx, const std::optional<PySlotFact> &Slot,
                 llvm::StringRef SlotName, PySlotSummary &S,
                 std::set<std::string> &Seen) const;
  void follow(const PyType &Ctx, const PyFunctionFact &F,
              llvm::StringRef SlotName, PySlotSummary &S,
              std::set<std::string> &Seen) const;
  void addSharedLayout(const PyType &Ctx, const PyFunctionFact &F,
                       const std::vector<PyMemberRef> &Members,
                       std::set<PyMemberRef> &Out) const;
  void followCallee(const PyType &Ctx, const PyCalleeFact &C,
                    llvm::StringRef SlotName, PySlotSummary &S,
                    std::set<std::string> &Seen) const;
  std::optional<PySlotFact> effectiveSlot(const PyType &T,
                                          llvm::StringRef Name) const;

  std::vector<PyType> Types;
  std::vector<PyStruct> Structs;
  std::vector<PyFunctionFact> Functions;
  std::vector<PyModuleFact> Modules;
  std::vector<PyMemberInfo> Members; // every object member of every struct
  llvm::StringMap<unsigned> TypeByUSR, StructByKey, FunctionByUSR;
  std::map<PyMemberRef, unsigned> MemberByRef;
  /// What the program stores into each field (object and plain structs).
  struct FieldStores {
    int PlainAcyclic = 0; // plain fields: 0 only NULL, 1 acyclic too, -1 other
    bool Owned = false, Borrowed = false; // non-null stores of each kind
    bool Counted = false;                 // released or visited somewhere
    bool OnlyClearable = true;            // non-null, non-acyclic stores
    std::string Container;                // the first clearable constructor
  };
  std::map<PyMemberRef, FieldStores> Fields;
  std::set<std::string> SlotFunctions;
  std::vector<std::pair<unsigned, unsigned>> CallResults; // function, alloc
};

} // namespace cyclint

#endif // CYCLINT_MODELS_CPYTHON_PYTHONPROGRAM_H
