// Defined only in this TU: a plugin that keeps its registry alive.
#include "plugin.h"
class AudioPlugin : public Plugin {
  void run() override {}
  std::shared_ptr<Registry> registry_; // expected-warning {{'AudioPlugin::registry_' closes a reference cycle that is never freed (AudioPlugin -> Registry -> AudioPlugin)}} expected-note {{'AudioPlugin::registry_' (std::shared_ptr) keeps 'Registry' alive}}
};
// A plugin that only borrows the registry is fine.
class VideoPlugin : public Plugin {
  void run() override {}
  Registry *registry_ = nullptr;
};
