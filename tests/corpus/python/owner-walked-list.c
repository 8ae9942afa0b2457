// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--check-option=python-reference-cycle.CollectorNotes=1 %s
// An owner (a GC type) keeps a doubly linked list of element objects of a
// second type without GC support, the way a cache keeps its entries in
// use order. The elements' `prev`/`next` are borrowed links (never counted,
// never released); their `key`/`result` are owned and released by the
// element's dealloc. The owner's traverse walks the list and visits every
// element's `key`/`result`; its clear unlinks the list and releases the
// elements through a helper. The owner's struct starts with an element
// (the list head), so the element struct is also the owner's base struct.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct Entry {
  PyObject_HEAD
  struct Entry *prev, *next; /* borrowed links */
  PyObject *key, *result;
} EntryObject;

static void Entry_dealloc(EntryObject *self) {
  Py_XDECREF(self->key);
  Py_XDECREF(self->result);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject EntryType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Entry",
    .tp_basicsize = sizeof(EntryObject),
    .tp_dealloc = (destructor)Entry_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

typedef struct {
  EntryObject head; /* the list's root; includes PyObject_HEAD */
  PyObject *func; // expected-note {{'MemoObject::func' can close a reference cycle that only the cycle collector frees (MemoObject -> MemoObject)}}
} MemoObject;

static void Memo_link_last(MemoObject *self, EntryObject *entry) {
  EntryObject *head = &self->head;
  EntryObject *last = head->prev;
  last->next = entry;
  head->prev = entry;
  entry->prev = last;
  entry->next = head;
}

static PyObject *Memo_remember(MemoObject *self, PyObject *key,
                               PyObject *result) {
  EntryObject *entry = PyObject_New(EntryObject, &EntryType);
  if (entry == NULL)
    return NULL;
  entry->key = Py_NewRef(key);
  entry->result = Py_NewRef(result);
  Memo_link_last(self, entry);
  Py_RETURN_NONE;
}

static EntryObject *Memo_unlink(MemoObject *self) {
  EntryObject *head = &self->head;
  EntryObject *first = head->next;
  if (first == head)
    return NULL;
  head->prev->next = NULL;
  head->next = head->prev = head;
  return first;
}

static void Memo_release(EntryObject *entry) {
  while (entry != NULL) {
    EntryObject *next = entry->next;
    Py_SETREF(entry, next);
  }
}

static int Memo_traverse(MemoObject *self, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Memo_traverse' visits 'MemoObject::func'}}
  EntryObject *entry = self->head.next;
  while (entry != &self->head) {
    EntryObject *next = entry->next;
    Py_VISIT(entry->key);
    Py_VISIT(entry->result);
    entry = next;
  }
  Py_VISIT(self->func);
  return 0;
}

static int Memo_clear(MemoObject *self) {
  EntryObject *list = Memo_unlink(self);
  Py_CLEAR(self->func);
  Memo_release(list);
  return 0;
}

static void Memo_dealloc(MemoObject *self) {
  PyObject_GC_UnTrack(self);
  (void)Memo_clear(self);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Memo_init(MemoObject *self, PyObject *args, PyObject *kwds) {
  PyObject *func;
  if (!PyArg_ParseTuple(args, "O", &func))
    return -1;
  Py_XSETREF(self->func, Py_NewRef(func)); // expected-note {{'MemoObject::func' is set in 'Memo_init' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  self->head.prev = self->head.next = &self->head;
  return 0;
}

static PyMethodDef Memo_methods[] = {
    {"remember", (PyCFunction)Memo_remember, METH_VARARGS, NULL},
    {NULL}};

static PyTypeObject MemoType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Memo",
    .tp_basicsize = sizeof(MemoObject),
    .tp_dealloc = (destructor)Memo_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Memo_traverse,
    .tp_clear = (inquiry)Memo_clear,
    .tp_init = (initproc)Memo_init,
    .tp_new = PyType_GenericNew,
    .tp_methods = Memo_methods,
};

// Control: a typed link that the program does count (stored from an
// argument with a new reference, released in dealloc) in a type without
// GC support stays an owned reference, and a cycle through it is never
// freed.
typedef struct Peer {
  PyObject_HEAD
  struct Peer *partner; // expected-warning {{'Peer::partner' can close a reference cycle that is never freed (Peer -> Peer): type 'PeerType' (corpus.Peer) does not take part in the cycle collector}}
} PeerObject;

static void Peer_dealloc(PeerObject *self) {
  Py_XDECREF(self->partner);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *Peer_pair(PeerObject *self, PeerObject *other) {
  Py_INCREF(other);
  Py_XSETREF(self->partner, other); // expected-note {{'Peer::partner' is set in 'Peer_pair' from its parameter 'other', which can be any object}}
  Py_RETURN_NONE;
}

static PyMethodDef Peer_methods[] = {
    {"pair", (PyCFunction)Peer_pair, METH_O, NULL},
    {NULL}};

static PyTypeObject PeerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "corpus.Peer",
    .tp_basicsize = sizeof(PeerObject),
    .tp_dealloc = (destructor)Peer_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'PeerType' (corpus.Peer) does not set Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances}}
    .tp_new = PyType_GenericNew,
    .tp_methods = Peer_methods,
};
