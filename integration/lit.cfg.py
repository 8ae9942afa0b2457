# lit configuration for the end-to-end tests: the real cyclint CLI on real
# compile databases. Substitutions:
#   %cyclint         the cyclint binary under test
#   %cyclint_source_dir  the repository (for examples/)
#   %python          Debian's python3 (runs the helpers below)
#   %cmake           cmake; %{cmake-flags} the generator, make program and
#                    C++ compiler of this build, for configuring test projects
#   %expect-exit N   runs the rest of the line, fails unless it exits with N
#   %unprivileged    prefix under which chmod 000 really denies reading
#                    (empty when not root); feature `unreadable-files`
#   %{clang-tidy}, %{run-clang-tidy}  the real clang-tidy-19 and its
#                    database runner; %{tidy-module} the module they --load;
#                    feature `clang-tidy`
#   %{sarif-validate} validates SARIF files with npx @microsoft/sarif-multitool
#                    (feature `sarif-multitool`)
# FileCheck and not are on PATH (LLVM's tools directory first).
import os
import shutil
import subprocess

import lit.formats

config.name = "cyclint-integration"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test"]
config.excludes = ["Inputs", "projects"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cyclint_binary_dir, "integration")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Sorted listings and tool messages must not depend on the caller's locale.
config.environment["LC_ALL"] = "C"

helpers = config.test_source_root
config.substitutions.append(
    ("%expect-exit", f"{config.python_executable} {os.path.join(helpers, 'expect_exit.py')}"))
config.substitutions.append(("%cyclint_source_dir", config.cyclint_source_dir))
config.substitutions.append(("%cyclint", config.cyclint_binary))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(
    ("%{cmake-flags}",
     f'-G "{config.cmake_generator}" "-DCMAKE_MAKE_PROGRAM={config.cmake_make_program}" '
     f'"-DCMAKE_CXX_COMPILER={config.cxx_compiler}"'))
config.substitutions.append(("%cmake", f'"{config.cmake_command}"'))

if config.cyclint_tidy_module and os.path.exists(config.clang_tidy) and \
        os.path.exists(config.run_clang_tidy):
    config.available_features.add("clang-tidy")
    config.substitutions.append(("%{tidy-module}", config.cyclint_tidy_module))
    config.substitutions.append(("%{run-clang-tidy}", config.run_clang_tidy))
    config.substitutions.append(("%{clang-tidy}", config.clang_tidy))
else:
    lit_config.note("clang-tidy 19 or the cyclint module is missing: tidy tests are unsupported")


def sarif_multitool_available():
    """True if `npx` can run @microsoft/sarif-multitool (installed by
    scripts/setup.sh; the first use downloads it into npm's cache)."""
    if shutil.which("npx") is None:
        return False
    try:
        return subprocess.run(
            ["npx", "--yes", "@microsoft/sarif-multitool", "--version"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=300).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


# npx keeps its cache under HOME and may need the proxy settings.
for var in ("HOME", "npm_config_cache", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
            "http_proxy", "https_proxy", "no_proxy"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
if sarif_multitool_available():
    config.available_features.add("sarif-multitool")
    config.substitutions.append(
        ("%{sarif-validate}",
         f"{config.python_executable} {os.path.join(helpers, 'sarif_validate.py')}"))
else:
    lit_config.note("npx cannot run @microsoft/sarif-multitool (no npx, or no network): "
                    "sarif-validate.test is unsupported")


def unprivileged_prefix():
    """A command prefix under which a chmod 000 file cannot be read, or None.

    Root reads any file (CAP_DAC_OVERRIDE), so as root the test runs cyclint
    in a new user namespace, where it is 'nobody' without that capability,
    or as nobody through setpriv. The probe lives where the tests run, so
    it also checks that the unprivileged user can reach the build tree and
    run cyclint at all; if not, the test is unsupported rather than wrong.
    """
    probe = os.path.join(config.test_exec_root, "Output", "unreadable-probe")
    shutil.rmtree(probe, ignore_errors=True)
    os.makedirs(probe)
    readable, secret = os.path.join(probe, "readable"), os.path.join(probe, "secret")
    for path in (readable, secret):
        with open(path, "w") as f:
            f.write("x\n")
    os.chmod(secret, 0)
    if os.geteuid() != 0:
        candidates = [[]]
    else:
        candidates = [["unshare", "--user", "--"],
                      ["setpriv", "--reuid=65534", "--regid=65534",
                       "--clear-groups", "--"]]
    found = None
    for prefix in candidates:
        def ok(*cmd):
            try:
                return subprocess.run(prefix + list(cmd), stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL).returncode == 0
            except OSError:
                return False
        if ok("cat", readable) and not ok("cat", secret) and \
                ok(config.cyclint_binary, "--version"):
            found = " ".join(prefix)
            break
    os.chmod(secret, 0o600)
    shutil.rmtree(probe, ignore_errors=True)
    return found


prefix = unprivileged_prefix()
if prefix is not None:
    config.available_features.add("unreadable-files")
    config.substitutions.append(("%unprivileged", prefix))
else:
    lit_config.note("chmod 000 cannot deny reading here: unreadable-source.test is unsupported")


def starts_under_memory_limit(megabytes):
    """True if cyclint starts with RLIMIT_DATA at `megabytes` (what
    --tu-memory-limit sets for its workers). An AddressSanitizer build
    reserves terabytes of shadow memory and cannot."""
    import resource

    def limit():
        _, hard = resource.getrlimit(resource.RLIMIT_DATA)
        resource.setrlimit(resource.RLIMIT_DATA, (megabytes << 20, hard))
    try:
        return subprocess.run([config.cyclint_binary, "--version"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, preexec_fn=limit).returncode == 0
    except OSError:
        return False


if starts_under_memory_limit(256):
    config.available_features.add("memory-limit")
else:
    lit_config.note("cyclint cannot start under a 256 MB data limit (a sanitizer build?): "
                    "isolation-memory.test is unsupported")
