// RUN: %verify --cflags="-I%python_include" %s
// C++ module state reached through static_cast<State *>(PyModule_GetState(m)),
// with array members; one module forgets an array in m_traverse, one
// (_queue's shape) is complete and silent.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace {

struct EventsState {
  PyObject *handlers[4];
  PyObject *fallback; // expected-warning {{'(anonymous namespace)::EventsState::fallback' is not visited by m_traverse 'events_traverse' of module 'events_module' (events)}}
};

EventsState *events_state(PyObject *m) {
  return static_cast<EventsState *>(PyModule_GetState(m));
}

int events_traverse(PyObject *m, visitproc visit, void *arg) { // expected-note {{m_traverse 'events_traverse' is defined here}}
  EventsState *st = events_state(m);
  for (PyObject *&h : st->handlers)
    Py_VISIT(h);
  for (int i = 0; i < 4; ++i)
    Py_VISIT(st->handlers[i]);
  return 0;
}

int events_clear(PyObject *m) {
  EventsState *st = events_state(m);
  for (int i = 0; i < 4; ++i)
    Py_CLEAR(st->handlers[i]);
  Py_CLEAR(st->fallback);
  return 0;
}

PyModuleDef events_module = {
    PyModuleDef_HEAD_INIT, "events", nullptr, sizeof(EventsState), nullptr,
    nullptr, events_traverse, events_clear, nullptr};

// Silent: _queue's shape (one heap type and one exception in the state).
struct QueueState {
  PyTypeObject *SimpleQueueType;
  PyObject *EmptyError;
};

QueueState *queue_state(PyObject *m) {
  void *state = PyModule_GetState(m);
  return reinterpret_cast<QueueState *>(state);
}

int queue_traverse(PyObject *m, visitproc visit, void *arg) {
  QueueState *state = queue_state(m);
  Py_VISIT(state->SimpleQueueType);
  Py_VISIT(state->EmptyError);
  return 0;
}

int queue_clear(PyObject *m) {
  QueueState *state = queue_state(m);
  Py_CLEAR(state->SimpleQueueType);
  Py_CLEAR(state->EmptyError);
  return 0;
}

void queue_free(void *m) { queue_clear(static_cast<PyObject *>(m)); }

PyModuleDef queue_module = {
    PyModuleDef_HEAD_INIT, "_queue_like", nullptr, sizeof(QueueState),
    nullptr, nullptr, queue_traverse, queue_clear, queue_free};

} // namespace
