// Included only by view.cpp. The strong back link to the owning document
// closes the cycle with Document::views.
#pragma once
#include <memory>

class Document;

class View {
public:
  explicit View(std::shared_ptr<Document> owner) : owner(std::move(owner)) {}
  int zoom = 100;

private:
  std::shared_ptr<Document> owner;
};
