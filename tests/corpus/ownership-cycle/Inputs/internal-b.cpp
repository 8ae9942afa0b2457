// Another TU's own `Impl` in an anonymous namespace: a different class that
// merely shares a name with internal-types.cpp's.
#include <memory>
struct Holder;
namespace {
struct Impl {
  std::shared_ptr<Holder> holder;
};
} // namespace
std::shared_ptr<Impl> make_b();
