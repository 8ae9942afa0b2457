#include "plugins/registry.h"

std::shared_ptr<plugins::Registry> makeRegistry() { return std::make_shared<plugins::Registry>(); }
