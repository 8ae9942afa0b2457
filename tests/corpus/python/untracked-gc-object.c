// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--checks=cyclint-*,-cyclint-python-reference-cycle %s
// PyObject_GC_New returns an untracked object: PyObject_GC_Track must follow
// once its fields are valid. tp_alloc (PyType_GenericAlloc) tracks by itself.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *value;
} LeafObject;

static int Leaf_traverse(LeafObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->value);
  return 0;
}

static int Leaf_clear(LeafObject *self) {
  Py_CLEAR(self->value);
  return 0;
}

static void Leaf_dealloc(LeafObject *self) {
  PyObject_GC_UnTrack(self);
  Leaf_clear(self);
  PyObject_GC_Del(self);
}

// tp_new returns the object untracked: CPython does not track it either.
static PyObject *Leaf_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  LeafObject *self = PyObject_GC_New(LeafObject, type); // expected-warning {{object allocated with PyObject_GC_New is returned by tp_new 'Leaf_new' of type 'LeafType' (corpus.Leaf) without PyObject_GC_Track: the cycle collector cannot see it [cyclint-python-untracked-gc-object]}}
  if (self == NULL)
    return NULL;
  self->value = NULL;
  return (PyObject *)self;
}

static PyTypeObject LeafType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Leaf",
    .tp_basicsize = sizeof(LeafObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Leaf_traverse,
    .tp_clear = (inquiry)Leaf_clear,
    .tp_dealloc = (destructor)Leaf_dealloc,
    .tp_new = Leaf_new,
};

// Allocated, used, never tracked.
static PyObject *leaf_probe(PyObject *module, PyObject *unused) {
  LeafObject *leaf = PyObject_GC_New(LeafObject, &LeafType); // expected-warning {{object allocated with PyObject_GC_New in 'leaf_probe' is never tracked with PyObject_GC_Track}}
  if (leaf == NULL)
    return NULL;
  leaf->value = Py_NewRef(Py_None);
  Py_DECREF(leaf);
  return PyLong_FromLong(0);
}

// A helper whose only caller returns the object from tp_new untracked.
static LeafObject *leaf_alloc(PyTypeObject *type) {
  LeafObject *leaf = PyObject_GC_New(LeafObject, type); // expected-warning {{object allocated with PyObject_GC_New in 'leaf_alloc' is tracked by none of its callers}}
  if (leaf != NULL)
    leaf->value = NULL;
  return leaf;
}

static PyObject *Twig_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  LeafObject *leaf = leaf_alloc(type); // expected-note {{'Twig_new' keeps the result of 'leaf_alloc' without PyObject_GC_Track}}
  return (PyObject *)leaf;
}

static PyTypeObject TwigType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Twig",
    .tp_basicsize = sizeof(LeafObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Leaf_traverse,
    .tp_clear = (inquiry)Leaf_clear,
    .tp_dealloc = (destructor)Leaf_dealloc,
    .tp_new = Twig_new,
};

// Silent: tracked once the fields are valid.
static PyObject *Bud_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  LeafObject *self = PyObject_GC_New(LeafObject, type);
  if (self == NULL)
    return NULL;
  self->value = NULL;
  PyObject_GC_Track((PyObject *)self);
  return (PyObject *)self;
}

// Silent: tp_alloc tracks GC objects itself.
static PyObject *Sprout_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  LeafObject *self = (LeafObject *)type->tp_alloc(type, 0);
  if (self != NULL)
    self->value = NULL;
  return (PyObject *)self;
}

// Silent: a helper whose caller tracks.
static LeafObject *bloom_alloc(void) {
  return PyObject_GC_New(LeafObject, &LeafType);
}

static PyObject *bloom(PyObject *module, PyObject *value) {
  LeafObject *leaf = bloom_alloc();
  if (leaf == NULL)
    return NULL;
  leaf->value = Py_NewRef(value);
  PyObject_GC_Track(leaf);
  return (PyObject *)leaf;
}

static PyTypeObject BudType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Bud",
    .tp_basicsize = sizeof(LeafObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Leaf_traverse,
    .tp_clear = (inquiry)Leaf_clear,
    .tp_dealloc = (destructor)Leaf_dealloc,
    .tp_new = Bud_new,
};

static PyTypeObject SproutType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Sprout",
    .tp_basicsize = sizeof(LeafObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Leaf_traverse,
    .tp_clear = (inquiry)Leaf_clear,
    .tp_dealloc = (destructor)Leaf_dealloc,
    .tp_new = Sprout_new,
};
