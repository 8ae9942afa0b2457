//===- CPythonModelTest.cpp - The CPython model on in-memory code ---------===//
//
// Extraction (CPythonModel) on real Python.h, the merge and the runtime's
// inheritance rule (PythonProgram), and the JSON form of the facts.
//
//===----------------------------------------------------------------------===//

#include "core/Runtime.h"
#include "models/cpython/CPythonModel.h"
#include "models/cpython/PythonProgram.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace cyclint;

namespace {

const char *Prelude = R"(
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
)";

/// What the CPython model extracts from one TU.
struct Extracted {
  PythonTUFacts Python;
};

Extracted extractFrom(clang::ASTUnit &AST) {
  TUContext TU(AST.getASTContext(), "/", nullptr, &AST.getPreprocessor());
  return {CPythonModel::builtin().extract(
      TU.ast(), TU.preprocessor(),
      [&](clang::SourceLocation L) { return TU.location(L); }, TU.mainFile())};
}

/// The python facts of `V` read back, or nullopt (and a test failure).
std::optional<Extracted> roundTrip(const llvm::json::Value &V) {
  Extracted Back;
  llvm::json::Path::Root Root("python");
  if (!fromJSON(V, Back.Python, Root)) {
    ADD_FAILURE() << llvm::toString(Root.getError());
    return std::nullopt;
  }
  return Back;
}

Extracted extract(const std::string &Code, const std::string &File = "ext.c") {
  std::vector<std::string> Args = {"-I/usr/include/python3.11",
                                   "-resource-dir=" CYCLINT_CLANG_RESOURCE_DIR};
  if (llvm::StringRef(File).ends_with(".c"))
    Args.push_back("-std=c11");
  else
    Args.push_back("-std=c++17");
  std::unique_ptr<clang::ASTUnit> AST = clang::tooling::buildASTFromCodeWithArgs(
      std::string(Prelude) + Code, Args, File);
  EXPECT_TRUE(AST);
  EXPECT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  return extractFrom(*AST);
}

/// Extraction with a model other than the built-in one (a user file merged
/// into it).
PythonTUFacts extractWith(const CPythonModel &Model, const std::string &Code) {
  std::vector<std::string> Args = {"-I/usr/include/python3.11", "-std=c11",
                                   "-resource-dir=" CYCLINT_CLANG_RESOURCE_DIR};
  std::unique_ptr<clang::ASTUnit> AST = clang::tooling::buildASTFromCodeWithArgs(
      std::string(Prelude) + Code, Args, "ext.c");
  EXPECT_TRUE(AST);
  EXPECT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  const clang::SourceManager &SM = AST->getSourceManager();
  auto Location = [&](clang::SourceLocation L) {
    SourceLocation R;
    clang::PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
    if (P.isValid()) {
      R.File = P.getFilename();
      R.Line = P.getLine();
      R.Column = P.getColumn();
    }
    return R;
  };
  return Model.extract(AST->getASTContext(), &AST->getPreprocessor(), Location,
                       "ext.c");
}

const PyStructFact *structNamed(const PythonTUFacts &F, llvm::StringRef Name) {
  for (const PyStructFact &S : F.Structs)
    if (S.Name == Name)
      return &S;
  return nullptr;
}

const PyFunctionFact *functionNamed(const PythonTUFacts &F,
                                    llvm::StringRef Name) {
  for (const PyFunctionFact &Fn : F.Functions)
    if (Fn.Name == Name)
      return &Fn;
  return nullptr;
}

const char *Node = R"(
typedef struct {
  PyObject_HEAD
  PyObject *next;
  PyObject *name;
  PyObject *weakreflist;
  int count;
} NodeObject;

static int Node_traverse(NodeObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->next);
  Py_VISIT(Py_TYPE(self));
  return 0;
}
static int Node_clear(NodeObject *self) { Py_CLEAR(self->next); return 0; }
static int Node_init(NodeObject *self, PyObject *args, PyObject *kw) {
  PyObject *name, *next = NULL;
  if (!PyArg_ParseTuple(args, "U|O", &name, &next)) return -1;
  if (PyUnicode_CheckExact(name)) Py_XSETREF(self->name, Py_NewRef(name));
  Py_XSETREF(self->next, Py_XNewRef(next));
  return 0;
}
static PyMemberDef Node_members[] = {
  {"next", T_OBJECT_EX, offsetof(NodeObject, next), 0, NULL},
  {"name", T_OBJECT, offsetof(NodeObject, name), READONLY, NULL},
  {NULL}};
static PyTypeObject NodeType = {
  PyVarObject_HEAD_INIT(NULL, 0)
  "ext.Node", sizeof(NodeObject), 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
  0, (traverseproc)Node_traverse, (inquiry)Node_clear, 0,
  offsetof(NodeObject, weakreflist), 0, 0, 0, Node_members,
};
)";

TEST(CPythonModelTest, StructsMembersAndVersion) {
  Extracted F = extract(Node);
  EXPECT_EQ(F.Python.VersionHex >> 16, 0x030Bu); // python3-dev 3.11
  const PyStructFact *S = structNamed(F.Python, "NodeObject");
  ASSERT_TRUE(S);
  EXPECT_EQ(S->BuiltinBase, "_object");
  ASSERT_EQ(S->Members.size(), 3u); // next, name, weakreflist; not `count`
  EXPECT_EQ(S->Members[0].Name, "next");
  EXPECT_EQ(S->Members[2].Name, "weakreflist");
}

