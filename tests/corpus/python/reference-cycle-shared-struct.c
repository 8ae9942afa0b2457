// RUN: %verify --cflags="-I%python_include" %s
// Two types declared with one struct (mrab-regex declares Capture_Type with
// tp_basicsize = sizeof(MatchObject)): the warning names the type the
// struct is named after (Match_Type, tp_name "shared.Match"), whichever is
// declared first.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *pattern; // expected-warning {{'MatchObject::pattern' can close a reference cycle that is never freed (MatchObject -> MatchObject): type 'Match_Type' (shared.Match) does not take part in the cycle collector; set Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear}}
} MatchObject;

static void Match_dealloc(MatchObject *self) {
  Py_XDECREF(self->pattern);
  PyObject_Free(self);
}

static PyObject *Match_pattern(MatchObject *self, PyObject *unused) {
  return Py_NewRef(self->pattern ? self->pattern : Py_None);
}

static PyMethodDef Match_methods[] = {
    {"pattern", (PyCFunction)Match_pattern, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Capture_Type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "shared.Capture",
    .tp_basicsize = sizeof(MatchObject),
    .tp_dealloc = (destructor)Match_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = Match_methods,
};

static PyTypeObject Match_Type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "shared.Match",
    .tp_basicsize = sizeof(MatchObject),
    .tp_dealloc = (destructor)Match_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'Match_Type' (shared.Match) does not set Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances}}
    .tp_methods = Match_methods,
};

static PyObject *new_match(PyObject *module, PyObject *pattern) {
  MatchObject *m = PyObject_New(MatchObject, &Match_Type);
  if (!m)
    return NULL;
  m->pattern = Py_NewRef(pattern); // expected-note {{'MatchObject::pattern' is set in 'new_match' from its parameter 'pattern', which can be any object}}
  return (PyObject *)m;
}

static PyObject *new_capture(PyObject *module, PyObject *unused) {
  return (PyObject *)PyObject_New(MatchObject, &Capture_Type);
}

static PyMethodDef shared_methods[] = {
    {"match", new_match, METH_O, NULL},
    {"capture", new_capture, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef shared_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "shared",
    .m_methods = shared_methods,
};

PyMODINIT_FUNC PyInit_shared(void) { return PyModule_Create(&shared_module); }
