//===- BindingModelTest.cpp - The pybind11 runtime's model and facts ------===//
//
// The binding model's YAML (built-in, user extensions, errors naming the
// line) and the "pybind11" facts section's JSON round trip, including a
// spelling this cyclint does not write.
//
//===----------------------------------------------------------------------===//

#include "models/pybind11/BindingFacts.h"
#include "models/pybind11/BindingModel.h"

#include "gtest/gtest.h"

using namespace cyclint;

TEST(BindingModel, BuiltinKnowsBothLibraries) {
  const BindingModelData &D = BindingModel::builtin().data();
  ASSERT_EQ(D.Libraries.size(), 2u);
  EXPECT_EQ(D.Libraries[0].Name, "pybind11");
  EXPECT_EQ(D.Libraries[0].TypeSetup, "custom_type_setup");
  EXPECT_EQ(D.Libraries[1].Name, "nanobind");
  EXPECT_EQ(D.Libraries[1].TypeSlots, "type_slots");
  EXPECT_TRUE(D.Callables.contains("std::function"));
  EXPECT_EQ(D.HaveGCFlag, 0x4000u);
}

TEST(BindingModel, UserFileAppendsAndReplaces) {
  BindingModel M = BindingModel::builtin();
  llvm::Error E = M.addModelText("runtime: pybind11\n"
                                 "containers: [absl::optional]\n",
                                 "user.yaml");
  ASSERT_FALSE(bool(E)) << llvm::toString(std::move(E));
  EXPECT_TRUE(M.data().Containers.contains("absl::optional"));
  EXPECT_TRUE(M.data().Containers.contains("std::vector"));
}

TEST(BindingModel, ErrorsNameFileAndLine) {
  BindingModel M = BindingModel::builtin();
  llvm::Error E = M.addModelText("runtime: pybind11\ncontainerz: [x]\n",
                                 "bad.yaml");
  std::string Message = llvm::toString(std::move(E));
  EXPECT_NE(Message.find("bad.yaml:2:"), std::string::npos) << Message;
  E = M.addModelText("runtime: cpython\n", "other.yaml");
  Message = llvm::toString(std::move(E));
  EXPECT_NE(Message.find("runtime: pybind11"), std::string::npos) << Message;
}

TEST(BindingFacts, RoundTrip) {
  BindingTUFacts F;
  HolderRecordFact R{"c:@S@Button", "Button", {"/a.cpp", 3, 8}, {}};
  R.Members.push_back({"on_click", "py::function", {"/a.cpp", 4, 16},
                       HolderKind::Object, {"std::vector"}, true, ""});
  F.Holders.push_back(R);
  BoundClassFact C;
  C.Usr = "c:@S@Button";
  C.Name = "Button";
  C.Library = "pybind11";
  C.PyName = "Button";
  C.Loc = {"/a.cpp", 10, 3};
  C.HasSetup = true;
  C.SetupLoc = {"/a.cpp", 10, 20};
  C.SetupHaveGC = true;
  C.Traverse = SlotState::Known;
  C.TraverseLoc = {"/a.cpp", 12, 5};
  C.Visited.push_back({"c:@S@Button", "on_click"});
  F.Classes.push_back(C);
  BindingFact B;
  B.Class = "c:@S@Button";
  B.Kind = BindingKind::Setter;
  B.Attribute = "on_click";
  B.Loc = {"/a.cpp", 20, 8};
  B.Function = "c:@S@Button@F@set#";
  B.FunctionName = "Button::set";
  B.ObjectParams = {0};
  F.Bindings.push_back(B);
  F.Functions.push_back({"c:@S@Button@F@set#", "Button::set",
                         {"/a.cpp", 5, 8},
                         {{0, -1, {{"c:@S@Button", "on_click"}}, {"/a.cpp", 5, 30}}}});
  KeepAliveFact K;
  K.Class = "c:@S@Button";
  K.Loc = {"/a.cpp", 21, 40};
  K.Nurse = 1;
  K.Patient = 2;
  K.PatientAnyObject = true;
  F.KeepAlive.push_back(K);

  llvm::json::Value V(toJSON(F));
  BindingTUFacts Back;
  llvm::json::Path::Root Root;
  ASSERT_TRUE(fromJSON(V, Back, Root));
  EXPECT_EQ(llvm::json::Value(toJSON(Back)), V);
  ASSERT_EQ(Back.Classes.size(), 1u);
  EXPECT_TRUE(Back.Classes[0].HasSetup);
  EXPECT_EQ(Back.Classes[0].Traverse, SlotState::Known);
  EXPECT_EQ(Back.Bindings[0].Kind, BindingKind::Setter);
  EXPECT_EQ(Back.Functions[0].Stores[0].Target, -1);
}

TEST(BindingFacts, UnknownSpellingIsAnError) {
  llvm::json::Value V = llvm::json::Object{
      {"bindings",
       llvm::json::Array{llvm::json::Object{
           {"class", "c:@S@A"},
           {"kind", "teleport"},
           {"attribute", "x"},
           {"loc", llvm::json::Object{{"file", "/a"}, {"line", 1}, {"col", 1}}}}}}};
  BindingTUFacts F;
  llvm::json::Path::Root Root;
  EXPECT_FALSE(fromJSON(V, F, Root));
}
