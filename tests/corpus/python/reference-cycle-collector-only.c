// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--check-option=python-reference-cycle.CollectorNotes=1 %s
// A complete GC-aware type: a cycle through `next` is freed, but only by the
// cycle collector. That is a note, not a warning (exit code 0).
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
  PyObject_HEAD
  PyObject *next; // expected-note {{'NodeObject::next' can close a reference cycle that only the cycle collector frees (NodeObject -> NodeObject) [cyclint-python-reference-cycle]}}
  PyObject *weakreflist;
} NodeObject;

static int Node_traverse(NodeObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->next); // expected-note@-1 {{tp_traverse 'Node_traverse' visits 'NodeObject::next'}}
  return 0;
}

static int Node_clear(NodeObject *self) {
  Py_CLEAR(self->next);
  return 0;
}

static void Node_dealloc(NodeObject *self) {
  PyObject_GC_UnTrack(self);
  if (self->weakreflist)
    PyObject_ClearWeakRefs((PyObject *)self);
  Node_clear(self);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef Node_members[] = {
    {"next", T_OBJECT_EX, offsetof(NodeObject, next), 0, NULL}, // expected-note {{writable from Python as attribute 'next'}}
    {NULL}};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_dealloc = (destructor)Node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Node_traverse,
    .tp_clear = (inquiry)Node_clear,
    .tp_weaklistoffset = offsetof(NodeObject, weakreflist),
    .tp_new = PyType_GenericNew,
    .tp_members = Node_members,
};
