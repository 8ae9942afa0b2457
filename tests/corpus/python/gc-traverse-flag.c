// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--checks=cyclint-*,-cyclint-python-reference-cycle %s
// Py_TPFLAGS_HAVE_GC needs a tp_traverse after inheritance; a tp_traverse
// without the flag is never called.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
  PyObject_HEAD
  PyObject *data;
} BoxObject;

static int Box_traverse(BoxObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->data);
  return 0;
}

static int Box_clear(BoxObject *self) {
  Py_CLEAR(self->data);
  return 0;
}

// The flag, no traverse.
static PyTypeObject FlagOnlyType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.FlagOnly",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, // expected-warning {{type 'FlagOnlyType' (corpus.FlagOnly) sets Py_TPFLAGS_HAVE_GC but has no tp_traverse, not even inherited: PyType_Ready fails with SystemError since Python 3.11 [cyclint-python-gc-traverse-flag]}}
    .tp_new = PyType_GenericNew,
};

// A traverse, no flag.
static PyTypeObject NoFlagType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.NoFlag",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, // expected-note {{the flags of type 'NoFlagType' (corpus.NoFlag) are set here}}
    .tp_traverse = (traverseproc)Box_traverse, // expected-warning {{tp_traverse 'Box_traverse' of type 'NoFlagType' (corpus.NoFlag) is never called: the type does not set Py_TPFLAGS_HAVE_GC (a protocol breach that leaks nothing by itself) [cyclint-python-gc-traverse-flag]}}
    .tp_clear = (inquiry)Box_clear,
    .tp_new = PyType_GenericNew,
};

// Correct base, and two subtypes.
static PyTypeObject BoxType = { // expected-note {{tp_traverse and tp_clear are inherited from 'BoxType' (corpus.Box) only together with Py_TPFLAGS_HAVE_GC, when 'SubFlagType' (corpus.SubFlag) sets none of the three}}
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Box",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Box_traverse,
    .tp_clear = (inquiry)Box_clear,
    .tp_new = PyType_GenericNew,
};

// Silent: sets none of the three, so it inherits the flag with the base's
// traverse and clear.
static PyTypeObject SubInheritsType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.SubInherits",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &BoxType,
};

// Sets the flag itself: the group is not inherited, and it has no traverse.
static PyTypeObject SubFlagType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.SubFlag",
    .tp_basicsize = sizeof(BoxObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, // expected-warning {{type 'SubFlagType' (corpus.SubFlag) sets Py_TPFLAGS_HAVE_GC but has no tp_traverse}}
    .tp_base = &BoxType,
};

// Silent: flags set at run time the model cannot fold.
static PyTypeObject RuntimeFlagsType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.RuntimeFlags",
    .tp_basicsize = sizeof(BoxObject),
    .tp_traverse = (traverseproc)Box_traverse,
};

void configure(unsigned long extra) {
  RuntimeFlagsType.tp_flags = Py_TPFLAGS_DEFAULT | extra;
}
