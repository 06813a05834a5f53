package dev.rebound.bench;

import dev.rebound.bench.EndToEndBenchmark.Route;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The figures of one benchmark run and the summary it prints. */
final class Results {

    private final Map<Route, List<Load.Outcome>> bursts = new EnumMap<>(Route.class);
    private final Map<Route, Load.Outcome> steady = new EnumMap<>(Route.class);

    void throughput(Route route, Load.Outcome outcome) {
        bursts.computeIfAbsent(route, r -> new ArrayList<>()).add(outcome);
    }

    void latency(Route route, Load.Outcome outcome) {
        steady.put(route, outcome);
    }

    /** The median events per second of a path's bursts. */
    double medianThroughput(Route route) {
        List<Double> rates = bursts.getOrDefault(route, List.of()).stream().map(Load.Outcome::perSecond).sorted().toList();
        if (rates.isEmpty()) {
            return Double.NaN;
        }
        int n = rates.size();
        return n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;
    }

    /** The service's median throughput over the raw hop's. */
    double ratio() {
        return medianThroughput(Route.SERVICE) / medianThroughput(Route.RAW);
    }

    void print(PrintStream out, int events, int rounds, int rate, int seconds) {
        out.println();
        out.printf("%-10s %22s %34s%n", "", "throughput (median of " + rounds + ")",
                "latency at " + rate + "/s for " + seconds + " s");
        for (Route route : Route.values()) {
            Load.Outcome s = steady.get(route);
            out.printf("%-10s %,15.0f events/s   %s%n", route.label, medianThroughput(route),
                    s == null ? "-" : s.latency());
        }
        out.printf("ratio service / raw hop: %.2f (bursts of %,d events)%n", ratio(), events);
    }
}
