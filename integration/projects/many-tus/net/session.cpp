#include "net/session.h"

std::shared_ptr<net::Session> makeSession() { return std::make_shared<net::Session>(); }
