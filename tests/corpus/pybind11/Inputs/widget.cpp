#include "widget.h"

void Widget::set_listener(pybind11::object l) { listener = l; } // expected-note {{'Widget::listener' is writable from Python: method 'set_listener' ('Widget::set_listener') stores its argument}}
