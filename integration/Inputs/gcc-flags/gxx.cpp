// Compiled by `g++ -std=gnu++17 -Wall -Werror`: builtin headers must come
// from clang's resource directory, and a warning must not fail the TU.
#include <stdarg.h>
#include <stddef.h>
#include <memory>

struct Sink;
struct Source {
  std::shared_ptr<Sink> sink;
};
struct Sink {
  std::shared_ptr<Source> owner;
};

int sum(int n, ...) {
  int unused; // -Wunused-variable: an error under -Werror, not for cyclint
  va_list ap;
  va_start(ap, n);
  int total = 0;
  for (int i = 0; i < n; ++i)
    total += va_arg(ap, int);
  va_end(ap);
  return total + static_cast<int>(offsetof(Source, sink));
}
