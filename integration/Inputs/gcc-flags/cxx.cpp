// Named by `c++`, as CMake writes it.
#include <stdarg.h>
#include <memory>
#include <vector>

struct Track;
struct Album {
  std::vector<std::shared_ptr<Track>> tracks;
};
struct Track {
  std::shared_ptr<Album> album;
};