TEST(CPythonModelTest, PositionalStaticType) {
  Extracted F = extract(Node);
  ASSERT_EQ(F.Python.Types.size(), 1u);
  const PyTypeFact &T = F.Python.Types[0];
  EXPECT_EQ(T.VarName, "NodeType");
  EXPECT_EQ(T.PyName, "ext.Node");
  EXPECT_FALSE(T.Heap);
  EXPECT_TRUE(T.FlagsKnown);
  EXPECT_TRUE(T.HaveGC);
  EXPECT_EQ(T.StructKey, structNamed(F.Python, "NodeObject")->Key);
  EXPECT_EQ(T.WeakListField, "weakreflist");
  std::vector<std::string> Slots;
  for (const PySlotFact &S : T.Slots)
    Slots.push_back(S.Slot + "=" + S.TargetName);
  EXPECT_EQ(Slots, (std::vector<std::string>{"tp_clear=Node_clear",
                                             "tp_members=Node_members",
                                             "tp_traverse=Node_traverse"}));
}

// C forward declarations of a static type are tentative definitions: the
// initialized definition is the one read, and a type that only has tentative
// definitions (filled at run time) is one type with no slots.
TEST(CPythonModelTest, TentativeTypeDefinitions) {
  Extracted F = extract(R"(
typedef struct { PyObject_HEAD PyObject *x; } BoxObject;
static PyTypeObject BoxType;
static PyTypeObject BoxType;
PyTypeObject LateType;
PyTypeObject LateType;
static PyTypeObject BoxType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ext.Box", .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
};
)");
  ASSERT_EQ(F.Python.Types.size(), 2u);
  std::map<std::string, const PyTypeFact *> ByName;
  for (const PyTypeFact &T : F.Python.Types)
    ByName[T.VarName] = &T;
  ASSERT_TRUE(ByName.count("BoxType"));
  EXPECT_TRUE(ByName["BoxType"]->HaveGC);
  EXPECT_EQ(ByName["BoxType"]->PyName, "ext.Box");
  EXPECT_EQ(ByName["BoxType"]->StructKey, structNamed(F.Python, "BoxObject")->Key);
  ASSERT_TRUE(ByName.count("LateType"));
  EXPECT_FALSE(ByName["LateType"]->HaveGC);
  EXPECT_TRUE(ByName["LateType"]->Slots.empty());
}

// A program helper that only counts references and returns its parameter
// passes the argument's kind through; one that may return something else
// does not.
TEST(CPythonModelTest, NewReferenceHelpers) {
  Extracted F = extract(R"(
typedef struct { PyObject_HEAD PyObject *a; PyObject *b; } PairObject;
static PyObject *my_newref(PyObject *o) { Py_XINCREF(o); return o; }
static PyObject *maybe(PyObject *o) { return o ? o : PyLong_FromLong(0); }
static void Pair_set(PairObject *self, PyObject *v) {
  self->a = my_newref(v);
  self->b = maybe(v);
}
)");
  const PyFunctionFact *Set = functionNamed(F.Python, "Pair_set");
  ASSERT_TRUE(Set);
  std::map<std::string, PyValueKind> Stored;
  for (const PyStoreFact &S : Set->Stores)
    Stored[S.Member.Field] = S.Value;
  EXPECT_EQ(Stored["a"], PyValueKind::Argument);
  EXPECT_EQ(Stored["b"], PyValueKind::Unknown);
}

TEST(CPythonModelTest, FunctionSummaries) {
  Extracted F = extract(Node);
  const PyFunctionFact *Traverse = functionNamed(F.Python, "Node_traverse");
  ASSERT_TRUE(Traverse);
  EXPECT_TRUE(Traverse->HasVisitParam);
  EXPECT_TRUE(Traverse->VisitsType);
  ASSERT_EQ(Traverse->Visited.size(), 1u);
  EXPECT_EQ(Traverse->Visited[0].Field, "next");

  const PyFunctionFact *Clear = functionNamed(F.Python, "Node_clear");
  ASSERT_TRUE(Clear);
  ASSERT_EQ(Clear->Cleared.size(), 1u);
  EXPECT_EQ(Clear->Cleared[0].Field, "next");

  // "U" admits str subclasses; stored after an exact test it is acyclic.
  // "O" is any object (argument).
  const PyFunctionFact *Init = functionNamed(F.Python, "Node_init");
  ASSERT_TRUE(Init);
  std::map<std::string, PyValueKind> Stored;
  for (const PyStoreFact &S : Init->Stores)
    Stored[S.Member.Field] = S.Value;
  EXPECT_EQ(Stored["name"], PyValueKind::Acyclic);
  EXPECT_EQ(Stored["next"], PyValueKind::Argument);
}

TEST(CPythonModelTest, MemberTable) {
  Extracted F = extract(Node);
  ASSERT_EQ(F.Python.MemberTables.size(), 1u);
  const auto &Entries = F.Python.MemberTables[0].Entries;
  ASSERT_EQ(Entries.size(), 2u);
  EXPECT_EQ(Entries[0].Attribute, "next");
  EXPECT_TRUE(Entries[0].ObjectType);
  EXPECT_FALSE(Entries[0].ReadOnly);
  EXPECT_TRUE(Entries[1].ReadOnly);
}

