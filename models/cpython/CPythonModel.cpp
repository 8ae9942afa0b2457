//===- CPythonModel.cpp - CPython extension types, read from the AST ------===//
//
// What is read, and how:
//   * Extension structs: program records whose first member (or first C++
//     base) is an object layout; object members are pointers (or arrays of
//     pointers) to object layouts.
//   * Types: definitions of PyTypeObject and PyType_Spec variables. Static
//     initializers are read in their semantic form, so positional,
//     designated and PyVarObject_HEAD_INIT initializers look the same;
//     `NodeType.tp_x = ...` in function bodies adds slots set at run time.
//   * Functions: every body in the program's own files is summarized once,
//     whatever role it has; the merge (PythonProgram) decides which summary
//     matters through the slots that name the function. Values are followed
//     through casts, Py_NewRef, conditionals and local variables (all their
//     assignments), never through memory: what the model cannot follow is
//     `unknown`.
//
//===----------------------------------------------------------------------===//

#include "models/cpython/CPythonModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"

#include <functional>

using namespace clang;
using llvm::StringRef;

//===-- The YAML data -----------------------------------------------------===//

namespace {
struct YamlFlag {
  std::string Name;
  uint64_t Value = 0;
};
struct YamlSlot {
  std::string Name;
  int64_t Id = 0;
};
struct YamlFromSpec {
  std::string Name;
  int Spec = -1, Bases = -1;
};
struct YamlArgParser {
  std::string Name;
  int Format = -1, Outputs = 0;
};
struct YamlContainerFill {
  std::string Name;
  int Container = 0;
  std::vector<int> Values;
};
struct YamlFunctions {
  std::map<std::string, std::vector<std::string>> Lists;
  std::vector<YamlFromSpec> FromSpec;
  std::vector<YamlContainerFill> ContainerFills;
  std::vector<YamlArgParser> ArgParsers;
  std::vector<std::string> AcyclicTypes;
};
struct YamlCPython {
  std::string Name, Description;
  std::vector<YamlFlag> Flags;
  std::vector<YamlSlot> Slots;
  std::vector<int> ObjectMemberTypes;
  int ReadOnlyFlag = 1;
  std::string WeakListOffsetMember, DictOffsetMember;
  std::vector<std::string> ObjectHeads;
  std::string TypeObjectRecord, SpecRecord, SlotRecord, MemberDefRecord,
      GetSetDefRecord, VisitProcTypedef, ModuleDefRecord;
  YamlFunctions Functions;
};

/// The function lists of the schema: every one is required, so that a typo
/// in the model file is an error instead of an empty list.
const char *const FunctionLists[] = {
    "gcAllocUntracked", "gcTrack",  "gcUnTrack",           "freeMemory",
    "decref",           "typeOf",   "passThrough",         "acyclicConstructors",
    "acyclicGlobals",   "harmless", "containerConstructors",
    "visitManagedDict", "clearManagedDict", "moduleState"};
} // namespace

LLVM_YAML_IS_SEQUENCE_VECTOR(YamlFlag)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlSlot)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlFromSpec)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlArgParser)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlContainerFill)

namespace llvm::yaml {
template <> struct MappingTraits<YamlFlag> {
  static void mapping(IO &IO, YamlFlag &F) {
    IO.mapRequired("name", F.Name);
    IO.mapRequired("value", F.Value);
  }
};
template <> struct MappingTraits<YamlSlot> {
  static void mapping(IO &IO, YamlSlot &S) {
    IO.mapRequired("name", S.Name);
    IO.mapRequired("id", S.Id);
  }
};
template <> struct MappingTraits<YamlFromSpec> {
  static void mapping(IO &IO, YamlFromSpec &S) {
    IO.mapRequired("name", S.Name);
    IO.mapRequired("spec", S.Spec);
    IO.mapOptional("bases", S.Bases, -1);
  }
};
template <> struct MappingTraits<YamlArgParser> {
  static void mapping(IO &IO, YamlArgParser &P) {
    IO.mapRequired("name", P.Name);
    IO.mapRequired("format", P.Format);
    IO.mapRequired("outputs", P.Outputs);
  }
};
template <> struct MappingTraits<YamlContainerFill> {
  static void mapping(IO &IO, YamlContainerFill &F) {
    IO.mapRequired("name", F.Name);
    IO.mapRequired("container", F.Container);
    IO.mapRequired("values", F.Values);
  }
};
template <> struct MappingTraits<YamlFunctions> {
  static void mapping(IO &IO, YamlFunctions &F) {
    for (const char *List : FunctionLists)
      IO.mapRequired(List, F.Lists[List]);
    IO.mapRequired("fromSpec", F.FromSpec);
    IO.mapRequired("argParsers", F.ArgParsers);
    IO.mapRequired("containerFills", F.ContainerFills);
    IO.mapRequired("acyclicTypes", F.AcyclicTypes);
  }
};
template <> struct MappingTraits<YamlCPython> {
  static void mapping(IO &IO, YamlCPython &M) {
    IO.mapRequired("name", M.Name);
    IO.mapOptional("description", M.Description);
    IO.mapRequired("flags", M.Flags);
    IO.mapRequired("slots", M.Slots);
    IO.mapRequired("objectMemberTypes", M.ObjectMemberTypes);
    IO.mapRequired("readOnlyFlag", M.ReadOnlyFlag);
    IO.mapRequired("weakListOffsetMember", M.WeakListOffsetMember);
    IO.mapRequired("dictOffsetMember", M.DictOffsetMember);
    IO.mapRequired("objectHeads", M.ObjectHeads);
    IO.mapRequired("typeObjectRecord", M.TypeObjectRecord);
    IO.mapRequired("specRecord", M.SpecRecord);
    IO.mapRequired("slotRecord", M.SlotRecord);
    IO.mapRequired("memberDefRecord", M.MemberDefRecord);
    IO.mapRequired("getSetDefRecord", M.GetSetDefRecord);
    IO.mapRequired("visitProcTypedef", M.VisitProcTypedef);
    IO.mapRequired("moduleDefRecord", M.ModuleDefRecord);
    IO.mapRequired("functions", M.Functions);
  }
};
} // namespace llvm::yaml

namespace cyclint {

#include "CPythonModelData.inc" // CPythonModelText: models/cpython/cpython.yaml

const CPythonModel &CPythonModel::builtin() {
  static const CPythonModel Model =
      llvm::cantFail(fromYAML(CPythonModelText, "models/cpython/cpython.yaml"));
  return Model;
}

llvm::Expected<CPythonModel> CPythonModel::fromYAML(StringRef Text,
                                                   StringRef SourceName) {
  std::string Diagnostic;
  auto Handler = [](const llvm::SMDiagnostic &D, void *Context) {
    llvm::raw_string_ostream OS(*static_cast<std::string *>(Context));
    OS << D.getLineNo() << ":" << (D.getColumnNo() + 1) << ": "
       << D.getMessage();
  };
  llvm::yaml::Input In(Text, nullptr, Handler, &Diagnostic);
  YamlCPython Y;
  In >> Y;
  if (In.error())
    return llvm::createStringError(In.error(), "%s:%s",
                                   SourceName.str().c_str(),
                                   Diagnostic.empty() ? " invalid model"
                                                      : Diagnostic.c_str());
  CPythonModel M;
  CPythonModelData &D = M.Data;
  D.Name = Y.Name;
  for (const YamlFlag &F : Y.Flags)
    D.Flags[F.Name] = F.Value;
  for (const YamlSlot &S : Y.Slots) {
    D.Slots[S.Id] = S.Name;
    M.SlotNames.insert(S.Name);
  }
  D.ObjectMemberTypes = Y.ObjectMemberTypes;
  D.ReadOnlyFlag = Y.ReadOnlyFlag;
  D.WeakListOffsetMember = Y.WeakListOffsetMember;
  D.DictOffsetMember = Y.DictOffsetMember;
  for (const std::string &H : Y.ObjectHeads)
    D.ObjectHeads.insert(H);
  D.TypeObjectRecord = Y.TypeObjectRecord;
  D.SpecRecord = Y.SpecRecord;
  D.SlotRecord = Y.SlotRecord;
  D.MemberDefRecord = Y.MemberDefRecord;
  D.GetSetDefRecord = Y.GetSetDefRecord;
  D.VisitProcTypedef = Y.VisitProcTypedef;
  D.ModuleDefRecord = Y.ModuleDefRecord;
  for (auto &[List, Names] : Y.Functions.Lists)
    for (const std::string &N : Names)
      D.Lists[List].insert(N);
  for (const YamlFromSpec &F : Y.Functions.FromSpec)
    D.FromSpecs.push_back({F.Name, F.Spec, F.Bases});
  for (const YamlContainerFill &F : Y.Functions.ContainerFills)
    D.ContainerFills.push_back({F.Name, F.Container, F.Values});
  for (const YamlArgParser &P : Y.Functions.ArgParsers)
    D.ArgParsers.push_back({P.Name, P.Format, P.Outputs});
  for (const std::string &T : Y.Functions.AcyclicTypes)
    D.AcyclicTypes.insert(T);
  for (const char *Flag : {"Py_TPFLAGS_HAVE_GC", "Py_TPFLAGS_HEAPTYPE",
                           "Py_TPFLAGS_MANAGED_DICT"})
    if (!D.Flags.count(Flag))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "%s: flag '%s' is missing",
                                     SourceName.str().c_str(), Flag);
  return M;
}

