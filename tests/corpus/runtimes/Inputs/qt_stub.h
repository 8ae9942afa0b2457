// Stand-in for Qt headers: same (global) names and template shapes.
#pragma once
template <class T> class QSharedPointer { T *value; void *d; };
template <class T> class QWeakPointer { T *value; void *d; };
template <class T> class QPointer { QWeakPointer<T> wp; };
template <class T> class QList { T *ptr; };
template <class T> using QVector = QList<T>;
template <class K, class V> class QHash { void *d; };
class QObject { public: virtual ~QObject(); QObject *parent_; };
