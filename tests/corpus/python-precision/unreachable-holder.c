// RUN: %verify --cflags="-I%python_include" %s
// Objects Python code can neither make nor use: a type with nothing but
// the runtime's bookkeeping (tp_dealloc, default attribute access), no
// tp_new and no base, made by C code and kept in a C static or handed to
// C code for one call (asyncio's running-loop holder, ctypes' StructParam,
// pickle's stack). Whether one is in a cycle Python code makes is unknown:
// not reported. Look-alike: the same holder with a repr and a read-only
// member, as ctypes' `byref()` result: Python code holds it, and
// `s.ref = byref(s)` is never freed.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
  PyObject_HEAD
  PyObject *rl_loop;
} HolderObject;

static void Holder_dealloc(HolderObject *self) {
  Py_CLEAR(self->rl_loop);
  PyObject_Free(self);
}

static PyTypeObject HolderType = {
    PyVarObject_HEAD_INIT(NULL, 0) "_RunningLoopHolder",
    sizeof(HolderObject),
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)Holder_dealloc,
};

static PyObject *cached_holder;

static PyObject *new_holder(PyObject *loop) {
  HolderObject *rl = PyObject_New(HolderObject, &HolderType);
  if (rl == NULL)
    return NULL;
  rl->rl_loop = Py_NewRef(loop);
  Py_XSETREF(cached_holder, (PyObject *)rl);
  return Py_NewRef(cached_holder);
}

// Look-alike: Python code gets these objects and can store them anywhere.
typedef struct {
  PyObject_HEAD
  PyObject *obj; // expected-warning {{'ArgObject::obj' can close a reference cycle that is never freed (ArgObject -> ArgObject): type 'ArgType' (CArgObject) does not take part in the cycle collector; set Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear}}
} ArgObject;

static void Arg_dealloc(ArgObject *self) {
  Py_XDECREF(self->obj);
  PyObject_Free(self);
}

static PyObject *Arg_repr(ArgObject *self) {
  return PyUnicode_FromString("<cparam>");
}

static PyMemberDef Arg_members[] = {
    {"_obj", T_OBJECT, offsetof(ArgObject, obj), READONLY, NULL}, {NULL}};

static PyTypeObject ArgType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "CArgObject",
    .tp_basicsize = sizeof(ArgObject),
    .tp_dealloc = (destructor)Arg_dealloc,
    .tp_repr = (reprfunc)Arg_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'ArgType' (CArgObject) does not set Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances}}
    .tp_members = Arg_members,
};

static PyObject *byref(PyObject *module, PyObject *obj) {
  ArgObject *parg = PyObject_New(ArgObject, &ArgType);
  if (parg == NULL)
    return NULL;
  parg->obj = Py_NewRef(obj); // expected-note {{'ArgObject::obj' is set in 'byref' from its parameter 'obj', which can be any object}}
  return (PyObject *)parg;
}
