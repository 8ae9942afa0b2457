// RUN: %verify --cflags="-isystem %S/Inputs" %s
// WebKit Ref/RefPtr/WeakPtr (models/cxx/webkit.yaml), used through `using WTF::`.
#include <webkit_stub.h>

class Document;
class Node : public WTF::RefCounted<Node> {
  RefPtr<Document> m_document; // expected-warning {{'Node::m_document' closes a reference cycle that is never freed (Node -> Document -> Node)}} expected-note {{'Node::m_document' (WTF::RefPtr) keeps 'Document' alive}}
};
class Document : public WTF::RefCounted<Document> {
  Vector<Ref<Node>> m_nodes; // expected-note {{'Document::m_nodes' (WTF::Vector of WTF::Ref) keeps 'Node' alive}}
};

class QuietDocument;
class QuietNode : public WTF::RefCounted<QuietNode> {
  WeakPtr<QuietDocument> m_document;
};
class QuietDocument : public WTF::RefCounted<QuietDocument> {
  Vector<Ref<QuietNode>> m_nodes;
};
