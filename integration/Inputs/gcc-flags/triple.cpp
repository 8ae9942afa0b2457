// Named by a target-prefixed, versioned driver: x86_64-linux-gnu-g++-12.
#include <stddef.h>
#include <memory>

struct Room;
struct House {
  std::shared_ptr<Room> room;
};
struct Room {
  std::shared_ptr<House> owner;
};
