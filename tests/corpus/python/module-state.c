// RUN: %verify --cflags="-I%python_include" %s
// Modules with per-module state (m_size > 0) that holds objects: m_traverse
// must visit every object of the state, m_clear clear what m_traverse visits.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

// m_traverse forgets one member, m_clear another.
typedef struct {
  PyObject *error;
  PyTypeObject *NodeType; // expected-warning {{'leaky_state::NodeType' is visited by m_traverse 'leaky_traverse' but not cleared by m_clear 'leaky_clear' of module 'leaky_module' (leaky): the collector cannot break a reference cycle through it}}
  PyObject *callbacks; // expected-warning {{'leaky_state::callbacks' is not visited by m_traverse 'leaky_traverse' of module 'leaky_module' (leaky): a reference cycle through it is never freed}}
  // Loaded like its siblings, then visited and cleared nowhere.
  PyObject *Int64; // expected-warning {{'leaky_state::Int64' is not visited by m_traverse 'leaky_traverse' of module 'leaky_module' (leaky): a reference cycle through it is never freed}}
  int counter;
} leaky_state;

static inline leaky_state *get_leaky_state(PyObject *module) {
  void *state = PyModule_GetState(module);
  return (leaky_state *)state;
}

static int leaky_traverse(PyObject *module, visitproc visit, void *arg) { // expected-note 2 {{m_traverse 'leaky_traverse' is defined here}}
  leaky_state *state = get_leaky_state(module);
  Py_VISIT(state->error);
  Py_VISIT(state->NodeType);
  return 0;
}

static int leaky_clear(PyObject *module) { // expected-note {{m_clear 'leaky_clear' is defined here}}
  leaky_state *state = get_leaky_state(module);
  Py_CLEAR(state->error);
  Py_CLEAR(state->callbacks);
  return 0;
}

static int load_class(PyObject **slot, const char *module, const char *name) {
  PyObject *m = PyImport_ImportModule(module);
  if (!m)
    return -1;
  *slot = PyObject_GetAttrString(m, name);
  Py_DECREF(m);
  return *slot ? 0 : -1;
}

static int leaky_exec(PyObject *module) {
  leaky_state *state = get_leaky_state(module);
  state->error = PyErr_NewException("leaky.Error", NULL, NULL);
  if (!state->error || load_class((PyObject **)&state->NodeType, "leaky_py", "Node") < 0 ||
      load_class(&state->Int64, "bson.int64", "Int64") < 0)
    return -1;
  return 0;
}

static PyModuleDef_Slot leaky_slots[] = {
    {Py_mod_exec, leaky_exec},
    {0, NULL},
};

static struct PyModuleDef leaky_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "leaky",
    .m_size = sizeof(leaky_state),
    .m_slots = leaky_slots,
    .m_traverse = leaky_traverse,
    .m_clear = leaky_clear,
};

// No m_traverse, no m_clear at all.
typedef struct {
  PyObject *Error;           // expected-note {{'bare_state::Error' holds an object}}
  PyObject *default_handler; // expected-note {{'bare_state::default_handler' holds an object}}
} bare_state;

static struct PyModuleDef bare_module = { // expected-warning {{module 'bare_module' (bare) keeps objects in its state 'bare_state' but has no m_traverse and no m_clear: the cycle collector cannot see them, and a reference cycle through the state (module -> type -> module) is never freed}}
    PyModuleDef_HEAD_INIT, "bare", NULL, sizeof(bare_state), NULL, NULL,
    NULL, NULL, NULL};

// m_traverse visits everything, but there is no m_clear.
typedef struct {
  PyObject *hook;
} half_state;

static int half_traverse(PyObject *module, visitproc visit, void *arg) { // expected-note {{m_traverse 'half_traverse' is defined here}}
  Py_VISIT(((half_state *)PyModule_GetState(module))->hook);
  return 0;
}

static struct PyModuleDef half_module = { // expected-warning {{module 'half_module' (half) has m_traverse 'half_traverse' but no m_clear: the collector cannot break a reference cycle through its state}}
    PyModuleDef_HEAD_INIT,
    .m_name = "half",
    .m_size = sizeof(half_state),
    .m_traverse = half_traverse,
};