TEST(CPythonModelTest, HeapTypeFromSpecInCxx) {
  Extracted F = extract(R"(
struct BoxObject { PyObject_HEAD PyObject *item; };
static int Box_traverse(PyObject *op, visitproc visit, void *arg) {
  Py_VISIT(reinterpret_cast<BoxObject *>(op)->item);
  return 0;
}
static void Box_dealloc(PyObject *op) {
  PyTypeObject *tp = Py_TYPE(op);
  PyObject_GC_UnTrack(op);
  tp->tp_free(op);
  Py_DECREF(tp);
}
static PyType_Slot Box_slots[] = {
  {Py_tp_traverse, reinterpret_cast<void *>(Box_traverse)},
  {Py_tp_dealloc, reinterpret_cast<void *>(Box_dealloc)},
  {0, nullptr}};
static PyType_Spec Box_spec = {"ext.Box", sizeof(BoxObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, Box_slots};
)", "box.cpp");
  ASSERT_EQ(F.Python.Types.size(), 1u);
  const PyTypeFact &T = F.Python.Types[0];
  EXPECT_TRUE(T.Heap);
  EXPECT_TRUE(T.HaveGC);
  EXPECT_FALSE(T.StructKey.empty());
  ASSERT_EQ(T.Slots.size(), 2u);
  EXPECT_EQ(T.Slots[0].Slot, "tp_dealloc");
  EXPECT_EQ(T.Slots[1].Slot, "tp_traverse");
  const PyFunctionFact *Dealloc = functionNamed(F.Python, "Box_dealloc");
  ASSERT_TRUE(Dealloc);
  EXPECT_TRUE(Dealloc->UnTracksSelf);
  EXPECT_TRUE(Dealloc->FreesSelf);
  EXPECT_TRUE(Dealloc->ReleasesType);
}

TEST(CPythonModelTest, GCAllocationStatus) {
  Extracted F = extract(R"(
typedef struct { PyObject_HEAD PyObject *v; } LeafObject;
static PyTypeObject LeafType;
static PyObject *tracked(void) {
  LeafObject *o = PyObject_GC_New(LeafObject, &LeafType);
  PyObject_GC_Track(o);
  return (PyObject *)o;
}
static PyObject *returned(void) {
  LeafObject *o = PyObject_GC_New(LeafObject, &LeafType);
  return (PyObject *)o;
}
static void dropped(void) {
  LeafObject *o = PyObject_GC_New(LeafObject, &LeafType);
  Py_DECREF(o);
}
)");
  std::map<std::string, PyObjectStatus> Status;
  for (const PyFunctionFact &Fn : F.Python.Functions)
    for (const PyAllocFact &A : Fn.Allocs)
      if (A.GCAlloc)
        Status[Fn.Name] = A.Status;
  EXPECT_EQ(Status["tracked"], PyObjectStatus::Tracked);
  EXPECT_EQ(Status["returned"], PyObjectStatus::Returned);
  EXPECT_EQ(Status["dropped"], PyObjectStatus::Untracked);
}

TEST(CPythonModelTest, NoPythonNoFacts) {
  std::unique_ptr<clang::ASTUnit> AST = clang::tooling::buildASTFromCodeWithArgs(
      "struct S { int *p; }; int f(struct S *s) { return *s->p; }",
      {"-std=c11", "-resource-dir=" CYCLINT_CLANG_RESOURCE_DIR}, "plain.c");
  ASSERT_TRUE(AST);
  Extracted F = extractFrom(*AST);
  EXPECT_TRUE(F.Python.empty());
  EXPECT_EQ(F.Python.VersionHex, 0u);
}

TEST(PythonProgramTest, GCGroupInheritance) {
  Extracted F = extract(R"(
typedef struct { PyObject_HEAD PyObject *v; } BoxObject;
static int Box_traverse(BoxObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->v); return 0;
}
static PyTypeObject BoxType = {
  PyVarObject_HEAD_INIT(NULL, 0)
  .tp_name = "ext.Box", .tp_basicsize = sizeof(BoxObject),
  .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
  .tp_traverse = (traverseproc)Box_traverse,
};
static PyTypeObject InheritsType = {
  PyVarObject_HEAD_INIT(NULL, 0)
  .tp_name = "ext.Inherits", .tp_basicsize = sizeof(BoxObject),
  .tp_flags = Py_TPFLAGS_DEFAULT, .tp_base = &BoxType,
};
static PyTypeObject OwnFlagType = {
  PyVarObject_HEAD_INIT(NULL, 0)
  .tp_name = "ext.OwnFlag", .tp_basicsize = sizeof(BoxObject),
  .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, .tp_base = &BoxType,
};
)");
  PythonProgram P = PythonProgram::build({F.Python}, CPythonModel::builtin());
  std::map<std::string, const PyType *> ByName;
  for (const PyType &T : P.types())
    ByName[T.Fact.VarName] = &T;
  ASSERT_EQ(ByName.size(), 3u);
  EXPECT_TRUE(ByName["InheritsType"]->HaveGC);
  ASSERT_TRUE(ByName["InheritsType"]->Traverse);
  EXPECT_EQ(ByName["InheritsType"]->Traverse->TargetName, "Box_traverse");
  EXPECT_TRUE(ByName["OwnFlagType"]->HaveGC);
  EXPECT_FALSE(ByName["OwnFlagType"]->Traverse); // the group is not inherited

  PySlotSummary S = P.traverseSummary(*ByName["InheritsType"]);
  EXPECT_TRUE(S.Known);
  EXPECT_EQ(S.Members.size(), 1u);
}

