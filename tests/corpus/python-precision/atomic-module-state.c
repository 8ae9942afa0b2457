// RUN: %verify --cflags="-I%python_include" %s
// Module state members that cannot take part in a cycle: interned strings,
// numbers, None, and what a static type of the runtime owns (`int.__abs__`).
// Visiting them is allowed, not needed, so leaving them out of m_traverse
// leaks nothing. A member set from an argument or from an attribute of a
// module-made object still must be visited.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

// Only atomic members and no m_traverse at all: nothing to report.
typedef struct {
  PyObject *str_insert;
  PyObject *zero;
  PyObject *none;
  PyObject *long_abs;
  PyObject *type_abs;
} atomic_state;

static int atomic_exec(PyObject *module) {
  atomic_state *state = (atomic_state *)PyModule_GetState(module);
  state->str_insert = PyUnicode_InternFromString("insert");
  PyObject *tmp = PyLong_FromLong(0);
  state->zero = tmp;
  state->none = Py_NewRef(Py_None);
  state->long_abs = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__abs__");
  PyObject *longval = PyLong_FromLong(0);
  PyObject *longtype = PyObject_Type(longval);
  state->type_abs = PyObject_GetAttrString(longtype, "__abs__");
  return 0;
}

static PyModuleDef_Slot atomic_slots[] = {{Py_mod_exec, atomic_exec}, {0, NULL}};

static struct PyModuleDef atomic_module = {
    PyModuleDef_HEAD_INIT, .m_name = "atomic", .m_size = sizeof(atomic_state),
    .m_slots = atomic_slots};

// Look-alike: the same strings beside a hook the caller chooses, and an
// attribute read from an object the module did not make.
typedef struct {
  PyObject *str_write;
  PyObject *hook;    // expected-note {{'mixed_state::hook' holds an object}}
  PyObject *handler; // expected-note {{'mixed_state::handler' holds an object}}
} mixed_state;

static PyObject *set_hook(PyObject *module, PyObject *hook) {
  mixed_state *state = (mixed_state *)PyModule_GetState(module);
  state->str_write = PyUnicode_InternFromString("write");
  Py_XSETREF(state->hook, Py_NewRef(hook));
  state->handler = PyObject_GetAttrString(hook, "handler");
  Py_RETURN_NONE;
}

static struct PyModuleDef mixed_module = { // expected-warning {{module 'mixed_module' (mixed) keeps objects in its state 'mixed_state' but has no m_traverse and no m_clear: the cycle collector cannot see them, and a reference cycle through the state (module -> type -> module) is never freed}}
    PyModuleDef_HEAD_INIT, .m_name = "mixed", .m_size = sizeof(mixed_state)};
