// RUN: %verify %s
// RUN: %verify --cyclint-arg=--check-option=ownership-cycle.MaxSubclassesGuessed=0 --check-prefix=ALL %s
// A member typed with the root of a wide hierarchy (OpenSceneGraph's
// `ref_ptr<Referenced> RenderInfo::_userData`, set only through a setter's
// parameter) is a generic slot: "it may be the subclass that holds me" is a
// guess over every class of the program, not evidence, and is not
// reported while the hierarchy has more than MaxSubclassesGuessed (8)
// subclass families. The look-alikes are reported: the same slot typed
// with a narrow interface (two implementations), and a store the analysis
// follows that names the subclass. With MaxSubclassesGuessed=0 the guess
// is made for every hierarchy.
#include <memory>
#include <vector>

struct Referenced { virtual ~Referenced() = default; };
struct RenderInfo {
  std::shared_ptr<Referenced> userData; // ALL-expected-note {{'RenderInfo::userData' (std::shared_ptr) keeps 'CullVisitor' alive (it points to a 'Referenced', which may be a 'CullVisitor'; 'RenderInfo::setUserData' stores a value the analysis does not follow)}}
  void setUserData(std::shared_ptr<Referenced> d) { userData = std::move(d); }
};
struct CullVisitor : Referenced {
  std::shared_ptr<RenderInfo> info; // ALL-expected-warning {{'CullVisitor::info' closes a reference cycle that is never freed (CullVisitor -> RenderInfo -> CullVisitor)}} ALL-expected-note {{'CullVisitor::info' (std::shared_ptr) keeps 'RenderInfo' alive}}
  void begin() { info = std::make_shared<RenderInfo>(); }
};
// Nine more families: Referenced is the root of a wide hierarchy. The
// instantiations of one class template count once.
struct Node : Referenced {};
struct Group : Node {};
struct Texture : Referenced {};
struct Program : Referenced {};
struct Uniform : Referenced {};
struct Camera : Group {};
struct Operation : Referenced {};
struct FadeTextUserData : Referenced {};
template <class T> struct TemplateValue : Referenced { T value; };
struct Keystone : Referenced {};
TemplateValue<int> IntValue;
TemplateValue<float> FloatValue;
TemplateValue<double> DoubleValue;

void fade(RenderInfo &info) {
  info.setUserData(std::make_shared<FadeTextUserData>());
}

// A narrow interface: a listener slot set from a parameter may well be the
// object that holds the slot's owner.
struct Listener { virtual ~Listener() = default; };
struct Emitter {
  std::shared_ptr<Listener> listener; // expected-warning {{'Emitter::listener' closes a reference cycle that is never freed (Emitter -> Panel -> Emitter)}} expected-note {{'Emitter::listener' (std::shared_ptr) keeps 'Panel' alive (it points to a 'Listener', which may be a 'Panel'; 'Emitter::setListener' stores a value the analysis does not follow)}} ALL-expected-warning {{'Emitter::listener' closes a reference cycle that is never freed (Emitter -> Panel -> Emitter)}} ALL-expected-note {{'Emitter::listener' (std::shared_ptr) keeps 'Panel' alive (it points to a 'Listener', which may be a 'Panel'; 'Emitter::setListener' stores a value the analysis does not follow)}}
  void setListener(std::shared_ptr<Listener> l) { listener = std::move(l); }
};
struct Logger : Listener {};
struct Panel : Listener {
  std::shared_ptr<Emitter> emitter; // expected-note {{'Panel::emitter' (std::shared_ptr) keeps 'Emitter' alive}} ALL-expected-note {{'Panel::emitter' (std::shared_ptr) keeps 'Emitter' alive}}
  void attach() { emitter = std::make_shared<Emitter>(); }
};

// The wide slot again, but every store is followed and one names the
// subclass that holds the slot's owner: evidence, reported.
struct Request { virtual ~Request() = default; };
struct Context {
  std::shared_ptr<Referenced> cache; // expected-warning {{'Context::cache' closes a reference cycle that is never freed (Context -> Pager -> Context)}} expected-note {{'Context::cache' (std::shared_ptr) keeps 'Pager' alive (it points to a 'Referenced'; 'Context::prepare' stores a 'Pager')}} ALL-expected-warning {{'Context::cache' closes a reference cycle that is never freed (Context -> Pager -> Context)}} ALL-expected-note {{'Context::cache' (std::shared_ptr) keeps 'Pager' alive (it points to a 'Referenced'; 'Context::prepare' stores a 'Pager')}}
  void prepare();
};
struct Pager : Referenced {
  std::shared_ptr<Context> context; // expected-note {{'Pager::context' (std::shared_ptr) keeps 'Context' alive}} ALL-expected-note {{'Pager::context' (std::shared_ptr) keeps 'Context' alive}}
  void bind() { context = std::make_shared<Context>(); }
};
void Context::prepare() { cache = std::make_shared<Pager>(); }