TEST(PythonProgramTest, MemberContent) {
  Extracted F = extract(Node);
  PythonProgram P = PythonProgram::build({F.Python}, CPythonModel::builtin());
  ASSERT_EQ(P.types().size(), 1u);
  std::map<std::string, PyContent> Content;
  for (const PyMemberInfo *M : P.ownedMembers(P.types()[0]))
    Content[M->Ref.Field] = M->Content;
  EXPECT_EQ(Content.size(), 2u); // the weak-reference list is borrowed
  EXPECT_EQ(Content["next"], PyContent::Arbitrary);
  EXPECT_EQ(Content["name"], PyContent::Acyclic);
}

// Typed links: `prev`/`next` are never released (borrowed), `owner` is
// released through Py_CLEAR, `peer` through Py_XDECREF, `key` is released
// through Py_SETREF in a helper.
const char *Links = R"(
typedef struct Link {
  PyObject_HEAD
  struct Link *prev, *next, *owner, *peer;
  PyObject *key;
} LinkObject;
static void Link_set(LinkObject *self, LinkObject *other, PyObject *key) {
  self->prev = other;
  self->next = other;
  self->owner = (LinkObject *)Py_NewRef(other);
  self->peer = (LinkObject *)Py_NewRef(other);
  Py_SETREF(self->key, Py_NewRef(key));
}
static void Link_dealloc(LinkObject *self) {
  Py_CLEAR(self->owner);
  Py_XDECREF(self->peer);
  Py_TYPE(self)->tp_free((PyObject *)self);
}
static PyTypeObject LinkType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ext.Link",
    .tp_basicsize = sizeof(LinkObject),
    .tp_dealloc = (destructor)Link_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};
)";

TEST(PythonProgramTest, BorrowedTypedLinks) {
  Extracted F = extract(Links);
  const PyFunctionFact *Dealloc = functionNamed(F.Python, "Link_dealloc");
  ASSERT_TRUE(Dealloc);
  std::set<std::string> Released;
  for (const PyMemberRef &R : Dealloc->Released)
    Released.insert(R.Field);
  EXPECT_EQ(Released, (std::set<std::string>{"owner", "peer"}));
  const PyFunctionFact *Set = functionNamed(F.Python, "Link_set");
  ASSERT_TRUE(Set);
  ASSERT_EQ(Set->Released.size(), 1u);
  EXPECT_EQ(Set->Released[0].Field, "key");

  PythonProgram P = PythonProgram::build({F.Python}, CPythonModel::builtin());
  ASSERT_EQ(P.types().size(), 1u);
  std::map<std::string, const PyMemberInfo *> Members;
  for (const PyMemberInfo *M : P.ownedMembers(P.types()[0]))
    Members[M->Ref.Field] = M;
  ASSERT_EQ(Members.size(), 5u);
  EXPECT_TRUE(Members["prev"]->BorrowedLink);
  EXPECT_TRUE(Members["next"]->BorrowedLink);
  EXPECT_EQ(Members["prev"]->Content, PyContent::Unknown);
  EXPECT_EQ(Members["next"]->Content, PyContent::Unknown);
  EXPECT_FALSE(Members["owner"]->BorrowedLink);
  EXPECT_EQ(Members["owner"]->Content, PyContent::Arbitrary);
  EXPECT_EQ(Members["peer"]->Content, PyContent::Arbitrary);
  EXPECT_FALSE(Members["key"]->BorrowedLink); // PyObject *: never a link
  EXPECT_EQ(Members["key"]->Content, PyContent::Arbitrary);
}

TEST(PythonFactsTest, JSONRoundTrip) {
  Extracted F = extract(Node);
  llvm::json::Value V = toJSON(F.Python);
  auto Back = roundTrip(V);
  ASSERT_TRUE(Back.has_value());
  EXPECT_EQ(llvm::formatv("{0}", toJSON(Back->Python)).str(),
            llvm::formatv("{0}", V).str());
  EXPECT_EQ(Back->Python.Types.size(), 1u);
  EXPECT_EQ(Back->Python.Functions.size(), F.Python.Functions.size());
}

