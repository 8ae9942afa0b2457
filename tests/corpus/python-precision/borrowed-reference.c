// RUN: %verify --cflags="-I%python_include" %s
// A borrowed reference (stored without a reference of its own, released
// nowhere) does not count in the object's reference count, so it closes no
// reference cycle: not visiting it is right. The evidence is in the code: a
// parameter, a parsed "O", a global or a borrowed API result stored with no
// Py_INCREF, and no Py_DECREF/Py_CLEAR of the member anywhere. Look-alikes
// take a reference (Py_INCREF, Py_NewRef) or release the member somewhere:
// those members own what they hold.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

// Silent: a cursor that points back at its connection without owning it
// (the connection outlives its cursors and clears them itself).
typedef struct {
  PyObject_HEAD
  PyObject *connection; /* borrowed */
  PyObject *parent_dict; /* borrowed, from PyModule_GetDict */
} CursorObject;

static int Cursor_init(CursorObject *self, PyObject *args, PyObject *kwds) {
  PyObject *connection = NULL, *module = NULL;
  if (!PyArg_ParseTuple(args, "OO", &connection, &module))
    return -1;
  self->connection = connection;
  self->parent_dict = PyModule_GetDict(module);
  return 0;
}

static void Cursor_dealloc(CursorObject *self) {
  self->connection = NULL;
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject CursorType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "borrow.Cursor",
    .tp_basicsize = sizeof(CursorObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_init = (initproc)Cursor_init,
    .tp_dealloc = (destructor)Cursor_dealloc,
    .tp_new = PyType_GenericNew,
};

// Look-alike: the same cursor taking a reference (Py_INCREF of the local)
// and releasing it in its dealloc owns the connection: a cycle through it
// is never freed.
typedef struct {
  PyObject_HEAD
  PyObject *connection; // expected-warning {{'OwningCursorObject::connection' can close a reference cycle that is never freed (OwningCursorObject -> OwningCursorObject): type 'OwningCursorType' (borrow.OwningCursor) does not take part in the cycle collector; set Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear (and 1 other member of the type, see notes)}}
  PyObject *hook; // expected-note {{'OwningCursorObject::hook' can also close a reference cycle that is never freed (OwningCursorObject -> OwningCursorObject)}}
} OwningCursorObject;

static int OwningCursor_init(OwningCursorObject *self, PyObject *args,
                             PyObject *kwds) {
  PyObject *connection = NULL;
  if (!PyArg_ParseTuple(args, "O", &connection))
    return -1;
  Py_INCREF(connection);
  self->connection = connection; // expected-note {{'OwningCursorObject::connection' is set in 'OwningCursor_init' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  return 0;
}

// Stored without a reference, but released by the setter: the type owns
// it (a borrowed store here would be a refcount bug, not a borrow).
static PyObject *OwningCursor_set_hook(OwningCursorObject *self,
                                       PyObject *hook) {
  Py_XDECREF(self->hook);
  self->hook = hook; // expected-note {{'OwningCursorObject::hook' is set in 'OwningCursor_set_hook' from its parameter 'hook', which can be any object}}
  Py_INCREF(self->hook);
  Py_RETURN_NONE;
}

static void OwningCursor_dealloc(OwningCursorObject *self) {
  Py_XDECREF(self->connection);
  Py_XDECREF(self->hook);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef OwningCursor_methods[] = {
    {"set_hook", (PyCFunction)OwningCursor_set_hook, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject OwningCursorType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "borrow.OwningCursor",
    .tp_basicsize = sizeof(OwningCursorObject),
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'OwningCursorType' (borrow.OwningCursor) does not set Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances}}
    .tp_init = (initproc)OwningCursor_init,
    .tp_dealloc = (destructor)OwningCursor_dealloc,
    .tp_methods = OwningCursor_methods,
    .tp_new = PyType_GenericNew,
};

// State shared by every interpreter, owned by the process (signal-style).
typedef struct {
  PyObject *default_handler;
  PyObject *ignore_handler;
  PyObject *installed;
} shared_state_t;
static shared_state_t shared_state;

// Module state: borrowed references (the builtins dict, the module's own
// dict, an exception type of the runtime, objects the process-wide state
// owns) need no visit; an owned callback does.
typedef struct {
  PyObject *default_handler; /* borrowed, from shared_state */
  PyObject *ignore_handler;  /* borrowed, from shared_state */
  PyObject *installed; // expected-warning {{'borrow_state::installed' is not visited by m_traverse 'borrow_traverse' of module 'borrow_module' (borrow): a reference cycle through it is never freed}}
  PyObject *builtins;    /* borrowed */
  PyObject *module_dict; /* borrowed */
  PyObject *error_type;  /* borrowed: PyExc_ValueError */
  PyObject *callback; // expected-warning {{'borrow_state::callback' is not visited by m_traverse 'borrow_traverse' of module 'borrow_module' (borrow): a reference cycle through it is never freed}}
  PyObject *hook; // expected-warning {{'borrow_state::hook' is not visited by m_traverse 'borrow_traverse' of module 'borrow_module' (borrow): a reference cycle through it is never freed}}
  PyObject *error;
} borrow_state;

static int borrow_traverse(PyObject *module, visitproc visit, void *arg) { // expected-note 3 {{m_traverse 'borrow_traverse' is defined here}}
  borrow_state *st = (borrow_state *)PyModule_GetState(module);
  Py_VISIT(st->error);
  return 0;
}

static int borrow_clear(PyObject *module) {
  borrow_state *st = (borrow_state *)PyModule_GetState(module);
  Py_CLEAR(st->error);
  Py_CLEAR(st->hook);
  Py_CLEAR(st->installed);
  return 0;
}

static PyObject *borrow_set_callback(PyObject *module, PyObject *callback) {
  borrow_state *st = (borrow_state *)PyModule_GetState(module);
  // Look-alike: a new reference, so the state owns the callback.
  Py_XSETREF(st->callback, Py_NewRef(callback));
  Py_RETURN_NONE;
}

static PyObject *borrow_set_hook(PyObject *module, PyObject *hook) {
  borrow_state *st = (borrow_state *)PyModule_GetState(module);
  // Look-alike: stored as is, but m_clear releases it: owned.
  st->hook = hook;
  Py_RETURN_NONE;
}

static int borrow_exec(PyObject *module) {
  borrow_state *st = (borrow_state *)PyModule_GetState(module);
  st->builtins = PyEval_GetBuiltins();
  st->module_dict = PyModule_GetDict(module);
  st->error_type = PyExc_ValueError;
  shared_state_t *shared = &shared_state;
  st->default_handler = shared->default_handler;
  st->ignore_handler = shared_state.ignore_handler;
  // Look-alike: a new reference of the module's own.
  st->installed = Py_NewRef(shared->installed);
  st->error = PyErr_NewException("borrow.Error", NULL, NULL);
  return st->error ? 0 : -1;
}

static PyMethodDef borrow_methods[] = {
    {"set_callback", borrow_set_callback, METH_O, NULL},
    {"set_hook", borrow_set_hook, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot borrow_slots[] = {
    {Py_mod_exec, borrow_exec},
    {0, NULL},
};

static struct PyModuleDef borrow_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "borrow",
    .m_size = sizeof(borrow_state),
    .m_methods = borrow_methods,
    .m_slots = borrow_slots,
    .m_traverse = borrow_traverse,
    .m_clear = borrow_clear,
};
