//===- CPythonModel.h - CPython extension types, read from the AST -*- C++ -*-===//
//
// The CPython model: recognizes extension object structs, their type objects
// (static PyTypeObject initializers, PyType_Spec + PyType_Slot arrays), the
// PyMemberDef/PyGetSetDef tables, and summarizes every function of the
// program as the GC protocol sees it (what it visits, clears, stores,
// allocates, tracks and releases). The output is plain data (PythonFacts.h);
// the model never reports anything.
//
// Runtime knowledge (slot ids, flag bits, member type codes, API names and
// what they do, PyArg_Parse* format units) is data:
// models/cpython/cpython.yaml, compiled in, extendable with user files of
// the same schema (docs/MODELS.md).
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CPYTHON_CPYTHONMODEL_H
#define CYCLINT_MODELS_CPYTHON_CPYTHONMODEL_H

#include "models/cpython/PythonFacts.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Preprocessor;
class SourceLocation;
} // namespace clang

namespace cyclint {

/// What one pointer argument of a PyArg_Parse* format unit receives
/// (cpython.yaml `argFormat.units[].arguments`).
///   plain        not an object output: a C value, a buffer, the type of
///                "O!", the converter of "O&"
///   object       any object the caller passed ("O"): an argument
///   typedObject  an object of the type the previous argument names ("O!"):
///                acyclic when that type is in `acyclicTypes`, else an
///                argument
///   acyclic      a str, bytes or number ("S", "U", "Y")
///   unknown      an object the model cannot tell about (what "O&"'s
///                converter makes)
enum class FormatArgument { Plain, Object, TypedObject, Acyclic, Unknown };
llvm::StringRef formatArgumentName(FormatArgument A);

/// The tabular knowledge of models/cpython/cpython.yaml, with the user
/// model files merged into it (CPythonModel::addModelText).
struct CPythonModelData {
  std::string Name;
  llvm::StringMap<uint64_t> Flags;       // Py_TPFLAGS_HAVE_GC -> 0x4000
  std::map<int64_t, std::string> Slots;  // 71 -> tp_traverse
  llvm::StringSet<> SlotNames;           // the names in Slots
  std::vector<int> ObjectMemberTypes;    // PyMemberDef type codes
  int ReadOnlyFlag = 1;
  std::string WeakListOffsetMember, DictOffsetMember;
  llvm::StringSet<> ObjectHeads;
  std::string TypeObjectRecord, SpecRecord, SlotRecord, MemberDefRecord,
      GetSetDefRecord, VisitProcTypedef, ModuleDefRecord;
  /// functions.<list> -> names
  llvm::StringMap<llvm::StringSet<>> Lists;
  struct FromSpec {
    std::string Name;
    int Spec = -1, Bases = -1;
  };
  std::vector<FromSpec> FromSpecs;
  struct ArgParser {
    std::string Name;
    int Format = -1, Outputs = 0;
  };
  std::vector<ArgParser> ArgParsers;
  struct ContainerFill {
    std::string Name;
    int Container = 0;
    std::vector<int> Values;
  };
  std::vector<ContainerFill> ContainerFills;
  llvm::StringSet<> AcyclicTypes;
  /// PyArg_Parse* formats: characters that are not units (`|`, `$`...),
  /// characters that end the units (`:`, `;`), and the units.
  std::string FormatSkip, FormatStop;
  struct FormatUnit {
    std::string Name; // "O!", "es#"
    std::vector<FormatArgument> Arguments;
  };
  std::vector<FormatUnit> FormatUnits;
};

class CPythonModel {
public:
  /// The model compiled in from models/cpython/cpython.yaml. Parsed once.
  static const CPythonModel &builtin();
  /// A complete model document (every key given, as cpython.yaml).
  static llvm::Expected<CPythonModel> fromYAML(llvm::StringRef Text,
                                               llvm::StringRef SourceName);
  /// Merges a user model document of the same schema, every key optional:
  /// lists append, an entry with an earlier entry's name replaces it, a
  /// scalar replaces the earlier value. `runtime:` must be `cpython` when
  /// given. Errors name `SourceName` and the line.
  llvm::Error addModelText(llvm::StringRef Text, llvm::StringRef SourceName);
  llvm::Error addModelFile(llvm::StringRef Path);

  const CPythonModelData &data() const { return Data; }
  /// True when `Name` is in the function list `List` (e.g. "gcTrack").
  bool inList(llvm::StringRef List, llvm::StringRef Name) const;
  /// `tp_traverse` for Py_tp_traverse's id; empty for slots not modelled.
  std::string slotName(int64_t Id) const;
  /// True for the slot names the model records (tp_traverse, tp_base, ...).
  bool isModelledSlot(llvm::StringRef Name) const;
  uint64_t flag(llvm::StringRef Name) const;
  bool isObjectMemberType(int Code) const;
  /// The longest PyArg_Parse* format unit `Format` starts with, or null.
  const CPythonModelData::FormatUnit *formatUnit(llvm::StringRef Format) const;

  /// Extracts the CPython facts of a parsed TU. `Location` converts a Clang
  /// location into the normalized form every fact uses; `MainFile` is the
  /// TU's main file (normalized). `PP` gives PY_VERSION_HEX (may be null).
  PythonTUFacts
  extract(clang::ASTContext &Ctx, const clang::Preprocessor *PP,
          llvm::function_ref<SourceLocation(clang::SourceLocation)> Location,
          llvm::StringRef MainFile) const;

private:
  CPythonModelData Data;
};

} // namespace cyclint

#endif // CYCLINT_MODELS_CPYTHON_CPYTHONMODEL_H