bool CPythonModel::inList(StringRef List, StringRef Name) const {
  auto It = Data.Lists.find(List);
  return It != Data.Lists.end() && It->second.contains(Name);
}

std::string CPythonModel::slotName(int64_t Id) const {
  auto It = Data.Slots.find(Id);
  return It == Data.Slots.end() ? std::string() : It->second;
}

bool CPythonModel::isModelledSlot(StringRef Name) const {
  return SlotNames.contains(Name);
}

uint64_t CPythonModel::flag(StringRef Name) const {
  auto It = Data.Flags.find(Name);
  return It == Data.Flags.end() ? 0 : It->second;
}

bool CPythonModel::isObjectMemberType(int Code) const {
  return llvm::is_contained(Data.ObjectMemberTypes, Code);
}

//===-- Extraction --------------------------------------------------------===//

namespace {

const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MTE->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// A C string literal, through casts: `(char *)"next"`.
std::optional<std::string> stringValue(const Expr *E) {
  if (const auto *S = dyn_cast_or_null<StringLiteral>(strip(E)))
    if (S->getCharByteWidth() == 1)
      return S->getString().str();
  return std::nullopt;
}

/// The declared name of a record: the typedef of an anonymous struct, else
/// the qualified tag name.
std::string recordName(const RecordDecl *RD) {
  if (RD->getIdentifier())
    return RD->getQualifiedNameAsString();
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getQualifiedNameAsString();
  return "(anonymous)";
}

/// The semantic form of an initializer list (designated or not).
const InitListExpr *semanticInit(const Expr *E) {
  const auto *ILE = dyn_cast_or_null<InitListExpr>(E ? E->IgnoreImplicit() : nullptr);
  if (!ILE)
    return nullptr;
  if (!ILE->isSemanticForm())
    ILE = ILE->getSemanticForm();
  return ILE;
}

/// The initializer of each named field of a record initializer.
llvm::StringMap<const Expr *> fieldInits(const InitListExpr *ILE) {
  llvm::StringMap<const Expr *> Inits;
  const RecordDecl *RD = ILE ? ILE->getType()->getAsRecordDecl() : nullptr;
  if (!RD)
    return Inits;
  unsigned I = 0;
  for (const FieldDecl *F : RD->fields()) {
    if (I >= ILE->getNumInits())
      break;
    const Expr *Init = ILE->getInit(I++);
    if (Init && !isa<ImplicitValueInitExpr>(Init))
      Inits[F->getName()] = Init;
  }
  return Inits;
}

class Extractor {
public:
  Extractor(ASTContext &Ctx, const CPythonModel &M,
            llvm::function_ref<SourceLocation(clang::SourceLocation)> Loc,
            StringRef MainFile)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), M(M), D(M.data()), Loc(Loc),
        MainFile(MainFile) {}

  PythonTUFacts Out;

