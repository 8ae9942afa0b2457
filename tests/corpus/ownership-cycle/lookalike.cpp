// RUN: %verify %s
// expected-no-diagnostics
// A class named shared_ptr outside namespace std is not std::shared_ptr:
// this one only borrows. Library types are matched by declaration.
namespace mylib {
template <class T> class shared_ptr {
  T *ptr_ = nullptr;
};
template <class T> using weak_ptr = shared_ptr<T>;
} // namespace mylib

struct Child;
struct Parent {
  mylib::shared_ptr<Child> child;
};
struct Child {
  mylib::shared_ptr<Parent> parent;
};
