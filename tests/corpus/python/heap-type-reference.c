// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--checks=cyclint-*,-cyclint-python-reference-cycle %s
// Heap types (PyType_Spec): since 3.9 an instance owns a reference to its
// type, which tp_traverse must visit and tp_dealloc must release.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
  PyObject_HEAD
  PyObject *callback;
} WatchObject;

static int Watch_traverse(WatchObject *self, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Watch_traverse' is defined here}}
  Py_VISIT(self->callback);
  return 0;
}

static int Watch_clear(WatchObject *self) {
  Py_CLEAR(self->callback);
  return 0;
}

static void Watch_dealloc(WatchObject *self) { // expected-note {{tp_dealloc 'Watch_dealloc' is defined here}}
  PyObject_GC_UnTrack(self);
  Watch_clear(self);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef Watch_members[] = {
    {"callback", T_OBJECT, offsetof(WatchObject, callback), 0, NULL},
    {NULL}};

static PyType_Slot Watch_slots[] = {
    {Py_tp_traverse, Watch_traverse}, // expected-warning {{tp_traverse 'Watch_traverse' of heap type 'Watch_spec' (corpus.Watch) does not visit Py_TYPE(self): since Python 3.9 every instance owns a reference to its heap type, and a cycle through the type is never freed [cyclint-python-heap-type-reference]}}
    {Py_tp_clear, Watch_clear},
    {Py_tp_dealloc, Watch_dealloc}, // expected-warning {{tp_dealloc 'Watch_dealloc' of heap type 'Watch_spec' (corpus.Watch) frees the object without releasing its type: the type object leaks one reference per instance; call Py_DECREF(Py_TYPE(self)) after tp_free [cyclint-python-heap-type-reference]}}
    {Py_tp_members, Watch_members},
    {0, NULL}};

static PyType_Spec Watch_spec = {
    "corpus.Watch", sizeof(WatchObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, Watch_slots};

// Silent: visits its type (through a helper), releases it in dealloc.
static int Good_traverse_fields(WatchObject *self, visitproc visit, void *arg) {
  Py_VISIT(Py_TYPE(self));
  Py_VISIT(self->callback);
  return 0;
}

static int Good_traverse(WatchObject *self, visitproc visit, void *arg) {
  return Good_traverse_fields(self, visit, arg);
}

static void Good_dealloc(WatchObject *self) {
  PyTypeObject *tp = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  Watch_clear(self);
  tp->tp_free((PyObject *)self);
  Py_DECREF(tp);
}

static PyType_Slot Good_slots[] = {
    {Py_tp_traverse, Good_traverse},
    {Py_tp_clear, Watch_clear},
    {Py_tp_dealloc, Good_dealloc},
    {Py_tp_members, Watch_members},
    {0, NULL}};

static PyType_Spec Good_spec = {
    .name = "corpus.Good",
    .basicsize = sizeof(WatchObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .slots = Good_slots,
};

// Silent: a base chosen at run time may visit the type for it.
static int Sub_traverse(WatchObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->callback);
  return Py_TYPE(self)->tp_base->tp_traverse((PyObject *)self, visit, arg);
}

static PyType_Slot Sub_slots[] = {
    {Py_tp_traverse, Sub_traverse},
    {Py_tp_clear, Watch_clear},
    {0, NULL}};

static PyType_Spec Sub_spec = {"corpus.Sub", sizeof(WatchObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
                               Sub_slots};

static int exec_module(PyObject *module) {
  PyObject *good = PyType_FromModuleAndSpec(module, &Good_spec, NULL);
  if (good == NULL)
    return -1;
  PyObject *sub = PyType_FromModuleAndSpec(module, &Sub_spec, good);
  Py_XDECREF(sub);
  Py_DECREF(good);
  return sub ? 0 : -1;
}

// A heap type without GC support: its instances own a reference to the type
// that the collector never sees. Note level: a cycle needs an instance kept
// in the type's dict or in the module's state (python-reference-cycle warns
// when a member of the instance can close one itself).
typedef struct {
  PyObject_HEAD
  long value;
} PointObject;

static PyType_Slot Point_slots[] = {{0, NULL}};

static PyType_Spec Point_spec = {
    "corpus.Point", sizeof(PointObject), 0,
    Py_TPFLAGS_DEFAULT, // expected-note {{heap type 'Point_spec' (corpus.Point) does not set Py_TPFLAGS_HAVE_GC: every instance owns a reference to its type, so a reference cycle through the type (an instance kept in the type's __dict__ or in its module's state) is never freed}}
    Point_slots};

// Silent: a heap type without GC flag of its own whose base is chosen at
// run time (it may inherit GC support from it).
static PyType_Spec Derived_spec = {"corpus.Derived", sizeof(PointObject), 0,
                                   Py_TPFLAGS_DEFAULT, Point_slots};

static PyObject *make_types(PyObject *module, PyObject *base) {
  PyObject *point = PyType_FromModuleAndSpec(module, &Point_spec, NULL);
  Py_XDECREF(point);
  return PyType_FromModuleAndSpec(module, &Derived_spec, base);
}
