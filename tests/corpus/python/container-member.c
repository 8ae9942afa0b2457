// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--check-option=python-reference-cycle.CollectorNotes=1 %s
// Members holding a dict/list the type makes (PyDict_New, PyList_New) and
// fills with objects a caller chose: the container can hold any object,
// the type's own instances included, so the member closes cycles like a
// writable member does.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

// No GC support: a registry whose dict is filled from `add(key, value)`.
typedef struct {
  PyObject_HEAD
  PyObject *entries; // expected-warning {{'RegistryObject::entries' can close a reference cycle that is never freed (RegistryObject -> RegistryObject): type 'RegistryType' (corpus.Registry) does not take part in the cycle collector}}
} RegistryObject;

static int Registry_init(RegistryObject *self, PyObject *args, PyObject *kwds) {
  Py_XSETREF(self->entries, PyDict_New());
  return self->entries ? 0 : -1;
}

static PyObject *Registry_add(RegistryObject *self, PyObject *args) {
  PyObject *key, *value;
  if (!PyArg_ParseTuple(args, "OO", &key, &value))
    return NULL;
  if (PyDict_SetItem(self->entries, key, value) < 0) // expected-note {{'RegistryObject::entries' holds a container made by PyDict_New, and 'Registry_add' puts an argument parsed by PyArg_ParseTuple into it with PyDict_SetItem: the container can hold any object}}
    return NULL;
  Py_RETURN_NONE;
}

static PyMethodDef Registry_methods[] = {
    {"add", (PyCFunction)Registry_add, METH_VARARGS, NULL}, {NULL}};

static PyTypeObject RegistryType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Registry",
    .tp_basicsize = sizeof(RegistryObject),
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'RegistryType' (corpus.Registry) does not set Py_TPFLAGS_HAVE_GC}}
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Registry_init,
    .tp_methods = Registry_methods,
};

// A GC type whose tp_setattro stores into its own attribute dict, and whose
// traverse visits it: a cycle through it is freed by the collector only.
typedef struct {
  PyObject_HEAD
  PyObject *attrs; // expected-note {{'NamespaceObject::attrs' can close a reference cycle that only the cycle collector frees}}
} NamespaceObject;

static PyObject *Namespace_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  NamespaceObject *self = (NamespaceObject *)type->tp_alloc(type, 0);
  if (!self)
    return NULL;
  self->attrs = PyDict_New();
  return (PyObject *)self;
}

static int Namespace_setattro(NamespaceObject *self, PyObject *name, PyObject *value) {
  return PyDict_SetItem(self->attrs, name, value); // expected-note {{'NamespaceObject::attrs' holds a container made by PyDict_New, and 'Namespace_setattro' puts its parameter 'value' into it with PyDict_SetItem}}
}

static int Namespace_traverse(NamespaceObject *self, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Namespace_traverse' visits 'NamespaceObject::attrs'}}
  Py_VISIT(self->attrs);
  return 0;
}

static int Namespace_clear(NamespaceObject *self) {
  Py_CLEAR(self->attrs);
  return 0;
}

static PyTypeObject NamespaceType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Namespace",
    .tp_basicsize = sizeof(NamespaceObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = Namespace_new,
    .tp_setattro = (setattrofunc)Namespace_setattro,
    .tp_traverse = (traverseproc)Namespace_traverse,
    .tp_clear = (inquiry)Namespace_clear,
};

// A GC type whose traverse forgets the list its `push` method appends to.
typedef struct {
  PyObject_HEAD
  PyObject *name;
  PyObject *items; // expected-warning {{'StackObject::items' is not visited by tp_traverse 'Stack_traverse' of type 'StackType' (corpus.Stack): a reference cycle through it is never freed}}
} StackObject;

static int Stack_init(StackObject *self, PyObject *args, PyObject *kwds) {
  PyObject *items = PyList_New(0);
  if (!items)
    return -1;
  Py_XSETREF(self->items, items);
  return 0;
}

