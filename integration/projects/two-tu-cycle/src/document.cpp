// Sees Document's definition, not View's: half of the cycle.
#include "document.h"

void Document::open(std::shared_ptr<View> view) {
  views.push_back(std::move(view));
}
