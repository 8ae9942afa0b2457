// RUN: %verify --cflags="-I%python_include" %s
// Containers a member holds, filled by a helper the member is passed to
// (`remember(self->seen, key)` calling `PyDict_SetItem(cache, key, ...)`):
// what the helper keeps from its own parameters is what the call site
// passes. A caller's object put in that way can close a cycle; look-alikes
// stay silent: a helper given a str, a helper that fills a different
// parameter than the one the member is passed as, and a helper given the
// member that only reads it.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *seen; // expected-warning {{'RegistryObject::seen' can close a reference cycle that is never freed (RegistryObject -> RegistryObject): type 'RegistryType' (helper.Registry) does not take part in the cycle collector; set Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear}}
  PyObject *counts;
  PyObject *names;
  PyObject *looked;
} RegistryObject;

/// Keeps `key`, and a dict of its own, in `cache`.
static int remember(PyObject *cache, PyObject *key) {
  PyObject *sub = PyDict_New();
  if (!sub)
    return -1;
  int r = PyDict_SetItem(cache, key, sub);
  Py_DECREF(sub);
  return r;
}

/// Counts `name` in `counter`.
static int bump(PyObject *counter, PyObject *name) {
  PyObject *one = PyLong_FromLong(1);
  if (!one)
    return -1;
  int r = PyDict_SetItem(counter, name, one);
  Py_DECREF(one);
  return r;
}

/// Fills `dst`, reads `src`.
static int copy_first(PyObject *dst, PyObject *src) {
  PyObject *first = PySequence_GetItem(src, 0);
  if (!first)
    return -1;
  int r = PyList_Append(dst, first);
  Py_DECREF(first);
  return r;
}

/// Only reads `cache`.
static int contains(PyObject *cache, PyObject *key) {
  return PyDict_Contains(cache, key);
}

static PyObject *Registry_add(RegistryObject *self, PyObject *key) {
  if (remember(self->seen, key) < 0) // expected-note {{'RegistryObject::seen' holds a container made by PyDict_New, and 'Registry_add' puts its parameter 'key' into it with PyDict_SetItem in 'remember': the container can hold any object}}
    return NULL;
  PyObject *label = PyUnicode_FromString("added");
  if (!label || bump(self->counts, label) < 0)
    return NULL;
  Py_DECREF(label);
  PyObject *mine = PyList_New(0);
  if (!mine || copy_first(mine, self->names) < 0)
    return NULL;
  Py_DECREF(mine);
  if (contains(self->looked, key) < 0)
    return NULL;
  Py_RETURN_NONE;
}

static int Registry_init(RegistryObject *self, PyObject *args, PyObject *kwds) {
  self->seen = PyDict_New();
  self->counts = PyDict_New();
  self->names = PyList_New(0);
  self->looked = PyDict_New();
  return self->seen && self->counts && self->names && self->looked ? 0 : -1;
}

static void Registry_dealloc(RegistryObject *self) {
  Py_XDECREF(self->seen);
  Py_XDECREF(self->counts);
  Py_XDECREF(self->names);
  Py_XDECREF(self->looked);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Registry_methods[] = {
    {"add", (PyCFunction)Registry_add, METH_O, NULL},
    {NULL},
};

static PyTypeObject RegistryType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "helper.Registry",
    .tp_basicsize = sizeof(RegistryObject),
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'RegistryType' (helper.Registry) does not set Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances}}
    .tp_init = (initproc)Registry_init,
    .tp_dealloc = (destructor)Registry_dealloc,
    .tp_methods = Registry_methods,
    .tp_new = PyType_GenericNew,
};
