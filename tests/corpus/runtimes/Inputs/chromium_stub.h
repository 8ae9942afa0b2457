// Stand-in for Chromium //base headers: same namespaces and template shapes.
#pragma once
template <class T> class scoped_refptr { T *ptr_ = nullptr; };
namespace base {
template <class T> class RefCounted {};
template <class T> class WeakPtr { T *ptr_; };
template <class T, int Traits = 0> class raw_ptr { T *wrapped_ptr_; };
template <class Sig> class OnceCallback;
template <class R, class... A> class OnceCallback<R(A...)> { void *bind_state_; };
} // namespace base
using base::raw_ptr;
