// Stand-in for the boost headers Debian's base system lacks: same
// namespaces and template shapes, no behaviour.
#pragma once
namespace boost {
template <class T> class shared_ptr { T *px; void *pn; };
template <class T> class weak_ptr { T *px; void *pn; };
template <class T> class intrusive_ptr { T *px; };
template <class T> class scoped_ptr { T *px; };
template <class T, class CloneAllocator = void, class Allocator = void> class ptr_vector { void *c; };
namespace container {
template <class T, class A = void, class O = void> class vector { T *p; };
template <class K, class V, class C = void, class A = void> class flat_map { void *p; };
} // namespace container
template <class T> class optional { alignas(T) char storage[sizeof(T)]; };
template <class T> class function;
template <class R, class... A> class function<R(A...)> { void *f; };
} // namespace boost
