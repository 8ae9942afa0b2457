// RUN: %verify --cflags="-I%python_include" %s
// py::keep_alive<Nurse, Patient> keeps the patient alive from the nurse in a
// table of the runtime that no tp_traverse visits: a cycle through it is
// never freed, whatever the bound types do for the collector.
#include <pybind11/pybind11.h>

namespace py = pybind11;

struct Window {
  void add_listener(py::object listener) {}
};

// Two policies that link a Document and a View both ways.
struct View;
struct Document {
  void attach(View *) {}
};
struct View {
  void show(Document *) {}
};

// One direction only: a tree of nodes kept alive from their parents.
struct Tree {
  void add_child(Tree *) {}
};
struct Leaf {};
// A policy on a returned object: whether it is the object another policy
// links is not known.
struct Store;
struct Item {
  Store *owner() { return nullptr; }
};
struct Store {
  Item *get() { return nullptr; }
  void put(Item *) {}
};
struct Branch {
  void add(Leaf *) {}
};

PYBIND11_MODULE(corpus_keep_alive, m) {
  py::class_<Window>(m, "Window")
      .def("add_listener", &Window::add_listener, py::keep_alive<1, 2>()); // expected-warning {{keep_alive<1, 2> on 'Window.add_listener' keeps an object of the caller's choice alive for as long as the 'Window' lives, in a table the cycle collector never sees}}
  py::class_<Document>(m, "Document")
      .def("attach", &Document::attach, py::keep_alive<1, 2>()); // expected-warning {{keep_alive<1, 2> on 'Document.attach' and keep_alive<1, 2> on 'View.show' keep each other's objects alive in a table the cycle collector never sees: a 'Document' and a 'View' linked both ways form a cycle that is never freed}} expected-note {{keep_alive<1, 2> on 'Document.attach' keeps a 'View' alive from the 'Document'}}
  py::class_<View>(m, "View")
      .def("show", &View::show, py::keep_alive<1, 2>()); // expected-note {{keep_alive<1, 2> on 'View.show' keeps a 'Document' alive from the 'View'}}
  py::class_<Tree>(m, "Tree").def("add_child", &Tree::add_child, py::keep_alive<1, 2>());
  py::class_<Leaf>(m, "Leaf");
  py::class_<Item>(m, "Item").def("owner", &Item::owner, py::keep_alive<1, 0>());
  py::class_<Store>(m, "Store")
      .def("get", &Store::get, py::keep_alive<1, 0>())
      .def("put", &Store::put, py::keep_alive<1, 2>());
  py::class_<Branch>(m, "Branch").def("add", &Branch::add, py::keep_alive<1, 2>());
}