  /// Python's headers are often included with -I, not as system headers:
  /// they are recognized by directory, the one that declares `_object`.
  bool findPythonIncludeDir() {
    for (const NamedDecl *ND :
         Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("_object"))) {
      if (!isa<RecordDecl>(ND))
        continue;
      clang::SourceLocation L = SM.getExpansionLoc(ND->getLocation());
      if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(SM.getFileID(L)))
        PythonDir = llvm::sys::path::parent_path(FE->getName()).str();
      return true;
    }
    return false;
  }

  /// True for locations in system headers or in Python's own headers.
  bool isRuntime(clang::SourceLocation L) const {
    if (L.isInvalid())
      return false;
    L = SM.getExpansionLoc(L);
    if (SM.isInSystemHeader(L))
      return true;
    if (PythonDir.empty())
      return false;
    FileID FID = SM.getFileID(L);
    auto [It, Inserted] = RuntimeFiles.try_emplace(FID, false);
    if (Inserted)
      if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID))
        It->second = FE->getName().starts_with(PythonDir + "/");
    return It->second;
  }
  bool isProgramDecl(const Decl *Dl) const {
    return !isRuntime(Dl->getLocation());
  }

  std::string usr(const Decl *Dl) {
    auto [It, Inserted] = USRs.try_emplace(Dl);
    if (!Inserted)
      return It->second;
    llvm::SmallString<128> Buf;
    if (index::generateUSRForDecl(Dl, Buf))
      return It->second = "";
    return It->second = std::string(Buf);
  }

  //===-- Object layouts ------------------------------------------------===//

  const RecordDecl *recordOf(QualType T) const {
    if (T.isNull())
      return nullptr;
    const RecordDecl *RD = T.getCanonicalType()->getAsRecordDecl();
    return RD ? RD->getDefinition() : nullptr;
  }

  /// The record that starts an object layout: its first field or first base.
  const RecordDecl *headOf(const RecordDecl *RD) const {
    if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD))
      if (CXX->getNumBases() > 0)
        return recordOf(CXX->bases_begin()->getType());
    auto It = RD->field_begin();
    if (It == RD->field_end() || It->isBitField())
      return nullptr;
    return recordOf(It->getType());
  }

  /// True for records laid out as a Python object.
  bool isObjectRecord(const RecordDecl *RD) {
    if (!RD)
      return false;
    RD = RD->getDefinition() ? RD->getDefinition() : RD;
    auto [It, Inserted] = ObjectRecords.try_emplace(RD, false);
    if (!Inserted)
      return It->second;
    bool Result = false;
    if (isRuntime(RD->getLocation()) && D.ObjectHeads.contains(recordName(RD)))
      Result = true;
    else if (RD->isCompleteDefinition() && (RD->isStruct() || RD->isClass()))
      Result = isObjectRecord(headOf(RD));
    return ObjectRecords[RD] = Result;
  }

  bool isExtensionStruct(const RecordDecl *RD) {
    return RD && RD->isCompleteDefinition() && !RD->isDependentContext() &&
           isProgramDecl(RD) && isObjectRecord(RD);
  }

  std::string structKey(const RecordDecl *RD) {
    RD = RD->getDefinition() ? RD->getDefinition() : RD;
    std::string Key = usr(RD);
    if (Key.empty())
      return Key;
    SourceLocation L = Loc(RD->getLocation());
    if (L.File == MainFile || RD->isInAnonymousNamespace() ||
        RD->getParentFunctionOrMethod())
      Key += "@tu@" + MainFile;
    return Key;
  }

  /// The object layout a member's type points to (PyObject *, NodeObject *,
  /// PyObject *[4], PyObject **), or null.
  const RecordDecl *objectPointee(QualType T) {
    T = T.getCanonicalType();
    while (const ArrayType *AT = Ctx.getAsArrayType(T))
      T = AT->getElementType().getCanonicalType();
    if (!T->isPointerType())
      return nullptr;
    QualType P = T->getPointeeType().getCanonicalType();
    if (P->isPointerType())
      P = P->getPointeeType().getCanonicalType();
    const RecordDecl *RD = recordOf(P);
    return isObjectRecord(RD) ? RD : nullptr;
  }

  /// The member an expression names, if it is an object member of an
  /// extension struct: `self->next`, `((NodeObject *)op)->items[i]`.
  std::optional<PyMemberRef> memberRef(const Expr *E) {
    E = strip(E);
    while (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(E))
      E = strip(AS->getBase());
    const auto *ME = dyn_cast_or_null<MemberExpr>(E);
    if (!ME)
      return std::nullopt;
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F || !objectPointee(F->getType()))
      return std::nullopt;
    const RecordDecl *Parent = F->getParent();
    if (!isExtensionStruct(Parent))
      return std::nullopt;
    return PyMemberRef{structKey(Parent), F->getName().str()};
  }

  /// An object member of a program struct that is not an object layout
  /// (a module's state struct): `state->error_obj`, `st->types[i]`.
  std::optional<PyMemberRef> plainMemberRef(const Expr *E) {
    E = strip(E);
    while (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(E))
      E = strip(AS->getBase());
    const auto *ME = dyn_cast_or_null<MemberExpr>(E);
    if (!ME)
      return std::nullopt;
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F || !objectPointee(F->getType()))
      return std::nullopt;
    const RecordDecl *Parent = F->getParent();
    if (!Parent || isObjectRecord(Parent) || !isProgramDecl(Parent) ||
        Parent->isDependentContext())
      return std::nullopt;
    std::string Key = structKey(Parent);
    if (Key.empty())
      return std::nullopt;
    return PyMemberRef{Key, F->getName().str()};
  }

  void addStruct(const RecordDecl *RD) {
    PyStructFact S;
    S.Key = structKey(RD);
    if (S.Key.empty())
      return;
    S.Name = recordName(RD);
    S.Loc = Loc(RD->getLocation());
    if (const RecordDecl *Head = headOf(RD)) {
      if (isExtensionStruct(Head))
        S.BaseKey = structKey(Head);
      else
        S.BuiltinBase = recordName(Head);
    }
    // The head (PyObject_HEAD, or the base struct by value) is the first
    // field unless a C++ base plays that part.
    const auto *CXX = dyn_cast<CXXRecordDecl>(RD);
    bool SkipFirst = !CXX || CXX->getNumBases() == 0;
    for (const FieldDecl *F : RD->fields()) {
      if (SkipFirst) {
        SkipFirst = false;
        continue;
      }
      const RecordDecl *Target = objectPointee(F->getType());
      if (!Target || F->getName().empty())
        continue;
      PyObjectMemberFact Mem;
      Mem.Name = F->getName().str();
      Mem.Type = F->getType().getAsString(Ctx.getPrintingPolicy());
      Mem.Loc = Loc(F->getLocation());
      if (isExtensionStruct(Target))
        Mem.TargetStruct = structKey(Target);
      S.Members.push_back(std::move(Mem));
    }
    Out.Structs.push_back(std::move(S));
  }

  //===-- Types and tables ----------------------------------------------===//

  bool isRecordNamed(QualType T, StringRef Name) const {
    const RecordDecl *RD = recordOf(T);
    return RD && recordName(RD) == Name;
  }

  /// What a slot initializer names.
  PySlotFact slotValue(StringRef Slot, const Expr *E) {
    PySlotFact S;
    S.Slot = Slot.str();
    S.Loc = Loc(E->getBeginLoc());
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull)) {
      S.Kind = PySlotKind::Null;
      return S;
    }
    const Expr *X = strip(E);
    if (const auto *U = dyn_cast<UnaryOperator>(X))
      if (U->getOpcode() == UO_AddrOf)
        X = strip(U->getSubExpr());
    const auto *DRE = dyn_cast<DeclRefExpr>(X);
    if (!DRE) {
      S.Kind = PySlotKind::Other;
      return S;
    }
    const ValueDecl *VD = DRE->getDecl();
    S.TargetName = VD->getNameAsString();
    bool Program = isProgramDecl(VD);
    if (const auto *FD = dyn_cast<FunctionDecl>(VD)) {
      S.Kind = Program ? PySlotKind::Function : PySlotKind::Builtin;
      S.Target = usr(FD->getCanonicalDecl());
    } else if (isa<VarDecl>(VD)) {
      if (Slot == "tp_base")
        S.Kind = Program ? PySlotKind::Type : PySlotKind::Builtin;
      else
        S.Kind = Program ? PySlotKind::Table : PySlotKind::Builtin;
      S.Target = usr(VD);
    } else {
      S.Kind = PySlotKind::Other;
    }
    return S;
  }

  /// `offsetof(S, f)` -> f (the last field named), with its struct.
  const FieldDecl *offsetField(const Expr *E) {
    const auto *OE = dyn_cast_or_null<OffsetOfExpr>(strip(E));
    if (!OE)
      return nullptr;
    const FieldDecl *Field = nullptr;
    for (unsigned I = 0; I < OE->getNumComponents(); ++I)
      if (OE->getComponent(I).getKind() == OffsetOfNode::Field)
        Field = OE->getComponent(I).getField();
    return Field;
  }

  void setFlags(PyTypeFact &T, const Expr *E) {
    T.FlagsLoc = Loc(E->getBeginLoc());
    Expr::EvalResult R;
    if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx)) {
      T.FlagsKnown = false;
      return;
    }
    T.FlagsKnown = true;
    T.Flags = R.Val.getInt().getZExtValue();
    interpretFlags(T);
  }

  void interpretFlags(PyTypeFact &T) {
    T.HaveGC = T.Flags & M.flag("Py_TPFLAGS_HAVE_GC");
    T.HeapTypeFlag = T.Heap || (T.Flags & M.flag("Py_TPFLAGS_HEAPTYPE"));
    // Py_TPFLAGS_MANAGED_DICT's bit meant something else before 3.12.
    T.ManagedDict = Out.VersionHex >= 0x030C0000 &&
                    (T.Flags & M.flag("Py_TPFLAGS_MANAGED_DICT"));
  }

  void setBasicSize(PyTypeFact &T, const Expr *E) {
    const auto *S = dyn_cast<UnaryExprOrTypeTraitExpr>(strip(E));
    if (!S || S->getKind() != UETT_SizeOf)
      return;
    const RecordDecl *RD = recordOf(S->getTypeOfArgument());
    if (isExtensionStruct(RD))
      T.StructKey = structKey(RD);
  }

  void addStaticType(const VarDecl *VD) {
    PyTypeFact T;
    T.USR = usr(VD);
    T.VarName = VD->getNameAsString();
    T.Loc = Loc(VD->getLocation());
    T.PythonVersion = Out.VersionHex;
    T.FlagsKnown = true; // no initializer: zero until assigned
    T.FlagsLoc = T.Loc;
    if (const InitListExpr *ILE = semanticInit(VD->getInit())) {
      llvm::StringMap<const Expr *> Inits = fieldInits(ILE);
      for (auto &[Field, Init] : Inits) {
        if (Field == "tp_name") {
          T.PyName = stringValue(Init).value_or("");
        } else if (Field == "tp_basicsize") {
          setBasicSize(T, Init);
        } else if (Field == "tp_flags") {
          setFlags(T, Init);
        } else if (Field == "tp_weaklistoffset") {
          if (const FieldDecl *F = offsetField(Init))
            T.WeakListField = F->getName().str();
        } else if (Field == "tp_dictoffset") {
          if (const FieldDecl *F = offsetField(Init))
            T.DictField = F->getName().str();
          Expr::EvalResult R;
          T.DictOffset = !T.DictField.empty() || Init->isValueDependent() ||
                         !Init->EvaluateAsInt(R, Ctx) ||
                         R.Val.getInt().getBoolValue();
        } else if (M.isModelledSlot(Field)) {
          PySlotFact S = slotValue(Field, Init);
          if (S.Kind != PySlotKind::Null)
            T.Slots.push_back(std::move(S));
        }
      }
      if (!Inits.count("tp_flags"))
        T.FlagsLoc = Loc(ILE->getBeginLoc());
    }
    interpretFlags(T);
    Out.Types.push_back(std::move(T));
  }

  const VarDecl *varNamed(const Expr *E) {
    E = strip(E);
    if (const auto *U = dyn_cast_or_null<UnaryOperator>(E))
      if (U->getOpcode() == UO_AddrOf)
        E = strip(U->getSubExpr());
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    return nullptr;
  }

  const InitListExpr *arrayInit(const VarDecl *VD) {
    if (!VD)
      return nullptr;
    const VarDecl *Def = VD->getDefinition();
    const Expr *Init = Def ? Def->getInit() : VD->getAnyInitializer();
    return semanticInit(Init);
  }

  void addSpec(const VarDecl *VD) {
    const InitListExpr *ILE = semanticInit(VD->getInit());
    if (!ILE)
      return;
    PyTypeFact T;
    T.USR = usr(VD);
    T.VarName = VD->getNameAsString();
    T.Loc = Loc(VD->getLocation());
    T.Heap = true;
    T.PythonVersion = Out.VersionHex;
    llvm::StringMap<const Expr *> Inits = fieldInits(ILE);
    if (const Expr *Name = Inits.lookup("name"))
      T.PyName = stringValue(Name).value_or("");
    if (const Expr *Size = Inits.lookup("basicsize"))
      setBasicSize(T, Size);
    if (const Expr *Flags = Inits.lookup("flags")) {
      setFlags(T, Flags);
    } else {
      T.FlagsKnown = true;
      T.FlagsLoc = Loc(ILE->getBeginLoc());
    }
    interpretFlags(T);
    if (const VarDecl *SlotArray = varNamed(Inits.lookup("slots")))
      SpecSlotArrays.push_back({T.USR, SlotArray->getCanonicalDecl()});
    if (const InitListExpr *Slots = arrayInit(varNamed(Inits.lookup("slots")))) {
      for (const Expr *Entry : Slots->inits()) {
        llvm::StringMap<const Expr *> E = fieldInits(semanticInit(Entry));
        const Expr *Id = E.lookup("slot"), *Fn = E.lookup("pfunc");
        Expr::EvalResult R;
        if (!Id || !Fn || Id->isValueDependent() || !Id->EvaluateAsInt(R, Ctx))
          continue;
        int64_t SlotId = R.Val.getInt().getExtValue();
        std::string Name = M.slotName(SlotId);
        if (Name.empty())
          continue;
        PySlotFact S = slotValue(Name, Fn);
        S.Loc = Loc(Entry->getBeginLoc());
        if (S.Kind == PySlotKind::Null)
          continue;
        if (Name == "tp_members")
          if (const InitListExpr *Table = arrayInit(varNamed(Fn)))
            readSpecialMembers(T, Table);
        T.Slots.push_back(std::move(S));
      }
    }
    Out.Types.push_back(std::move(T));
  }

  /// 3.12+: `{"__weaklistoffset__", Py_T_PYSSIZET, offsetof(S, f), ...}`.
  void readSpecialMembers(PyTypeFact &T, const InitListExpr *Table) {
    for (const Expr *Entry : Table->inits()) {
      llvm::StringMap<const Expr *> E = fieldInits(semanticInit(Entry));
      std::string Name = stringValue(E.lookup("name")).value_or("");
      const FieldDecl *F = offsetField(E.lookup("offset"));
      if (!F)
        continue;
      if (Name == D.WeakListOffsetMember)
        T.WeakListField = F->getName().str();
      else if (Name == D.DictOffsetMember) {
        T.DictField = F->getName().str();
        T.DictOffset = true;
      }
    }
  }

  void addMemberTable(const VarDecl *VD, const InitListExpr *ILE) {
    PyMemberTableFact T;
    T.USR = usr(VD);
    T.Name = VD->getNameAsString();
    for (const Expr *Entry : ILE->inits()) {
      llvm::StringMap<const Expr *> E = fieldInits(semanticInit(Entry));
      const FieldDecl *F = offsetField(E.lookup("offset"));
      if (!F || !isExtensionStruct(F->getParent()))
        continue;
      PyMemberDefFact Def;
      Def.Attribute = stringValue(E.lookup("name")).value_or("");
      Expr::EvalResult R;
      if (const Expr *Ty = E.lookup("type"))
        if (!Ty->isValueDependent() && Ty->EvaluateAsInt(R, Ctx))
          Def.TypeCode = R.Val.getInt().getExtValue();
      if (const Expr *Fl = E.lookup("flags"))
        if (!Fl->isValueDependent() && Fl->EvaluateAsInt(R, Ctx))
          Def.Flags = R.Val.getInt().getExtValue();
      Def.ObjectType = M.isObjectMemberType(Def.TypeCode);
      Def.ReadOnly = Def.Flags & D.ReadOnlyFlag;
      Def.Member = {structKey(F->getParent()), F->getName().str()};
      Def.Loc = Loc(Entry->getBeginLoc());
      T.Entries.push_back(std::move(Def));
    }
    Out.MemberTables.push_back(std::move(T));
  }

  void addGetSetTable(const VarDecl *VD, const InitListExpr *ILE) {
    PyGetSetTableFact T;
    T.USR = usr(VD);
    T.Name = VD->getNameAsString();
    for (const Expr *Entry : ILE->inits()) {
      llvm::StringMap<const Expr *> E = fieldInits(semanticInit(Entry));
      std::optional<std::string> Name = stringValue(E.lookup("name"));
      if (!Name)
        continue;
      PyGetSetFact G;
      G.Attribute = *Name;
      G.Loc = Loc(Entry->getBeginLoc());
      if (const Expr *Set = E.lookup("set")) {
        PySlotFact S = slotValue("set", Set);
        if (S.Kind == PySlotKind::Function) {
          G.SetterUSR = S.Target;
          G.SetterName = S.TargetName;
        }
      }
      T.Entries.push_back(std::move(G));
    }
    Out.GetSetTables.push_back(std::move(T));
  }

  void addModule(const VarDecl *VD) {
    const InitListExpr *ILE = semanticInit(VD->getInit());
    if (!ILE)
      return;
    PyModuleFact Mod;
    Mod.USR = usr(VD);
    Mod.VarName = VD->getNameAsString();
    Mod.Loc = Loc(VD->getLocation());
    llvm::StringMap<const Expr *> Inits = fieldInits(ILE);
    if (const Expr *Name = Inits.lookup("m_name"))
      Mod.PyName = stringValue(Name).value_or("");
    const RecordDecl *State = nullptr;
    if (const Expr *Size = Inits.lookup("m_size")) {
      Expr::EvalResult R;
      if (!Size->isValueDependent() && Size->EvaluateAsInt(R, Ctx)) {
        Mod.SizeKnown = true;
        Mod.Size = R.Val.getInt().getExtValue();
      }
      if (const auto *S = dyn_cast<UnaryExprOrTypeTraitExpr>(strip(Size)))
        if (S->getKind() == UETT_SizeOf)
          State = recordOf(S->getTypeOfArgument());
    } else {
      Mod.SizeKnown = true; // zero-initialized
    }
    for (const char *Slot : {"m_traverse", "m_clear", "m_free"})
      if (const Expr *Init = Inits.lookup(Slot)) {
        PySlotFact S = slotValue(Slot, Init);
        if (S.Kind != PySlotKind::Null)
          Mod.Slots.push_back(std::move(S));
      }
    Modules.push_back({std::move(Mod), State});
  }

  /// The object members of a module's state struct.
  void setModuleState(PyModuleFact &Mod, const RecordDecl *RD) {
    if (!RD || isObjectRecord(RD) || !isProgramDecl(RD))
      return;
    Mod.StateStruct = structKey(RD);
    Mod.StateStructName = recordName(RD);
    Mod.StateLoc = Loc(RD->getLocation());
    for (const FieldDecl *F : RD->fields()) {
      if (!objectPointee(F->getType()) || F->getName().empty())
        continue;
      PyObjectMemberFact Mem;
      Mem.Name = F->getName().str();
      Mem.Type = F->getType().getAsString(Ctx.getPrintingPolicy());
      Mem.Loc = Loc(F->getLocation());
      Mod.StateMembers.push_back(std::move(Mem));
    }
  }

  /// Module definitions are finished once the whole TU is walked: a state
  /// not named by `m_size = sizeof(S)` is the one struct PyModule_GetState's
  /// result is converted to, if the TU converts it to exactly one.
  void finishModules() {
    for (auto &[Mod, State] : Modules) {
      if (!State && StateCasts.size() == 1)
        State = StateCasts.front();
      if (Mod.SizeKnown && Mod.Size > 0)
        setModuleState(Mod, State);
      Out.Modules.push_back(std::move(Mod));
    }
  }

  void noteStateCast(const RecordDecl *RD) {
    if (RD && StateCastSet.insert(RD).second)
      StateCasts.push_back(RD);
  }

  void visitVar(const VarDecl *VD) {
    if (!VD->isThisDeclarationADefinition() || VD->isInvalidDecl() ||
        VD->getType()->isDependentType())
      return;
    // C: `static PyTypeObject NodeType;` before the initialized definition
    // is a tentative definition. It only stands for the object when the TU
    // has no real definition (then the type is zero until filled at run
    // time), and then only once.
    if (VD->isThisDeclarationADefinition() == VarDecl::TentativeDefinition &&
        (VD->getDefinition() || VD->getActingDefinition() != VD))
      return;
    QualType T = VD->getType();
    if (isRecordNamed(T, D.TypeObjectRecord)) {
      addStaticType(VD);
      return;
    }
    if (isRecordNamed(T, D.SpecRecord)) {
      addSpec(VD);
      return;
    }
    if (isRecordNamed(T, D.ModuleDefRecord)) {
      addModule(VD);
      return;
    }
    const ArrayType *AT = Ctx.getAsArrayType(T);
    if (!AT)
      return;
    const InitListExpr *ILE = semanticInit(VD->getInit());
    if (!ILE)
      return;
    if (isRecordNamed(AT->getElementType(), D.MemberDefRecord))
      addMemberTable(VD, ILE);
    else if (isRecordNamed(AT->getElementType(), D.GetSetDefRecord))
      addGetSetTable(VD, ILE);
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const CPythonModel &M;
  const CPythonModelData &D;
  llvm::function_ref<SourceLocation(clang::SourceLocation)> Loc;
  std::string MainFile;

  /// (spec USR, its PyType_Slot array), and the arrays some function writes
  /// to (`slots[0].pfunc = &PyUnicode_Type;`): those specs' slots, their
  /// base included, are only known at run time.
  std::vector<std::pair<std::string, const VarDecl *>> SpecSlotArrays;
  llvm::DenseSet<const VarDecl *> SlotArraysWritten;
  /// PyModuleDefs, with the struct `m_size = sizeof(S)` names, and the
  /// structs PyModule_GetState's result is converted to, in order.
  std::vector<std::pair<PyModuleFact, const RecordDecl *>> Modules;
  std::vector<const RecordDecl *> StateCasts;
  llvm::DenseSet<const RecordDecl *> StateCastSet;

  /// The parameter a program function returns on every path, when its
  /// body is only that (`inline PyObject *xnewref(PyObject *o) {
  /// Py_XINCREF(o); return o; }`, cppy's `incref`): a new-reference helper
  /// like Py_NewRef. nullopt for anything else, or a body not seen.
  std::optional<unsigned> passThroughParam(const FunctionDecl *Callee) {
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    if (!Def || !Def->hasBody() || !isProgramDecl(Def))
      return std::nullopt;
    if (auto It = PassThrough.find(Def); It != PassThrough.end())
      return It->second;
    PassThrough[Def] = std::nullopt; // recursion guard
    std::optional<unsigned> Result;
    bool Ok = true;
    unsigned Returns = 0;
    std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
      if (!S || !Ok)
        return;
      if (const auto *R = dyn_cast<ReturnStmt>(S)) {
        ++Returns;
        const Expr *V = strip(R->getRetValue());
        while (const auto *C = dyn_cast_or_null<CallExpr>(V)) {
          const FunctionDecl *F = C->getDirectCallee();
          if (!F || !F->getIdentifier() || C->getNumArgs() != 1 ||
              !M.inList("passThrough", F->getName()))
            break;
          V = strip(C->getArg(0));
        }
        const auto *DRE = dyn_cast_or_null<DeclRefExpr>(V);
        const auto *P =
            DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
        if (!P || P->getDeclContext() != Def ||
            (Result && *Result != P->getFunctionScopeIndex())) {
          Ok = false;
          return;
        }
        Result = P->getFunctionScopeIndex();
        return;
      }
      // Only reference counting besides the return: anything else (a
      // store, a call that may replace the object) is not a plain helper.
      if (const auto *C = dyn_cast<CallExpr>(S)) {
        const FunctionDecl *F = C->getDirectCallee();
        if (!F || !F->getIdentifier() || !M.inList("harmless", F->getName())) {
          Ok = false;
          return;
        }
      }
      if (isa<BinaryOperator>(S) && cast<BinaryOperator>(S)->isAssignmentOp()) {
        Ok = false;
        return;
      }
      for (const Stmt *Child : S->children())
        Walk(Child);
    };
    Walk(Def->getBody());
    if (!Ok || Returns == 0)
      Result = std::nullopt;
    PassThrough[Def] = Result;
    return Result;
  }

