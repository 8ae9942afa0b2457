// Stand-in for WRL/ATL headers: same namespaces and template shapes.
#pragma once
struct IUnknown { virtual unsigned long AddRef() = 0; virtual unsigned long Release() = 0; };
namespace Microsoft { namespace WRL {
template <class T> class ComPtr { T *ptr_; };
} } // namespace Microsoft::WRL
namespace ATL {
template <class T> class CComPtr { public: T *p; };
} // namespace ATL
