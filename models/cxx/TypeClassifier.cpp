//===- TypeClassifier.cpp - The C++ model's classification rules ----------===//

#include "models/cxx/TypeClassifier.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace cyclint {

std::string modelName(const NamedDecl *D) {
  SmallVector<StringRef, 4> Parts{D->getName()};
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (!NS->isInline() && !NS->isAnonymousNamespace())
        Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getName());
    } else if (!isa<TranslationUnitDecl, LinkageSpecDecl>(DC)) {
      return "";
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

const std::vector<EdgeFact> &TypeClassifier::classify(QualType T,
                                                      unsigned Depth) {
  static const std::vector<EdgeFact> None;
  // Deeply nested wrappers are real but rare; recursion through template
  // arguments is bounded so that pathological metaprograms cannot hang us.
  if (T.isNull() || Depth > 12)
    return None;
  const Type *Canon = T.getCanonicalType().getTypePtr();
  auto Cached = TypeCache.find(Canon);
  if (Cached != TypeCache.end())
    return Cached->second;
  std::vector<EdgeFact> Edges = classifyUncached(Canon, Depth);
  return TypeCache[Canon] = std::move(Edges);
}

std::vector<EdgeFact> TypeClassifier::classifyUncached(const Type *T,
                                                       unsigned Depth) {
  std::vector<EdgeFact> Edges;
  auto Wrap = [&](EdgeKind Kind, StringRef Via, QualType Inner,
                  bool Collection = false) {
    for (const EdgeFact &E : classify(Inner, Depth + 1)) {
      EdgeFact Out = E;
      Out.Kind = composeEdgeKinds(Kind, E.Kind);
      Out.Collection |= Collection;
      if (!Via.empty())
        Out.Via.insert(Out.Via.begin(), Via.str());
      Edges.push_back(std::move(Out));
    }
  };
  if (T->isPointerType() || T->isReferenceType()) {
    Wrap(EdgeKind::Borrowed, "", T->getPointeeType());
    return Edges;
  }
  if (const ArrayType *AT = Ctx.getAsArrayType(QualType(T, 0))) {
    Wrap(EdgeKind::Owning, "", AT->getElementType(), /*Collection=*/true);
    return Edges;
  }
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD)
    return Edges;

  // Library types are answered by the model, by declaration, never by
  // spelling: a `shared_ptr` outside namespace std is not std::shared_ptr.
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  const NamedDecl *Named =
      Spec ? static_cast<const NamedDecl *>(Spec->getSpecializedTemplate())
           : RD;
  if (const TypeRule *Rule = Model.lookup(modelName(Named))) {
    std::string Via = Rule->Name;
    if (Rule->Kind == EdgeKind::Unknown) {
      Edges.push_back({EdgeKind::Unknown, "", {Via}});
      return Edges;
    }
    if (!Spec)
      return Edges;
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    auto Hold = [&](const TemplateArgument &Arg) {
      if (Arg.getKind() == TemplateArgument::Type)
        Wrap(Rule->Kind, Via, Arg.getAsType(), Rule->Collection);
      else if (Arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &P : Arg.pack_elements())
          if (P.getKind() == TemplateArgument::Type)
            Wrap(Rule->Kind, Via, P.getAsType(), Rule->Collection);
    };
    for (unsigned I = 0; I < Args.size(); ++I)
      if (Rule->AllArguments || llvm::is_contained(Rule->Arguments, I))
        Hold(Args[I]);
    return Edges;
  }

  if (std::optional<std::string> USR = ProgramRecord(RD)) {
    // shared_ptr<Observer<Model>> does not instantiate Observer<Model>;
    // the extractor instantiates it later, so that it has fields.
    if (Spec && !Spec->isCompleteDefinition())
      RequestInstantiation(Spec);
    if (!USR->empty())
      Edges.push_back({EdgeKind::Owning, *USR, {}});
    return Edges;
  }

  // An unmodelled library template: whatever program types it wraps are
  // held in a way we cannot see. Say so rather than guess.
  if (Spec) {
    std::string Via = modelName(Named);
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type)
        for (const EdgeFact &E : classify(Arg.getAsType(), Depth + 1))
          if (!E.TargetUSR.empty())
            Edges.push_back({EdgeKind::Unknown, E.TargetUSR, {Via}});
  }
  return Edges;
}

} // namespace cyclint
