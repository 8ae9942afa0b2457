// RUN: %verify --cflags="-I%python_include" %s
// Types without Py_TPFLAGS_HAVE_GC whose object members can hold any object:
// writable through PyMemberDef, set by a setter, set from a call argument.
// Any cycle through them is never freed.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
  PyObject_HEAD
  PyObject *next; // expected-warning {{'NodeObject::next' can close a reference cycle that is never freed (NodeObject -> NodeObject): type 'NodeType' (corpus.Node) does not take part in the cycle collector}}
} NodeObject;

static void Node_dealloc(NodeObject *self) {
  Py_XDECREF(self->next);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef Node_members[] = {
    {"next", T_OBJECT_EX, offsetof(NodeObject, next), 0, NULL}, // expected-note {{'NodeObject::next' is writable from Python as attribute 'next' (Node_members)}}
    {NULL}};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_dealloc = (destructor)Node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, // expected-note {{type 'NodeType' (corpus.Node) does not set Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances}}
    .tp_new = PyType_GenericNew,
    .tp_members = Node_members,
};

// A callback stored from the constructor's arguments: it may be a bound
// method of the object itself.
typedef struct {
  PyObject_HEAD
  PyObject *callback; // expected-warning {{'TimerObject::callback' can close a reference cycle that is never freed}}
} TimerObject;

static int Timer_init(TimerObject *self, PyObject *args, PyObject *kwds) {
  PyObject *cb;
  if (!PyArg_ParseTuple(args, "O", &cb))
    return -1;
  Py_XSETREF(self->callback, Py_NewRef(cb)); // expected-note {{'TimerObject::callback' is set in 'Timer_init' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  return 0;
}

static PyTypeObject TimerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Timer",
    .tp_basicsize = sizeof(TimerObject),
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'TimerType' (corpus.Timer) does not set Py_TPFLAGS_HAVE_GC}}
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Timer_init,
};

// A getset setter.
typedef struct {
  PyObject_HEAD
  PyObject *owner; // expected-warning {{'HookObject::owner' can close a reference cycle that is never freed}}
} HookObject;

static PyObject *Hook_get_owner(HookObject *self, void *closure) {
  return Py_NewRef(self->owner ? self->owner : Py_None);
}

static int Hook_set_owner(HookObject *self, PyObject *value, void *closure) {
  Py_XSETREF(self->owner, Py_XNewRef(value)); // expected-note {{'HookObject::owner' is set by 'Hook_set_owner', the setter of attribute 'owner', to any object it is given}}
  return 0;
}

static PyGetSetDef Hook_getset[] = {
    {"owner", (getter)Hook_get_owner, (setter)Hook_set_owner, NULL, NULL},
    {NULL}};

static PyTypeObject HookType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Hook",
    .tp_basicsize = sizeof(HookObject),
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'HookType' (corpus.Hook) does not set Py_TPFLAGS_HAVE_GC}}
    .tp_new = PyType_GenericNew,
    .tp_getset = Hook_getset,
};

// Several members of one type without GC support, all set from arguments:
// one warning for the type (at the first member), a note for each other.
typedef struct {
  PyObject_HEAD
  PyObject *on_start; // expected-warning {{'HooksObject::on_start' can close a reference cycle that is never freed (HooksObject -> HooksObject): type 'HooksType' (corpus.Hooks) does not take part in the cycle collector; set Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear (and 2 other members of the type, see notes)}}
  PyObject *on_stop;  // expected-note {{'HooksObject::on_stop' can also close a reference cycle that is never freed (HooksObject -> HooksObject)}}
  PyObject *on_error; // expected-note {{'HooksObject::on_error' can also close a reference cycle that is never freed (HooksObject -> HooksObject)}}
} HooksObject;

static int Hooks_init(HooksObject *self, PyObject *args, PyObject *kwds) {
  PyObject *start, *stop, *error;
  if (!PyArg_ParseTuple(args, "OOO", &start, &stop, &error))
    return -1;
  Py_XSETREF(self->on_start, Py_NewRef(start)); // expected-note {{'HooksObject::on_start' is set in 'Hooks_init' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  Py_XSETREF(self->on_stop, Py_NewRef(stop));   // expected-note {{'HooksObject::on_stop' is set in 'Hooks_init' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  Py_XSETREF(self->on_error, Py_NewRef(error)); // expected-note {{'HooksObject::on_error' is set in 'Hooks_init' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  return 0;
}

static void Hooks_dealloc(HooksObject *self) {
  Py_XDECREF(self->on_start);
  Py_XDECREF(self->on_stop);
  Py_XDECREF(self->on_error);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject HooksType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Hooks",
    .tp_basicsize = sizeof(HooksObject),
    .tp_dealloc = (destructor)Hooks_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'HooksType' (corpus.Hooks) does not set Py_TPFLAGS_HAVE_GC}}
    .tp_init = (initproc)Hooks_init,
    .tp_new = PyType_GenericNew,
};
