#include "timer.h"

#include <utility>

void Timer::onFire(std::function<void()> cb) { fire_ = std::move(cb); }
