/* A C TU (`gcc -std=gnu11`): C has no strong references, so no finding,
   but it must be analyzed, not failed. */
#include <stdarg.h>
#include <stddef.h>

struct list {
  struct list *next;
  size_t size;
};

static int first(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int v = va_arg(ap, int);
  va_end(ap);
  return v;
}

int use(void) { return first(1, 2); }