private:
  std::string PythonDir;
  mutable llvm::DenseMap<FileID, bool> RuntimeFiles;
  llvm::DenseMap<const Decl *, std::string> USRs;
  llvm::DenseMap<const RecordDecl *, bool> ObjectRecords;
  llvm::DenseMap<const FunctionDecl *, std::optional<unsigned>> PassThrough;
};

//===-- Function summaries ------------------------------------------------===//

/// Summarizes one function body: see PyFunctionFact.
class FunctionSummarizer : public RecursiveASTVisitor<FunctionSummarizer> {
public:
  FunctionSummarizer(Extractor &X, const FunctionDecl *FD)
      : X(X), M(X.M), D(X.D), Ctx(X.Ctx), FD(FD) {
    F.USR = X.usr(FD->getCanonicalDecl());
    F.Name = FD->getNameAsString();
    F.Loc = X.Loc(FD->getLocation());
    for (const ParmVarDecl *P : FD->parameters())
      if (isVisitProc(P->getType()))
        VisitParm = P;
    F.HasVisitParam = VisitParm;
    // The object a function works on is its first parameter, unless that
    // is a type (tp_new's `PyTypeObject *type`).
    if (FD->getNumParams() > 0) {
      QualType T = FD->getParamDecl(0)->getType();
      if (T->isPointerType() &&
          !X.isRecordNamed(T->getPointeeType(), D.TypeObjectRecord))
        SelfParm = FD->getParamDecl(0);
    }
  }

