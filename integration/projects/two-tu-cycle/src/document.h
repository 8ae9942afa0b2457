// A document and the views open on it. The document keeps its views alive;
// View is only forward-declared here.
#pragma once
#include <memory>
#include <string>
#include <vector>

class View;

class Document {
public:
  explicit Document(std::string title) : title(std::move(title)) {}
  void open(std::shared_ptr<View> view);
  std::size_t viewCount() const { return views.size(); }

private:
  std::string title;
  std::vector<std::shared_ptr<View>> views;
};
