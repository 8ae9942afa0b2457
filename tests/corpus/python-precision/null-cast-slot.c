// RUN: %verify --cflags="-I%python_include" %s
// A slot written as a null cast (`(traverseproc)0`, old-style positional
// initializers) is no slot: a value type without GC support that spells its
// empty traverse and clear that way has no dead traverse. Look-alike: the
// same spelling on a type that sets Py_TPFLAGS_HAVE_GC has no traverse at all.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
  PyObject_HEAD
  double value;
} PointObject;

static PyTypeObject PointType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "nullcast.Point",
    .tp_basicsize = sizeof(PointObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_traverse = (traverseproc)0,
    .tp_clear = (inquiry)0,
    .tp_new = PyType_GenericNew,
};

typedef struct {
  PyObject_HEAD
  PyObject *items;
} BagObject;

static PyTypeObject BagType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "nullcast.Bag",
    .tp_basicsize = sizeof(BagObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, // expected-warning {{type 'BagType' (nullcast.Bag) sets Py_TPFLAGS_HAVE_GC but has no tp_traverse, not even inherited: PyType_Ready fails with SystemError since Python 3.11}}
    .tp_traverse = (traverseproc)0,
    .tp_clear = (inquiry)0,
};
