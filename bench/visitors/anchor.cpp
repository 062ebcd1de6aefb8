// Anchors for bench/visitors/run.sh: a plain C++ brute force and hnswlib (Debian libhnswlib-dev, header only), on the
// same sift5k files and with the same protocol as Clientele.Visitors.Bench: one thread, queries one by one after a
// half-second warm-up, recall@10 by distance against the curator's ground truth. Prints the same tab-separated rows.
// Usage: anchor sift <sift5k folder> [repeat=50] [ef list=10,20,40,80,160]
//        anchor fvecs <folder with base.fvecs, query.fvecs, truth_sqdist.fvecs> <set-up name> [repeat] [ef list]
#include <hnswlib/hnswlib.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

using Rows = std::vector<std::vector<float>>;
using Clock = std::chrono::steady_clock;
constexpr int dimensions = 128;

static Rows read_tsv(const std::string& path) {
    Rows rows;
    std::ifstream file(path);
    std::string line;
    while (std::getline(file, line)) {
        if (line.empty()) continue;
        std::istringstream fields(line);
        std::vector<float> row(dimensions);
        for (auto& value : row) fields >> value;
        rows.push_back(row);
    }
    return rows;
}

template <typename T>
static std::vector<std::vector<T>> read_vecs(const std::string& path) {
    std::vector<std::vector<T>> records;
    std::ifstream file(path, std::ios::binary);
    int length = 0;
    while (file.read(reinterpret_cast<char*>(&length), 4)) {
        std::vector<T> record(length);
        file.read(reinterpret_cast<char*>(record.data()), 4 * length);
        records.push_back(record);
    }
    return records;
}

static float squared_distance(const float* left, const float* right) {
    float total = 0;
    for (int offset = 0; offset < dimensions; offset++) {
        float difference = left[offset] - right[offset];
        total += difference * difference;
    }
    return total;
}

struct Setup {
    std::string name;
    Rows base, queries;
    std::vector<std::vector<float>> truth;
};

// search(query) returns the squared distances of the 10 nearest it found
static void report(const Setup& setup, const std::string& engine, const std::string& setting, double build_seconds,
                   const std::function<std::vector<float>(const float*)>& search, int repeat) {
    double recall = 0;
    for (size_t query = 0; query < setup.queries.size(); query++) {
        float bound = setup.truth[query][9] * 1.0001f + 1e-3f;
        for (float found : search(setup.queries[query].data())) recall += found <= bound ? 0.1 : 0;
    }
    auto start = Clock::now();
    while (std::chrono::duration<double>(Clock::now() - start).count() < 0.5)
        for (const auto& query : setup.queries) search(query.data());
    start = Clock::now();
    for (int pass = 0; pass < repeat; pass++)
        for (const auto& query : setup.queries) search(query.data());
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("%s\t%s\t%s\t%.2f\t%.0f\t%.3f\n", setup.name.c_str(), engine.c_str(), setting.c_str(), build_seconds,
                repeat * setup.queries.size() / seconds, recall / setup.queries.size());
    std::fflush(stdout);
}

int main(int argc, char** argv) {
    std::string mode = argc > 1 ? argv[1] : "";
    int first_option = mode == "sift" ? 3 : 4;
    if (argc < first_option || (mode != "sift" && mode != "fvecs")) {
        std::fprintf(stderr, "usage: anchor sift <sift5k folder> [repeat] [ef list] | fvecs <folder> <name> [repeat] [ef list]\n");
        return 2;
    }
    std::string folder = argv[2];
    int repeat = argc > first_option ? std::stoi(argv[first_option]) : 50;
    std::vector<int> widths;
    std::istringstream list(argc > first_option + 1 ? argv[first_option + 1] : "10,20,40,80,160");
    for (std::string width; std::getline(list, width, ',');) widths.push_back(std::stoi(width));

    std::vector<Setup> setups;
    if (mode == "sift") {
        Rows all = read_tsv(folder + "/sift-dataset-5k.tsv");
        setups.push_back({"split", Rows(all.begin(), all.begin() + 4900), Rows(all.begin() + 4900, all.end()),
                          read_vecs<float>(folder + "/sift5k_split_groundtruth_sqdist.fvecs")});
        setups.push_back({"ood", all, read_vecs<float>(folder + "/siftsmall_query.fvecs"),
                          read_vecs<float>(folder + "/sift5k_siftsmallq_groundtruth_sqdist.fvecs")});
    } else {
        setups.push_back({argv[3], read_vecs<float>(folder + "/base.fvecs"), read_vecs<float>(folder + "/query.fvecs"),
                          read_vecs<float>(folder + "/truth_sqdist.fvecs")});
    }

    for (const Setup& current : setups) {
        const Setup* setup = &current;
        const Rows& base = setup->base;
        report(*setup, "C++ brute force (-O3 -march=native)", "-", 0, [&](const float* query) {
            std::priority_queue<float> nearest;
            for (const auto& row : base) {
                float distance = squared_distance(query, row.data());
                if (nearest.size() < 10) nearest.push(distance);
                else if (distance < nearest.top()) { nearest.pop(); nearest.push(distance); }
            }
            std::vector<float> found;
            for (; !nearest.empty(); nearest.pop()) found.push_back(nearest.top());
            return found;
        }, repeat);

        hnswlib::L2Space space(dimensions);
        auto start = Clock::now();
        hnswlib::HierarchicalNSW<float> graph(&space, base.size(), 16, 200, 42);
        for (size_t row = 0; row < base.size(); row++) graph.addPoint(base[row].data(), row);
        double built = std::chrono::duration<double>(Clock::now() - start).count();
        for (int width : widths) {
            graph.setEf(width);
            report(*setup, "hnswlib 0.6.2 M=16 efC=200", "ef=" + std::to_string(width), built, [&](const float* query) {
                auto nearest = graph.searchKnn(query, 10);
                std::vector<float> found;
                for (; !nearest.empty(); nearest.pop()) found.push_back(nearest.top().first);
                return found;
            }, repeat);
        }
    }
    return 0;
}
