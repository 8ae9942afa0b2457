// RUN: %verify --cflags="-I%python_include" %s
// expected-no-diagnostics
// Silent: compiled against the installed 3.11 headers, where bit 4 of
// tp_flags is not the public managed-dict flag and PyObject_VisitManagedDict
// does not exist: the managed-dict rules do not apply.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *value;
} BoxObject;

static int Box_traverse(BoxObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->value);
  return 0;
}

static int Box_clear(BoxObject *self) {
  Py_CLEAR(self->value);
  return 0;
}

static PyTypeObject BoxType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Box",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | (1 << 4),
    .tp_traverse = (traverseproc)Box_traverse,
    .tp_clear = (inquiry)Box_clear,
    .tp_new = PyType_GenericNew,
};
