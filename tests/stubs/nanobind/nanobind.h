// A small stand-in for nanobind's public headers (nanobind/nanobind.h), which
// Debian does not ship: the same namespaces, class names and template shapes
// as nanobind 2.x/3.x for what cyclint's pybind11 runtime reads (class_ and
// its def_* methods, init, keep_alive, dynamic_attr, type_slots, the object
// hierarchy, detail::type_caster, inst_ptr). Bodies are empty: the corpus is
// parsed, never built. Included as a system header, like the real one.
#pragma once

#include <Python.h>

#include <cstddef>
#include <utility>

namespace nanobind {

class handle {
public:
  handle() = default;
  handle(PyObject *p) : m_ptr(p) {}
  PyObject *ptr() const { return m_ptr; }
  const handle &inc_ref() const { return *this; }
  const handle &dec_ref() const { return *this; }
  explicit operator bool() const { return m_ptr != nullptr; }

protected:
  PyObject *m_ptr = nullptr;
};

class object : public handle {
public:
  object() = default;
  object(const object &o) : handle(o) {}
  object(object &&o) noexcept : handle(o) {}
  ~object() {}
  object &operator=(const object &) { return *this; }
  object &operator=(object &&) noexcept { return *this; }
  handle release() { return *this; }
  void reset() {}
  template <typename... Args> object operator()(Args &&...) const {
    return {};
  }
};

#define NB_STUB_OBJECT(Name)                                                   \
  class Name : public object {                                                 \
  public:                                                                      \
    using object::object;                                                      \
    using object::operator=;                                                   \
    Name() = default;                                                          \
  };
NB_STUB_OBJECT(callable)
NB_STUB_OBJECT(list)
NB_STUB_OBJECT(dict)
NB_STUB_OBJECT(set)
NB_STUB_OBJECT(tuple)
NB_STUB_OBJECT(str)
NB_STUB_OBJECT(bytes)
NB_STUB_OBJECT(int_)
NB_STUB_OBJECT(float_)
NB_STUB_OBJECT(bool_)
NB_STUB_OBJECT(capsule)
NB_STUB_OBJECT(weakref)
NB_STUB_OBJECT(module_)
NB_STUB_OBJECT(iterable)
#undef NB_STUB_OBJECT

template <typename T> T borrow(handle h) { return T(); }
template <typename T> T steal(handle h) { return T(); }
template <typename T> T cast(handle h) { return T(); }
template <typename T> T *inst_ptr(handle h) { return nullptr; }
inline bool inst_ready(handle h) { return true; }

struct dynamic_attr {};
struct is_weak_referenceable {};
template <size_t Nurse, size_t Patient> struct keep_alive {};
struct type_slots {
  type_slots(const PyType_Slot *value) : value(value) {}
  const PyType_Slot *value;
};

template <typename Visitor> struct def_visitor {};
template <typename... Args> struct init : def_visitor<init<Args...>> {};

namespace detail {
template <typename T, typename SFINAE = int> struct type_caster {};
} // namespace detail

template <typename T, typename... Ts> class class_ : public object {
public:
  using Type = T;
  template <typename... Extra>
  class_(handle scope, const char *name, const Extra &...extra) {}

  template <typename Func, typename... Extra>
  class_ &def(const char *name, Func &&f, const Extra &...extra) {
    return *this;
  }
  template <typename Visitor, typename... Extra>
  class_ &def(def_visitor<Visitor> &&v, const Extra &...extra) {
    return *this;
  }
  template <typename C, typename D, typename... Extra>
  class_ &def_rw(const char *name, D C::*p, const Extra &...extra) {
    return *this;
  }
  template <typename C, typename D, typename... Extra>
  class_ &def_ro(const char *name, D C::*p, const Extra &...extra) {
    return *this;
  }
  template <typename Getter, typename Setter, typename... Extra>
  class_ &def_prop_rw(const char *name, Getter &&getter, Setter &&setter,
                      const Extra &...extra) {
    return *this;
  }
  template <typename Getter, typename... Extra>
  class_ &def_prop_ro(const char *name, Getter &&getter,
                      const Extra &...extra) {
    return *this;
  }
};

} // namespace nanobind

#define NB_MODULE(name, variable)                                              \
  static void nanobind_init_##name(::nanobind::module_ &);                     \
  extern "C" PyObject *PyInit_##name() {                                       \
    ::nanobind::module_ m;                                                     \
    nanobind_init_##name(m);                                                   \
    return m.ptr();                                                            \
  }                                                                            \
  void nanobind_init_##name(::nanobind::module_ &variable)
