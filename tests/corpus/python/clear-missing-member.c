// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--checks=cyclint-*,-cyclint-python-reference-cycle %s
// tp_clear must clear what tp_traverse visits, or the collector finds the
// cycle and cannot break it.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
  PyObject_HEAD
  PyObject *left;
  PyObject *right; // expected-warning {{'PairObject::right' is visited by tp_traverse 'Pair_traverse' but not cleared by tp_clear 'Pair_clear' of type 'PairType' (corpus.Pair): the collector cannot break a reference cycle through it [cyclint-python-clear-missing-member]}}
} PairObject;

static int Pair_traverse(PairObject *self, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Pair_traverse' visits 'PairObject::right'}}
  Py_VISIT(self->left);
  Py_VISIT(self->right);
  return 0;
}

static int Pair_clear(PairObject *self) { // expected-note {{tp_clear 'Pair_clear' is defined here}}
  Py_CLEAR(self->left);
  return 0;
}

static PyMemberDef Pair_members[] = {
    {"left", T_OBJECT, offsetof(PairObject, left), 0, NULL},
    {"right", T_OBJECT, offsetof(PairObject, right), 0, NULL},
    {NULL}};

static PyTypeObject PairType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Pair",
    .tp_basicsize = sizeof(PairObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Pair_traverse,
    .tp_clear = (inquiry)Pair_clear,
    .tp_new = PyType_GenericNew,
    .tp_members = Pair_members,
};

// Silent: the clear delegates to a helper that clears both, by hand
// (Py_XDECREF + NULL) and with Py_CLEAR.
typedef struct {
  PyObject_HEAD
  PyObject *first;
  PyObject *second;
} TwoObject;

static int Two_traverse(TwoObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->first);
  Py_VISIT(self->second);
  return 0;
}

static void clear_fields(TwoObject *self) {
  PyObject *tmp = self->first;
  self->first = NULL;
  Py_XDECREF(tmp);
  Py_CLEAR(self->second);
}

static int Two_clear(TwoObject *self) {
  clear_fields(self);
  return 0;
}

static PyMemberDef Two_members[] = {
    {"first", T_OBJECT, offsetof(TwoObject, first), 0, NULL},
    {"second", T_OBJECT, offsetof(TwoObject, second), 0, NULL},
    {NULL}};

static PyTypeObject TwoType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Two",
    .tp_basicsize = sizeof(TwoObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Two_traverse,
    .tp_clear = (inquiry)Two_clear,
    .tp_new = PyType_GenericNew,
    .tp_members = Two_members,
};

// Silent: no tp_clear at all (an immutable type relies on the other objects
// of a cycle to break it).
typedef struct {
  PyObject_HEAD
  PyObject *value;
} FrozenObject;

static int Frozen_traverse(FrozenObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->value);
  return 0;
}

static int Frozen_init(FrozenObject *self, PyObject *args, PyObject *kwds) {
  PyObject *value;
  if (!PyArg_UnpackTuple(args, "Frozen", 1, 1, &value))
    return -1;
  self->value = Py_NewRef(value);
  return 0;
}

static PyTypeObject FrozenType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Frozen",
    .tp_basicsize = sizeof(FrozenObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Frozen_traverse,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Frozen_init,
};
