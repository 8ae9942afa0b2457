// RUN: %verify %s
// Aliased pointer types are seen through; each template instantiation is
// its own class.
#include <memory>
#include <vector>

class Document;
using DocumentPtr = std::shared_ptr<Document>;
typedef std::vector<DocumentPtr> DocumentList;

class Workspace {
  DocumentList documents_; // expected-note {{'Workspace::documents_' (std::vector of std::shared_ptr) keeps 'Document' alive}}
};
class Document {
  template <class T> using Ref = std::shared_ptr<T>;
  Ref<Workspace> workspace_; // expected-warning {{'Document::workspace_' closes a reference cycle}} expected-note {{'Document::workspace_' (std::shared_ptr) keeps 'Workspace' alive}}
};

// Observer<Model> holds a Model; Model holds Observer<Model>: a cycle. The
// plain pointer is warned rather than the one inside a container.
// Observer<View> holds a View, which holds nothing back: no cycle.
template <class T> struct Observer {
  std::shared_ptr<T> subject; // expected-warning {{'Observer<Model>::subject' closes a reference cycle that is never freed (Observer<Model> -> Model -> Observer<Model>)}} expected-note {{'Observer<Model>::subject' (std::shared_ptr) keeps 'Model' alive}}
};
struct Model {
  std::vector<std::shared_ptr<Observer<Model>>> observers; // expected-note {{'Model::observers' (std::vector of std::shared_ptr) keeps 'Observer<Model>' alive}}
};
struct View {
  int id;
};
struct Window {
  std::shared_ptr<Observer<View>> watcher;
};

// A template that cannot be instantiated for this argument is no node and
// does not make the TU fail.
template <class T> struct Broken {
  typename T::missing_type x;
  std::shared_ptr<T> back;
};
struct UsesBroken {
  std::shared_ptr<Broken<UsesBroken>> broken;
};
