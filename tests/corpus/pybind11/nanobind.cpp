// RUN: %verify --cflags="-I%python_include -isystem %S/../../stubs" %s
// nanobind: nb::class_ with def_rw / def_prop_rw / init, nb::type_slots with
// a Py_tp_traverse (which makes the type a GC type), nb::dynamic_attr(),
// std::function through nanobind/stl/function.h, nb::keep_alive. Parsed
// against tests/stubs/nanobind (Debian ships no nanobind).
#include <nanobind/nanobind.h>
#include <nanobind/stl/function.h>

#include <functional>
#include <utility>

namespace nb = nanobind;

struct Button {
  nb::callable on_click; // expected-warning {{'Button::on_click' can close a reference cycle that is never freed (Button -> the Python object it holds -> Button): nanobind class 'Button' does not take part in the cycle collector for this member; give nb::type_slots a Py_tp_traverse that visits 'on_click' (and a Py_tp_clear that clears it)}}
};

// Fixed with type_slots: the traverse visits the member. Silent.
struct FixedButton {
  nb::callable on_click;
};
int fixed_button_traverse(PyObject *self, visitproc visit, void *arg) {
  Py_VISIT(Py_TYPE(self));
  if (!nb::inst_ready(self))
    return 0;
  FixedButton *b = nb::inst_ptr<FixedButton>(self);
  Py_VISIT(b->on_click.ptr());
  return 0;
}
int fixed_button_clear(PyObject *self) {
  nb::inst_ptr<FixedButton>(self)->on_click.reset();
  return 0;
}
PyType_Slot fixed_button_slots[] = {
    {Py_tp_traverse, (void *)fixed_button_traverse},
    {Py_tp_clear, (void *)fixed_button_clear},
    {0, nullptr}};

// type_slots whose traverse forgets a member.
struct Model {
  nb::object data;
  nb::object listener; // expected-warning {{'Model::listener' can close a reference cycle that is never freed (Model -> the Python object it holds -> Model): the tp_traverse of nanobind class 'Model' does not visit it}}
};
int model_traverse(PyObject *self, visitproc visit, void *arg) {
  Py_VISIT(nb::inst_ptr<Model>(self)->data.ptr());
  return 0;
}
PyType_Slot model_slots[] = {{Py_tp_traverse, (void *)model_traverse}, // expected-note {{the tp_traverse installed for 'Model' does not visit 'Model::listener'}}
                             {0, nullptr}};

// dynamic_attr: the instance dict only.
struct Scene {
  nb::object root; // expected-warning {{'Scene::root' can close a reference cycle that is never freed}}
};

// A std::function converted from a Python callable, stored by the
// constructor; and a property setter.
struct Timer {
  explicit Timer(std::function<void()> cb) : callback(std::move(cb)) {} // expected-note {{'Timer::callback' is writable from Python: the constructor ('Timer::Timer') stores its argument}}
  std::function<void()> callback; // expected-warning {{'Timer::callback' can close a reference cycle that is never freed}}
  nb::object tag; // expected-warning {{'Timer::tag' can close a reference cycle that is never freed}}
};

// keep_alive both ways.
struct Child;
struct Parent {
  void add(Child *) {}
};
struct Child {
  void set_parent(Parent *) {}
};

// Strings only, and a member nothing in Python writes: silent.
struct Quiet {
  nb::str name;
  nb::object cache;
};

NB_MODULE(corpus_nanobind, m) {
  nb::class_<Button>(m, "Button") // expected-note {{type without collector support: nanobind class 'Button' (Python 'Button') has no tp_traverse}}
      .def(nb::init<>())
      .def_rw("on_click", &Button::on_click); // expected-note {{'Button::on_click' is writable from Python as attribute 'on_click'}}
  nb::class_<FixedButton>(m, "FixedButton", nb::type_slots(fixed_button_slots))
      .def(nb::init<>())
      .def_rw("on_click", &FixedButton::on_click);
  nb::class_<Model>(m, "Model", nb::type_slots(model_slots))
      .def_rw("data", &Model::data)
      .def_rw("listener", &Model::listener); // expected-note {{'Model::listener' is writable from Python as attribute 'listener'}}
  nb::class_<Scene>(m, "Scene", nb::dynamic_attr()) // expected-note {{dynamic_attr() gives nanobind class 'Scene' (Python 'Scene') a tp_traverse that visits only the instance __dict__}}
      .def_rw("root", &Scene::root); // expected-note {{'Scene::root' is writable from Python as attribute 'root'}}
  nb::class_<Timer>(m, "Timer") // expected-note {{type without collector support: nanobind class 'Timer'}} expected-note {{type without collector support: nanobind class 'Timer'}}
      .def(nb::init<std::function<void()>>())
      .def_prop_rw("tag", [](Timer &t) { return t.tag; },
                   [](Timer &t, nb::object v) { t.tag = v; }); // expected-note {{'Timer::tag' is writable from Python: the setter of property 'tag' ('lambda') stores its argument}}
  nb::class_<Parent>(m, "Parent")
      .def("add", &Parent::add, nb::keep_alive<1, 2>()); // expected-warning {{keep_alive<1, 2> on 'Parent.add' and keep_alive<1, 2> on 'Child.set_parent' keep each other's objects alive}} expected-note {{keep_alive<1, 2> on 'Parent.add' keeps a 'Child' alive from the 'Parent'}}
  nb::class_<Child>(m, "Child")
      .def("set_parent", &Child::set_parent, nb::keep_alive<1, 2>()); // expected-note {{keep_alive<1, 2> on 'Child.set_parent' keeps a 'Parent' alive from the 'Child'}}
  nb::class_<Quiet>(m, "Quiet").def_rw("name", &Quiet::name);
}
