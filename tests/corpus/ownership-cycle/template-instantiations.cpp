// RUN: %verify %s
// The instantiations of a class template repeat its members: a list whose
// nodes link both ways is one cycle in the source however many element
// types it is instantiated with (eventpp's CallbackListBase<...>::Node came
// out 39 times). One warning stands for all, with a note counting the
// others. A cycle through other members of the same template is its own
// finding.
#include <memory>
#include <string>

template <class T> struct Chain {
  struct Link {
    std::shared_ptr<Link> prev; // expected-warning {{closes a reference cycle that is never freed}} expected-note {{keeps 'Chain<}} expected-note {{2 other instantiations of the same class templates close the same cycle through these members}}
    std::shared_ptr<Link> next; // expected-note {{keeps 'Chain<}}
    T value;
  };
  std::shared_ptr<Link> head;
  void push(T v) {
    auto l = std::make_shared<Link>();
    l->value = v;
    l->next = head;
    if (head)
      head->prev = l;
    head = l;
  }
};

Chain<int> Ints;
Chain<double> Doubles;
Chain<std::string> Strings;
void fill() {
  Ints.push(1);
  Doubles.push(2.0);
  Strings.push("three");
}
