/* Runtime truth, the fixed shape: the callback lives in a member the
 * traverse visits, and the library gets the object as a borrowed pointer.
 * `c.set_callback(c.ping)` is a cycle the collector sees and frees. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <clib.h>

static long deallocs = 0;

typedef struct {
  PyObject_HEAD
  clib_handle *h;
  PyObject *callback;
} ConnObject;

static PyObject *Conn_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
  ConnObject *self = (ConnObject *)type->tp_alloc(type, 0);
  if (self && !(self->h = clib_open())) {
    Py_DECREF(self);
    return PyErr_NoMemory();
  }
  return (PyObject *)self;
}

static PyObject *Conn_set_callback(ConnObject *self, PyObject *cb) {
  Py_XSETREF(self->callback, Py_NewRef(cb));
  clib_set_userptr(self->h, self);
  Py_RETURN_NONE;
}

static PyObject *Conn_ping(ConnObject *self, PyObject *unused) {
  Py_RETURN_NONE;
}

static int Conn_traverse(ConnObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->callback);
  return 0;
}

static int Conn_clear(ConnObject *self) {
  Py_CLEAR(self->callback);
  return 0;
}

static void Conn_dealloc(ConnObject *self) {
  PyObject_GC_UnTrack(self);
  Conn_clear(self);
  clib_close(self->h);
  deallocs++;
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Conn_methods[] = {
    {"set_callback", (PyCFunction)Conn_set_callback, METH_O, NULL},
    {"ping", (PyCFunction)Conn_ping, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ConnType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "conn_userdata_ok.Conn",
    .tp_basicsize = sizeof(ConnObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = Conn_new,
    .tp_traverse = (traverseproc)Conn_traverse,
    .tp_clear = (inquiry)Conn_clear,
    .tp_dealloc = (destructor)Conn_dealloc,
    .tp_methods = Conn_methods,
};

static PyObject *dealloc_count(PyObject *m, PyObject *unused) {
  return PyLong_FromLong(deallocs);
}

static PyMethodDef module_methods[] = {
    {"dealloc_count", dealloc_count, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef conn_module = {
    PyModuleDef_HEAD_INIT, "conn_userdata_ok", NULL, -1, module_methods,
};

PyMODINIT_FUNC PyInit_conn_userdata_ok(void) {
  if (PyType_Ready(&ConnType) < 0)
    return NULL;
  PyObject *m = PyModule_Create(&conn_module);
  if (m && PyModule_AddObjectRef(m, "Conn", (PyObject *)&ConnType) < 0)
    Py_CLEAR(m);
  return m;
}
