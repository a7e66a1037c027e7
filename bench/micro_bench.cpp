// Micro-benchmarks: each front end's parser on a generated 10k-rule input (bench/gen), the
// checks on the parsed model, and the registry lookup. Whole-process timings are bench/run's.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>

#include "linter/engine.h"

namespace fwlint {
namespace {

constexpr int kRules = 10000;

// bench/gen's output for a format, generated once per process.
const std::string& generated(const std::string& format) {
  static std::map<std::string, std::string> cache;
  auto [it, inserted] = cache.try_emplace(format);
  if (inserted) {
    std::string command = std::string("/usr/bin/python3 ") + FWLINT_SOURCE_DIR + "/bench/gen " +
                          format + " " + std::to_string(kRules);
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
    char buffer[65536];
    while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) it->second.append(buffer, n);
    if (pclose(pipe) != 0 || it->second.empty()) throw std::runtime_error(command + " failed");
  }
  return it->second;
}

void parse(benchmark::State& state, const std::string& generator, const std::string& front_end,
           bool check) {
  SourceManager sources;
  const SourceFile& file = sources.add("bench", generated(generator));
  const FrontEnd* parser = front_end_named(front_end);
  Linter linter(sources, Registry::builtin(), RetiredServices::builtin(), {});
  size_t rules = 0;
  for (auto _ : state) {
    ParseContext context{Registry::builtin()};
    ParseResult parsed = parser->parse(file, context);
    parsed.ruleset.file = file.index();
    rules = parsed.ruleset.rule_count();
    if (check) benchmark::DoNotOptimize(linter.check(parsed.ruleset));
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * file.content().size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * rules));
  state.counters["rules"] = static_cast<double>(rules);
}

BENCHMARK_CAPTURE(parse, iptables_save, std::string("iptables-save"), std::string("iptables-save"),
                  false);
BENCHMARK_CAPTURE(parse, iptables_save_and_checks, std::string("iptables-save"),
                  std::string("iptables-save"), true);
BENCHMARK_CAPTURE(parse, nftables, std::string("nftables"), std::string("nftables"), false);
BENCHMARK_CAPTURE(parse, nftables_and_checks, std::string("nftables"), std::string("nftables"),
                  true);
BENCHMARK_CAPTURE(parse, pf, std::string("pf"), std::string("pf"), false);
BENCHMARK_CAPTURE(parse, windows_netsh, std::string("netsh"), std::string("windows-netsh"), false);
BENCHMARK_CAPTURE(parse, windows_reg, std::string("reg"), std::string("windows-reg"), false);

void registry_lookup(benchmark::State& state) {
  const Registry& registry = Registry::builtin();
  uint32_t port = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(registry.lookup(static_cast<uint16_t>(port), Transport::kTcp));
    port = (port + 7919) & 0xFFFF;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(registry_lookup);

void removed_ports_in_range(benchmark::State& state) {
  const Registry& registry = Registry::builtin();
  for (auto _ : state) {
    benchmark::DoNotOptimize(registry.removed_ports_in({1000, 9000}, Transport::kUdp));
  }
}
BENCHMARK(removed_ports_in_range);

}  // namespace
}  // namespace fwlint

BENCHMARK_MAIN();
