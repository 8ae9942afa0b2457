// RUN: %verify --cflags="-I%python_include" %s
// A member set only after an exact type test for str, bytes or int holds an
// object that refers to nothing: no subclass, so no __dict__. Non-exact
// tests (PyUnicode_Check, the "U" format unit, "O!" with a type Python code
// can subclass) admit subclass instances, which can refer to anything.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *buf;
  PyObject *label;
} ExactObject;

static int Exact_init(ExactObject *self, PyObject *args, PyObject *kwds) {
  PyObject *initvalue = NULL, *label = NULL;
  if (!PyArg_ParseTuple(args, "OO", &initvalue, &label))
    return -1;
  if (PyBytes_CheckExact(initvalue)) {
    Py_INCREF(initvalue);
    Py_XSETREF(self->buf, initvalue);
  }
  if (PyUnicode_CheckExact(label) && PyUnicode_GET_LENGTH(label) > 0)
    self->label = Py_NewRef(label);
  return 0;
}

static PyTypeObject ExactType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "guard.Exact",
    .tp_basicsize = sizeof(ExactObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_init = (initproc)Exact_init,
    .tp_new = PyType_GenericNew,
};

// Look-alike: the tests admit subclasses of str and timedelta-like types.
typedef struct {
  PyObject_HEAD
  PyObject *name; // expected-warning {{'LooseObject::name' can close a reference cycle that is never freed (LooseObject -> LooseObject): type 'LooseType' (guard.Loose) does not take part in the cycle collector; set Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear (and 2 other members of the type, see notes)}}
  PyObject *text;   // expected-note {{'LooseObject::text' can also close a reference cycle that is never freed (LooseObject -> LooseObject)}}
  PyObject *offset; // expected-note {{'LooseObject::offset' can also close a reference cycle that is never freed (LooseObject -> LooseObject)}}
} LooseObject;

static int Loose_init(LooseObject *self, PyObject *args, PyObject *kwds) {
  PyObject *name = NULL, *text = NULL, *offset = NULL;
  if (!PyArg_ParseTuple(args, "UOO!", &name, &text, &PyFloat_Type, &offset))
    return -1;
  self->name = Py_NewRef(name); // expected-note {{'LooseObject::name' is set in 'Loose_init' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  if (PyUnicode_Check(text))
    self->text = Py_NewRef(text); // expected-note {{'LooseObject::text' is set in 'Loose_init' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  self->offset = Py_NewRef(offset); // expected-note {{'LooseObject::offset' is set in 'Loose_init' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  return 0;
}

static PyTypeObject LooseType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "guard.Loose",
    .tp_basicsize = sizeof(LooseObject),
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'LooseType' (guard.Loose) does not set Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances}}
    .tp_init = (initproc)Loose_init,
    .tp_new = PyType_GenericNew,
};
