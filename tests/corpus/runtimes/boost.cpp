// RUN: %verify --cflags="-isystem %S/Inputs" %s
// boost pointers and containers, matched by declaration (models/cxx/boost.yaml).
#include <boost_stub.h>

struct Peer;
struct Server {
  boost::container::flat_map<int, boost::shared_ptr<Peer>> peers; // expected-note {{'Server::peers' (boost::container::flat_map of boost::shared_ptr) keeps 'Peer' alive}}
};
struct Peer {
  boost::shared_ptr<Server> server; // expected-warning {{'Peer::server' closes a reference cycle that is never freed (Peer -> Server -> Peer)}} expected-note {{'Peer::server' (boost::shared_ptr) keeps 'Server' alive}}
};

// intrusive_ptr counts too; ptr_vector owns its elements.
struct Document;
struct Page {
  int number; // a record, not a handle (ownership-cycle.md)
  boost::intrusive_ptr<Document> document; // expected-warning {{'Page::document' closes a reference cycle}} expected-note {{'Page::document' (boost::intrusive_ptr) keeps 'Document' alive}}
};
struct Document {
  boost::ptr_vector<Page> pages; // expected-note {{'Document::pages' (boost::ptr_vector) keeps 'Page' alive}}
};

// Weak back links and type-erased callbacks are not reported.
struct QuietPeer;
struct QuietServer {
  boost::container::vector<boost::shared_ptr<QuietPeer>> peers;
  boost::function<void()> on_close;
};
struct QuietPeer {
  boost::weak_ptr<QuietServer> server;
  boost::optional<int> id;
};
