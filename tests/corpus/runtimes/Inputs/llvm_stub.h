// Stand-in for llvm/ADT headers: same namespaces and template shapes.
#pragma once
namespace llvm {
template <class T> class IntrusiveRefCntPtr { T *Obj = nullptr; };
template <class Derived> class RefCountedBase { mutable unsigned RefCount = 0; };
template <class T> class SmallVectorImpl { T *Begin; };
template <class T, unsigned N = 4> class SmallVector : public SmallVectorImpl<T> {};
template <class K, class V, class Info = void, class B = void> class DenseMap { void *Buckets; };
} // namespace llvm