// Kinds are enums in C++ and keep their spellings in JSON; a spelling the
// reader does not know is an error at its path, not a default.
TEST(PythonFactsTest, KindSpellingsAreStrict) {
  Extracted F = extract(Node);
  llvm::json::Value V = toJSON(F.Python);
  std::string Text = llvm::formatv("{0}", V).str();
  EXPECT_NE(Text.find(R"("kind":"function")"), std::string::npos);
  size_t At = Text.find(R"("kind":"function")");
  Text.replace(At, 17, R"("kind":"fnction")");
  llvm::Expected<llvm::json::Value> Bad = llvm::json::parse(Text);
  ASSERT_TRUE(bool(Bad)) << llvm::toString(Bad.takeError());
  PythonTUFacts Back;
  llvm::json::Path::Root Root("python");
  EXPECT_FALSE(fromJSON(*Bad, Back, Root));
  std::string Error = llvm::toString(Root.getError());
  EXPECT_NE(Error.find("unknown slot kind"), std::string::npos) << Error;
  EXPECT_NE(Error.find(".kind"), std::string::npos) << Error;

  EXPECT_EQ(parsePyCalleeKind("type-slot"), PyCalleeKind::TypeSlot);
  EXPECT_EQ(parsePySlotOp("or"), PySlotOp::Or);
  EXPECT_EQ(parsePySlotKind("flags"), PySlotKind::Flags);
  EXPECT_FALSE(parsePySlotKind("Function"));
  for (PyCalleeKind K : {PyCalleeKind::BaseSlot, PyCalleeKind::Builtin,
                         PyCalleeKind::Function, PyCalleeKind::SelfSlot,
                         PyCalleeKind::TypeSlot, PyCalleeKind::Unknown})
    EXPECT_EQ(parsePyCalleeKind(pyCalleeKindName(K)), K);
}

// Fills of a member's container: what is put in, from where; stores of a
// container the program makes are marked.
TEST(CPythonModelTest, ContainerFills) {
  Extracted F = extract(R"(
typedef struct { PyObject_HEAD PyObject *attrs; PyObject *items; } BagObject;
static int Bag_init(BagObject *self, PyObject *args, PyObject *kw) {
  PyObject *items = PyList_New(0);
  self->attrs = PyDict_New();
  self->items = items;
  return 0;
}
static int Bag_setattro(BagObject *self, PyObject *name, PyObject *value) {
  PyObject *items = self->items;
  PyList_Append(items, PyLong_FromLong(1));
  return PyDict_SetItem(self->attrs, name, value);
}
)");
  const PyFunctionFact *Init = functionNamed(F.Python, "Bag_init");
  ASSERT_TRUE(Init);
  ASSERT_EQ(Init->Stores.size(), 2u);
  for (const PyStoreFact &S : Init->Stores)
    EXPECT_TRUE(S.NewContainer) << S.Member.Field;
  const PyFunctionFact *Set = functionNamed(F.Python, "Bag_setattro");
  ASSERT_TRUE(Set);
  std::map<std::string, const PyFillFact *> Fills;
  for (const PyFillFact &Fill : Set->Fills)
    Fills[Fill.Member.Field] = &Fill;
  ASSERT_EQ(Fills.size(), 2u);
  EXPECT_EQ(Fills["attrs"]->Value, PyValueKind::Argument);
  EXPECT_EQ(Fills["attrs"]->Detail, "value");
  EXPECT_EQ(Fills["attrs"]->Api, "PyDict_SetItem");
  EXPECT_EQ(Fills["items"]->Value, PyValueKind::Acyclic); // through a local alias

  // The merge: the dict filled with an argument can hold any object; the
  // list filled with ints stays "don't know".
  PythonProgram P = PythonProgram::build({F.Python}, CPythonModel::builtin());
  std::map<std::string, PyContent> Content;
  for (const PyStruct &S : P.structs())
    for (const PyObjectMemberFact &M : S.Fact.Members)
      Content[M.Name] = P.member({S.Fact.Key, M.Name})->Content;
  EXPECT_EQ(Content["attrs"], PyContent::Arbitrary);
  EXPECT_EQ(Content["items"], PyContent::Unknown);
  const PyMemberInfo *Attrs = nullptr;
  for (const PyStruct &S : P.structs())
    Attrs = P.member({S.Fact.Key, "attrs"});
  ASSERT_TRUE(Attrs);
  ASSERT_EQ(Attrs->Reasons.size(), 1u);
  EXPECT_EQ(Attrs->Reasons[0].Kind, PyContentReason::Filled);
  EXPECT_EQ(Attrs->Reasons[0].Container, "PyDict_New");
}

// A fill of a member never known to hold a container the program made adds
// nothing (PyObject_SetItem on whatever an unknown call returned).
TEST(PythonProgramTest, FillOfUnknownContainerIsUnknown) {
  Extracted F = extract(R"(
typedef struct { PyObject_HEAD PyObject *sink; } FwdObject;
PyObject *find_sink(void);
static int Fwd_init(FwdObject *self, PyObject *args, PyObject *kw) {
  self->sink = find_sink();
  return 0;
}
static PyObject *Fwd_put(FwdObject *self, PyObject *item) {
  PyObject_SetItem(self->sink, item, item);
  Py_RETURN_NONE;
}
)");
  PythonProgram P = PythonProgram::build({F.Python}, CPythonModel::builtin());
  ASSERT_EQ(P.structs().size(), 1u);
  const PyMemberInfo *Sink = P.member({P.structs()[0].Fact.Key, "sink"});
  ASSERT_TRUE(Sink);
  EXPECT_EQ(Sink->Content, PyContent::Unknown);
}

