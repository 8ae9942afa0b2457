// RUN: %verify %s
// RUN: %verify --cyclint-arg=--check-option=ownership-cycle.ShowBrokenCycles=1 --check-prefix=SHOW %s
// A cycle the program unlinks by hand is not a leak when an owner's
// destructor does it (directly or a few calls down), and lives until a
// method runs when that method is all that does. A break method nothing
// calls, or one only a destructor of the cycle's own classes calls (it never
// runs while the cycle holds it), does not count.
#include <map>
#include <memory>
#include <vector>

// The owner's destructor calls the method that clears the actions.
struct State;
struct Action { std::shared_ptr<State> st; int cost = 0; }; // SHOW-expected-note {{'Action::st' closes a reference cycle (Action -> State -> Action) that 'Client::~Client' breaks: it calls 'State::clearActions', which clears 'State::actions'}} SHOW-expected-note {{'Action::st' (std::shared_ptr) keeps 'State' alive}}
struct State {
  std::map<int, std::unique_ptr<Action>> actions; // SHOW-expected-note {{'State::actions' (std::map of std::unique_ptr) keeps 'Action' alive}}
  void clearActions() { actions.clear(); }
};
struct Client {
  std::shared_ptr<State> st = std::make_shared<State>();
  Client() { st->actions[0].reset(new Action{st}); }
  ~Client() { st->clearActions(); }
};

// Two calls down from the owner's destructor.
struct Session;
struct Stream { std::shared_ptr<Session> session; }; // SHOW-expected-note {{'Stream::session' closes a reference cycle (Stream -> Session -> Stream) that 'Server::~Server' breaks: it calls 'Session::closeStreams', which clears 'Session::streams'}} SHOW-expected-note {{'Stream::session' (std::shared_ptr) keeps 'Session' alive}}
struct Session {
  std::vector<std::shared_ptr<Stream>> streams; // SHOW-expected-note {{'Session::streams' (std::vector of std::shared_ptr) keeps 'Stream' alive}}
  void closeStreams() { streams.clear(); }
  void shutdown() { closeStreams(); }
};
struct Server {
  std::shared_ptr<Session> session_;
  void accept() {
    session_ = std::make_shared<Session>();
    auto s = std::make_shared<Stream>();
    s->session = session_;
    session_->streams.push_back(s);
  }
  ~Server() { session_->shutdown(); }
};

// The break method exists, but nothing calls it: a leak.
struct Job;
struct Step { std::shared_ptr<Job> job; }; // expected-warning {{'Step::job' closes a reference cycle that is never freed (Step -> Job -> Step)}} expected-note {{'Step::job' (std::shared_ptr) keeps 'Job' alive}} SHOW-expected-warning {{'Step::job' closes}} SHOW-expected-note {{'Step::job' (std::shared_ptr)}}
struct Job {
  std::vector<std::shared_ptr<Step>> steps; // expected-note {{'Job::steps' (std::vector of std::shared_ptr) keeps 'Step' alive}} SHOW-expected-note {{'Job::steps' (std::vector}}
  void clearSteps() { steps.clear(); }
};
struct Runner {
  std::shared_ptr<Job> job = std::make_shared<Job>();
  Runner() { job->steps.push_back(std::make_shared<Step>(Step{job})); }
};

// Cleared only by the destructor of a class on the cycle: never runs.
struct Peer;
// The statement that closes it is where it is reported.
struct Link { std::shared_ptr<Peer> peer; ~Link() { peer.reset(); } };
struct Peer { std::shared_ptr<Link> link; };
void pair(std::shared_ptr<Link> l, std::shared_ptr<Peer> p) {
  l->peer = p; // expected-note {{'l->peer' ('Link::peer') keeps 'p' alive}} SHOW-expected-note {{'l->peer' ('Link::peer') keeps 'p' alive}}
  p->link = l; // expected-warning {{'p->link = l' closes a reference cycle that is never freed (p -> l -> p, through 'Peer::link' and 'Link::peer')}} expected-note {{'p->link' ('Peer::link') keeps 'l' alive}} SHOW-expected-warning {{'p->link = l' closes}} SHOW-expected-note {{'p->link' ('Peer::link')}}
}

// Kept alive until a method the program calls: a note, not a warning.
struct Txn;
struct Work { std::shared_ptr<Txn> txn; }; // expected-note {{'Work::txn' (std::shared_ptr) keeps 'Txn' alive}} SHOW-expected-note {{'Work::txn' (std::shared_ptr)}}
struct Txn {
  std::shared_ptr<Work> queue_; // expected-note {{'Txn::queue_' closes a reference cycle (Txn -> Work -> Txn) that is kept alive until 'Txn::commit' clears 'Txn::queue_'}} expected-note {{'Txn::queue_' (std::shared_ptr) keeps 'Work' alive}} SHOW-expected-note {{kept alive until 'Txn::commit'}} SHOW-expected-note {{'Txn::queue_' (std::shared_ptr)}}
  void commit() { queue_.reset(); }
};
void run(std::shared_ptr<Txn> t, std::shared_ptr<Work> w) {
  w->txn = t;
  t->queue_ = w;
  t->commit();
}
