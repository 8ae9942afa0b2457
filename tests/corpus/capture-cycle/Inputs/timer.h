// The timer of across-tus.cpp: its setter is defined in timer.cpp, another
// translation unit.
#include <functional>

struct Timer {
  std::function<void()> fire_;
  void onFire(std::function<void()> cb);
  void cancel();
};