// A helper filling the container its caller passes records the fill
// against its parameter and the parameters it keeps; callers record the
// member and each argument's kind; the merge joins them across TUs.
TEST(PythonProgramTest, HelperFillsAcrossTranslationUnits) {
  Extracted Helper = extract(R"(
int remember(PyObject *cache, PyObject *key) {
  PyObject *sub = PyDict_New();
  return PyDict_SetItem(cache, key, sub);
}
)", "helper.c");
  const PyFunctionFact *Remember = functionNamed(Helper.Python, "remember");
  ASSERT_TRUE(Remember);
  ASSERT_EQ(Remember->Fills.size(), 1u);
  EXPECT_EQ(Remember->Fills[0].ContainerParam, 0);
  EXPECT_EQ(Remember->Fills[0].ValueParams, std::vector<int>{1});
  EXPECT_TRUE(Remember->Fills[0].Member.Field.empty());
  auto Back = roundTrip(toJSON(Helper.Python));
  ASSERT_TRUE(Back.has_value());
  EXPECT_EQ(functionNamed(Back->Python, "remember")->Fills[0].ValueParams,
            std::vector<int>{1});

  auto Caller = [](const char *Key) {
    return std::string(R"(
typedef struct { PyObject_HEAD PyObject *seen; } RObject;
int remember(PyObject *cache, PyObject *key);
static int R_init(RObject *self, PyObject *args, PyObject *kw) {
  self->seen = PyDict_New();
  return 0;
}
static PyObject *R_add(RObject *self, PyObject *key) {
  remember(self->seen, )") + Key + R"();
  Py_RETURN_NONE;
}
)";
  };
  auto ContentOf = [&](const Extracted &Use) {
    PythonProgram P = PythonProgram::build({Helper.Python, Use.Python},
                                           CPythonModel::builtin());
    const PyMemberInfo *Seen = nullptr;
    for (const PyStruct &S : P.structs())
      if (!Seen)
        Seen = P.member({S.Fact.Key, "seen"});
    return Seen ? std::optional<PyMemberInfo>(*Seen) : std::nullopt;
  };
  Extracted AnyKey = extract(Caller("key"), "caller.c");
  const PyFunctionFact *Add = functionNamed(AnyKey.Python, "R_add");
  ASSERT_TRUE(Add);
  ASSERT_EQ(Add->MemberArgs.size(), 1u);
  EXPECT_EQ(Add->MemberArgs[0].Param, 0);
  ASSERT_EQ(Add->MemberArgs[0].Args.size(), 2u);
  EXPECT_EQ(Add->MemberArgs[0].Args[1].Value, PyValueKind::Argument);
  std::optional<PyMemberInfo> Seen = ContentOf(AnyKey);
  ASSERT_TRUE(Seen);
  EXPECT_EQ(Seen->Content, PyContent::Arbitrary);
  ASSERT_EQ(Seen->Reasons.size(), 1u);
  EXPECT_EQ(Seen->Reasons[0].Api, "PyDict_SetItem in 'remember'");

  // The same helper given a str adds nothing.
  Seen = ContentOf(extract(Caller("PyUnicode_FromString(\"k\")"), "caller.c"));
  ASSERT_TRUE(Seen);
  EXPECT_NE(Seen->Content, PyContent::Arbitrary);
  EXPECT_TRUE(Seen->Reasons.empty());
}

// Module definitions: the state struct from sizeof or from the one cast of
// PyModule_GetState's result, visits/clears of state members, calls of
// helpers given the state.
TEST(CPythonModelTest, ModuleState) {
  Extracted F = extract(R"(
typedef struct { PyObject *error; PyTypeObject *Type; int n; } mod_state;
static mod_state *get_state(PyObject *m) { return (mod_state *)PyModule_GetState(m); }
static int state_clear(mod_state *st) { Py_CLEAR(st->error); return 0; }
static int m_traverse(PyObject *m, visitproc visit, void *arg) {
  mod_state *st = get_state(m);
  Py_VISIT(st->error);
  Py_VISIT(st->Type);
  return 0;
}
static int m_clear(PyObject *m) { state_clear(get_state(m)); return 0; }
static struct PyModuleDef by_sizeof = {
  PyModuleDef_HEAD_INIT, .m_name = "a", .m_size = sizeof(mod_state),
  .m_traverse = m_traverse, .m_clear = m_clear};
static struct PyModuleDef by_cast = {
  PyModuleDef_HEAD_INIT, .m_name = "b", .m_size = 16};
static struct PyModuleDef no_state = {PyModuleDef_HEAD_INIT, "c", NULL, -1};
)");
  ASSERT_EQ(F.Python.Modules.size(), 3u);
  std::map<std::string, const PyModuleFact *> ByName;
  for (const PyModuleFact &M : F.Python.Modules)
    ByName[M.PyName] = &M;
  const PyModuleFact &A = *ByName["a"];
  EXPECT_EQ(A.StateStructName, "mod_state");
  ASSERT_EQ(A.StateMembers.size(), 2u); // error, Type; not n
  EXPECT_EQ(A.Slots.size(), 2u);
  EXPECT_EQ(ByName["b"]->StateStruct, A.StateStruct); // the one cast
  EXPECT_TRUE(ByName["c"]->SizeKnown);
  EXPECT_EQ(ByName["c"]->Size, -1);
  EXPECT_TRUE(ByName["c"]->StateStruct.empty());

  const PyFunctionFact *Clear = functionNamed(F.Python, "m_clear");
  ASSERT_TRUE(Clear);
  ASSERT_EQ(Clear->StateCalls.size(), 1u);
  EXPECT_EQ(Clear->StateCalls[0].Name, "state_clear");

  PythonProgram P = PythonProgram::build({F.Python}, CPythonModel::builtin());
  const PyModuleFact *Mod = nullptr;
  for (const PyModuleFact &M : P.modules())
    if (M.PyName == "a")
      Mod = &M;
  ASSERT_TRUE(Mod);
  PySlotSummary T = P.moduleSummary(*Mod, "m_traverse");
  EXPECT_TRUE(T.Known);
  EXPECT_EQ(T.Members.size(), 2u);
  PySlotSummary C = P.moduleSummary(*Mod, "m_clear");
  EXPECT_TRUE(C.Known);
  ASSERT_EQ(C.Members.size(), 1u); // through the helper given the state
  EXPECT_EQ(C.Members.begin()->Field, "error");
}

