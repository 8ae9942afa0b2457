// RUN: %verify --cflags="-isystem %S/Inputs" %s
// Qt QSharedPointer/QWeakPointer/QPointer (models/cxx/qt.yaml).
#include <qt_stub.h>

class Account;
class Session {
  QSharedPointer<Account> account; // expected-warning {{'Session::account' closes a reference cycle that is never freed (Session -> Account -> Session)}} expected-note {{'Session::account' (QSharedPointer) keeps 'Account' alive}}
};
class Account {
  QList<QSharedPointer<Session>> sessions; // expected-note {{'Account::sessions' (QList of QSharedPointer) keeps 'Session' alive}}
};

// QPointer and QWeakPointer do not keep alive; QObject parent pointers are raw.
class Window : public QObject {
  QPointer<Window> transient_for;
  QVector<QSharedPointer<Window>> popups;
  QWeakPointer<Window> opener;
};
