//===- BindingFacts.h - What one TU says about bound classes ----*- C++ -*-===//
//
// The "pybind11" section of a facts file (docs/FACTS.md): plain data read from
// one TU by the BindingExtractor, written and read as JSON, merged by
// BindingProgram. It covers pybind11 and nanobind alike:
//
//   holders    program records with members that hold Python objects
//              (directly, in containers, in by-value structs, in callables)
//   classes    the C++ classes bound to Python (class_<T, ...>), with what
//              their type setup installs for the cycle collector
//   bindings   what Python can do to a member: read it, write it, call a
//              method, property setter or constructor that stores an argument
//   functions  which parameter each program function stores into which member
//   keepAlive  keep_alive<Nurse, Patient> call policies
//
// Members are named by {record USR, field name}; a member path is a list of
// them, outermost first (`Button::callbacks`, then `Callbacks::on_click`).
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_PYBIND11_BINDINGFACTS_H
#define CYCLINT_MODELS_PYBIND11_BINDINGFACTS_H

#include "core/SourceLocation.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <string>
#include <tuple>
#include <vector>

namespace cyclint {

/// What a member holds.
enum class HolderKind {
  Object,   // a Python reference: py::object and subclasses, an owned handle
  Callable, // a std::function, which holds a Python callable converted to it
  Struct,   // a program record (by value, or in an owning wrapper) with such
            // members
};
llvm::StringRef holderKindName(HolderKind K);

struct BindingMember {
  std::string Record; // USR of the declaring record
  std::string Field;
  friend bool operator<(const BindingMember &A, const BindingMember &B) {
    return std::tie(A.Record, A.Field) < std::tie(B.Record, B.Field);
  }
  friend bool operator==(const BindingMember &A, const BindingMember &B) {
    return A.Record == B.Record && A.Field == B.Field;
  }
};
using BindingMemberPath = std::vector<BindingMember>;

struct HeldMemberFact {
  std::string Name;
  std::string Type; // as written
  SourceLocation Loc;
  HolderKind Kind = HolderKind::Object;
  /// Inside a standard container or owning wrapper ("std::vector", ...).
  std::vector<std::string> Via;
  /// py::list/dict/set (or a container of them): Python code that can read
  /// it can fill it.
  bool Fillable = false;
  /// Struct: the record whose members hold Python objects.
  std::string Inner;
};

struct HolderRecordFact {
  std::string Usr;
  std::string Name;
  SourceLocation Loc;
  std::vector<HeldMemberFact> Members;
};

/// What a type slot function the program installs does.
enum class SlotState {
  None,    // not installed
  Known,   // installed, its visits (or clears) are the members listed
  Unknown, // installed, but what it does is not known (an opaque call)
};
llvm::StringRef slotStateName(SlotState S);

struct BoundClassFact {
  std::string Usr;     // the bound C++ record
  std::string Name;    // its qualified name
  std::string Library; // "pybind11", "nanobind"
  std::string PyName;  // the Python name given to class_
  SourceLocation Loc;  // the class_ expression
  std::string Holder;  // the holder type option, "" for the default
  bool DynamicAttr = false;
  /// A custom_type_setup (pybind11) or type_slots (nanobind) extra.
  bool HasSetup = false;
  SourceLocation SetupLoc;
  /// The setup sets Py_TPFLAGS_HAVE_GC (nanobind: implied by a traverse).
  bool SetupHaveGC = false;
  /// The setup's setup could not be read (a callback the TU does not define).
  bool SetupUnknown = false;
  SlotState Traverse = SlotState::None;
  SourceLocation TraverseLoc;
  std::vector<BindingMember> Visited; // every member a visit reaches, sorted
  SlotState Clear = SlotState::None;
  std::vector<BindingMember> Cleared;
};

/// How Python code reaches a member or a function.
enum class BindingKind {
  ReadWrite, // def_readwrite / def_rw of the member
  ReadOnly,  // def_readonly / def_ro of the member
  Setter,    // the setter of def_property / def_prop_rw
  Method,    // def
  Init,      // def(init<...>()): a constructor
};
llvm::StringRef bindingKindName(BindingKind K);

/// A parameter stored into a member path of `this` (Target -1) or of
/// another parameter.
struct StoreFact {
  int Param = 0;
  int Target = -1;
  BindingMemberPath Path;
  SourceLocation Loc;
};

struct BindingFact {
  std::string Class; // USR of the bound record
  BindingKind Kind = BindingKind::Method;
  std::string Attribute; // the Python name
  SourceLocation Loc;
  /// ReadWrite/ReadOnly: the member.
  BindingMember Member;
  /// Setter/Method/Init: the function's USR and name, which parameter is
  /// the instance (-1: `this`), and the parameters Python can pass any
  /// object to (py::object, a std::function the TU can convert to, ...).
  std::string Function;
  std::string FunctionName;
  int SelfParam = -1;
  std::vector<int> ObjectParams;
  /// Init of an aggregate: what the braces store (no function to summarize).
  std::vector<StoreFact> Stores;
};

struct StoreSummaryFact {
  std::string Usr;
  std::string Name;
  SourceLocation Loc;
  std::vector<StoreFact> Stores;
};

/// keep_alive<Nurse, Patient> on a bound function: while the nurse lives,
/// the runtime keeps the patient alive in a table the collector never sees.
struct KeepAliveFact {
  std::string Class; // the class_ whose def carries it
  SourceLocation Loc;
  std::string FunctionName;
  std::string Attribute;
  int Nurse = 0, Patient = 0;
  /// The bound record each index names (USR), "" when not a bound record.
  std::string NurseType, PatientType;
  /// The patient can be any Python object (py::object, a callable...).
  bool PatientAnyObject = false;
};

struct BindingTUFacts {
  std::vector<HolderRecordFact> Holders;
  std::vector<BoundClassFact> Classes;
  std::vector<BindingFact> Bindings;
  std::vector<StoreSummaryFact> Functions;
  std::vector<KeepAliveFact> KeepAlive;

  bool empty() const {
    return Holders.empty() && Classes.empty() && Bindings.empty() &&
           Functions.empty() && KeepAlive.empty();
  }
  /// Sorts every list: the same TU gives the same bytes.
  void canonicalize();
};

llvm::json::Object toJSON(const BindingTUFacts &F);
bool fromJSON(const llvm::json::Value &V, BindingTUFacts &F,
              llvm::json::Path P);

} // namespace cyclint

#endif // CYCLINT_MODELS_PYBIND11_BINDINGFACTS_H