// ---- Silent ----------------------------------------------------------------

// Silent: _csv's shape: a get-state helper, Py_VISIT/Py_CLEAR of every
// member, m_free calling m_clear.
typedef struct {
  PyObject *error_obj;
  PyObject *dialects;
  PyTypeObject *dialect_type;
  PyTypeObject *reader_type;
  long field_limit;
} csv_like_state;

static inline csv_like_state *get_csv_like_state(PyObject *module) {
  void *state = PyModule_GetState(module);
  return (csv_like_state *)state;
}

static int csv_like_clear(PyObject *module) {
  csv_like_state *module_state = get_csv_like_state(module);
  Py_CLEAR(module_state->error_obj);
  Py_CLEAR(module_state->dialects);
  Py_CLEAR(module_state->dialect_type);
  Py_CLEAR(module_state->reader_type);
  return 0;
}

static int csv_like_traverse(PyObject *module, visitproc visit, void *arg) {
  csv_like_state *module_state = get_csv_like_state(module);
  Py_VISIT(module_state->error_obj);
  Py_VISIT(module_state->dialects);
  Py_VISIT(module_state->dialect_type);
  Py_VISIT(module_state->reader_type);
  return 0;
}

static void csv_like_free(void *module) { csv_like_clear((PyObject *)module); }

static struct PyModuleDef csv_like_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_csv_like",
    .m_size = sizeof(csv_like_state),
    .m_traverse = csv_like_traverse,
    .m_clear = csv_like_clear,
    .m_free = csv_like_free,
};

// Silent: zope.interface's shape: the module's slots call helpers that take
// the state itself, one of them calling visit() directly.
typedef struct {
  PyObject *specification_base_class;
  PyObject *object_specification_descriptor_class;
  PyObject *adapter_hooks;
} zic_like_state;

static inline zic_like_state *zic_like_get(PyObject *module) {
  zic_like_state *rec = (zic_like_state *)PyModule_GetState(module);
  return rec;
}

static int zic_like_state_traverse(zic_like_state *rec, visitproc visit, void *arg) {
  Py_VISIT(rec->specification_base_class);
  Py_VISIT(rec->object_specification_descriptor_class);
  if (rec->adapter_hooks)
    return visit(rec->adapter_hooks, arg);
  return 0;
}

static int zic_like_state_clear(zic_like_state *rec) {
  Py_CLEAR(rec->specification_base_class);
  Py_CLEAR(rec->object_specification_descriptor_class);
  Py_CLEAR(rec->adapter_hooks);
  return 0;
}

static int zic_like_traverse(PyObject *module, visitproc visit, void *arg) {
  zic_like_state *rec = zic_like_get(module);
  return zic_like_state_traverse(rec, visit, arg);
}

static int zic_like_clear(PyObject *module) {
  zic_like_state_clear(zic_like_get(module));
  return 0;
}

static struct PyModuleDef zic_like_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_zic_like",
    .m_size = sizeof(zic_like_state),
    .m_traverse = zic_like_traverse,
    .m_clear = zic_like_clear,
};

// Silent: no per-module state (m_size = -1: state in C globals).
static struct PyModuleDef global_module = {
    PyModuleDef_HEAD_INIT, "global_state", NULL, -1, NULL};

// Silent: state without objects.
typedef struct {
  long calls;
  double ratio;
} plain_state;

static struct PyModuleDef plain_module = {
    PyModuleDef_HEAD_INIT, .m_name = "plain", .m_size = sizeof(plain_state)};

// Silent: m_traverse is not a function the model can follow.
typedef struct {
  PyObject *x;
} opaque_state;

extern int external_traverse(PyObject *, visitproc, void *);
extern int external_clear(PyObject *);

static struct PyModuleDef opaque_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "opaque",
    .m_size = sizeof(opaque_state),
    .m_traverse = external_traverse,
    .m_clear = external_clear,
};
