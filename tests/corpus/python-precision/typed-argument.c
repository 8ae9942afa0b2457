// RUN: %verify --cflags="-I%python_include" %s
// A parameter declared as a pointer to an object struct (`WindowObject
// *win`, checked by an "O!" of another module's type) can only hold what
// that struct and its type allow. When the struct has no object member and
// no translation unit defines its type (it comes from another extension's
// capsule), what it can hold is unknown: silent, like curses' panels
// keeping their window. A struct with no object member whose type is in
// view and closed (not Py_TPFLAGS_BASETYPE, no dict, no larger struct
// extends it) holds nothing: silent too. Look-alikes are reported: the same
// store of a struct with an object member, of a struct whose type is in
// view and can be subclassed (a subclass instance has a __dict__), and of a
// closed struct that a larger struct of the program extends.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/// Another module's object, reached through its capsule: only the struct
/// is in view.
typedef struct {
  PyObject_HEAD
  FILE *handle;
  char *encoding;
} WindowObject;
extern PyTypeObject *ImportedWindowType;

/// Another module's object with a member.
typedef struct {
  PyObject_HEAD
  PyObject *userdata;
} ScreenObject;

/// This module's own subclassable object without members.
typedef struct {
  PyObject_HEAD
  long value;
} TokenObject;

static PyTypeObject TokenType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "typed.Token",
    .tp_basicsize = sizeof(TokenObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = PyType_GenericNew,
};

/// This module's own closed object without members: holds nothing.
typedef struct {
  PyObject_HEAD
  unsigned long long serial;
} SealObject;

static PyTypeObject SealType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "typed.Seal",
    .tp_basicsize = sizeof(SealObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

/// Closed and member-less too, but a larger struct extends it: a
/// `BadgeObject *` may point at a LabelledBadgeObject.
typedef struct {
  PyObject_HEAD
  int level;
} BadgeObject;

typedef struct {
  BadgeObject base;
  PyObject *label;
} LabelledBadgeObject;

static PyTypeObject BadgeType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "typed.Badge",
    .tp_basicsize = sizeof(BadgeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

static PyTypeObject LabelledBadgeType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "typed.LabelledBadge",
    .tp_basicsize = sizeof(LabelledBadgeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_base = &BadgeType,
};

typedef struct {
  PyObject_HEAD
  WindowObject *window;
  ScreenObject *screen; // expected-warning {{'PanelObject::screen' can close a reference cycle that is never freed (PanelObject -> PanelObject): type 'PanelType' (typed.Panel) does not take part in the cycle collector; set Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear (and 2 other members of the type, see notes)}}
  TokenObject *token;   // expected-note {{'PanelObject::token' can also close a reference cycle that is never freed (PanelObject -> PanelObject)}}
  SealObject *seal;
  BadgeObject *badge;   // expected-note {{'PanelObject::badge' can also close a reference cycle that is never freed (PanelObject -> PanelObject)}}
} PanelObject;

static PyObject *make_panel(PyTypeObject *type, WindowObject *win,
                            ScreenObject *screen, TokenObject *token,
                            SealObject *seal, BadgeObject *badge) {
  PanelObject *po = PyObject_New(PanelObject, type);
  if (!po)
    return NULL;
  Py_INCREF(win);
  po->window = win;
  Py_INCREF(screen);
  po->screen = screen; // expected-note {{'PanelObject::screen' is set in 'make_panel' from its parameter 'screen', which can be any object}}
  Py_INCREF(token);
  po->token = token; // expected-note {{'PanelObject::token' is set in 'make_panel' from its parameter 'token', which can be any object}}
  Py_INCREF(seal);
  po->seal = seal;
  Py_INCREF(badge);
  po->badge = badge; // expected-note {{'PanelObject::badge' is set in 'make_panel' from its parameter 'badge', which can be any object}}
  return (PyObject *)po;
}

static void Panel_dealloc(PanelObject *self) {
  Py_XDECREF(self->window);
  Py_XDECREF(self->screen);
  Py_XDECREF(self->token);
  Py_XDECREF(self->seal);
  Py_XDECREF(self->badge);
  PyObject_Free(self);
}

static PyObject *Panel_window(PanelObject *self, PyObject *unused) {
  return Py_NewRef((PyObject *)self->window);
}

static PyMethodDef Panel_methods[] = {
    {"window", (PyCFunction)Panel_window, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject PanelType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "typed.Panel",
    .tp_basicsize = sizeof(PanelObject),
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'PanelType' (typed.Panel) does not set Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances}}
    .tp_dealloc = (destructor)Panel_dealloc,
    .tp_methods = Panel_methods,
};

static PyObject *new_panel(PyObject *module, PyObject *args) {
  PyObject *win, *screen, *token, *seal, *badge;
  if (!PyArg_ParseTuple(args, "O!OO!O!O!", ImportedWindowType, &win, &screen,
                        &TokenType, &token, &SealType, &seal, &BadgeType,
                        &badge))
    return NULL;
  return make_panel(&PanelType, (WindowObject *)win, (ScreenObject *)screen,
                    (TokenObject *)token, (SealObject *)seal,
                    (BadgeObject *)badge);
}

static PyMethodDef typed_methods[] = {
    {"new_panel", new_panel, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef typed_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "typed",
    .m_methods = typed_methods,
};

PyMODINIT_FUNC PyInit_typed(void) { return PyModule_Create(&typed_module); }
