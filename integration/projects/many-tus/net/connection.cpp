#include "net/connection.h"

std::shared_ptr<net::Connection> connect(std::shared_ptr<net::Session> s) {
  return std::make_shared<net::Connection>(std::move(s));
}
