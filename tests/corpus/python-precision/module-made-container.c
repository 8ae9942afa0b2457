// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--checks=cyclint-*,-cyclint-python-reference-cycle %s
// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--checks=cyclint-*,-cyclint-python-reference-cycle --cyclint-arg=--check-option=python-clear-missing-member.CollectorNotes=1 --cyclint-arg=--check-option=python-module-state.CollectorNotes=1 --check-prefix=SHOW %s
// A tp_clear (or m_clear) that leaves a dict, list or set the program made
// itself leaks nothing: when the collector finds a cycle through it, it
// clears the container too, and the container's own clear drops what it
// holds. Such members are counted notes, printed with CollectorNotes=1.
// Look-alikes: a member Python code can replace with any object, and a
// tuple (tuples have no tp_clear), still leave the cycle unbreakable.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *listeners; // SHOW-expected-note {{'RegistryObject::listeners' is not cleared by tp_clear 'Registry_clear', but it only ever holds the container PyList_New makes, whose own clear breaks a reference cycle through it: the collector frees the cycle}}
  PyObject *by_name; // SHOW-expected-note {{'RegistryObject::by_name' is not cleared by tp_clear 'Registry_clear', but it only ever holds the container PyDict_New makes, whose own clear breaks a reference cycle through it: the collector frees the cycle}}
  PyObject *args; // expected-warning {{'RegistryObject::args' is visited by tp_traverse 'Registry_traverse' but not cleared by tp_clear 'Registry_clear' of type 'RegistryType' (made.Registry): the collector cannot break a reference cycle through it}} SHOW-expected-warning {{'RegistryObject::args' is visited by tp_traverse 'Registry_traverse' but not cleared by tp_clear 'Registry_clear' of type 'RegistryType' (made.Registry): the collector cannot break a reference cycle through it}}
  PyObject *fallback; // expected-warning {{'RegistryObject::fallback' is visited by tp_traverse 'Registry_traverse' but not cleared by tp_clear 'Registry_clear' of type 'RegistryType' (made.Registry): the collector cannot break a reference cycle through it}} SHOW-expected-warning {{'RegistryObject::fallback' is visited by tp_traverse 'Registry_traverse' but not cleared by tp_clear 'Registry_clear' of type 'RegistryType' (made.Registry): the collector cannot break a reference cycle through it}}
  PyObject *cache;
} RegistryObject;

static int Registry_init(RegistryObject *self, PyObject *args,
                         PyObject *kwds) {
  PyObject *first = NULL, *fallback = NULL;
  if (!PyArg_ParseTuple(args, "OO", &first, &fallback))
    return -1;
  self->listeners = PyList_New(0);
  self->by_name = PyDict_New();
  PyObject *tuple = PyTuple_New(1);
  if (!self->listeners || !self->by_name || !tuple)
    return -1;
  PyTuple_SET_ITEM(tuple, 0, Py_NewRef(first));
  self->args = tuple;
  self->cache = PyDict_New();
  if (PyList_Append(self->listeners, first) < 0 ||
      PyDict_SetItemString(self->by_name, "first", first) < 0)
    return -1;
  // Look-alike: a dict made here, but a caller's object may replace it.
  self->fallback = PyDict_New();
  if (fallback != Py_None)
    Py_XSETREF(self->fallback, Py_NewRef(fallback));
  return 0;
}

static int Registry_traverse(RegistryObject *self, visitproc visit, void *arg) { // SHOW-expected-note 4 {{tp_traverse 'Registry_traverse' visits}} expected-note 2 {{tp_traverse 'Registry_traverse' visits}}
  Py_VISIT(self->listeners);
  Py_VISIT(self->by_name);
  Py_VISIT(self->args);
  Py_VISIT(self->fallback);
  Py_VISIT(self->cache);
  return 0;
}

static int Registry_clear(RegistryObject *self) { // expected-note 2 {{tp_clear 'Registry_clear' is defined here}} SHOW-expected-note 4 {{tp_clear 'Registry_clear' is defined here}}
  Py_CLEAR(self->cache);
  return 0;
}

static void Registry_dealloc(RegistryObject *self) {
  PyObject_GC_UnTrack(self);
  Py_XDECREF(self->listeners);
  Py_XDECREF(self->by_name);
  Py_XDECREF(self->args);
  Py_XDECREF(self->fallback);
  Py_XDECREF(self->cache);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject RegistryType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "made.Registry",
    .tp_basicsize = sizeof(RegistryObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_init = (initproc)Registry_init,
    .tp_traverse = (traverseproc)Registry_traverse,
    .tp_clear = (inquiry)Registry_clear,
    .tp_dealloc = (destructor)Registry_dealloc,
    .tp_new = PyType_GenericNew,
};

// Module state: a registry dict the module made and fills with callers'
// objects, visited and not cleared: its own clear breaks the cycle. The
// look-alike hook is the caller's object itself.
typedef struct {
  PyObject *registry; // SHOW-expected-note {{'made_state::registry' is not cleared by m_clear 'made_clear', but it only ever holds the container PyDict_New makes, whose own clear breaks a reference cycle through it: the collector frees the cycle}}
  PyObject *hook; // expected-warning {{'made_state::hook' is visited by m_traverse 'made_traverse' but not cleared by m_clear 'made_clear' of module 'made_module' (made): the collector cannot break a reference cycle through it}} SHOW-expected-warning {{'made_state::hook' is visited by m_traverse 'made_traverse' but not cleared by m_clear 'made_clear' of module 'made_module' (made): the collector cannot break a reference cycle through it}}
  PyObject *error;
} made_state;

static int made_traverse(PyObject *module, visitproc visit, void *arg) {
  made_state *st = (made_state *)PyModule_GetState(module);
  Py_VISIT(st->registry);
  Py_VISIT(st->hook);
  Py_VISIT(st->error);
  return 0;
}

static int made_clear(PyObject *module) { // expected-note {{m_clear 'made_clear' is defined here}} SHOW-expected-note 2 {{m_clear 'made_clear' is defined here}}
  made_state *st = (made_state *)PyModule_GetState(module);
  Py_CLEAR(st->error);
  return 0;
}

static PyObject *made_register(PyObject *module, PyObject *args) {
  made_state *st = (made_state *)PyModule_GetState(module);
  PyObject *key, *value;
  if (!PyArg_ParseTuple(args, "OO", &key, &value))
    return NULL;
  if (PyDict_SetItem(st->registry, key, value) < 0)
    return NULL;
  Py_RETURN_NONE;
}

static PyObject *made_set_hook(PyObject *module, PyObject *hook) {
  made_state *st = (made_state *)PyModule_GetState(module);
  Py_XSETREF(st->hook, Py_NewRef(hook));
  Py_RETURN_NONE;
}

static int made_exec(PyObject *module) {
  made_state *st = (made_state *)PyModule_GetState(module);
  st->registry = PyDict_New();
  st->error = PyErr_NewException("made.Error", NULL, NULL);
  return st->registry && st->error ? 0 : -1;
}

static PyMethodDef made_methods[] = {
    {"register", made_register, METH_VARARGS, NULL},
    {"set_hook", made_set_hook, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot made_slots[] = {
    {Py_mod_exec, made_exec},
    {0, NULL},
};

static struct PyModuleDef made_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "made",
    .m_size = sizeof(made_state),
    .m_methods = made_methods,
    .m_slots = made_slots,
    .m_traverse = made_traverse,
    .m_clear = made_clear,
};