// Py_TPFLAGS_MANAGED_DICT is read only for 3.12+ TUs; the managed-dict calls
// are recorded, through helpers.
TEST(CPythonModelTest, ManagedDict) {
  const char *Code = R"(
typedef struct { PyObject_HEAD PyObject *v; } MObject;
int PyObject_VisitManagedDict(PyObject *, visitproc, void *);
void PyObject_ClearManagedDict(PyObject *);
static int M_traverse(MObject *self, visitproc visit, void *arg) {
  return PyObject_VisitManagedDict((PyObject *)self, visit, arg);
}
static int M_clear(MObject *self) { PyObject_ClearManagedDict((PyObject *)self); return 0; }
static PyTypeObject MType = {
  PyVarObject_HEAD_INIT(NULL, 0)
  .tp_name = "ext.M", .tp_basicsize = sizeof(MObject),
  .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MANAGED_DICT,
  .tp_traverse = (traverseproc)M_traverse, .tp_clear = (inquiry)M_clear,
  .tp_dictoffset = -1,
};
)";
  Extracted Old = extract(Code);
  ASSERT_EQ(Old.Python.Types.size(), 1u);
  EXPECT_FALSE(Old.Python.Types[0].ManagedDict); // 3.11: another meaning
  EXPECT_TRUE(Old.Python.Types[0].DictOffset);
  Extracted New = extract(std::string(R"(
#undef PY_MINOR_VERSION
#define PY_MINOR_VERSION 12
)") + Code);
  ASSERT_EQ(New.Python.Types.size(), 1u);
  EXPECT_TRUE(New.Python.Types[0].ManagedDict);
  EXPECT_TRUE(functionNamed(New.Python, "M_traverse")->VisitsManagedDict);
  EXPECT_TRUE(functionNamed(New.Python, "M_clear")->ClearsManagedDict);
  PythonProgram P = PythonProgram::build({New.Python}, CPythonModel::builtin());
  ASSERT_EQ(P.types().size(), 1u);
  EXPECT_TRUE(P.traverseSummary(P.types()[0]).VisitsManagedDict);
  EXPECT_TRUE(P.traverseSummary(P.types()[0]).Known);
  EXPECT_TRUE(P.clearSummary(P.types()[0]).ClearsManagedDict);
}

TEST(PythonFactsTest, JSONRoundTripModulesAndFills) {
  Extracted F = extract(R"(
typedef struct { PyObject *error; } st_t;
typedef struct { PyObject_HEAD PyObject *d; } DObject;
static int D_init(DObject *self, PyObject *a, PyObject *k) {
  self->d = PyDict_New();
  return PyDict_SetItem(self->d, a, k);
}
static int tr(PyObject *m, visitproc visit, void *arg) {
  Py_VISIT(((st_t *)PyModule_GetState(m))->error);
  return 0;
}
static struct PyModuleDef mod = {
  PyModuleDef_HEAD_INIT, .m_name = "m", .m_size = sizeof(st_t), .m_traverse = tr};
)");
  ASSERT_EQ(F.Python.Modules.size(), 1u);
  llvm::json::Value V = toJSON(F.Python);
  auto Back = roundTrip(V);
  ASSERT_TRUE(Back.has_value());
  EXPECT_EQ(llvm::formatv("{0}", toJSON(Back->Python)).str(),
            llvm::formatv("{0}", V).str());
  ASSERT_EQ(Back->Python.Modules.size(), 1u);
  EXPECT_EQ(Back->Python.Modules[0].StateMembers.size(), 1u);
  const PyFunctionFact *Init = functionNamed(Back->Python, "D_init");
  ASSERT_TRUE(Init);
  EXPECT_EQ(Init->Fills.size(), 1u);
  EXPECT_TRUE(Init->Stores[0].NewContainer);
}

//===-- User model files ----------------------------------------------===//

const char *Labels = R"(
typedef struct { PyObject_HEAD PyObject *label; PyObject *attrs; } LObject;
PyObject *make_label(const char *text);
int project_put(PyObject *dict, const char *key, PyObject *value);
static int L_init(LObject *self, PyObject *args, PyObject *kw) {
  PyObject *name;
  if (!PyArg_ParseTuple(args, "U", &name)) return -1;
  self->label = make_label("x");
  self->attrs = PyDict_New();
  return project_put(self->attrs, "name", name);
}
)";

std::map<std::string, const PyStoreFact *> storesOf(const PyFunctionFact &F) {
  std::map<std::string, const PyStoreFact *> Stores;
  for (const PyStoreFact &S : F.Stores)
    Stores[S.Member.Field] = &S;
  return Stores;
}

