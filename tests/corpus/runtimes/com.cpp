// RUN: %verify --cflags="-isystem %S/Inputs" %s
// COM smart pointers (models/cxx/com.yaml): each holds an AddRef'd reference.
#include <com_stub.h>

class Sink;
class Source : public IUnknown {
  Microsoft::WRL::ComPtr<Sink> sink_; // expected-note {{'Source::sink_' (Microsoft::WRL::ComPtr) keeps 'Sink' alive}}
};
class Sink : public IUnknown {
  ATL::CComPtr<Source> source_; // expected-warning {{'Sink::source_' closes a reference cycle that is never freed (Sink -> Source -> Sink)}} expected-note {{'Sink::source_' (ATL::CComPtr) keeps 'Source' alive}}
};

// A raw back pointer (the usual fix) is borrowed.
class QuietSink;
class QuietSource : public IUnknown {
  Microsoft::WRL::ComPtr<QuietSink> sink_;
};
class QuietSink : public IUnknown {
  QuietSource *source_ = nullptr;
};
