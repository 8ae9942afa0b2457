// RUN: %verify --cflags="-isystem %S/Inputs" %s
// Chromium scoped_refptr / WeakPtr / raw_ptr (models/cxx/chromium.yaml).
#include <chromium_stub.h>

class Host;
class Frame : public base::RefCounted<Frame> {
  scoped_refptr<Host> host_; // expected-warning {{'Frame::host_' closes a reference cycle that is never freed (Frame -> Host -> Frame)}} expected-note {{'Frame::host_' (scoped_refptr) keeps 'Host' alive}}
};
class Host : public base::RefCounted<Host> {
  scoped_refptr<Frame> main_frame_; // expected-note {{'Host::main_frame_' (scoped_refptr) keeps 'Frame' alive}}
};

// The idiomatic fixes: WeakPtr or raw_ptr back links; callbacks unknown.
class QuietHost;
class QuietFrame : public base::RefCounted<QuietFrame> {
  base::WeakPtr<QuietHost> host_;
  raw_ptr<QuietHost> raw_host_;
  base::OnceCallback<void(int)> done_;
};
class QuietHost : public base::RefCounted<QuietHost> {
  scoped_refptr<QuietFrame> main_frame_;
};
