// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--checks=cyclint-*,-cyclint-python-reference-cycle %s
// GC types whose tp_traverse misses a member that can hold any object, and
// traverses that are complete through helpers and base traverses.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
  PyObject_HEAD
  PyObject *payload;
  PyObject *next; // expected-warning {{'NodeObject::next' is not visited by tp_traverse 'Node_traverse' of type 'NodeType' (corpus.Node): a reference cycle through it is never freed [cyclint-python-traverse-missing-member]}}
} NodeObject;

static int Node_traverse(NodeObject *self, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Node_traverse' is defined here}}
  Py_VISIT(self->payload);
  return 0;
}

static int Node_clear(NodeObject *self) {
  Py_CLEAR(self->payload);
  Py_CLEAR(self->next);
  return 0;
}

static PyMemberDef Node_members[] = {
    {"payload", T_OBJECT, offsetof(NodeObject, payload), 0, NULL},
    {"next", T_OBJECT, offsetof(NodeObject, next), 0, NULL}, // expected-note {{'NodeObject::next' is writable from Python as attribute 'next'}}
    {NULL}};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Node_traverse,
    .tp_clear = (inquiry)Node_clear,
    .tp_new = PyType_GenericNew,
    .tp_members = Node_members,
};

// Complete: a helper visits `items`, the base traverse visits `payload` and
// `next`, the weak-reference list is borrowed and must not be visited.
typedef struct {
  NodeObject base;
  PyObject *items;
  PyObject *weakreflist;
} ListNodeObject;

static int visit_items(ListNodeObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->items);
  return 0;
}

static int ListNode_traverse(ListNodeObject *self, visitproc visit, void *arg) {
  int err = visit_items(self, visit, arg);
  if (err)
    return err;
  Py_VISIT(self->base.next);
  return NodeType.tp_traverse((PyObject *)self, visit, arg);
}

static int ListNode_clear(ListNodeObject *self) {
  Py_CLEAR(self->items);
  return NodeType.tp_clear((PyObject *)self);
}

static PyMemberDef ListNode_members[] = {
    {"items", T_OBJECT, offsetof(ListNodeObject, items), 0, NULL},
    {NULL}};

static PyTypeObject ListNodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.ListNode",
    .tp_basicsize = sizeof(ListNodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)ListNode_traverse,
    .tp_clear = (inquiry)ListNode_clear,
    .tp_base = &NodeType,
    .tp_weaklistoffset = offsetof(ListNodeObject, weakreflist),
    .tp_members = ListNode_members,
};

// Silent: the traverse calls a function the model cannot follow (a pointer
// set at run time), so it cannot tell what is visited.
typedef struct {
  PyObject_HEAD
  PyObject *data;
} OpaqueObject;

static traverseproc extra_traverse;

static int Opaque_traverse(OpaqueObject *self, visitproc visit, void *arg) {
  return extra_traverse((PyObject *)self, visit, arg);
}

static PyMemberDef Opaque_members[] = {
    {"data", T_OBJECT, offsetof(OpaqueObject, data), 0, NULL},
    {NULL}};

static PyTypeObject OpaqueType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Opaque",
    .tp_basicsize = sizeof(OpaqueObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Opaque_traverse,
    .tp_members = Opaque_members,
};
