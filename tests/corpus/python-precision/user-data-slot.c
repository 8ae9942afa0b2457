// RUN: %verify --cflags="-I%python_include -isystem %S/Inputs/clib" %s
// An object that gives a C library a new reference to a caller's object as
// the user data of a handle it keeps (`clib_set_callback(self->h, fn,
// Py_NewRef(cb))`) holds that object through the library, where no
// tp_traverse can visit it: the collector sees one reference it cannot
// explain, takes the object for referenced from outside, and a cycle back
// to the owner (`cb` is a bound method of something holding the owner) is
// never freed, with or without GC support. Look-alikes stay silent: the
// owner itself as a borrowed pointer, a borrowed reference, a new
// reference to something the program made, a library call given no handle
// of the object, and a traverse that visits the library's user data.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <clib.h>

typedef struct {
  PyObject_HEAD
  clib_handle *h;
  PyObject *on_event;
} ConnObject;

static void Conn_trampoline(void *user_data, int event) {
  PyObject *r = PyObject_CallFunction((PyObject *)user_data, "i", event);
  Py_XDECREF(r);
}

static PyObject *Conn_set_callback(ConnObject *self, PyObject *cb) {
  clib_set_callback(self->h, Conn_trampoline, Py_NewRef(cb)); // expected-warning {{'Conn_set_callback' gives clib_set_callback a new reference to its parameter 'cb' as user data of 'ConnObject::h': no tp_traverse visits a reference the C library keeps, so a reference cycle back to the ConnObject through that object is never freed; keep the object in a member the type visits and give the library a borrowed pointer}}
  Py_RETURN_NONE;
}

static PyObject *Conn_set_context(ConnObject *self, PyObject *args) {
  PyObject *context;
  if (!PyArg_ParseTuple(args, "O", &context))
    return NULL;
  Py_INCREF(context);
  clib_set_userptr(self->h, context); // expected-warning {{'Conn_set_context' gives clib_set_userptr a new reference to an argument parsed by PyArg_ParseTuple as user data of 'ConnObject::h'}}
  Py_RETURN_NONE;
}

// Silent: the owner as a borrowed pointer (the callback lives in a member
// the traverse visits), a borrowed reference, a new reference to an object
// the program made, and a library call given no handle of the object.
static PyObject *Conn_set_event(ConnObject *self, PyObject *cb) {
  Py_XSETREF(self->on_event, Py_NewRef(cb));
  clib_set_callback(self->h, Conn_trampoline, self);
  clib_set_userptr(self->h, cb);
  clib_set_userptr(self->h, PyDict_New());
  clib_start_thread(NULL, Py_NewRef(cb));
  Py_RETURN_NONE;
}

static int Conn_traverse(ConnObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->on_event);
  return 0;
}

static int Conn_clear(ConnObject *self) {
  Py_CLEAR(self->on_event);
  return 0;
}

static void Conn_dealloc(ConnObject *self) {
  PyObject_GC_UnTrack(self);
  Conn_clear(self);
  clib_close(self->h);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Conn_methods[] = {
    {"set_callback", (PyCFunction)Conn_set_callback, METH_O, NULL},
    {"set_context", (PyCFunction)Conn_set_context, METH_VARARGS, NULL},
    {"set_event", (PyCFunction)Conn_set_event, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ConnType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "clibmod.Conn",
    .tp_basicsize = sizeof(ConnObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Conn_traverse,
    .tp_clear = (inquiry)Conn_clear,
    .tp_dealloc = (destructor)Conn_dealloc,
    .tp_methods = Conn_methods,
    .tp_new = PyType_GenericNew,
};

// Silent: the traverse visits what the library keeps, so the collector
// accounts for that reference.
typedef struct {
  PyObject_HEAD
  clib_handle *h;
} VisitedConnObject;

static PyObject *VisitedConn_set(VisitedConnObject *self, PyObject *cb) {
  clib_set_userptr(self->h, Py_NewRef(cb));
  Py_RETURN_NONE;
}

static int VisitedConn_traverse(VisitedConnObject *self, visitproc visit,
                                void *arg) {
  Py_VISIT((PyObject *)clib_get_userptr(self->h));
  return 0;
}

static PyMethodDef VisitedConn_methods[] = {
    {"set", (PyCFunction)VisitedConn_set, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject VisitedConnType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "clibmod.VisitedConn",
    .tp_basicsize = sizeof(VisitedConnObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)VisitedConn_traverse,
    .tp_methods = VisitedConn_methods,
    .tp_new = PyType_GenericNew,
};
