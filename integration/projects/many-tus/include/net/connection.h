// A connection holds its session strongly: with Session::connections, a
// cycle that only the merge of session.cpp and connection.cpp shows.
#pragma once
#include <memory>

namespace net {
class Session;

class Connection {
public:
  explicit Connection(std::shared_ptr<Session> s) : session(std::move(s)) {}

private:
  std::shared_ptr<Session> session;
  int fd = -1;
};
} // namespace net