  bool shouldVisitLambdaBody() const { return false; }

  PyFunctionFact run() {
    // Pass 1: where each local's value comes from, and aliases.
    Collecting = true;
    TraverseStmt(FD->getBody());
    // Pass 2: everything else, with the sources known.
    Collecting = false;
    TraverseStmt(FD->getBody());
    summarizeAllocations();
    Keep = worthKeeping();
    return std::move(F);
  }

  bool keep() const { return Keep; }

  /// Functions of objects are kept even when they do nothing the GC sees:
  /// the merge must tell "does nothing" from "not analyzed".
  bool worthKeeping() const {
    return F.HasVisitParam ||
           (SelfParm && X.objectPointee(SelfParm->getType())) || !F.Cleared.empty() ||
           !F.Released.empty() || !F.SelfCalls.empty() ||
           F.UnTracksSelf || F.FreesSelf || F.ReleasesType ||
           F.ClearsManagedDict || F.VisitsManagedDict ||
           !F.StateCalls.empty() || !F.Fills.empty() ||
           !F.Stores.empty() || !F.Allocs.empty();
  }

  //===-- Pass 1 --------------------------------------------------------===//

  bool VisitVarDecl(VarDecl *VD) {
    if (!Collecting || !VD->hasInit() || !VD->isLocalVarDecl())
      return true;
    noteSource(VD, VD->getInit());
    return true;
  }

  void noteSource(const VarDecl *VD, const Expr *Value) {
    Sources[VD].push_back(Value);
    const Expr *S = strip(Value);
    if (isSelf(S))
      SelfVars.insert(VD);
    if (isTypeOf(S))
      TypeVars.insert(VD);
    if (isStateExpr(S))
      StateVars.insert(VD);
    if (const auto *U = dyn_cast<UnaryOperator>(S))
      if (U->getOpcode() == UO_AddrOf) {
        if (auto Ref = X.memberRef(U->getSubExpr()))
          MemberAliases[VD] = *Ref;
        else if (auto Plain = X.plainMemberRef(U->getSubExpr()))
          PlainAliases[VD] = *Plain;
      }
  }

  //===-- Both passes ---------------------------------------------------===//

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign && !BO->isCompoundAssignmentOp())
      return true;
    const Expr *LHS = strip(BO->getLHS());
    if (Collecting) {
      if (BO->getOpcode() == BO_Assign)
        if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            if (VD->isLocalVarDecl())
              noteSource(VD, BO->getRHS());
      return true;
    }
    if (typeSlotAssignment(BO, LHS))
      return true;
    std::optional<PyMemberRef> Target = X.memberRef(LHS);
    if (!Target)
      if (const auto *U = dyn_cast<UnaryOperator>(LHS))
        if (U->getOpcode() == UO_Deref)
          if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(U->getSubExpr())))
            if (auto It = MemberAliases.find(dyn_cast<VarDecl>(DRE->getDecl()));
                It != MemberAliases.end())
              Target = It->second;
    if (!Target && BO->getOpcode() == BO_Assign) {
      // A module state's member set to NULL (Py_CLEAR(state->x)).
      std::optional<PyMemberRef> Plain = X.plainMemberRef(LHS);
      if (!Plain)
        if (const auto *U = dyn_cast<UnaryOperator>(LHS))
          if (U->getOpcode() == UO_Deref)
            if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(U->getSubExpr())))
              if (auto It = PlainAliases.find(dyn_cast<VarDecl>(DRE->getDecl()));
                  It != PlainAliases.end())
                Plain = It->second;
      if (Plain && BO->getRHS()->isNullPointerConstant(
                       Ctx, Expr::NPC_ValueDependentIsNotNull))
        F.Cleared.push_back(*Plain);
    }
    if (!Target || BO->getOpcode() != BO_Assign)
      return true;
    std::string Detail;
    PyValueKind Kind = classify(BO->getRHS(), Detail);
    if (Kind == PyValueKind::Null)
      F.Cleared.push_back(*Target);
    PyStoreFact Store{*Target, Kind, Detail, X.Loc(BO->getBeginLoc())};
    Store.NewContainer = isNewContainer(BO->getRHS());
    F.Stores.push_back(std::move(Store));
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    if (Collecting) {
      collectParserOutputs(C);
      return true;
    }
    Calls.push_back(C);
    const FunctionDecl *Callee = C->getDirectCallee();
    StringRef Name = Callee && Callee->getIdentifier() ? Callee->getName() : "";

    // visit(member, arg)
    if (VisitParm && isVisitParm(C->getCallee())) {
      const Expr *Arg = C->getNumArgs() ? C->getArg(0) : nullptr;
      if (auto Ref = Arg ? X.memberRef(Arg) : std::nullopt) {
        F.Visited.push_back(*Ref);
      } else if (Arg && isTypeOf(strip(Arg))) {
        F.VisitsType = true;
      } else {
        F.VisitsOther = true;
        // A module state's member (m_traverse): not an object's member,
        // so still "other" for the type checks.
        if (auto Plain = Arg ? X.plainMemberRef(Arg) : std::nullopt)
          F.Visited.push_back(*Plain);
      }
      return true;
    }

    // The managed instance dict (3.12+): the runtime visits/clears it.
    if (M.inList("visitManagedDict", Name)) {
      F.VisitsManagedDict = true;
      return true;
    }
    if (M.inList("clearManagedDict", Name)) {
      F.ClearsManagedDict = true;
      return true;
    }

    noteFill(C, Name);

    bool PassesVisit = false, PassesSelf = false;
    std::vector<PyMemberRef> MemberArgs;
    for (const Expr *Arg : C->arguments()) {
      if (VisitParm && isVisitParm(Arg))
        PassesVisit = true;
      if (isSelf(strip(Arg)))
        PassesSelf = true;
      if (auto Ref = X.memberRef(Arg))
        MemberArgs.push_back(*Ref);
      if (const auto *U = dyn_cast<UnaryOperator>(strip(Arg));
          U && U->getOpcode() == UO_AddrOf) {
          if (auto Ref = X.memberRef(U->getSubExpr())) {
            // Cleared or set through its address (Py_CLEAR in 3.12+, a
            // helper): the model cannot tell with what.
            if (!isParserOutput(C, Arg)) {
              F.Cleared.push_back(*Ref);
              F.Stores.push_back({*Ref, PyValueKind::Unknown, Name.str(),
                                  X.Loc(Arg->getBeginLoc())});
            }
          } else if (auto Plain = X.plainMemberRef(U->getSubExpr())) {
            if (!isParserOutput(C, Arg))
              F.Cleared.push_back(*Plain);
          }
      }
    }
    // A program function given the module's state (a state clear helper).
    if (Callee && X.isProgramDecl(Callee) &&
        !M.inList("moduleState", Name) &&
        llvm::any_of(C->arguments(),
                     [&](const Expr *A) { return isStateExpr(strip(A)); }))
      F.StateCalls.push_back(callee(C));
    if (PassesVisit) {
      llvm::append_range(F.Visited, MemberArgs);
      if (PassesSelf || MemberArgs.empty())
        F.VisitDelegates.push_back(callee(C));
      return true;
    }
    if (M.inList("decref", Name) && C->getNumArgs() == 1 &&
        isTypeOf(strip(C->getArg(0))))
      F.ReleasesType = true;
    // Py_DECREF(self->m), or of a local holding it (Py_CLEAR, Py_SETREF):
    // the program counts the reference the member holds.
    if (M.inList("decref", Name) && C->getNumArgs() == 1)
      if (auto Ref = releasedMember(C->getArg(0)))
        F.Released.push_back(*Ref);
    if (!PassesSelf)
      return true;
    if (M.inList("gcUnTrack", Name)) {
      F.UnTracksSelf = true;
    } else if (M.inList("freeMemory", Name)) {
      F.FreesSelf = true;
    } else if (M.inList("harmless", Name) || M.inList("decref", Name) ||
               M.inList("gcTrack", Name) || M.inList("typeOf", Name)) {
      // nothing to follow
    } else {
      PyCalleeFact Target = callee(C);
      if (Target.Slot == "tp_free")
        F.FreesSelf = true;
      else
        F.SelfCalls.push_back(std::move(Target));
    }
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *R) {
    if (!Collecting && R->getRetValue())
      Returns.push_back(strip(R->getRetValue()));
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *U) {
    if (!Collecting && U->getOpcode() == UO_AddrOf)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(U->getSubExpr())))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          AddressTaken.insert(VD);
    return true;
  }

