// Pimpl: the raw Impl pointer is owning because ~Engine deletes it (in
// engine.cpp, where Impl is defined and holds the engine strongly).
#pragma once

namespace core {
class Engine {
public:
  Engine();
  ~Engine();

private:
  struct Impl;
  Impl *impl;
};
} // namespace core
