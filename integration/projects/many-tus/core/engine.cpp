#include "core/engine.h"

#include <memory>

namespace core {
struct Engine::Impl {
  std::shared_ptr<Engine> self;
};

Engine::Engine() : impl(new Impl) {}
Engine::~Engine() { delete impl; }
} // namespace core