private:
  //===-- Roles of expressions ------------------------------------------===//

  bool isVisitProc(QualType T) const {
    for (QualType Q = T; !Q.isNull();) {
      if (const auto *TT = Q->getAs<TypedefType>()) {
        if (TT->getDecl()->getName() == D.VisitProcTypedef)
          return true;
        Q = TT->getDecl()->getUnderlyingType();
        continue;
      }
      break;
    }
    const auto *PT = T.getCanonicalType()->getAs<PointerType>();
    const auto *FT =
        PT ? PT->getPointeeType()->getAs<FunctionProtoType>() : nullptr;
    return FT && FT->getNumParams() == 2 &&
           FT->getReturnType()->isIntegerType() &&
           X.objectPointee(FT->getParamType(0)) &&
           FT->getParamType(1)->isVoidPointerType();
  }

  bool isVisitParm(const Expr *E) const {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E));
    return DRE && DRE->getDecl() == VisitParm;
  }

  bool isSelf(const Expr *E) const {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
    if (!DRE)
      return false;
    const ValueDecl *V = DRE->getDecl();
    return (SelfParm && V == SelfParm) ||
           SelfVars.count(dyn_cast<VarDecl>(V));
  }

  /// Py_TYPE(x), x->ob_type, or a local holding one of those.
  bool isTypeOf(const Expr *E) const {
    if (const auto *C = dyn_cast_or_null<CallExpr>(E))
      if (const FunctionDecl *Callee = C->getDirectCallee())
        return Callee->getIdentifier() && M.inList("typeOf", Callee->getName());
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
      return ME->getMemberDecl()->getName() == "ob_type";
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
      return TypeVars.count(dyn_cast<VarDecl>(DRE->getDecl()));
    return false;
  }

  /// A named PyTypeObject variable, or null.
  const VarDecl *typeVar(const Expr *E) const {
    const VarDecl *VD = X.varNamed(E);
    return VD && X.isRecordNamed(VD->getType(), D.TypeObjectRecord) ? VD
                                                                     : nullptr;
  }

  PyCalleeFact callee(const CallExpr *C) {
    PyCalleeFact Out;
    if (const FunctionDecl *Callee = C->getDirectCallee()) {
      Out.Kind = X.isProgramDecl(Callee) ? PyCalleeKind::Function
                                          : PyCalleeKind::Builtin;
      Out.USR = X.usr(Callee->getCanonicalDecl());
      Out.Name = Callee->getNameAsString();
      return Out;
    }
    Out.Kind = PyCalleeKind::Unknown;
    const auto *ME = dyn_cast<MemberExpr>(strip(C->getCallee()));
    if (!ME)
      return Out;
    Out.Slot = ME->getMemberDecl()->getNameAsString();
    const Expr *Base = strip(ME->getBase());
    if (const VarDecl *T = typeVar(Base)) {
      Out.Kind = X.isProgramDecl(T) ? PyCalleeKind::TypeSlot
                                     : PyCalleeKind::Builtin;
      Out.USR = X.usr(T);
      Out.Name = T->getNameAsString();
    } else if (const auto *Inner = dyn_cast<MemberExpr>(Base);
               Inner && Inner->getMemberDecl()->getName() == "tp_base") {
      Out.Kind = PyCalleeKind::BaseSlot;
      if (const VarDecl *T = typeVar(strip(Inner->getBase()))) {
        Out.USR = X.usr(T);
        Out.Name = T->getNameAsString();
      }
    } else if (isTypeOf(Base) || isTypeParm(Base)) {
      Out.Kind = PyCalleeKind::SelfSlot;
    }
    return Out;
  }

  /// A module's state: PyModule_GetState(...), a program function returning
  /// a pointer to a plain struct that is passed the first parameter
  /// (`get_module_state(module)`), or a local holding one of those.
  bool isStateExpr(const Expr *E) const {
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
      return StateVars.count(dyn_cast<VarDecl>(DRE->getDecl()));
    const auto *C = dyn_cast_or_null<CallExpr>(E);
    const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier())
      return false;
    if (M.inList("moduleState", Callee->getName()))
      return true;
    QualType R = Callee->getReturnType();
    if (!X.isProgramDecl(Callee) || !R->isPointerType())
      return false;
    const RecordDecl *RD = X.recordOf(R->getPointeeType());
    return RD && !X.isObjectRecord(RD) &&
           llvm::any_of(C->arguments(),
                        [&](const Expr *A) { return isSelf(strip(A)); });
  }

  /// A new container the program makes: PyDict_New(), or a local holding
  /// one (and nothing but NULL otherwise).
  bool isNewContainer(const Expr *E, unsigned Depth = 0) {
    if (!E || Depth > 8)
      return false;
    E = strip(E);
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = C->getDirectCallee();
      return Callee && Callee->getIdentifier() &&
             M.inList("containerConstructors", Callee->getName());
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    auto It = VD ? Sources.find(VD) : Sources.end();
    if (It == Sources.end() || AddressTaken.count(VD))
      return false;
    bool Any = false;
    for (const Expr *S : It->second) {
      if (S->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        continue;
      if (!isNewContainer(S, Depth + 1))
        return false;
      Any = true;
    }
    return Any;
  }

  /// `self->m` itself, or a local every assignment of which names the same
  /// member according to `SourceMember`; otherwise none.
  template <typename SourceMemberFn>
  std::optional<PyMemberRef> memberOrLocalAlias(const Expr *E,
                                                SourceMemberFn SourceMember) {
    if (auto Ref = X.memberRef(E))
      return Ref;
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E));
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    auto It = VD ? Sources.find(VD) : Sources.end();
    if (It == Sources.end())
      return std::nullopt;
    std::optional<PyMemberRef> Result;
    for (const Expr *S : It->second) {
      std::optional<PyMemberRef> Ref = SourceMember(S);
      if (!Ref || (Result && !(*Result == *Ref)))
        return std::nullopt;
      Result = Ref;
    }
    return Result;
  }

  /// The member whose container a fill writes to: `self->attrs`, or a
  /// local every assignment of which is that member.
  std::optional<PyMemberRef> containerMember(const Expr *E) {
    return memberOrLocalAlias(E, [&](const Expr *S) { return X.memberRef(S); });
  }

  /// The member a decref releases: `self->m`, or a local every assignment
  /// of which is that member (`_py_tmp = self->m`) or reads it through its
  /// address (`_tmp_old_op = *_tmp_op_ptr`, Py_CLEAR in 3.12+).
  std::optional<PyMemberRef> releasedMember(const Expr *E) {
    return memberOrLocalAlias(E, [&](const Expr *S) {
      std::optional<PyMemberRef> Ref = X.memberRef(S);
      if (!Ref)
        if (const auto *U = dyn_cast<UnaryOperator>(strip(S)))
          if (U->getOpcode() == UO_Deref)
            if (const auto *D = dyn_cast<DeclRefExpr>(strip(U->getSubExpr())))
              if (auto A = MemberAliases.find(dyn_cast<VarDecl>(D->getDecl()));
                  A != MemberAliases.end())
                Ref = A->second;
      return Ref;
    });
  }

  /// `PyDict_SetItem(self->attrs, key, value)`: what the member's container
  /// keeps from now on.
  void noteFill(const CallExpr *C, StringRef Name) {
    for (const CPythonModelData::ContainerFill &Fill : D.ContainerFills) {
      if (Fill.Name != Name || Fill.Container >= (int)C->getNumArgs())
        continue;
      std::optional<PyMemberRef> Target =
          containerMember(C->getArg(Fill.Container));
      if (!Target)
        return;
      PyFillFact Out;
      Out.Member = *Target;
      Out.Api = Name.str();
      Out.Loc = X.Loc(C->getBeginLoc());
      Out.Value = PyValueKind::Null;
      for (int I : Fill.Values) {
        if (I >= (int)C->getNumArgs())
          continue;
        std::string Detail;
        PyValueKind K = classify(C->getArg(I), Detail);
        // The detail of the value that decides the kind (the last one on
        // a tie: a dict's value rather than its key).
        PyValueKind Joined = join(Out.Value, K);
        if (Joined == K && !Detail.empty())
          Out.Detail = Detail;
        Out.Value = Joined;
      }
      F.Fills.push_back(std::move(Out));
      return;
    }
  }

  bool isTypeParm(const Expr *E) const {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
    return DRE && isa<ParmVarDecl>(DRE->getDecl()) &&
           X.isRecordNamed(DRE->getType()->getPointeeType(),
                           D.TypeObjectRecord);
  }

  //===-- Values --------------------------------------------------------===//

  static PyValueKind join(PyValueKind A, PyValueKind B) {
    auto Rank = [](PyValueKind K) {
      switch (K) {
      case PyValueKind::Null:
        return 0;
      case PyValueKind::Acyclic:
        return 1;
      case PyValueKind::Unknown:
        return 2;
      case PyValueKind::Argument:
        return 3;
      }
      return 2;
    };
    return Rank(A) >= Rank(B) ? A : B;
  }

  PyValueKind classify(const Expr *E, std::string &Detail, unsigned Depth = 0) {
    if (!E || Depth > 8)
      return PyValueKind::Unknown;
    if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return PyValueKind::Null;
    E = strip(E);
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
      return join(classify(CO->getTrueExpr(), Detail, Depth + 1),
                  classify(CO->getFalseExpr(), Detail, Depth + 1));
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
      if (const VarDecl *VD = X.varNamed(U))
        if (!X.isProgramDecl(VD) &&
            M.inList("acyclicGlobals", VD->getName())) {
          Detail = VD->getNameAsString();
          return PyValueKind::Acyclic;
        }
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = C->getDirectCallee();
      StringRef Name =
          Callee && Callee->getIdentifier() ? Callee->getName() : "";
      if (M.inList("passThrough", Name) && C->getNumArgs() == 1)
        return classify(C->getArg(0), Detail, Depth + 1);
      if (std::optional<unsigned> I = X.passThroughParam(Callee);
          I && *I < C->getNumArgs())
        return classify(C->getArg(*I), Detail, Depth + 1);
      Detail = Name.str();
      return M.inList("acyclicConstructors", Name) ? PyValueKind::Acyclic
                                                   : PyValueKind::Unknown;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return PyValueKind::Unknown;
      if (const auto *P = dyn_cast<ParmVarDecl>(VD)) {
        Detail = P->getNameAsString();
        // A type passed to tp_new is not cycle material the model tracks.
        if (X.isRecordNamed(P->getType()->getPointeeType(), D.TypeObjectRecord))
          return PyValueKind::Unknown;
        return PyValueKind::Argument;
      }
      if (!VD->isLocalVarDecl() || !Visiting.insert(VD).second)
        return PyValueKind::Unknown;
      PyValueKind Kind = PyValueKind::Null;
      bool Any = false;
      if (auto It = Sources.find(VD); It != Sources.end())
        for (const Expr *S : It->second) {
          Any = true;
          Kind = join(Kind, classify(S, Detail, Depth + 1));
        }
      if (auto It = ParsedKinds.find(VD); It != ParsedKinds.end()) {
        Any = true;
        Kind = join(Kind, It->second.first);
        if (It->second.first != PyValueKind::Null)
          Detail = It->second.second;
      }
      Visiting.erase(VD);
      return Any ? Kind : PyValueKind::Unknown;
    }
    return PyValueKind::Unknown;
  }

  /// The kind of each output pointer of a PyArg_Parse* format, in order;
  /// nullopt for outputs that are not objects. Empty on formats the model
  /// does not understand.
  static std::optional<std::vector<std::optional<PyValueKind>>>
  parseFormat(StringRef Fmt, std::vector<bool> &TypedObject) {
    std::vector<std::optional<PyValueKind>> Outs;
    auto Plain = [&](unsigned N) {
      for (unsigned I = 0; I < N; ++I) {
        Outs.push_back(std::nullopt);
        TypedObject.push_back(false);
      }
    };
    auto Obj = [&](PyValueKind K, bool Typed = false) {
      Outs.push_back(K);
      TypedObject.push_back(Typed);
    };
    for (size_t I = 0; I < Fmt.size(); ++I) {
      char C = Fmt[I];
      char Next = I + 1 < Fmt.size() ? Fmt[I + 1] : 0;
      switch (C) {
      case '|': case '$': case '(': case ')': case ' ':
        break;
      case ':': case ';':
        return Outs;
      case 'O':
        if (Next == '!') {
          Plain(1); // the type
          Obj(PyValueKind::Argument, /*Typed=*/true);
          ++I;
        } else if (Next == '&') {
          Plain(1); // the converter
          Obj(PyValueKind::Unknown);
          ++I;
        } else {
          Obj(PyValueKind::Argument);
        }
        break;
      case 'S': case 'U': case 'Y':
        Obj(PyValueKind::Acyclic);
        break;
      case 's': case 'z': case 'y': case 'w':
        if (Next == '#') {
          Plain(2);
          ++I;
        } else {
          if (Next == '*')
            ++I;
          Plain(1);
        }
        break;
      case 'e':
        if (Next != 's' && Next != 't')
          return std::nullopt;
        ++I;
        if (I + 1 < Fmt.size() && Fmt[I + 1] == '#') {
          Plain(3);
          ++I;
        } else {
          Plain(2);
        }
        break;
      case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'l':
      case 'k': case 'L': case 'K': case 'n': case 'c': case 'C': case 'f':
      case 'd': case 'D': case 'p':
        Plain(1);
        break;
      default:
        return std::nullopt;
      }
    }
    return Outs;
  }

  const CPythonModelData::ArgParser *parserOf(const CallExpr *C) const {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return nullptr;
    for (const CPythonModelData::ArgParser &P : D.ArgParsers)
      if (P.Name == Callee->getName())
        return &P;
    return nullptr;
  }

  bool isParserOutput(const CallExpr *C, const Expr *Arg) const {
    const CPythonModelData::ArgParser *P = parserOf(C);
    if (!P)
      return false;
    for (unsigned I = P->Outputs; I < C->getNumArgs(); ++I)
      if (C->getArg(I) == Arg)
        return true;
    return false;
  }

  /// PyArg_ParseTuple(args, "OU", &a, &self->name): what each output gets.
  void collectParserOutputs(const CallExpr *C) {
    const CPythonModelData::ArgParser *P = parserOf(C);
    if (!P || (int)C->getNumArgs() < P->Outputs)
      return;
    std::vector<std::optional<PyValueKind>> Kinds;
    std::vector<bool> Typed;
    unsigned NumOutputs = C->getNumArgs() - P->Outputs;
    if (P->Format < 0) {
      Kinds.assign(NumOutputs, PyValueKind::Argument);
      Typed.assign(NumOutputs, false);
    } else if (std::optional<std::string> Fmt =
                   stringValue(C->getArg(P->Format))) {
      auto Parsed = parseFormat(*Fmt, Typed);
      if (Parsed)
        Kinds = std::move(*Parsed);
    }
    std::string Detail = C->getDirectCallee()->getNameAsString();
    for (unsigned I = 0; I < NumOutputs; ++I) {
      const Expr *Arg = C->getArg(P->Outputs + I);
      PyValueKind Kind = PyValueKind::Unknown;
      if (I < Kinds.size()) {
        if (!Kinds[I])
          continue;
        Kind = *Kinds[I];
        // "O!": the object has the type named by the previous argument.
        if (Typed[I] && I > 0)
          if (const VarDecl *T = X.varNamed(C->getArg(P->Outputs + I - 1)))
            if (!X.isProgramDecl(T) && D.AcyclicTypes.contains(T->getName()))
              Kind = PyValueKind::Acyclic;
      }
      const auto *U = dyn_cast<UnaryOperator>(strip(Arg));
      if (!U || U->getOpcode() != UO_AddrOf)
        continue;
      if (auto Ref = X.memberRef(U->getSubExpr())) {
        ParsedMembers.push_back({*Ref, Kind, Detail, X.Loc(Arg->getBeginLoc())});
      } else if (const VarDecl *VD = X.varNamed(U)) {
        auto &Slot = ParsedKinds[VD];
        Slot.first = ParsedKinds.count(VD) ? join(Slot.first, Kind) : Kind;
        Slot.second = Detail;
      }
    }
  }

  //===-- Type slots set at run time ------------------------------------===//

  bool typeSlotAssignment(const BinaryOperator *BO, const Expr *LHS) {
    const auto *ME = dyn_cast<MemberExpr>(LHS);
    if (!ME)
      return false;
    const VarDecl *T = typeVar(strip(ME->getBase()));
    if (!T || !X.isProgramDecl(T))
      return false;
    StringRef Field = ME->getMemberDecl()->getName();
    PySlotAssignmentFact A;
    A.TypeUSR = X.usr(T);
    A.Op = BO->getOpcode() == BO_Assign     ? PySlotOp::Set
           : BO->getOpcode() == BO_OrAssign ? PySlotOp::Or
                                            : PySlotOp::Other;
    if (Field == "tp_flags") {
      A.Slot.Slot = "tp_flags";
      A.Slot.Kind = PySlotKind::Flags;
      A.Slot.Loc = X.Loc(BO->getBeginLoc());
      Expr::EvalResult R;
      const Expr *RHS = BO->getRHS();
      if (!RHS->isValueDependent() && RHS->EvaluateAsInt(R, Ctx))
        A.Slot.Target = std::to_string(R.Val.getInt().getZExtValue());
    } else if (M.isModelledSlot(Field)) {
      A.Slot = X.slotValue(Field, BO->getRHS());
      A.Slot.Loc = X.Loc(BO->getBeginLoc());
    } else {
      return true;
    }
    X.Out.SlotAssignments.push_back(std::move(A));
    return true;
  }

  //===-- Allocations ---------------------------------------------------===//

  /// What the function does with the object held by the variables `Vars`.
  PyObjectStatus statusOf(const llvm::SmallPtrSetImpl<const VarDecl *> &Vars) {
    auto Names = [&](const Expr *E) {
      const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E));
      return DRE && Vars.count(dyn_cast<VarDecl>(DRE->getDecl()));
    };
    bool Tracked = false, Escaped = false, Returned = false;
    for (const CallExpr *C : Calls) {
      const FunctionDecl *Callee = C->getDirectCallee();
      StringRef Name =
          Callee && Callee->getIdentifier() ? Callee->getName() : "";
      for (const Expr *Arg : C->arguments()) {
        if (!Names(Arg))
          continue;
        if (M.inList("gcTrack", Name))
          Tracked = true;
        else if (!M.inList("harmless", Name))
          Escaped = true;
      }
    }
    for (const Expr *R : Returns)
      if (Names(R))
        Returned = true;
    for (const VarDecl *V : Vars)
      if (AddressTaken.count(V) || !V->isLocalVarDecl())
        Escaped = true;
    // Stored into memory: `self->child = obj`, `*out = obj`.
    for (const Stmt *S : StoredValues)
      if (Names(cast<Expr>(S)))
        Escaped = true;
    if (Tracked)
      return PyObjectStatus::Tracked;
    if (Escaped)
      return PyObjectStatus::Escaped;
    if (Returned)
      return PyObjectStatus::Returned;
    return PyObjectStatus::Untracked;
  }

  void summarizeAllocations() {
    // Values stored anywhere but a local variable.
    struct StoreFinder : RecursiveASTVisitor<StoreFinder> {
      std::vector<const Stmt *> &Out;
      explicit StoreFinder(std::vector<const Stmt *> &Out) : Out(Out) {}
      bool VisitBinaryOperator(BinaryOperator *BO) {
        if (BO->getOpcode() != BO_Assign)
          return true;
        const auto *DRE = dyn_cast<DeclRefExpr>(strip(BO->getLHS()));
        const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
        if (!VD || !VD->isLocalVarDecl())
          Out.push_back(BO->getRHS());
        return true;
      }
      bool VisitInitListExpr(InitListExpr *ILE) {
        for (Expr *E : ILE->inits())
          Out.push_back(E);
        return true;
      }
    } Finder(StoredValues);
    Finder.TraverseStmt(FD->getBody());

    for (const CallExpr *C : Calls) {
      const FunctionDecl *Callee = C->getDirectCallee();
      if (!Callee || !Callee->getIdentifier())
        continue;
      bool GC = M.inList("gcAllocUntracked", Callee->getName());
      bool ProgramCall = !GC && X.isProgramDecl(Callee) &&
                         X.objectPointee(Callee->getReturnType());
      if (!GC && !ProgramCall)
        continue;
      PyAllocFact A;
      A.GCAlloc = GC;
      A.Loc = X.Loc(C->getBeginLoc());
      A.CalleeName = Callee->getNameAsString();
      if (ProgramCall)
        A.Callee = X.usr(Callee->getCanonicalDecl());
      if (GC && C->getNumArgs() > 0)
        if (const VarDecl *T = typeVar(C->getArg(0)))
          if (X.isProgramDecl(T))
            A.TypeUSR = X.usr(T);
      // The variables holding the result, and their copies.
      llvm::SmallPtrSet<const VarDecl *, 4> Vars;
      for (auto &[VD, Exprs] : Sources)
        for (const Expr *S : Exprs)
          if (strip(S) == C)
            Vars.insert(VD);
      bool Changed = true;
      while (Changed) {
        Changed = false;
        for (auto &[VD, Exprs] : Sources)
          for (const Expr *S : Exprs)
            if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(S)))
              if (Vars.count(dyn_cast<VarDecl>(DRE->getDecl())) &&
                  Vars.insert(VD).second)
                Changed = true;
      }
      if (!Vars.empty())
        A.Status = statusOf(Vars);
      else if (llvm::is_contained(Returns, C))
        A.Status = PyObjectStatus::Returned;
      else if (ProgramCall)
        continue; // passed on directly: nothing to say
      else
        A.Status = PyObjectStatus::Escaped;
      F.Allocs.push_back(std::move(A));
    }
    for (PyStoreFact &S : ParsedMembers)
      F.Stores.push_back(std::move(S));
  }

  Extractor &X;
  const CPythonModel &M;
  const CPythonModelData &D;
  ASTContext &Ctx;
  const FunctionDecl *FD;
  const ParmVarDecl *VisitParm = nullptr;
  const ParmVarDecl *SelfParm = nullptr;
  bool Collecting = true;
  bool Keep = false;
  PyFunctionFact F;

  llvm::DenseMap<const VarDecl *, std::vector<const Expr *>> Sources;
  llvm::DenseMap<const VarDecl *, std::pair<PyValueKind, std::string>>
      ParsedKinds;
  std::vector<PyStoreFact> ParsedMembers;
  llvm::DenseSet<const VarDecl *> SelfVars, TypeVars, Visiting, AddressTaken;
  llvm::DenseMap<const VarDecl *, PyMemberRef> MemberAliases, PlainAliases;
  llvm::DenseSet<const VarDecl *> StateVars;
  std::vector<const CallExpr *> Calls;
  std::vector<const Expr *> Returns;
  std::vector<const Stmt *> StoredValues;
};

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
    if (const VarDecl *VD = AS ? X.varNamed(AS->getBase()) : nullptr)
      X.SlotArraysWritten.insert(VD->getCanonicalDecl());
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
  for (auto &[Spec, Array] : X.SpecSlotArrays)
    if (X.SlotArraysWritten.count(Array))
      X.Out.SpecsWithRuntimeBases.push_back(Spec);
  X.Out.canonicalize();
  return std::move(X.Out);
}

} // namespace cyclint
