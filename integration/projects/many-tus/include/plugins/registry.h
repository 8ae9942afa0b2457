// The registry keeps its plugins alive through the polymorphic base; the
// plugin that holds the registry back is defined in echo.cpp only.
#pragma once
#include <map>
#include <memory>
#include <string>

namespace plugins {
class Plugin {
public:
  virtual ~Plugin() = default;
  virtual std::string name() const = 0;
};

class Registry {
public:
  void add(std::shared_ptr<Plugin> p) { entries[p->name()] = std::move(p); }

private:
  std::map<std::string, std::shared_ptr<Plugin>> entries;
};
} // namespace plugins