// A project's own constructor of str-like objects and its own dict-filling
// helper: unknown to the built-in model, known once a user file says so.
TEST(CPythonModelTest, UserModelExtendsFunctionLists) {
  PythonTUFacts Before = extractWith(CPythonModel::builtin(), Labels);
  const PyFunctionFact *Init = functionNamed(Before, "L_init");
  ASSERT_TRUE(Init);
  EXPECT_EQ(storesOf(*Init)["label"]->Value, PyValueKind::Unknown);
  EXPECT_TRUE(Init->Fills.empty());

  CPythonModel Model = CPythonModel::builtin();
  llvm::Error E = Model.addModelText(R"(
name: labels
runtime: cpython
functions:
  acyclicConstructors: [make_label]
  containerFills:
    - {name: project_put, container: 0, values: [2]}
)",
                                     "labels.yaml");
  ASSERT_FALSE(bool(E)) << llvm::toString(std::move(E));
  EXPECT_TRUE(Model.inList("acyclicConstructors", "make_label"));
  EXPECT_TRUE(Model.inList("acyclicConstructors", "PyUnicode_FromString"));
  PythonTUFacts After = extractWith(Model, Labels);
  Init = functionNamed(After, "L_init");
  ASSERT_TRUE(Init);
  EXPECT_EQ(storesOf(*Init)["label"]->Value, PyValueKind::Acyclic);
  ASSERT_EQ(Init->Fills.size(), 1u);
  EXPECT_EQ(Init->Fills[0].Api, "project_put");
  EXPECT_EQ(Init->Fills[0].Member.Field, "attrs");
  // "U" admits str subclasses, which can refer to anything.
  EXPECT_EQ(Init->Fills[0].Value, PyValueKind::Argument);
}

// An entry with an earlier entry's name replaces it: a user file that
// treats "U" as an exact str changes what the parsed value is.
TEST(CPythonModelTest, UserModelOverridesNamedEntries) {
  CPythonModel Model = CPythonModel::builtin();
  ASSERT_TRUE(Model.formatUnit("O!x"));
  EXPECT_EQ(Model.formatUnit("O!x")->Name, "O!");
  EXPECT_EQ(Model.formatUnit("es#")->Arguments.size(), 3u);
  EXPECT_FALSE(Model.formatUnit("e"));
  llvm::Error E = Model.addModelText(R"(
name: strict-str
argFormat:
  units:
    - {unit: U, arguments: [acyclic]}
functions:
  containerFills:
    - {name: project_put, container: 0, values: [2]}
    - {name: PyDict_SetItem, container: 0, values: [2]}
)",
                                     "strict.yaml");
  ASSERT_FALSE(bool(E)) << llvm::toString(std::move(E));
  EXPECT_EQ(Model.formatUnit("U")->Arguments,
            std::vector<FormatArgument>{FormatArgument::Acyclic});
  size_t SetItems = llvm::count_if(
      Model.data().ContainerFills,
      [](const auto &F) { return F.Name == "PyDict_SetItem"; });
  EXPECT_EQ(SetItems, 1u);
  PythonTUFacts After = extractWith(Model, Labels);
  const PyFunctionFact *Init = functionNamed(After, "L_init");
  ASSERT_TRUE(Init);
  ASSERT_EQ(Init->Fills.size(), 1u);
  EXPECT_EQ(Init->Fills[0].Value, PyValueKind::Acyclic);
}

// A malformed user file is an error naming the file and the line; nothing
// is merged from it.
TEST(CPythonModelTest, UserModelErrorsNameFileAndLine) {
  auto ErrorOf = [](llvm::StringRef Text) {
    CPythonModel Model = CPythonModel::builtin();
    llvm::Error E = Model.addModelText(Text, "user.yaml");
    return E ? llvm::toString(std::move(E)) : std::string();
  };
  std::string Typo = ErrorOf("name: u\nfunctions:\n  acyclicConstructor: [f]\n");
  EXPECT_NE(Typo.find("user.yaml:3:"), std::string::npos) << Typo;
  EXPECT_NE(Typo.find("acyclicConstructor"), std::string::npos) << Typo;
  std::string Unit = ErrorOf(
      "name: u\nargFormat:\n  units:\n    - {unit: X, arguments: [objet]}\n");
  EXPECT_NE(Unit.find("user.yaml:4:"), std::string::npos) << Unit;
  std::string Runtime = ErrorOf("name: u\nruntime: pybind11\n");
  EXPECT_NE(Runtime.find("user.yaml:2:"), std::string::npos) << Runtime;
  EXPECT_NE(Runtime.find("runtime: cpython"), std::string::npos) << Runtime;
  EXPECT_NE(ErrorOf("functions: {}\n").find("user.yaml:"), std::string::npos);
  EXPECT_EQ(ErrorOf("name: u\nruntime: cpython\n"), "");

  // The built-in schema still requires every key.
  llvm::Expected<CPythonModel> Partial =
      CPythonModel::fromYAML("name: p\nflags: []\n", "partial.yaml");
  ASSERT_FALSE(bool(Partial));
  EXPECT_NE(llvm::toString(Partial.takeError()).find("partial.yaml:"),
            std::string::npos);

  CPythonModel Model = CPythonModel::builtin();
  llvm::Error Missing = Model.addModelFile("/nonexistent/cpython-model.yaml");
  ASSERT_TRUE(bool(Missing));
  EXPECT_NE(llvm::toString(std::move(Missing)).find("cpython-model.yaml"),
            std::string::npos);
}

} // namespace

