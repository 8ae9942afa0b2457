// RUN: %verify --cflags="-I%python_include" %s
// expected-no-diagnostics
// Types without GC support whose members cannot close a cycle, or about
// which the model cannot tell: all silent.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

// Members that only ever hold NULL, str, numbers or None: not cycle
// material, and read-only from Python.
typedef struct {
  PyObject_HEAD
  PyObject *name;     // an exact str ("U" alone admits subclasses)
  PyObject *label;    // PyUnicode_FromString
  PyObject *count;    // PyLong_FromLong, or None
  PyObject *weakreflist; // a weak-reference list: borrowed
} PointObject;

static int Point_init(PointObject *self, PyObject *args, PyObject *kwds) {
  PyObject *name = NULL;
  long n = 0;
  if (!PyArg_ParseTuple(args, "U|l", &name, &n))
    return -1;
  if (PyUnicode_CheckExact(name))
    Py_XSETREF(self->name, Py_NewRef(name));
  Py_XSETREF(self->label, PyUnicode_FromString("point"));
  self->count = n ? PyLong_FromLong(n) : Py_NewRef(Py_None);
  return 0;
}

static PyMemberDef Point_members[] = {
    {"name", T_OBJECT, offsetof(PointObject, name), READONLY, NULL},
    {"count", T_OBJECT, offsetof(PointObject, count), READONLY, NULL},
    {NULL}};

static PyTypeObject PointType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Point",
    .tp_basicsize = sizeof(PointObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Point_init,
    .tp_members = Point_members,
    .tp_weaklistoffset = offsetof(PointObject, weakreflist),
};

// The value comes from a call the model does not know: it cannot tell what
// the member holds, so it says nothing.
typedef struct {
  PyObject_HEAD
  PyObject *cache;
} CacheObject;

static int Cache_init(CacheObject *self, PyObject *args, PyObject *kwds) {
  self->cache = PyObject_GetAttrString((PyObject *)self, "defaults");
  return self->cache ? 0 : -1;
}

static PyTypeObject CacheType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Cache",
    .tp_basicsize = sizeof(CacheObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Cache_init,
};

// Module state is not an object: m_traverse is a different protocol.
typedef struct {
  PyObject *error;
  PyTypeObject *point_type;
} module_state;

static int set_error(PyObject *module, PyObject *error) {
  module_state *state = (module_state *)PyModule_GetState(module);
  state->error = Py_NewRef(error);
  return 0;
}

// A heap type whose slots (its base) are filled in at run time, as in
// CPython's xxlimited template: its GC support is unknown until then.
typedef struct {
  PyObject_HEAD
  PyObject *attrs;
} StrObject;

static int Str_init(StrObject *self, PyObject *args, PyObject *kwds) {
  PyObject *attrs;
  if (!PyArg_ParseTuple(args, "O", &attrs))
    return -1;
  Py_XSETREF(self->attrs, Py_NewRef(attrs));
  return 0;
}

static PyType_Slot Str_slots[] = {
    {Py_tp_base, NULL}, /* filled out in module init */
    {Py_tp_init, Str_init},
    {0, 0}};

static PyType_Spec Str_spec = {"corpus.Str", sizeof(StrObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
                               Str_slots};

PyObject *make_str_type(PyObject *base) {
  Str_slots[0].pfunc = base;
  return PyType_FromSpec(&Str_spec);
}
