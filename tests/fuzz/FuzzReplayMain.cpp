// main() for the fuzz targets outside libFuzzer: runs LLVMFuzzerTestOneInput once on every file
// given, and on every file under every directory given (sorted, recursively; dot files skipped).
// A crash or sanitizer report fails the test like any other; a missing path fails too, so a
// mistyped corpus directory cannot pass by running nothing.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool isHidden(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

bool collect(const std::filesystem::path& path, std::vector<std::filesystem::path>& files) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
        files.push_back(path);
        return true;
    }
    if (!std::filesystem::is_directory(path, ec)) {
        std::fprintf(stderr, "fuzz replay: %s: no such file or directory\n", path.string().c_str());
        return false;
    }
    for (std::filesystem::recursive_directory_iterator it(path, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (isHidden(it->path())) {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec))
            files.push_back(it->path());
    }
    if (ec) {
        std::fprintf(stderr, "fuzz replay: %s: %s\n", path.string().c_str(), ec.message().c_str());
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> files;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        std::vector<std::filesystem::path> found;
        ok = collect(argv[i], found) && ok;
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    for (const std::filesystem::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "fuzz replay: cannot read %s\n", file.string().c_str());
            ok = false;
            continue;
        }
        // Exactly `size` bytes on the heap, as libFuzzer passes them: ASan catches reads past the end.
        const std::vector<uint8_t> data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        // Printed before the run so that a crash names the input that caused it.
        std::fprintf(stderr, "fuzz replay: %s (%zu bytes)\n", file.string().c_str(), data.size());
        std::fflush(stderr);
        LLVMFuzzerTestOneInput(data.data(), data.size());
    }
    std::fprintf(stderr, "fuzz replay: %zu input(s) %s\n", files.size(), ok ? "passed" : "FAILED");
    return ok ? 0 : 1;
}
