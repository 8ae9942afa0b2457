# lit configuration for the annotated corpus: each source file states its
# RUN line and its expected diagnostics inline (see tests/verify.py).
import os
import lit.formats

config.name = "cyclint-corpus"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".cc"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cyclint_binary_dir, "tests", "corpus")

verify = os.path.join(config.cyclint_source_dir, "tests", "verify.py")
config.substitutions.append(
    ("%verify", f"{config.python_executable} {verify} --cyclint {config.cyclint_binary} --workdir %t.dir"))
config.substitutions.append(("%cyclint", config.cyclint_binary))
config.substitutions.append(("%python_include", config.python_include_dir))
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
