// Stand-in for WebKit WTF headers: same namespaces and template shapes.
#pragma once
namespace WTF {
template <class T> class RefCounted {};
template <class T, class Traits = void> class Ref { T *m_ptr; };
template <class T, class Traits = void> class RefPtr { T *m_ptr; };
template <class T, class Impl = void> class WeakPtr { void *m_impl; };
template <class T, unsigned N = 0> class Vector { T *m_buffer; };
} // namespace WTF
using WTF::Ref;
using WTF::RefPtr;
using WTF::WeakPtr;
using WTF::Vector;
