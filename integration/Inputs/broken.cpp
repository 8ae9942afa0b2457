// Does not compile: it must be reported as not analyzed, never half-read.
#include <memory>

struct Half;
struct Whole {
  std::shared_ptr<Half> half
};
