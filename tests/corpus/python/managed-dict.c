// RUN: %verify --cflags="-I%python_include -isystem %S/Inputs/py312" %s
// Py_TPFLAGS_MANAGED_DICT (Python 3.12+): the runtime places the instance
// __dict__; traverse must call PyObject_VisitManagedDict, clear
// PyObject_ClearManagedDict, and tp_dictoffset must stay unset. The shim
// header makes this TU a 3.12 one (the installed headers are 3.11).
#define PY_SSIZE_T_CLEAN
#include <py312_names.h>
#include <stddef.h>

// Traverse and clear both forget the managed dict.
typedef struct {
  PyObject_HEAD
  PyObject *value;
} BoxObject;

static int Box_traverse(BoxObject *self, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Box_traverse' is defined here}}
  Py_VISIT(self->value);
  return 0;
}

static int Box_clear(BoxObject *self) { // expected-note {{tp_clear 'Box_clear' is defined here}}
  Py_CLEAR(self->value);
  return 0;
}

static PyTypeObject BoxType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Box",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MANAGED_DICT,
    .tp_traverse = (traverseproc)Box_traverse, // expected-warning {{tp_traverse 'Box_traverse' of type 'BoxType' (corpus.Box) does not call PyObject_VisitManagedDict: the type sets Py_TPFLAGS_MANAGED_DICT, and a reference cycle through the instance __dict__ is never freed}}
    .tp_clear = (inquiry)Box_clear, // expected-warning {{tp_clear 'Box_clear' of type 'BoxType' (corpus.Box) does not call PyObject_ClearManagedDict}}
    .tp_new = PyType_GenericNew,
};

// The flag together with tp_dictoffset, and without GC support.
typedef struct {
  PyObject_HEAD
  PyObject *dict; // expected-warning {{'OldDictObject::dict' can close a reference cycle that is never freed}}
} OldDictObject;

// The instance dict of a type without GC support is cycle material too
// (python-reference-cycle).
static PyTypeObject OldDictType = { // expected-note {{'OldDictObject::dict' is the instance __dict__ of OldDictType}}
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.OldDict",
    .tp_basicsize = sizeof(OldDictObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_MANAGED_DICT, // expected-warning {{type 'OldDictType' (corpus.OldDict) sets both Py_TPFLAGS_MANAGED_DICT and tp_dictoffset, which is an error}}
    // expected-warning@-1 {{type 'OldDictType' (corpus.OldDict) sets Py_TPFLAGS_MANAGED_DICT without Py_TPFLAGS_HAVE_GC}}
    // expected-note@-2 {{type 'OldDictType' (corpus.OldDict) does not set Py_TPFLAGS_HAVE_GC}}
    .tp_dictoffset = offsetof(OldDictObject, dict),
    .tp_new = PyType_GenericNew,
};

// ---- Silent ----------------------------------------------------------------

// Silent: the 3.12 way, through a helper for the traverse.
typedef struct {
  PyObject_HEAD
  PyObject *value;
} GoodObject;

static int Good_visit_dict(PyObject *self, visitproc visit, void *arg) {
  return PyObject_VisitManagedDict(self, visit, arg);
}

static int Good_traverse(GoodObject *self, visitproc visit, void *arg) {
  Py_VISIT(Py_TYPE(self));
  Py_VISIT(self->value);
  return Good_visit_dict((PyObject *)self, visit, arg);
}

static int Good_clear(GoodObject *self) {
  Py_CLEAR(self->value);
  PyObject_ClearManagedDict((PyObject *)self);
  return 0;
}

static PyTypeObject GoodType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Good",
    .tp_basicsize = sizeof(GoodObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MANAGED_DICT,
    .tp_traverse = (traverseproc)Good_traverse,
    .tp_clear = (inquiry)Good_clear,
    .tp_new = PyType_GenericNew,
};
