// Sees View's definition, not Document's: the other half of the cycle.
#include "view.h"

std::shared_ptr<View> makeView(std::shared_ptr<Document> owner) {
  return std::make_shared<View>(std::move(owner));
}
