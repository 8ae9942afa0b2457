// A network session keeps its connections alive. Connection is only
// forward-declared: session.cpp never sees the back link.
#pragma once
#include <memory>
#include <string>
#include <vector>

namespace net {
class Connection;

class Session {
public:
  void add(std::shared_ptr<Connection> c) { connections.push_back(std::move(c)); }

private:
  std::string id;
  std::vector<std::shared_ptr<Connection>> connections;
};
} // namespace net
