// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--checks=cyclint-*,-cyclint-python-reference-cycle %s
// C++ heap types: slots through reinterpret_cast, a C++ struct deriving
// from another extension struct, members set from a method's argument.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

struct CounterObject {
  PyObject_HEAD
  PyObject *observer;
};

static int Counter_traverse(PyObject *op, visitproc visit, void *arg) {
  auto *self = reinterpret_cast<CounterObject *>(op);
  Py_VISIT(Py_TYPE(op));
  Py_VISIT(self->observer);
  return 0;
}

static int Counter_clear(PyObject *op) {
  Py_CLEAR(reinterpret_cast<CounterObject *>(op)->observer);
  return 0;
}

static void Counter_dealloc(PyObject *op) { // expected-note {{tp_dealloc 'Counter_dealloc' is defined here}}
  PyObject_GC_UnTrack(op);
  Counter_clear(op);
  PyObject_GC_Del(op);
}

static PyObject *Counter_observe(PyObject *op, PyObject *observer) {
  auto *self = reinterpret_cast<CounterObject *>(op);
  Py_XSETREF(self->observer, Py_NewRef(observer));
  Py_RETURN_NONE;
}

static PyMethodDef Counter_methods[] = {
    {"observe", Counter_observe, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static PyType_Slot Counter_slots[] = {
    {Py_tp_traverse, reinterpret_cast<void *>(Counter_traverse)},
    {Py_tp_clear, reinterpret_cast<void *>(Counter_clear)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Counter_dealloc)}, // expected-warning {{tp_dealloc 'Counter_dealloc' of heap type 'Counter_spec' (corpus.Counter) frees the object without releasing its type}}
    {Py_tp_methods, Counter_methods},
    {0, nullptr}};

static PyType_Spec Counter_spec = {
    "corpus.Counter", sizeof(CounterObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    Counter_slots};

// A C++ subclass struct: the base's traverse visits the type and the
// observer, the subclass visits its own member. Silent.
struct TallyObject : CounterObject {
  PyObject *history;
};

static int Tally_traverse(PyObject *op, visitproc visit, void *arg) {
  Py_VISIT(static_cast<TallyObject *>(reinterpret_cast<CounterObject *>(op))->history);
  return Counter_traverse(op, visit, arg);
}

static int Tally_clear(PyObject *op) {
  Py_CLEAR(static_cast<TallyObject *>(reinterpret_cast<CounterObject *>(op))->history);
  return Counter_clear(op);
}

static void Tally_dealloc(PyObject *op) {
  PyTypeObject *tp = Py_TYPE(op);
  PyObject_GC_UnTrack(op);
  Tally_clear(op);
  tp->tp_free(op);
  Py_DECREF(tp);
}

static PyType_Slot Tally_slots[] = {
    {Py_tp_traverse, reinterpret_cast<void *>(Tally_traverse)},
    {Py_tp_clear, reinterpret_cast<void *>(Tally_clear)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Tally_dealloc)},
    {0, nullptr}};

static PyType_Spec Tally_spec = {
    "corpus.Tally", sizeof(TallyObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, Tally_slots};
