// An abstract Plugin; the registry holds plugins strongly.
#include <memory>
#include <vector>
class Plugin {
public:
  virtual ~Plugin() = default;
  virtual void run() = 0;
};
class Registry {
  std::vector<std::shared_ptr<Plugin>> plugins_; // expected-note {{'Registry::plugins_' (std::vector of std::shared_ptr) keeps 'AudioPlugin' alive (it points to a 'Plugin', which may be a 'AudioPlugin')}}
};
