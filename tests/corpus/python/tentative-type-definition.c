// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--check-option=python-reference-cycle.CollectorNotes=1 %s
// C code often declares its static type objects before the functions that
// use them (`static PyTypeObject Foo_Type;`, a tentative definition) and
// initializes them further down. The initialized definition is the type;
// the forward declaration must not hide its flags, slots and struct.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
  PyObject_HEAD
  PyObject *hook; // expected-warning {{'ListenerObject::hook' can close a reference cycle that is never freed (ListenerObject -> ListenerObject): type 'Listener_Type' (corpus.Listener) does not take part in the cycle collector}}
} ListenerObject;

typedef struct {
  PyObject_HEAD
  PyObject *source; // expected-note {{'LinkObject::source' can close a reference cycle that only the cycle collector frees (LinkObject -> LinkObject)}}
  PyObject *target; // expected-warning {{'LinkObject::target' is not visited by tp_traverse 'Link_traverse' of type 'Link_Type' (corpus.Link): a reference cycle through it is never freed}}
} LinkObject;

static PyTypeObject Listener_Type;
PyTypeObject Link_Type; // extern linkage: also a tentative definition
PyTypeObject Link_Type;

static PyMemberDef Listener_members[] = {
    {"hook", T_OBJECT_EX, offsetof(ListenerObject, hook), 0, NULL}, // expected-note {{'ListenerObject::hook' is writable from Python as attribute 'hook' (Listener_members)}}
    {NULL}};

static int Link_init(LinkObject *self, PyObject *args, PyObject *kwds) {
  PyObject *source, *target;
  if (!PyArg_ParseTuple(args, "OO", &source, &target))
    return -1;
  Py_XSETREF(self->source, Py_NewRef(source)); // expected-note {{'LinkObject::source' is set in 'Link_init' from an argument parsed by PyArg_ParseTuple}}
  Py_XSETREF(self->target, Py_NewRef(target)); // expected-note {{'LinkObject::target' is set in 'Link_init' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  return 0;
}

static int Link_traverse(LinkObject *self, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Link_traverse' is defined here}} expected-note {{tp_traverse 'Link_traverse' visits 'LinkObject::source'}}
  Py_VISIT(self->source);
  return 0;
}

static int Link_clear(LinkObject *self) {
  Py_CLEAR(self->source);
  Py_CLEAR(self->target);
  return 0;
}

static PyObject *make_listener(PyObject *module, PyObject *unused) {
  return PyObject_CallNoArgs((PyObject *)&Listener_Type);
}

static PyTypeObject Listener_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "corpus.Listener",        /* tp_name */
    sizeof(ListenerObject),   /* tp_basicsize */
    0,                        /* tp_itemsize */
    0,                        /* tp_dealloc */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    Py_TPFLAGS_DEFAULT,       /* tp_flags */ // expected-note {{type 'Listener_Type' (corpus.Listener) does not set Py_TPFLAGS_HAVE_GC}}
    0,                        /* tp_doc */
    0,                        /* tp_traverse */
    0,                        /* tp_clear */
    0, 0, 0, 0,
    0,                        /* tp_methods */
    Listener_members,         /* tp_members */
};

PyTypeObject Link_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Link",
    .tp_basicsize = sizeof(LinkObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Link_traverse,
    .tp_clear = (inquiry)Link_clear,
    .tp_init = (initproc)Link_init,
    .tp_new = PyType_GenericNew,
};
