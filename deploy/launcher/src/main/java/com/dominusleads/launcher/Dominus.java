package com.dominusleads.launcher;

import com.dominusleads.launcher.bench.GatewayBenchmark;
import com.dominusleads.launcher.bench.IngestBenchmark;
import com.dominusleads.launcher.ingest.IngestCommand;
import com.dominusleads.launcher.bench.LedgerBenchmark;
import com.dominusleads.launcher.bench.MessagingBenchmark;
import com.dominusleads.launcher.bench.SearchBenchmark;
import com.dominusleads.launcher.demo.DemoCommand;
import com.dominusleads.launcher.events.PublishCommand;
import com.dominusleads.launcher.events.WatchCommand;
import com.dominusleads.stack.DistributionCache;
import com.dominusleads.stack.StackHome;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Entry point of {@code ./dominus}: the local stack's commands. The shell script finds a JDK and builds first. */
public final class Dominus {

    private static final String USAGE = "usage: ./dominus up | demo | status | logs <component> [-f] | down | reset [--yes] | ingest <dir|url>"
            + " | publish <topic> [options] | watch <topic> [--tenant T] [--from-beginning]"
            + " | bench ledger|ingest|search|gateway|messaging"
            + " | generate-release <dir> (./dominus help explains each)";

    private Dominus() {
    }

    /** {@code ./dominus bench <name> [count|options]}: exit 0 when the targets are met, 4 when not. */
    private static boolean bench(List<String> args, Console console) throws Exception {
        String name = args.isEmpty() ? "" : args.get(0);
        if (name.equals("ingest")) {
            long establishments;
            try {
                establishments = args.size() > 1 ? Long.parseLong(args.get(1).replace("_", "")) : 2_000_000;
            } catch (NumberFormatException e) {
                throw new LauncherException("the size must be a number of establishments, e.g. ./dominus bench ingest 2000000");
            }
            return new IngestBenchmark(console, StackHome.locate().distributions().getParent()).run(establishments, 7);
        }
        if (name.equals("search")) {
            long establishments;
            try {
                establishments = args.size() > 1 ? Long.parseLong(args.get(1).replace("_", "")) : 10_000_000;
            } catch (NumberFormatException e) {
                throw new LauncherException("the size must be a number of establishments, e.g. ./dominus bench search 10000000");
            }
            return new SearchBenchmark(console, StackHome.locate().distributions().getParent()).run(establishments, 7);
        }
        if (name.equals("gateway")) {
            return new GatewayBenchmark(console, StackHome.locate().distributions().getParent())
                    .run(7, seconds(args, "--warm-up", 10), seconds(args, "--duration", 20));
        }
        if (name.equals("messaging")) {
            int count;
            try {
                count = args.size() > 1 && !args.get(1).startsWith("--") ? Integer.parseInt(args.get(1)) : 20_000;
            } catch (NumberFormatException e) {
                throw new LauncherException("the count must be a number of companies, e.g. ./dominus bench messaging 20000");
            }
            // 15 s of webhooks before measuring: on two cores the signed-POST path's JIT (the service's and the load
            // generator's) takes about 8 s to settle (CPU per 4 s: generator 2.7 s, then 0.8 s; service 2.6, then 1.7).
            return new MessagingBenchmark(console).run(count, seconds(args, "--warm-up", 15),
                    seconds(args, "--duration", 20));
        }
        if (!name.equals("ledger")) {
            throw new LauncherException("unknown benchmark '" + name + "': available: ledger, ingest, search, gateway,"
                    + " messaging  (./dominus bench ledger [count] [rate per second] | ./dominus bench ingest"
                    + " [establishments] | ./dominus bench search [establishments] | ./dominus bench gateway"
                    + " [--warm-up S] [--duration S] | ./dominus bench messaging [count] [--warm-up S] [--duration S])");
        }
        int count;
        int rate;
        try {
            count = args.size() > 1 ? Integer.parseInt(args.get(1)) : 20_000;
            // 10 % above the 1,000 leads/s target: meeting it must not depend on timer jitter.
            rate = args.size() > 2 ? Integer.parseInt(args.get(2)) : 1_100;
        } catch (NumberFormatException e) {
            throw new LauncherException("count and rate must be numbers, e.g. ./dominus bench ledger 20000 1100");
        }
        return new LedgerBenchmark(console).run(count, rate);
    }

    /** The whole seconds after {@code option}, or {@code otherwise}. */
    private static Duration seconds(List<String> args, String option, long otherwise) {
        int at = args.indexOf(option);
        if (at < 0) {
            return Duration.ofSeconds(otherwise);
        }
        try {
            long seconds = Long.parseLong(args.get(at + 1));
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            // falls through to the explanation
        }
        throw new LauncherException(option + " takes a number of seconds above zero, e.g. " + option + " "
                + otherwise);
    }

    public static void main(String[] args) {
        Console console = new Console();
        if (args.length == 0) {
            console.line(USAGE);
            System.exit(2);
        }
        try {
            StackHome home = StackHome.locate();
            LocalStack stack = new LocalStack(home);
            RunState state = new RunState(home.stateDir());
            DistributionCache distributions = new DistributionCache(home.distributions(),
                    message -> console.step("download", message));
            Components components = new Components(stack, state, distributions);
            DownCommand down = new DownCommand(stack, state, components, console);
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            switch (args[0]) {
                case "up" -> new UpCommand(stack, state, components, console).run();
                case "down" -> down.run();
                case "status" -> System.exit(new StatusCommand(state, components, console).run() ? 0 : 3);
                case "logs" -> new LogsCommand(state, components, console)
                        .run(rest.stream().filter(a -> !a.startsWith("-")).findFirst().orElse(null), rest.contains("-f"));
                case "reset" -> new ResetCommand(stack, down, console).run(rest.contains("--yes"));
                case "ingest" -> System.exit(new IngestCommand(stack, console).run(rest));
                case "publish" -> System.exit(new PublishCommand(stack, console).run(rest));
                case "demo" -> System.exit(new DemoCommand(stack, console).run(rest));
                // Events on standard output, everything else on standard error: the output pipes into jq.
                case "watch" -> System.exit(new WatchCommand(stack, new Console(System.err), System.out).run(rest));
                case "bench" -> System.exit(bench(rest, console) ? 0 : 4);
                case "generate-release" -> System.exit(new GenerateReleaseCommand(console).run(rest));
                default -> {
                    console.line("unknown command: " + args[0]);
                    console.line(USAGE);
                    System.exit(2);
                }
            }
        } catch (LauncherException | IllegalStateException | UncheckedIOException e) {
            // The stack's own failures: their message says what went wrong and where to look.
            console.fail("error", e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            console.fail("error", "unexpected " + e + "; ./dominus status shows what runs");
            System.exit(1);
        }
    }
}