static PyObject *Stack_push(StackObject *self, PyObject *item) {
  if (PyList_Append(self->items, item) < 0) // expected-note {{'StackObject::items' holds a container made by PyList_New, and 'Stack_push' puts its parameter 'item' into it with PyList_Append}}
    return NULL;
  Py_RETURN_NONE;
}

static int Stack_traverse(StackObject *self, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Stack_traverse' is defined here}}
  Py_VISIT(self->name);
  return 0;
}

static PyMethodDef Stack_methods[] = {
    {"push", (PyCFunction)Stack_push, METH_O, NULL}, {NULL}};

static PyTypeObject StackType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Stack",
    .tp_basicsize = sizeof(StackObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Stack_init,
    .tp_traverse = (traverseproc)Stack_traverse,
    .tp_methods = Stack_methods,
};

// ---- Silent ----------------------------------------------------------------

// Silent: the list the type makes only ever receives ints. (The member is
// still not known to be acyclic: Python code could get hold of the list.)
typedef struct {
  PyObject_HEAD
  PyObject *counts;
} CounterObject;

static int Counter_init(CounterObject *self, PyObject *args, PyObject *kwds) {
  Py_XSETREF(self->counts, PyList_New(0));
  return 0;
}

static PyObject *Counter_tick(CounterObject *self, PyObject *unused) {
  PyObject *n = PyLong_FromLong(PyList_GET_SIZE(self->counts));
  if (!n || PyList_Append(self->counts, n) < 0)
    return NULL;
  Py_DECREF(n);
  Py_RETURN_NONE;
}

static PyMethodDef Counter_methods[] = {
    {"tick", (PyCFunction)Counter_tick, METH_NOARGS, NULL}, {NULL}};

static PyTypeObject CounterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Counter",
    .tp_basicsize = sizeof(CounterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Counter_init,
    .tp_methods = Counter_methods,
};

// Silent: the values put into the dict come from a call the model does not
// know (a lookup result): "don't know", not "any object".
typedef struct {
  PyObject_HEAD
  PyObject *memo;
} MemoObject;

static int Memo_init(MemoObject *self, PyObject *args, PyObject *kwds) {
  Py_XSETREF(self->memo, PyDict_New());
  return 0;
}

static PyObject *Memo_remember(MemoObject *self, PyObject *unused) {
  PyObject *value = PyImport_ImportModule("sys");
  if (!value || PyDict_SetItemString(self->memo, "sys", value) < 0)
    return NULL;
  Py_DECREF(value);
  Py_RETURN_NONE;
}

static PyMethodDef Memo_methods[] = {
    {"remember", (PyCFunction)Memo_remember, METH_NOARGS, NULL}, {NULL}};

static PyTypeObject MemoType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Memo",
    .tp_basicsize = sizeof(MemoObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Memo_init,
    .tp_methods = Memo_methods,
};

// Silent: PyObject_SetItem on a member that is not known to hold a
// container the program made (it holds whatever an unknown call returned,
// which may not keep what it is given). (An attribute of the caller's
// object would be the caller's choice: see python-precision/
// fills-and-lookups.c.)
typedef struct {
  PyObject_HEAD
  PyObject *sink;
} ForwarderObject;

PyObject *forwarder_find_sink(void);

static int Forwarder_init(ForwarderObject *self, PyObject *args, PyObject *kwds) {
  Py_XSETREF(self->sink, forwarder_find_sink());
  return 0;
}

static PyObject *Forwarder_put(ForwarderObject *self, PyObject *item) {
  if (PyObject_SetItem(self->sink, item, item) < 0)
    return NULL;
  Py_RETURN_NONE;
}

static PyMethodDef Forwarder_methods[] = {
    {"put", (PyCFunction)Forwarder_put, METH_O, NULL}, {NULL}};

static PyTypeObject ForwarderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Forwarder",
    .tp_basicsize = sizeof(ForwarderObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Forwarder_init,
    .tp_methods = Forwarder_methods,
};
