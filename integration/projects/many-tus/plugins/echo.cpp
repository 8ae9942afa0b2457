// Defined in this TU only: Registry::entries may hold an EchoPlugin, and
// EchoPlugin::host holds the registry.
#include "plugins/registry.h"

namespace plugins {
class EchoPlugin : public Plugin {
public:
  std::string name() const override { return "echo"; }

private:
  std::shared_ptr<Registry> host;
};
} // namespace plugins

std::shared_ptr<plugins::Plugin> makeEcho() { return std::make_shared<plugins::EchoPlugin>(); }
